#define BOOST_TEST_MODULE integration_transiciones
#include <boost/test/unit_test.hpp>

#include <string>

#include "support/stack.hpp"
#include "transiciones_fixture.hpp"

using namespace pendientes::test;

namespace {
std::string texto(Db& db, const std::string& sql, std::int64_t id) { return db.text(sql, id).value_or("<null>"); }
std::string ultimo_detalle(Db& db, std::int64_t id) {
    return texto(db, "SELECT detalles FROM historiales WHERE pendiente_id = ? ORDER BY id DESC LIMIT 1", id);
}
std::string ultimo_autor(Db& db, std::int64_t id) {
    return texto(db, "SELECT CAST(empleado_id AS CHAR) FROM historiales WHERE pendiente_id = ? ORDER BY id DESC LIMIT 1",
                 id);
}
}  // namespace

// ---- /asignar (§7.7) ----

BOOST_AUTO_TEST_CASE(asignar_sin_detalle_devuelve_409_y_no_escribe_nada) {
    Api api;
    Db db;
    auto id = api.crear_pendiente("TRASLADO");
    auto r = asignar(api, id, kTomas, api.token(kCoord));
    expect_error(r, 409, "DETALLE_REQUERIDO");
    BOOST_TEST(std::string(r.json()["message"].GetString()) == "Registre primero el detalle del traslado");
    BOOST_TEST(filas_historial(db, id) == 1);
    BOOST_TEST(texto(db, "SELECT estado FROM pendientes WHERE id = ?", id) == "REGISTRADO");
    BOOST_TEST(texto(db, "SELECT asignado_a FROM pendientes WHERE id = ?", id) == "<null>");
}

BOOST_AUTO_TEST_CASE(asignar_con_detalle_pasa_a_asignado_y_registra_historial) {
    Api api;
    Db db;
    auto id = pendiente_con_detalle(api, db);
    auto r = asignar(api, id, kTomas, api.token(kCoord));
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    auto j = r.json();
    BOOST_TEST(std::string(j["message"].GetString()) == "Técnico asignado correctamente");
    const auto& d = j["data"];
    BOOST_TEST(d["id"].GetInt64() == id);
    BOOST_TEST(std::string(d["estado"].GetString()) == "ASIGNADO");
    BOOST_TEST(d["idEmpleadoAsignado"].GetInt64() == kTomas);
    BOOST_TEST(std::string(d["asignadoA"].GetString()) == "Tomás Técnico");
    BOOST_TEST(d["tieneDetalle"].GetBool());

    BOOST_TEST(filas_historial(db, id) == 2);
    auto detalle = ultimo_detalle(db, id);
    BOOST_TEST(detalle.find("REGISTRADO") != std::string::npos, detalle);
    BOOST_TEST(detalle.find("ASIGNADO") != std::string::npos, detalle);
    BOOST_TEST(detalle.find("Tomás Técnico") != std::string::npos, detalle);
    BOOST_TEST(ultimo_autor(db, id) == "3");  // the coordinator's empleado
}

BOOST_AUTO_TEST_CASE(asignar_repetido_es_transicion_invalida_sin_segundo_historial) {
    Api api;
    Db db;
    auto id = pendiente_asignado(api, db);
    auto antes = filas_historial(db, id);
    expect_error(asignar(api, id, kTeresa, api.token(kCoord)), 400, "TRANSICION_INVALIDA");
    expect_error(asignar(api, id, kTomas, api.token(kCoord)), 400, "TRANSICION_INVALIDA");
    BOOST_TEST(filas_historial(db, id) == antes);
    BOOST_TEST(texto(db, "SELECT asignado_a FROM pendientes WHERE id = ?", id) == "7");
}

BOOST_AUTO_TEST_CASE(asignar_tecnico_inexistente_o_inactivo_es_404) {
    Api api;
    Db db;
    auto id = pendiente_con_detalle(api, db);
    expect_error(asignar(api, id, empleado_dado_de_baja(api), api.token(kCoord)), 404, "NO_ENCONTRADO");
    expect_error(asignar(api, id, 424242, api.token(kCoord)), 404, "NO_ENCONTRADO");
    expect_error(asignar(api, id, 0, api.token(kCoord)), 404, "NO_ENCONTRADO");
    BOOST_TEST(filas_historial(db, id) == 1);
}

