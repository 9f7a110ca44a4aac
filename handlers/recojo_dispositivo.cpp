// TODO(stub): not implemented yet.
#include "handlers/handlers.hpp"

namespace pendientes::handlers {

Response obtener_recojo_dispositivo(Context&) { return errors::ruta_no_encontrada(); }
Response crear_recojo_dispositivo(Context&) { return errors::ruta_no_encontrada(); }
Response actualizar_recojo_dispositivo(Context&) { return errors::ruta_no_encontrada(); }
Response actualizar_recojo_dispositivo_compat(Context&) { return errors::ruta_no_encontrada(); }

}  // namespace pendientes::handlers
