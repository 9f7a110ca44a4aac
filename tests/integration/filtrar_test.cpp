#define BOOST_TEST_MODULE integration_filtrar
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <string>
#include <vector>

#include "support/stack.hpp"

// POST /api/pendientes/filtrar (§7.3) and /filtros (§7.9). Every test creates its own
// pendientes with a unique token in `direccion` and narrows the search with `titulo` on that
// token, so the assertions never depend on what other suites stored.
using namespace pendientes::test;

namespace {

std::string unico(const std::string& prefijo) {
    static int n = 0;
    // The closing letter keeps token n1 from being a substring of token n10.
    return prefijo + std::to_string(std::time(nullptr)) + "p" + std::to_string(getpid()) + "n" + std::to_string(++n) + "q";
}

// Creates a pendiente as the coordinator from a full CrearPendienteRequest body.
std::int64_t crear(Api& api, const std::string& body, const Cuenta& cuenta = kCoord) {
    auto r = api.post("/api/pendientes", body, api.token(cuenta));
    BOOST_REQUIRE_MESSAGE(r.status == 200, "crear failed: " + r.body);
    return r.json()["data"]["id"].GetInt64();
}

// A MEDIA AVERIA in PUNO for cliente 1 at `direccion`, plus `extra` members.
std::int64_t crear_en(Api& api, const std::string& direccion, const std::string& extra = "") {
    return crear(api, R"({"lugar":"PUNO","prioridad":"MEDIA","tipo":"AVERIA","clienteId":1,"direccion":")" + direccion +
                          "\"" + (extra.empty() ? "" : "," + extra) + "}");
}

void ejecutar(Db& db, const std::string& text, std::int64_t id) { db.connection().statement(text).bind(id).update(); }

HttpResponse filtrar(Api& api, const std::string& body, const std::string& query = "", const Cuenta& cuenta = kCoord) {
    return api.post("/api/pendientes/filtrar" + query, body, api.token(cuenta));
}

// The ids of the page, in order; fails the test on a non-200.
std::vector<std::int64_t> ids(const HttpResponse& r) {
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
    std::vector<std::int64_t> out;
    auto j = r.json();
    for (const auto& p : j["data"]["content"].GetArray()) out.push_back(p["id"].GetInt64());
    return out;
}

// Filter on the token plus `criterios` (JSON members, may be empty).
std::vector<std::int64_t> buscar(Api& api, const std::string& token, const std::string& criterios = "",
                                 const std::string& query = "?sort=id,asc", const Cuenta& cuenta = kCoord) {
    return ids(filtrar(api, R"({"titulo":")" + token + "\"" + (criterios.empty() ? "" : "," + criterios) + "}", query,
                       cuenta));
}

using Ids = std::vector<std::int64_t>;

std::string field_of_first_error(const HttpResponse& r) {
    auto j = r.json();
    return j["errors"].Size() > 0 ? j["errors"][0]["field"].GetString() : "";
}

}  // namespace

BOOST_AUTO_TEST_CASE(filtros_devuelve_las_seis_listas_en_orden_de_declaracion) {
    Api api;
    for (const auto* method : {"POST", "GET"}) {
        auto r = api.send(method, "/api/pendientes/filtros", {{"Authorization", "Bearer " + api.token(kSinPermisos)}});
        BOOST_TEST_REQUIRE(r.status == 200, r.body);
        auto j = r.json();
        const auto& d = j["data"];
        BOOST_TEST(d.MemberCount() == 6u);
        auto lista = [&](const char* key) {
            std::string out;
            for (const auto& v : d[key].GetArray()) out += std::string(v.GetString()) + " ";
            return out;
        };
        BOOST_TEST(lista("estados") ==
                   "REGISTRADO ASIGNADO EN_PROGRESO PAUSADO REVISION POR_VALIDAR OBSERVADO FINALIZADO POSTERGADO CANCELADO ");
        BOOST_TEST(lista("tipos") == "AVERIA INSTALACION_INTERNET INSTALACION_CAMARAS RECOJO_DISPOSITIVOS TRASLADO ");
        BOOST_TEST(lista("estadosTecnico") == "OK PENDIENTE_PPPoE PENDIENTE_VLAN PENDIENTE_PPPoE_Y_VLAN ");
        BOOST_TEST(lista("prioridades") == "BAJA MEDIA URGENTE MUY_URGENTE ");
        BOOST_TEST(lista("lugares") == "ZONA_RURAL JULIACA PUNO CHUCUITO PLATERIA ACORA ILAVE JULI POMATA CHACACHACA "
                                       "YONGUYO ZEPITA DESAGUADERO ");
        BOOST_TEST(lista("empresas") == "SIMAX WINEX OTRO ");
    }
    expect_error(api.get("/api/pendientes/filtros"), 401, "NO_AUTENTICADO");
}

