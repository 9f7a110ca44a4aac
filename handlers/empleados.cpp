// /api/empleados (API.md §11.2).
#include "db/empleado_repository.hpp"
#include "handlers/handlers.hpp"
#include "handlers/presenters.hpp"

namespace pendientes::handlers {

Response listar_empleados(Context& ctx) {
    auto rows = db::list_empleados_vigentes(ctx.db);
    return success("Empleados obtenidos correctamente",
                   [&](JsonWriter& w) { present::array(w, rows, present::empleado); });
}

Response crear_empleado(Context& ctx) {
    auto body = ctx.json_body();
    if (!body) return body.error();
    JsonFields f(*body);
    auto nombre = f.string("nombre", {.required = true, .non_blank = true, .max_code_points = 150});
    auto paterno = f.string("apellidoPaterno", {.required = true, .non_blank = true, .max_code_points = 150});
    // §11.2: a required member per the docs, but an empty string is accepted.
    auto materno = f.string("apellidoMaterno", {.required = true, .max_code_points = 150});
    auto cargo = f.id("cargoId", true);
    auto ingreso = f.date("fechaIngreso", true);
    auto telefono = f.string("telefono", {.max_code_points = 255});
    auto correo = f.string("correo", {.max_code_points = 255});
    if (!f.ok()) return f.error();

    if (!db::cargo_exists(ctx.db, *cargo)) return errors::no_encontrado("El cargo no existe");
    db::NuevoEmpleado e{*nombre, *paterno, *materno, telefono, correo, *cargo, domain::format_local_date(*ingreso)};
    db::Transaction tx(ctx.db);
    auto id = db::insert_empleado(ctx.db, e);
    auto created = db::find_empleado_vigente(ctx.db, id);
    if (!created) return errors::error_interno();
    tx.commit();
    return success("Empleado creado correctamente", [&](JsonWriter& w) { present::empleado(w, *created); });
}

// Partial update: members present (and not null, §0.3) replace the stored value, with the
// rules of creation; absent members keep theirs.
Response actualizar_empleado(Context& ctx) {
    auto body = ctx.json_body();
    if (!body) return body.error();
    JsonFields f(*body);
    auto id = ctx.path_id(0);
    if (!id) {
        for (auto& e : id.error().errors) f.add(std::move(e));
    }
    db::CambiosEmpleado c;
    c.nombre = f.string("nombre", {.non_blank = true, .max_code_points = 150});
    c.apellido_paterno = f.string("apellidoPaterno", {.non_blank = true, .max_code_points = 150});
    c.apellido_materno = f.string("apellidoMaterno", {.max_code_points = 150});
    c.telefono = f.string("telefono", {.max_code_points = 255});
    c.correo = f.string("correo", {.max_code_points = 255});
    c.cargo_id = f.id("cargoId", false);
    if (auto ingreso = f.date("fechaIngreso", false)) c.fecha_ingreso = domain::format_local_date(*ingreso);
    if (!f.ok()) return f.error();

    if (!db::find_empleado_vigente(ctx.db, *id)) return errors::no_encontrado("Empleado no encontrado");
    if (c.cargo_id && !db::cargo_exists(ctx.db, *c.cargo_id)) return errors::no_encontrado("El cargo no existe");
    db::Transaction tx(ctx.db);
    db::update_empleado(ctx.db, *id, c);
    auto updated = db::find_empleado_vigente(ctx.db, *id);
    if (!updated) return errors::no_encontrado("Empleado no encontrado");
    tx.commit();
    return success("Empleado actualizado correctamente", [&](JsonWriter& w) { present::empleado(w, *updated); });
}

// Soft delete: the empleado can no longer be assigned or register pendientes (§11.2).
Response eliminar_empleado(Context& ctx) {
    auto id = ctx.path_id(0);
    if (!id) return id.error();
    if (!db::soft_delete_empleado(ctx.db, *id)) return errors::no_encontrado("Empleado no encontrado");
    return success_null("Empleado eliminado correctamente");
}

}  // namespace pendientes::handlers
