#define BOOST_TEST_MODULE integration_wire
#include <boost/test/unit_test.hpp>

#include <openssl/ssl.h>

#include "support/stack.hpp"

using namespace pendientes::test;

BOOST_AUTO_TEST_CASE(ruta_desconocida_es_404_con_sobre) {
    Api api;
    expect_error(api.get("/api/nada"), 404, "RUTA_NO_ENCONTRADA");
    expect_error(api.get("/api/pendientes/1/desconocido", api.token(kCoord)), 404, "RUTA_NO_ENCONTRADA");
    expect_error(api.get("/otra-cosa"), 404, "RUTA_NO_ENCONTRADA");
}

BOOST_AUTO_TEST_CASE(metodo_equivocado_es_405_con_allow) {
    Api api;
    auto r = api.send("PATCH", "/api/pendientes/1", {});
    expect_error(r, 405, "METODO_NO_PERMITIDO");
    BOOST_TEST(r.header("allow").find("GET") != std::string::npos);
    BOOST_TEST(r.header("allow").find("DELETE") != std::string::npos);
    expect_error(api.get("/auth"), 405, "METODO_NO_PERMITIDO");
}

BOOST_AUTO_TEST_CASE(barra_final_se_ignora) {
    Api api;
    auto r = api.post("/api/pendientes/", R"({"lugar":"PUNO","prioridad":"MEDIA","tipo":"AVERIA","clienteId":1})",
                      api.token(kCoord));
    BOOST_TEST(r.status == 200, r.body);
}

BOOST_AUTO_TEST_CASE(ruta_protegida_sin_token_es_401) {
    Api api;
    auto r = api.get("/api/pendientes/1");
    expect_error(r, 401, "NO_AUTENTICADO");
    BOOST_TEST(r.header("www-authenticate") == "Bearer");
}

BOOST_AUTO_TEST_CASE(cuerpo_demasiado_grande_es_413_con_sobre_y_sin_filas) {
    Api api;
    Db db;
    auto before = db.count("SELECT COUNT(*) FROM pendientes");
    std::string big = R"({"lugar":"PUNO","prioridad":"MEDIA","tipo":"AVERIA","clienteId":1,"direccion":")" +
                      std::string(1100000, 'x') + "\"}";
    auto r = api.post("/api/pendientes", big, api.token(kCoord));
    expect_error(r, 413, "CUERPO_DEMASIADO_GRANDE");
    BOOST_TEST(db.count("SELECT COUNT(*) FROM pendientes") == before);
}

BOOST_AUTO_TEST_CASE(tipo_de_contenido_no_json_es_415) {
    Api api;
    auto t = api.token(kCoord);
    std::string body = R"({"lugar":"PUNO","prioridad":"MEDIA","tipo":"AVERIA","clienteId":1})";
    expect_error(api.send("POST", "/api/pendientes", {{"Authorization", "Bearer " + t}, {"Content-Type", "text/plain"}}, body),
                 415, "TIPO_CONTENIDO_NO_SOPORTADO");
    expect_error(api.send("POST", "/api/pendientes",
                          {{"Authorization", "Bearer " + t}, {"Content-Type", "application/json; charset=latin1"}}, body),
                 415, "TIPO_CONTENIDO_NO_SOPORTADO");
    BOOST_TEST(api.send("POST", "/api/pendientes",
                        {{"Authorization", "Bearer " + t}, {"Content-Type", "application/json; charset=UTF-8"}}, body)
                   .status == 200);
}

BOOST_AUTO_TEST_CASE(json_invalido_duplicado_profundo_o_utf8_malo_es_400) {
    Api api;
    auto t = api.token(kCoord);
    expect_error(api.post("/api/pendientes", R"({"tipo":"AVERIA","tipo":"TRASLADO"})", t), 400, "JSON_INVALIDO");
    expect_error(api.post("/api/pendientes", "{\"a\":" + std::string(40, '[') + std::string(40, ']') + "}", t), 400,
                 "JSON_INVALIDO");
    expect_error(api.post("/api/pendientes", "{\"direccion\":\"\xC3\x28\"}", t), 400, "JSON_INVALIDO");
    expect_error(api.post("/api/pendientes", "[1,2]", t), 400, "JSON_INVALIDO");
    expect_error(api.post("/api/pendientes", "", t), 400, "JSON_INVALIDO");
}

