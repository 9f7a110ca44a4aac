// PPPoE and VLAN setters (API.md §8.6, §6.4 automatic moves) and the odd-character VLAN
// paths, sent byte for byte through nginx.
#define BOOST_TEST_MODULE integration_vlan_paths
#include <boost/test/unit_test.hpp>

#include <string>

#include "support/stack.hpp"

using namespace pendientes::test;

namespace {

std::string sid(std::int64_t id) { return std::to_string(id); }
std::string base(std::int64_t id) { return "/api/pendientes/" + sid(id) + "/"; }
std::string str(const rapidjson::Value& v) { return std::string(v.GetString(), v.GetStringLength()); }

bool tiene_error(const HttpResponse& r, const std::string& field, const std::string& code) {
    auto j = r.json();
    for (const auto& e : j["errors"].GetArray())
        if (str(e["field"]) == field && str(e["code"]) == code) return true;
    return false;
}

std::string estado_tecnico(Api& api, std::int64_t id) {
    auto r = api.get("/api/pendientes/" + sid(id), api.token(kCoord));
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
    return str(r.json()["data"]["estadoTecnico"]);
}

// A pendiente of `tipo` with its details, created by the coordinator.
std::int64_t con_detalle(Api& api, const std::string& tipo, const std::string& estado_tecnico = "PENDIENTE_PPPoE_Y_VLAN") {
    auto id = api.crear_pendiente(tipo, R"("estadoTecnico":")" + estado_tecnico + "\"");
    std::string ruta, body;
    if (tipo == "TRASLADO") {
        ruta = "/api/pendientes/traslado";
        body = R"({"pendienteId":)" + sid(id) + R"(,"lugarDestino":"JULIACA","direccionDestino":"Av. Circunvalación 455","tipoServicio":"INTERNET_FIBRA"})";
    } else if (tipo == "AVERIA") {
        ruta = "/api/pendientes/averia";
        body = R"({"pendienteId":)" + sid(id) + R"(,"descripcionFalla":"Sin señal"})";
    } else {
        ruta = "/api/pendientes/instalacion-internet";
        body = R"({"pendienteId":)" + sid(id) + R"(,"velocidadSolicitada":"200 Mbps","tipoInstalacion":"FIBRA"})";
    }
    auto r = api.post(ruta, body, api.token(kCoord));
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
    return id;
}

void ejecutar(Db& db, const char* sql, std::int64_t id) { db.connection().statement(sql).bind(id).update(); }

}  // namespace

BOOST_AUTO_TEST_CASE(ppoe_y_vlan_de_traslado_mueven_el_estado_tecnico) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto id = con_detalle(api, "TRASLADO");

    auto p = api.put(base(id) + "traslado/ppoe?ppoeUser=cli_40000001&ppoePassword=p%40ss+1", t);
    BOOST_TEST_REQUIRE(p.status == 200, p.body);
    auto pj = p.json();
    BOOST_TEST(str(pj["message"]) == "PPPoE asignado correctamente");
    BOOST_TEST(pj["data"]["id"].GetInt64() == id);
    BOOST_TEST(str(pj["data"]["lugarDestino"]) == "JULIACA");
    BOOST_TEST(str(pj["data"]["ppoe"]) == "cli_40000001");
    BOOST_TEST(str(pj["data"]["ppoePassword"]) == "p@ss 1");
    BOOST_TEST(pj["data"]["vlan"].IsNull());
    // Returned verbatim (§8.6) but sealed at rest (issue 6): the column never holds the plaintext.
    const auto guardado = *db.text("SELECT ppoe_password FROM pendientes_traslados WHERE pendiente_id = ?", id);
    BOOST_TEST(guardado.rfind("v1:", 0) == 0u);
    BOOST_TEST(guardado.find("p@ss") == std::string::npos);
    BOOST_TEST(str(api.get(base(id) + "traslado", t).json()["data"]["ppoePassword"]) == "p@ss 1");
    BOOST_TEST(estado_tecnico(api, id) == "PENDIENTE_VLAN");

    auto v = api.put(base(id) + "traslado/vlan?vlan=1042", t);
    BOOST_TEST_REQUIRE(v.status == 200, v.body);
    BOOST_TEST(str(v.json()["message"]) == "VLAN asignada correctamente");
    BOOST_TEST(str(v.json()["data"]["vlan"]) == "1042");
    BOOST_TEST(str(v.json()["data"]["ppoe"]) == "cli_40000001");
    BOOST_TEST(estado_tecnico(api, id) == "OK");
    BOOST_TEST(*db.text("SELECT estado_tecnico FROM pendientes WHERE id = ?", id) == "OK");

    // Setting again keeps OK and overwrites the value.
    auto otra = api.put(base(id) + "traslado/vlan?vlan=%C3%B1and%C3%BA+7", t);
    BOOST_TEST_REQUIRE(otra.status == 200, otra.body);
    BOOST_TEST(str(otra.json()["data"]["vlan"]) == "ñandú 7");
    BOOST_TEST(estado_tecnico(api, id) == "OK");
    // §6.2: no historial rows for PPPoE/VLAN.
    BOOST_TEST(db.count("SELECT COUNT(*) FROM historiales WHERE pendiente_id = ?", id) == 1);
}

