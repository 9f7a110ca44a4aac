// Type-details sub-resources (API.md §8.0–§8.5): create, read, both update forms, every
// error code they answer, text round-tripping and concurrent creation.
#define BOOST_TEST_MODULE integration_detalles
#include <boost/test/unit_test.hpp>

#include <array>
#include <string>
#include <thread>

#include "support/stack.hpp"

using namespace pendientes::test;

namespace {

std::string sid(std::int64_t id) { return std::to_string(id); }
std::string ruta(std::int64_t id, const std::string& tipo) { return "/api/pendientes/" + sid(id) + "/" + tipo; }
std::string str(const rapidjson::Value& v) { return std::string(v.GetString(), v.GetStringLength()); }

std::string traslado_body(std::int64_t id, const std::string& direccion = "Av. Circunvalación 455, Juliaca") {
    return R"({"pendienteId":)" + sid(id) + R"(,"lugarDestino":"JULIACA","direccionDestino":")" + direccion +
           R"(","tipoServicio":"INTERNET_FIBRA"})";
}

// §6.3 closes a pendiente; /estado belongs to another suite, so the row is changed directly.
void cerrar_en_db(Db& db, std::int64_t id, const char* sql = "UPDATE pendientes SET estado = 'CANCELADO' WHERE id = ?") {
    db.connection().statement(sql).bind(id).update();
}

bool tiene_error(const HttpResponse& r, const std::string& field, const std::string& code) {
    auto j = r.json();
    if (!j.HasMember("errors") || !j["errors"].IsArray()) return false;
    for (const auto& e : j["errors"].GetArray())
        if (str(e["field"]) == field && str(e["code"]) == code) return true;
    return false;
}

std::int64_t crear_pendiente_como(Api& api, const Cuenta& cuenta, const std::string& tipo) {
    auto r = api.post("/api/pendientes", R"({"lugar":"PUNO","prioridad":"MEDIA","tipo":")" + tipo + R"(","clienteId":1})",
                      api.token(cuenta));
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
    return r.json()["data"]["id"].GetInt64();
}

}  // namespace

BOOST_AUTO_TEST_CASE(traslado_se_crea_lee_y_actualiza_en_ambas_formas) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto id = api.crear_pendiente("TRASLADO");
    BOOST_TEST(api.get("/api/pendientes/" + sid(id), t).json()["data"]["tieneDetalle"].GetBool() == false);

    auto c = api.post("/api/pendientes/traslado", traslado_body(id), t);
    BOOST_TEST_REQUIRE(c.status == 200, c.body);
    auto cj = c.json();
    BOOST_TEST(str(cj["message"]) == "Traslado creado correctamente");
    const auto& d = cj["data"];
    BOOST_TEST(d.MemberCount() == 8u);
    BOOST_TEST(d["id"].GetInt64() == id);
    BOOST_TEST(d["pendienteId"].GetInt64() == id);
    BOOST_TEST(str(d["lugarDestino"]) == "JULIACA");
    BOOST_TEST(str(d["direccionDestino"]) == "Av. Circunvalación 455, Juliaca");
    BOOST_TEST(str(d["tipoServicio"]) == "INTERNET_FIBRA");
    BOOST_TEST(d["vlan"].IsNull());
    BOOST_TEST(d["ppoe"].IsNull());
    BOOST_TEST(d["ppoePassword"].IsNull());
    BOOST_TEST(*db.text("SELECT direccion_destino FROM pendientes_traslados WHERE pendiente_id = ?", id) ==
               "Av. Circunvalación 455, Juliaca");

    // §5.1 tieneDetalle follows the details record.
    BOOST_TEST(api.get("/api/pendientes/" + sid(id), t).json()["data"]["tieneDetalle"].GetBool() == true);

    auto g = api.get(ruta(id, "traslado"), t);
    BOOST_TEST_REQUIRE(g.status == 200, g.body);
    BOOST_TEST(str(g.json()["data"]["lugarDestino"]) == "JULIACA");

    // Seed form: pendienteId optional in the body.
    auto u = api.put(ruta(id, "traslado"), t,
                     std::string(R"({"lugarDestino":"ILAVE","direccionDestino":"Jr. Puno 3","tipoServicio":"CAMARAS"})"));
    BOOST_TEST_REQUIRE(u.status == 200, u.body);
    auto uj = u.json();
    BOOST_TEST(str(uj["message"]) == "Traslado actualizado correctamente");
    BOOST_TEST(str(uj["data"]["lugarDestino"]) == "ILAVE");
    BOOST_TEST(str(uj["data"]["direccionDestino"]) == "Jr. Puno 3");
    BOOST_TEST(str(uj["data"]["tipoServicio"]) == "CAMARAS");
    BOOST_TEST(*db.text("SELECT lugar_destino FROM pendientes_traslados WHERE pendiente_id = ?", id) == "ILAVE");

    // Same id in the body is fine.
    auto same = api.put(ruta(id, "traslado"), t,
                        R"({"pendienteId":")" + sid(id) +
                            R"(","lugarDestino":"PUNO","direccionDestino":"Jr. Puno 4","tipoServicio":"DECOS"})");
    BOOST_TEST_REQUIRE(same.status == 200, same.body);

    // Compat form: pendienteId in the body.
    auto compat = api.put("/api/pendientes/traslado", t, traslado_body(id, "Jr. Arequipa 9"));
    BOOST_TEST_REQUIRE(compat.status == 200, compat.body);
    BOOST_TEST(str(compat.json()["data"]["direccionDestino"]) == "Jr. Arequipa 9");
    BOOST_TEST(*db.text("SELECT tipo_servicio FROM pendientes_traslados WHERE pendiente_id = ?", id) ==
               "INTERNET_FIBRA");
    // Details changes write no historial row (§6.2): only the creation one.
    BOOST_TEST(db.count("SELECT COUNT(*) FROM historiales WHERE pendiente_id = ?", id) == 1);
}

