#define BOOST_TEST_MODULE integration_roles_matrix
#include <boost/test/unit_test.hpp>

#include <map>
#include <string>
#include <vector>

#include "support/stack.hpp"
#include "transiciones_fixture.hpp"

using namespace pendientes::test;

namespace {

// The §3.5 roles as fixture accounts (§12.2).
struct Rol {
    const char* nombre;
    Cuenta cuenta;
};
const Rol kRoles[] = {{"ADMN", kAdmin},  {"CORD", kCoord}, {"ATAC", kAtencion},      {"ASES", kAsesor},
                      {"CONT", kConta}, {"TECN", kTecnico1}, {"SINP", kSinPermisos}};

// One endpoint class of §3.6, with a request that fails *after* the endpoint-level check
// (check 4) whenever the caller passes it: allowed callers never see 403, the others always do.
struct Clase {
    const char* descripcion;
    const char* method;
    const char* target;
    const char* body;  // nullptr: no body
    std::vector<std::string> permitidos;
};

const std::vector<std::string> kTodos{"ADMN", "CORD", "ATAC", "ASES", "CONT", "TECN", "SINP"};
const std::vector<std::string> kLectores{"ADMN", "CORD", "ATAC", "ASES", "CONT", "TECN"};  // 4, 8, 2048

const std::vector<Clase> kClases = {
    {"crear pendiente (1)", "POST", "/api/pendientes", "{}", {"ADMN", "CORD", "ATAC", "ASES"}},
    {"leer pendiente (4, 8, 2048)", "GET", "/api/pendientes/0", nullptr, kLectores},
    {"filtrar (4, 8, 2048)", "POST", "/api/pendientes/filtrar?page=-1", "{}", kLectores},
    {"filtros (cualquiera)", "GET", "/api/pendientes/filtros", nullptr, kTodos},
    {"cambiar estado (2, 16, 128, 256, 512, 1024, 8192)", "PUT", "/api/pendientes/0/estado?nuevoEstado=CANCELADO",
     nullptr, {"ADMN", "CORD", "CONT", "TECN"}},
    {"postergar (2, 16)", "PUT", "/api/pendientes/0/postergar", R"({"nuevaFecha":"2099-01-01T00:00:00"})",
     {"ADMN", "CORD"}},
    {"asignar (16)", "PUT", "/api/pendientes/0/asignar?idAsignado=7", nullptr, {"ADMN", "CORD"}},
    {"eliminar pendiente (2)", "DELETE", "/api/pendientes/0", nullptr, {"ADMN", "CORD"}},
    {"estado técnico (32, 64, 128)", "PUT", "/api/pendientes/0/estado-tecnico?nuevoEstado=OK", nullptr,
     {"ADMN", "CORD", "ATAC", "TECN"}},
    {"leer detalle (4, 8, 2048)", "GET", "/api/pendientes/0/traslado", nullptr, kLectores},
    {"crear detalle (1, 2)", "POST", "/api/pendientes/traslado", "{}", {"ADMN", "CORD", "ATAC", "ASES"}},
    {"actualizar detalle (2)", "PUT", "/api/pendientes/0/traslado", "{}", {"ADMN", "CORD"}},
    {"PPPoE (32)", "PUT", "/api/pendientes/0/traslado/ppoe", nullptr, {"ADMN", "CORD", "ATAC", "TECN"}},
    {"VLAN (64)", "PUT", "/api/pendientes/0/traslado/vlan", nullptr, {"ADMN", "CORD", "TECN"}},
    {"leer tiempos (4, 8, 2048)", "GET", "/api/pendientes/0/tiempos", nullptr, kLectores},
    {"crear tiempo (2, 128, 256, 512, 1024)", "POST", "/api/pendientes/tiempos", "{}", {"ADMN", "CORD", "TECN"}},
    {"leer historial (4, 8, 2048)", "GET", "/api/historiales/pendiente/0", nullptr, kLectores},
    {"crear historial (2, 2048)", "POST", "/api/historiales", "{}", {"ADMN", "CORD", "ATAC", "ASES", "CONT"}},
    {"listar clientes (cualquiera)", "GET", "/api/clientes", nullptr, kTodos},
    {"crear cliente (1, 2)", "POST", "/api/clientes", "{}", {"ADMN", "CORD", "ATAC", "ASES"}},
    {"actualizar cliente (1, 2)", "PUT", "/api/clientes/0", "{}", {"ADMN", "CORD", "ATAC", "ASES"}},
    {"eliminar cliente (2)", "DELETE", "/api/clientes/0", nullptr, {"ADMN", "CORD"}},
    {"listar empleados (cualquiera)", "GET", "/api/empleados", nullptr, kTodos},
    {"crear empleado (admin)", "POST", "/api/empleados", "{}", {"ADMN"}},
    {"actualizar empleado (admin)", "PUT", "/api/empleados/0", "{}", {"ADMN"}},
    {"eliminar empleado (admin)", "DELETE", "/api/empleados/0", nullptr, {"ADMN"}},
    {"listar cargos (cualquiera)", "GET", "/api/empleados/cargos", nullptr, kTodos},
    {"crear cargo (admin)", "POST", "/api/empleados/cargo", "{}", {"ADMN"}},
    {"eliminar cargo (admin)", "DELETE", "/api/empleados/cargo/0", nullptr, {"ADMN"}},
    {"usuario actual (cualquiera)", "GET", "/api/usuarios/usuario", nullptr, kTodos},
    {"listar usuarios (admin)", "GET", "/api/usuarios", nullptr, {"ADMN"}},
    {"crear usuario (admin)", "POST", "/api/usuarios", "{}", {"ADMN"}},
    {"actualizar usuario (admin)", "PUT", "/api/usuarios/0", "{}", {"ADMN"}},
    {"desactivar usuario (admin)", "DELETE", "/api/usuarios/0", nullptr, {"ADMN"}},
    {"listar roles (cualquiera)", "GET", "/api/usuarios/roles", nullptr, kTodos},
    {"crear rol (admin)", "POST", "/api/usuarios/roles", "{}", {"ADMN"}},
    {"eliminar rol (admin)", "DELETE", "/api/usuarios/roles/NOEXISTE", nullptr, {"ADMN"}},
};

bool contiene(const std::vector<std::string>& v, const std::string& x) {
    for (const auto& e : v)
        if (e == x) return true;
    return false;
}

HttpResponse enviar(Api& api, const Clase& c, const std::string& token) {
    Headers h{{"Authorization", "Bearer " + token}};
    std::optional<std::string> body;
    if (c.body) {
        h.emplace_back("Content-Type", "application/json");
        body = c.body;
    }
    return api.send(c.method, c.target, h, body);
}

}  // namespace

