#define BOOST_TEST_MODULE integration_historial
#include <boost/test/unit_test.hpp>

#include <string>

#include "support/stack.hpp"
#include "transiciones_fixture.hpp"

using namespace pendientes::test;

namespace {
std::string historial_de(std::int64_t id) { return "/api/historiales/pendiente/" + std::to_string(id); }
}  // namespace

BOOST_AUTO_TEST_CASE(historial_lista_lo_mas_nuevo_primero_con_la_forma_completa) {
    Api api;
    Db db;
    auto id = pendiente_en(api, db, "EN_PROGRESO");
    auto r = api.get(historial_de(id), api.token(kCoord));
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    auto j = r.json();
    BOOST_TEST(std::string(j["message"].GetString()) == "Historial obtenido correctamente");
    const auto& data = j["data"];
    BOOST_TEST_REQUIRE(data.Size() == 3u);
    BOOST_TEST(std::string(data[0]["estado"].GetString()) == "EN_PROGRESO");
    BOOST_TEST(std::string(data[1]["estado"].GetString()) == "ASIGNADO");
    BOOST_TEST(std::string(data[2]["estado"].GetString()) == "REGISTRADO");
    BOOST_TEST(data[0]["id"].GetInt64() > data[1]["id"].GetInt64());

    const auto& h = data[1];
    BOOST_TEST(h["pendienteId"].GetInt64() == id);
    BOOST_TEST(h["empleadoId"].GetInt64() == 3);
    BOOST_TEST(std::string(h["empleadoNombre"].GetString()) == "Carmen Coordinadora");
    BOOST_TEST(h["empleado"]["id"].GetInt64() == 3);
    BOOST_TEST(std::string(h["empleado"]["nombre"].GetString()) == "Carmen");
    BOOST_TEST(h["empleado"].HasMember("cargo"));
    BOOST_TEST(std::string(h["detalles"].GetString()).find("Tomás Técnico") != std::string::npos);
    BOOST_TEST(std::string(h["fechaCreacion"].GetString()).size() == 19u);
    BOOST_TEST(data[0]["empleadoId"].GetInt64() == 2);  // the administrator walked it
}

BOOST_AUTO_TEST_CASE(historial_de_pendiente_inexistente_o_eliminado_es_404) {
    Api api;
    auto t = api.token(kCoord);
    expect_error(api.get(historial_de(999999999), t), 404, "NO_ENCONTRADO");
    expect_error(api.get(historial_de(0), t), 404, "NO_ENCONTRADO");
    auto r = api.get("/api/historiales/pendiente/x1", t);
    expect_error(r, 400, "VALIDACION");
    BOOST_TEST(std::string(r.json()["errors"][0]["field"].GetString()) == "pendienteId");
    auto id = api.crear_pendiente("AVERIA");
    BOOST_TEST_REQUIRE(api.del("/api/pendientes/" + std::to_string(id), t).status == 200);
    expect_error(api.get(historial_de(id), t), 404, "NO_ENCONTRADO");
}

BOOST_AUTO_TEST_CASE(historial_requiere_ver_el_pendiente) {
    Api api;
    Db db;
    auto id = pendiente_asignado(api, db, kTomas);
    BOOST_TEST(api.get(historial_de(id), api.token(kTecnico1)).status == 200);
    expect_error(api.get(historial_de(id), api.token(kTecnico2)), 403, "SIN_PERMISO");
    expect_error(api.get(historial_de(id), api.token(kAsesor)), 403, "SIN_PERMISO");
    expect_error(api.get(historial_de(id), api.token(kSinPermisos)), 403, "SIN_PERMISO");
    // Once finished, VER_PENDIENTES_HISTORIAL (2048) shows it to the asesor.
    auto fin = pendiente_en(api, db, "FINALIZADO");
    BOOST_TEST(api.get(historial_de(fin), api.token(kAsesor)).status == 200);
}

