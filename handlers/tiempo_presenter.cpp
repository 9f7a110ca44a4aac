#include "handlers/tiempo_presenter.hpp"

namespace pendientes::present {

void tiempo(JsonWriter& w, const db::TiempoRow& t) {
    w.StartObject();
    json::put(w, "id", t.id);
    json::put(w, "pendienteId", t.pendiente_id);
    json::put(w, "empleadoId", t.empleado_id);
    json::put(w, "empleadoNombre", t.empleado_nombre);
    json::put(w, "horaInicio", domain::format_local_date_time(t.hora_inicio));
    if (t.hora_fin) json::put(w, "horaFin", domain::format_local_date_time(*t.hora_fin));
    else json::put_null(w, "horaFin");
    json::put(w, "descripcion", t.descripcion);
    w.EndObject();
}

}  // namespace pendientes::present
