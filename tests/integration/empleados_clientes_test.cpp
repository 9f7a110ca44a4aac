#define BOOST_TEST_MODULE integration_empleados_clientes
#include <boost/test/unit_test.hpp>

#include <string>

#include "support/stack.hpp"
#include "transiciones_fixture.hpp"

using namespace pendientes::test;

namespace {

std::int64_t crear_cliente(Api& api, const std::string& codigo, const std::string& extra = "") {
    auto r = api.post("/api/clientes",
                      R"({"nombre":"Cliente )" + codigo +
                          R"(","tipoCliente":"PERSONA","tipoDocumento":"DNI","numeroDocumento":"41234567","codigoCliente":")" +
                          codigo + "\"" + extra + "}",
                      api.token(kCoord));
    BOOST_REQUIRE_MESSAGE(r.status == 200, "crear_cliente failed: " + r.body);
    return r.json()["data"]["id"].GetInt64();
}

bool listado_contiene(const HttpResponse& r, std::int64_t id) {
    const auto doc = r.json();  // the range below borrows from it
    for (const auto& e : doc["data"].GetArray())
        if (e["id"].GetInt64() == id) return true;
    return false;
}

}  // namespace

// ---- empleados (§11.2) ----

BOOST_AUTO_TEST_CASE(actualizar_empleado_es_parcial) {
    Api api;
    auto admin = api.token(kAdmin);
    auto id = crear_empleado(api, "Parcial");
    auto path = "/api/empleados/" + std::to_string(id);
    auto r = api.put(path, admin, R"({"telefono":"955000111","cargoId":5,"apellidoMaterno":"Quispe","correo":null})");
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    auto j = r.json();
    const auto& d = j["data"];
    BOOST_TEST(std::string(d["nombre"].GetString()) == "Parcial");
    BOOST_TEST(std::string(d["apellidoPaterno"].GetString()) == "Prueba");
    BOOST_TEST(std::string(d["apellidoMaterno"].GetString()) == "Quispe");
    BOOST_TEST(std::string(d["telefono"].GetString()) == "955000111");
    BOOST_TEST(d["cargo"]["id"].GetInt64() == 5);
    BOOST_TEST(std::string(d["cargoNombre"].GetString()) == "Tecnico");
    BOOST_TEST(std::string(d["fechaIngreso"].GetString()) == "2026-01-01");

    auto todo = api.put(path, admin,
                        R"({"nombre":"Total","apellidoPaterno":"Cambio","apellidoMaterno":"","cargoId":1,"fechaIngreso":"2025-12-31"})");
    BOOST_TEST_REQUIRE(todo.status == 200, todo.body);
    BOOST_TEST(std::string(todo.json()["data"]["nombre"].GetString()) == "Total");
    BOOST_TEST(std::string(todo.json()["data"]["fechaIngreso"].GetString()) == "2025-12-31");
    BOOST_TEST(std::string(todo.json()["data"]["telefono"].GetString()) == "955000111");
}

BOOST_AUTO_TEST_CASE(actualizar_empleado_valida_y_responde_404) {
    Api api;
    auto admin = api.token(kAdmin);
    auto id = crear_empleado(api);
    auto path = "/api/empleados/" + std::to_string(id);
    auto r = api.put(path, admin, R"({"nombre":"  ","apellidoPaterno":")" + std::string(151, 'a') + R"(","fechaIngreso":"2026-13-01","cargoId":"x"})");
    expect_error(r, 400, "VALIDACION");
    BOOST_TEST(r.json()["errors"].Size() == 4u);
    expect_error(api.put(path, admin, R"({"cargoId":999999})"), 404, "NO_ENCONTRADO");
    expect_error(api.put("/api/empleados/999999999", admin, R"({"nombre":"x"})"), 404, "NO_ENCONTRADO");
    expect_error(api.put("/api/empleados/abc", admin, "{}"), 400, "VALIDACION");
    expect_error(api.put(path, api.token(kCoord), "{}"), 403, "SIN_PERMISO");
}

