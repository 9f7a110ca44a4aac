#pragma once

// The EstadoTecnico sub-state machine of API.md §6.4: two independent "still
// outstanding" flags, PPPoE and VLAN.

#include "domain/enums.hpp"

namespace pendientes::domain {

struct FlagsTecnico {
  bool ppoe = false;  // PPPoE still outstanding
  bool vlan = false;  // VLAN still outstanding
  friend bool operator==(const FlagsTecnico&, const FlagsTecnico&) = default;
};

FlagsTecnico flags_of(EstadoTecnico estado);
EstadoTecnico estado_tecnico_of(FlagsTecnico flags);

// Only TRASLADO, INSTALACION_INTERNET and AVERIA have PPPoE/VLAN (§8.0); for the other
// two types estadoTecnico can only be OK (§6.4, §7.2).
bool tiene_configuracion_red(TipoPendiente tipo);

// Automatic moves of the PPPoE / VLAN setters (§6.4): clear their own flag only.
EstadoTecnico after_ppoe_set(EstadoTecnico estado);
EstadoTecnico after_vlan_set(EstadoTecnico estado);

enum class MovimientoTecnico {
  Ok,                  // valid move, store `to`
  SinCambio,           // to == from: 200, nothing changes (idempotent)
  TransicionInvalida,  // 400 TRANSICION_INVALIDA
  SinPermiso,          // 403 SIN_PERMISO: a per-flag bit is missing
};

// Manual move …/estado-tecnico?nuevoEstado=to from `from` (§6.4), decided in the order
// of §1.2 check 10: sub-state edge (400) before per-flag permission (403). The closed
// check (409 PENDIENTE_CERRADO) and the endpoint bits (32, 64, 128) come earlier and
// are the caller's.
//   Valid edges: adding flags only, or removing every flag (→ OK).
//   Per flag added or removed: +PPPoE needs 128|32, +VLAN 128|64, -PPPoE 32, -VLAN 64.
MovimientoTecnico check_estado_tecnico_move(TipoPendiente tipo, EstadoTecnico from,
                                            EstadoTecnico to, int caller_permisos);

}  // namespace pendientes::domain