BOOST_AUTO_TEST_CASE(instalacion_internet_acepta_costo_numerico_u_omitido) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto id = api.crear_pendiente("INSTALACION_INTERNET");
    auto c = api.post("/api/pendientes/instalacion-internet",
                      R"({"pendienteId":)" + sid(id) +
                          R"(,"velocidadSolicitada":"200 Mbps","costoFijo":80.50,"tipoInstalacion":"FIBRA"})",
                      t);
    BOOST_TEST_REQUIRE(c.status == 200, c.body);
    auto cj = c.json();
    const auto& d = cj["data"];
    BOOST_TEST(str(cj["message"]) == "Instalación de internet creada correctamente");
    BOOST_TEST(d.MemberCount() == 8u);
    BOOST_TEST(d["id"].GetInt64() == id);
    BOOST_TEST(str(d["velocidadSolicitada"]) == "200 Mbps");
    BOOST_TEST(str(d["costoFijo"]) == "80.5");
    BOOST_TEST(str(d["tipoInstalacion"]) == "FIBRA");
    BOOST_TEST(d["vlan"].IsNull());
    BOOST_TEST(d["ppoe"].IsNull());
    BOOST_TEST(d["ppoePassword"].IsNull());

    auto u = api.put(ruta(id, "instalacion-internet"), t,
                     std::string(R"({"velocidadSolicitada":"1 Gbps","tipoInstalacion":"MIGRACION_FIBRA"})"));
    BOOST_TEST_REQUIRE(u.status == 200, u.body);
    BOOST_TEST(u.json()["data"]["costoFijo"].IsNull());  // full replacement
    BOOST_TEST(!db.text("SELECT costo_fijo FROM pendientes_instalaciones_internet WHERE pendiente_id = ?", id));

    auto compat = api.put("/api/pendientes/instalacion-internet", t,
                          R"({"pendienteId":)" + sid(id) +
                              R"(,"velocidadSolicitada":"300 Mbps","costoFijo":"80.00","tipoInstalacion":"OTRO"})");
    BOOST_TEST_REQUIRE(compat.status == 200, compat.body);
    BOOST_TEST(str(compat.json()["data"]["costoFijo"]) == "80.00");
    auto g = api.get(ruta(id, "instalacion-internet"), t);
    BOOST_TEST(str(g.json()["data"]["velocidadSolicitada"]) == "300 Mbps");

    std::string largo(51, '9');
    auto r = api.put(ruta(id, "instalacion-internet"), t,
                     R"({"velocidadSolicitada":")" + largo + R"(","costoFijo":")" + largo + R"(","tipoInstalacion":"FIBRA"})");
    expect_error(r, 400, "VALIDACION");
    BOOST_TEST(tiene_error(r, "velocidadSolicitada", "LONGITUD_MAXIMA"));
    BOOST_TEST(tiene_error(r, "costoFijo", "LONGITUD_MAXIMA"));
}

