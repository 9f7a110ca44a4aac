#define BOOST_TEST_MODULE integration_pendientes
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <ctime>

#include "support/stack.hpp"

using namespace pendientes::test;

BOOST_AUTO_TEST_CASE(crear_pendiente_devuelve_la_respuesta_completa_y_un_historial) {
    Api api;
    Db db;
    auto r = api.post("/api/pendientes",
                      R"({"fechaPendiente":"2026-07-11T09:00:00","empresa":"SIMAX","lugar":"PUNO","prioridad":"URGENTE",
                          "tipo":"TRASLADO","direccion":"Jr. Lima 120, Puno","clienteId":1,"estadoTecnico":"PENDIENTE_PPPoE_Y_VLAN"})",
                      api.token(kCoord));
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    auto j = r.json();
    const auto& d = j["data"];
    std::int64_t id = d["id"].GetInt64();
    BOOST_TEST(std::string(j["message"].GetString()) == "Pendiente creado correctamente");
    BOOST_TEST(std::string(d["fechaPendiente"].GetString()) == "2026-07-11T09:00:00");
    BOOST_TEST(std::string(d["fechaCreacion"].GetString()).size() == 19u);
    BOOST_TEST(d["idEmpleadoRegistro"].GetInt() == 3);
    BOOST_TEST(std::string(d["registradoPor"].GetString()) == "Carmen Coordinadora");
    BOOST_TEST(d["idEmpleadoAsignado"].IsNull());
    BOOST_TEST(d["asignadoA"].IsNull());
    BOOST_TEST(std::string(d["estado"].GetString()) == "REGISTRADO");
    BOOST_TEST(std::string(d["estadoTecnico"].GetString()) == "PENDIENTE_PPPoE_Y_VLAN");
    BOOST_TEST(std::string(d["empresa"].GetString()) == "SIMAX");
    BOOST_TEST(std::string(d["tipo"].GetString()) == "TRASLADO");
    BOOST_TEST(std::string(d["cliente"].GetString()) == "Cliente Demo Núñez");
    BOOST_TEST(std::string(d["codCliente"].GetString()) == "CLI-0001");
    BOOST_TEST(std::string(d["celularCliente"].GetString()) == "900000001");
    BOOST_TEST(d["tieneDetalle"].GetBool() == false);

    BOOST_TEST(db.count("SELECT COUNT(*) FROM historiales WHERE pendiente_id = ? AND estado = 'REGISTRADO'", id) == 1);
    BOOST_TEST(*db.text("SELECT CAST(empleado_id AS CHAR) FROM historiales WHERE pendiente_id = ?", id) == "3");

    auto g = api.get("/api/pendientes/" + std::to_string(id), api.token(kCoord));
    BOOST_TEST(g.status == 200);
    BOOST_TEST(std::string(g.json()["data"]["direccion"].GetString()) == "Jr. Lima 120, Puno");
}

BOOST_AUTO_TEST_CASE(crear_con_valores_invalidos_reporta_todos_y_no_guarda_nada) {
    Api api;
    Db db;
    auto before = db.count("SELECT COUNT(*) FROM pendientes");
    auto r = api.post("/api/pendientes",
                      R"({"lugar":"LIMA","prioridad":"baja","tipo":"TRASLADO","clienteId":-1,"estado":"ASIGNADO",
                          "asignadoAId":7,"fechaPendiente":"2026-07-11 09:00"})",
                      api.token(kCoord));
    expect_error(r, 400, "VALIDACION");
    BOOST_TEST(r.json()["errors"].Size() >= 6u);
    BOOST_TEST(db.count("SELECT COUNT(*) FROM pendientes") == before);
}

BOOST_AUTO_TEST_CASE(camaras_solo_admite_estado_tecnico_ok) {
    Api api;
    expect_error(api.post("/api/pendientes",
                          R"({"lugar":"PUNO","prioridad":"MEDIA","tipo":"INSTALACION_CAMARAS","clienteId":1,"estadoTecnico":"PENDIENTE_VLAN"})",
                          api.token(kCoord)),
                 400, "VALIDACION");
}

