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
    auto id = db::insert_empleado(ctx.db, e);
    auto created = db::find_empleado_vigente(ctx.db, id);
    if (!created) return errors::error_interno();
    return success("Empleado creado correctamente", [&](JsonWriter& w) { present::empleado(w, *created); });
}

// TODO(stub): not implemented yet.
Response actualizar_empleado(Context&) { return errors::ruta_no_encontrada(); }
Response eliminar_empleado(Context&) { return errors::ruta_no_encontrada(); }

}  // namespace pendientes::handlers
