#define BOOST_TEST_MODULE integration_tiempos
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "support/stack.hpp"

// Tiempos (§9): list, create, partial update, close the latest open session, delete.
using namespace pendientes::test;

namespace {

const std::string kBase = "/api/pendientes/tiempos";

std::string ruta(std::int64_t id) { return kBase + "/" + std::to_string(id); }
std::string lista(std::int64_t pendiente) { return "/api/pendientes/" + std::to_string(pendiente) + "/tiempos"; }
std::string cerrar(std::int64_t pendiente, const std::string& query = "") {
    return kBase + "/" + std::to_string(pendiente) + "/cerrar-ultimo" + query;
}

void ejecutar(Db& db, const std::string& text, std::int64_t id) { db.connection().statement(text).bind(id).update(); }

// A pendiente assigned to empleado 7 (tecnico1), so that technicians can write on it.
std::int64_t pendiente_de_tecnico1(Api& api, Db& db) {
    auto id = api.crear_pendiente("AVERIA");
    ejecutar(db, "UPDATE pendientes SET asignado_a = 7, estado = 'EN_PROGRESO' WHERE id = ?", id);
    return id;
}

std::string body(std::int64_t pendiente, std::int64_t empleado, const std::string& extra = "") {
    return R"({"pendienteId":)" + std::to_string(pendiente) + R"(,"empleadoId":)" + std::to_string(empleado) +
           (extra.empty() ? "" : "," + extra) + "}";
}

// Creates a tiempo and returns its id.
std::int64_t crear(Api& api, std::int64_t pendiente, std::int64_t empleado, const std::string& extra = "",
                   const Cuenta& cuenta = kCoord) {
    auto r = api.post(kBase, body(pendiente, empleado, extra), api.token(cuenta));
    BOOST_REQUIRE_MESSAGE(r.status == 200, "crear tiempo failed: " + r.body);
    return r.json()["data"]["id"].GetInt64();
}

std::int64_t tiempos_de(Db& db, std::int64_t pendiente) {
    return db.count("SELECT COUNT(*) FROM pendientes_tiempos WHERE pendiente_id = ?", pendiente);
}

// A fresh empleado with vigente = 0 (the fixture's empleados are all vigente).
std::int64_t empleado_inactivo(Api& api, Db& db) {
    auto r = api.post("/api/empleados", R"({"nombre":"Baja","apellidoPaterno":"Tiempos","apellidoMaterno":"","cargoId":5,"fechaIngreso":"2026-01-02"})",
                      api.token(kAdmin));
    BOOST_REQUIRE_MESSAGE(r.status == 200, "crear empleado failed: " + r.body);
    auto id = r.json()["data"]["id"].GetInt64();
    ejecutar(db, "UPDATE empleados SET vigente = 0 WHERE id = ?", id);
    return id;
}

std::string str(const rapidjson::Value& v) { return v.IsNull() ? "null" : v.GetString(); }

}  // namespace

BOOST_AUTO_TEST_CASE(crear_devuelve_la_respuesta_completa) {
    Api api;
    auto p = api.crear_pendiente("AVERIA");
    auto r = api.post(kBase, body(p, 8, R"("horaInicio":"2026-03-01T08:30","horaFin":"2026-03-01T09:45:10.5","descripcion":"Empalme")"),
                      api.token(kCoord));
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    auto j = r.json();
    const auto& d = j["data"];
    BOOST_TEST(d.MemberCount() == 7u);
    BOOST_TEST(d["id"].GetInt64() > 0);
    BOOST_TEST(d["pendienteId"].GetInt64() == p);
    BOOST_TEST(d["empleadoId"].GetInt() == 8);
    BOOST_TEST(str(d["empleadoNombre"]) == "Teresa Peña");
    BOOST_TEST(str(d["horaInicio"]) == "2026-03-01T08:30:00");
    BOOST_TEST(str(d["horaFin"]) == "2026-03-01T09:45:10");
    BOOST_TEST(str(d["descripcion"]) == "Empalme");
}

