// TODO(stub): not implemented yet.
#include "handlers/handlers.hpp"

namespace pendientes::handlers {

Response obtener_traslado(Context&) { return errors::ruta_no_encontrada(); }
Response crear_traslado(Context&) { return errors::ruta_no_encontrada(); }
Response actualizar_traslado(Context&) { return errors::ruta_no_encontrada(); }
Response actualizar_traslado_compat(Context&) { return errors::ruta_no_encontrada(); }
Response ppoe_traslado(Context&) { return errors::ruta_no_encontrada(); }
Response vlan_traslado(Context&) { return errors::ruta_no_encontrada(); }

}  // namespace pendientes::handlers