BOOST_AUTO_TEST_CASE(sin_cuerpo_equivale_a_objeto_vacio_con_la_pagina_por_defecto) {
    Api api;
    crear_en(api, unico("Vacio"));
    auto r = api.send("POST", "/api/pendientes/filtrar", {{"Authorization", "Bearer " + api.token(kCoord)}});
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    auto j = r.json();
    const auto& d = j["data"];
    BOOST_TEST(d["size"].GetInt() == 10);
    BOOST_TEST(d["number"].GetInt() == 0);
    BOOST_TEST(d["totalElements"].GetInt() >= 1);
    BOOST_TEST(d["sort"]["sorted"].GetBool());
    BOOST_TEST(!d["sort"]["empty"].GetBool());
    BOOST_TEST(d["pageable"]["sort"]["sorted"].GetBool());
    // Default sort fechaCreacion desc, id desc: the newest pendiente comes first.
    std::int64_t anterior = INT64_MAX;
    std::string fecha_anterior = "9999";
    for (const auto& p : d["content"].GetArray()) {
        std::string fecha = p["fechaCreacion"].GetString();
        BOOST_TEST((fecha < fecha_anterior || (fecha == fecha_anterior && p["id"].GetInt64() < anterior)));
        fecha_anterior = fecha;
        anterior = p["id"].GetInt64();
    }
}

BOOST_AUTO_TEST_CASE(cada_criterio_filtra_y_se_combinan_con_and) {
    Api api;
    Db db;
    const auto t = unico("Crit");
    const auto a = crear(api, R"({"lugar":"PUNO","prioridad":"BAJA","tipo":"AVERIA","clienteId":1,"direccion":")" + t +
                                  R"( A","fechaPendiente":"2031-03-04T08:15:00","estadoTecnico":"PENDIENTE_VLAN"})");
    const auto b = crear(api, R"({"lugar":"JULIACA","prioridad":"URGENTE","tipo":"TRASLADO","clienteId":2,"direccion":")" +
                                  t + R"( B","fechaPendiente":"2031-03-04T17:45:30"})");
    const auto c = crear(api, R"({"lugar":"ILAVE","prioridad":"MEDIA","tipo":"INSTALACION_INTERNET","clienteId":1,"direccion":")" +
                                  t + R"( C","registradoPorId":4})");
    ejecutar(db, "UPDATE pendientes SET asignado_a = 8 WHERE id = ?", a);
    ejecutar(db, "UPDATE pendientes SET estado = 'FINALIZADO' WHERE id = ?", b);

    BOOST_TEST(buscar(api, t) == (Ids{a, b, c}));
    BOOST_TEST(buscar(api, t, R"("clienteId":2)") == (Ids{b}));
    BOOST_TEST(buscar(api, t, R"("clienteId":"1")") == (Ids{a, c}));
    BOOST_TEST(buscar(api, t, R"("tipo":"AVERIA")") == (Ids{a}));
    BOOST_TEST(buscar(api, t, R"("prioridad":"URGENTE")") == (Ids{b}));
    BOOST_TEST(buscar(api, t, R"("lugar":"ILAVE")") == (Ids{c}));
    BOOST_TEST(buscar(api, t, R"("registradoPorId":4)") == (Ids{c}));
    BOOST_TEST(buscar(api, t, R"("registradoPorId":3)") == (Ids{a, b}));
    BOOST_TEST(buscar(api, t, R"("asignadoAId":8)") == (Ids{a}));
    BOOST_TEST(buscar(api, t, R"("asignadoAId":7)") == (Ids{}));
    BOOST_TEST(buscar(api, t, R"("estados":["FINALIZADO","CANCELADO"])") == (Ids{b}));
    BOOST_TEST(buscar(api, t, R"("estados":["REGISTRADO"])") == (Ids{a, c}));
    BOOST_TEST(buscar(api, t, R"("estados":[])") == (Ids{a, b, c}));
    BOOST_TEST(buscar(api, t, R"("estados":null)") == (Ids{a, b, c}));
    BOOST_TEST(buscar(api, t, R"("estadosTecnico":["PENDIENTE_VLAN","PENDIENTE_PPPoE"])") == (Ids{a}));
    BOOST_TEST(buscar(api, t, R"("estadosTecnico":["OK"])") == (Ids{b, c}));
    // AND of several criteria.
    BOOST_TEST(buscar(api, t, R"("clienteId":1,"tipo":"AVERIA","prioridad":"BAJA")") == (Ids{a}));
    BOOST_TEST(buscar(api, t, R"("clienteId":2,"tipo":"AVERIA")") == (Ids{}));
    // usuarioId is a usuario: 3 (atencion) is empleado 4, 7 (tecnico2) is empleado 8.
    BOOST_TEST(buscar(api, t, R"("usuarioId":3)") == (Ids{c}));
    BOOST_TEST(buscar(api, t, R"("usuarioId":7)") == (Ids{a}));
    BOOST_TEST(buscar(api, t, R"("usuarioId":2)") == (Ids{a, b}));
    // Soft-deleted pendientes never appear.
    BOOST_TEST_REQUIRE(api.del("/api/pendientes/" + std::to_string(c), api.token(kCoord)).status == 200);
    BOOST_TEST(buscar(api, t) == (Ids{a, b}));
}

