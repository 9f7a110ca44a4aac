// /api/usuarios/roles[/{id}] (API.md §3.1, §11.3).
#include "db/rol_repository.hpp"
#include "handlers/handlers.hpp"

namespace pendientes::handlers {
namespace {

constexpr std::size_t kMaxId = 50;            // §5.5
constexpr std::size_t kMaxNombre = 100;       // §5.5
constexpr std::size_t kMaxDescripcion = 200;  // §5.5

// §5.5: 1..50 characters matching ^[A-Za-z0-9_-]+$.
bool is_rol_id(std::string_view id) {
    if (id.empty() || id.size() > kMaxId) return false;
    for (char c : id) {
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

FieldError bad_rol_id(std::string_view field, std::string_view id) {
    return formato(std::string(field), rejected_string(id), "1 a 50 caracteres A-Z, a-z, 0-9, _ o -");
}

void rol(JsonWriter& w, const db::RolRow& r) {
    w.StartObject();
    json::put(w, "id", r.id);
    json::put(w, "nombre", r.nombre);
    json::put(w, "permisos", r.permisos);
    json::put(w, "descripcion", r.descripcion);
    w.EndObject();
}

Response rol_response(std::string_view message, const db::RolRow& r) {
    return success(message, [&](JsonWriter& w) { rol(w, r); });
}

std::optional<int> read_permisos(JsonFields& f, bool required) {
    auto v = f.integer("permisos", required, 0, domain::kAllPermisos);
    if (!v) return std::nullopt;
    return static_cast<int>(*v);
}

}  // namespace

Response listar_roles(Context& ctx) {
    auto rows = db::list_roles(ctx.db);
    return success("Roles obtenidos correctamente", [&](JsonWriter& w) {
        w.StartArray();
        for (const auto& r : rows) rol(w, r);
        w.EndArray();
    });
}

Response crear_rol(Context& ctx) {
    auto body = ctx.json_body();
    if (!body) return body.error();
    JsonFields f(*body);
    auto id = f.string("id", {.required = true, .non_blank = true, .max_code_points = kMaxId});
    if (id && !is_rol_id(*id)) {
        f.add(bad_rol_id("id", *id));
        id.reset();
    }
    auto nombre = f.string("nombre", {.required = true, .non_blank = true, .max_code_points = kMaxNombre});
    auto descripcion = f.string("descripcion", {.max_code_points = kMaxDescripcion});
    // Not stated as required by §11.3: a rol created without it holds no permission.
    auto permisos = read_permisos(f, false);
    if (!f.ok()) return f.error();

    db::RolRow r{*id, *nombre, permisos.value_or(0), descripcion};
    db::Transaction tx(ctx.db);
    if (!db::insert_rol(ctx.db, r)) return errors::duplicado("Ya existe un rol con ese id o nombre");
    auto created = db::find_rol(ctx.db, r.id);
    if (!created) return errors::error_interno();
    tx.commit();
    return rol_response("Rol creado correctamente", *created);
}

// Partial update of nombre, descripcion and permisos (§14 #44: permisos too). The id is the
// key and cannot change; a body `id` must name the same rol.
Response actualizar_rol(Context& ctx) {
    auto body = ctx.json_body();
    if (!body) return body.error();
    JsonFields f(*body);
    const std::string& id = ctx.path_param(0);
    if (!is_rol_id(id)) f.add(bad_rol_id("id", id));
    if (auto body_id = f.string("id", {}); body_id && *body_id != id)
        f.add(FieldError{"id", "no coincide con el id de la ruta", "NO_COINCIDE", rejected_string(*body_id)});
    db::CambiosRol c;
    c.nombre = f.string("nombre", {.non_blank = true, .max_code_points = kMaxNombre});
    c.descripcion = f.string("descripcion", {.max_code_points = kMaxDescripcion});
    c.permisos = read_permisos(f, false);
    if (!f.ok()) return f.error();

    if (!db::find_rol(ctx.db, id)) return errors::no_encontrado("Rol no encontrado");
    db::Transaction tx(ctx.db);
    if (!db::update_rol(ctx.db, id, c)) return errors::duplicado("Ya existe un rol con ese nombre");
    auto updated = db::find_rol(ctx.db, id);
    if (!updated) return errors::no_encontrado("Rol no encontrado");
    tx.commit();
    return rol_response("Rol actualizado correctamente", *updated);
}

Response eliminar_rol(Context& ctx) {
    const std::string& id = ctx.path_param(0);
    if (!is_rol_id(id)) return errors::validacion(bad_rol_id("id", id));
    switch (db::delete_rol(ctx.db, id)) {
        case db::BorradoRol::Borrado: return success_null("Rol eliminado correctamente");
        case db::BorradoRol::NoEncontrado: return errors::no_encontrado("Rol no encontrado");
        case db::BorradoRol::EnUso: return errors::en_uso("El rol tiene usuarios asignados");
    }
    return errors::error_interno();
}

}  // namespace pendientes::handlers