BOOST_AUTO_TEST_CASE(asignar_parametro_invalido_es_400_antes_que_404) {
    Api api;
    auto t = api.token(kCoord);
    auto id = api.crear_pendiente("TRASLADO");
    for (std::string q : {"", "?idAsignado=", "?idAsignado=abc", "?idAsignado=-1", "?idAsignado=1.5",
                          "?idAsignado=9223372036854775808"}) {
        BOOST_TEST_CONTEXT(q) {
            auto r = api.put(ruta(id, "/asignar" + q), t);
            expect_error(r, 400, "VALIDACION");
            BOOST_TEST(std::string(r.json()["errors"][0]["field"].GetString()) == "idAsignado");
        }
    }
    // Syntax (check 5) before existence (check 6).
    expect_error(api.put("/api/pendientes/999999999/asignar?idAsignado=x", t), 400, "VALIDACION");
    expect_error(api.put("/api/pendientes/999999999/asignar?idAsignado=7", t), 404, "NO_ENCONTRADO");
    auto r = api.put("/api/pendientes/abc/asignar", t);
    expect_error(r, 400, "VALIDACION");
    BOOST_TEST(r.json()["errors"].Size() == 2u);  // id and idAsignado together
}

BOOST_AUTO_TEST_CASE(asignar_acepta_el_parametro_en_un_cuerpo_urlencoded) {
    Api api;
    Db db;
    auto id = pendiente_con_detalle(api, db);
    auto r = api.send("PUT", ruta(id, "/asignar"),
                      {{"Authorization", "Bearer " + api.token(kCoord)},
                       {"Content-Type", "application/x-www-form-urlencoded"}},
                      std::string("idAsignado=8"));
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(r.json()["data"]["idEmpleadoAsignado"].GetInt64() == kTeresa);
}

// ---- /estado (§7.4) ----

BOOST_AUTO_TEST_CASE(estado_sin_parametro_o_desconocido_es_400) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto id = api.crear_pendiente("AVERIA");
    for (std::string q : {"", "?nuevoEstado=", "?nuevoEstado=cancelado", "?nuevoEstado=BORRADO"}) {
        BOOST_TEST_CONTEXT(q) {
            auto r = api.put(ruta(id, "/estado" + q), t);
            expect_error(r, 400, "VALIDACION");
            BOOST_TEST(std::string(r.json()["errors"][0]["field"].GetString()) == "nuevoEstado");
        }
    }
    auto largo = std::string(501, 'm');
    auto r = put_estado(api, id, "CANCELADO", t, "&motivo=" + largo);
    expect_error(r, 400, "VALIDACION");
    BOOST_TEST(std::string(r.json()["errors"][0]["field"].GetString()) == "motivo");
    BOOST_TEST(std::string(r.json()["errors"][0]["code"].GetString()) == "LONGITUD_MAXIMA");
    BOOST_TEST(filas_historial(db, id) == 1);
    expect_error(put_estado(api, 999999999, "NADA", t), 400, "VALIDACION");
    expect_error(put_estado(api, 999999999, "CANCELADO", t), 404, "NO_ENCONTRADO");
}

BOOST_AUTO_TEST_CASE(cancelar_con_motivo_lo_copia_en_el_historial) {
    Api api;
    Db db;
    auto id = api.crear_pendiente("AVERIA");
    auto motivo = std::string(500, 'x');
    auto r = put_estado(api, id, "CANCELADO", api.token(kCoord), "&motivo=Cliente+ausente+%C3%B1" + motivo.substr(17));
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(estado_de(r) == "CANCELADO");
    BOOST_TEST(std::string(r.json()["message"].GetString()) == "Estado actualizado correctamente");
    auto detalle = ultimo_detalle(db, id);
    BOOST_TEST(detalle.find("REGISTRADO") != std::string::npos, detalle);
    BOOST_TEST(detalle.find("CANCELADO") != std::string::npos, detalle);
    BOOST_TEST(detalle.find("Cliente ausente ñ") != std::string::npos, detalle);
    // The column holds 500 code points: a 500-character motivo is cut, never rejected.
    BOOST_TEST(db.count("SELECT CHAR_LENGTH(detalles) FROM historiales WHERE pendiente_id = ? ORDER BY id DESC LIMIT 1",
                        id) == 500);
}

BOOST_AUTO_TEST_CASE(mismo_estado_es_transicion_invalida) {
    Api api;
    Db db;
    auto id = api.crear_pendiente("AVERIA");
    expect_error(put_estado(api, id, "REGISTRADO", api.token(kCoord)), 400, "TRANSICION_INVALIDA");
    auto asignado = pendiente_asignado(api, db);
    expect_error(put_estado(api, asignado, "ASIGNADO", api.token(kCoord)), 400, "TRANSICION_INVALIDA");
    expect_error(put_estado(api, asignado, "FINALIZADO", api.token(kAdmin)), 400, "TRANSICION_INVALIDA");
    BOOST_TEST(filas_historial(db, id) == 1);
}