BOOST_AUTO_TEST_CASE(respuestas_llevan_cabeceras_de_seguridad_y_request_id) {
    Api api;
    auto r = api.get("/api/usuarios/usuario", api.token(kCoord));
    BOOST_TEST(r.header("x-content-type-options") == "nosniff");
    BOOST_TEST(r.header("cache-control") == "no-store");
    BOOST_TEST(!r.header("x-request-id").empty());
    BOOST_TEST(r.header("content-type").rfind("application/json", 0) == 0);
}

BOOST_AUTO_TEST_CASE(respuestas_propias_de_nginx_tambien_llevan_nosniff_y_request_id) {
    // Answered by nginx itself, not the pool: an unknown prefix and an over-limit body.
    Api api;
    auto r = api.get("/otra-cosa");
    expect_error(r, 404, "RUTA_NO_ENCONTRADA");
    BOOST_TEST(r.header("x-content-type-options") == "nosniff");
    BOOST_TEST(!r.header("x-request-id").empty());
    auto big = api.post("/api/pendientes", std::string(1100000, ' '), api.token(kCoord));
    expect_error(big, 413, "CUERPO_DEMASIADO_GRANDE");
    BOOST_TEST(big.header("x-content-type-options") == "nosniff");
    BOOST_TEST(!big.header("x-request-id").empty());
    // Public answers are not marked no-store; the pool's authenticated ones are (above).
    BOOST_TEST(api.get("/healthz/live").header("x-content-type-options") == "nosniff");
}

BOOST_AUTO_TEST_CASE(http_redirige_a_https) {
    Api api;
    auto r = api.client().send_plain(api.http_port(), "GET", "/api/pendientes/1");
    BOOST_TEST(r.status == 301);
    BOOST_TEST(r.header("location").rfind("https://", 0) == 0);
}

BOOST_AUTO_TEST_CASE(tls_1_1_se_rechaza_y_1_2_se_acepta) {
    Api api;
    BOOST_TEST(!api.client().handshake({TLS1_1_VERSION, TLS1_1_VERSION}));
    BOOST_TEST(api.client().handshake({TLS1_2_VERSION, TLS1_2_VERSION}));
}

BOOST_AUTO_TEST_CASE(salud_estado_y_metricas_del_pool) {
    Api api;
    auto live = api.get("/healthz/live");
    BOOST_TEST(live.status == 200);
    BOOST_TEST(std::string(live.json()["data"]["status"].GetString()) == "up");
    auto ready = api.get("/healthz/ready");
    BOOST_TEST(ready.status == 200);
    BOOST_TEST(ready.json()["data"]["migrations"].GetInt() >= 1);

    auto status = api.get("/status");
    BOOST_TEST_REQUIRE(status.status == 200, status.body);
    auto sj = status.json();
    BOOST_TEST(sj["data"]["workers"].GetInt() >= 1);
    BOOST_TEST(sj["data"]["threadsTotal"].GetInt() >= sj["data"]["workers"].GetInt());
    BOOST_TEST(sj["data"]["threadsActive"].GetInt() >= 1);  // this very request
    BOOST_TEST(sj["data"]["requestsServed"].GetInt64() >= 2);
    BOOST_TEST(sj["data"]["threadsIdle"].GetInt() == sj["data"]["threadsTotal"].GetInt() - sj["data"]["threadsActive"].GetInt());
    BOOST_TEST(sj["data"]["uptimeSeconds"].GetInt64() >= 0);
    BOOST_TEST(sj["data"]["slowRequests"].GetInt64() >= 0);
    BOOST_TEST(sj["data"]["workerRestarts"].GetInt64() >= 0);
    BOOST_TEST(sj["data"]["reloads"].GetInt64() >= 0);
    BOOST_TEST((sj["data"]["listenQueue"].IsInt64() || sj["data"]["listenQueue"].IsNull()));

    auto metrics = api.get("/metrics");
    BOOST_TEST(metrics.status == 200);
    BOOST_TEST(metrics.header("content-type").rfind("text/plain", 0) == 0);
    BOOST_TEST(metrics.body.find("# TYPE pendientes_requests_total counter") != std::string::npos);
    BOOST_TEST(metrics.body.find("pendientes_workers ") != std::string::npos);
}
