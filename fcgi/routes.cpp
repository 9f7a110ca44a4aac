// The route table: every endpoint of the service, its access and permission bits (API.md §3.6).
// Bits are "any of"; finer checks (visibility, per-transition and per-flag bits) follow in the
// handler once the record is loaded.
#include "fcgi/routes.hpp"

#include "domain/permisos.hpp"
#include "handlers/handlers.hpp"
#include "fcgi/openapi.hpp"
#include "handlers/health.hpp"

namespace pendientes {
namespace {

using namespace domain;  // permission bit names
namespace h = handlers;

constexpr int kLeer = kVerDetallePendiente | kVerTodosPendientes | kVerPendientesHistorial;  // 4, 8, 2048
constexpr int kEstado = kEditarPendiente | kAsignarTecnico | kComenzarTrabajo | kPararTrabajo | kContinuarTrabajo |
                        kFinalizarTrabajo | kRevisarFinalizados;
constexpr int kMoverTecnico = kAsignarPpoe | kAsignarVlan | kComenzarTrabajo;  // 32, 64, 128
constexpr int kTiempos = kEditarPendiente | kComenzarTrabajo | kPararTrabajo | kContinuarTrabajo | kFinalizarTrabajo;
constexpr int kCrearDetalle = kRegistrarPendiente | kEditarPendiente;
constexpr auto A = Access::Authenticated;
constexpr auto ADMIN = Access::Admin;

const Route kRoutes[] = {
    // §2 Authentication
    {"POST", "/auth", h::login, Access::Public, 0, Body::Json, "Iniciar sesión", "", "Login"},
    {"GET", "/auth/validar-token", h::validar_token, Access::Public, 0, Body::None, "Validar token", "", "Text"},

    // Operations
    {"GET", "/healthz/live", h::health_live, Access::Public, 0, Body::None, "Proceso activo", "", "Health"},
    {"GET", "/healthz/ready", h::health_ready, Access::Public, 0, Body::None, "Base de datos y migraciones listas", "", "Health"},
    {"GET", "/api/openapi.json", h::openapi, Access::Public, 0, Body::None, "Documento OpenAPI 3.1", "", "OpenApi"},
    // Loopback only: nginx denies every other client.
    {"GET", "/status", h::pool_status, Access::Public, 0, Body::None, "Estado del pool", "", "PoolStatus"},
    {"GET", "/metrics", h::pool_metrics, Access::Public, 0, Body::None, "Métricas Prometheus", "", "Text"},

    // §7 Pendientes
    {"POST", "/api/pendientes", h::crear_pendiente, A, kRegistrarPendiente, Body::Json, "Crear pendiente", "", "Pendiente"},
    {"GET", "/api/pendientes/{id}", h::obtener_pendiente, A, kLeer, Body::None, "Obtener pendiente", "", "Pendiente",
     Prefetch::PendienteDelPath},
    {"DELETE", "/api/pendientes/{id}", h::eliminar_pendiente, A, kEditarPendiente, Body::None, "Eliminar pendiente", "", ""},
    {"POST", "/api/pendientes/filtrar", h::filtrar_pendientes, A, kLeer, Body::OptionalJson, "Filtrar pendientes", "page,size,sort", "Page:Pendiente",
     Prefetch::CambiosListado},
    {"POST", "/api/pendientes/filtros", h::filtros, A, 0, Body::None, "Valores de filtro", "", "Filtros"},
    {"GET", "/api/pendientes/filtros", h::filtros, A, 0, Body::None, "Valores de filtro", "", "Filtros"},
    {"PUT", "/api/pendientes/{id}/estado", h::cambiar_estado, A, kEstado, Body::None, "Cambiar estado", "nuevoEstado!,motivo", "Pendiente"},
    {"PUT", "/api/pendientes/{id}/postergar", h::postergar, A, kEditarPendiente | kAsignarTecnico, Body::Json,
     "Postergar pendiente", "", "Pendiente"},
    {"PUT", "/api/pendientes/{id}/asignar", h::asignar, A, kAsignarTecnico, Body::None, "Asignar técnico", "idAsignado!", "Pendiente"},
    // GET without nuevoEstado reads (4, 8, 2048); with it, it mutates (32, 64, 128): the handler decides.
    {"GET", "/api/pendientes/{id}/estado-tecnico", h::estado_tecnico_get, A, kLeer | kMoverTecnico, Body::None,
     "Leer o cambiar estado técnico", "nuevoEstado", "Pendiente"},
    {"PUT", "/api/pendientes/{id}/estado-tecnico", h::estado_tecnico_put, A, kMoverTecnico, Body::None,
     "Cambiar estado técnico", "nuevoEstado!", "Pendiente"},

    // §8.1 Traslado
    {"GET", "/api/pendientes/{id}/traslado", h::obtener_traslado, A, kLeer, Body::None, "Obtener traslado", "", "Traslado"},
    {"POST", "/api/pendientes/traslado", h::crear_traslado, A, kCrearDetalle, Body::Json, "Crear traslado", "", "Traslado"},
    {"PUT", "/api/pendientes/{id}/traslado", h::actualizar_traslado, A, kEditarPendiente, Body::Json,
     "Actualizar traslado", "", "Traslado"},
    {"PUT", "/api/pendientes/traslado", h::actualizar_traslado_compat, A, kEditarPendiente, Body::Json,
     "Actualizar traslado (compat)", "", "Traslado"},
    {"PUT", "/api/pendientes/{id}/traslado/ppoe", h::ppoe_traslado, A, kAsignarPpoe, Body::None, "PPPoE del traslado", "ppoeUser!,ppoePassword!", "Traslado"},
    {"PUT", "/api/pendientes/{id}/traslado/vlan", h::vlan_traslado, A, kAsignarVlan, Body::None, "VLAN del traslado", "vlan!", "Traslado"},
    {"PUT", "/api/pendientes/{id}/traslado\xC2\xBF/vlan", h::vlan_traslado, A, kAsignarVlan, Body::None,
     "VLAN del traslado (compat)", "vlan!", "Traslado"},

    // §8.2 Instalación de internet
    {"GET", "/api/pendientes/{id}/instalacion-internet", h::obtener_instalacion_internet, A, kLeer, Body::None,
     "Obtener instalación de internet", "", "InstalacionInternet"},
    {"POST", "/api/pendientes/instalacion-internet", h::crear_instalacion_internet, A, kCrearDetalle, Body::Json,
     "Crear instalación de internet", "", "InstalacionInternet"},
    {"PUT", "/api/pendientes/{id}/instalacion-internet", h::actualizar_instalacion_internet, A, kEditarPendiente,
     Body::Json, "Actualizar instalación de internet", "", "InstalacionInternet"},
    {"PUT", "/api/pendientes/instalacion-internet", h::actualizar_instalacion_internet_compat, A, kEditarPendiente,
     Body::Json, "Actualizar instalación de internet (compat)", "", "InstalacionInternet"},
    {"PUT", "/api/pendientes/{id}/instalacion-internet/ppoe", h::ppoe_instalacion_internet, A, kAsignarPpoe,
     Body::None, "PPPoE de la instalación", "ppoeUser!,ppoePassword!", "InstalacionInternet"},
    {"PUT", "/api/pendientes/{id}/instalacion-internet/vlan", h::vlan_instalacion_internet, A, kAsignarVlan,
     Body::None, "VLAN de la instalación", "vlan!", "InstalacionInternet"},

    // §8.3 Avería
    {"GET", "/api/pendientes/{id}/averia", h::obtener_averia, A, kLeer, Body::None, "Obtener avería", "", "Averia"},
    {"POST", "/api/pendientes/averia", h::crear_averia, A, kCrearDetalle, Body::Json, "Crear avería", "", "Averia"},
    {"PUT", "/api/pendientes/{id}/averia", h::actualizar_averia, A, kEditarPendiente, Body::Json, "Actualizar avería", "", "Averia"},
    {"PUT", "/api/pendientes/averia", h::actualizar_averia_compat, A, kEditarPendiente, Body::Json,
     "Actualizar avería (compat)", "", "Averia"},
    {"PUT", "/api/pendientes/{id}/averia/ppoe", h::ppoe_averia, A, kAsignarPpoe, Body::None, "PPPoE de la avería", "ppoeUser!,ppoePassword!", "Averia"},
    {"PUT", "/api/pendientes/{id}/averia/vlan", h::vlan_averia, A, kAsignarVlan, Body::None, "VLAN de la avería", "vlan!", "Averia"},
    {"PUT", "/api/pendientes/{id}/averia\xC2\xBF/vlan", h::vlan_averia, A, kAsignarVlan, Body::None,
     "VLAN de la avería (compat)", "vlan!", "Averia"},

    // §8.4 Instalación de cámaras
    {"GET", "/api/pendientes/{id}/instalacion-camaras", h::obtener_instalacion_camaras, A, kLeer, Body::None,
     "Obtener instalación de cámaras", "", "InstalacionCamaras"},
    {"POST", "/api/pendientes/instalacion-camaras", h::crear_instalacion_camaras, A, kCrearDetalle, Body::Json,
     "Crear instalación de cámaras", "", "InstalacionCamaras"},
    {"PUT", "/api/pendientes/{id}/instalacion-camaras", h::actualizar_instalacion_camaras, A, kEditarPendiente,
     Body::Json, "Actualizar instalación de cámaras", "", "InstalacionCamaras"},
    {"PUT", "/api/pendientes/instalacion-camaras", h::actualizar_instalacion_camaras_compat, A, kEditarPendiente,
     Body::Json, "Actualizar instalación de cámaras (compat)", "", "InstalacionCamaras"},

    // §8.5 Recojo de dispositivo
    {"GET", "/api/pendientes/{id}/recojo-dispositivo", h::obtener_recojo_dispositivo, A, kLeer, Body::None,
     "Obtener recojo de dispositivo", "", "RecojoDispositivo"},
    {"POST", "/api/pendientes/recojo-dispositivo", h::crear_recojo_dispositivo, A, kCrearDetalle, Body::Json,
     "Crear recojo de dispositivo", "", "RecojoDispositivo"},
    {"PUT", "/api/pendientes/{id}/recojo-dispositivo", h::actualizar_recojo_dispositivo, A, kEditarPendiente,
     Body::Json, "Actualizar recojo de dispositivo", "", "RecojoDispositivo"},
    {"PUT", "/api/pendientes/recojo-dispositivo", h::actualizar_recojo_dispositivo_compat, A, kEditarPendiente,
     Body::Json, "Actualizar recojo de dispositivo (compat)", "", "RecojoDispositivo"},

    // §9 Tiempos
    {"GET", "/api/pendientes/{pendienteId}/tiempos", h::listar_tiempos, A, kLeer, Body::None, "Listar tiempos", "", "Array:Tiempo"},
    {"POST", "/api/pendientes/tiempos", h::crear_tiempo, A, kTiempos, Body::Json, "Registrar tiempo", "", "Tiempo"},
    {"PUT", "/api/pendientes/tiempos/{id}", h::actualizar_tiempo, A, kTiempos, Body::Json, "Actualizar tiempo", "", "Tiempo"},
    {"PUT", "/api/pendientes/tiempos/{pendienteId}/cerrar-ultimo", h::cerrar_ultimo_tiempo, A, kTiempos, Body::None,
     "Cerrar el último tiempo abierto", "empleadoId", "Tiempo"},
    {"DELETE", "/api/pendientes/tiempos/{id}", h::eliminar_tiempo, A, kTiempos, Body::None, "Eliminar tiempo", "", ""},

    // §10 Historial
    {"GET", "/api/historiales/pendiente/{pendienteId}", h::listar_historial, A, kLeer, Body::None,
     "Historial de un pendiente", "", "Array:Historial"},
    {"POST", "/api/historiales", h::crear_historial, A, kEditarPendiente | kVerPendientesHistorial, Body::Json,
     "Registrar entrada de historial", "", "Historial"},

    // §11.1 Clientes
    {"GET", "/api/clientes", h::listar_clientes, A, 0, Body::None, "Listar clientes", "page,size", "Page:Cliente"},
    {"POST", "/api/clientes", h::crear_cliente, A, kRegistrarPendiente | kEditarPendiente, Body::Json,
     "Crear cliente", "", "Cliente"},
    {"GET", "/api/clientes/{id}", h::obtener_cliente, A, 0, Body::None, "Obtener cliente", "", "Cliente"},
    {"PUT", "/api/clientes/{id}", h::actualizar_cliente, A, kRegistrarPendiente | kEditarPendiente, Body::Json,
     "Actualizar cliente", "", "Cliente"},
    {"DELETE", "/api/clientes/{id}", h::eliminar_cliente, A, kEditarPendiente, Body::None, "Eliminar cliente", "", ""},

    // §11.2 Empleados y cargos
    {"GET", "/api/empleados", h::listar_empleados, A, 0, Body::None, "Listar empleados", "", "Array:Empleado"},
    {"POST", "/api/empleados", h::crear_empleado, ADMIN, 0, Body::Json, "Crear empleado", "", "Empleado"},
    {"PUT", "/api/empleados/{id}", h::actualizar_empleado, ADMIN, 0, Body::Json, "Actualizar empleado", "", "Empleado"},
    {"DELETE", "/api/empleados/{id}", h::eliminar_empleado, ADMIN, 0, Body::None, "Eliminar empleado", "", ""},
    {"GET", "/api/empleados/cargos", h::listar_cargos, A, 0, Body::None, "Listar cargos", "", "Array:Cargo"},
    {"POST", "/api/empleados/cargo", h::crear_cargo, ADMIN, 0, Body::Json, "Crear cargo", "", "Cargo"},
    {"PUT", "/api/empleados/cargo/{id}", h::actualizar_cargo, ADMIN, 0, Body::Json, "Actualizar cargo", "", "Cargo"},
    {"DELETE", "/api/empleados/cargo/{id}", h::eliminar_cargo, ADMIN, 0, Body::None, "Eliminar cargo", "", ""},

    // §11.3 Usuarios y roles
    {"GET", "/api/usuarios/usuario", h::usuario_actual, A, 0, Body::None, "Usuario actual", "", "Usuario"},
    {"GET", "/api/usuarios", h::listar_usuarios, ADMIN, 0, Body::None, "Listar usuarios", "", "Array:Usuario"},
    {"POST", "/api/usuarios", h::crear_usuario, ADMIN, 0, Body::Json, "Crear usuario", "", "Usuario"},
    // Administrator, or the caller itself: the handler decides.
    {"GET", "/api/usuarios/{id}", h::obtener_usuario, A, 0, Body::None, "Obtener usuario", "", "Usuario"},
    {"PUT", "/api/usuarios/{id}", h::actualizar_usuario, ADMIN, 0, Body::Json, "Actualizar usuario", "", "Usuario"},
    {"DELETE", "/api/usuarios/{id}", h::eliminar_usuario, ADMIN, 0, Body::None, "Desactivar usuario", "", ""},
    {"GET", "/api/usuarios/roles", h::listar_roles, A, 0, Body::None, "Listar roles", "", "Array:Rol"},
    {"POST", "/api/usuarios/roles", h::crear_rol, ADMIN, 0, Body::Json, "Crear rol", "", "Rol"},
    {"PUT", "/api/usuarios/roles/{id}", h::actualizar_rol, ADMIN, 0, Body::Json, "Actualizar rol", "", "Rol"},
    {"DELETE", "/api/usuarios/roles/{id}", h::eliminar_rol, ADMIN, 0, Body::None, "Eliminar rol", "", ""},
};

}  // namespace

std::span<const Route> route_table() { return kRoutes; }

}  // namespace pendientes
