#pragma once
// Every endpoint, grouped by the resource file that implements it. fcgi/routes.cpp binds them
// to methods, paths and permission bits.
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

// filtrar.cpp — §7.3, §7.9
Response filtrar_pendientes(Context& ctx);
Response filtros(Context& ctx);

// transiciones.cpp — §6.1, §7.4, §7.6, §7.7
Response cambiar_estado(Context& ctx);
Response postergar(Context& ctx);
Response asignar(Context& ctx);

// estado_tecnico.cpp — §6.4, §7.5
Response estado_tecnico_get(Context& ctx);
Response estado_tecnico_put(Context& ctx);

// traslado.cpp — §8.1
Response obtener_traslado(Context& ctx);
Response crear_traslado(Context& ctx);
Response actualizar_traslado(Context& ctx);
Response actualizar_traslado_compat(Context& ctx);
Response ppoe_traslado(Context& ctx);
Response vlan_traslado(Context& ctx);

// instalacion_internet.cpp — §8.2
Response obtener_instalacion_internet(Context& ctx);
Response crear_instalacion_internet(Context& ctx);
Response actualizar_instalacion_internet(Context& ctx);
Response actualizar_instalacion_internet_compat(Context& ctx);
Response ppoe_instalacion_internet(Context& ctx);
Response vlan_instalacion_internet(Context& ctx);

// averia.cpp — §8.3
Response obtener_averia(Context& ctx);
Response crear_averia(Context& ctx);
Response actualizar_averia(Context& ctx);
Response actualizar_averia_compat(Context& ctx);
Response ppoe_averia(Context& ctx);
Response vlan_averia(Context& ctx);

// instalacion_camaras.cpp — §8.4
Response obtener_instalacion_camaras(Context& ctx);
Response crear_instalacion_camaras(Context& ctx);
Response actualizar_instalacion_camaras(Context& ctx);
Response actualizar_instalacion_camaras_compat(Context& ctx);

// recojo_dispositivo.cpp — §8.5
Response obtener_recojo_dispositivo(Context& ctx);
Response crear_recojo_dispositivo(Context& ctx);
Response actualizar_recojo_dispositivo(Context& ctx);
Response actualizar_recojo_dispositivo_compat(Context& ctx);

// tiempos.cpp — §9
Response listar_tiempos(Context& ctx);
Response crear_tiempo(Context& ctx);
Response actualizar_tiempo(Context& ctx);
Response cerrar_ultimo_tiempo(Context& ctx);
Response eliminar_tiempo(Context& ctx);

// historiales.cpp — §10
Response listar_historial(Context& ctx);
Response crear_historial(Context& ctx);

// clientes.cpp — §11.1
Response listar_clientes(Context& ctx);
Response obtener_cliente(Context& ctx);
Response crear_cliente(Context& ctx);
Response actualizar_cliente(Context& ctx);
Response eliminar_cliente(Context& ctx);

// empleados.cpp — §11.2
Response listar_empleados(Context& ctx);
Response crear_empleado(Context& ctx);
Response actualizar_empleado(Context& ctx);
Response eliminar_empleado(Context& ctx);
// cargos.cpp — §11.2
Response listar_cargos(Context& ctx);
Response crear_cargo(Context& ctx);
Response actualizar_cargo(Context& ctx);
Response eliminar_cargo(Context& ctx);

// usuarios.cpp — §11.3
Response usuario_actual(Context& ctx);
Response listar_usuarios(Context& ctx);
Response crear_usuario(Context& ctx);
Response obtener_usuario(Context& ctx);
Response actualizar_usuario(Context& ctx);
Response eliminar_usuario(Context& ctx);
// roles.cpp — §11.3
Response listar_roles(Context& ctx);
Response crear_rol(Context& ctx);
Response actualizar_rol(Context& ctx);
Response eliminar_rol(Context& ctx);

}  // namespace pendientes::handlers
