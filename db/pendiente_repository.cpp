#include "db/pendiente_repository.hpp"

#include <stdexcept>

#include "db/rows.hpp"
#include "domain/values.hpp"

namespace pendientes::db {
namespace {

template <class E>
E stored_enum(const Rows& r, unsigned col) {
    auto text = r.string(col);
    auto e = domain::parse_enum<E>(text);
    // Only this service writes these columns; an unknown name is a corrupted row, a server fault.
    if (!e) throw std::runtime_error("unknown enum value stored in pendientes");
    return *e;
}

}  // namespace

PendienteRow read_pendiente(const Rows& r, unsigned first) {
    const unsigned o = first - 1;  // PENDIENTE_COLUMNS start at column `first`
    PendienteRow p;
    p.id = r.int64(o + 1);
    p.fecha_creacion = iso_date_time(r.string(o + 2));
    p.fecha_pendiente = iso_date_time(r.opt_string(o + 3));
    p.registrado_por = r.int64(o + 4);
    p.registrado_por_nombre = domain::display_name(r.string(o + 5), r.opt_string(o + 6));
    p.asignado_a = r.opt_int64(o + 7);
    if (p.asignado_a) p.asignado_a_nombre = domain::display_name(r.string(o + 8), r.opt_string(o + 9));
    p.estado = stored_enum<domain::EstadoPendiente>(r, o + 10);
    p.estado_tecnico = stored_enum<domain::EstadoTecnico>(r, o + 11);
    if (!r.is_null(o + 12)) p.empresa = stored_enum<domain::EmpresaPendiente>(r, o + 12);
    p.lugar = stored_enum<domain::LugarPendiente>(r, o + 13);
    p.prioridad = stored_enum<domain::PrioridadPendiente>(r, o + 14);
    p.tipo = stored_enum<domain::TipoPendiente>(r, o + 15);
    p.direccion = r.opt_string(o + 16);
    p.cliente_id = r.int64(o + 17);
    p.cliente = r.string(o + 18);
    p.cod_cliente = r.opt_string(o + 19);
    p.celular_cliente = r.opt_string(o + 20);
    p.tiene_detalle = r.boolean(o + 21);
    return p;
}

std::optional<PendienteRow> find_pendiente(Connection& db, std::int64_t id) {
    Rows rows = db.statement("SELECT " PENDIENTE_COLUMNS PENDIENTE_FROM " WHERE p.id = ? AND p.vigente = 1")
                    .bind(id)
                    .query();
    if (!rows.next()) return std::nullopt;
    return read_pendiente(rows);
}

std::optional<PendienteRow> lock_pendiente(Connection& db, std::int64_t id) {
    // Lock only the pendiente row; the joined rows are read without locks.
    if (!db.statement("SELECT id FROM pendientes WHERE id = ? AND vigente = 1 FOR UPDATE").bind(id).query().next())
        return std::nullopt;
    return find_pendiente(db, id);
}

std::int64_t insert_pendiente(Connection& db, const NuevoPendiente& p, const std::string& now) {
    std::optional<std::string> empresa;
    if (p.empresa) empresa = std::string(domain::name_of(*p.empresa));
    return db.statement(
                 "INSERT INTO pendientes (fecha_pendiente, registrado_por, asignado_a, estado, estado_tecnico, "
                 "empresa, lugar, prioridad, tipo, direccion, cliente_id, vigente, fecha_creacion, "
                 "fecha_modificacion) VALUES (?, ?, NULL, 'REGISTRADO', ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)")
        .bind(p.fecha_pendiente)
        .bind(p.registrado_por)
        .bind(domain::name_of(p.estado_tecnico))
        .bind(empresa)
        .bind(domain::name_of(p.lugar))
        .bind(domain::name_of(p.prioridad))
        .bind(domain::name_of(p.tipo))
        .bind(p.direccion)
        .bind(p.cliente_id)
        .bind(now)
        .bind(now)
        .insert();
}

void soft_delete_pendiente(Connection& db, std::int64_t id) {
    db.statement("UPDATE pendientes SET vigente = 0, fecha_modificacion = NOW() WHERE id = ? AND vigente = 1")
        .bind(id)
        .update();
}

std::int64_t audit_empleado(const domain::Caller& caller, std::int64_t system_empleado_id) {
    return caller.empleado_id.value_or(system_empleado_id);
}

}  // namespace pendientes::db
