#include "domain/estado_tecnico.hpp"

#include "domain/permisos.hpp"

namespace pendientes::domain {

FlagsTecnico flags_of(EstadoTecnico estado) {
  switch (estado) {
    case EstadoTecnico::OK:
      return {.ppoe = false, .vlan = false};
    case EstadoTecnico::PENDIENTE_PPPoE:
      return {.ppoe = true, .vlan = false};
    case EstadoTecnico::PENDIENTE_VLAN:
      return {.ppoe = false, .vlan = true};
    case EstadoTecnico::PENDIENTE_PPPoE_Y_VLAN:
      return {.ppoe = true, .vlan = true};
  }
  return {};
}

EstadoTecnico estado_tecnico_of(FlagsTecnico flags) {
  if (flags.ppoe && flags.vlan) return EstadoTecnico::PENDIENTE_PPPoE_Y_VLAN;
  if (flags.ppoe) return EstadoTecnico::PENDIENTE_PPPoE;
  if (flags.vlan) return EstadoTecnico::PENDIENTE_VLAN;
  return EstadoTecnico::OK;
}

bool tiene_configuracion_red(TipoPendiente tipo) {
  return tipo == TipoPendiente::TRASLADO || tipo == TipoPendiente::INSTALACION_INTERNET ||
         tipo == TipoPendiente::AVERIA;
}

EstadoTecnico after_ppoe_set(EstadoTecnico estado) {
  FlagsTecnico flags = flags_of(estado);
  flags.ppoe = false;
  return estado_tecnico_of(flags);
}

EstadoTecnico after_vlan_set(EstadoTecnico estado) {
  FlagsTecnico flags = flags_of(estado);
  flags.vlan = false;
  return estado_tecnico_of(flags);
}

MovimientoTecnico check_estado_tecnico_move(TipoPendiente tipo, EstadoTecnico from,
                                            EstadoTecnico to, int caller_permisos) {
  if (!tiene_configuracion_red(tipo) && to != EstadoTecnico::OK) {
    return MovimientoTecnico::TransicionInvalida;
  }
  if (from == to) return MovimientoTecnico::SinCambio;

  const FlagsTecnico before = flags_of(from);
  const FlagsTecnico after = flags_of(to);
  const bool only_adds = (!before.ppoe || after.ppoe) && (!before.vlan || after.vlan);
  // §14 #23: there is no edge for partial completion (e.g. PPPoE_Y_VLAN → VLAN) nor
  // for swapping one flag for the other; confirming always goes all the way to OK.
  if (!only_adds && to != EstadoTecnico::OK) return MovimientoTecnico::TransicionInvalida;

  const auto needs = [&](bool changed, int mask) {
    return !changed || has_any(caller_permisos, mask);
  };
  const bool allowed =
      needs(!before.ppoe && after.ppoe, kComenzarTrabajo | kAsignarPpoe) &&
      needs(!before.vlan && after.vlan, kComenzarTrabajo | kAsignarVlan) &&
      needs(before.ppoe && !after.ppoe, kAsignarPpoe) &&
      needs(before.vlan && !after.vlan, kAsignarVlan);
  return allowed ? MovimientoTecnico::Ok : MovimientoTecnico::SinPermiso;
}

}  // namespace pendientes::domain