BOOST_AUTO_TEST_CASE(usuario_desconocido_o_inactivo_devuelve_pagina_vacia) {
    Api api;
    const auto t = unico("Usr");
    crear_en(api, t);
    for (const char* usuario : {"424242", "8", "0"}) {
        auto r = filtrar(api, R"({"titulo":")" + t + R"(","usuarioId":)" + usuario + "}");
        BOOST_TEST_REQUIRE(r.status == 200, r.body);
        auto j = r.json();
        BOOST_TEST(j["data"]["content"].Size() == 0u);
        BOOST_TEST(j["data"]["totalElements"].GetInt() == 0);
        BOOST_TEST(j["data"]["totalPages"].GetInt() == 0);
        BOOST_TEST(j["data"]["empty"].GetBool());
    }
}

BOOST_AUTO_TEST_CASE(fecha_pendiente_con_hora_es_al_segundo_y_sin_hora_todo_el_dia) {
    Api api;
    const auto t = unico("Fecha");
    const auto temprano = crear_en(api, t + " 1", R"("fechaPendiente":"2032-05-06T00:00:00")");
    const auto tarde = crear_en(api, t + " 2", R"("fechaPendiente":"2032-05-06T23:59:59")");
    const auto otro_dia = crear_en(api, t + " 3", R"("fechaPendiente":"2032-05-07T00:00:00")");
    crear_en(api, t + " 4");  // no fechaPendiente
    BOOST_TEST(buscar(api, t, R"("fechaPendiente":"2032-05-06")") == (Ids{temprano, tarde}));
    BOOST_TEST(buscar(api, t, R"("fechaPendiente":"2032-05-07")") == (Ids{otro_dia}));
    BOOST_TEST(buscar(api, t, R"("fechaPendiente":"2032-05-06T23:59:59")") == (Ids{tarde}));
    BOOST_TEST(buscar(api, t, R"("fechaPendiente":"2032-05-06T23:59:59.999")") == (Ids{tarde}));
    BOOST_TEST(buscar(api, t, R"("fechaPendiente":"2032-05-06T00:00")") == (Ids{temprano}));
    BOOST_TEST(buscar(api, t, R"("fechaPendiente":"2032-05-06T00:00:01")") == (Ids{}));
    for (const char* malo : {R"("06/05/2032")", R"("2032-05-06 00:00:00")", R"("2032-05-06T00:00:00Z")",
                             R"("2032-02-30")", R"(20320506)", R"(true)"}) {
        auto r = filtrar(api, std::string(R"({"fechaPendiente":)") + malo + "}");
        expect_error(r, 400, "VALIDACION");
        BOOST_TEST(field_of_first_error(r) == "fechaPendiente");
    }
}

