#include "db/caller_repository.hpp"

namespace pendientes::db {

std::optional<domain::Caller> find_active_caller(Connection& db, std::int64_t usuario_id) {
    Rows rows = db.statement(
                      "SELECT u.id, u.empleado_id, r.permisos, r.id FROM usuarios u "
                      "JOIN roles r ON r.id = u.rol_id WHERE u.id = ? AND u.vigente = 1")
                    .bind(usuario_id)
                    .query();
    if (!rows.next()) return std::nullopt;
    return domain::Caller{rows.int64(1), rows.opt_int64(2), rows.int32(3), rows.string(4)};
}

std::optional<CallerYPendiente> find_active_caller_y_pendiente(Connection& db, std::int64_t usuario_id,
                                                                std::int64_t pendiente_id) {
    // The caller's row drives; the pendiente hangs off it by a LEFT JOIN that matches nothing
    // when the id is unknown or soft-deleted, so the caller check reads exactly as above.
    Rows rows = db.statement("SELECT u.id, u.empleado_id, r.permisos, r.id, " PENDIENTE_COLUMNS
                             " FROM usuarios u JOIN roles r ON r.id = u.rol_id"
                             " LEFT JOIN (pendientes p" PENDIENTE_JOINS ") ON p.id = ? AND p.vigente = 1"
                             " WHERE u.id = ? AND u.vigente = 1")
                    .bind(pendiente_id)
                    .bind(usuario_id)
                    .query();
    if (!rows.next()) return std::nullopt;
    CallerYPendiente out{domain::Caller{rows.int64(1), rows.opt_int64(2), rows.int32(3), rows.string(4)}, std::nullopt};
    if (!rows.is_null(5)) out.pendiente = read_pendiente(rows, 5);
    return out;
}

}  // namespace pendientes::db
