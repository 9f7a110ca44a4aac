#include "db/historial_repository.hpp"

#include "db/empleado_repository.hpp"

#define HISTORIAL_SELECT                                                                    \
    "SELECT h.id, h.pendiente_id, h.estado, h.detalles, h.fecha_creacion, " EMPLEADO_COLUMNS \
    " FROM historiales h JOIN empleados e ON e.id = h.empleado_id LEFT JOIN cargos c ON c.id = e.cargo_id"

namespace pendientes::db {
namespace {
HistorialRow read_historial(const Rows& r) {
    HistorialRow h;
    h.id = r.int64(1);
    h.pendiente_id = r.int64(2);
    h.estado = r.string(3);
    h.detalles = r.opt_string(4);
    h.fecha_creacion = iso_date_time(r.string(5));
    h.empleado = read_empleado(r, 6);
    return h;
}
}  // namespace

std::int64_t insert_historial(Connection& db, std::int64_t pendiente_id, std::int64_t empleado_id,
                              domain::EstadoPendiente estado, const std::optional<std::string>& detalles,
                              const std::string& now) {
    return db.statement(
                 "INSERT INTO historiales (pendiente_id, empleado_id, estado, detalles, vigente, fecha_creacion, "
                 "fecha_modificacion) VALUES (?, ?, ?, ?, 1, ?, ?)")
        .bind(pendiente_id)
        .bind(empleado_id)
        .bind(domain::name_of(estado))
        .bind(detalles)
        .bind(now)
        .bind(now)
        .insert();
}

std::vector<HistorialRow> list_historial(Connection& db, std::int64_t pendiente_id) {
    Rows rows = db.statement(HISTORIAL_SELECT " WHERE h.pendiente_id = ? AND h.vigente = 1"
                                              " ORDER BY h.fecha_creacion DESC, h.id DESC")
                    .bind(pendiente_id)
                    .query();
    std::vector<HistorialRow> out;
    while (rows.next()) out.push_back(read_historial(rows));
    return out;
}

std::optional<HistorialRow> find_historial(Connection& db, std::int64_t id) {
    Rows rows = db.statement(HISTORIAL_SELECT " WHERE h.id = ?").bind(id).query();
    if (!rows.next()) return std::nullopt;
    return read_historial(rows);
}

}  // namespace pendientes::db