BOOST_AUTO_TEST_CASE(crear_sin_hora_inicio_usa_ahora_y_queda_abierto) {
    Api api;
    auto p = api.crear_pendiente("AVERIA");
    auto r = api.post(kBase, body(p, 7), api.token(kCoord));
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    auto j = r.json();
    BOOST_TEST(str(j["data"]["horaInicio"]).size() == 19u);
    BOOST_TEST(j["data"]["horaFin"].IsNull());
    BOOST_TEST(j["data"]["descripcion"].IsNull());
    // empleadoId may come as a digit string (§0.3) and the surname-less system empleado shows its name alone.
    auto s = api.post(kBase, R"({"pendienteId":")" + std::to_string(p) + R"(","empleadoId":"1"})", api.token(kCoord));
    BOOST_TEST_REQUIRE(s.status == 200, s.body);
    BOOST_TEST(str(s.json()["data"]["empleadoNombre"]) == "Sistema");
}

BOOST_AUTO_TEST_CASE(crear_valida_campos_y_no_guarda_nada) {
    Api api;
    Db db;
    auto p = api.crear_pendiente("AVERIA");
    auto t = api.token(kCoord);
    auto r = api.post(kBase, R"({"horaInicio":"ayer","descripcion":true})", t);
    expect_error(r, 400, "VALIDACION");
    BOOST_TEST(r.json()["errors"].Size() == 4u);  // pendienteId, empleadoId, horaInicio, descripcion
    expect_error(api.post(kBase, body(p, 7, R"("horaInicio":"2026-03-01T10:00","horaFin":"2026-03-01T09:59:59")"), t), 400,
                 "VALIDACION");
    // horaFin in the past with horaInicio defaulting to now.
    expect_error(api.post(kBase, body(p, 7, R"("horaFin":"2000-01-01T00:00")"), t), 400, "VALIDACION");
    auto largo = api.post(kBase, body(p, 7, R"("descripcion":")" + std::string(256, 'd') + "\""), t);
    expect_error(largo, 400, "VALIDACION");
    BOOST_TEST(std::string(largo.json()["errors"][0]["code"].GetString()) == "LONGITUD_MAXIMA");
    expect_error(api.post(kBase, body(p, 7, R"("horaInicio":"2026-03-01T10:00:00Z")"), t), 400, "VALIDACION");
    expect_error(api.post(kBase, "{bad", t), 400, "JSON_INVALIDO");
    BOOST_TEST(tiempos_de(db, p) == 0);
    // Exactly 255 code points, and horaFin equal to horaInicio, are fine.
    BOOST_TEST(api.post(kBase, body(p, 7, R"("descripcion":")" + std::string(255, 'd') + "\""), t).status == 200);
    BOOST_TEST(api.post(kBase, body(p, 7, R"("horaInicio":"2026-03-01T10:00","horaFin":"2026-03-01T10:00:00")"), t).status ==
               200);
}

BOOST_AUTO_TEST_CASE(crear_con_pendiente_o_empleado_inexistente_es_404) {
    Api api;
    Db db;
    auto p = api.crear_pendiente("AVERIA");
    auto t = api.token(kCoord);
    expect_error(api.post(kBase, body(424242424, 7), t), 404, "NO_ENCONTRADO");
    expect_error(api.post(kBase, body(p, 424242), t), 404, "NO_ENCONTRADO");
    expect_error(api.post(kBase, body(p, empleado_inactivo(api, db)), t), 404, "NO_ENCONTRADO");
    expect_error(api.post(kBase, body(p, 0), t), 404, "NO_ENCONTRADO");
    auto borrado = api.crear_pendiente("AVERIA");
    BOOST_TEST_REQUIRE(api.del("/api/pendientes/" + std::to_string(borrado), t).status == 200);
    expect_error(api.post(kBase, body(borrado, 7), t), 404, "NO_ENCONTRADO");
    // §1.2: existence (404) comes before writability (403).
    expect_error(api.post(kBase, body(p, 424242), api.token(kTecnico1)), 404, "NO_ENCONTRADO");
    BOOST_TEST(tiempos_de(db, p) == 0);
}

