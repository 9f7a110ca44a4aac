// pendientesctl create-user, set-password, deactivate-user, list-users (issue 7).
#include <cstdio>

#include "auth/password.hpp"
#include "common/clock.hpp"
#include "ctl/commands.hpp"
#include "db/connection.hpp"
#include "db/db_error.hpp"

namespace pendientes::ctl {
namespace {

std::optional<std::string> hashed(const std::string& password) {
    if (password.empty()) {
        std::fprintf(stderr, "the password must not be empty\n");
        return std::nullopt;
    }
    auto hash = auth::hash_password(password);
    if (!hash) std::fprintf(stderr, "the password must be at most 72 bytes, without NUL\n");
    return hash;
}

}  // namespace

int create_user(const Config& config, const Args& args) {
    const std::string dni = args.required("dni");
    const std::string nombre = args.get("nombre").value_or(dni);
    const std::string email = args.required("email");
    const std::string rol = args.get("rol").value_or("ADMN");
    std::optional<std::int64_t> empleado;
    if (auto e = args.get("empleado")) empleado = std::stoll(*e);
    auto hash = hashed(read_password(args));
    if (!hash) return 1;

    db::DriverThread driver_thread;
    db::Connection db(config.db);
    if (!db.statement("SELECT 1 FROM roles WHERE id = ?").bind(rol).query().next()) {
        std::fprintf(stderr, "create-user: rol %s does not exist\n", rol.c_str());
        return 1;
    }
    if (empleado && !db.statement("SELECT 1 FROM empleados WHERE id = ? AND vigente = 1").bind(*empleado).query().next()) {
        std::fprintf(stderr, "create-user: empleado %lld does not exist\n", static_cast<long long>(*empleado));
        return 1;
    }
    const std::string now = now_sql();
    try {
        auto id = db.statement(
                        "INSERT INTO usuarios (nombre, dni, email, password_hash, rol_id, empleado_id, vigente, "
                        "fecha_creacion, fecha_modificacion) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)")
                      .bind(nombre).bind(dni).bind(email).bind(*hash).bind(rol).bind(empleado).bind(now).bind(now)
                      .insert();
        std::printf("created usuario %lld (dni %s, rol %s)\n", static_cast<long long>(id), dni.c_str(), rol.c_str());
        return 0;
    } catch (const db::DbError& e) {
        if (e.kind() != db::DbErrorKind::Duplicate) throw;
        std::fprintf(stderr, "create-user: dni, nombre, email or empleado already used by another usuario\n");
        return 1;
    }
}

int set_password(const Config& config, const Args& args) {
    const std::string dni = args.required("dni");
    auto hash = hashed(read_password(args));
    if (!hash) return 1;
    db::DriverThread driver_thread;
    db::Connection db(config.db);
    auto n = db.statement("UPDATE usuarios SET password_hash = ?, fecha_modificacion = ? WHERE dni = ?")
                 .bind(*hash).bind(now_sql()).bind(dni).update();
    if (n == 0) {
        std::fprintf(stderr, "set-password: no usuario with dni %s\n", dni.c_str());
        return 1;
    }
    std::printf("password changed for dni %s\n", dni.c_str());
    return 0;
}

int deactivate_user(const Config& config, const Args& args) {
    const std::string dni = args.required("dni");
    db::DriverThread driver_thread;
    db::Connection db(config.db);
    auto n = db.statement("UPDATE usuarios SET vigente = 0, fecha_modificacion = ? WHERE dni = ? AND vigente = 1")
                 .bind(now_sql()).bind(dni).update();
    if (n == 0) {
        std::fprintf(stderr, "deactivate-user: no active usuario with dni %s\n", dni.c_str());
        return 1;
    }
    // Tokens die with it: every request re-reads vigente (§2.5).
    std::printf("usuario with dni %s deactivated; its tokens stop working now\n", dni.c_str());
    return 0;
}

int list_users(const Config& config) {
    db::DriverThread driver_thread;
    db::Connection db(config.db);
    db::Rows rows = db.statement(
                          "SELECT u.id, u.dni, u.nombre, u.email, u.rol_id, u.empleado_id, u.vigente FROM usuarios u "
                          "ORDER BY u.id")
                        .query();
    std::printf("%-6s %-15s %-20s %-32s %-6s %-9s %s\n", "id", "dni", "nombre", "email", "rol", "empleado", "activo");
    while (rows.next()) {
        auto empleado = rows.opt_int64(6);
        std::printf("%-6lld %-15s %-20s %-32s %-6s %-9s %s\n", static_cast<long long>(rows.int64(1)),
                    rows.string(2).c_str(), rows.string(3).c_str(), rows.string(4).c_str(), rows.string(5).c_str(),
                    empleado ? std::to_string(*empleado).c_str() : "-", rows.boolean(7) ? "si" : "no");
    }
    return 0;
}

}  // namespace pendientes::ctl
