// TODO(stub): not implemented yet.
#include "handlers/handlers.hpp"

namespace pendientes::handlers {

Response obtener_instalacion_camaras(Context&) { return errors::ruta_no_encontrada(); }
Response crear_instalacion_camaras(Context&) { return errors::ruta_no_encontrada(); }
Response actualizar_instalacion_camaras(Context&) { return errors::ruta_no_encontrada(); }
Response actualizar_instalacion_camaras_compat(Context&) { return errors::ruta_no_encontrada(); }

}  // namespace pendientes::handlers