BOOST_AUTO_TEST_CASE(crear_exige_pendiente_escribible_y_la_regla_de_entrada_propia) {
    Api api;
    Db db;
    auto ajeno = api.crear_pendiente("AVERIA");
    auto suyo = pendiente_de_tecnico1(api, db);
    // Not assigned to tecnico1: not writable.
    expect_error(api.post(kBase, body(ajeno, 7), api.token(kTecnico1)), 403, "SIN_PERMISO");
    // Own-entry rule: tecnico1 (no EDITAR, no VER_TODOS) only for its own empleado 7.
    expect_error(api.post(kBase, body(suyo, 8), api.token(kTecnico1)), 403, "SIN_PERMISO");
    BOOST_TEST(tiempos_de(db, suyo) == 0);
    BOOST_TEST(api.post(kBase, body(suyo, 7), api.token(kTecnico1)).status == 200);
    // The coordinator (EDITAR_PENDIENTE) records anyone's time.
    BOOST_TEST(api.post(kBase, body(suyo, 8), api.token(kCoord)).status == 200);
    // Bits (§3.6): atencion and asesor hold none of 2, 128, 256, 512, 1024.
    expect_error(api.post(kBase, body(suyo, 4), api.token(kAtencion)), 403, "SIN_PERMISO");
    expect_error(api.post(kBase, body(suyo, 5), api.token(kAsesor)), 403, "SIN_PERMISO");
    expect_error(api.post(kBase, body(suyo, 10), api.token(kSinPermisos)), 403, "SIN_PERMISO");
    BOOST_TEST(tiempos_de(db, suyo) == 2);
}

BOOST_AUTO_TEST_CASE(crear_en_pendiente_cerrado_es_409_pero_editar_cerrar_y_borrar_siguen) {
    Api api;
    Db db;
    auto p = api.crear_pendiente("AVERIA");
    auto t = api.token(kCoord);
    auto abierto = crear(api, p, 7, R"("horaInicio":"2026-04-01T08:00")");
    auto otro = crear(api, p, 8, R"("horaInicio":"2026-04-01T07:00","horaFin":"2026-04-01T07:30")");
    for (const char* estado : {"FINALIZADO", "CANCELADO"}) {
        ejecutar(db, std::string("UPDATE pendientes SET estado = '") + estado + "' WHERE id = ?", p);
        expect_error(api.post(kBase, body(p, 7), t), 409, "PENDIENTE_CERRADO");
    }
    BOOST_TEST(tiempos_de(db, p) == 2);
    BOOST_TEST(api.put(ruta(otro), t, R"({"descripcion":"tras el cierre"})").status == 200);
    auto c = api.put(cerrar(p), t);
    BOOST_TEST_REQUIRE(c.status == 200, c.body);
    BOOST_TEST(c.json()["data"]["id"].GetInt64() == abierto);
    BOOST_TEST(api.del(ruta(otro), t).status == 200);
    // Still readable on a closed pendiente.
    BOOST_TEST(api.get(lista(p), t).json()["data"].Size() == 1u);
}