BOOST_AUTO_TEST_CASE(averia_se_crea_lee_y_actualiza_con_limite_de_4000) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto id = api.crear_pendiente("AVERIA");
    std::string limite(4000, 'x');
    auto c = api.post("/api/pendientes/averia", R"({"pendienteId":)" + sid(id) + R"(,"descripcionFalla":")" + limite + "\"}", t);
    BOOST_TEST_REQUIRE(c.status == 200, c.body);
    auto cj = c.json();
    BOOST_TEST(str(cj["message"]) == "Avería creada correctamente");
    BOOST_TEST(cj["data"].MemberCount() == 6u);
    BOOST_TEST(str(cj["data"]["descripcionFalla"]).size() == 4000u);
    BOOST_TEST(cj["data"]["ppoePassword"].IsNull());

    auto largo = api.put(ruta(id, "averia"), t, R"({"descripcionFalla":")" + limite + "y\"}");
    expect_error(largo, 400, "VALIDACION");
    BOOST_TEST(tiene_error(largo, "descripcionFalla", "LONGITUD_MAXIMA"));
    BOOST_TEST(largo.json()["errors"][0]["rejectedValue"].IsNull());  // longer than 100 code points

    auto u = api.put(ruta(id, "averia"), t, std::string(R"({"descripcionFalla":"Sin señal desde el lunes"})"));
    BOOST_TEST_REQUIRE(u.status == 200, u.body);
    BOOST_TEST(*db.text("SELECT descripcion_falla FROM pendientes_averias WHERE pendiente_id = ?", id) ==
               "Sin señal desde el lunes");
    auto compat = api.put("/api/pendientes/averia", t, R"({"pendienteId":)" + sid(id) + R"(,"descripcionFalla":"Otra"})");
    BOOST_TEST_REQUIRE(compat.status == 200, compat.body);
    BOOST_TEST(str(api.get(ruta(id, "averia"), t).json()["data"]["descripcionFalla"]) == "Otra");
}

BOOST_AUTO_TEST_CASE(instalacion_camaras_solo_tiene_id_y_put_devuelve_el_registro) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto id = api.crear_pendiente("INSTALACION_CAMARAS");
    auto c = api.post("/api/pendientes/instalacion-camaras", R"({"pendienteId":)" + sid(id) + "}", t);
    BOOST_TEST_REQUIRE(c.status == 200, c.body);
    auto cj = c.json();
    BOOST_TEST(cj["data"].MemberCount() == 2u);
    BOOST_TEST(cj["data"]["id"].GetInt64() == id);
    BOOST_TEST(cj["data"]["pendienteId"].GetInt64() == id);
    BOOST_TEST(db.count("SELECT COUNT(*) FROM pendientes_instalaciones_camaras WHERE pendiente_id = ?", id) == 1);

    auto u = api.put(ruta(id, "instalacion-camaras"), t, std::string("{}"));
    BOOST_TEST_REQUIRE(u.status == 200, u.body);
    BOOST_TEST(u.json()["data"]["id"].GetInt64() == id);
    auto compat = api.put("/api/pendientes/instalacion-camaras", t, R"({"pendienteId":)" + sid(id) + "}");
    BOOST_TEST_REQUIRE(compat.status == 200, compat.body);
    expect_error(api.put("/api/pendientes/instalacion-camaras", t, std::string("{}")), 400, "VALIDACION");
    BOOST_TEST(api.get(ruta(id, "instalacion-camaras"), t).status == 200);
    // No PPPoE/VLAN routes for cameras (§8.4).
    expect_error(api.put(ruta(id, "instalacion-camaras") + "/vlan?vlan=1", t), 404, "RUTA_NO_ENCONTRADA");

    auto otro = api.crear_pendiente("INSTALACION_CAMARAS");
    expect_error(api.put(ruta(otro, "instalacion-camaras"), t, std::string("{}")), 404, "NO_ENCONTRADO");
}