BOOST_AUTO_TEST_CASE(eliminar_empleado_es_baja_logica_y_ya_no_se_asigna) {
    Api api;
    Db db;
    auto admin = api.token(kAdmin);
    auto tecnico = crear_empleado(api, "Baja");
    auto path = "/api/empleados/" + std::to_string(tecnico);
    auto id = pendiente_asignado(api, db, tecnico);
    auto d = api.del(path, admin);
    BOOST_TEST_REQUIRE(d.status == 200, d.body);
    BOOST_TEST(d.json()["data"].IsNull());
    expect_error(api.del(path, admin), 404, "NO_ENCONTRADO");
    BOOST_TEST(!listado_contiene(api.get("/api/empleados", admin), tecnico));
    BOOST_TEST(db.count("SELECT vigente FROM empleados WHERE id = ?", tecnico) == 0);
    // Existing references keep the name; new assignments refuse the empleado.
    auto g = api.get(ruta(id), api.token(kCoord));
    BOOST_TEST(std::string(g.json()["data"]["asignadoA"].GetString()) == "Baja Prueba");
    auto otro = pendiente_con_detalle(api, db);
    expect_error(asignar(api, otro, tecnico, api.token(kCoord)), 404, "NO_ENCONTRADO");
}

// ---- cargos (§11.2) ----

BOOST_AUTO_TEST_CASE(cargos_crear_listar_actualizar_y_eliminar) {
    Api api;
    auto admin = api.token(kAdmin);
    auto lista = api.get("/api/empleados/cargos", api.token(kSinPermisos));
    BOOST_TEST_REQUIRE(lista.status == 200, lista.body);
    BOOST_TEST(lista.json()["data"].Size() >= 8u);
    BOOST_TEST(std::string(lista.json()["data"][0]["nombre"].GetString()) == "Coordinadora");

    auto nombre = unico("Cargo ");
    auto c = api.post("/api/empleados/cargo", R"({"nombre":")" + nombre + R"(","descripcion":"De prueba"})", admin);
    BOOST_TEST_REQUIRE(c.status == 200, c.body);
    auto id = c.json()["data"]["id"].GetInt64();
    BOOST_TEST(std::string(c.json()["data"]["descripcion"].GetString()) == "De prueba");
    expect_error(api.post("/api/empleados/cargo", R"({"nombre":")" + nombre + "\"}", admin), 409, "DUPLICADO");
    expect_error(api.post("/api/empleados/cargo", R"({"nombre":"Tecnico"})", admin), 409, "DUPLICADO");
    expect_error(api.post("/api/empleados/cargo", R"({"descripcion":"x"})", admin), 400, "VALIDACION");
    expect_error(api.post("/api/empleados/cargo", R"({"nombre":")" + std::string(101, 'c') + "\"}", admin), 400,
                 "VALIDACION");
    expect_error(api.post("/api/empleados/cargo", R"({"nombre":"x"})", api.token(kCoord)), 403, "SIN_PERMISO");

    auto path = "/api/empleados/cargo/" + std::to_string(id);
    auto u = api.put(path, admin, R"({"descripcion":"Cambiada"})");
    BOOST_TEST_REQUIRE(u.status == 200, u.body);
    BOOST_TEST(std::string(u.json()["data"]["nombre"].GetString()) == nombre);
    BOOST_TEST(std::string(u.json()["data"]["descripcion"].GetString()) == "Cambiada");
    expect_error(api.put(path, admin, R"({"nombre":"Almacen"})"), 409, "DUPLICADO");
    expect_error(api.put("/api/empleados/cargo/999999", admin, R"({"nombre":"x"})"), 404, "NO_ENCONTRADO");

    BOOST_TEST(api.del(path, admin).status == 200);
    expect_error(api.del(path, admin), 404, "NO_ENCONTRADO");
    BOOST_TEST(!listado_contiene(api.get("/api/empleados/cargos", admin), id));
    // A deleted cargo cannot be given to an empleado.
    expect_error(api.post("/api/empleados",
                          R"({"nombre":"N","apellidoPaterno":"P","apellidoMaterno":"","cargoId":)" + std::to_string(id) +
                              R"(,"fechaIngreso":"2026-01-01"})",
                          admin),
                 404, "NO_ENCONTRADO");
}

