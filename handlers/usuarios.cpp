// /api/usuarios (API.md §11.3).
#include "db/usuario_repository.hpp"
#include "handlers/handlers.hpp"
#include "handlers/presenters.hpp"

namespace pendientes::handlers {

Response usuario_actual(Context& ctx) {
    auto u = db::find_usuario(ctx.db, ctx.who().usuario_id);
    if (!u) return errors::usuario_inactivo();
    return success("Usuario obtenido correctamente", [&](JsonWriter& w) { present::usuario(w, *u); });
}

}  // namespace pendientes::handlers
