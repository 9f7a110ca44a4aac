// …/{id}/estado-tecnico (API.md §7.5): manual moves of §6.4, the compat mutating GET and
// the read-only GET, with the order of checks of §1.2.
#define BOOST_TEST_MODULE integration_estado_tecnico
#include <boost/test/unit_test.hpp>

#include <string>

#include "support/stack.hpp"

using namespace pendientes::test;

namespace {

std::string sid(std::int64_t id) { return std::to_string(id); }
std::string ruta(std::int64_t id) { return "/api/pendientes/" + sid(id) + "/estado-tecnico"; }
std::string str(const rapidjson::Value& v) { return std::string(v.GetString(), v.GetStringLength()); }

std::int64_t pendiente(Api& api, const std::string& tipo, const std::string& estado_tecnico) {
    return api.crear_pendiente(tipo, R"("estadoTecnico":")" + estado_tecnico + "\"");
}

std::string guardado(Db& db, std::int64_t id) { return *db.text("SELECT estado_tecnico FROM pendientes WHERE id = ?", id); }

void ejecutar(Db& db, const char* sql, std::int64_t id) { db.connection().statement(sql).bind(id).update(); }

}  // namespace

BOOST_AUTO_TEST_CASE(put_solicita_y_confirma_banderas) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto id = pendiente(api, "TRASLADO", "OK");

    auto r = api.put(ruta(id) + "?nuevoEstado=PENDIENTE_PPPoE", t);
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    auto j = r.json();
    BOOST_TEST(str(j["message"]) == "Estado técnico actualizado correctamente");
    // data is the whole PendienteResponse (§5.1).
    BOOST_TEST(j["data"]["id"].GetInt64() == id);
    BOOST_TEST(str(j["data"]["estadoTecnico"]) == "PENDIENTE_PPPoE");
    BOOST_TEST(str(j["data"]["estado"]) == "REGISTRADO");
    BOOST_TEST(str(j["data"]["tipo"]) == "TRASLADO");
    BOOST_TEST(j["data"].HasMember("tieneDetalle"));
    BOOST_TEST(guardado(db, id) == "PENDIENTE_PPPoE");

    BOOST_TEST_REQUIRE(api.put(ruta(id) + "?nuevoEstado=PENDIENTE_PPPoE_Y_VLAN", t).status == 200);
    BOOST_TEST(guardado(db, id) == "PENDIENTE_PPPoE_Y_VLAN");
    BOOST_TEST_REQUIRE(api.put(ruta(id) + "?nuevoEstado=OK", t).status == 200);
    BOOST_TEST(guardado(db, id) == "OK");
    // §6.2: estadoTecnico changes write no historial row.
    BOOST_TEST(db.count("SELECT COUNT(*) FROM historiales WHERE pendiente_id = ?", id) == 1);
}

BOOST_AUTO_TEST_CASE(mismo_estado_es_200_sin_cambios) {
    Api api;
    Db db;
    auto id = pendiente(api, "AVERIA", "PENDIENTE_VLAN");
    auto r = api.put(ruta(id) + "?nuevoEstado=PENDIENTE_VLAN", api.token(kCoord));
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(str(r.json()["data"]["estadoTecnico"]) == "PENDIENTE_VLAN");
    // Even a caller lacking the confirming bits: nothing is added or removed.
    BOOST_TEST(api.put(ruta(id) + "?nuevoEstado=PENDIENTE_VLAN", api.token(kAtencion)).status == 200);
    BOOST_TEST(guardado(db, id) == "PENDIENTE_VLAN");
}