BOOST_AUTO_TEST_CASE(recojo_dispositivo_se_crea_lee_y_actualiza) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto id = api.crear_pendiente("RECOJO_DISPOSITIVOS");
    auto c = api.post("/api/pendientes/recojo-dispositivo",
                      R"({"pendienteId":)" + sid(id) + R"(,"dispositivo":"ROUTER","motivo":"Baja del servicio"})", t);
    BOOST_TEST_REQUIRE(c.status == 200, c.body);
    auto cj = c.json();
    BOOST_TEST(cj["data"].MemberCount() == 4u);
    BOOST_TEST(str(cj["data"]["dispositivo"]) == "ROUTER");
    BOOST_TEST(str(cj["data"]["motivo"]) == "Baja del servicio");

    auto u = api.put(ruta(id, "recojo-dispositivo"), t, std::string(R"({"dispositivo":"DECO"})"));
    BOOST_TEST_REQUIRE(u.status == 200, u.body);
    BOOST_TEST(u.json()["data"]["motivo"].IsNull());
    BOOST_TEST(*db.text("SELECT dispositivo FROM pendientes_recojo_dispositivos WHERE pendiente_id = ?", id) == "DECO");

    std::string motivo200;
    for (int i = 0; i < 200; ++i) motivo200 += "é";
    auto ok = api.put("/api/pendientes/recojo-dispositivo", t,
                      R"({"pendienteId":)" + sid(id) + R"(,"dispositivo":"ANTENA","motivo":")" + motivo200 + "\"}");
    BOOST_TEST_REQUIRE(ok.status == 200, ok.body);
    BOOST_TEST(str(ok.json()["data"]["motivo"]) == motivo200);
    auto largo = api.put(ruta(id, "recojo-dispositivo"), t, R"({"dispositivo":"ANTENA","motivo":")" + motivo200 + "é\"}");
    expect_error(largo, 400, "VALIDACION");
    BOOST_TEST(tiene_error(largo, "motivo", "LONGITUD_MAXIMA"));
    auto malo = api.put(ruta(id, "recojo-dispositivo"), t, std::string(R"({"dispositivo":"router"})"));
    expect_error(malo, 400, "VALIDACION");
    BOOST_TEST(tiene_error(malo, "dispositivo", "VALOR_NO_PERMITIDO"));
    BOOST_TEST(str(api.get(ruta(id, "recojo-dispositivo"), t).json()["data"]["dispositivo"]) == "ANTENA");
}

BOOST_AUTO_TEST_CASE(crear_sin_campos_reporta_todos_los_errores_y_no_guarda_nada) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto r = api.post("/api/pendientes/traslado", "{}", t);
    expect_error(r, 400, "VALIDACION");
    BOOST_TEST(tiene_error(r, "pendienteId", "REQUERIDO"));
    BOOST_TEST(tiene_error(r, "lugarDestino", "REQUERIDO"));
    BOOST_TEST(tiene_error(r, "direccionDestino", "REQUERIDO"));
    BOOST_TEST(tiene_error(r, "tipoServicio", "REQUERIDO"));

    auto id = api.crear_pendiente("TRASLADO");
    auto malo = api.post("/api/pendientes/traslado",
                         R"({"pendienteId":)" + sid(id) +
                             R"(,"lugarDestino":"LIMA","direccionDestino":"   ","tipoServicio":true})",
                         t);
    expect_error(malo, 400, "VALIDACION");
    BOOST_TEST(tiene_error(malo, "lugarDestino", "VALOR_NO_PERMITIDO"));
    BOOST_TEST(tiene_error(malo, "direccionDestino", "REQUERIDO"));
    BOOST_TEST(tiene_error(malo, "tipoServicio", "VALOR_NO_PERMITIDO"));
    auto ids = api.post("/api/pendientes/averia", R"({"pendienteId":-3,"descripcionFalla":"x"})", t);
    expect_error(ids, 400, "VALIDACION");
    BOOST_TEST(tiene_error(ids, "pendienteId", "FORMATO"));
    BOOST_TEST(db.count("SELECT COUNT(*) FROM pendientes_traslados WHERE pendiente_id = ?", id) == 0);

    // Body syntax before everything that needs the record (§1.2 check 5 before 6).
    expect_error(api.post("/api/pendientes/traslado", traslado_body(999999999) + "x", t), 400, "JSON_INVALIDO");
    expect_error(api.post("/api/pendientes/traslado", "", t), 400, "JSON_INVALIDO");
    expect_error(api.post("/api/pendientes/traslado", "[1]", t), 400, "JSON_INVALIDO");
    auto texto = api.send("POST", "/api/pendientes/traslado",
                          {{"Authorization", "Bearer " + t}, {"Content-Type", "text/plain"}}, traslado_body(id));
    expect_error(texto, 415, "TIPO_CONTENIDO_NO_SOPORTADO");
    expect_error(api.put("/api/pendientes/abc/traslado", t, traslado_body(id)), 400, "VALIDACION");
    auto metodo = api.get("/api/pendientes/traslado", t);
    expect_error(metodo, 405, "METODO_NO_PERMITIDO");
}

