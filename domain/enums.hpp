#pragma once

// The enumerations of API.md §4. Every enum lists its constants in declaration order,
// because that order is observable: GET /api/pendientes/filtros returns all_values<E>()
// (§7.9). Constants are spelled exactly as on the wire (note `PENDIENTE_PPPoE`).

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>

namespace pendientes::domain {

enum class EstadoPendiente {
  REGISTRADO,
  ASIGNADO,
  EN_PROGRESO,
  PAUSADO,
  REVISION,
  POR_VALIDAR,
  OBSERVADO,
  FINALIZADO,
  POSTERGADO,
  CANCELADO,
};

enum class EstadoTecnico { OK, PENDIENTE_PPPoE, PENDIENTE_VLAN, PENDIENTE_PPPoE_Y_VLAN };

enum class TipoPendiente { AVERIA, INSTALACION_INTERNET, INSTALACION_CAMARAS, RECOJO_DISPOSITIVOS, TRASLADO };

enum class LugarPendiente {
  ZONA_RURAL,
  JULIACA,
  PUNO,
  CHUCUITO,
  PLATERIA,
  ACORA,
  ILAVE,
  JULI,
  POMATA,
  CHACACHACA,
  YONGUYO,
  ZEPITA,
  DESAGUADERO,
};

enum class PrioridadPendiente { BAJA, MEDIA, URGENTE, MUY_URGENTE };

enum class EmpresaPendiente { SIMAX, WINEX, OTRO };

enum class TipoServicio { INTERNET_FIBRA, INTERNET_INALAMBRICO, CAMARAS, DECOS, OTRO };

enum class TipoInstalacion { MIGRACION_FIBRA, MIGRACION_INALAMBRICO, FIBRA, INALAMBRICO, OTRO };

enum class TipoDispositivoRecojo { ROUTER, DECO, ANTENA, OTRO };

enum class TipoCliente { PERSONA, EMPRESA, OTRO };

enum class TipoDocumento { RUC, DNI, CE, OTRO };

// The enums above, and only those, take part in the generic API below.
template <class E>
concept DomainEnum =
    std::is_same_v<E, EstadoPendiente> || std::is_same_v<E, EstadoTecnico> ||
    std::is_same_v<E, TipoPendiente> || std::is_same_v<E, LugarPendiente> ||
    std::is_same_v<E, PrioridadPendiente> || std::is_same_v<E, EmpresaPendiente> ||
    std::is_same_v<E, TipoServicio> || std::is_same_v<E, TipoInstalacion> ||
    std::is_same_v<E, TipoDispositivoRecojo> || std::is_same_v<E, TipoCliente> ||
    std::is_same_v<E, TipoDocumento>;

// Every constant of E, in declaration order.
template <DomainEnum E>
std::span<const E> all_values();

// The wire names of E, index-aligned with all_values<E>().
template <DomainEnum E>
std::span<const std::string_view> all_names();

// The enum's own name as the spec spells it (e.g. "EstadoPendiente"), for error texts.
template <DomainEnum E>
std::string_view enum_type_name();

// Explicit specializations live in enums.cpp; declaring them here keeps every
// translation unit from instantiating the (undefined) primary templates.
#define PENDIENTES_DECLARE_ENUM(E)                      \
  template <>                                           \
  std::span<const E> all_values<E>();                   \
  template <>                                           \
  std::span<const std::string_view> all_names<E>();     \
  template <>                                           \
  std::string_view enum_type_name<E>();
PENDIENTES_DECLARE_ENUM(EstadoPendiente)
PENDIENTES_DECLARE_ENUM(EstadoTecnico)
PENDIENTES_DECLARE_ENUM(TipoPendiente)
PENDIENTES_DECLARE_ENUM(LugarPendiente)
PENDIENTES_DECLARE_ENUM(PrioridadPendiente)
PENDIENTES_DECLARE_ENUM(EmpresaPendiente)
PENDIENTES_DECLARE_ENUM(TipoServicio)
PENDIENTES_DECLARE_ENUM(TipoInstalacion)
PENDIENTES_DECLARE_ENUM(TipoDispositivoRecojo)
PENDIENTES_DECLARE_ENUM(TipoCliente)
PENDIENTES_DECLARE_ENUM(TipoDocumento)
#undef PENDIENTES_DECLARE_ENUM

// The wire name of a constant. A value outside the declared range (only reachable
// through a cast) yields an empty view rather than undefined behaviour.
template <DomainEnum E>
std::string_view name_of(E value) {
  const auto names = all_names<E>();
  const auto index = static_cast<std::size_t>(value);
  return index < names.size() ? names[index] : std::string_view{};
}

// §0.3: exact, case-sensitive match of a constant name; anything else (including "",
// surrounding spaces or another case) is not a value.
template <DomainEnum E>
std::optional<E> parse_enum(std::string_view text) {
  const auto names = all_names<E>();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == text) return all_values<E>()[i];
  }
  return std::nullopt;
}

// §4 "Type ↔ details route segment": `traslado`, `instalacion-internet`, `averia`,
// `instalacion-camaras`, `recojo-dispositivo`. The `¿` spellings of §8.6 are a routing
// concern and are not known here.
std::string_view route_segment(TipoPendiente tipo);
std::optional<TipoPendiente> tipo_from_route_segment(std::string_view segment);

}  // namespace pendientes::domain
