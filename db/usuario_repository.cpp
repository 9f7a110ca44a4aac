#include "db/usuario_repository.hpp"

#include "common/clock.hpp"
#include "db/db_error.hpp"
#include "db/empleado_repository.hpp"

// u.* (6), r.* (4), then EMPLEADO_COLUMNS (11) starting at column 11.
#define USUARIO_SELECT                                                                              \
    "SELECT u.id, u.nombre, u.dni, u.email, u.vigente, u.password_hash, r.id, r.nombre, r.permisos, " \
    "r.descripcion, " EMPLEADO_COLUMNS                                                              \
    " FROM usuarios u JOIN roles r ON r.id = u.rol_id"                                              \
    " LEFT JOIN empleados e ON e.id = u.empleado_id LEFT JOIN cargos c ON c.id = e.cargo_id"

namespace pendientes::db {
namespace {

LoginRow read_login(const Rows& r) {
    LoginRow out;
    UsuarioRow& u = out.usuario;
    u.id = r.int64(1);
    u.nombre = r.string(2);
    u.dni = r.string(3);
    u.email = r.string(4);
    u.vigente = r.boolean(5);
    out.password_hash = r.string(6);
    u.rol = RolRow{r.string(7), r.string(8), r.int32(9), r.opt_string(10)};
    if (!r.is_null(11)) u.empleado = read_empleado(r, 11);
    return out;
}

// The unique keys of 001_schema.sql, named in MariaDB's duplicate-entry message.
Conflicto conflicto_of(const DbError& e) {
    // "Duplicate entry '<value>' for key '<key>'": look after the value, which is request data.
    const std::string what = e.what();
    const auto at = what.rfind("for key");
    const std::string key = at == std::string::npos ? what : what.substr(at);
    if (key.find("uk_usuarios_empleado_vigente") != std::string::npos) return Conflicto::Empleado;
    if (key.find("uk_usuarios_dni") != std::string::npos) return Conflicto::Dni;
    if (key.find("uk_usuarios_email") != std::string::npos) return Conflicto::Email;
    return Conflicto::Nombre;
}

std::optional<std::int64_t> as_flag(const std::optional<bool>& v) {
    if (!v) return std::nullopt;
    return *v ? 1 : 0;
}

}  // namespace

std::optional<LoginRow> find_login_by_dni(Connection& db, std::string_view dni) {
    Rows rows = db.statement(USUARIO_SELECT " WHERE u.dni = ?").bind(dni).query();
    if (!rows.next()) return std::nullopt;
    return read_login(rows);
}

std::optional<UsuarioRow> find_usuario(Connection& db, std::int64_t id) {
    Rows rows = db.statement(USUARIO_SELECT " WHERE u.id = ?").bind(id).query();
    if (!rows.next()) return std::nullopt;
    return read_login(rows).usuario;
}

std::vector<UsuarioRow> list_usuarios_vigentes(Connection& db) {
    Rows rows = db.statement(USUARIO_SELECT " WHERE u.vigente = 1 ORDER BY u.id").query();
    std::vector<UsuarioRow> out;
    while (rows.next()) out.push_back(read_login(rows).usuario);
    return out;
}

std::optional<UsuarioRow> find_usuario_vigente(Connection& db, std::int64_t id) {
    Rows rows = db.statement(USUARIO_SELECT " WHERE u.id = ? AND u.vigente = 1").bind(id).query();
    if (!rows.next()) return std::nullopt;
    return read_login(rows).usuario;
}

bool empleado_vinculado(Connection& db, std::int64_t empleado_id, std::int64_t except_usuario_id) {
    return db.statement("SELECT 1 FROM usuarios WHERE empleado_id = ? AND vigente = 1 AND id <> ?")
        .bind(empleado_id)
        .bind(except_usuario_id)
        .query()
        .next();
}

Insercion insert_usuario(Connection& db, const NuevoUsuario& u) {
    try {
        const std::string now = now_sql();
        std::int64_t id = db.statement(
                                "INSERT INTO usuarios (nombre, dni, email, password_hash, rol_id, empleado_id, vigente, "
                                "fecha_creacion, fecha_modificacion) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                              .bind(u.nombre)
                              .bind(u.dni)
                              .bind(u.email)
                              .bind(u.password_hash)
                              .bind(u.rol_id)
                              .bind(u.empleado_id)
                              .bind(u.vigente)
                              .bind(now)
                              .bind(now)
                              .insert();
        return {Conflicto::Ninguno, id};
    } catch (const DbError& e) {
        if (e.kind() == DbErrorKind::Duplicate) return {conflicto_of(e), 0};
        throw;
    }
}

Conflicto update_usuario(Connection& db, std::int64_t id, const CambiosUsuario& c) {
    try {
        // NULL keeps the column (§0.3: null = absent; a blank password = unchanged, §11.3).
        db.statement(
              "UPDATE usuarios SET nombre = COALESCE(?, nombre), dni = COALESCE(?, dni), email = COALESCE(?, email), "
              "password_hash = COALESCE(?, password_hash), rol_id = COALESCE(?, rol_id), "
              "empleado_id = COALESCE(?, empleado_id), vigente = COALESCE(?, vigente), fecha_modificacion = ? "
              "WHERE id = ? AND vigente = 1")
            .bind(c.nombre)
            .bind(c.dni)
            .bind(c.email)
            .bind(c.password_hash)
            .bind(c.rol_id)
            .bind(c.empleado_id)
            .bind(as_flag(c.vigente))
            .bind(now_sql())
            .bind(id)
            .update();
        return Conflicto::Ninguno;
    } catch (const DbError& e) {
        if (e.kind() == DbErrorKind::Duplicate) return conflicto_of(e);
        throw;
    }
}

bool soft_delete_usuario(Connection& db, std::int64_t id) {
    return db.statement("UPDATE usuarios SET vigente = 0, fecha_modificacion = ? WHERE id = ? AND vigente = 1")
               .bind(now_sql())
               .bind(id)
               .update() > 0;
}

}  // namespace pendientes::db