BOOST_AUTO_TEST_CASE(listar_ordena_por_hora_inicio_y_id) {
    Api api;
    auto p = api.crear_pendiente("AVERIA");
    auto t = api.token(kCoord);
    auto vacia = api.get(lista(p), t);
    BOOST_TEST_REQUIRE(vacia.status == 200, vacia.body);
    BOOST_TEST(vacia.json()["data"].IsArray());
    BOOST_TEST(vacia.json()["data"].Size() == 0u);

    auto tarde = crear(api, p, 7, R"("horaInicio":"2026-05-01T15:00")");
    auto empate1 = crear(api, p, 8, R"("horaInicio":"2026-05-01T09:00")");
    auto temprano = crear(api, p, 7, R"("horaInicio":"2026-05-01T08:00","horaFin":"2026-05-01T08:30")");
    auto empate2 = crear(api, p, 7, R"("horaInicio":"2026-05-01T09:00")");
    auto borrado = crear(api, p, 7, R"("horaInicio":"2026-05-01T10:00")");
    BOOST_TEST_REQUIRE(api.del(ruta(borrado), t).status == 200);

    auto r = api.get(lista(p), t);
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    std::vector<std::int64_t> ids;
    auto j = r.json();
    for (const auto& x : j["data"].GetArray()) ids.push_back(x["id"].GetInt64());
    BOOST_TEST(ids == (std::vector<std::int64_t>{temprano, empate1, empate2, tarde}));
    BOOST_TEST(str(j["data"][0]["horaFin"]) == "2026-05-01T08:30:00");
}

BOOST_AUTO_TEST_CASE(listar_comprueba_existencia_y_visibilidad) {
    Api api;
    Db db;
    auto p = api.crear_pendiente("AVERIA");
    crear(api, p, 7);
    expect_error(api.get(lista(424242424), api.token(kCoord)), 404, "NO_ENCONTRADO");
    expect_error(api.get("/api/pendientes/abc/tiempos", api.token(kCoord)), 400, "VALIDACION");
    expect_error(api.get(lista(p), api.token(kTecnico1)), 403, "SIN_PERMISO");
    expect_error(api.get(lista(p), api.token(kSinPermisos)), 403, "SIN_PERMISO");
    BOOST_TEST(api.get(lista(p), api.token(kAtencion)).status == 200);  // VER_TODOS
    // Asesor sees closed pendientes through VER_PENDIENTES_HISTORIAL.
    expect_error(api.get(lista(p), api.token(kAsesor)), 403, "SIN_PERMISO");
    ejecutar(db, "UPDATE pendientes SET estado = 'FINALIZADO' WHERE id = ?", p);
    BOOST_TEST(api.get(lista(p), api.token(kAsesor)).status == 200);
    BOOST_TEST_REQUIRE(api.del("/api/pendientes/" + std::to_string(p), api.token(kCoord)).status == 200);
    expect_error(api.get(lista(p), api.token(kCoord)), 404, "NO_ENCONTRADO");
}