BOOST_AUTO_TEST_CASE(entrada_manual_se_guarda_tal_cual_y_no_cambia_el_pendiente) {
    Api api;
    Db db;
    auto id = api.crear_pendiente("AVERIA");
    auto r = api.post("/api/historiales",
                      R"({"pendienteId":)" + std::to_string(id) +
                          R"(,"empleadoId":"6","estado":"FINALIZADO","detalles":"Llamada de seguimiento <ok>"})",
                      api.token(kCoord));
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    auto j = r.json();
    const auto& d = j["data"];
    BOOST_TEST(d["pendienteId"].GetInt64() == id);
    BOOST_TEST(d["empleadoId"].GetInt64() == 6);
    BOOST_TEST(std::string(d["empleadoNombre"].GetString()) == "Cecilia Contable");
    BOOST_TEST(std::string(d["estado"].GetString()) == "FINALIZADO");
    BOOST_TEST(std::string(d["detalles"].GetString()) == "Llamada de seguimiento <ok>");
    BOOST_TEST(*db.text("SELECT estado FROM pendientes WHERE id = ?", id) == "REGISTRADO");
    BOOST_TEST((estados_historial(api, id, api.token(kCoord)) == std::vector<std::string>{"FINALIZADO", "REGISTRADO"}));
}

BOOST_AUTO_TEST_CASE(entrada_manual_invalida_reporta_todos_los_campos) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto r = api.post("/api/historiales", R"({"pendienteId":-1,"estado":"HECHO","detalles":"   "})", t);
    expect_error(r, 400, "VALIDACION");
    BOOST_TEST(r.json()["errors"].Size() == 4u);  // pendienteId, empleadoId, estado, detalles
    auto id = api.crear_pendiente("AVERIA");
    auto largo = R"({"pendienteId":)" + std::to_string(id) + R"(,"empleadoId":3,"estado":"REGISTRADO","detalles":")" +
                 std::string(501, 'd') + "\"}";
    expect_error(api.post("/api/historiales", largo, t), 400, "VALIDACION");
    auto justo = R"({"pendienteId":)" + std::to_string(id) + R"(,"empleadoId":3,"estado":"REGISTRADO","detalles":")" +
                 std::string(500, 'd') + "\"}";
    BOOST_TEST(api.post("/api/historiales", justo, t).status == 200);
    expect_error(api.post("/api/historiales", "[1]", t), 400, "JSON_INVALIDO");
}

BOOST_AUTO_TEST_CASE(entrada_manual_con_referencias_inexistentes_es_404) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto id = api.crear_pendiente("AVERIA");
    expect_error(api.post("/api/historiales",
                          R"({"pendienteId":999999999,"empleadoId":3,"estado":"REGISTRADO","detalles":"x"})", t),
                 404, "NO_ENCONTRADO");
    expect_error(api.post("/api/historiales",
                          R"({"pendienteId":)" + std::to_string(id) +
                              R"(,"empleadoId":424242,"estado":"REGISTRADO","detalles":"x"})",
                          t),
                 404, "NO_ENCONTRADO");
    BOOST_TEST(filas_historial(db, id) == 1);
}

BOOST_AUTO_TEST_CASE(entrada_manual_requiere_bits_y_visibilidad) {
    Api api;
    Db db;
    auto id = api.crear_pendiente("AVERIA");
    auto body = R"({"pendienteId":)" + std::to_string(id) + R"(,"empleadoId":5,"estado":"REGISTRADO","detalles":"x"})";
    expect_error(api.post("/api/historiales", body, api.token(kTecnico1)), 403, "SIN_PERMISO");  // no 2 / 2048
    expect_error(api.post("/api/historiales", body, api.token(kAsesor)), 403, "SIN_PERMISO");    // not visible
    auto fin = pendiente_en(api, db, "FINALIZADO");
    auto en_fin = R"({"pendienteId":)" + std::to_string(fin) + R"(,"empleadoId":5,"estado":"FINALIZADO","detalles":"x"})";
    BOOST_TEST(api.post("/api/historiales", en_fin, api.token(kAsesor)).status == 200);
    BOOST_TEST(filas_historial(db, id) == 1);
}
