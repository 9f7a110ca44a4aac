#include "domain/enums.hpp"

#include <array>

namespace pendientes::domain {

namespace {

using E1 = EstadoPendiente;
constexpr std::array kEstadoPendienteValues{
    E1::REGISTRADO, E1::ASIGNADO,   E1::EN_PROGRESO, E1::PAUSADO,    E1::REVISION,
    E1::POR_VALIDAR, E1::OBSERVADO, E1::FINALIZADO,  E1::POSTERGADO, E1::CANCELADO,
};
constexpr std::array<std::string_view, kEstadoPendienteValues.size()> kEstadoPendienteNames{
    "REGISTRADO", "ASIGNADO", "EN_PROGRESO", "PAUSADO",    "REVISION",
    "POR_VALIDAR", "OBSERVADO", "FINALIZADO", "POSTERGADO", "CANCELADO",
};

using E2 = EstadoTecnico;
constexpr std::array kEstadoTecnicoValues{
    E2::OK, E2::PENDIENTE_PPPoE, E2::PENDIENTE_VLAN, E2::PENDIENTE_PPPoE_Y_VLAN};
constexpr std::array<std::string_view, kEstadoTecnicoValues.size()> kEstadoTecnicoNames{
    "OK", "PENDIENTE_PPPoE", "PENDIENTE_VLAN", "PENDIENTE_PPPoE_Y_VLAN"};

using E3 = TipoPendiente;
constexpr std::array kTipoPendienteValues{
    E3::AVERIA, E3::INSTALACION_INTERNET, E3::INSTALACION_CAMARAS, E3::RECOJO_DISPOSITIVOS,
    E3::TRASLADO};
constexpr std::array<std::string_view, kTipoPendienteValues.size()> kTipoPendienteNames{
    "AVERIA", "INSTALACION_INTERNET", "INSTALACION_CAMARAS", "RECOJO_DISPOSITIVOS", "TRASLADO"};
// Index-aligned with kTipoPendienteValues.
constexpr std::array<std::string_view, kTipoPendienteValues.size()> kTipoRouteSegments{
    "averia", "instalacion-internet", "instalacion-camaras", "recojo-dispositivo", "traslado"};

using E4 = LugarPendiente;
constexpr std::array kLugarPendienteValues{
    E4::ZONA_RURAL, E4::JULIACA, E4::PUNO,       E4::CHUCUITO, E4::PLATERIA,
    E4::ACORA,      E4::ILAVE,   E4::JULI,       E4::POMATA,   E4::CHACACHACA,
    E4::YONGUYO,    E4::ZEPITA,  E4::DESAGUADERO,
};
constexpr std::array<std::string_view, kLugarPendienteValues.size()> kLugarPendienteNames{
    "ZONA_RURAL", "JULIACA", "PUNO",   "CHUCUITO",   "PLATERIA", "ACORA",       "ILAVE",
    "JULI",       "POMATA",  "CHACACHACA", "YONGUYO", "ZEPITA", "DESAGUADERO",
};

using E5 = PrioridadPendiente;
constexpr std::array kPrioridadPendienteValues{E5::BAJA, E5::MEDIA, E5::URGENTE, E5::MUY_URGENTE};
constexpr std::array<std::string_view, kPrioridadPendienteValues.size()> kPrioridadPendienteNames{
    "BAJA", "MEDIA", "URGENTE", "MUY_URGENTE"};

using E6 = EmpresaPendiente;
constexpr std::array kEmpresaPendienteValues{E6::SIMAX, E6::WINEX, E6::OTRO};
constexpr std::array<std::string_view, kEmpresaPendienteValues.size()> kEmpresaPendienteNames{
    "SIMAX", "WINEX", "OTRO"};

using E7 = TipoServicio;
constexpr std::array kTipoServicioValues{
    E7::INTERNET_FIBRA, E7::INTERNET_INALAMBRICO, E7::CAMARAS, E7::DECOS, E7::OTRO};
constexpr std::array<std::string_view, kTipoServicioValues.size()> kTipoServicioNames{
    "INTERNET_FIBRA", "INTERNET_INALAMBRICO", "CAMARAS", "DECOS", "OTRO"};

using E8 = TipoInstalacion;
constexpr std::array kTipoInstalacionValues{
    E8::MIGRACION_FIBRA, E8::MIGRACION_INALAMBRICO, E8::FIBRA, E8::INALAMBRICO, E8::OTRO};
constexpr std::array<std::string_view, kTipoInstalacionValues.size()> kTipoInstalacionNames{
    "MIGRACION_FIBRA", "MIGRACION_INALAMBRICO", "FIBRA", "INALAMBRICO", "OTRO"};

using E9 = TipoDispositivoRecojo;
constexpr std::array kTipoDispositivoRecojoValues{E9::ROUTER, E9::DECO, E9::ANTENA, E9::OTRO};
constexpr std::array<std::string_view, kTipoDispositivoRecojoValues.size()>
    kTipoDispositivoRecojoNames{"ROUTER", "DECO", "ANTENA", "OTRO"};

using E10 = TipoCliente;
constexpr std::array kTipoClienteValues{E10::PERSONA, E10::EMPRESA, E10::OTRO};
constexpr std::array<std::string_view, kTipoClienteValues.size()> kTipoClienteNames{
    "PERSONA", "EMPRESA", "OTRO"};

using E11 = TipoDocumento;
constexpr std::array kTipoDocumentoValues{E11::RUC, E11::DNI, E11::CE, E11::OTRO};
constexpr std::array<std::string_view, kTipoDocumentoValues.size()> kTipoDocumentoNames{
    "RUC", "DNI", "CE", "OTRO"};

// name_of() indexes the names by the enumerator's underlying value, so the value
// tables must be exactly 0, 1, 2, … in order.
template <class E, std::size_t N>
constexpr bool is_identity(const std::array<E, N>& values) {
  for (std::size_t i = 0; i < N; ++i) {
    if (static_cast<std::size_t>(values[i]) != i) return false;
  }
  return true;
}
static_assert(is_identity(kEstadoPendienteValues));
static_assert(is_identity(kEstadoTecnicoValues));
static_assert(is_identity(kTipoPendienteValues));
static_assert(is_identity(kLugarPendienteValues));
static_assert(is_identity(kPrioridadPendienteValues));
static_assert(is_identity(kEmpresaPendienteValues));
static_assert(is_identity(kTipoServicioValues));
static_assert(is_identity(kTipoInstalacionValues));
static_assert(is_identity(kTipoDispositivoRecojoValues));
static_assert(is_identity(kTipoClienteValues));
static_assert(is_identity(kTipoDocumentoValues));

}  // namespace

#define PENDIENTES_DEFINE_ENUM(E)                                                  \
  template <>                                                                      \
  std::span<const E> all_values<E>() {                                             \
    return k##E##Values;                                                           \
  }                                                                                \
  template <>                                                                      \
  std::span<const std::string_view> all_names<E>() {                               \
    return k##E##Names;                                                            \
  }                                                                                \
  template <>                                                                      \
  std::string_view enum_type_name<E>() {                                           \
    return #E;                                                                     \
  }
PENDIENTES_DEFINE_ENUM(EstadoPendiente)
PENDIENTES_DEFINE_ENUM(EstadoTecnico)
PENDIENTES_DEFINE_ENUM(TipoPendiente)
PENDIENTES_DEFINE_ENUM(LugarPendiente)
PENDIENTES_DEFINE_ENUM(PrioridadPendiente)
PENDIENTES_DEFINE_ENUM(EmpresaPendiente)
PENDIENTES_DEFINE_ENUM(TipoServicio)
PENDIENTES_DEFINE_ENUM(TipoInstalacion)
PENDIENTES_DEFINE_ENUM(TipoDispositivoRecojo)
PENDIENTES_DEFINE_ENUM(TipoCliente)
PENDIENTES_DEFINE_ENUM(TipoDocumento)
#undef PENDIENTES_DEFINE_ENUM

std::string_view route_segment(TipoPendiente tipo) {
  const auto index = static_cast<std::size_t>(tipo);
  return index < kTipoRouteSegments.size() ? kTipoRouteSegments[index] : std::string_view{};
}

std::optional<TipoPendiente> tipo_from_route_segment(std::string_view segment) {
  for (std::size_t i = 0; i < kTipoRouteSegments.size(); ++i) {
    if (kTipoRouteSegments[i] == segment) return kTipoPendienteValues[i];
  }
  return std::nullopt;
}

}  // namespace pendientes::domain
