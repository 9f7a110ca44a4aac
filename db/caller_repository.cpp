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

}  // namespace pendientes::db
