#include "db/caller_repository.hpp"

namespace pendientes::db {
namespace {

// Every statement below starts with these columns and ends with the same FROM and WHERE.
#define CALLER_COLUMNS "SELECT u.id, u.empleado_id, r.permisos, r.id"
#define CALLER_FROM " FROM usuarios u JOIN roles r ON r.id = u.rol_id"
#define CALLER_WHERE " WHERE u.id = ? AND u.vigente = 1"
constexpr unsigned kCallerColumns = 4;

domain::Caller read_caller(const Rows& rows) {
    return domain::Caller{rows.int64(1), rows.opt_int64(2), rows.int32(3), rows.string(4)};
}

}  // namespace

std::optional<domain::Caller> find_active_caller(Connection& db, std::int64_t usuario_id) {
    Rows rows = db.statement(CALLER_COLUMNS CALLER_FROM CALLER_WHERE).bind(usuario_id).query();
    if (!rows.next()) return std::nullopt;
    return read_caller(rows);
}

std::optional<CallerYPrefetch> find_active_caller_y_pendiente(Connection& db, std::int64_t usuario_id,
                                                               std::int64_t pendiente_id) {
    // The caller's row drives; the pendiente hangs off it by a LEFT JOIN that matches nothing
    // when the id is unknown or soft-deleted, so the caller check reads exactly as above.
    Rows rows = db.statement(CALLER_COLUMNS ", " PENDIENTE_COLUMNS CALLER_FROM
                             " LEFT JOIN (pendientes p" PENDIENTE_JOINS ") ON p.id = ? AND p.vigente = 1" CALLER_WHERE)
                    .bind(pendiente_id)
                    .bind(usuario_id)
                    .query();
    if (!rows.next()) return std::nullopt;
    CallerYPrefetch out{read_caller(rows), std::nullopt, std::nullopt};
    if (!rows.is_null(kCallerColumns + 1)) out.pendiente = read_pendiente(rows, kCallerColumns + 1);
    return out;
}

std::optional<CallerYPrefetch> find_active_caller_y_cambios(Connection& db, std::int64_t usuario_id) {
    // One statement, so the sum is that of the snapshot the caller was checked in.
    Rows rows = db.statement(CALLER_COLUMNS ", (SELECT CAST(SUM(lc.cambios) AS SIGNED) FROM listado_cambios lc)"
                             CALLER_FROM CALLER_WHERE)
                    .bind(usuario_id)
                    .query();
    if (!rows.next()) return std::nullopt;
    return CallerYPrefetch{read_caller(rows), std::nullopt,
                           static_cast<std::uint64_t>(rows.int64(kCallerColumns + 1))};
}

}  // namespace pendientes::db