BOOST_AUTO_TEST_CASE(cada_setter_solo_limpia_su_propia_bandera) {
    Api api;
    auto t = api.token(kCoord);
    auto a = con_detalle(api, "AVERIA", "PENDIENTE_PPPoE");
    BOOST_TEST_REQUIRE(api.put(base(a) + "averia/vlan?vlan=10", t).status == 200);
    BOOST_TEST(estado_tecnico(api, a) == "PENDIENTE_PPPoE");
    BOOST_TEST_REQUIRE(api.put(base(a) + "averia/ppoe?ppoeUser=u&ppoePassword=p", t).status == 200);
    BOOST_TEST(estado_tecnico(api, a) == "OK");

    auto i = con_detalle(api, "INSTALACION_INTERNET", "PENDIENTE_PPPoE_Y_VLAN");
    auto v = api.put(base(i) + "instalacion-internet/vlan?vlan=300", t);
    BOOST_TEST_REQUIRE(v.status == 200, v.body);
    BOOST_TEST(str(v.json()["data"]["velocidadSolicitada"]) == "200 Mbps");
    BOOST_TEST(estado_tecnico(api, i) == "PENDIENTE_PPPoE");
    auto p = api.put(base(i) + "instalacion-internet/ppoe?ppoeUser=ñu&ppoePassword=clave", t);
    BOOST_TEST_REQUIRE(p.status == 200, p.body);
    BOOST_TEST(str(p.json()["data"]["ppoe"]) == "ñu");
    BOOST_TEST(estado_tecnico(api, i) == "OK");

    auto ok = con_detalle(api, "TRASLADO", "OK");
    BOOST_TEST_REQUIRE(api.put(base(ok) + "traslado/ppoe?ppoeUser=u&ppoePassword=p", t).status == 200);
    BOOST_TEST(estado_tecnico(api, ok) == "OK");
    auto vlan_sola = con_detalle(api, "TRASLADO", "PENDIENTE_VLAN");
    BOOST_TEST_REQUIRE(api.put(base(vlan_sola) + "traslado/ppoe?ppoeUser=u&ppoePassword=p", t).status == 200);
    BOOST_TEST(estado_tecnico(api, vlan_sola) == "PENDIENTE_VLAN");
}

