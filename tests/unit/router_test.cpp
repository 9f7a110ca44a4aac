#define BOOST_TEST_MODULE router
#include <boost/test/unit_test.hpp>

#include "fcgi/request.hpp"
#include "fcgi/router.hpp"
#include "fcgi/routes.hpp"

using namespace pendientes;

namespace {
Response none(Context&) { return Response{}; }

const Route kTable[] = {
    {"GET", "/api/pendientes/{id}", none, Access::Authenticated, 0, Body::None, ""},
    {"DELETE", "/api/pendientes/{id}", none, Access::Authenticated, 0, Body::None, ""},
    {"POST", "/api/pendientes/traslado", none, Access::Authenticated, 0, Body::Json, ""},
    {"PUT", "/api/pendientes/traslado", none, Access::Authenticated, 0, Body::Json, ""},
    {"PUT", "/api/pendientes/{id}/traslado/vlan", none, Access::Authenticated, 0, Body::None, ""},
    {"PUT", "/api/pendientes/{id}/traslado\xC2\xBF/vlan", none, Access::Authenticated, 0, Body::None, ""},
    {"POST", "/api/pendientes", none, Access::Authenticated, 0, Body::Json, ""},
};

Router router() { return Router(kTable); }

const Route* found(const Router::Match& m) {
    auto* f = std::get_if<Router::Found>(&m);
    return f ? f->route : nullptr;
}
}  // namespace

BOOST_AUTO_TEST_CASE(id_se_extrae_del_segmento) {
    auto m = router().match("GET", "/api/pendientes/17");
    BOOST_REQUIRE(found(m));
    BOOST_TEST(std::get<Router::Found>(m).params.at(0) == "17");
}

BOOST_AUTO_TEST_CASE(literal_gana_a_id_y_da_405) {
    auto m = router().match("GET", "/api/pendientes/traslado");
    auto* mna = std::get_if<Router::MethodNotAllowed>(&m);
    BOOST_REQUIRE(mna);
    BOOST_TEST(mna->allow == "POST, PUT");
}

BOOST_AUTO_TEST_CASE(metodo_desconocido_en_ruta_con_id_da_405) {
    auto m = router().match("PATCH", "/api/pendientes/5");
    auto* mna = std::get_if<Router::MethodNotAllowed>(&m);
    BOOST_REQUIRE(mna);
    BOOST_TEST(mna->allow == "GET, DELETE");
}

BOOST_AUTO_TEST_CASE(ruta_desconocida_da_404) {
    BOOST_TEST(std::holds_alternative<Router::NotFound>(router().match("GET", "/api/otra")));
    BOOST_TEST(std::holds_alternative<Router::NotFound>(router().match("GET", "/api/pendientes/1/x/y/z")));
    BOOST_TEST(std::holds_alternative<Router::NotFound>(router().match("GET", "")));
}

BOOST_AUTO_TEST_CASE(una_barra_final_se_ignora) {
    BOOST_TEST(found(router().match("POST", "/api/pendientes/")) == &kTable[6]);
    BOOST_TEST(std::holds_alternative<Router::NotFound>(router().match("POST", "/api/pendientes//")));
}

BOOST_AUTO_TEST_CASE(vlan_con_signo_de_interrogacion_invertido_en_sus_tres_grafias) {
    BOOST_TEST(found(router().match("PUT", "/api/pendientes/1/traslado/vlan")) == &kTable[4]);
    BOOST_TEST(found(router().match("PUT", "/api/pendientes/1/traslado\xC2\xBF/vlan")) == &kTable[5]);
    BOOST_TEST(found(router().match("PUT", "/api/pendientes/1/traslado%C2%BF/vlan")) == &kTable[5]);
    BOOST_TEST(found(router().match("PUT", "/api/pendientes/1/traslado%c2%bf/vlan")) == &kTable[5]);
}

BOOST_AUTO_TEST_CASE(grafias_latin1_o_doble_codificadas_son_404) {
    BOOST_TEST(std::holds_alternative<Router::NotFound>(router().match("PUT", "/api/pendientes/1/traslado%BF/vlan")));
    BOOST_TEST(std::holds_alternative<Router::NotFound>(router().match("PUT", "/api/pendientes/1/traslado\xBF/vlan")));
    BOOST_TEST(
        std::holds_alternative<Router::NotFound>(router().match("PUT", "/api/pendientes/1/traslado%25C2%25BF/vlan")));
    BOOST_TEST(std::holds_alternative<Router::NotFound>(router().match("PUT", "/api/pendientes/1/traslado%C2/vlan")));
    BOOST_TEST(std::holds_alternative<Router::NotFound>(router().match("PUT", "/api/pendientes/1/traslado%G1/vlan")));
}

BOOST_AUTO_TEST_CASE(otro_metodo_en_la_ruta_vlan_es_405) {
    BOOST_TEST(std::holds_alternative<Router::MethodNotAllowed>(router().match("GET", "/api/pendientes/1/traslado%C2%BF/vlan")));
}

BOOST_AUTO_TEST_CASE(segmento_codificado_se_decodifica_una_vez) {
    auto m = router().match("GET", "/api/pendientes/%31%32");
    BOOST_REQUIRE(found(m));
    BOOST_TEST(std::get<Router::Found>(m).params.at(0) == "12");
}

BOOST_AUTO_TEST_CASE(formulario_decodifica_mas_y_porcentaje) {
    auto p = parse_form("ppoeUser=cli_1&ppoePassword=p%40ss+1&ppoeUser=otro&x");
    BOOST_TEST(*find_param(p, "ppoeUser") == "cli_1");
    BOOST_TEST(*find_param(p, "ppoePassword") == "p@ss 1");
    BOOST_TEST(find_param(p, "x")->empty());
    BOOST_TEST(!find_param(p, "y"));
    BOOST_TEST(*find_param(parse_form("a=%zz%4"), "a") == "%zz%4");
}

BOOST_AUTO_TEST_CASE(tipo_de_contenido_con_parametros) {
    auto mt = parse_media_type("Application/JSON; charset=\"UTF-8\"");
    BOOST_TEST(mt.type == "application/json");
    BOOST_TEST(*mt.charset == "utf-8");
    BOOST_TEST(!parse_media_type("application/json").charset);
}
