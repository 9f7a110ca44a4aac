// TODO(stub): not implemented yet.
#include "handlers/handlers.hpp"

namespace pendientes::handlers {

Response listar_cargos(Context&) { return errors::ruta_no_encontrada(); }
Response crear_cargo(Context&) { return errors::ruta_no_encontrada(); }
Response actualizar_cargo(Context&) { return errors::ruta_no_encontrada(); }
Response eliminar_cargo(Context&) { return errors::ruta_no_encontrada(); }

}  // namespace pendientes::handlers
