#define BOOST_TEST_MODULE domain_enums
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "domain/enums.hpp"

using namespace pendientes::domain;

namespace {

template <DomainEnum E>
std::vector<std::string> names_in_order() {
  std::vector<std::string> out;
  for (E value : all_values<E>()) out.emplace_back(name_of(value));
  return out;
}

// Every constant parses back from its own name, and nothing else maps to it.
template <DomainEnum E>
void check_round_trip() {
  const auto values = all_values<E>();
  BOOST_TEST(values.size() == all_names<E>().size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    BOOST_TEST(static_cast<std::size_t>(values[i]) == i);
    const auto parsed = parse_enum<E>(name_of(values[i]));
    BOOST_TEST_REQUIRE(parsed.has_value());
    BOOST_TEST(static_cast<int>(*parsed) == static_cast<int>(values[i]));
  }
  BOOST_TEST(!parse_enum<E>("").has_value());
}

using Names = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_CASE(estado_pendiente_en_orden_de_declaracion) {
  BOOST_TEST(names_in_order<EstadoPendiente>() ==
                 (Names{"REGISTRADO", "ASIGNADO", "EN_PROGRESO", "PAUSADO", "REVISION",
                        "POR_VALIDAR", "OBSERVADO", "FINALIZADO", "POSTERGADO", "CANCELADO"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(estado_tecnico_en_orden_de_declaracion) {
  BOOST_TEST(names_in_order<EstadoTecnico>() ==
                 (Names{"OK", "PENDIENTE_PPPoE", "PENDIENTE_VLAN", "PENDIENTE_PPPoE_Y_VLAN"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(tipo_pendiente_en_orden_de_declaracion) {
  BOOST_TEST(names_in_order<TipoPendiente>() ==
                 (Names{"AVERIA", "INSTALACION_INTERNET", "INSTALACION_CAMARAS",
                        "RECOJO_DISPOSITIVOS", "TRASLADO"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(lugar_pendiente_en_orden_de_declaracion) {
  BOOST_TEST(names_in_order<LugarPendiente>() ==
                 (Names{"ZONA_RURAL", "JULIACA", "PUNO", "CHUCUITO", "PLATERIA", "ACORA", "ILAVE",
                        "JULI", "POMATA", "CHACACHACA", "YONGUYO", "ZEPITA", "DESAGUADERO"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(otros_enums_en_orden_de_declaracion) {
  BOOST_TEST(names_in_order<PrioridadPendiente>() ==
                 (Names{"BAJA", "MEDIA", "URGENTE", "MUY_URGENTE"}),
             boost::test_tools::per_element());
  BOOST_TEST(names_in_order<EmpresaPendiente>() == (Names{"SIMAX", "WINEX", "OTRO"}),
             boost::test_tools::per_element());
  BOOST_TEST(names_in_order<TipoServicio>() ==
                 (Names{"INTERNET_FIBRA", "INTERNET_INALAMBRICO", "CAMARAS", "DECOS", "OTRO"}),
             boost::test_tools::per_element());
  BOOST_TEST(names_in_order<TipoInstalacion>() ==
                 (Names{"MIGRACION_FIBRA", "MIGRACION_INALAMBRICO", "FIBRA", "INALAMBRICO", "OTRO"}),
             boost::test_tools::per_element());
  BOOST_TEST(names_in_order<TipoDispositivoRecojo>() ==
                 (Names{"ROUTER", "DECO", "ANTENA", "OTRO"}),
             boost::test_tools::per_element());
  BOOST_TEST(names_in_order<TipoCliente>() == (Names{"PERSONA", "EMPRESA", "OTRO"}),
             boost::test_tools::per_element());
  BOOST_TEST(names_in_order<TipoDocumento>() == (Names{"RUC", "DNI", "CE", "OTRO"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(cada_constante_se_lee_desde_su_nombre) {
  check_round_trip<EstadoPendiente>();
  check_round_trip<EstadoTecnico>();
  check_round_trip<TipoPendiente>();
  check_round_trip<LugarPendiente>();
  check_round_trip<PrioridadPendiente>();
  check_round_trip<EmpresaPendiente>();
  check_round_trip<TipoServicio>();
  check_round_trip<TipoInstalacion>();
  check_round_trip<TipoDispositivoRecojo>();
  check_round_trip<TipoCliente>();
  check_round_trip<TipoDocumento>();
}

BOOST_AUTO_TEST_CASE(parse_enum_distingue_mayusculas_y_no_recorta) {
  BOOST_TEST(parse_enum<EstadoTecnico>("PENDIENTE_PPPoE").has_value());
  BOOST_TEST(!parse_enum<EstadoTecnico>("PENDIENTE_PPPOE").has_value());
  BOOST_TEST(!parse_enum<EstadoTecnico>("pendiente_pppoe").has_value());
  BOOST_TEST(!parse_enum<EstadoPendiente>("registrado").has_value());
  BOOST_TEST(!parse_enum<EstadoPendiente>(" REGISTRADO").has_value());
  BOOST_TEST(!parse_enum<EstadoPendiente>("REGISTRADO ").has_value());
  BOOST_TEST(!parse_enum<EstadoPendiente>("0").has_value());
  BOOST_TEST(!parse_enum<EstadoPendiente>(std::string_view("REGISTRADO\0", 11)).has_value());
}

BOOST_AUTO_TEST_CASE(parse_enum_no_mezcla_enums) {
  // OTRO exists in several enums; a constant of one enum is not a value of another.
  BOOST_TEST(parse_enum<EmpresaPendiente>("OTRO").has_value());
  BOOST_TEST(!parse_enum<EmpresaPendiente>("ROUTER").has_value());
  BOOST_TEST(!parse_enum<EstadoPendiente>("OK").has_value());
  BOOST_TEST(!parse_enum<TipoPendiente>("traslado").has_value());
}

BOOST_AUTO_TEST_CASE(name_of_fuera_de_rango_es_vacio) {
  BOOST_TEST(name_of(static_cast<EstadoPendiente>(99)).empty());
  BOOST_TEST(route_segment(static_cast<TipoPendiente>(99)).empty());
}

BOOST_AUTO_TEST_CASE(nombres_de_tipo_de_enum) {
  BOOST_TEST(enum_type_name<EstadoPendiente>() == "EstadoPendiente");
  BOOST_TEST(enum_type_name<EstadoTecnico>() == "EstadoTecnico");
  BOOST_TEST(enum_type_name<TipoDocumento>() == "TipoDocumento");
}

BOOST_AUTO_TEST_CASE(segmento_de_ruta_por_tipo) {
  BOOST_TEST(route_segment(TipoPendiente::TRASLADO) == "traslado");
  BOOST_TEST(route_segment(TipoPendiente::INSTALACION_INTERNET) == "instalacion-internet");
  BOOST_TEST(route_segment(TipoPendiente::AVERIA) == "averia");
  BOOST_TEST(route_segment(TipoPendiente::INSTALACION_CAMARAS) == "instalacion-camaras");
  BOOST_TEST(route_segment(TipoPendiente::RECOJO_DISPOSITIVOS) == "recojo-dispositivo");
}

BOOST_AUTO_TEST_CASE(tipo_desde_segmento_de_ruta) {
  for (TipoPendiente tipo : all_values<TipoPendiente>()) {
    const auto back = tipo_from_route_segment(route_segment(tipo));
    BOOST_TEST_REQUIRE(back.has_value());
    BOOST_TEST(static_cast<int>(*back) == static_cast<int>(tipo));
  }
  BOOST_TEST(!tipo_from_route_segment("recojo-dispositivos").has_value());
  BOOST_TEST(!tipo_from_route_segment("TRASLADO").has_value());
  BOOST_TEST(!tipo_from_route_segment("traslado\xC2\xBF").has_value());
  BOOST_TEST(!tipo_from_route_segment("").has_value());
}