BOOST_AUTO_TEST_CASE(parametros_desde_cuerpo_de_formulario_y_la_query_gana) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto id = con_detalle(api, "AVERIA");
    Headers form{{"Authorization", "Bearer " + t}, {"Content-Type", "application/x-www-form-urlencoded"}};
    auto p = api.send("PUT", base(id) + "averia/ppoe", form, std::string("ppoeUser=form%2Buser&ppoePassword=a+b%26c"));
    BOOST_TEST_REQUIRE(p.status == 200, p.body);
    BOOST_TEST(str(p.json()["data"]["ppoe"]) == "form+user");
    BOOST_TEST(str(p.json()["data"]["ppoePassword"]) == "a b&c");

    auto v = api.send("PUT", base(id) + "averia/vlan?vlan=query", form, std::string("vlan=cuerpo"));
    BOOST_TEST_REQUIRE(v.status == 200, v.body);
    BOOST_TEST(str(v.json()["data"]["vlan"]) == "query");
    BOOST_TEST(*db.text("SELECT vlan FROM pendientes_averias WHERE pendiente_id = ?", id) == "query");

    // A JSON body is not a source of query parameters (§0.3).
    auto json = api.put(base(id) + "averia/vlan", t, std::string(R"({"vlan":"json"})"));
    expect_error(json, 400, "VALIDACION");
}

BOOST_AUTO_TEST_CASE(parametros_ausentes_vacios_o_largos_son_400) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto id = con_detalle(api, "TRASLADO");
    auto faltan = api.put(base(id) + "traslado/ppoe", t);
    expect_error(faltan, 400, "VALIDACION");
    BOOST_TEST(tiene_error(faltan, "ppoeUser", "REQUERIDO"));
    BOOST_TEST(tiene_error(faltan, "ppoePassword", "REQUERIDO"));
    auto blanco = api.put(base(id) + "traslado/ppoe?ppoeUser=+++&ppoePassword=x", t);
    expect_error(blanco, 400, "VALIDACION");
    BOOST_TEST(tiene_error(blanco, "ppoeUser", "REQUERIDO"));

    std::string cincuenta(50, 'a');
    auto largo = api.put(base(id) + "traslado/ppoe?ppoeUser=" + cincuenta + "&ppoePassword=" + cincuenta + "b", t);
    expect_error(largo, 400, "VALIDACION");
    BOOST_TEST(tiene_error(largo, "ppoePassword", "LONGITUD_MAXIMA"));
    BOOST_TEST(largo.json()["errors"][0]["rejectedValue"].IsNull());  // a password is never echoed
    expect_error(api.put(base(id) + "traslado/vlan?vlan=", t), 400, "VALIDACION");
    auto vlan_larga = api.put(base(id) + "traslado/vlan?vlan=" + cincuenta + "1", t);
    expect_error(vlan_larga, 400, "VALIDACION");
    BOOST_TEST(tiene_error(vlan_larga, "vlan", "LONGITUD_MAXIMA"));
    expect_error(api.put(base(id) + "traslado/vlan?vlan=%FF", t), 400, "VALIDACION");  // not UTF-8
    BOOST_TEST(!db.text("SELECT ppoe FROM pendientes_traslados WHERE pendiente_id = ?", id));
    BOOST_TEST(estado_tecnico(api, id) == "PENDIENTE_PPPoE_Y_VLAN");

    // Exactly 50 code points (100 bytes) is accepted.
    std::string enies;
    for (int i = 0; i < 50; ++i) enies += "%C3%B1";
    auto ok = api.put(base(id) + "traslado/vlan?vlan=" + enies, t);
    BOOST_TEST_REQUIRE(ok.status == 200, ok.body);
    BOOST_TEST(str(ok.json()["data"]["vlan"]).size() == 100u);
    expect_error(api.put(base(id) + "traslado/vlan?vlan=" + enies + "%C3%B1", t), 400, "VALIDACION");
    // Path id syntax (§0.3).
    expect_error(api.put("/api/pendientes/x1/traslado/vlan?vlan=1", t), 400, "VALIDACION");
}