BOOST_AUTO_TEST_CASE(direccion_destino_se_mide_en_puntos_de_codigo) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    std::string enies;
    for (int i = 0; i < 200; ++i) enies += "ñ";  // 200 code points, 400 bytes
    auto id = api.crear_pendiente("TRASLADO");
    auto largo = api.post("/api/pendientes/traslado", traslado_body(id, enies + "ñ"), t);
    expect_error(largo, 400, "VALIDACION");
    BOOST_TEST(tiene_error(largo, "direccionDestino", "LONGITUD_MAXIMA"));
    BOOST_TEST(db.count("SELECT COUNT(*) FROM pendientes_traslados WHERE pendiente_id = ?", id) == 0);

    auto ok = api.post("/api/pendientes/traslado", traslado_body(id, enies), t);
    BOOST_TEST_REQUIRE(ok.status == 200, ok.body);
    BOOST_TEST(str(ok.json()["data"]["direccionDestino"]) == enies);
    BOOST_TEST(*db.text("SELECT direccion_destino FROM pendientes_traslados WHERE pendiente_id = ?", id) == enies);
    expect_error(api.put(ruta(id, "traslado"), t,
                         R"({"lugarDestino":"PUNO","direccionDestino":")" + enies + R"(x","tipoServicio":"OTRO"})"),
                 400, "VALIDACION");
}

BOOST_AUTO_TEST_CASE(acentos_y_textos_de_inyeccion_se_guardan_tal_cual) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    const std::string acentos = "Jr. Ñuñoa 120 – Peña «Ángel» ü 日本 😀";
    auto a = api.crear_pendiente("TRASLADO");
    auto r = api.post("/api/pendientes/traslado", traslado_body(a, acentos), t);
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(str(api.get(ruta(a, "traslado"), t).json()["data"]["direccionDestino"]) == acentos);
    BOOST_TEST(*db.text("SELECT direccion_destino FROM pendientes_traslados WHERE pendiente_id = ?", a) == acentos);

    const std::string sql = "'; DROP TABLE pendientes; --";
    const std::string html = "<script>alert(\\\"x\\\")</script> & \\\\ \\n";
    auto b = api.crear_pendiente("AVERIA");
    auto rb = api.post("/api/pendientes/averia", R"({"pendienteId":)" + sid(b) + R"(,"descripcionFalla":")" + sql + " " +
                                                     html + "\"}",
                       t);
    BOOST_TEST_REQUIRE(rb.status == 200, rb.body);
    const std::string esperado = sql + " <script>alert(\"x\")</script> & \\ \n";
    BOOST_TEST(str(rb.json()["data"]["descripcionFalla"]) == esperado);
    BOOST_TEST(*db.text("SELECT descripcion_falla FROM pendientes_averias WHERE pendiente_id = ?", b) == esperado);
    BOOST_TEST(db.count("SELECT COUNT(*) FROM pendientes WHERE id = ?", b) == 1);  // the table is still there

    auto c = api.crear_pendiente("RECOJO_DISPOSITIVOS");
    auto rc = api.post("/api/pendientes/recojo-dispositivo",
                       R"({"pendienteId":)" + sid(c) + R"(,"dispositivo":"OTRO","motivo":"  )" + sql + "  \"}", t);
    BOOST_TEST_REQUIRE(rc.status == 200, rc.body);
    BOOST_TEST(str(rc.json()["data"]["motivo"]) == "  " + sql + "  ");  // no trimming (§0.3)

    // U+0000 is rejected (§0.3).
    expect_error(api.put(ruta(b, "averia"), t, std::string(R"({"descripcionFalla":"a\u0000b"})")), 400, "VALIDACION");
}

BOOST_AUTO_TEST_CASE(tipo_distinto_es_400_tipo_no_coincide) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto averia = api.crear_pendiente("AVERIA");
    expect_error(api.post("/api/pendientes/traslado", traslado_body(averia), t), 400, "TIPO_NO_COINCIDE");
    BOOST_TEST(db.count("SELECT COUNT(*) FROM pendientes_traslados WHERE pendiente_id = ?", averia) == 0);
    expect_error(api.get(ruta(averia, "traslado"), t), 400, "TIPO_NO_COINCIDE");
    expect_error(api.put(ruta(averia, "instalacion-camaras"), t, std::string("{}")), 400, "TIPO_NO_COINCIDE");
    expect_error(api.put("/api/pendientes/recojo-dispositivo", t,
                         R"({"pendienteId":)" + sid(averia) + R"(,"dispositivo":"ROUTER"})"),
                 400, "TIPO_NO_COINCIDE");

    // The type check comes before the details checks (§1.2 check 8 before 9) and the closed one.
    auto ok = api.post("/api/pendientes/averia", R"({"pendienteId":)" + sid(averia) + R"(,"descripcionFalla":"x"})", t);
    BOOST_TEST_REQUIRE(ok.status == 200, ok.body);
    cerrar_en_db(db, averia);
    expect_error(api.post("/api/pendientes/instalacion-internet",
                          R"({"pendienteId":)" + sid(averia) + R"(,"velocidadSolicitada":"1","tipoInstalacion":"FIBRA"})",
                          t),
                 400, "TIPO_NO_COINCIDE");
}