BOOST_AUTO_TEST_CASE(titulo_trata_porcentaje_guion_bajo_y_barra_como_literales) {
    Api api;
    const auto t = unico("Lit");
    // JSON "\\" is one backslash.
    const auto con_todo = crear_en(api, t + R"( 100% _x\\y)");
    // Would match the first search below if % and _ were wildcards.
    const auto parecido = crear_en(api, t + R"( 1000 axy)");
    const auto porcentaje = crear_en(api, t + "%fin");
    const auto letra = crear_en(api, t + "Xfin");
    const auto guion = crear_en(api, t + "_fin");
    const auto barra = crear_en(api, t + R"(\\fin)");
    BOOST_TEST(ids(filtrar(api, R"({"titulo":")" + t + R"( 100% _x\\y"})")) == (Ids{con_todo}));
    BOOST_TEST(buscar(api, t + "%") == (Ids{porcentaje}));
    BOOST_TEST(buscar(api, t + "_") == (Ids{guion}));
    BOOST_TEST(buscar(api, t + R"(\\)") == (Ids{barra}));
    BOOST_TEST(buscar(api, t + "X") == (Ids{letra}));

    // The spec's example: "0% _x\" matches "100% _x\y"; "%" alone matches only texts holding a %.
    auto con_pct = ids(filtrar(api, R"({"titulo":"0% _x\\"})", "?size=1000"));
    BOOST_TEST((std::find(con_pct.begin(), con_pct.end(), con_todo) != con_pct.end()));
    BOOST_TEST((std::find(con_pct.begin(), con_pct.end(), parecido) == con_pct.end()));
    auto r = filtrar(api, R"({"titulo":"%"})", "?size=1000");
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    auto j = r.json();
    bool vio_porcentaje = false;
    for (const auto& p : j["data"]["content"].GetArray()) {
        std::string texto = std::string(p["direccion"].IsNull() ? "" : p["direccion"].GetString()) + "|" +
                            p["cliente"].GetString() + "|" + (p["codCliente"].IsNull() ? "" : p["codCliente"].GetString());
        BOOST_TEST(texto.find('%') != std::string::npos, texto);
        if (p["id"].GetInt64() == porcentaje) vio_porcentaje = true;
        BOOST_TEST(p["id"].GetInt64() != letra);
    }
    BOOST_TEST(vio_porcentaje);
}

BOOST_AUTO_TEST_CASE(titulo_ignora_mayusculas_y_busca_en_nombre_y_codigo_del_cliente) {
    Api api;
    const auto t = unico("mayus");
    const auto p = crear_en(api, t + " abc");
    std::string upper = t;
    for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    BOOST_TEST(buscar(api, upper + " ABC") == (Ids{p}));

    const auto nombre = unico("Clientela ");
    const auto codigo = unico("COD-");
    auto cli = api.post("/api/clientes",
                        R"({"nombre":")" + nombre + R"(","tipoCliente":"PERSONA","tipoDocumento":"OTRO","numeroDocumento":"X1","codigoCliente":")" +
                            codigo + "\"}",
                        api.token(kCoord));
    BOOST_TEST_REQUIRE(cli.status == 200, cli.body);
    const auto cliente_id = cli.json()["data"]["id"].GetInt64();
    const auto q = crear(api, R"({"lugar":"PUNO","prioridad":"MEDIA","tipo":"AVERIA","clienteId":)" +
                                  std::to_string(cliente_id) + "}");
    std::string nombre_lower = nombre;
    for (auto& ch : nombre_lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    BOOST_TEST(buscar(api, nombre_lower) == (Ids{q}));
    BOOST_TEST(buscar(api, codigo.substr(2)) == (Ids{q}));
}

