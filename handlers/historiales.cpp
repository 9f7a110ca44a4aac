// GET /api/historiales/pendiente/{pendienteId} and POST /api/historiales (API.md §10).
#include "common/clock.hpp"
#include "db/empleado_repository.hpp"
#include "db/historial_repository.hpp"
#include "handlers/handlers.hpp"
#include "handlers/historial_detalles.hpp"
#include "handlers/pendiente_access.hpp"
#include "handlers/presenters.hpp"

namespace pendientes::handlers {

Response listar_historial(Context& ctx) {
    auto id = ctx.path_id(0, "pendienteId");
    if (!id) return id.error();
    auto p = pendiente_visible(ctx, *id);
    if (!p) return p.error();
    auto rows = db::list_historial(ctx.db, p->id);
    return success("Historial obtenido correctamente", [&](JsonWriter& w) { present::array(w, rows, present::historial); });
}

// A manual entry: `estado` is recorded as given and never changes the pendiente (§14 #53).
Response crear_historial(Context& ctx) {
    auto body = ctx.json_body();
    if (!body) return body.error();
    JsonFields f(*body);
    auto pendiente_id = f.id("pendienteId", true);
    auto empleado_id = f.id("empleadoId", true);
    auto estado = f.enumeration<domain::EstadoPendiente>("estado", true);
    auto detalles = f.string("detalles", {.required = true, .non_blank = true, .max_code_points = kMaxDetalles});
    if (!f.ok()) return f.error();

    // §1.2: the addressed pendiente (404), the referenced empleado (404), then visibility (403).
    auto p = db::find_pendiente(ctx.db, *pendiente_id);
    if (!p) return errors::no_encontrado("Pendiente no encontrado");
    if (!db::find_empleado_vigente(ctx.db, *empleado_id)) return errors::no_encontrado("El empleado no existe");
    if (!domain::is_visible(ctx.who(), p->ref())) return errors::sin_permiso();

    db::Transaction tx(ctx.db);
    auto id = db::insert_historial(ctx.db, p->id, *empleado_id, *estado, detalles, now_sql());
    auto created = db::find_historial(ctx.db, id);
    if (!created) return errors::error_interno();
    tx.commit();
    return success("Historial registrado correctamente", [&](JsonWriter& w) { present::historial(w, *created); });
}

}  // namespace pendientes::handlers
