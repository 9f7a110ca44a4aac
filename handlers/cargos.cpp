// /api/empleados/cargos and /api/empleados/cargo[/{id}] (API.md §11.2).
#include "db/cargo_repository.hpp"
#include "handlers/handlers.hpp"

namespace pendientes::handlers {
namespace {

constexpr std::size_t kMaxNombre = 100;       // §5.5
constexpr std::size_t kMaxDescripcion = 255;  // §5.5

void cargo(JsonWriter& w, const db::CargoRow& c) {
    w.StartObject();
    json::put(w, "id", c.id);
    json::put(w, "nombre", c.nombre);
    json::put(w, "descripcion", c.descripcion);
    w.EndObject();
}

Response cargo_response(std::string_view message, const db::CargoRow& c) {
    return success(message, [&](JsonWriter& w) { cargo(w, c); });
}

}  // namespace

Response listar_cargos(Context& ctx) {
    auto rows = db::list_cargos_vigentes(ctx.db);
    return success("Cargos obtenidos correctamente", [&](JsonWriter& w) {
        w.StartArray();
        for (const auto& c : rows) cargo(w, c);
        w.EndArray();
    });
}

Response crear_cargo(Context& ctx) {
    auto body = ctx.json_body();
    if (!body) return body.error();
    JsonFields f(*body);
    auto nombre = f.string("nombre", {.required = true, .non_blank = true, .max_code_points = kMaxNombre});
    auto descripcion = f.string("descripcion", {.max_code_points = kMaxDescripcion});
    if (!f.ok()) return f.error();

    db::Transaction tx(ctx.db);
    auto id = db::insert_cargo(ctx.db, *nombre, descripcion);
    if (!id) return errors::duplicado("Ya existe un cargo con ese nombre");
    auto created = db::find_cargo_vigente(ctx.db, *id);
    if (!created) return errors::error_interno();
    tx.commit();
    return cargo_response("Cargo creado correctamente", *created);
}

// Partial update: members present replace the stored value.
Response actualizar_cargo(Context& ctx) {
    auto body = ctx.json_body();
    if (!body) return body.error();
    JsonFields f(*body);
    auto id = ctx.path_id(0);
    if (!id) {
        for (auto& e : id.error().errors) f.add(std::move(e));
    }
    db::CambiosCargo c;
    c.nombre = f.string("nombre", {.non_blank = true, .max_code_points = kMaxNombre});
    c.descripcion = f.string("descripcion", {.max_code_points = kMaxDescripcion});
    if (!f.ok()) return f.error();

    db::Transaction tx(ctx.db);
    if (!db::find_cargo_vigente(ctx.db, *id)) return errors::no_encontrado("Cargo no encontrado");
    if (!db::update_cargo(ctx.db, *id, c)) return errors::duplicado("Ya existe un cargo con ese nombre");
    auto updated = db::find_cargo_vigente(ctx.db, *id);
    if (!updated) return errors::no_encontrado("Cargo no encontrado");
    tx.commit();
    return cargo_response("Cargo actualizado correctamente", *updated);
}

Response eliminar_cargo(Context& ctx) {
    auto id = ctx.path_id(0);
    if (!id) return id.error();
    if (!db::soft_delete_cargo(ctx.db, *id)) return errors::no_encontrado("Cargo no encontrado");
    return success_null("Cargo eliminado correctamente");
}

}  // namespace pendientes::handlers
