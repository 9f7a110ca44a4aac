#pragma once
// Every endpoint, grouped by resource file. The route table (fcgi/routes.cpp) binds them to paths.
#include "fcgi/context.hpp"
#include "fcgi/response.hpp"

namespace pendientes::handlers {

// auth.cpp — §2
Response login(Context& ctx);
Response validar_token(Context& ctx);

// pendientes.cpp — §7.1, §7.2, §7.8
Response crear_pendiente(Context& ctx);
Response obtener_pendiente(Context& ctx);
Response eliminar_pendiente(Context& ctx);

// clientes.cpp — §11.1
Response listar_clientes(Context& ctx);
Response obtener_cliente(Context& ctx);
Response crear_cliente(Context& ctx);

// empleados.cpp — §11.2
Response listar_empleados(Context& ctx);
Response crear_empleado(Context& ctx);

// usuarios.cpp — §11.3
Response usuario_actual(Context& ctx);

}  // namespace pendientes::handlers