BOOST_AUTO_TEST_CASE(estado_asignado_sin_tecnico_pide_usar_asignar_antes_del_detalle) {
    Api api;
    Db db;
    auto id = api.crear_pendiente("TRASLADO");  // no details: 400 comes before 409 (§6.1)
    auto r = put_estado(api, id, "ASIGNADO", api.token(kCoord));
    expect_error(r, 400, "VALIDACION");
    BOOST_TEST(std::string(r.json()["errors"][0]["field"].GetString()) == "nuevoEstado");
    // The edge's bits (16) are checked first: CONT holds /estado bits but not this one.
    expect_error(put_estado(api, id, "ASIGNADO", api.token(kConta)), 403, "SIN_PERMISO");
    BOOST_TEST(filas_historial(db, id) == 1);
}

BOOST_AUTO_TEST_CASE(reasignar_vuelve_a_registrado_y_limpia_el_tecnico) {
    Api api;
    Db db;
    auto id = pendiente_en(api, db, "EN_PROGRESO");
    auto r = put_estado(api, id, "REGISTRADO", api.token(kCoord));
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(estado_de(r) == "REGISTRADO");
    BOOST_TEST(r.json()["data"]["idEmpleadoAsignado"].IsNull());
    BOOST_TEST(r.json()["data"]["asignadoA"].IsNull());
    // Then a new technician through /asignar.
    auto a = asignar(api, id, kTeresa, api.token(kCoord));
    BOOST_TEST_REQUIRE(a.status == 200, a.body);
    BOOST_TEST(a.json()["data"]["idEmpleadoAsignado"].GetInt64() == kTeresa);
}

BOOST_AUTO_TEST_CASE(pendiente_cancelado_se_recupera_y_vuelve_a_asignado_con_su_tecnico) {
    Api api;
    Db db;
    auto coord = api.token(kCoord);
    auto id = pendiente_asignado(api, db);
    BOOST_TEST_REQUIRE(put_estado(api, id, "CANCELADO", coord).status == 200);
    auto p = postergar(api, id, R"({"nuevaFecha":"2099-03-01T08:30"})", coord);
    BOOST_TEST_REQUIRE(p.status == 200, p.body);
    BOOST_TEST(estado_de(p) == "POSTERGADO");
    BOOST_TEST(p.json()["data"]["idEmpleadoAsignado"].GetInt64() == kTomas);  // kept (§7.6)
    BOOST_TEST(std::string(p.json()["data"]["fechaPendiente"].GetString()) == "2099-03-01T08:30:00");
    auto r = put_estado(api, id, "ASIGNADO", coord);
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(estado_de(r) == "ASIGNADO");
    BOOST_TEST(r.json()["data"]["idEmpleadoAsignado"].GetInt64() == kTomas);
    BOOST_TEST((estados_historial(api, id, coord) ==
                std::vector<std::string>{"ASIGNADO", "POSTERGADO", "CANCELADO", "ASIGNADO", "REGISTRADO"}));
}

BOOST_AUTO_TEST_CASE(finalizar_con_configuracion_pendiente_es_409) {
    Api api;
    Db db;
    auto id = api.crear_pendiente("TRASLADO", R"("estadoTecnico":"PENDIENTE_VLAN")");
    crear_detalle(db, id);
    BOOST_TEST_REQUIRE(asignar(api, id, kTomas, api.token(kCoord)).status == 200);
    for (auto e : {"EN_PROGRESO", "POR_VALIDAR"}) BOOST_TEST_REQUIRE(put_estado(api, id, e, api.token(kAdmin)).status == 200);
    auto antes = filas_historial(db, id);
    expect_error(put_estado(api, id, "FINALIZADO", api.token(kCoord)), 409, "CONFIGURACION_PENDIENTE");
    BOOST_TEST(filas_historial(db, id) == antes);
    // Observing needs no network configuration.
    BOOST_TEST(put_estado(api, id, "OBSERVADO", api.token(kCoord)).status == 200);
}

