// TODO(stub): not implemented yet.
#include "handlers/handlers.hpp"

namespace pendientes::handlers {

Response obtener_averia(Context&) { return errors::ruta_no_encontrada(); }
Response crear_averia(Context&) { return errors::ruta_no_encontrada(); }
Response actualizar_averia(Context&) { return errors::ruta_no_encontrada(); }
Response actualizar_averia_compat(Context&) { return errors::ruta_no_encontrada(); }
Response ppoe_averia(Context&) { return errors::ruta_no_encontrada(); }
Response vlan_averia(Context&) { return errors::ruta_no_encontrada(); }

}  // namespace pendientes::handlers