BOOST_AUTO_TEST_CASE(cliente_o_registrador_inexistente_es_404) {
    Api api;
    expect_error(api.post("/api/pendientes", R"({"lugar":"PUNO","prioridad":"MEDIA","tipo":"AVERIA","clienteId":999999})",
                          api.token(kCoord)),
                 404, "NO_ENCONTRADO");
    expect_error(api.post("/api/pendientes",
                          R"({"lugar":"PUNO","prioridad":"MEDIA","tipo":"AVERIA","clienteId":1,"registradoPorId":424242})",
                          api.token(kCoord)),
                 404, "NO_ENCONTRADO");
}

BOOST_AUTO_TEST_CASE(sin_bit_registrar_es_403) {
    Api api;
    expect_error(api.post("/api/pendientes", R"({"lugar":"PUNO","prioridad":"MEDIA","tipo":"AVERIA","clienteId":1})",
                          api.token(kTecnico1)),
                 403, "SIN_PERMISO");
    expect_error(api.post("/api/pendientes", R"({})", api.token(kSinPermisos)), 403, "SIN_PERMISO");
}

BOOST_AUTO_TEST_CASE(permiso_se_comprueba_antes_que_la_sintaxis) {
    Api api;
    // §1.2: check 4 (bits) before check 5 (JSON).
    expect_error(api.post("/api/pendientes", R"({bad json)", api.token(kTecnico1)), 403, "SIN_PERMISO");
    expect_error(api.post("/api/pendientes", R"({bad json)"), 401, "NO_AUTENTICADO");
}

BOOST_AUTO_TEST_CASE(tecnico_solo_ve_sus_pendientes) {
    Api api;
    auto id = api.crear_pendiente("AVERIA");
    expect_error(api.get("/api/pendientes/" + std::to_string(id), api.token(kTecnico1)), 403, "SIN_PERMISO");
    BOOST_TEST(api.get("/api/pendientes/" + std::to_string(id), api.token(kAtencion)).status == 200);
    expect_error(api.get("/api/pendientes/" + std::to_string(id), api.token(kSinPermisos)), 403, "SIN_PERMISO");
}

BOOST_AUTO_TEST_CASE(ids_de_ruta_invalidos_son_400_y_cero_es_404) {
    Api api;
    auto t = api.token(kCoord);
    expect_error(api.get("/api/pendientes/abc", t), 400, "VALIDACION");
    expect_error(api.get("/api/pendientes/-1", t), 400, "VALIDACION");
    expect_error(api.get("/api/pendientes/9223372036854775808", t), 400, "VALIDACION");
    auto r = api.get("/api/pendientes/1.5", t);
    expect_error(r, 400, "VALIDACION");
    BOOST_TEST(std::string(r.json()["errors"][0]["field"].GetString()) == "id");
    expect_error(api.get("/api/pendientes/0", t), 404, "NO_ENCONTRADO");
    expect_error(api.get("/api/pendientes/9223372036854775807", t), 404, "NO_ENCONTRADO");
}

BOOST_AUTO_TEST_CASE(eliminar_es_baja_logica_y_luego_404) {
    Api api;
    Db db;
    auto id = api.crear_pendiente("AVERIA");
    auto path = "/api/pendientes/" + std::to_string(id);
    expect_error(api.del(path, api.token(kAtencion)), 403, "SIN_PERMISO");  // ATAC lacks bit 2
    auto r = api.del(path, api.token(kCoord));
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(r.json()["data"].IsNull());
    BOOST_TEST(db.count("SELECT COUNT(*) FROM pendientes WHERE id = ? AND vigente = 0", id) == 1);
    expect_error(api.get(path, api.token(kCoord)), 404, "NO_ENCONTRADO");
    expect_error(api.del(path, api.token(kCoord)), 404, "NO_ENCONTRADO");
}