BOOST_AUTO_TEST_CASE(actualizar_distingue_nulo_de_ausente) {
    Api api;
    auto p = api.crear_pendiente("AVERIA");
    auto t = api.token(kCoord);
    auto id = crear(api, p, 7, R"("horaInicio":"2026-06-01T08:00","horaFin":"2026-06-01T09:00","descripcion":"inicial")");

    auto r = api.put(ruta(id), t, R"({"descripcion":"cambiada"})");
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    auto j = r.json();
    BOOST_TEST(str(j["data"]["descripcion"]) == "cambiada");
    BOOST_TEST(str(j["data"]["horaFin"]) == "2026-06-01T09:00:00");
    BOOST_TEST(str(j["data"]["horaInicio"]) == "2026-06-01T08:00:00");
    BOOST_TEST(j["data"]["empleadoId"].GetInt() == 7);

    // Explicit null re-opens the session; descripcion is untouched.
    j = api.put(ruta(id), t, R"({"horaFin":null})").json();
    BOOST_TEST(j["data"]["horaFin"].IsNull());
    BOOST_TEST(str(j["data"]["descripcion"]) == "cambiada");

    j = api.put(ruta(id), t, R"({"descripcion":null,"horaFin":"2026-06-01T10:00"})").json();
    BOOST_TEST(j["data"]["descripcion"].IsNull());
    BOOST_TEST(str(j["data"]["horaFin"]) == "2026-06-01T10:00:00");

    // An empty object changes nothing.
    j = api.put(ruta(id), t, "{}").json();
    BOOST_TEST(str(j["data"]["horaFin"]) == "2026-06-01T10:00:00");

    // null for the three required members → 400, nothing stored.
    for (const char* campo : {"pendienteId", "empleadoId", "horaInicio"}) {
        auto e = api.put(ruta(id), t, std::string(R"({")") + campo + R"(":null,"descripcion":"no"})");
        expect_error(e, 400, "VALIDACION");
        BOOST_TEST(std::string(e.json()["errors"][0]["field"].GetString()) == campo);
    }
    auto g = api.get(lista(p), t).json();
    BOOST_TEST(g["data"][0]["descripcion"].IsNull());
    // The same in the stored row.
    Db db;
    BOOST_TEST(!db.text("SELECT descripcion FROM pendientes_tiempos WHERE id = ?", id).has_value());
}

BOOST_AUTO_TEST_CASE(actualizar_exige_fin_no_anterior_al_inicio_resultante) {
    Api api;
    auto p = api.crear_pendiente("AVERIA");
    auto t = api.token(kCoord);
    auto id = crear(api, p, 7, R"("horaInicio":"2026-06-01T08:00","horaFin":"2026-06-01T09:00")");
    expect_error(api.put(ruta(id), t, R"({"horaInicio":"2026-06-01T09:00:01"})"), 400, "VALIDACION");
    expect_error(api.put(ruta(id), t, R"({"horaFin":"2026-06-01T07:59"})"), 400, "VALIDACION");
    expect_error(api.put(ruta(id), t, R"({"horaInicio":"2026-06-01T10:00","horaFin":"2026-06-01T09:30"})"), 400,
                 "VALIDACION");
    expect_error(api.put(ruta(id), t, R"({"descripcion":")" + std::string(256, 'x') + "\"}"), 400, "VALIDACION");
    expect_error(api.put(ruta(id), t, R"({"horaFin":"mañana"})"), 400, "VALIDACION");
    // Moving both together is fine.
    auto r = api.put(ruta(id), t, R"({"horaInicio":"2026-06-01T10:00","horaFin":"2026-06-01T10:30"})");
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(str(r.json()["data"]["horaInicio"]) == "2026-06-01T10:00:00");
    // Re-opened, any horaInicio goes.
    BOOST_TEST(api.put(ruta(id), t, R"({"horaFin":null,"horaInicio":"2027-01-01T00:00"})").status == 200);
}

BOOST_AUTO_TEST_CASE(actualizar_tiempo_inexistente_o_borrado_es_404) {
    Api api;
    auto p = api.crear_pendiente("AVERIA");
    auto t = api.token(kCoord);
    expect_error(api.put(ruta(424242424), t, "{}"), 404, "NO_ENCONTRADO");
    expect_error(api.put(kBase + "/x1", t, "{}"), 400, "VALIDACION");
    auto id = crear(api, p, 7);
    BOOST_TEST_REQUIRE(api.del(ruta(id), t).status == 200);
    expect_error(api.put(ruta(id), t, R"({"descripcion":"x"})"), 404, "NO_ENCONTRADO");
    // A deleted pendiente takes its tiempos with it.
    auto q = api.crear_pendiente("AVERIA");
    auto de_q = crear(api, q, 7);
    BOOST_TEST_REQUIRE(api.del("/api/pendientes/" + std::to_string(q), t).status == 200);
    expect_error(api.put(ruta(de_q), t, R"({"descripcion":"x"})"), 404, "NO_ENCONTRADO");
    expect_error(api.del(ruta(de_q), t), 404, "NO_ENCONTRADO");
}

