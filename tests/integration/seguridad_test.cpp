#define BOOST_TEST_MODULE integration_seguridad
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <thread>

#include "support/stack.hpp"

using namespace pendientes::test;

BOOST_AUTO_TEST_CASE(login_con_rafaga_desde_una_ip_recibe_429_con_sobre) {
    Api api;
    int throttled = 0;
    for (int i = 0; i < 120; ++i) {
        auto r = api.send("POST", "/auth", {{"Content-Type", "application/json"}}, std::string("{"));
        if (r.status == 429) {
            ++throttled;
            expect_error(r, 429, "DEMASIADOS_INTENTOS");
            // nginx's @too_many location sets its own headers: none of the server's may be lost.
            BOOST_TEST(r.header("retry-after") == "1");
            BOOST_TEST(!r.header("x-request-id").empty());
            BOOST_TEST(r.header("x-content-type-options") == "nosniff");
        } else {
            BOOST_TEST(r.status == 400);
        }
    }
    BOOST_TEST(throttled > 0);
    std::this_thread::sleep_for(std::chrono::seconds(5));  // let the bucket refill for other tests
    BOOST_TEST(api.post("/auth", R"({"dni":"10000002","password":"Coord#2026"})").status == 200);
}

BOOST_AUTO_TEST_CASE(cinco_fallos_seguidos_bloquean_ese_dni_un_momento) {
    Api api;
    for (int i = 0; i < 5; ++i)
        expect_error(api.post("/auth", R"({"dni":"10000007","password":"mala"})"), 401, "CREDENCIALES_INVALIDAS");
    // Even the right password waits now: the back-off is per DNI, not per password.
    auto blocked = api.post("/auth", R"({"dni":"10000007","password":"Tecnico#2026"})");
    expect_error(blocked, 429, "DEMASIADOS_INTENTOS");
    BOOST_TEST(!blocked.header("retry-after").empty());
    // Other accounts are unaffected.
    BOOST_TEST(api.post("/auth", R"({"dni":"10000006","password":"Tecnico#2026"})").status == 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(3000));  // past the 2 s first wait
    BOOST_TEST(api.post("/auth", R"({"dni":"10000007","password":"Tecnico#2026"})").status == 200);
    // The success cleared the count: one more failure does not block.
    expect_error(api.post("/auth", R"({"dni":"10000007","password":"mala"})"), 401, "CREDENCIALES_INVALIDAS");
    BOOST_TEST(api.post("/auth", R"({"dni":"10000007","password":"Tecnico#2026"})").status == 200);
}

BOOST_AUTO_TEST_CASE(clave_pppoe_cifrada_en_reposo_y_legible_por_la_api) {
    Api api;
    Db db;
    auto id = api.crear_pendiente("TRASLADO");
    auto t = api.token(kCoord);
    auto det = api.post("/api/pendientes/traslado",
                        R"({"pendienteId":)" + std::to_string(id) +
                            R"(,"lugarDestino":"JULIACA","direccionDestino":"Av. Test 1","tipoServicio":"INTERNET_FIBRA"})",
                        t);
    BOOST_TEST_REQUIRE(det.status == 200, det.body);
    auto r = api.put("/api/pendientes/" + std::to_string(id) + "/traslado/ppoe?ppoeUser=cli_9&ppoePassword=ClaveSecreta%2399", t);
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(std::string(r.json()["data"]["ppoePassword"].GetString()) == "ClaveSecreta#99");
    auto raw = db.text("SELECT ppoe_password FROM pendientes_traslados WHERE pendiente_id = ?", id);
    BOOST_REQUIRE(raw);
    BOOST_TEST(raw->find("ClaveSecreta") == std::string::npos);
    BOOST_TEST(raw->rfind("v1:", 0) == 0u);
    auto g = api.get("/api/pendientes/" + std::to_string(id) + "/traslado", t);
    BOOST_TEST(std::string(g.json()["data"]["ppoePassword"].GetString()) == "ClaveSecreta#99");
}