BOOST_AUTO_TEST_CASE(sin_detalle_inexistente_tipo_distinto_o_cerrado) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto sin = api.crear_pendiente("TRASLADO", R"("estadoTecnico":"PENDIENTE_VLAN")");
    expect_error(api.put(base(sin) + "traslado/vlan?vlan=1", t), 404, "NO_ENCONTRADO");
    expect_error(api.put(base(sin) + "traslado/ppoe?ppoeUser=u&ppoePassword=p", t), 404, "NO_ENCONTRADO");
    BOOST_TEST(estado_tecnico(api, sin) == "PENDIENTE_VLAN");
    expect_error(api.put(base(987654321) + "averia/vlan?vlan=1", t), 404, "NO_ENCONTRADO");

    auto traslado = con_detalle(api, "TRASLADO");
    expect_error(api.put(base(traslado) + "averia/vlan?vlan=1", t), 400, "TIPO_NO_COINCIDE");
    expect_error(api.put(base(traslado) + "instalacion-internet/ppoe?ppoeUser=u&ppoePassword=p", t), 400,
                 "TIPO_NO_COINCIDE");

    ejecutar(db, "UPDATE pendientes SET estado = 'CANCELADO' WHERE id = ?", traslado);
    expect_error(api.put(base(traslado) + "traslado/vlan?vlan=1", t), 409, "PENDIENTE_CERRADO");
    expect_error(api.put(base(traslado) + "traslado/ppoe?ppoeUser=u&ppoePassword=p", t), 409, "PENDIENTE_CERRADO");
    BOOST_TEST(!db.text("SELECT vlan FROM pendientes_traslados WHERE pendiente_id = ?", traslado));
    BOOST_TEST(*db.text("SELECT estado_tecnico FROM pendientes WHERE id = ?", traslado) == "PENDIENTE_PPPoE_Y_VLAN");
    // Parameter syntax before the record (§1.2 check 5 before 6).
    expect_error(api.put(base(traslado) + "traslado/vlan", t), 400, "VALIDACION");
}

BOOST_AUTO_TEST_CASE(permisos_de_los_setters) {
    Api api;
    Db db;
    auto id = con_detalle(api, "TRASLADO");
    // §3.6: ppoe needs 32, vlan needs 64. ATAC holds 32 only; ASES neither.
    expect_error(api.put(base(id) + "traslado/vlan?vlan=1", api.token(kAtencion)), 403, "SIN_PERMISO");
    auto p = api.put(base(id) + "traslado/ppoe?ppoeUser=u&ppoePassword=p", api.token(kAtencion));
    BOOST_TEST(p.status == 200, p.body);
    expect_error(api.put(base(id) + "traslado/ppoe?ppoeUser=u&ppoePassword=p", api.token(kAsesor)), 403, "SIN_PERMISO");
    expect_error(api.put(base(id) + "traslado/vlan?vlan=1", api.token(kConta)), 403, "SIN_PERMISO");

    // A technician only on an order assigned to him; no other technician rule (§14 #22).
    expect_error(api.put(base(id) + "traslado/vlan?vlan=7", api.token(kTecnico1)), 403, "SIN_PERMISO");
    ejecutar(db, "UPDATE pendientes SET asignado_a = 7, estado = 'ASIGNADO' WHERE id = ?", id);
    auto v = api.put(base(id) + "traslado%C2%BF/vlan?vlan=7", api.token(kTecnico1));
    BOOST_TEST_REQUIRE(v.status == 200, v.body);
    BOOST_TEST(str(v.json()["data"]["vlan"]) == "7");
    BOOST_TEST(estado_tecnico(api, id) == "OK");
    auto pp = api.put(base(id) + "traslado/ppoe?ppoeUser=tec&ppoePassword=tec", api.token(kTecnico1));
    BOOST_TEST(pp.status == 200, pp.body);
    expect_error(api.put(base(id) + "traslado/vlan?vlan=8", api.token(kTecnico2)), 403, "SIN_PERMISO");
    BOOST_TEST(*db.text("SELECT vlan FROM pendientes_traslados WHERE pendiente_id = ?", id) == "7");
}