BOOST_AUTO_TEST_CASE(actualizar_aplica_a_los_valores_nuevos_las_comprobaciones_de_creacion) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto suyo = pendiente_de_tecnico1(api, db);
    auto ajeno = api.crear_pendiente("AVERIA");
    auto id = crear(api, suyo, 7, "", kTecnico1);

    expect_error(api.put(ruta(id), t, R"({"empleadoId":424242})"), 404, "NO_ENCONTRADO");
    expect_error(api.put(ruta(id), t, R"({"empleadoId":)" + std::to_string(empleado_inactivo(api, db)) + "}"), 404,
                 "NO_ENCONTRADO");
    expect_error(api.put(ruta(id), t, R"({"pendienteId":424242424})"), 404, "NO_ENCONTRADO");
    // tecnico1 may not hand its entry to empleado 8, nor move it to a pendiente it cannot write.
    expect_error(api.put(ruta(id), api.token(kTecnico1), R"({"empleadoId":8})"), 403, "SIN_PERMISO");
    expect_error(api.put(ruta(id), api.token(kTecnico1), R"({"pendienteId":)" + std::to_string(ajeno) + "}"), 403,
                 "SIN_PERMISO");
    // Same values are not a change.
    BOOST_TEST(api.put(ruta(id), api.token(kTecnico1), R"({"empleadoId":7,"pendienteId":)" + std::to_string(suyo) + "}")
                   .status == 200);
    // tecnico1 may not edit empleado 8's entry on its own pendiente; tecnico2 may not edit anything here.
    auto de_8 = crear(api, suyo, 8);
    expect_error(api.put(ruta(de_8), api.token(kTecnico1), R"({"descripcion":"x"})"), 403, "SIN_PERMISO");
    expect_error(api.put(ruta(id), api.token(kTecnico2), R"({"descripcion":"x"})"), 403, "SIN_PERMISO");

    // The coordinator moves it to another pendiente and empleado.
    auto r = api.put(ruta(id), t, R"({"pendienteId":)" + std::to_string(ajeno) + R"(,"empleadoId":8})");
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(r.json()["data"]["pendienteId"].GetInt64() == ajeno);
    BOOST_TEST(std::string(r.json()["data"]["empleadoNombre"].GetString()) == "Teresa Peña");
    BOOST_TEST(tiempos_de(db, ajeno) == 1);
    BOOST_TEST(api.put(ruta(id), api.token(kTecnico1), R"({"descripcion":"x"})").status == 403);
}

BOOST_AUTO_TEST_CASE(cerrar_ultimo_elige_la_sesion_abierta_mas_reciente) {
    Api api;
    auto p = api.crear_pendiente("AVERIA");
    auto t = api.token(kCoord);
    auto primera = crear(api, p, 7, R"("horaInicio":"2026-07-01T08:00")");
    auto segunda = crear(api, p, 8, R"("horaInicio":"2026-07-01T09:00")");
    auto empate = crear(api, p, 7, R"("horaInicio":"2026-07-01T09:00")");
    // Later, but already closed: never picked.
    crear(api, p, 7, R"("horaInicio":"2026-07-01T11:00","horaFin":"2026-07-01T12:00")");
    auto borrada = crear(api, p, 7, R"("horaInicio":"2026-07-01T13:00")");
    BOOST_TEST_REQUIRE(api.del(ruta(borrada), t).status == 200);

    auto r = api.put(cerrar(p), t);
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    auto j = r.json();
    BOOST_TEST(j["data"]["id"].GetInt64() == empate);  // same horaInicio as `segunda`, greater id
    BOOST_TEST(!j["data"]["horaFin"].IsNull());
    BOOST_TEST(str(j["data"]["horaFin"]) >= str(j["data"]["horaInicio"]));

    BOOST_TEST(api.put(cerrar(p), t).json()["data"]["id"].GetInt64() == segunda);
    BOOST_TEST(api.put(cerrar(p), t).json()["data"]["id"].GetInt64() == primera);
    expect_error(api.put(cerrar(p), t), 404, "NO_ENCONTRADO");
}