BOOST_AUTO_TEST_CASE(pendiente_inexistente_o_eliminado_es_404) {
    Api api;
    auto t = api.token(kCoord);
    expect_error(api.post("/api/pendientes/traslado", traslado_body(987654321), t), 404, "NO_ENCONTRADO");
    expect_error(api.get(ruta(987654321, "traslado"), t), 404, "NO_ENCONTRADO");
    expect_error(api.put(ruta(0, "averia"), t, std::string(R"({"descripcionFalla":"x"})")), 404, "NO_ENCONTRADO");
    expect_error(api.put("/api/pendientes/averia", t, std::string(R"({"pendienteId":987654321,"descripcionFalla":"x"})")),
                 404, "NO_ENCONTRADO");

    auto id = api.crear_pendiente("TRASLADO");
    BOOST_TEST_REQUIRE(api.post("/api/pendientes/traslado", traslado_body(id), t).status == 200);
    BOOST_TEST_REQUIRE(api.del("/api/pendientes/" + sid(id), t).status == 200);
    expect_error(api.get(ruta(id, "traslado"), t), 404, "NO_ENCONTRADO");
    expect_error(api.put("/api/pendientes/traslado", t, traslado_body(id)), 404, "NO_ENCONTRADO");
}

BOOST_AUTO_TEST_CASE(sin_detalle_get_y_put_son_404) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto id = api.crear_pendiente("TRASLADO");
    expect_error(api.get(ruta(id, "traslado"), t), 404, "NO_ENCONTRADO");
    expect_error(api.put(ruta(id, "traslado"), t,
                         std::string(R"({"lugarDestino":"PUNO","direccionDestino":"x","tipoServicio":"OTRO"})")),
                 404, "NO_ENCONTRADO");
    expect_error(api.put("/api/pendientes/traslado", t, traslado_body(id)), 404, "NO_ENCONTRADO");
    BOOST_TEST(db.count("SELECT COUNT(*) FROM pendientes_traslados WHERE pendiente_id = ?", id) == 0);
}

BOOST_AUTO_TEST_CASE(segunda_creacion_es_409_duplicado) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto id = api.crear_pendiente("TRASLADO");
    BOOST_TEST_REQUIRE(api.post("/api/pendientes/traslado", traslado_body(id), t).status == 200);
    expect_error(api.post("/api/pendientes/traslado", traslado_body(id, "Otra dirección"), t), 409, "DUPLICADO");
    BOOST_TEST(*db.text("SELECT direccion_destino FROM pendientes_traslados WHERE pendiente_id = ?", id) ==
               "Av. Circunvalación 455, Juliaca");

    auto cam = api.crear_pendiente("INSTALACION_CAMARAS");
    BOOST_TEST_REQUIRE(api.post("/api/pendientes/instalacion-camaras", R"({"pendienteId":)" + sid(cam) + "}", t).status == 200);
    expect_error(api.post("/api/pendientes/instalacion-camaras", R"({"pendienteId":)" + sid(cam) + "}", t), 409,
                 "DUPLICADO");
}