// The word suffixes that find titulo's candidates (migration 011) are kept by triggers: they
// follow a new direccion, a renamed cliente and a soft delete, whoever writes the row.
BOOST_AUTO_TEST_CASE(titulo_sigue_los_cambios_de_direccion_cliente_y_borrado) {
    Api api;
    Db db;
    const auto t = unico("Sigue");
    const auto nueva = unico("Nueva");
    const auto p = crear_en(api, "Jr. " + t + " 120");
    const auto otro = crear_en(api, t + "x");
    BOOST_TEST(buscar(api, t) == (Ids{p, otro}));
    db.connection().statement("UPDATE pendientes SET direccion = ? WHERE id = ?").bind("Av. " + nueva).bind(p).update();
    BOOST_TEST(buscar(api, t) == (Ids{otro}));
    BOOST_TEST(buscar(api, nueva.substr(3)) == (Ids{p}));
    BOOST_TEST(buscar(api, "Av. " + nueva) == (Ids{p}));

    auto borrado = api.del("/api/pendientes/" + std::to_string(otro), api.token(kCoord));
    BOOST_TEST_REQUIRE(borrado.status == 200, borrado.body);
    auto r = filtrar(api, R"({"titulo":")" + t + "\"}");
    BOOST_TEST(ids(r) == (Ids{}));
    BOOST_TEST(r.json()["data"]["totalElements"].GetInt() == 0);

    const auto antes = unico("Antes");
    const auto despues = unico("Despues");
    auto cli = api.post("/api/clientes",
                        R"({"nombre":"Sra )" + antes + R"(","tipoCliente":"PERSONA","tipoDocumento":"OTRO","numeroDocumento":"X2",)"
                            R"("codigoCliente":")" + unico("SIG-") + "\"}",
                        api.token(kCoord));
    BOOST_TEST_REQUIRE(cli.status == 200, cli.body);
    const auto cliente_id = cli.json()["data"]["id"].GetInt64();
    const auto q = crear(api, R"({"lugar":"PUNO","prioridad":"MEDIA","tipo":"AVERIA","clienteId":)" +
                                  std::to_string(cliente_id) + "}");
    BOOST_TEST(buscar(api, antes) == (Ids{q}));
    auto renombrado = api.put("/api/clientes/" + std::to_string(cliente_id), api.token(kCoord),
                              R"({"nombre":"Sra )" + despues + "\"}");
    BOOST_TEST_REQUIRE(renombrado.status == 200, renombrado.body);
    BOOST_TEST(buscar(api, antes) == (Ids{}));
    BOOST_TEST(buscar(api, "Sra " + despues) == (Ids{q}));
}

// A sort no index serves reads the candidates of the suffix ranges and sorts them; the rows
// and the total are those of the LIKE, with or without spaces in the text.
BOOST_AUTO_TEST_CASE(titulo_con_orden_sin_indice_da_las_mismas_filas) {
    Api api;
    Db db;
    const auto t = unico("Orden");
    const auto a = crear_en(api, "Calle " + t + " 5");
    const auto b = crear_en(api, "Calle " + t + " 7");
    const auto c = crear_en(api, "Jr. " + t + " 5");
    ejecutar(db, "UPDATE pendientes SET estado = 'ASIGNADO', asignado_a = 7 WHERE id = ?", a);
    // By the estado's name, ties by id in the same direction (§7.3).
    BOOST_TEST(buscar(api, t, "", "?sort=estado,asc") == (Ids{a, b, c}));
    BOOST_TEST(buscar(api, t, R"("estados":["REGISTRADO"])", "?sort=estado,asc") == (Ids{b, c}));
    auto r = filtrar(api, R"({"titulo":"Calle )" + t + R"("})", "?sort=prioridad,asc&size=1");
    BOOST_TEST(ids(r) == (Ids{a}));
    BOOST_TEST(r.json()["data"]["totalElements"].GetInt() == 2);
    BOOST_TEST(buscar(api, t + " 5", "", "?sort=lugar,desc") == (Ids{c, a}));
}

BOOST_AUTO_TEST_CASE(titulo_en_blanco_no_es_criterio_y_largo_es_400) {
    Api api;
    crear_en(api, unico("Blanco"));
    auto blanco = filtrar(api, R"({"titulo":"   "})");
    BOOST_TEST_REQUIRE(blanco.status == 200, blanco.body);
    BOOST_TEST(blanco.json()["data"]["totalElements"].GetInt() >= 1);
    BOOST_TEST(filtrar(api, R"({"titulo":""})").json()["data"]["totalElements"].GetInt() >= 1);
    auto largo = filtrar(api, R"({"titulo":")" + std::string(201, 'a') + "\"}");
    expect_error(largo, 400, "VALIDACION");
    BOOST_TEST(std::string(largo.json()["errors"][0]["code"].GetString()) == "LONGITUD_MAXIMA");
    BOOST_TEST(filtrar(api, R"({"titulo":")" + std::string(200, 'a') + "\"}").status == 200);
}

BOOST_AUTO_TEST_CASE(criterios_invalidos_son_400_y_se_informan_juntos) {
    Api api;
    auto r = filtrar(api, R"({"clienteId":-1,"estados":["REGISTRADO","NOPE"],"tipo":"averia","asignadoAId":1.5})", "?page=-1");
    expect_error(r, 400, "VALIDACION");
    auto j = r.json();
    std::string campos;
    for (const auto& e : j["errors"].GetArray()) campos += std::string(e["field"].GetString()) + " ";
    for (const char* campo : {"clienteId", "estados[1]", "tipo", "asignadoAId", "page"})
        BOOST_TEST(campos.find(campo) != std::string::npos, campos);
    expect_error(filtrar(api, R"({"estados":"REGISTRADO"})"), 400, "VALIDACION");
    expect_error(filtrar(api, R"({"usuarioId":"abc"})"), 400, "VALIDACION");
    expect_error(filtrar(api, R"({bad)"), 400, "JSON_INVALIDO");
    expect_error(filtrar(api, R"([])"), 400, "JSON_INVALIDO");
}

