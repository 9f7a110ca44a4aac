#define BOOST_TEST_MODULE json_body
#include <boost/test/unit_test.hpp>

#include "common/json_body.hpp"

using namespace pendientes;

namespace {
bool invalid(std::string_view body) {
    auto r = parse_json_object(body);
    return !r.ok() && r.error().error_code == "JSON_INVALIDO" && r.error().status == 400;
}
std::string nested(int depth) { return std::string(depth - 1, '[') + std::string(depth - 1, ']'); }
}  // namespace

BOOST_AUTO_TEST_CASE(objeto_valido_se_acepta) {
    auto r = parse_json_object(R"({"a":1,"b":{"c":[1,2]}})");
    BOOST_REQUIRE(r.ok());
    BOOST_TEST((*r)["a"].GetInt() == 1);
}

BOOST_AUTO_TEST_CASE(no_objeto_o_vacio_es_json_invalido) {
    BOOST_TEST(invalid(""));
    BOOST_TEST(invalid("   "));
    BOOST_TEST(invalid("[]"));
    BOOST_TEST(invalid("42"));
    BOOST_TEST(invalid("\"x\""));
    BOOST_TEST(invalid("null"));
    BOOST_TEST(invalid("{"));
    BOOST_TEST(invalid("{} x"));
    BOOST_TEST(invalid("{'a':1}"));
}

BOOST_AUTO_TEST_CASE(claves_duplicadas_son_json_invalido) {
    BOOST_TEST(invalid(R"({"a":1,"a":2})"));
    BOOST_TEST(invalid(R"({"o":{"x":1,"x":1}})"));
    BOOST_TEST(invalid(R"({"a":1,"\u0061":2})"));
    BOOST_TEST(parse_json_object(R"({"o":{"x":1},"p":{"x":1}})").ok());
}

BOOST_AUTO_TEST_CASE(profundidad_32_se_acepta_33_no) {
    BOOST_TEST(parse_json_object("{\"a\":" + nested(32) + "}").ok());  // object + 31 arrays = 32
    BOOST_TEST(invalid("{\"a\":" + nested(33) + "}"));
}

BOOST_AUTO_TEST_CASE(anidamiento_enorme_no_revienta_la_pila) {
    BOOST_TEST(invalid("{\"a\":" + std::string(1000000, '[') + "}"));
}

BOOST_AUTO_TEST_CASE(utf8_invalido_es_json_invalido) {
    BOOST_TEST(invalid("{\"a\":\"\xC3\x28\"}"));
    BOOST_TEST(invalid("{\"a\":\"\xED\xA0\x80\"}"));
    BOOST_TEST(parse_json_object("{\"a\":\"Núñez\"}").ok());
}

BOOST_AUTO_TEST_CASE(ids_aceptan_enteros_y_cadenas_de_digitos) {
    auto doc = parse_json_object(
        R"({"a":1,"b":"42","c":9223372036854775807,"d":1.5,"e":-1,"f":true,"g":"1e3","h":1e3,"i":9223372036854775808,"j":"01"})");
    BOOST_REQUIRE(doc.ok());
    JsonFields f(*doc);
    BOOST_TEST(*f.id("a", true) == 1);
    BOOST_TEST(*f.id("b", true) == 42);
    BOOST_TEST(*f.id("c", true) == INT64_MAX);
    BOOST_TEST(*f.id("j", true) == 1);
    BOOST_TEST(f.ok());
    for (const char* bad : {"d", "e", "f", "g", "h", "i"}) BOOST_TEST(!f.id(bad, true).has_value(), bad);
    BOOST_TEST(f.errors().size() == 6u);
    BOOST_TEST(f.errors()[0].code == "FORMATO");
}

BOOST_AUTO_TEST_CASE(cadenas_aceptan_numeros_en_su_forma_mas_corta) {
    auto doc = parse_json_object(R"({"costo":80.50,"n":80,"b":true,"nul":null})");
    BOOST_REQUIRE(doc.ok());
    JsonFields f(*doc);
    BOOST_TEST(*f.string("costo", {}) == "80.5");
    BOOST_TEST(*f.string("n", {}) == "80");
    BOOST_TEST(!f.string("nul", {}).has_value());
    BOOST_TEST(f.ok());
    BOOST_TEST(!f.string("b", {}).has_value());
    BOOST_TEST(!f.ok());
}

BOOST_AUTO_TEST_CASE(longitud_se_cuenta_en_puntos_de_codigo) {
    std::string enies;
    for (int i = 0; i < 200; ++i) enies += "ñ";
    auto doc = parse_json_object("{\"ok\":\"" + enies + "\",\"largo\":\"" + enies + "ñ\"}");
    BOOST_REQUIRE(doc.ok());
    JsonFields f(*doc);
    BOOST_TEST(f.string("ok", {.max_code_points = 200}).has_value());
    BOOST_TEST(!f.string("largo", {.max_code_points = 200}).has_value());
    BOOST_REQUIRE(f.errors().size() == 1u);
    BOOST_TEST(f.errors()[0].code == "LONGITUD_MAXIMA");
    BOOST_TEST(!f.errors()[0].rejected_json.has_value());  // over 100 code points: not echoed
}

BOOST_AUTO_TEST_CASE(requeridos_y_blancos_se_reportan_juntos) {
    auto doc = parse_json_object(R"({"b":"   ","c":"\u0000"})");
    BOOST_REQUIRE(doc.ok());
    JsonFields f(*doc);
    f.string("a", {.required = true});
    f.string("b", {.required = true, .non_blank = true});
    f.string("c", {});
    BOOST_REQUIRE(f.errors().size() == 3u);
    BOOST_TEST(f.errors()[0].code == "REQUERIDO");
    BOOST_TEST(f.errors()[0].field == "a");
    BOOST_TEST(f.errors()[1].field == "b");
    BOOST_TEST(f.errors()[2].field == "c");
}

BOOST_AUTO_TEST_CASE(enums_exactos_y_sensibles_a_mayusculas) {
    auto doc = parse_json_object(R"({"a":"PENDIENTE_PPPoE","b":"PENDIENTE_PPPOE","c":"","d":3})");
    BOOST_REQUIRE(doc.ok());
    JsonFields f(*doc);
    BOOST_TEST(f.enumeration<domain::EstadoTecnico>("a", true).has_value());
    BOOST_TEST(!f.enumeration<domain::EstadoTecnico>("b", true).has_value());
    BOOST_TEST(!f.enumeration<domain::EstadoTecnico>("c", true).has_value());
    BOOST_TEST(!f.enumeration<domain::EstadoTecnico>("d", true).has_value());
    BOOST_TEST(f.errors().size() == 3u);
    BOOST_TEST(f.errors()[0].code == "VALOR_NO_PERMITIDO");
    BOOST_TEST(*f.errors()[0].rejected_json == "\"PENDIENTE_PPPOE\"");
}
