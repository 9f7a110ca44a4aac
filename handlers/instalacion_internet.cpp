// TODO(stub): not implemented yet.
#include "handlers/handlers.hpp"

namespace pendientes::handlers {

Response obtener_instalacion_internet(Context&) { return errors::ruta_no_encontrada(); }
Response crear_instalacion_internet(Context&) { return errors::ruta_no_encontrada(); }
Response actualizar_instalacion_internet(Context&) { return errors::ruta_no_encontrada(); }
Response actualizar_instalacion_internet_compat(Context&) { return errors::ruta_no_encontrada(); }
Response ppoe_instalacion_internet(Context&) { return errors::ruta_no_encontrada(); }
Response vlan_instalacion_internet(Context&) { return errors::ruta_no_encontrada(); }

}  // namespace pendientes::handlers