BOOST_AUTO_TEST_CASE(ordena_por_campo_permitido_asc_desc_y_empates_por_id) {
    Api api;
    const auto t = unico("Ord");
    const auto baja = crear(api, R"({"lugar":"PUNO","prioridad":"BAJA","tipo":"AVERIA","clienteId":1,"direccion":")" + t + "\"}");
    const auto urgente = crear(api, R"({"lugar":"PUNO","prioridad":"URGENTE","tipo":"AVERIA","clienteId":1,"direccion":")" + t + "\"}");
    const auto muy = crear(api, R"({"lugar":"PUNO","prioridad":"MUY_URGENTE","tipo":"AVERIA","clienteId":1,"direccion":")" + t + "\"}");
    const auto media1 = crear(api, R"({"lugar":"PUNO","prioridad":"MEDIA","tipo":"AVERIA","clienteId":1,"direccion":")" + t + "\"}");
    const auto media2 = crear(api, R"({"lugar":"PUNO","prioridad":"MEDIA","tipo":"AVERIA","clienteId":1,"direccion":")" + t + "\"}");
    // Enum names sort as text: BAJA < MEDIA < MUY_URGENTE < URGENTE; ties by id in the same direction.
    const Ids asc{baja, media1, media2, muy, urgente};
    const Ids desc{urgente, muy, media2, media1, baja};
    BOOST_TEST(buscar(api, t, "", "?sort=prioridad,asc") == asc);
    BOOST_TEST(buscar(api, t, "", "?sort=prioridad,ASC") == asc);
    BOOST_TEST(buscar(api, t, "", "?sort=prioridad,Asc,ignorado") == asc);
    BOOST_TEST(buscar(api, t, "", "?sort=prioridad,desc") == desc);
    BOOST_TEST(buscar(api, t, "", "?sort=prioridad") == desc);
    BOOST_TEST(buscar(api, t, "", "?sort=prioridad,ascending") == desc);
    BOOST_TEST(buscar(api, t, "", "?sort=id,asc") == (Ids{baja, urgente, muy, media1, media2}));
    BOOST_TEST(buscar(api, t, "", "?sort=id") == (Ids{media2, media1, muy, urgente, baja}));
    // Default fechaCreacion desc; rows created within one second tie and fall back to id desc.
    auto por_defecto = buscar(api, t, "", "");
    BOOST_TEST(por_defecto.size() == 5u);
    BOOST_TEST(por_defecto.front() == media2);
    for (const char* campo : {"fechaCreacion", "fechaPendiente", "estado", "estadoTecnico", "tipo", "lugar", "empresa",
                              "direccion"})
        BOOST_TEST(buscar(api, t, "", std::string("?sort=") + campo + ",asc").size() == 5u);
}

BOOST_AUTO_TEST_CASE(sort_fuera_de_la_lista_blanca_es_400) {
    Api api;
    for (const char* sort : {"Prioridad", "foo", "p.id", "fecha_creacion", "", ",asc", "id%3B%20DROP%20TABLE%20pendientes",
                             "prioridad%20", "estado,asc;"}) {
        auto r = filtrar(api, "{}", std::string("?sort=") + sort);
        if (std::string(sort) == "estado,asc;") {  // the field is fine; the direction is just not "asc"
            BOOST_TEST(r.status == 200, r.body);
            continue;
        }
        expect_error(r, 400, "VALIDACION");
        BOOST_TEST(field_of_first_error(r) == "sort", sort);
    }
}

