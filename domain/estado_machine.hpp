#pragma once

// The EstadoPendiente machine of API.md §6.1, as data, and the decision that every
// transition request (/estado, /asignar, /postergar) makes before touching the row.

#include <span>
#include <string_view>

#include "domain/enums.hpp"
#include "domain/permisos.hpp"

namespace pendientes::domain {

// One row of the §6.1 table.
struct Transicion {
  int numero = 0;  // the "#" column, 1..22
  EstadoPendiente from = EstadoPendiente::REGISTRADO;
  EstadoPendiente to = EstadoPendiente::REGISTRADO;
  std::string_view accion;  // the "Action" column, informational (historial texts)
  int bits = 0;             // the caller needs at least one of them
  bool ejecucion = false;   // the assigned-technician rule §3.4 applies
  int bits_sin_regla_tecnico = 0;   // holding any of these exempts from §3.4 (8192 on 16, 19)
  bool requiere_detalle = false;    // 409 DETALLE_REQUERIDO without type details (§6.5)
  bool asigna_tecnico = false;      // asignadoA := technician; the /asignar edges (1, 20)
  bool limpia_tecnico = false;      // asignadoA := null (5, 11, 15)
  bool requiere_estado_tecnico_ok = false;  // 409 CONFIGURACION_PENDIENTE unless OK (17)
  bool postergacion = false;  // date rules, fechaPendiente := nuevaFecha; the /postergar edges
};

// All 22 edges in table order.
std::span<const Transicion> all_transiciones();

// The edge from → to, or nullptr when §6.1 has none (FINALIZADO has no outgoing edge;
// X → X exists only for POSTERGADO).
const Transicion* find_transicion(EstadoPendiente from, EstadoPendiente to);

// §6.3: FINALIZADO and CANCELADO are closed.
bool is_closed(EstadoPendiente estado);

// Which endpoint carries the transition request (§6.1 "Rules for the endpoints").
enum class TransicionEndpoint {
  Estado,     // PUT /{id}/estado?nuevoEstado=  — any edge
  Asignar,    // PUT /{id}/asignar              — edges 1 and 20 only
  Postergar,  // PUT /{id}/postergar            — edges 3, 21 and 22 only
};

enum class TransicionDecision {
  Ok,
  TransicionInvalida,  // 400 TRANSICION_INVALIDA: no such edge, or not through this endpoint
  SinPermiso,          // 403 SIN_PERMISO: none of the edge's bits, or §3.4
  UsarAsignar,         // 400 VALIDACION (field nuevoEstado): /estado → ASIGNADO without asignadoA
};

struct ResultadoTransicion {
  TransicionDecision decision;
  const Transicion* transicion;  // the edge when it exists (also on SinPermiso/UsarAsignar)
};

// §1.2 check 10 / §6.1 decision order for a transition request on a pendiente that
// exists, is writable and vigente (checks 6 and 7 come first and are not repeated):
//   edge exists and the endpoint may perform it (400) → caller holds one of the edge's
//   bits (403) → §3.4 (403) → /estado → ASIGNADO needs an existing asignadoA (400).
// For /asignar pass target ASIGNADO, for /postergar target POSTERGADO.
// The remaining preconditions need data the caller has to load and are exposed as
// flags on the edge, checked after Ok: requiere_detalle (409), requiere_estado_tecnico_ok
// (409), then the postergacion date rules (400, §1.2 check 11). Referenced records (the
// /asignar technician, the /postergar empleadoId) are §1.2 check 6, before all of this.
ResultadoTransicion decide_transicion(const Caller& caller, const PendienteRef& pendiente,
                                      EstadoPendiente target, TransicionEndpoint endpoint);

// §3.4 alone, for an edge that exists: true when the caller may perform it as far as
// the assigned-technician rule is concerned.
bool passes_regla_tecnico(const Transicion& transicion, const Caller& caller,
                          const PendienteRef& pendiente);

}  // namespace pendientes::domain