BOOST_AUTO_TEST_CASE(clientes_listar_obtener_crear) {
    Api api;
    auto t = api.token(kCoord);
    auto list = api.get("/api/clientes?page=0&size=1", t);
    BOOST_TEST_REQUIRE(list.status == 200, list.body);
    auto lj = list.json();
    const auto& page = lj["data"];
    BOOST_TEST(page["content"].Size() == 1u);
    BOOST_TEST(page["size"].GetInt() == 1);
    BOOST_TEST(page["totalElements"].GetInt() >= 2);
    BOOST_TEST(page["sort"]["unsorted"].GetBool());
    BOOST_TEST(page["first"].GetBool());
    BOOST_TEST(!page["last"].GetBool());
    expect_error(api.get("/api/clientes?size=0", t), 400, "VALIDACION");
    expect_error(api.get("/api/clientes?page=-1", t), 400, "VALIDACION");

    auto one = api.get("/api/clientes/2", t);
    BOOST_TEST(std::string(one.json()["data"]["nombre"].GetString()) == "Comercial Demo S.A.C.");
    expect_error(api.get("/api/clientes/424242", t), 404, "NO_ENCONTRADO");

    std::string codigo = "CLI-T-" + std::to_string(std::time(nullptr)) + std::to_string(rand() % 100000);
    std::string body = R"({"nombre":"Ñandú SRL","tipoCliente":"EMPRESA","tipoDocumento":"RUC","numeroDocumento":"20123456789","codigoCliente":")" +
                       codigo + R"("})";
    auto created = api.post("/api/clientes", body, t);
    BOOST_TEST_REQUIRE(created.status == 200, created.body);
    BOOST_TEST(std::string(created.json()["data"]["nombre"].GetString()) == "Ñandú SRL");
    expect_error(api.post("/api/clientes", body, t), 409, "DUPLICADO");
    expect_error(api.post("/api/clientes",
                          R"({"nombre":"X","tipoCliente":"PERSONA","tipoDocumento":"DNI","numeroDocumento":"123","codigoCliente":"Z1"})", t),
                 400, "VALIDACION");
    expect_error(api.post("/api/clientes", body, api.token(kConta)), 403, "SIN_PERMISO");
}

BOOST_AUTO_TEST_CASE(empleados_listar_y_crear_solo_admin) {
    Api api;
    auto list = api.get("/api/empleados", api.token(kTecnico1));
    BOOST_TEST_REQUIRE(list.status == 200, list.body);
    auto lj = list.json();
    for (const auto& e : lj["data"].GetArray()) BOOST_TEST(e["vigente"].GetBool());
    BOOST_TEST(std::string(lj["data"][0]["cargo"]["nombre"].GetString()) == "Coordinadora");

    std::string body = R"({"nombre":"Rosa","apellidoPaterno":"Ríos","apellidoMaterno":"","cargoId":5,"fechaIngreso":"2026-01-15"})";
    expect_error(api.post("/api/empleados", body, api.token(kCoord)), 403, "SIN_PERMISO");
    auto created = api.post("/api/empleados", body, api.token(kAdmin));
    BOOST_TEST_REQUIRE(created.status == 200, created.body);
    auto cj = created.json();
    BOOST_TEST(std::string(cj["data"]["cargoNombre"].GetString()) == "Tecnico");
    BOOST_TEST(std::string(cj["data"]["fechaIngreso"].GetString()) == "2026-01-15");
    expect_error(api.post("/api/empleados",
                          R"({"nombre":"Rosa","apellidoPaterno":"Ríos","apellidoMaterno":"","cargoId":99,"fechaIngreso":"2026-01-15"})",
                          api.token(kAdmin)),
                 404, "NO_ENCONTRADO");
    expect_error(api.post("/api/empleados", R"({"nombre":"Rosa","fechaIngreso":"15/01/2026"})", api.token(kAdmin)), 400,
                 "VALIDACION");
}