BOOST_AUTO_TEST_CASE(nulos_van_primero_en_asc_y_ultimos_en_desc) {
    Api api;
    const auto t = unico("Nul");
    const auto sin_fecha = crear_en(api, t);
    const auto temprano = crear_en(api, t, R"("fechaPendiente":"2030-01-01T10:00:00","empresa":"WINEX")");
    const auto tarde = crear_en(api, t, R"("fechaPendiente":"2030-01-02T10:00:00","empresa":"SIMAX")");
    const auto sin_fecha2 = crear_en(api, t);
    BOOST_TEST(buscar(api, t, "", "?sort=fechaPendiente,asc") == (Ids{sin_fecha, sin_fecha2, temprano, tarde}));
    BOOST_TEST(buscar(api, t, "", "?sort=fechaPendiente,desc") == (Ids{tarde, temprano, sin_fecha2, sin_fecha}));
    BOOST_TEST(buscar(api, t, "", "?sort=empresa,asc") == (Ids{sin_fecha, sin_fecha2, tarde, temprano}));
    BOOST_TEST(buscar(api, t, "", "?sort=empresa,desc") == (Ids{temprano, tarde, sin_fecha2, sin_fecha}));
}

BOOST_AUTO_TEST_CASE(page_y_size_se_validan_y_size_se_limita) {
    Api api;
    for (const char* q : {"?page=-1", "?page=abc", "?page=1.5", "?size=0", "?size=-3", "?size=x", "?page=99999999999"}) {
        auto r = filtrar(api, "{}", q);
        expect_error(r, 400, "VALIDACION");
    }
    BOOST_TEST(field_of_first_error(filtrar(api, "{}", "?size=0")) == "size");
    BOOST_TEST(field_of_first_error(filtrar(api, "{}", "?page=-1")) == "page");
    auto grande = filtrar(api, "{}", "?size=5000");
    BOOST_TEST_REQUIRE(grande.status == 200, grande.body);
    auto j = grande.json();
    BOOST_TEST(j["data"]["size"].GetInt() == 1000);
    BOOST_TEST(j["data"]["pageable"]["pageSize"].GetInt() == 1000);
}

BOOST_AUTO_TEST_CASE(pagina_mas_alla_del_final_devuelve_totales_reales) {
    Api api;
    const auto t = unico("Pag");
    const auto p1 = crear_en(api, t);
    const auto p2 = crear_en(api, t);
    const auto p3 = crear_en(api, t);
    BOOST_TEST(buscar(api, t, "", "?sort=id,asc&size=2&page=0") == (Ids{p1, p2}));

    auto ultima = filtrar(api, R"({"titulo":")" + t + "\"}", "?sort=id,asc&size=2&page=1");
    BOOST_TEST(ids(ultima) == (Ids{p3}));
    auto u = ultima.json();
    BOOST_TEST(u["data"]["first"].GetBool() == false);
    BOOST_TEST(u["data"]["last"].GetBool() == true);
    BOOST_TEST(u["data"]["numberOfElements"].GetInt() == 1);

    auto r = filtrar(api, R"({"titulo":")" + t + "\"}", "?size=2&page=5");
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    auto j = r.json();
    const auto& d = j["data"];
    BOOST_TEST(d["content"].Size() == 0u);
    BOOST_TEST(d["totalElements"].GetInt() == 3);
    BOOST_TEST(d["totalPages"].GetInt() == 2);
    BOOST_TEST(d["number"].GetInt() == 5);
    BOOST_TEST(d["size"].GetInt() == 2);
    BOOST_TEST(d["numberOfElements"].GetInt() == 0);
    BOOST_TEST(d["first"].GetBool() == false);
    BOOST_TEST(d["last"].GetBool() == true);
    BOOST_TEST(d["empty"].GetBool() == true);
    BOOST_TEST(d["pageable"]["pageNumber"].GetInt() == 5);
    BOOST_TEST(d["pageable"]["pageSize"].GetInt() == 2);
    BOOST_TEST(d["pageable"]["offset"].GetInt() == 10);
    BOOST_TEST(d["pageable"]["paged"].GetBool() == true);
    BOOST_TEST(d["pageable"]["unpaged"].GetBool() == false);
    BOOST_TEST(d["sort"]["sorted"].GetBool() == true);
    BOOST_TEST(d["sort"]["unsorted"].GetBool() == false);
    BOOST_TEST(d.MemberCount() == 11u);
}

BOOST_AUTO_TEST_CASE(la_respuesta_trae_pendientes_completos) {
    Api api;
    const auto t = unico("Forma");
    const auto id = crear_en(api, t, R"("empresa":"OTRO")");
    auto r = filtrar(api, R"({"titulo":")" + t + "\"}");
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    auto j = r.json();
    const auto& p = j["data"]["content"][0];
    BOOST_TEST(p["id"].GetInt64() == id);
    BOOST_TEST(p.MemberCount() == 19u);
    BOOST_TEST(std::string(p["registradoPor"].GetString()) == "Carmen Coordinadora");
    BOOST_TEST(std::string(p["cliente"].GetString()) == "Cliente Demo Núñez");
    BOOST_TEST(std::string(p["empresa"].GetString()) == "OTRO");
    BOOST_TEST(p["tieneDetalle"].GetBool() == false);
}

