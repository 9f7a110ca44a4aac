#include "domain/permisos.hpp"

#include <array>

namespace pendientes::domain {

namespace {

// §3.5, "Purpose" column as the description.
constexpr std::array kDefaultRoles{
    RolPorDefecto{"ADMN", "Administrador", kAllPermisos, "full access"},
    RolPorDefecto{"CORD", "Coordinadora",
                  kRegistrarPendiente | kEditarPendiente | kVerDetallePendiente |
                      kVerTodosPendientes | kAsignarTecnico | kAsignarPpoe | kAsignarVlan |
                      kVerPendientesHistorial | kRevisarFinalizados,
                  "manages and assigns orders, validates, controls PPPoE/VLAN"},
    RolPorDefecto{"ATAC", "Atención al Cliente",
                  kRegistrarPendiente | kVerDetallePendiente | kVerTodosPendientes |
                      kAsignarPpoe | kVerPendientesHistorial,
                  "takes client calls, registers faults, PPPoE records, history"},
    RolPorDefecto{"CONT", "Contabilidad",
                  kVerDetallePendiente | kVerTodosPendientes | kVerPendientesHistorial |
                      kRevisarGastos | kRevisarFinalizados,
                  "validates orders, reviews costs, history"},
    RolPorDefecto{"ASES", "Asesor",
                  kRegistrarPendiente | kVerDetallePendiente | kVerPendientesHistorial,
                  "registers orders in the shop, sees own orders and the history"},
    RolPorDefecto{"TECN", "Tecnico",
                  kVerDetallePendiente | kAsignarPpoe | kAsignarVlan | kComenzarTrabajo |
                      kPararTrabajo | kContinuarTrabajo | kFinalizarTrabajo,
                  "executes own orders in the field, sets PPPoE/VLAN"},
};

bool is_closed_for_history(EstadoPendiente estado) {
  return estado == EstadoPendiente::FINALIZADO || estado == EstadoPendiente::CANCELADO;
}

}  // namespace

bool has_any(int permisos, int mask) { return mask == 0 || (permisos & mask) != 0; }

bool is_valid_permisos(int permisos) { return permisos >= 0 && permisos <= kAllPermisos; }

bool is_admin(const Caller& caller) {
  return (caller.permisos & kAllPermisos) == kAllPermisos;
}

bool is_own(const Caller& caller, const PendienteRef& pendiente) {
  if (!caller.empleado_id) return false;
  return pendiente.registrado_por == *caller.empleado_id ||
         pendiente.asignado_a == caller.empleado_id;
}

bool is_visible(const Caller& caller, const PendienteRef& pendiente) {
  return is_writable(caller, pendiente) ||
         ((caller.permisos & kVerPendientesHistorial) != 0 &&
          is_closed_for_history(pendiente.estado));
}

bool is_writable(const Caller& caller, const PendienteRef& pendiente) {
  return (caller.permisos & kVerTodosPendientes) != 0 ||
         ((caller.permisos & kVerDetallePendiente) != 0 && is_own(caller, pendiente));
}

bool own_entry_rule_applies(const Caller& caller) {
  return !has_any(caller.permisos, kEditarPendiente | kVerTodosPendientes);
}

bool may_touch_tiempo_of(const Caller& caller, std::int64_t tiempo_empleado_id) {
  return !own_entry_rule_applies(caller) || caller.empleado_id == tiempo_empleado_id;
}

std::span<const RolPorDefecto> default_roles() { return kDefaultRoles; }

}  // namespace pendientes::domain