BOOST_AUTO_TEST_CASE(finalizado_no_admite_ninguna_transicion) {
    Api api;
    Db db;
    auto id = pendiente_en(api, db, "FINALIZADO");
    auto admin = api.token(kAdmin);
    auto antes = filas_historial(db, id);
    for (const char* e : {"REGISTRADO", "ASIGNADO", "EN_PROGRESO", "PAUSADO", "REVISION", "POR_VALIDAR", "OBSERVADO",
                          "FINALIZADO", "POSTERGADO", "CANCELADO"}) {
        BOOST_TEST_CONTEXT(e) { expect_error(put_estado(api, id, e, admin), 400, "TRANSICION_INVALIDA"); }
    }
    expect_error(asignar(api, id, kTomas, admin), 400, "TRANSICION_INVALIDA");
    expect_error(postergar(api, id, R"({"nuevaFecha":"2099-01-01T00:00:00"})", admin), 400, "TRANSICION_INVALIDA");
    BOOST_TEST(filas_historial(db, id) == antes);
}

// ---- /postergar (§7.6) ----

BOOST_AUTO_TEST_CASE(postergar_fija_la_fecha_y_registra_al_empleado_indicado) {
    Api api;
    Db db;
    auto id = api.crear_pendiente("AVERIA", R"("fechaPendiente":"2026-07-11T09:00:00")");
    auto r = postergar(api, id, R"({"nuevaFecha":"2099-07-12T10:15:30.123","empleadoId":5,"motivo":"Lluvia"})",
                       api.token(kCoord));
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(std::string(r.json()["message"].GetString()) == "Pendiente postergado correctamente");
    BOOST_TEST(estado_de(r) == "POSTERGADO");
    BOOST_TEST(std::string(r.json()["data"]["fechaPendiente"].GetString()) == "2099-07-12T10:15:30");
    BOOST_TEST(ultimo_autor(db, id) == "5");
    auto detalle = ultimo_detalle(db, id);
    BOOST_TEST(detalle.find("2099-07-12T10:15:30") != std::string::npos, detalle);
    BOOST_TEST(detalle.find("Lluvia") != std::string::npos, detalle);
    BOOST_TEST(detalle.find("REGISTRADO") != std::string::npos, detalle);

    // POSTERGADO → POSTERGADO (edge 21), later again; without empleadoId the caller is the author.
    auto otra = postergar(api, id, R"({"nuevaFecha":"2099-07-13T10:00:00"})", api.token(kCoord));
    BOOST_TEST_REQUIRE(otra.status == 200, otra.body);
    BOOST_TEST(ultimo_autor(db, id) == "3");
    BOOST_TEST(filas_historial(db, id) == 3);
}

BOOST_AUTO_TEST_CASE(postergar_con_fecha_no_posterior_es_400_y_no_cambia_nada) {
    Api api;
    Db db;
    auto t = api.token(kCoord);
    auto id = api.crear_pendiente("AVERIA", R"("fechaPendiente":"2099-05-01T09:00:00")");
    for (std::string fecha : {"2020-01-01T00:00:00", "2099-05-01T09:00:00", "2099-04-30T23:59:59"}) {
        BOOST_TEST_CONTEXT(fecha) {
            auto r = postergar(api, id, R"({"nuevaFecha":")" + fecha + "\"}", t);
            expect_error(r, 400, "VALIDACION");
            BOOST_TEST(std::string(r.json()["errors"][0]["field"].GetString()) == "nuevaFecha");
        }
    }
    BOOST_TEST(texto(db, "SELECT estado FROM pendientes WHERE id = ?", id) == "REGISTRADO");
    BOOST_TEST(filas_historial(db, id) == 1);
    BOOST_TEST(postergar(api, id, R"({"nuevaFecha":"2099-05-01T09:00:01"})", t).status == 200);
}

BOOST_AUTO_TEST_CASE(postergar_sintaxis_invalida_es_400) {
    Api api;
    auto t = api.token(kCoord);
    auto id = api.crear_pendiente("AVERIA");
    for (std::string body : {R"({})", R"({"nuevaFecha":null})", R"({"nuevaFecha":"2099-01-01"})",
                             R"({"nuevaFecha":"2099-01-01 10:00:00"})", R"({"nuevaFecha":"2099-01-01T10:00:00Z"})",
                             R"({"nuevaFecha":"2099-01-01T10:00:00","empleadoId":-3})"}) {
        BOOST_TEST_CONTEXT(body) { expect_error(postergar(api, id, body, t), 400, "VALIDACION"); }
    }
    auto largo = R"({"nuevaFecha":"2099-01-01T10:00:00","motivo":")" + std::string(501, 'a') + "\"}";
    expect_error(postergar(api, id, largo, t), 400, "VALIDACION");
    expect_error(postergar(api, id, "{", t), 400, "JSON_INVALIDO");
    expect_error(api.put(ruta(id, "/postergar"), t), 400, "JSON_INVALIDO");
}