BOOST_AUTO_TEST_CASE(par_fuera_de_la_maquina_es_400_transicion_invalida) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto id = pendiente(api, "TRASLADO", "PENDIENTE_PPPoE");
    expect_error(api.put(ruta(id) + "?nuevoEstado=PENDIENTE_VLAN", t), 400, "TRANSICION_INVALIDA");
    BOOST_TEST(guardado(db, id) == "PENDIENTE_PPPoE");
    auto ambos = pendiente(api, "INSTALACION_INTERNET", "PENDIENTE_PPPoE_Y_VLAN");
    expect_error(api.put(ruta(ambos) + "?nuevoEstado=PENDIENTE_VLAN", t), 400, "TRANSICION_INVALIDA");
    expect_error(api.put(ruta(ambos) + "?nuevoEstado=PENDIENTE_PPPoE", t), 400, "TRANSICION_INVALIDA");
    BOOST_TEST(guardado(db, ambos) == "PENDIENTE_PPPoE_Y_VLAN");
    // The edge is checked before the per-flag bits (§1.2 check 10).
    expect_error(api.put(ruta(id) + "?nuevoEstado=PENDIENTE_VLAN", api.token(kAtencion)), 400, "TRANSICION_INVALIDA");
}

BOOST_AUTO_TEST_CASE(camaras_y_recojo_solo_admiten_ok) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    for (const std::string tipo : {"INSTALACION_CAMARAS", "RECOJO_DISPOSITIVOS"}) {
        auto id = pendiente(api, tipo, "OK");
        expect_error(api.put(ruta(id) + "?nuevoEstado=PENDIENTE_PPPoE", t), 400, "TRANSICION_INVALIDA");
        expect_error(api.put(ruta(id) + "?nuevoEstado=PENDIENTE_PPPoE_Y_VLAN", t), 400, "TRANSICION_INVALIDA");
        BOOST_TEST(api.put(ruta(id) + "?nuevoEstado=OK", t).status == 200);
        BOOST_TEST(guardado(db, id) == "OK");
    }
}

BOOST_AUTO_TEST_CASE(permisos_por_bandera) {
    Api api;
    Db db;
    // ATAC holds 32 (PPPoE) but neither 64 nor 128: it may add/remove PPPoE only.
    auto atac = api.token(kAtencion);
    auto id = pendiente(api, "TRASLADO", "OK");
    expect_error(api.put(ruta(id) + "?nuevoEstado=PENDIENTE_VLAN", atac), 403, "SIN_PERMISO");
    expect_error(api.put(ruta(id) + "?nuevoEstado=PENDIENTE_PPPoE_Y_VLAN", atac), 403, "SIN_PERMISO");
    BOOST_TEST(guardado(db, id) == "OK");
    BOOST_TEST(api.put(ruta(id) + "?nuevoEstado=PENDIENTE_PPPoE", atac).status == 200);
    BOOST_TEST(api.put(ruta(id) + "?nuevoEstado=OK", atac).status == 200);

    auto vlan = pendiente(api, "AVERIA", "PENDIENTE_VLAN");
    expect_error(api.put(ruta(vlan) + "?nuevoEstado=OK", atac), 403, "SIN_PERMISO");  // removing VLAN needs 64
    BOOST_TEST(guardado(db, vlan) == "PENDIENTE_VLAN");

    // Route bits (§3.6): 32, 64 or 128; CONT and ASES hold none of them.
    expect_error(api.put(ruta(id) + "?nuevoEstado=PENDIENTE_PPPoE", api.token(kConta)), 403, "SIN_PERMISO");
    expect_error(api.put(ruta(id) + "?nuevoEstado=PENDIENTE_PPPoE", api.token(kAsesor)), 403, "SIN_PERMISO");
    // … checked before the parameter syntax (§1.2 check 4 before 5).
    expect_error(api.put(ruta(id), api.token(kConta)), 403, "SIN_PERMISO");
}