BOOST_AUTO_TEST_CASE(pendiente_cerrado_rechaza_crear_y_actualizar_pero_se_lee) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto sin = api.crear_pendiente("AVERIA");
    cerrar_en_db(db, sin);
    expect_error(api.post("/api/pendientes/averia", R"({"pendienteId":)" + sid(sin) + R"(,"descripcionFalla":"x"})", t),
                 409, "PENDIENTE_CERRADO");
    BOOST_TEST(db.count("SELECT COUNT(*) FROM pendientes_averias WHERE pendiente_id = ?", sin) == 0);

    auto con = api.crear_pendiente("AVERIA");
    BOOST_TEST_REQUIRE(
        api.post("/api/pendientes/averia", R"({"pendienteId":)" + sid(con) + R"(,"descripcionFalla":"antes"})", t).status ==
        200);
    cerrar_en_db(db, con, "UPDATE pendientes SET estado = 'FINALIZADO' WHERE id = ?");
    expect_error(api.put(ruta(con, "averia"), t, std::string(R"({"descripcionFalla":"después"})")), 409,
                 "PENDIENTE_CERRADO");
    expect_error(api.put("/api/pendientes/averia", t, R"({"pendienteId":)" + sid(con) + R"(,"descripcionFalla":"x"})"),
                 409, "PENDIENTE_CERRADO");
    // §1.2: details existence (check 9) decides before the closed state (check 10).
    expect_error(api.post("/api/pendientes/averia", R"({"pendienteId":)" + sid(con) + R"(,"descripcionFalla":"x"})", t),
                 409, "DUPLICADO");
    BOOST_TEST(*db.text("SELECT descripcion_falla FROM pendientes_averias WHERE pendiente_id = ?", con) == "antes");
    auto g = api.get(ruta(con, "averia"), t);
    BOOST_TEST_REQUIRE(g.status == 200, g.body);
    // VER_PENDIENTES_HISTORIAL reads closed pendientes it does not own (§3.3).
    BOOST_TEST(api.get(ruta(con, "averia"), api.token(kAsesor)).status == 200);
}

BOOST_AUTO_TEST_CASE(permisos_por_bits_y_por_visibilidad) {
    Api api;
    Db db;
    auto coord = api.token(kCoord);
    auto id = api.crear_pendiente("TRASLADO");

    // Endpoint bits (§3.6): POST needs 1|2, PUT needs 2, GET needs 4|8|2048.
    expect_error(api.post("/api/pendientes/traslado", traslado_body(id), api.token(kTecnico1)), 403, "SIN_PERMISO");
    expect_error(api.post("/api/pendientes/traslado", traslado_body(id), api.token(kConta)), 403, "SIN_PERMISO");
    expect_error(api.get(ruta(id, "traslado"), api.token(kSinPermisos)), 403, "SIN_PERMISO");
    // Bits are checked before the body syntax (§1.2 check 4 before 5).
    expect_error(api.post("/api/pendientes/traslado", "{bad", api.token(kTecnico1)), 403, "SIN_PERMISO");

    // Writability (§3.3): the asesor holds bit 1 but does not own the coordinator's order.
    expect_error(api.post("/api/pendientes/traslado", traslado_body(id), api.token(kAsesor)), 403, "SIN_PERMISO");
    // Existence before writability (§1.2 check 6 before 7); writability before the type (7 before 8).
    expect_error(api.post("/api/pendientes/traslado", traslado_body(987654321), api.token(kAsesor)), 404, "NO_ENCONTRADO");
    auto averia = api.crear_pendiente("AVERIA");
    expect_error(api.post("/api/pendientes/traslado", traslado_body(averia), api.token(kAsesor)), 403, "SIN_PERMISO");
    BOOST_TEST(db.count("SELECT COUNT(*) FROM pendientes_traslados WHERE pendiente_id = ?", id) == 0);

    // …but can create details on its own order.
    auto propio = crear_pendiente_como(api, kAsesor, "TRASLADO");
    auto ok = api.post("/api/pendientes/traslado", traslado_body(propio), api.token(kAsesor));
    BOOST_TEST_REQUIRE(ok.status == 200, ok.body);
    // Updating needs bit 2, which ASES lacks.
    expect_error(api.put("/api/pendientes/traslado", api.token(kAsesor), traslado_body(propio)), 403, "SIN_PERMISO");

    BOOST_TEST_REQUIRE(api.post("/api/pendientes/traslado", traslado_body(id), coord).status == 200);
    // Visibility: a technician sees only orders assigned to him.
    expect_error(api.get(ruta(id, "traslado"), api.token(kTecnico1)), 403, "SIN_PERMISO");
    db.connection().statement("UPDATE pendientes SET asignado_a = 7, estado = 'ASIGNADO' WHERE id = ?").bind(id).update();
    BOOST_TEST(api.get(ruta(id, "traslado"), api.token(kTecnico1)).status == 200);
    expect_error(api.get(ruta(id, "traslado"), api.token(kTecnico2)), 403, "SIN_PERMISO");
    BOOST_TEST(api.get(ruta(id, "traslado"), api.token(kConta)).status == 200);  // VER_TODOS
}

