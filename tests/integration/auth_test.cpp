#define BOOST_TEST_MODULE integration_auth
#include <boost/test/unit_test.hpp>

#include <ctime>
#include <fstream>

#include "auth/base64url.hpp"
#include "auth/token.hpp"
#include "common/config.hpp"
#include "support/stack.hpp"

using namespace pendientes::test;

BOOST_AUTO_TEST_CASE(login_correcto_devuelve_token_en_data_y_arriba) {
    Api api;
    auto r = api.post("/auth", R"({"dni":"10000002","password":"Coord#2026"})");
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    auto j = r.json();
    BOOST_TEST(j["success"].GetBool());
    BOOST_TEST(j["code"].GetInt() == 200);
    const auto& d = j["data"];
    BOOST_TEST(std::string(d["token"].GetString()) == j["token"].GetString());
    BOOST_TEST(std::string(d["nombre"].GetString()) == "coordinadora");
    BOOST_TEST(std::string(j["nombre"].GetString()) == "coordinadora");
    BOOST_TEST(std::string(d["email"].GetString()) == "coordinadora@pendientes.test");
    BOOST_TEST(std::string(j["email"].GetString()) == "coordinadora@pendientes.test");
    BOOST_TEST(std::string(d["rol"].GetString()) == "CORD");
    BOOST_TEST(std::string(j["rol"].GetString()) == "CORD");
    BOOST_TEST(std::string(d["rolNombre"].GetString()) == "Coordinadora");
    BOOST_TEST(d["permisos"].GetInt() == 10367);
    BOOST_TEST(d["usuarioId"].GetInt() == 2);
    BOOST_TEST(d["empleadoId"].GetInt() == 3);
    BOOST_TEST(std::string(d["expiraEn"].GetString()).size() == 19u);

    // The payload carries sub, rol, iat and exp = iat + TTL.
    std::string token = d["token"].GetString();
    auto payload = pendientes::auth::base64url_decode(token.substr(token.find('.') + 1, token.rfind('.') - token.find('.') - 1));
    BOOST_REQUIRE(payload);
    rapidjson::Document p;
    p.Parse(payload->c_str());
    BOOST_TEST(std::string(p["sub"].GetString()) == "2");
    BOOST_TEST(std::string(p["rol"].GetString()) == "CORD");
    BOOST_TEST(p["exp"].GetInt64() - p["iat"].GetInt64() == 43200);
}

BOOST_AUTO_TEST_CASE(dni_desconocido_y_clave_erronea_dan_el_mismo_401) {
    Api api;
    auto unknown = api.post("/auth", R"({"dni":"99999999","password":"Coord#2026"})");
    auto wrong = api.post("/auth", R"({"dni":"10000002","password":"otra"})");
    expect_error(unknown, 401, "CREDENCIALES_INVALIDAS");
    expect_error(wrong, 401, "CREDENCIALES_INVALIDAS");
    BOOST_TEST(std::string(unknown.json()["message"].GetString()) == wrong.json()["message"].GetString());
    BOOST_TEST(unknown.header("www-authenticate").rfind("Bearer", 0) == 0);
    BOOST_TEST(wrong.body.find("otra") == std::string::npos);  // the password is never echoed
}

BOOST_AUTO_TEST_CASE(usuario_inactivo_solo_tras_clave_correcta) {
    Api api;
    expect_error(api.post("/auth", R"({"dni":"10000008","password":"Inactivo#2026"})"), 401, "USUARIO_INACTIVO");
    expect_error(api.post("/auth", R"({"dni":"10000008","password":"mala"})"), 401, "CREDENCIALES_INVALIDAS");
}

BOOST_AUTO_TEST_CASE(campos_faltantes_o_en_blanco_son_validacion) {
    Api api;
    auto r = api.post("/auth", R"({"dni":"  "})");
    expect_error(r, 400, "VALIDACION");
    auto j = r.json();
    BOOST_TEST(j["errors"].Size() == 2u);
    expect_error(api.post("/auth", R"({"dni":10000002,"password":true})"), 400, "VALIDACION");
}

BOOST_AUTO_TEST_CASE(json_malformado_es_json_invalido) {
    Api api;
    expect_error(api.post("/auth", R"({"dni":"10000002",)"), 400, "JSON_INVALIDO");
    expect_error(api.post("/auth", R"([])"), 400, "JSON_INVALIDO");
    expect_error(api.post("/auth", ""), 400, "JSON_INVALIDO");
    expect_error(api.send("POST", "/auth", {{"Content-Type", "text/plain"}}, R"({"dni":"1","password":"x"})"), 415,
                 "TIPO_CONTENIDO_NO_SOPORTADO");
}

BOOST_AUTO_TEST_CASE(validar_token_responde_texto_plano) {
    Api api;
    auto r = api.get("/auth/validar-token", api.token(kCoord));
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body == "Token válido y usuario activo");
    BOOST_TEST(r.header("content-type").rfind("text/plain", 0) == 0);
}

BOOST_AUTO_TEST_CASE(validar_token_sin_cabecera_o_con_token_malo_es_401) {
    Api api;
    auto none = api.get("/auth/validar-token");
    expect_error(none, 401, "NO_AUTENTICADO");
    BOOST_TEST(none.header("www-authenticate") == "Bearer");
    auto bad = api.get("/auth/validar-token", "abc.def.ghi");
    expect_error(bad, 401, "TOKEN_INVALIDO");
    BOOST_TEST(bad.header("www-authenticate").find("invalid_token") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(esquema_bearer_insensible_a_mayusculas_y_con_un_espacio) {
    Api api;
    std::string t = api.token(kCoord);
    BOOST_TEST(api.send("GET", "/api/usuarios/usuario", {{"Authorization", "bearer " + t}}).status == 200);
    BOOST_TEST(api.send("GET", "/api/usuarios/usuario", {{"Authorization", "BEARER " + t}}).status == 200);
    expect_error(api.send("GET", "/api/usuarios/usuario", {{"Authorization", "Bearer  " + t}}), 401, "NO_AUTENTICADO");
    expect_error(api.send("GET", "/api/usuarios/usuario", {{"Authorization", "Basic abc"}}), 401, "NO_AUTENTICADO");
    expect_error(api.send("GET", "/api/usuarios/usuario", {{"Authorization", "Bearer"}}), 401, "NO_AUTENTICADO");
}

BOOST_AUTO_TEST_CASE(token_expirado_es_token_expirado) {
    Api api;
    pendientes::auth::TokenSigner signer(pendientes::read_secret_file(env("PENDIENTES_TEST_JWT_SECRET_FILE")));
    auto old = signer.issue(2, "CORD", std::time(nullptr) - 100000, 3600);
    expect_error(api.get("/api/usuarios/usuario", old), 401, "TOKEN_EXPIRADO");
    auto valid = signer.issue(2, "CORD", std::time(nullptr), 3600);
    BOOST_TEST(api.get("/api/usuarios/usuario", valid).status == 200);
}

BOOST_AUTO_TEST_CASE(token_de_usuario_inexistente_es_usuario_inactivo) {
    Api api;
    pendientes::auth::TokenSigner signer(pendientes::read_secret_file(env("PENDIENTES_TEST_JWT_SECRET_FILE")));
    expect_error(api.get("/api/usuarios/usuario", signer.issue(8, "TECN", std::time(nullptr), 3600)), 401,
                 "USUARIO_INACTIVO");
    expect_error(api.get("/api/usuarios/usuario", signer.issue(999999, "TECN", std::time(nullptr), 3600)), 401,
                 "USUARIO_INACTIVO");
}

BOOST_AUTO_TEST_CASE(token_firmado_con_otra_clave_es_invalido) {
    Api api;
    pendientes::auth::TokenSigner other(std::string(48, 'z'));
    expect_error(api.get("/api/usuarios/usuario", other.issue(1, "ADMN", std::time(nullptr), 3600)), 401,
                 "TOKEN_INVALIDO");
}

BOOST_AUTO_TEST_CASE(usuario_actual_sin_hash_ni_password) {
    Api api;
    auto r = api.get("/api/usuarios/usuario", api.token(kTecnico1));
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    auto j = r.json();
    const auto& d = j["data"];
    BOOST_TEST(d["id"].GetInt() == 6);
    BOOST_TEST(std::string(d["rol"]["id"].GetString()) == "TECN");
    BOOST_TEST(d["rol"]["permisos"].GetInt() == 2020);
    BOOST_TEST(d["activo"].GetBool());
    BOOST_TEST(d["vigente"].GetBool());
    BOOST_TEST(d["empleado"]["id"].GetInt() == 7);
    BOOST_TEST(std::string(d["empleado"]["nombre"].GetString()) == "Tomás");
    BOOST_TEST(!d.HasMember("password"));
    BOOST_TEST(r.body.find("$2") == std::string::npos);
}