BOOST_AUTO_TEST_CASE(todas_las_variantes_de_la_ruta_vlan_responden_igual) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    for (const std::string tipo : {"traslado", "averia"}) {
        const std::string tipo_enum = tipo == "traslado" ? "TRASLADO" : "AVERIA";
        const std::string tabla = tipo == "traslado" ? "pendientes_traslados" : "pendientes_averias";
        const std::string variantes[] = {tipo + "/vlan", tipo + "\xC2\xBF/vlan", tipo + "%C2%BF/vlan", tipo + "%c2%bf/vlan",
                                         tipo + "%C2%bf/vlan"};
        for (const auto& variante : variantes) {
            BOOST_TEST_CONTEXT(variante) {
                auto id = con_detalle(api, tipo_enum, "PENDIENTE_VLAN");
                auto r = api.put(base(id) + variante + "?vlan=1042", t);
                BOOST_TEST_REQUIRE(r.status == 200, r.body);
                BOOST_TEST(str(r.json()["data"]["vlan"]) == "1042");
                BOOST_TEST(r.json()["data"]["id"].GetInt64() == id);
                BOOST_TEST(estado_tecnico(api, id) == "OK");
                const std::string sql = "SELECT vlan FROM " + tabla + " WHERE pendiente_id = ?";
                BOOST_TEST(*db.text(sql, id) == "1042");
                // Trailing slash too (§0.3).
                BOOST_TEST(api.put(base(id) + variante + "/?vlan=1043", t).status == 200);
                // Same checks on every spelling.
                expect_error(api.put(base(id) + variante, t), 400, "VALIDACION");
                expect_error(api.put(base(id) + variante + "?vlan=1", api.token(kAtencion)), 403, "SIN_PERMISO");
                expect_error(api.put(base(987654321) + variante + "?vlan=1", t), 404, "NO_ENCONTRADO");
                auto metodo = api.get(base(id) + variante, t);
                expect_error(metodo, 405, "METODO_NO_PERMITIDO");
                BOOST_TEST(metodo.header("allow") == "PUT");
                expect_error(api.post(base(id) + variante, "{}", t), 405, "METODO_NO_PERMITIDO");
            }
        }
        auto id = con_detalle(api, tipo_enum, "PENDIENTE_VLAN");
        // Other spellings are not routes (§8.6): Latin-1 ¿, double encoding, ¿ elsewhere.
        for (const std::string& mala : {tipo + "%BF/vlan", tipo + "%25C2%25BF/vlan", tipo + "\xBF/vlan",
                                       tipo + "/vlan%C2%BF", tipo + "%C2%BF%C2%BF/vlan", tipo + "%C2/vlan",
                                       tipo + "%C2%BF/ppoe"}) {
            BOOST_TEST_CONTEXT(mala) {
                expect_error(api.put(base(id) + mala + "?vlan=1&ppoeUser=u&ppoePassword=p", t), 404, "RUTA_NO_ENCONTRADA");
            }
        }
        BOOST_TEST(estado_tecnico(api, id) == "PENDIENTE_VLAN");
    }

    // instalacion-internet only has the clean path (§8.6).
    auto i = con_detalle(api, "INSTALACION_INTERNET", "PENDIENTE_VLAN");
    for (const char* mala : {"instalacion-internet\xC2\xBF/vlan", "instalacion-internet%C2%BF/vlan"}) {
        BOOST_TEST_CONTEXT(mala) { expect_error(api.put(base(i) + mala + "?vlan=1", t), 404, "RUTA_NO_ENCONTRADA"); }
    }
    BOOST_TEST(api.put(base(i) + "instalacion-internet/vlan?vlan=1", t).status == 200);
    expect_error(api.get(base(i) + "instalacion-internet/vlan", t), 405, "METODO_NO_PERMITIDO");
}
