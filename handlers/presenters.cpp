#include "handlers/presenters.hpp"

#include "domain/values.hpp"

namespace pendientes::present {

using json::key;
using json::put;
using json::put_null;

void pendiente(JsonWriter& w, const db::PendienteRow& p) {
    w.StartObject();
    put(w, "id", p.id);
    put(w, "fechaCreacion", p.fecha_creacion);
    put(w, "fechaPendiente", p.fecha_pendiente);
    put(w, "idEmpleadoRegistro", p.registrado_por);
    put(w, "registradoPor", p.registrado_por_nombre);
    put(w, "idEmpleadoAsignado", p.asignado_a);
    put(w, "asignadoA", p.asignado_a_nombre);
    put(w, "estado", domain::name_of(p.estado));
    put(w, "estadoTecnico", domain::name_of(p.estado_tecnico));
    if (p.empresa) put(w, "empresa", domain::name_of(*p.empresa));
    else put_null(w, "empresa");
    put(w, "lugar", domain::name_of(p.lugar));
    put(w, "prioridad", domain::name_of(p.prioridad));
    put(w, "tipo", domain::name_of(p.tipo));
    put(w, "direccion", p.direccion);
    put(w, "idCliente", p.cliente_id);
    put(w, "cliente", p.cliente);
    put(w, "codCliente", p.cod_cliente);
    put(w, "celularCliente", p.celular_cliente);
    put(w, "tieneDetalle", p.tiene_detalle);
    w.EndObject();
}

void empleado(JsonWriter& w, const db::EmpleadoRow& e) {
    w.StartObject();
    put(w, "id", e.id);
    put(w, "nombre", e.nombre);
    put(w, "apellidoPaterno", e.apellido_paterno);
    put(w, "apellidoMaterno", e.apellido_materno);
    put(w, "telefono", e.telefono);
    put(w, "correo", e.correo);
    key(w, "cargo");
    if (e.cargo) {
        w.StartObject();
        put(w, "id", e.cargo->id);
        put(w, "nombre", e.cargo->nombre);
        put(w, "descripcion", e.cargo->descripcion);
        w.EndObject();
    } else {
        w.Null();
    }
    if (e.cargo) put(w, "cargoNombre", e.cargo->nombre);
    else put_null(w, "cargoNombre");
    put(w, "fechaIngreso", e.fecha_ingreso);
    put(w, "vigente", e.vigente);
    w.EndObject();
}

void usuario(JsonWriter& w, const db::UsuarioRow& u) {
    w.StartObject();
    put(w, "id", u.id);
    put(w, "nombre", u.nombre);
    put(w, "dni", u.dni);
    put(w, "email", u.email);
    put(w, "activo", u.vigente);
    put(w, "vigente", u.vigente);
    key(w, "rol");
    w.StartObject();
    put(w, "id", u.rol.id);
    put(w, "nombre", u.rol.nombre);
    put(w, "permisos", u.rol.permisos);
    w.EndObject();
    key(w, "empleado");
    if (u.empleado) empleado(w, *u.empleado);
    else w.Null();
    w.EndObject();
}

void cliente(JsonWriter& w, const db::ClienteRow& c) {
    w.StartObject();
    put(w, "id", c.id);
    put(w, "tipoCliente", c.tipo_cliente);
    put(w, "nombre", c.nombre);
    put(w, "tipoDocumento", c.tipo_documento);
    put(w, "codigoCliente", c.codigo_cliente);
    put(w, "numeroDocumento", c.numero_documento);
    put(w, "direccion", c.direccion);
    put(w, "telefono", c.telefono);
    put(w, "email", c.email);
    put(w, "contactoRepresentante", c.contacto_representante);
    put(w, "vigente", c.vigente);
    w.EndObject();
}

void historial(JsonWriter& w, const db::HistorialRow& h) {
    w.StartObject();
    put(w, "id", h.id);
    put(w, "pendienteId", h.pendiente_id);
    put(w, "empleadoId", h.empleado.id);
    put(w, "empleadoNombre", domain::display_name(h.empleado.nombre, h.empleado.apellido_paterno));
    key(w, "empleado");
    empleado(w, h.empleado);
    put(w, "estado", h.estado);
    put(w, "detalles", h.detalles);
    put(w, "fechaCreacion", h.fecha_creacion);
    w.EndObject();
}

namespace {
void sort_object(JsonWriter& w, bool sorted) {
    w.StartObject();
    put(w, "empty", !sorted);
    put(w, "sorted", sorted);
    put(w, "unsorted", !sorted);
    w.EndObject();
}
}  // namespace

void page(JsonWriter& w, const PageInfo& info, const std::function<void(JsonWriter&)>& write_items) {
    const std::int64_t total_pages = info.total_elements == 0 ? 0 : (info.total_elements + info.size - 1) / info.size;
    w.StartObject();
    key(w, "content");
    write_items(w);
    key(w, "pageable");
    w.StartObject();
    put(w, "pageNumber", info.number);
    put(w, "pageSize", info.size);
    key(w, "sort");
    sort_object(w, info.sorted);
    put(w, "offset", info.number * info.size);
    put(w, "paged", true);
    put(w, "unpaged", false);
    w.EndObject();
    put(w, "last", info.number + 1 >= total_pages);
    put(w, "totalPages", total_pages);
    put(w, "totalElements", info.total_elements);
    put(w, "size", info.size);
    put(w, "number", info.number);
    key(w, "sort");
    sort_object(w, info.sorted);
    put(w, "first", info.number == 0);
    put(w, "numberOfElements", info.number_of_elements);
    put(w, "empty", info.number_of_elements == 0);
    w.EndObject();
}

}  // namespace pendientes::present
