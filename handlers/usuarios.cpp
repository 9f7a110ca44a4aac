// /api/usuarios (API.md §2.6, §11.3).
#include "auth/password.hpp"
#include "db/empleado_repository.hpp"
#include "db/rol_repository.hpp"
#include "db/usuario_repository.hpp"
#include "handlers/handlers.hpp"
#include "handlers/presenters.hpp"

namespace pendientes::handlers {
namespace {

constexpr std::size_t kMaxTexto = 150;  // usuario nombre, dni, email (§5.5)
constexpr std::size_t kMaxRolId = 50;

Response usuario_response(std::string_view message, const db::UsuarioRow& u) {
    return success(message, [&](JsonWriter& w) { present::usuario(w, u); });
}

// §2.6: 1..72 bytes, because bcrypt silently ignores the rest. Never echoed (rejectedValue null).
std::optional<std::string> read_password(JsonFields& f, bool required) {
    auto password = f.string("password", {.required = required, .secret = true});
    if (!password) return std::nullopt;
    if (password->empty()) {
        if (required) f.add(FieldError{"password", "no puede estar vacío", "REQUERIDO", std::nullopt});
        return std::nullopt;
    }
    if (password->size() > auth::kMaxPasswordBytes) {
        f.add(FieldError{"password", "longitud máxima 72 bytes", "LONGITUD_MAXIMA", std::nullopt});
        return std::nullopt;
    }
    return password;
}

ApiError conflicto_error(db::Conflicto c) {
    switch (c) {
        case db::Conflicto::Nombre: return errors::duplicado("Ya existe un usuario con ese nombre");
        case db::Conflicto::Dni: return errors::duplicado("Ya existe un usuario con ese DNI");
        case db::Conflicto::Email: return errors::duplicado("Ya existe un usuario con ese email");
        case db::Conflicto::Empleado:
        case db::Conflicto::Ninguno: break;
    }
    return errors::duplicado("El empleado ya está vinculado a un usuario activo");
}

// Checks 6 and 9 for the references of a create or update: rol (404), empleado (404), and the
// one-active-usuario-per-empleado rule (409).
std::optional<ApiError> check_referencias(Context& ctx, const std::optional<std::string>& rol_id,
                                          const std::optional<std::int64_t>& empleado_id, std::int64_t usuario_id) {
    if (rol_id && !db::find_rol(ctx.db, *rol_id)) return errors::no_encontrado("El rol no existe");
    if (empleado_id) {
        if (!db::find_empleado_vigente(ctx.db, *empleado_id)) return errors::no_encontrado("El empleado no existe");
        if (db::empleado_vinculado(ctx.db, *empleado_id, usuario_id))
            return errors::duplicado("El empleado ya está vinculado a un usuario activo");
    }
    return std::nullopt;
}

}  // namespace

Response usuario_actual(Context& ctx) {
    auto u = db::find_usuario(ctx.db, ctx.who().usuario_id);
    if (!u) return errors::usuario_inactivo();
    return success("Usuario obtenido correctamente", [&](JsonWriter& w) { present::usuario(w, *u); });
}

Response listar_usuarios(Context& ctx) {
    auto rows = db::list_usuarios_vigentes(ctx.db);
    return success("Usuarios obtenidos correctamente", [&](JsonWriter& w) { present::array(w, rows, present::usuario); });
}

Response crear_usuario(Context& ctx) {
    auto body = ctx.json_body();
    if (!body) return body.error();
    JsonFields f(*body);
    auto nombre = f.string("nombre", {.required = true, .non_blank = true, .max_code_points = kMaxTexto});
    auto dni = f.string("dni", {.required = true, .non_blank = true, .max_code_points = kMaxTexto});
    auto email = f.string("email", {.required = true, .non_blank = true, .max_code_points = kMaxTexto});
    auto password = read_password(f, true);
    auto rol_id = f.string("idRol", {.required = true, .non_blank = true, .max_code_points = kMaxRolId});
    auto empleado_id = f.id("empleadoId", true);
    auto activo = f.boolean("activo", false);
    if (!f.ok()) return f.error();

    if (auto problem = check_referencias(ctx, rol_id, empleado_id, 0)) return *problem;
    auto hash = auth::hash_password(*password);
    if (!hash) return errors::validacion(FieldError{"password", "no se puede cifrar", "FORMATO", std::nullopt});

    db::NuevoUsuario u{*nombre, *dni, *email, *hash, *rol_id, *empleado_id, activo.value_or(true)};
    db::Transaction tx(ctx.db);
    auto inserted = db::insert_usuario(ctx.db, u);
    if (inserted.conflicto != db::Conflicto::Ninguno) return conflicto_error(inserted.conflicto);
    auto created = db::find_usuario(ctx.db, inserted.id);
    if (!created) return errors::error_interno();
    tx.commit();
    return usuario_response("Usuario creado correctamente", *created);
}

// Administrator, or the caller itself (§11.3). The permission check (§1.2 check 4) comes
// before the syntax of the id: a non-administrator asking for anything but its own id is 403.
Response obtener_usuario(Context& ctx) {
    auto id = ctx.path_id(0);
    if (!domain::is_admin(ctx.who()) && !(id && *id == ctx.who().usuario_id)) return errors::sin_permiso();
    if (!id) return id.error();
    auto u = db::find_usuario_vigente(ctx.db, *id);
    if (!u) return errors::no_encontrado("Usuario no encontrado");
    return usuario_response("Usuario obtenido correctamente", *u);
}

// Partial update with the rules of creation; a blank or absent password keeps the current one.
Response actualizar_usuario(Context& ctx) {
    auto body = ctx.json_body();
    if (!body) return body.error();
    JsonFields f(*body);
    auto id = ctx.path_id(0);
    if (!id) {
        for (auto& e : id.error().errors) f.add(std::move(e));
    }
    db::CambiosUsuario c;
    c.nombre = f.string("nombre", {.non_blank = true, .max_code_points = kMaxTexto});
    c.dni = f.string("dni", {.non_blank = true, .max_code_points = kMaxTexto});
    c.email = f.string("email", {.non_blank = true, .max_code_points = kMaxTexto});
    std::optional<std::string> password;
    if (auto raw = f.string("password", {.secret = true}); raw && !domain::is_blank(*raw)) password = read_password(f, false);
    c.rol_id = f.string("idRol", {.non_blank = true, .max_code_points = kMaxRolId});
    c.empleado_id = f.id("empleadoId", false);
    c.vigente = f.boolean("activo", false);
    if (!f.ok()) return f.error();

    if (!db::find_usuario_vigente(ctx.db, *id)) return errors::no_encontrado("Usuario no encontrado");
    if (auto problem = check_referencias(ctx, c.rol_id, c.empleado_id, *id)) return *problem;
    if (password) {
        c.password_hash = auth::hash_password(*password);
        if (!c.password_hash)
            return errors::validacion(FieldError{"password", "no se puede cifrar", "FORMATO", std::nullopt});
    }
    db::Transaction tx(ctx.db);
    if (auto conflicto = db::update_usuario(ctx.db, *id, c); conflicto != db::Conflicto::Ninguno)
        return conflicto_error(conflicto);
    auto updated = db::find_usuario(ctx.db, *id);
    if (!updated) return errors::no_encontrado("Usuario no encontrado");
    tx.commit();
    return usuario_response("Usuario actualizado correctamente", *updated);
}

// Soft delete: the usuario's tokens stop working on its next request (§2.5 step 6).
Response eliminar_usuario(Context& ctx) {
    auto id = ctx.path_id(0);
    if (!id) return id.error();
    if (!db::soft_delete_usuario(ctx.db, *id)) return errors::no_encontrado("Usuario no encontrado");
    return success_null("Usuario desactivado correctamente");
}

}  // namespace pendientes::handlers