BOOST_AUTO_TEST_CASE(postergar_empleado_inexistente_es_404) {
    Api api;
    Db db;
    auto id = api.crear_pendiente("AVERIA");
    expect_error(postergar(api, id, R"({"nuevaFecha":"2099-01-01T10:00:00","empleadoId":424242})", api.token(kCoord)),
                 404, "NO_ENCONTRADO");
    expect_error(postergar(api, id, R"({"nuevaFecha":"2099-01-01T10:00:00","empleadoId":)" + std::to_string(empleado_dado_de_baja(api)) + "}", api.token(kCoord)), 404,
                 "NO_ENCONTRADO");
    BOOST_TEST(filas_historial(db, id) == 1);
}

BOOST_AUTO_TEST_CASE(postergar_desde_estados_no_permitidos_es_transicion_invalida_antes_que_la_fecha) {
    Api api;
    Db db;
    auto id = pendiente_asignado(api, db);
    // A past date too: the edge (check 10) comes before the date rules (check 11).
    expect_error(postergar(api, id, R"({"nuevaFecha":"2020-01-01T10:00:00"})", api.token(kCoord)), 400,
                 "TRANSICION_INVALIDA");
    expect_error(postergar(api, id, R"({"nuevaFecha":"2099-01-01T10:00:00"})", api.token(kCoord)), 400,
                 "TRANSICION_INVALIDA");
}

BOOST_AUTO_TEST_CASE(estado_postergado_deja_la_fecha_como_estaba) {
    Api api;
    auto id = api.crear_pendiente("AVERIA", R"("fechaPendiente":"2026-07-11T09:00:00")");
    auto r = put_estado(api, id, "POSTERGADO", api.token(kCoord), "&motivo=sin+fecha");
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(estado_de(r) == "POSTERGADO");
    BOOST_TEST(std::string(r.json()["data"]["fechaPendiente"].GetString()) == "2026-07-11T09:00:00");
    // POSTERGADO → POSTERGADO through /estado is an edge too (21).
    BOOST_TEST(put_estado(api, id, "POSTERGADO", api.token(kCoord)).status == 200);
}

// ---- authorship and order of checks ----

BOOST_AUTO_TEST_CASE(sin_empleado_vinculado_el_autor_es_el_empleado_del_sistema) {
    Api api;
    Db db;
    // empleadoId is required on creation, so the link is removed directly.
    auto u = crear_usuario(api, "CORD");
    db.connection().statement("UPDATE usuarios SET empleado_id = NULL WHERE id = ?").bind(u.usuario_id).update();
    auto id = api.crear_pendiente("AVERIA");
    BOOST_TEST_REQUIRE(put_estado(api, id, "CANCELADO", login(api, u)).status == 200);
    BOOST_TEST(ultimo_autor(db, id) == "1");
}

BOOST_AUTO_TEST_CASE(orden_de_comprobaciones_de_una_transicion) {
    Api api;
    Db db;
    auto id = pendiente_asignado(api, db, kTomas);
    // writable (check 7) before the edge (check 10): tecnico2 cannot even see tecnico1's order.
    expect_error(put_estado(api, id, "FINALIZADO", api.token(kTecnico2)), 403, "SIN_PERMISO");
    // edge before bits: no ASIGNADO → FINALIZADO edge, so 400 even for the technician.
    expect_error(put_estado(api, id, "FINALIZADO", api.token(kTecnico1)), 400, "TRANSICION_INVALIDA");
    // the edge exists (ASIGNADO → CANCELADO) but TECN lacks bit 2.
    expect_error(put_estado(api, id, "CANCELADO", api.token(kTecnico1)), 403, "SIN_PERMISO");

    // Referenced technician (check 6) before writability (check 7): a rol with ASIGNAR_TECNICO
    // and VER_DETALLE (16 + 4) that does not own the order.
    auto u = crear_usuario(api, crear_rol(api, 20));
    auto solo = login(api, u);
    auto otro = pendiente_con_detalle(api, db);
    expect_error(asignar(api, otro, 424242, solo), 404, "NO_ENCONTRADO");
    expect_error(asignar(api, otro, kTomas, solo), 403, "SIN_PERMISO");
    BOOST_TEST(filas_historial(db, otro) == 1);
}
