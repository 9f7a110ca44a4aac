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

// TODO(stub): not implemented yet.
Response listar_usuarios(Context&) { return errors::ruta_no_encontrada(); }
Response crear_usuario(Context&) { return errors::ruta_no_encontrada(); }
Response obtener_usuario(Context&) { return errors::ruta_no_encontrada(); }
Response actualizar_usuario(Context&) { return errors::ruta_no_encontrada(); }
Response eliminar_usuario(Context&) { return errors::ruta_no_encontrada(); }

}  // namespace pendientes::handlers
