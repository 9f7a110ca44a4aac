#include "db/login_repository.hpp"

#include "db/db_error.hpp"

namespace pendientes::db {
namespace {

// Bookkeeping of attempts: whether a lost connection stored it or not changes nothing the
// client should do (log in again later), so it is plain unavailability, not "may be saved".
void anotar(Statement& st) {
    try {
        st.update();
    } catch (const DbError& e) {
        if (e.kind() != DbErrorKind::CommitUnknown) throw;
        throw DbError(DbErrorKind::Unavailable, e.code(), e.what());
    }
}

}  // namespace

std::optional<std::int64_t> login_blocked_seconds(Connection& db, std::string_view dni, const std::string& now) {
    Rows rows = db.statement(
                      "SELECT TIMESTAMPDIFF(SECOND, ?, bloqueado_hasta) FROM login_intentos "
                      "WHERE dni = ? AND bloqueado_hasta > ?")
                    .bind(now)
                    .bind(dni)
                    .bind(now)
                    .query();
    if (!rows.next()) return std::nullopt;
    return rows.int64(1);
}

void record_login_failure(Connection& db, std::string_view dni, const std::string& now) {
    // One statement, so concurrent failures of one DNI on several workers all count. From the
    // fifth failure on, the DNI waits 2, 4, 8 … s (at most 15 min). The times are whole
    // seconds, so the first wait is at least 1 s however late in its second the failure came.
    anotar(db.statement(
          "INSERT INTO login_intentos (dni, fallos, ultimo_fallo, bloqueado_hasta) VALUES (?, 1, ?, NULL) "
          "ON DUPLICATE KEY UPDATE fallos = fallos + 1, ultimo_fallo = VALUES(ultimo_fallo), "
          "bloqueado_hasta = IF(fallos >= 5, VALUES(ultimo_fallo) + INTERVAL LEAST(POW(2, fallos - 4), 900) SECOND, NULL)")
        .bind(dni)
        .bind(now));
}

void clear_login_failures(Connection& db, std::string_view dni) {
    anotar(db.statement("DELETE FROM login_intentos WHERE dni = ?").bind(dni));
}

}  // namespace pendientes::db