BOOST_AUTO_TEST_CASE(matriz_de_permisos_por_rol_y_clase_de_endpoint) {
    Api api;
    for (const auto& rol : kRoles) {
        auto token = api.token(rol.cuenta);
        for (const auto& c : kClases) {
            BOOST_TEST_CONTEXT(rol.nombre << " → " << c.descripcion) {
                auto r = enviar(api, c, token);
                if (contiene(c.permitidos, rol.nombre)) {
                    BOOST_TEST(r.status != 403, r.body);
                    BOOST_TEST(r.status < 500, r.body);
                } else {
                    expect_error(r, 403, "SIN_PERMISO");
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(rol_sin_bits_solo_accede_a_las_rutas_de_cualquier_usuario) {
    Api api;
    auto t = api.token(kSinPermisos);
    for (const char* path : {"/api/pendientes/filtros", "/api/clientes", "/api/clientes/1", "/api/empleados",
                             "/api/empleados/cargos", "/api/usuarios/usuario", "/api/usuarios/roles", "/api/usuarios/9"}) {
        BOOST_TEST_CONTEXT(path) { BOOST_TEST(api.get(path, t).status == 200); }
    }
    auto id = api.crear_pendiente("AVERIA");
    expect_error(api.get(ruta(id), t), 403, "SIN_PERMISO");
    expect_error(api.get("/api/historiales/pendiente/" + std::to_string(id), t), 403, "SIN_PERMISO");
    expect_error(put_estado(api, id, "CANCELADO", t), 403, "SIN_PERMISO");
}

BOOST_AUTO_TEST_CASE(tecnicos_solo_actuan_sobre_sus_pendientes_asignados) {
    Api api;
    Db db;
    auto id = pendiente_asignado(api, db, kTomas);
    auto t1 = api.token(kTecnico1);
    auto t2 = api.token(kTecnico2);
    // tecnico2 neither sees nor starts tecnico1's order.
    expect_error(api.get(ruta(id), t2), 403, "SIN_PERMISO");
    expect_error(put_estado(api, id, "EN_PROGRESO", t2), 403, "SIN_PERMISO");
    BOOST_TEST(filas_historial(db, id) == 2);
    // tecnico1 runs it: start, pause, continue, finish.
    for (auto e : {"EN_PROGRESO", "PAUSADO", "EN_PROGRESO", "REVISION"}) {
        BOOST_TEST_CONTEXT(e) {
            auto r = put_estado(api, id, e, t1);
            BOOST_TEST(r.status == 200, r.body);
        }
    }
    // REVISION → POR_VALIDAR through FINALIZAR_TRABAJO is still the technician's (§3.4).
    BOOST_TEST(put_estado(api, id, "POR_VALIDAR", t1).status == 200);
    // The technician may not validate (8192).
    expect_error(put_estado(api, id, "FINALIZADO", t1), 403, "SIN_PERMISO");
    expect_error(put_estado(api, id, "OBSERVADO", t1), 403, "SIN_PERMISO");
    // Contabilidad validates (CONT holds 8192 and VER_TODOS).
    BOOST_TEST(put_estado(api, id, "OBSERVADO", api.token(kConta)).status == 200);
    BOOST_TEST(put_estado(api, id, "POR_VALIDAR", t1).status == 200);  // edge 19 via 1024
    BOOST_TEST(put_estado(api, id, "FINALIZADO", api.token(kConta)).status == 200);
}

BOOST_AUTO_TEST_CASE(regla_del_tecnico_asignado_aunque_el_pendiente_sea_propio) {
    Api api;
    Db db;
    // A rol with VER_DETALLE + COMENZAR_TRABAJO whose empleado *registered* the order: the order
    // is own (writable) but the assigned technician is someone else, so §3.4 answers 403.
    auto u = crear_usuario(api, crear_rol(api, 4 | 128));
    auto id = api.crear_pendiente("TRASLADO", R"("registradoPorId":)" + std::to_string(u.empleado_id));
    crear_detalle(db, id);
    BOOST_TEST_REQUIRE(asignar(api, id, kTomas, api.token(kCoord)).status == 200);
    auto token = login(api, u);
    BOOST_TEST(api.get(ruta(id), token).status == 200);
    expect_error(put_estado(api, id, "EN_PROGRESO", token), 403, "SIN_PERMISO");
    // VER_TODOS exempts from §3.4: the administrator may start it.
    BOOST_TEST(put_estado(api, id, "EN_PROGRESO", api.token(kAdmin)).status == 200);
}

BOOST_AUTO_TEST_CASE(asesor_ve_el_historial_de_un_finalizado_ajeno_pero_no_lo_modifica) {
    Api api;
    Db db;
    auto abierto = api.crear_pendiente("AVERIA");
    auto asesor = api.token(kAsesor);
    expect_error(api.get(ruta(abierto), asesor), 403, "SIN_PERMISO");

    auto id = pendiente_en(api, db, "FINALIZADO");
    auto g = api.get(ruta(id), asesor);
    BOOST_TEST_REQUIRE(g.status == 200, g.body);
    BOOST_TEST(estado_de(g) == "FINALIZADO");
    BOOST_TEST(api.get("/api/historiales/pendiente/" + std::to_string(id), asesor).status == 200);
    BOOST_TEST(api.get(ruta(id, "/traslado"), asesor).status != 403);
    // Mutations need writable (§3.3), which VER_PENDIENTES_HISTORIAL never grants: a rol with
    // 2048 plus the mutation bits still gets 403 on someone else's finished order.
    auto u = crear_usuario(api, crear_rol(api, 2048 | 2 | 16 | 8192));
    auto historico = login(api, u);
    BOOST_TEST(api.get(ruta(id), historico).status == 200);
    expect_error(api.del(ruta(id), historico), 403, "SIN_PERMISO");
    expect_error(put_estado(api, id, "OBSERVADO", historico), 403, "SIN_PERMISO");
    expect_error(postergar(api, id, R"({"nuevaFecha":"2099-01-01T00:00:00"})", historico), 403, "SIN_PERMISO");
    BOOST_TEST(*db.text("SELECT estado FROM pendientes WHERE id = ?", id) == "FINALIZADO");
}

BOOST_AUTO_TEST_CASE(cambio_de_permisos_del_rol_surte_efecto_en_la_siguiente_peticion) {
    Api api;
    auto admin = api.token(kAdmin);
    auto rol = crear_rol(api, 0);
    auto u = crear_usuario(api, rol);
    auto token = login(api, u);
    auto id = api.crear_pendiente("AVERIA");
    expect_error(api.get(ruta(id), token), 403, "SIN_PERMISO");

    BOOST_TEST_REQUIRE(api.put("/api/usuarios/roles/" + rol, admin, R"({"permisos":8})").status == 200);
    BOOST_TEST(api.get(ruta(id), token).status == 200);  // same token, new rights
    BOOST_TEST(api.get("/api/usuarios/usuario", token).json()["data"]["rol"]["permisos"].GetInt() == 8);

    BOOST_TEST_REQUIRE(api.put("/api/usuarios/roles/" + rol, admin, R"({"permisos":0})").status == 200);
    expect_error(api.get(ruta(id), token), 403, "SIN_PERMISO");

    // Moving the usuario to another rol works the same way.
    BOOST_TEST_REQUIRE(
        api.put("/api/usuarios/" + std::to_string(u.usuario_id), admin, R"({"idRol":"CONT"})").status == 200);
    BOOST_TEST(api.get(ruta(id), token).status == 200);
    // And the administrator bit set grants administration on the next request.
    expect_error(api.get("/api/usuarios", token), 403, "SIN_PERMISO");
    BOOST_TEST_REQUIRE(
        api.put("/api/usuarios/" + std::to_string(u.usuario_id), admin, R"({"idRol":"ADMN"})").status == 200);
    BOOST_TEST(api.get("/api/usuarios", token).status == 200);
}

BOOST_AUTO_TEST_CASE(desactivar_usuario_revoca_sus_tokens_de_inmediato) {
    Api api;
    auto u = crear_usuario(api, "CORD");
    auto token = login(api, u);
    auto id = api.crear_pendiente("AVERIA");
    BOOST_TEST_REQUIRE(api.get(ruta(id), token).status == 200);
    BOOST_TEST_REQUIRE(api.del("/api/usuarios/" + std::to_string(u.usuario_id), api.token(kAdmin)).status == 200);
    expect_error(api.get(ruta(id), token), 401, "USUARIO_INACTIVO");
    expect_error(put_estado(api, id, "CANCELADO", token), 401, "USUARIO_INACTIVO");
    // The fixture's inactive usuario cannot log in either.
    expect_error(api.post("/auth", R"({"dni":"10000008","password":"Inactivo#2026"})"), 401, "USUARIO_INACTIVO");
}