BOOST_AUTO_TEST_CASE(tecnico_solo_en_su_pendiente_y_con_128_solicita) {
    Api api;
    Db db;
    auto tec = api.token(kTecnico1);
    auto id = pendiente(api, "TRASLADO", "OK");
    expect_error(api.put(ruta(id) + "?nuevoEstado=PENDIENTE_VLAN", tec), 403, "SIN_PERMISO");  // not writable
    ejecutar(db, "UPDATE pendientes SET asignado_a = 7, estado = 'ASIGNADO' WHERE id = ?", id);
    auto r = api.put(ruta(id) + "?nuevoEstado=PENDIENTE_PPPoE_Y_VLAN", tec);
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(str(r.json()["data"]["asignadoA"]) == "Tomás Técnico");
    BOOST_TEST(api.put(ruta(id) + "?nuevoEstado=OK", tec).status == 200);
    expect_error(api.put(ruta(id) + "?nuevoEstado=PENDIENTE_VLAN", api.token(kTecnico2)), 403, "SIN_PERMISO");
    BOOST_TEST(guardado(db, id) == "OK");
}

BOOST_AUTO_TEST_CASE(nuevo_estado_ausente_o_desconocido_es_400) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto id = pendiente(api, "TRASLADO", "OK");
    auto falta = api.put(ruta(id), t);
    expect_error(falta, 400, "VALIDACION");
    BOOST_TEST(str(falta.json()["errors"][0]["field"]) == "nuevoEstado");
    expect_error(api.put(ruta(id) + "?nuevoEstado=", t), 400, "VALIDACION");
    expect_error(api.put(ruta(id) + "?nuevoEstado=PENDIENTE_PPPOE", t), 400, "VALIDACION");  // case-sensitive
    expect_error(api.put(ruta(id) + "?nuevoEstado=ok", t), 400, "VALIDACION");
    expect_error(api.get(ruta(id) + "?nuevoEstado=NADA", t), 400, "VALIDACION");
    // Syntax before existence (§1.2 check 5 before 6).
    expect_error(api.put(ruta(987654321) + "?nuevoEstado=NADA", t), 400, "VALIDACION");
    expect_error(api.put("/api/pendientes/abc/estado-tecnico?nuevoEstado=OK", t), 400, "VALIDACION");
    expect_error(api.put(ruta(987654321) + "?nuevoEstado=OK", t), 404, "NO_ENCONTRADO");
    BOOST_TEST(guardado(db, id) == "OK");

    // Also accepted from a form body (§0.3).
    Headers form{{"Authorization", "Bearer " + t}, {"Content-Type", "application/x-www-form-urlencoded"}};
    auto f = api.send("PUT", ruta(id), form, std::string("nuevoEstado=PENDIENTE_VLAN"));
    BOOST_TEST_REQUIRE(f.status == 200, f.body);
    BOOST_TEST(guardado(db, id) == "PENDIENTE_VLAN");
}

BOOST_AUTO_TEST_CASE(pendiente_cerrado_es_409_en_mutaciones_y_legible) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto id = pendiente(api, "TRASLADO", "PENDIENTE_PPPoE");
    ejecutar(db, "UPDATE pendientes SET estado = 'FINALIZADO' WHERE id = ?", id);
    expect_error(api.put(ruta(id) + "?nuevoEstado=OK", t), 409, "PENDIENTE_CERRADO");
    expect_error(api.get(ruta(id) + "?nuevoEstado=OK", t), 409, "PENDIENTE_CERRADO");
    // Closed before the edge (an invalid pair still answers 409) and before "no change".
    expect_error(api.put(ruta(id) + "?nuevoEstado=PENDIENTE_VLAN", t), 409, "PENDIENTE_CERRADO");
    expect_error(api.put(ruta(id) + "?nuevoEstado=PENDIENTE_PPPoE", t), 409, "PENDIENTE_CERRADO");
    // Writability before the closed state (§1.2 check 7 before 10).
    expect_error(api.put(ruta(id) + "?nuevoEstado=OK", api.token(kTecnico2)), 403, "SIN_PERMISO");
    BOOST_TEST(guardado(db, id) == "PENDIENTE_PPPoE");

    auto g = api.get(ruta(id), t);
    BOOST_TEST_REQUIRE(g.status == 200, g.body);
    BOOST_TEST(str(g.json()["data"]["estadoTecnico"]) == "PENDIENTE_PPPoE");

    auto cancelado = pendiente(api, "AVERIA", "OK");
    ejecutar(db, "UPDATE pendientes SET estado = 'CANCELADO' WHERE id = ?", cancelado);
    expect_error(api.put(ruta(cancelado) + "?nuevoEstado=PENDIENTE_VLAN", t), 409, "PENDIENTE_CERRADO");
}

