#define BOOST_TEST_MODULE integration_listado_cache
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "support/stack.hpp"
#include "transiciones_fixture.hpp"

// The /filtrar pages the workers keep (db/listado_cache.hpp, sql/migrations/013): a repeated
// question is answered from memory, and every change to what a page shows, through the API or
// straight in the database, is in the very next answer. Each test narrows /filtrar with titulo
// on a token of its own, so other suites' rows never enter its pages.
using namespace pendientes::test;

namespace {

// Enough identical requests that every worker answers the question more than once (nginx
// spreads the requests over the pool's connections, hence over both workers).
constexpr int kVeces = 8;

struct Pagina {
    std::int64_t total = 0;
    std::vector<std::int64_t> ids;
    std::string body;  // as sent, to compare whole answers (the envelope has no timestamp)
};

Pagina filtrar(Api& api, const std::string& body, const std::string& token) {
    auto r = api.post("/api/pendientes/filtrar?sort=id,asc", body, token);
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
    Pagina p;
    auto j = r.json();
    p.total = j["data"]["totalElements"].GetInt64();
    for (const auto& e : j["data"]["content"].GetArray()) p.ids.push_back(e["id"].GetInt64());
    p.body = r.body;
    return p;
}

// kVeces answers to the same question; fails unless they all are the same page.
Pagina repetir(Api& api, const std::string& body, const std::string& token) {
    const Pagina primera = filtrar(api, body, token);
    for (int i = 1; i < kVeces; ++i) BOOST_TEST_REQUIRE(filtrar(api, body, token).body == primera.body);
    return primera;
}

std::string por_titulo(const std::string& t, const std::string& extra = "") {
    return R"({"titulo":")" + t + "\"" + (extra.empty() ? "" : "," + extra) + "}";
}

std::int64_t crear_en(Api& api, const std::string& direccion, const std::string& token, std::int64_t cliente = 1) {
    auto r = api.post("/api/pendientes",
                      R"({"lugar":"PUNO","prioridad":"MEDIA","tipo":"AVERIA","clienteId":)" + std::to_string(cliente) +
                          R"(,"direccion":")" + direccion + "\"}",
                      token);
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
    return r.json()["data"]["id"].GetInt64();
}

struct Cifras {
    std::int64_t aciertos = 0, fallos = 0, workers = 0;
};
Cifras cifras(Api& api) {
    auto r = api.get("/status");
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
    auto j = r.json();
    return {j["data"]["listadoCacheHits"].GetInt64(), j["data"]["listadoCacheMisses"].GetInt64(),
            j["data"]["workers"].GetInt64()};
}

void ejecutar(Db& db, const std::string& sql, const std::string& valor, std::int64_t id) {
    db.connection().statement(sql).bind(valor).bind(id).update();
}

// A text member of the page's first (and only) row.
std::string campo(Api& api, const std::string& pregunta, const std::string& token, const char* nombre) {
    auto r = api.post("/api/pendientes/filtrar", pregunta, token);
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
    auto j = r.json();
    BOOST_REQUIRE_EQUAL(j["data"]["content"].Size(), 1u);
    return j["data"]["content"][0][nombre].GetString();
}

}  // namespace

// The suite runs alone (ctest -j1), so the pool's counters move only with these requests; a
// login writes no row a page reads, so nothing invalidates the pages in between.
BOOST_AUTO_TEST_CASE(la_misma_pregunta_se_responde_de_memoria) {
    Api api;
    const auto token = api.token(kCoord);
    const auto t = unico("Memoria");
    const auto id = crear_en(api, t, token);
    const Cifras antes = cifras(api);
    const Pagina p = repetir(api, por_titulo(t), token);
    const Cifras despues = cifras(api);
    BOOST_TEST(p.ids == std::vector<std::int64_t>{id});
    // At most one computation per worker; every other answer came from memory.
    BOOST_TEST(despues.fallos - antes.fallos <= antes.workers);
    BOOST_TEST(despues.aciertos - antes.aciertos >= kVeces - antes.workers);
}

// Pages of more than 100 rows are exports, not screens: read every time, never kept.
BOOST_AUTO_TEST_CASE(una_pagina_de_mas_de_cien_filas_no_se_guarda) {
    Api api;
    const auto token = api.token(kCoord);
    const auto t = unico("Grande");
    crear_en(api, t, token);
    const Cifras antes = cifras(api);
    for (int i = 0; i < kVeces; ++i) {
        auto r = api.post("/api/pendientes/filtrar?size=101", por_titulo(t), token);
        BOOST_TEST_REQUIRE(r.status == 200, r.body);
        BOOST_TEST(r.json()["data"]["totalElements"].GetInt64() == 1);
    }
    const Cifras despues = cifras(api);
    BOOST_TEST(despues.aciertos == antes.aciertos);
    BOOST_TEST(despues.fallos == antes.fallos);
    filtrar(api, por_titulo(t), token);  // the same question at the default size is kept
    BOOST_TEST(cifras(api).fallos == antes.fallos + 1);
}

