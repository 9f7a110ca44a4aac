#include "db/login_repository.hpp"

namespace pendientes::db {

std::optional<std::string> login_blocked_until(Connection& db, std::string_view dni, const std::string& now) {
    Rows rows = db.statement("SELECT bloqueado_hasta FROM login_intentos WHERE dni = ? AND bloqueado_hasta > ?")
                    .bind(dni)
                    .bind(now)
                    .query();
    if (!rows.next()) return std::nullopt;
    return rows.opt_string(1);
}

void record_login_failure(Connection& db, std::string_view dni, const std::string& now) {
    // One statement, so concurrent failures of one DNI on several workers all count.
    db.statement(
          "INSERT INTO login_intentos (dni, fallos, ultimo_fallo, bloqueado_hasta) VALUES (?, 1, ?, NULL) "
          "ON DUPLICATE KEY UPDATE fallos = fallos + 1, ultimo_fallo = VALUES(ultimo_fallo), "
          "bloqueado_hasta = IF(fallos >= 5, VALUES(ultimo_fallo) + INTERVAL LEAST(POW(2, fallos - 5), 900) SECOND, NULL)")
        .bind(dni)
        .bind(now)
        .update();
}

void clear_login_failures(Connection& db, std::string_view dni) {
    db.statement("DELETE FROM login_intentos WHERE dni = ?").bind(dni).update();
}

}  // namespace pendientes::db
