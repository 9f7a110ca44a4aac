#include "domain/estado_machine.hpp"

#include <array>

namespace pendientes::domain {

namespace {

using enum EstadoPendiente;

// API.md §6.1, row by row. This table is the machine: nothing else decides which
// (from, to) pairs exist.
constexpr std::array kTransiciones{
    Transicion{.numero = 1, .from = REGISTRADO, .to = ASIGNADO, .accion = "Asignar técnico",
               .bits = kAsignarTecnico, .requiere_detalle = true, .asigna_tecnico = true},
    Transicion{.numero = 2, .from = REGISTRADO, .to = CANCELADO, .accion = "Cancelar",
               .bits = kEditarPendiente},
    Transicion{.numero = 3, .from = REGISTRADO, .to = POSTERGADO, .accion = "Postergar",
               .bits = kEditarPendiente | kAsignarTecnico, .postergacion = true},
    Transicion{.numero = 4, .from = ASIGNADO, .to = EN_PROGRESO, .accion = "Comenzar trabajo",
               .bits = kComenzarTrabajo, .ejecucion = true},
    Transicion{.numero = 5, .from = ASIGNADO, .to = REGISTRADO, .accion = "Reasignar",
               .bits = kAsignarTecnico, .limpia_tecnico = true},
    Transicion{.numero = 6, .from = ASIGNADO, .to = CANCELADO, .accion = "Cancelar",
               .bits = kEditarPendiente},
    Transicion{.numero = 7, .from = EN_PROGRESO, .to = PAUSADO, .accion = "Parar trabajo",
               .bits = kPararTrabajo, .ejecucion = true},
    Transicion{.numero = 8, .from = EN_PROGRESO, .to = POR_VALIDAR, .accion = "Terminar trabajo",
               .bits = kFinalizarTrabajo, .ejecucion = true},
    Transicion{.numero = 9, .from = EN_PROGRESO, .to = REVISION, .accion = "Enviar a revisión",
               .bits = kFinalizarTrabajo, .ejecucion = true},
    Transicion{.numero = 10, .from = EN_PROGRESO, .to = CANCELADO, .accion = "Cancelar",
               .bits = kEditarPendiente},
    Transicion{.numero = 11, .from = EN_PROGRESO, .to = REGISTRADO, .accion = "Reasignar",
               .bits = kAsignarTecnico, .limpia_tecnico = true},
    Transicion{.numero = 12, .from = PAUSADO, .to = EN_PROGRESO, .accion = "Continuar trabajo",
               .bits = kContinuarTrabajo, .ejecucion = true},
    Transicion{.numero = 13, .from = PAUSADO, .to = POR_VALIDAR, .accion = "Terminar trabajo",
               .bits = kFinalizarTrabajo, .ejecucion = true},
    Transicion{.numero = 14, .from = PAUSADO, .to = CANCELADO, .accion = "Cancelar",
               .bits = kEditarPendiente},
    Transicion{.numero = 15, .from = PAUSADO, .to = REGISTRADO, .accion = "Reasignar",
               .bits = kAsignarTecnico, .limpia_tecnico = true},
    // "via 1024 only: §3.4": a validator (8192) is not the technician and is exempt.
    Transicion{.numero = 16, .from = REVISION, .to = POR_VALIDAR, .accion = "Pasar a validación",
               .bits = kRevisarFinalizados | kFinalizarTrabajo, .ejecucion = true,
               .bits_sin_regla_tecnico = kRevisarFinalizados},
    Transicion{.numero = 17, .from = POR_VALIDAR, .to = FINALIZADO, .accion = "Finalizar",
               .bits = kRevisarFinalizados, .requiere_estado_tecnico_ok = true},
    Transicion{.numero = 18, .from = POR_VALIDAR, .to = OBSERVADO, .accion = "Observar",
               .bits = kRevisarFinalizados},
    Transicion{.numero = 19, .from = OBSERVADO, .to = POR_VALIDAR,
               .accion = "Validar (corrección reenviada)",
               .bits = kFinalizarTrabajo | kRevisarFinalizados, .ejecucion = true,
               .bits_sin_regla_tecnico = kRevisarFinalizados},
    Transicion{.numero = 20, .from = POSTERGADO, .to = ASIGNADO, .accion = "Asignar técnico",
               .bits = kAsignarTecnico, .requiere_detalle = true, .asigna_tecnico = true},
    Transicion{.numero = 21, .from = POSTERGADO, .to = POSTERGADO, .accion = "Postergar",
               .bits = kEditarPendiente | kAsignarTecnico, .postergacion = true},
    Transicion{.numero = 22, .from = CANCELADO, .to = POSTERGADO, .accion = "Postergar (recuperar)",
               .bits = kEditarPendiente | kAsignarTecnico, .postergacion = true},
};

constexpr bool numbered_in_order() {
  for (std::size_t i = 0; i < kTransiciones.size(); ++i) {
    if (kTransiciones[i].numero != static_cast<int>(i) + 1) return false;
  }
  return true;
}
static_assert(kTransiciones.size() == 22 && numbered_in_order());

bool endpoint_may_perform(TransicionEndpoint endpoint, const Transicion& transicion) {
  switch (endpoint) {
    case TransicionEndpoint::Estado:
      return true;
    case TransicionEndpoint::Asignar:
      return transicion.asigna_tecnico;
    case TransicionEndpoint::Postergar:
      return transicion.postergacion;
  }
  return false;
}

}  // namespace

std::span<const Transicion> all_transiciones() { return kTransiciones; }

const Transicion* find_transicion(EstadoPendiente from, EstadoPendiente to) {
  for (const Transicion& t : kTransiciones) {
    if (t.from == from && t.to == to) return &t;
  }
  return nullptr;
}

bool is_closed(EstadoPendiente estado) { return estado == FINALIZADO || estado == CANCELADO; }

bool passes_regla_tecnico(const Transicion& transicion, const Caller& caller,
                          const PendienteRef& pendiente) {
  if (!transicion.ejecucion) return true;
  if (has_any(caller.permisos, kVerTodosPendientes)) return true;
  if ((caller.permisos & transicion.bits_sin_regla_tecnico) != 0) return true;
  return caller.empleado_id.has_value() && pendiente.asignado_a == caller.empleado_id;
}

ResultadoTransicion decide_transicion(const Caller& caller, const PendienteRef& pendiente,
                                      EstadoPendiente target, TransicionEndpoint endpoint) {
  const Transicion* transicion = find_transicion(pendiente.estado, target);
  if (transicion == nullptr || !endpoint_may_perform(endpoint, *transicion)) {
    return {TransicionDecision::TransicionInvalida, nullptr};
  }
  if (!has_any(caller.permisos, transicion->bits) ||
      !passes_regla_tecnico(*transicion, caller, pendiente)) {
    return {TransicionDecision::SinPermiso, transicion};
  }
  // §6.1: through /estado an order may only re-enter ASIGNADO with the technician it
  // already has; choosing a technician is /asignar's job.
  if (endpoint == TransicionEndpoint::Estado && transicion->asigna_tecnico &&
      !pendiente.asignado_a.has_value()) {
    return {TransicionDecision::UsarAsignar, transicion};
  }
  return {TransicionDecision::Ok, transicion};
}

}  // namespace pendientes::domain