BOOST_AUTO_TEST_CASE(put_con_pendiente_id_distinto_es_no_coincide) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto id = api.crear_pendiente("AVERIA");
    BOOST_TEST_REQUIRE(
        api.post("/api/pendientes/averia", R"({"pendienteId":)" + sid(id) + R"(,"descripcionFalla":"antes"})", t).status == 200);
    auto r = api.put(ruta(id, "averia"), t, R"({"pendienteId":)" + sid(id + 1) + R"(,"descripcionFalla":"después"})");
    expect_error(r, 400, "VALIDACION");
    BOOST_TEST(tiene_error(r, "pendienteId", "NO_COINCIDE"));
    // Syntax problem: reported even when the path id does not exist (§1.2 check 5 before 6).
    expect_error(api.put(ruta(987654321, "averia"), t, std::string(R"({"pendienteId":1,"descripcionFalla":"x"})")), 400,
                 "VALIDACION");
    auto nulo = api.put(ruta(id, "averia"), t, std::string(R"({"pendienteId":null,"descripcionFalla":"nulo"})"));
    BOOST_TEST(nulo.status == 200, nulo.body);
    BOOST_TEST(*db.text("SELECT descripcion_falla FROM pendientes_averias WHERE pendiente_id = ?", id) == "nulo");

    auto compat = api.put("/api/pendientes/averia", t, std::string(R"({"descripcionFalla":"x"})"));
    expect_error(compat, 400, "VALIDACION");
    BOOST_TEST(tiene_error(compat, "pendienteId", "REQUERIDO"));
}

BOOST_AUTO_TEST_CASE(put_ignora_ppoe_y_vlan_del_cuerpo) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto id = api.crear_pendiente("TRASLADO");
    BOOST_TEST_REQUIRE(api.post("/api/pendientes/traslado",
                                R"({"pendienteId":)" + sid(id) +
                                    R"(,"lugarDestino":"PUNO","direccionDestino":"x","tipoServicio":"OTRO","vlan":"9","ppoe":"u","ppoePassword":"p"})",
                                t)
                           .status == 200);
    BOOST_TEST_REQUIRE(api.put(ruta(id, "traslado") + "/vlan?vlan=1042", t).status == 200);
    auto r = api.put(ruta(id, "traslado"), t,
                     std::string(R"({"lugarDestino":"PUNO","direccionDestino":"y","tipoServicio":"OTRO","vlan":null,"ppoe":"hack"})"));
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    auto j = r.json();
    BOOST_TEST(str(j["data"]["vlan"]) == "1042");
    BOOST_TEST(j["data"]["ppoe"].IsNull());
    BOOST_TEST(!db.text("SELECT ppoe FROM pendientes_traslados WHERE pendiente_id = ?", id));
}

BOOST_AUTO_TEST_CASE(creaciones_concurrentes_dan_un_200_y_un_409) {
    Api api;
    Db db;
    const std::string t = api.token(kCoord);
    for (int ronda = 0; ronda < 5; ++ronda) {
        auto id = api.crear_pendiente("TRASLADO");
        std::array<int, 2> status{};
        std::array<std::string, 2> code{};
        std::array<std::thread, 2> hilos;
        for (std::size_t i = 0; i < hilos.size(); ++i) {
            hilos[i] = std::thread([&, i] {
                Api propia;  // one client per thread; no Boost assertions off the main thread
                auto r = propia.post("/api/pendientes/traslado", traslado_body(id, "Hilo " + std::to_string(i)), t);
                status[i] = r.status;
                if (r.status != 200) {
                    auto j = r.json();
                    if (j.IsObject() && j.HasMember("errorCode")) code[i] = str(j["errorCode"]);
                }
            });
        }
        for (auto& h : hilos) h.join();
        BOOST_TEST_CONTEXT("ronda " << ronda << ": " << status[0] << " " << status[1]) {
            BOOST_TEST(((status[0] == 200 && status[1] == 409) || (status[0] == 409 && status[1] == 200)));
            BOOST_TEST((code[0] == "DUPLICADO" || code[1] == "DUPLICADO"));
        }
        BOOST_TEST(db.count("SELECT COUNT(*) FROM pendientes_traslados WHERE pendiente_id = ?", id) == 1);
        const std::string ganador = status[0] == 200 ? "Hilo 0" : "Hilo 1";
        BOOST_TEST(*db.text("SELECT direccion_destino FROM pendientes_traslados WHERE pendiente_id = ?", id) == ganador);
    }
}
