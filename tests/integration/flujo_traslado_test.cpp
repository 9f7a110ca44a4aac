#define BOOST_TEST_MODULE integration_flujo_traslado
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "support/stack.hpp"
#include "transiciones_fixture.hpp"

using namespace pendientes::test;

namespace {
std::string s(const rapidjson::Value& v) { return v.IsNull() ? "<null>" : v.GetString(); }
}  // namespace

// API.md §15, step by step, as one order's life.
BOOST_AUTO_TEST_CASE(traslado_completo_del_ejemplo_15) {
    Api api;
    Db db;

    // 1. The dispatcher logs in.
    auto login = api.post("/auth", R"({"dni":"10000002","password":"Coord#2026"})");
    BOOST_TEST_REQUIRE(login.status == 200, login.body);
    auto lj = login.json();
    BOOST_TEST(s(lj["data"]["rol"]) == "CORD");
    BOOST_TEST(lj["data"]["permisos"].GetInt() == 10367);
    BOOST_TEST(lj["data"]["empleadoId"].GetInt64() == 3);
    const std::string coord = lj["token"].GetString();

    // 2. Create the order, PPPoE and VLAN needed at the destination.
    auto c = api.post("/api/pendientes",
                      R"({"fechaPendiente":"2026-07-11T09:00:00","empresa":"SIMAX","lugar":"PUNO","prioridad":"URGENTE",
                          "tipo":"TRASLADO","direccion":"Jr. Lima 120, Puno","clienteId":1,"estadoTecnico":"PENDIENTE_PPPoE_Y_VLAN"})",
                      coord);
    BOOST_TEST_REQUIRE(c.status == 200, c.body);
    auto cj = c.json();
    const std::int64_t id = cj["data"]["id"].GetInt64();
    BOOST_TEST(s(cj["message"]) == "Pendiente creado correctamente");
    BOOST_TEST(s(cj["data"]["registradoPor"]) == "Carmen Coordinadora");
    BOOST_TEST(s(cj["data"]["estado"]) == "REGISTRADO");
    BOOST_TEST(s(cj["data"]["estadoTecnico"]) == "PENDIENTE_PPPoE_Y_VLAN");
    BOOST_TEST(cj["data"]["tieneDetalle"].GetBool() == false);

    // 2b. Assigning now fails: no details yet.
    auto a0 = api.put(ruta(id, "/asignar?idAsignado=7"), coord);
    expect_error(a0, 409, "DETALLE_REQUERIDO");
    BOOST_TEST(s(a0.json()["message"]) == "Registre primero el detalle del traslado");

    // 3. The traslado details.
    auto d = api.post("/api/pendientes/traslado",
                      R"({"pendienteId":)" + std::to_string(id) +
                          R"(,"lugarDestino":"JULIACA","direccionDestino":"Av. Circunvalación 455, Juliaca","tipoServicio":"INTERNET_FIBRA"})",
                      coord);
    BOOST_TEST_REQUIRE(d.status == 200, d.body);
    auto dj = d.json();
    BOOST_TEST(dj["data"]["id"].GetInt64() == id);
    BOOST_TEST(dj["data"]["pendienteId"].GetInt64() == id);
    BOOST_TEST(s(dj["data"]["direccionDestino"]) == "Av. Circunvalación 455, Juliaca");
    BOOST_TEST(dj["data"]["vlan"].IsNull());
    BOOST_TEST(dj["data"]["ppoe"].IsNull());

    // 4. Assign technician Tomás (empleado 7).
    auto a = api.put(ruta(id, "/asignar?idAsignado=7"), coord);
    BOOST_TEST_REQUIRE(a.status == 200, a.body);
    auto aj = a.json();
    BOOST_TEST(s(aj["message"]) == "Técnico asignado correctamente");
    BOOST_TEST(s(aj["data"]["estado"]) == "ASIGNADO");
    BOOST_TEST(aj["data"]["idEmpleadoAsignado"].GetInt64() == 7);
    BOOST_TEST(s(aj["data"]["asignadoA"]) == "Tomás Técnico");
    BOOST_TEST(s(aj["data"]["estadoTecnico"]) == "PENDIENTE_PPPoE_Y_VLAN");
    BOOST_TEST(aj["data"]["tieneDetalle"].GetBool());

    // 5. The technician logs in and starts work; optional time tracking.
    auto tl = api.post("/auth", R"({"dni":"10000006","password":"Tecnico#2026"})");
    BOOST_TEST_REQUIRE(tl.status == 200, tl.body);
    const std::string tec = tl.json()["token"].GetString();
    auto e = api.put(ruta(id, "/estado?nuevoEstado=EN_PROGRESO"), tec);
    BOOST_TEST_REQUIRE(e.status == 200, e.body);
    BOOST_TEST(s(e.json()["message"]) == "Estado actualizado correctamente");
    BOOST_TEST(s(e.json()["data"]["estado"]) == "EN_PROGRESO");
    BOOST_TEST(e.json()["data"]["idEmpleadoAsignado"].GetInt64() == 7);
    auto t = api.post("/api/pendientes/tiempos",
                      R"({"pendienteId":)" + std::to_string(id) + R"(,"empleadoId":7,"descripcion":"Retiro de equipos en origen"})",
                      tec);
    BOOST_TEST_REQUIRE(t.status == 200, t.body);
    BOOST_TEST(t.json()["data"]["horaFin"].IsNull());
    BOOST_TEST(s(t.json()["data"]["empleadoNombre"]) == "Tomás Técnico");

    // 6. PPPoE credentials at the destination.
    auto p = api.put(ruta(id, "/traslado/ppoe?ppoeUser=cli_40000001&ppoePassword=p%40ss-2026"), tec);
    BOOST_TEST_REQUIRE(p.status == 200, p.body);
    BOOST_TEST(s(p.json()["data"]["ppoe"]) == "cli_40000001");
    BOOST_TEST(s(p.json()["data"]["ppoePassword"]) == "p@ss-2026");
    BOOST_TEST(p.json()["data"]["vlan"].IsNull());
    BOOST_TEST(s(api.get(ruta(id), coord).json()["data"]["estadoTecnico"]) == "PENDIENTE_VLAN");

    // 7. VLAN through the original odd-character path, percent-encoded.
    auto v = api.put(ruta(id, "/traslado%C2%BF/vlan?vlan=1042"), tec);
    BOOST_TEST_REQUIRE(v.status == 200, v.body);
    BOOST_TEST(s(v.json()["data"]["vlan"]) == "1042");
    BOOST_TEST(s(v.json()["data"]["ppoe"]) == "cli_40000001");
    BOOST_TEST(s(api.get(ruta(id), coord).json()["data"]["estadoTecnico"]) == "OK");

    // 8. The technician closes the time entry and finishes; he may not validate his own work.
    auto cerrar = api.put("/api/pendientes/tiempos/" + std::to_string(id) + "/cerrar-ultimo", tec);
    BOOST_TEST_REQUIRE(cerrar.status == 200, cerrar.body);
    BOOST_TEST(!cerrar.json()["data"]["horaFin"].IsNull());
    auto pv = api.put(ruta(id, "/estado?nuevoEstado=POR_VALIDAR"), tec);
    BOOST_TEST_REQUIRE(pv.status == 200, pv.body);
    BOOST_TEST(s(pv.json()["data"]["estado"]) == "POR_VALIDAR");
    BOOST_TEST(s(pv.json()["data"]["estadoTecnico"]) == "OK");
    auto prohibido = api.put(ruta(id, "/estado?nuevoEstado=FINALIZADO"), tec);
    expect_error(prohibido, 403, "SIN_PERMISO");
    BOOST_TEST(s(prohibido.json()["message"]) == "No tiene permiso para esta acción");

    // 9. The coordinator validates and finalizes; nothing moves afterwards.
    auto fin = api.put(ruta(id, "/estado?nuevoEstado=FINALIZADO"), coord);
    BOOST_TEST_REQUIRE(fin.status == 200, fin.body);
    BOOST_TEST(s(fin.json()["data"]["estado"]) == "FINALIZADO");
    BOOST_TEST(s(fin.json()["data"]["estadoTecnico"]) == "OK");
    BOOST_TEST(fin.json()["data"]["idEmpleadoAsignado"].GetInt64() == 7);
    expect_error(api.put(ruta(id, "/estado?nuevoEstado=OBSERVADO"), coord), 400, "TRANSICION_INVALIDA");
    expect_error(api.put(ruta(id, "/estado?nuevoEstado=CANCELADO"), coord), 400, "TRANSICION_INVALIDA");
    expect_error(api.put(ruta(id, "/traslado"), coord,
                         R"({"lugarDestino":"PUNO","direccionDestino":"Otra","tipoServicio":"INTERNET_FIBRA"})"),
                 409, "PENDIENTE_CERRADO");

    // 10. Finished relocations include this one.
    auto f = api.post("/api/pendientes/filtrar?page=0&size=1000&sort=fechaCreacion,desc",
                      R"({"tipo":"TRASLADO","estados":["FINALIZADO"]})", coord);
    BOOST_TEST_REQUIRE(f.status == 200, f.body);
    bool encontrado = false;
    const auto pagina = f.json();  // the range below borrows from it
    for (const auto& item : pagina["data"]["content"].GetArray()) {
        if (item["id"].GetInt64() != id) continue;
        encontrado = true;
        BOOST_TEST(s(item["asignadoA"]) == "Tomás Técnico");
        BOOST_TEST(s(item["cliente"]) == "Cliente Demo Núñez");
    }
    BOOST_TEST(encontrado);

    // 11. The audit trail, newest first; the refused requests (2b, 8) left no rows.
    BOOST_TEST((estados_historial(api, id, coord) ==
                std::vector<std::string>{"FINALIZADO", "POR_VALIDAR", "EN_PROGRESO", "ASIGNADO", "REGISTRADO"}));
}
