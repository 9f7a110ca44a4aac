#define BOOST_TEST_MODULE historial_detalles
#include <boost/test/unit_test.hpp>

#include <string>

#include "domain/values.hpp"
#include "handlers/historial_detalles.hpp"

using namespace pendientes::handlers;
using pendientes::domain::EstadoPendiente;

BOOST_AUTO_TEST_CASE(menciona_estado_anterior_y_nuevo) {
    DetallesTransicion d;
    d.accion = "Cancelar";
    d.anterior = EstadoPendiente::REGISTRADO;
    d.nuevo = EstadoPendiente::CANCELADO;
    BOOST_TEST(detalles_transicion(d) == "Cancelar: estado cambiado de REGISTRADO a CANCELADO");
}

BOOST_AUTO_TEST_CASE(incluye_tecnico_fecha_y_motivo_en_ese_orden) {
    DetallesTransicion d;
    d.accion = "Postergar";
    d.anterior = EstadoPendiente::POSTERGADO;
    d.nuevo = EstadoPendiente::POSTERGADO;
    d.tecnico = "Tomás Técnico (id 7)";
    d.nueva_fecha = "2099-01-01T10:00:00";
    d.motivo = "Lluvia";
    BOOST_TEST(detalles_transicion(d) ==
               "Postergar: estado cambiado de POSTERGADO a POSTERGADO. Técnico: Tomás Técnico (id 7). "
               "Nueva fecha: 2099-01-01T10:00:00. Motivo: Lluvia");
}

BOOST_AUTO_TEST_CASE(un_motivo_largo_se_recorta_a_500_puntos_de_codigo) {
    DetallesTransicion d;
    d.accion = "Cancelar";
    d.anterior = EstadoPendiente::ASIGNADO;
    d.nuevo = EstadoPendiente::CANCELADO;
    std::string motivo;
    for (int i = 0; i < 500; ++i) motivo += "ñ";  // 2 bytes each
    d.motivo = motivo;
    auto out = detalles_transicion(d);
    BOOST_TEST(pendientes::domain::code_points(out) == kMaxDetalles);
    BOOST_TEST(pendientes::domain::is_valid_utf8(out));
    BOOST_TEST(out.rfind("Cancelar: estado cambiado de ASIGNADO a CANCELADO. Motivo: ñ", 0) == 0);
}

BOOST_AUTO_TEST_CASE(recorte_respeta_los_limites_de_caracter) {
    BOOST_TEST(truncate_code_points("abc", 5) == "abc");
    BOOST_TEST(truncate_code_points("abc", 3) == "abc");
    BOOST_TEST(truncate_code_points("abc", 2) == "ab");
    BOOST_TEST(truncate_code_points("", 0) == "");
    BOOST_TEST(truncate_code_points("ñá€😀x", 4) == "ñá€😀");
    BOOST_TEST(truncate_code_points("ñá€😀x", 3) == "ñá€");
    BOOST_TEST(truncate_code_points("😀", 0) == "");
}
