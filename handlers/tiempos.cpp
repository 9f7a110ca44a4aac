// TODO(stub): not implemented yet.
#include "handlers/handlers.hpp"

namespace pendientes::handlers {

Response listar_tiempos(Context&) { return errors::ruta_no_encontrada(); }
Response crear_tiempo(Context&) { return errors::ruta_no_encontrada(); }
Response actualizar_tiempo(Context&) { return errors::ruta_no_encontrada(); }
Response cerrar_ultimo_tiempo(Context&) { return errors::ruta_no_encontrada(); }
Response eliminar_tiempo(Context&) { return errors::ruta_no_encontrada(); }

}  // namespace pendientes::handlers
