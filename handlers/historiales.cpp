// TODO(stub): not implemented yet.
#include "handlers/handlers.hpp"

namespace pendientes::handlers {

Response listar_historial(Context&) { return errors::ruta_no_encontrada(); }
Response crear_historial(Context&) { return errors::ruta_no_encontrada(); }

}  // namespace pendientes::handlers
