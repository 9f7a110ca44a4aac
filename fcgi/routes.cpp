// The route table: every endpoint of the service, its permission bits (API.md §3.6) and access.
#include "fcgi/routes.hpp"

#include "domain/permisos.hpp"
#include "handlers/handlers.hpp"

namespace pendientes {
namespace {

using namespace domain;  // permission bit names
namespace h = handlers;

constexpr int kLeer = kVerDetallePendiente | kVerTodosPendientes | kVerPendientesHistorial;  // 4, 8, 2048

const Route kRoutes[] = {
    // §2 Authentication
    {"POST", "/auth", h::login, Access::Public, 0, Body::Json, "Iniciar sesión"},
    {"GET", "/auth/validar-token", h::validar_token, Access::Public, 0, Body::None, "Validar token"},

    // §7 Pendientes
    {"POST", "/api/pendientes", h::crear_pendiente, Access::Authenticated, kRegistrarPendiente, Body::Json,
     "Crear pendiente"},
    {"GET", "/api/pendientes/{id}", h::obtener_pendiente, Access::Authenticated, kLeer, Body::None,
     "Obtener pendiente"},
    {"DELETE", "/api/pendientes/{id}", h::eliminar_pendiente, Access::Authenticated, kEditarPendiente, Body::None,
     "Eliminar pendiente (baja lógica)"},

    // §11 Clientes, empleados, usuarios
    {"GET", "/api/clientes", h::listar_clientes, Access::Authenticated, 0, Body::None, "Listar clientes"},
    {"POST", "/api/clientes", h::crear_cliente, Access::Authenticated, kRegistrarPendiente | kEditarPendiente,
     Body::Json, "Crear cliente"},
    {"GET", "/api/clientes/{id}", h::obtener_cliente, Access::Authenticated, 0, Body::None, "Obtener cliente"},
    {"GET", "/api/empleados", h::listar_empleados, Access::Authenticated, 0, Body::None, "Listar empleados"},
    {"POST", "/api/empleados", h::crear_empleado, Access::Admin, kAllPermisos, Body::Json, "Crear empleado"},
    {"GET", "/api/usuarios/usuario", h::usuario_actual, Access::Authenticated, 0, Body::None, "Usuario actual"},
};

}  // namespace

std::span<const Route> route_table() { return kRoutes; }

}  // namespace pendientes
