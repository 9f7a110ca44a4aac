#include "db/usuario_repository.hpp"

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

}  // namespace pendientes::db