// ---- clientes (§11.1) ----

BOOST_AUTO_TEST_CASE(actualizar_cliente_es_parcial_con_las_reglas_de_creacion) {
    Api api;
    auto t = api.token(kCoord);
    auto codigo = unico("CLI-");
    auto id = crear_cliente(api, codigo, R"(,"telefono":"900111222")");
    auto path = "/api/clientes/" + std::to_string(id);
    auto r = api.put(path, t, R"({"direccion":"Jr. Nuevo 1","email":"a@b.pe"})");
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    auto j = r.json();
    BOOST_TEST(std::string(j["data"]["direccion"].GetString()) == "Jr. Nuevo 1");
    BOOST_TEST(std::string(j["data"]["telefono"].GetString()) == "900111222");
    BOOST_TEST(std::string(j["data"]["codigoCliente"].GetString()) == codigo);
    BOOST_TEST(std::string(j["data"]["numeroDocumento"].GetString()) == "41234567");

    // The document format is checked against the result of the update.
    expect_error(api.put(path, t, R"({"tipoDocumento":"RUC"})"), 400, "VALIDACION");
    auto ruc = api.put(path, t, R"({"tipoDocumento":"RUC","numeroDocumento":"20123456789"})");
    BOOST_TEST_REQUIRE(ruc.status == 200, ruc.body);
    BOOST_TEST(std::string(ruc.json()["data"]["tipoDocumento"].GetString()) == "RUC");
    expect_error(api.put(path, t, R"({"numeroDocumento":"123"})"), 400, "VALIDACION");

    expect_error(api.put(path, t, R"({"codigoCliente":"CLI-0001"})"), 409, "DUPLICADO");
    expect_error(api.put(path, t, R"({"nombre":"","tipoCliente":"OTRA","telefono":")" + std::string(21, '9') + "\"}"),
                 400, "VALIDACION");
    expect_error(api.put("/api/clientes/999999999", t, R"({"nombre":"x"})"), 404, "NO_ENCONTRADO");
    expect_error(api.put(path, api.token(kTecnico1), "{}"), 403, "SIN_PERMISO");
    BOOST_TEST(api.put(path, api.token(kAsesor), R"({"nombre":"Por el asesor"})").status == 200);
}

BOOST_AUTO_TEST_CASE(eliminar_cliente_es_baja_logica_y_libera_su_codigo) {
    Api api;
    auto t = api.token(kCoord);
    auto codigo = unico("CLI-");
    auto id = crear_cliente(api, codigo);
    auto con_pendiente = api.post("/api/pendientes",
                                  R"({"lugar":"PUNO","prioridad":"MEDIA","tipo":"AVERIA","clienteId":)" + std::to_string(id) + "}",
                                  t);
    BOOST_TEST_REQUIRE(con_pendiente.status == 200, con_pendiente.body);
    auto pid = con_pendiente.json()["data"]["id"].GetInt64();

    auto path = "/api/clientes/" + std::to_string(id);
    expect_error(api.del(path, api.token(kAtencion)), 403, "SIN_PERMISO");  // ATAC lacks bit 2
    auto d = api.del(path, t);
    BOOST_TEST_REQUIRE(d.status == 200, d.body);
    BOOST_TEST(d.json()["data"].IsNull());
    expect_error(api.get(path, t), 404, "NO_ENCONTRADO");
    expect_error(api.del(path, t), 404, "NO_ENCONTRADO");
    expect_error(api.put(path, t, R"({"nombre":"x"})"), 404, "NO_ENCONTRADO");
    // Pendientes keep showing the name; the code can be reused.
    auto g = api.get(ruta(pid), t);
    BOOST_TEST(std::string(g.json()["data"]["cliente"].GetString()) == "Cliente " + codigo);
    crear_cliente(api, codigo);
}
