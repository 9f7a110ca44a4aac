#include "handlers/detalle_presenters.hpp"

namespace pendientes::present {
namespace {

using json::put;

void ids(JsonWriter& w, std::int64_t pendiente_id) {
    put(w, "id", pendiente_id);
    put(w, "pendienteId", pendiente_id);
}

void red(JsonWriter& w, const db::RedRow& r) {
    put(w, "vlan", r.vlan);
    put(w, "ppoe", r.ppoe);
    put(w, "ppoePassword", r.ppoe_password);
}

}  // namespace

void traslado(JsonWriter& w, const db::TrasladoRow& d) {
    w.StartObject();
    ids(w, d.pendiente_id);
    put(w, "lugarDestino", domain::name_of(d.campos.lugar_destino));
    put(w, "direccionDestino", d.campos.direccion_destino);
    put(w, "tipoServicio", domain::name_of(d.campos.tipo_servicio));
    red(w, d.red);
    w.EndObject();
}

void instalacion_internet(JsonWriter& w, const db::InstalacionInternetRow& d) {
    w.StartObject();
    ids(w, d.pendiente_id);
    put(w, "velocidadSolicitada", d.campos.velocidad_solicitada);
    put(w, "costoFijo", d.campos.costo_fijo);
    put(w, "tipoInstalacion", domain::name_of(d.campos.tipo_instalacion));
    red(w, d.red);
    w.EndObject();
}

void averia(JsonWriter& w, const db::AveriaRow& d) {
    w.StartObject();
    ids(w, d.pendiente_id);
    put(w, "descripcionFalla", d.campos.descripcion_falla);
    red(w, d.red);
    w.EndObject();
}

void instalacion_camaras(JsonWriter& w, const db::InstalacionCamarasRow& d) {
    w.StartObject();
    ids(w, d.pendiente_id);
    w.EndObject();
}

void recojo_dispositivo(JsonWriter& w, const db::RecojoDispositivoRow& d) {
    w.StartObject();
    ids(w, d.pendiente_id);
    put(w, "dispositivo", domain::name_of(d.campos.dispositivo));
    put(w, "motivo", d.campos.motivo);
    w.EndObject();
}

}  // namespace pendientes::present
