// TODO(stub): not implemented yet.
#include "handlers/handlers.hpp"

namespace pendientes::handlers {

Response estado_tecnico_get(Context&) { return errors::ruta_no_encontrada(); }
Response estado_tecnico_put(Context&) { return errors::ruta_no_encontrada(); }

}  // namespace pendientes::handlers