BOOST_AUTO_TEST_CASE(un_cambio_por_la_api_esta_en_la_siguiente_respuesta) {
    Api api;
    const auto token = api.token(kCoord);
    const auto t = unico("PorApi");
    const auto p1 = crear_en(api, t, token);
    BOOST_TEST(repetir(api, por_titulo(t), token).total == 1);
    const auto p2 = crear_en(api, t + " bis", token);
    BOOST_TEST(repetir(api, por_titulo(t), token).ids == (std::vector<std::int64_t>{p1, p2}));

    Db db;
    crear_detalle(db, p1, "AVERIA");  // §6.5: no dispatch without details
    const auto asignados = por_titulo(t, R"("estados":["ASIGNADO"])");
    BOOST_TEST(repetir(api, asignados, token).total == 0);
    BOOST_TEST_REQUIRE(asignar(api, p1, kTomas, token).status == 200);
    BOOST_TEST(repetir(api, asignados, token).ids == std::vector<std::int64_t>{p1});
}

// Writes that bypass the service (another tool, an administrator's UPDATE) move the change
// number too: the triggers count them, whoever writes.
BOOST_AUTO_TEST_CASE(un_cambio_directo_en_la_base_esta_en_la_siguiente_respuesta) {
    Api api;
    Db db;
    const auto t = unico("Directo");
    auto registrador = crear_usuario(api, "CORD");
    const auto token = login(api, registrador);
    auto cli = api.post("/api/clientes",
                        R"({"nombre":")" + unico("Cli") +
                            R"(","tipoCliente":"PERSONA","tipoDocumento":"OTRO","numeroDocumento":"X1","codigoCliente":")" +
                            unico("COD") + R"(","telefono":"900000001"})",
                        token);
    BOOST_REQUIRE_MESSAGE(cli.status == 200, cli.body);
    const auto cliente = cli.json()["data"]["id"].GetInt64();
    const auto id = crear_en(api, t, token, cliente);
    const auto pregunta = por_titulo(t);
    repetir(api, pregunta, token);

    ejecutar(db, "UPDATE pendientes SET prioridad = ? WHERE id = ?", "URGENTE", id);
    for (int i = 0; i < kVeces; ++i) BOOST_TEST(campo(api, pregunta, token, "prioridad") == "URGENTE");
    repetir(api, pregunta, token);
    ejecutar(db, "UPDATE clientes SET telefono = ? WHERE id = ?", "900000002", cliente);
    for (int i = 0; i < kVeces; ++i) BOOST_TEST(campo(api, pregunta, token, "celularCliente") == "900000002");
    repetir(api, pregunta, token);
    const auto nombre = unico("Renombrado");
    ejecutar(db, "UPDATE empleados SET nombre = ? WHERE id = ?", nombre, registrador.empleado_id);
    for (int i = 0; i < kVeces; ++i)
        BOOST_TEST(campo(api, pregunta, token, "registradoPor").find(nombre) != std::string::npos);
    ejecutar(db, "UPDATE pendientes SET direccion = ? WHERE id = ?", unico("Otra"), id);
    for (int i = 0; i < kVeces; ++i) BOOST_TEST(filtrar(api, pregunta, token).total == 0);
}

// The page is shared, the caller is not: §2.5's re-check runs on every request, and what the
// caller may see (§3.3) is part of the question.
BOOST_AUTO_TEST_CASE(el_llamante_se_comprueba_en_cada_peticion) {
    Api api;
    Db db;
    const auto t = unico("Llamante");
    crear_en(api, t, api.token(kCoord));
    auto u = crear_usuario(api, "CORD");
    const auto token = login(api, u);
    BOOST_TEST(repetir(api, por_titulo(t), token).total == 1);

    ejecutar(db, "UPDATE usuarios SET rol_id = ? WHERE id = ?", "TECN", u.usuario_id);
    for (int i = 0; i < kVeces; ++i) BOOST_TEST(filtrar(api, por_titulo(t), token).total == 0);  // not its own

    ejecutar(db, "UPDATE usuarios SET rol_id = ? WHERE id = ?", "CORD", u.usuario_id);
    BOOST_TEST(repetir(api, por_titulo(t), token).total == 1);
    db.connection().statement("UPDATE usuarios SET vigente = 0 WHERE id = ?").bind(u.usuario_id).update();
    for (int i = 0; i < kVeces; ++i)
        expect_error(api.post("/api/pendientes/filtrar", por_titulo(t), token), 401, "USUARIO_INACTIVO");
}