BOOST_AUTO_TEST_CASE(get_con_nuevo_estado_muta_y_exige_bits_32_64_128) {
    Api api;
    Db db;
    auto id = pendiente(api, "AVERIA", "OK");
    auto r = api.get(ruta(id) + "?nuevoEstado=PENDIENTE_VLAN", api.token(kCoord));
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(str(r.json()["data"]["estadoTecnico"]) == "PENDIENTE_VLAN");
    BOOST_TEST(guardado(db, id) == "PENDIENTE_VLAN");

    // CONT may read (4, 8, 2048) but holds none of 32, 64, 128.
    expect_error(api.get(ruta(id) + "?nuevoEstado=OK", api.token(kConta)), 403, "SIN_PERMISO");
    expect_error(api.get(ruta(id) + "?nuevoEstado=", api.token(kConta)), 403, "SIN_PERMISO");
    BOOST_TEST(guardado(db, id) == "PENDIENTE_VLAN");
    auto lectura = api.get(ruta(id), api.token(kConta));
    BOOST_TEST_REQUIRE(lectura.status == 200, lectura.body);
    BOOST_TEST(str(lectura.json()["data"]["estadoTecnico"]) == "PENDIENTE_VLAN");
    BOOST_TEST(lectura.json()["data"]["id"].GetInt64() == id);
    // Per-flag bits apply to the GET form too: ATAC cannot remove VLAN.
    expect_error(api.get(ruta(id) + "?nuevoEstado=OK", api.token(kAtencion)), 403, "SIN_PERMISO");
    BOOST_TEST(db.count("SELECT COUNT(*) FROM historiales WHERE pendiente_id = ?", id) == 1);
}

BOOST_AUTO_TEST_CASE(get_sin_parametro_solo_lee_y_exige_visibilidad) {
    Api api;
    Db db;
    auto id = pendiente(api, "TRASLADO", "PENDIENTE_PPPoE_Y_VLAN");
    auto r = api.get(ruta(id), api.token(kCoord));
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(str(r.json()["data"]["estadoTecnico"]) == "PENDIENTE_PPPoE_Y_VLAN");
    BOOST_TEST(guardado(db, id) == "PENDIENTE_PPPoE_Y_VLAN");

    // No bits at all (route check) and no read bits (SINP) → 403.
    expect_error(api.get(ruta(id), api.token(kSinPermisos)), 403, "SIN_PERMISO");
    // A technician reads only his own orders (§3.3).
    expect_error(api.get(ruta(id), api.token(kTecnico1)), 403, "SIN_PERMISO");
    ejecutar(db, "UPDATE pendientes SET asignado_a = 7, estado = 'ASIGNADO' WHERE id = ?", id);
    BOOST_TEST(api.get(ruta(id), api.token(kTecnico1)).status == 200);
    // VER_PENDIENTES_HISTORIAL sees closed orders it does not own.
    expect_error(api.get(ruta(id), api.token(kAsesor)), 403, "SIN_PERMISO");
    ejecutar(db, "UPDATE pendientes SET estado = 'CANCELADO' WHERE id = ?", id);
    BOOST_TEST(api.get(ruta(id), api.token(kAsesor)).status == 200);

    expect_error(api.get(ruta(987654321), api.token(kCoord)), 404, "NO_ENCONTRADO");
    expect_error(api.get("/api/pendientes/1x/estado-tecnico", api.token(kCoord)), 400, "VALIDACION");
    expect_error(api.del(ruta(id), api.token(kCoord)), 405, "METODO_NO_PERMITIDO");
}