BOOST_AUTO_TEST_CASE(cerrar_ultimo_filtra_por_empleado_y_lo_fuerza_para_el_tecnico) {
    Api api;
    Db db;
    auto p = pendiente_de_tecnico1(api, db);
    auto t = api.token(kCoord);
    auto de7 = crear(api, p, 7, R"("horaInicio":"2026-07-02T08:00")");
    auto de8 = crear(api, p, 8, R"("horaInicio":"2026-07-02T10:00")");
    auto de7b = crear(api, p, 7, R"("horaInicio":"2026-07-02T09:00")");

    auto r = api.put(cerrar(p, "?empleadoId=7"), t);
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(r.json()["data"]["id"].GetInt64() == de7b);
    // tecnico1 asks for empleado 8's session: the own-entry rule forces empleado 7.
    r = api.put(cerrar(p, "?empleadoId=8"), api.token(kTecnico1));
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(r.json()["data"]["id"].GetInt64() == de7);
    expect_error(api.put(cerrar(p), api.token(kTecnico1)), 404, "NO_ENCONTRADO");
    // The form-body spelling of the query parameter (§0.3) works too.
    auto form = api.send("PUT", cerrar(p),
                         {{"Authorization", "Bearer " + t}, {"Content-Type", "application/x-www-form-urlencoded"}},
                         std::string("empleadoId=8"));
    BOOST_TEST_REQUIRE(form.status == 200, form.body);
    BOOST_TEST(form.json()["data"]["id"].GetInt64() == de8);
}

BOOST_AUTO_TEST_CASE(cerrar_ultimo_errores) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto ajeno = api.crear_pendiente("AVERIA");
    crear(api, ajeno, 7);
    expect_error(api.put(cerrar(424242424), t), 404, "NO_ENCONTRADO");
    expect_error(api.put(cerrar(ajeno, "?empleadoId=x"), t), 400, "VALIDACION");
    expect_error(api.put(kBase + "/abc/cerrar-ultimo", t), 400, "VALIDACION");
    expect_error(api.put(cerrar(ajeno), api.token(kTecnico1)), 403, "SIN_PERMISO");
    expect_error(api.put(cerrar(ajeno), api.token(kAsesor)), 403, "SIN_PERMISO");
    // A session started in the future is closed at its own start, never before it.
    auto futuro = api.crear_pendiente("AVERIA");
    crear(api, futuro, 7, R"("horaInicio":"2099-01-01T00:00")");
    auto r = api.put(cerrar(futuro), t);
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(str(r.json()["data"]["horaFin"]) == "2099-01-01T00:00:00");
}

BOOST_AUTO_TEST_CASE(eliminar_es_baja_logica_y_luego_404) {
    Api api;
    Db db;
    auto p = pendiente_de_tecnico1(api, db);
    auto t = api.token(kCoord);
    auto de7 = crear(api, p, 7);
    auto de8 = crear(api, p, 8);
    expect_error(api.del(ruta(de8), api.token(kTecnico1)), 403, "SIN_PERMISO");
    expect_error(api.del(ruta(de7), api.token(kTecnico2)), 403, "SIN_PERMISO");
    auto r = api.del(ruta(de7), api.token(kTecnico1));
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(r.json()["data"].IsNull());
    BOOST_TEST(db.count("SELECT COUNT(*) FROM pendientes_tiempos WHERE id = ? AND vigente = 0", de7) == 1);
    expect_error(api.del(ruta(de7), t), 404, "NO_ENCONTRADO");
    expect_error(api.del(ruta(424242424), t), 404, "NO_ENCONTRADO");
    expect_error(api.del(kBase + "/-1", t), 400, "VALIDACION");
    auto l = api.get(lista(p), t).json();
    BOOST_TEST(l["data"].Size() == 1u);
    BOOST_TEST(l["data"][0]["id"].GetInt64() == de8);
}
