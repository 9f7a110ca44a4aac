// TODO(stub): not implemented yet.
#include "handlers/handlers.hpp"

namespace pendientes::handlers {

Response cambiar_estado(Context&) { return errors::ruta_no_encontrada(); }
Response postergar(Context&) { return errors::ruta_no_encontrada(); }
Response asignar(Context&) { return errors::ruta_no_encontrada(); }

}  // namespace pendientes::handlers
