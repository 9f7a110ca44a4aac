#pragma once

// Permission bits, the caller, and the visibility rules of API.md §3.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "domain/enums.hpp"

namespace pendientes::domain {

// §3.1: bit n of a rol's `permisos` grants the permission with value 2^n.
constexpr int kRegistrarPendiente = 1;
constexpr int kEditarPendiente = 2;
constexpr int kVerDetallePendiente = 4;
constexpr int kVerTodosPendientes = 8;
constexpr int kAsignarTecnico = 16;
constexpr int kAsignarPpoe = 32;
constexpr int kAsignarVlan = 64;
constexpr int kComenzarTrabajo = 128;
constexpr int kPararTrabajo = 256;
constexpr int kContinuarTrabajo = 512;
constexpr int kFinalizarTrabajo = 1024;
constexpr int kVerPendientesHistorial = 2048;
constexpr int kRevisarGastos = 4096;
constexpr int kRevisarFinalizados = 8192;
constexpr int kAllPermisos = 16383;

// The caller of a protected request, loaded from the database on every request (§2.5).
struct Caller {
  std::int64_t usuario_id = 0;
  std::optional<std::int64_t> empleado_id;
  int permisos = 0;
  std::string rol_id;
};

// §1.2 check 4: the caller needs at least one bit of the endpoint's set. An empty set
// (mask 0) stands for "any authenticated caller" (§3.6, e.g. /filtros).
bool has_any(int permisos, int mask);

// §3.1: a rol's mask must lie in 0..16383.
bool is_valid_permisos(int permisos);

// §3.2: all 14 bits; no other implicit power.
bool is_admin(const Caller& caller);

// What the visibility rules need to know about a pendiente.
struct PendienteRef {
  std::int64_t registrado_por = 0;
  std::optional<std::int64_t> asignado_a;
  EstadoPendiente estado = EstadoPendiente::REGISTRADO;
};

// §3.3, verbatim:
//   own(P)      = caller.empleadoId ≠ null and (P.asignadoA = caller.empleadoId or
//                                              P.registradoPor = caller.empleadoId)
//   visible(P)  = VER_TODOS or (VER_DETALLE and own(P))
//                 or (VER_PENDIENTES_HISTORIAL and P.estado ∈ {FINALIZADO, CANCELADO})
//   writable(P) = VER_TODOS or (VER_DETALLE and own(P))
bool is_own(const Caller& caller, const PendienteRef& pendiente);
bool is_visible(const Caller& caller, const PendienteRef& pendiente);
bool is_writable(const Caller& caller, const PendienteRef& pendiente);

// §9 own-entry rule: without EDITAR_PENDIENTE (2) or VER_TODOS_PENDIENTES (8) a caller
// may only touch tiempos whose empleadoId is its own empleado.
bool own_entry_rule_applies(const Caller& caller);
bool may_touch_tiempo_of(const Caller& caller, std::int64_t tiempo_empleado_id);

// §3.5 default roles, as loaded by sql/seed/bootstrap.sql.
struct RolPorDefecto {
  std::string_view id;
  std::string_view nombre;
  int permisos;
  std::string_view descripcion;
};
std::span<const RolPorDefecto> default_roles();

}  // namespace pendientes::domain