BOOST_AUTO_TEST_CASE(tecnico_solo_ve_los_suyos) {
    Api api;
    Db db;
    const auto t = unico("Tec");
    const auto suyo = crear_en(api, t);
    const auto en_progreso = crear_en(api, t);
    const auto ajeno = crear_en(api, t);
    const auto cerrado_ajeno = crear_en(api, t);
    ejecutar(db, "UPDATE pendientes SET asignado_a = 7, estado = 'ASIGNADO' WHERE id = ?", suyo);
    ejecutar(db, "UPDATE pendientes SET asignado_a = 7, estado = 'EN_PROGRESO' WHERE id = ?", en_progreso);
    ejecutar(db, "UPDATE pendientes SET asignado_a = 8 WHERE id = ?", ajeno);
    ejecutar(db, "UPDATE pendientes SET estado = 'FINALIZADO' WHERE id = ?", cerrado_ajeno);
    BOOST_TEST(buscar(api, t, "", "?sort=id,asc", kTecnico1) == (Ids{suyo, en_progreso}));
    BOOST_TEST(buscar(api, t, R"("estados":["EN_PROGRESO","PAUSADO"])", "?sort=id,asc", kTecnico1) == (Ids{en_progreso}));
    BOOST_TEST(buscar(api, t, R"("asignadoAId":8)", "?sort=id,asc", kTecnico1) == (Ids{}));
    BOOST_TEST(buscar(api, t, "", "?sort=id,asc", kTecnico2) == (Ids{ajeno}));
    // usuarioId 6 (tecnico1) from the dispatcher: the same rows, through the same index path.
    BOOST_TEST(buscar(api, t, R"("usuarioId":6)") == (Ids{suyo, en_progreso}));
    auto r = filtrar(api, R"({"titulo":")" + t + "\"}", "?size=1", kTecnico1);
    BOOST_TEST(r.json()["data"]["totalElements"].GetInt() == 2);
    BOOST_TEST(r.json()["data"]["totalPages"].GetInt() == 2);
}

BOOST_AUTO_TEST_CASE(asesor_ve_los_suyos_y_los_finalizados_o_cancelados) {
    Api api;
    Db db;
    const auto t = unico("Ase");
    const auto suyo = crear(api, R"({"lugar":"PUNO","prioridad":"MEDIA","tipo":"AVERIA","clienteId":1,"direccion":")" + t + "\"}",
                            kAsesor);
    const auto ajeno = crear_en(api, t);
    const auto finalizado = crear_en(api, t);
    const auto cancelado = crear_en(api, t);
    const auto por_validar = crear_en(api, t);
    ejecutar(db, "UPDATE pendientes SET estado = 'FINALIZADO' WHERE id = ?", finalizado);
    ejecutar(db, "UPDATE pendientes SET estado = 'CANCELADO' WHERE id = ?", cancelado);
    ejecutar(db, "UPDATE pendientes SET estado = 'POR_VALIDAR' WHERE id = ?", por_validar);
    BOOST_TEST(buscar(api, t, "", "?sort=id,asc", kAsesor) == (Ids{suyo, finalizado, cancelado}));
    BOOST_TEST(buscar(api, t, R"("estados":["CANCELADO","REGISTRADO"])", "?sort=id,asc", kAsesor) == (Ids{suyo, cancelado}));
    // Contabilidad holds VER_TODOS: everything.
    BOOST_TEST(buscar(api, t, "", "?sort=id,asc", kConta) == (Ids{suyo, ajeno, finalizado, cancelado, por_validar}));
}

BOOST_AUTO_TEST_CASE(sin_bits_de_lectura_es_403) {
    Api api;
    expect_error(filtrar(api, "{}", "", kSinPermisos), 403, "SIN_PERMISO");
    // Permission before syntax (§1.2): a bad sort does not turn the 403 into a 400.
    expect_error(filtrar(api, "{bad", "?sort=nope", kSinPermisos), 403, "SIN_PERMISO");
    expect_error(api.post("/api/pendientes/filtrar", "{}"), 401, "NO_AUTENTICADO");
}
