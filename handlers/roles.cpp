// TODO(stub): not implemented yet.
#include "handlers/handlers.hpp"

namespace pendientes::handlers {

Response listar_roles(Context&) { return errors::ruta_no_encontrada(); }
Response crear_rol(Context&) { return errors::ruta_no_encontrada(); }
Response actualizar_rol(Context&) { return errors::ruta_no_encontrada(); }
Response eliminar_rol(Context&) { return errors::ruta_no_encontrada(); }

}  // namespace pendientes::handlers
