// TODO(stub): not implemented yet.
#include "handlers/handlers.hpp"

namespace pendientes::handlers {

Response filtrar_pendientes(Context&) { return errors::ruta_no_encontrada(); }
Response filtros(Context&) { return errors::ruta_no_encontrada(); }

}  // namespace pendientes::handlers
