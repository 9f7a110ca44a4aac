#define BOOST_TEST_MODULE integration_usuarios
#include <boost/test/unit_test.hpp>

#include <string>

#include "support/stack.hpp"
#include "transiciones_fixture.hpp"

using namespace pendientes::test;

namespace {

std::string usuario_json(const std::string& clave, const std::string& password, const std::string& rol,
                         std::int64_t empleado, const std::string& extra = "") {
    return R"({"nombre":")" + clave + R"(","dni":")" + clave + R"(","email":")" + clave + R"(@pendientes.test","password":")" +
           password + R"(","idRol":")" + rol + R"(","empleadoId":)" + std::to_string(empleado) + extra + "}";
}

HttpResponse login_raw(Api& api, const std::string& dni, const std::string& password) {
    return api.post("/auth", R"({"dni":")" + dni + R"(","password":")" + password + "\"}");
}

}  // namespace

// ---- usuarios (§11.3) ----

BOOST_AUTO_TEST_CASE(crear_usuario_devuelve_la_cuenta_sin_contrasena_y_permite_entrar) {
    Api api;
    auto clave = unico("u");
    auto empleado = crear_empleado(api, "Ulises");
    auto r = api.post("/api/usuarios", usuario_json(clave, "Secreta#2026", "TECN", empleado), api.token(kAdmin));
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(r.body.find("Secreta") == std::string::npos);
    BOOST_TEST(r.body.find("$2") == std::string::npos);
    BOOST_TEST(r.body.find("password") == std::string::npos);
    auto j = r.json();
    const auto& d = j["data"];
    BOOST_TEST(std::string(d["nombre"].GetString()) == clave);
    BOOST_TEST(std::string(d["dni"].GetString()) == clave);
    BOOST_TEST(d["activo"].GetBool());
    BOOST_TEST(d["vigente"].GetBool());
    BOOST_TEST(std::string(d["rol"]["id"].GetString()) == "TECN");
    BOOST_TEST(d["rol"]["permisos"].GetInt() == 2020);
    BOOST_TEST(d["empleado"]["id"].GetInt64() == empleado);

    auto l = login_raw(api, clave, "Secreta#2026");
    BOOST_TEST_REQUIRE(l.status == 200, l.body);
    BOOST_TEST(l.json()["data"]["empleadoId"].GetInt64() == empleado);
    // The stored hash is bcrypt, cost 10 (§2.6).
    Db db;
    auto hash = db.text("SELECT password_hash FROM usuarios WHERE id = ?", d["id"].GetInt64());
    BOOST_TEST(hash->rfind("$2", 0) == 0);
    BOOST_TEST(hash->substr(3, 4) == "$10$");
}

BOOST_AUTO_TEST_CASE(crear_usuario_valida_campos_y_contrasena_de_1_a_72_bytes) {
    Api api;
    auto admin = api.token(kAdmin);
    auto r = api.post("/api/usuarios", R"({"password":""})", admin);
    expect_error(r, 400, "VALIDACION");
    BOOST_TEST(r.json()["errors"].Size() == 6u);  // nombre, dni, email, password, idRol, empleadoId

    auto empleado = crear_empleado(api);
    auto largo = api.post("/api/usuarios", usuario_json(unico("u"), std::string(73, 'p'), "TECN", empleado), admin);
    expect_error(largo, 400, "VALIDACION");
    BOOST_TEST(std::string(largo.json()["errors"][0]["field"].GetString()) == "password");
    BOOST_TEST(largo.json()["errors"][0]["rejectedValue"].IsNull());
    // 37 × "ñ" is 37 code points but 74 bytes.
    std::string enies;
    for (int i = 0; i < 37; ++i) enies += "ñ";
    expect_error(api.post("/api/usuarios", usuario_json(unico("u"), enies, "TECN", empleado), admin), 400, "VALIDACION");
    auto justo = unico("u");
    BOOST_TEST_REQUIRE(api.post("/api/usuarios", usuario_json(justo, std::string(72, 'p'), "TECN", empleado), admin).status ==
                       200);
    BOOST_TEST(login_raw(api, justo, std::string(72, 'p')).status == 200);
}

BOOST_AUTO_TEST_CASE(crear_usuario_con_rol_o_empleado_inexistente_es_404) {
    Api api;
    auto admin = api.token(kAdmin);
    auto empleado = crear_empleado(api);
    expect_error(api.post("/api/usuarios", usuario_json(unico("u"), "Clave#1", "NOEXISTE", empleado), admin), 404,
                 "NO_ENCONTRADO");
    expect_error(api.post("/api/usuarios", usuario_json(unico("u"), "Clave#1", "TECN", 424242), admin), 404,
                 "NO_ENCONTRADO");
    expect_error(api.post("/api/usuarios", usuario_json(unico("u"), "Clave#1", "TECN", empleado_dado_de_baja(api)), admin), 404,
                 "NO_ENCONTRADO");
}

BOOST_AUTO_TEST_CASE(crear_usuario_duplicado_es_409) {
    Api api;
    Db db;
    auto admin = api.token(kAdmin);
    auto antes = db.count("SELECT COUNT(*) FROM usuarios");
    // empleado 3 is linked to the vigente coordinator.
    expect_error(api.post("/api/usuarios", usuario_json(unico("u"), "Clave#1", "TECN", 3), admin), 409, "DUPLICADO");
    auto e1 = crear_empleado(api);
    auto e2 = crear_empleado(api);
    auto clave = unico("u");
    BOOST_TEST_REQUIRE(api.post("/api/usuarios", usuario_json(clave, "Clave#1", "TECN", e1), admin).status == 200);
    auto otro = unico("u");
    for (const auto& body :
         {R"({"nombre":")" + clave + R"(","dni":")" + otro + R"(","email":")" + otro +
              R"(@x.test","password":"Clave#1","idRol":"TECN","empleadoId":)" + std::to_string(e2) + "}",
          R"({"nombre":")" + otro + R"(","dni":")" + clave + R"(","email":")" + otro +
              R"(@x.test","password":"Clave#1","idRol":"TECN","empleadoId":)" + std::to_string(e2) + "}",
          R"({"nombre":")" + otro + R"(","dni":")" + otro + R"(","email":")" + clave +
              R"(@pendientes.test","password":"Clave#1","idRol":"TECN","empleadoId":)" + std::to_string(e2) + "}",
          usuario_json(otro, "Clave#1", "TECN", e1)}) {
        BOOST_TEST_CONTEXT(body) { expect_error(api.post("/api/usuarios", body, admin), 409, "DUPLICADO"); }
    }
    BOOST_TEST(db.count("SELECT COUNT(*) FROM usuarios") == antes + 1);
}

BOOST_AUTO_TEST_CASE(obtener_usuario_solo_administrador_o_uno_mismo) {
    Api api;
    auto r = api.get("/api/usuarios/6", api.token(kTecnico1));
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(std::string(r.json()["data"]["nombre"].GetString()) == "tecnico1");
    expect_error(api.get("/api/usuarios/7", api.token(kTecnico1)), 403, "SIN_PERMISO");
    expect_error(api.get("/api/usuarios/abc", api.token(kTecnico1)), 403, "SIN_PERMISO");
    expect_error(api.get("/api/usuarios/abc", api.token(kAdmin)), 400, "VALIDACION");
    expect_error(api.get("/api/usuarios/999999", api.token(kAdmin)), 404, "NO_ENCONTRADO");
    BOOST_TEST(api.get("/api/usuarios/7", api.token(kAdmin)).status == 200);
    auto yo = api.get("/api/usuarios/usuario", api.token(kSinPermisos));
    BOOST_TEST_REQUIRE(yo.status == 200, yo.body);
    BOOST_TEST(yo.json()["data"]["rol"]["permisos"].GetInt() == 0);
}

BOOST_AUTO_TEST_CASE(listar_usuarios_es_solo_para_el_administrador) {
    Api api;
    expect_error(api.get("/api/usuarios", api.token(kCoord)), 403, "SIN_PERMISO");
    auto r = api.get("/api/usuarios", api.token(kAdmin));
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(r.body.find("password") == std::string::npos);
    auto j = r.json();
    BOOST_TEST(j["data"].IsArray());
    BOOST_TEST(j["data"][0]["id"].GetInt64() == 1);
    for (const auto& u : j["data"].GetArray()) BOOST_TEST(u["vigente"].GetBool());  // inactivo (8) is left out
}

BOOST_AUTO_TEST_CASE(actualizar_usuario_es_parcial_y_password_en_blanco_no_cambia) {
    Api api;
    auto admin = api.token(kAdmin);
    auto u = crear_usuario(api, "TECN");
    auto path = "/api/usuarios/" + std::to_string(u.usuario_id);
    auto nuevo_email = unico("mail") + "@pendientes.test";
    auto r = api.put(path, admin, R"({"email":")" + nuevo_email + R"(","password":"  ","idRol":"ASES"})");
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(std::string(r.json()["data"]["email"].GetString()) == nuevo_email);
    BOOST_TEST(std::string(r.json()["data"]["dni"].GetString()) == u.dni);
    BOOST_TEST(std::string(r.json()["data"]["rol"]["id"].GetString()) == "ASES");
    BOOST_TEST(login_raw(api, u.dni, kClavePrueba).status == 200);

    BOOST_TEST_REQUIRE(api.put(path, admin, R"({"password":"Otra#2027"})").status == 200);
    expect_error(login_raw(api, u.dni, kClavePrueba), 401, "CREDENCIALES_INVALIDAS");
    BOOST_TEST(login_raw(api, u.dni, "Otra#2027").status == 200);

    expect_error(api.put(path, admin, R"({"password":")" + std::string(73, 'x') + "\"}"), 400, "VALIDACION");
    expect_error(api.put(path, admin, R"({"idRol":"NOEXISTE"})"), 404, "NO_ENCONTRADO");
    expect_error(api.put(path, admin, R"({"dni":"10000002"})"), 409, "DUPLICADO");
    expect_error(api.put(path, admin, R"({"empleadoId":3})"), 409, "DUPLICADO");
    expect_error(api.put("/api/usuarios/999999", admin, R"({"nombre":"x"})"), 404, "NO_ENCONTRADO");
    expect_error(api.put(path, api.token(kCoord), R"({"nombre":"x"})"), 403, "SIN_PERMISO");
}

BOOST_AUTO_TEST_CASE(desactivar_usuario_revoca_sus_tokens_y_libera_el_empleado) {
    Api api;
    auto admin = api.token(kAdmin);
    auto u = crear_usuario(api, "TECN");
    auto token = login(api, u);
    BOOST_TEST_REQUIRE(api.get("/api/usuarios/usuario", token).status == 200);

    auto path = "/api/usuarios/" + std::to_string(u.usuario_id);
    auto d = api.del(path, admin);
    BOOST_TEST_REQUIRE(d.status == 200, d.body);
    BOOST_TEST(d.json()["data"].IsNull());

    auto r = api.get("/api/usuarios/usuario", token);
    expect_error(r, 401, "USUARIO_INACTIVO");
    BOOST_TEST(r.header("www-authenticate").rfind("Bearer", 0) == 0);
    expect_error(api.get("/api/pendientes/filtros", token), 401, "USUARIO_INACTIVO");
    expect_error(login_raw(api, u.dni, kClavePrueba), 401, "USUARIO_INACTIVO");
    expect_error(api.get(path, admin), 404, "NO_ENCONTRADO");
    expect_error(api.del(path, admin), 404, "NO_ENCONTRADO");
    // The empleado may be linked to a new account.
    BOOST_TEST(api.post("/api/usuarios", usuario_json(unico("u"), "Clave#1", "TECN", u.empleado_id), admin).status == 200);
}

// ---- roles (§11.3) ----

BOOST_AUTO_TEST_CASE(roles_se_listan_para_cualquier_usuario) {
    Api api;
    auto r = api.get("/api/usuarios/roles", api.token(kSinPermisos));
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    bool admn = false;
    const auto doc = r.json();  // the range below borrows from it
    for (const auto& rol : doc["data"].GetArray()) {
        if (std::string(rol["id"].GetString()) == "ADMN") {
            admn = true;
            BOOST_TEST(rol["permisos"].GetInt() == 16383);
            BOOST_TEST(std::string(rol["nombre"].GetString()) == "Administrador");
            BOOST_TEST(rol.HasMember("descripcion"));
        }
    }
    BOOST_TEST(admn);
}

BOOST_AUTO_TEST_CASE(crear_rol_valida_id_nombre_y_permisos) {
    Api api;
    auto admin = api.token(kAdmin);
    auto id = unico("Rol-");
    auto r = api.post("/api/usuarios/roles",
                      R"({"id":")" + id + R"(","nombre":")" + id + R"(","descripcion":"Prueba","permisos":16383})", admin);
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(std::string(r.json()["data"]["id"].GetString()) == id);
    BOOST_TEST(r.json()["data"]["permisos"].GetInt() == 16383);
    BOOST_TEST(std::string(r.json()["data"]["descripcion"].GetString()) == "Prueba");

    expect_error(api.post("/api/usuarios/roles", R"({"id":")" + id + R"(","nombre":")" + unico("n") + "\"}", admin), 409,
                 "DUPLICADO");
    expect_error(api.post("/api/usuarios/roles", R"({"id":")" + unico("R") + R"(","nombre":")" + id + "\"}", admin), 409,
                 "DUPLICADO");
    for (const std::string& body :
         {std::string(R"({"id":"con espacio","nombre":"a"})"), std::string(R"({"id":"ñandu","nombre":"a"})"),
          R"({"id":")" + std::string(51, 'A') + R"(","nombre":"a"})", std::string(R"({"id":"","nombre":"a"})"),
          std::string(R"({"id":"OKID","nombre":"a","permisos":16384})"),
          std::string(R"({"id":"OKID","nombre":"a","permisos":-1})"),
          std::string(R"({"id":"OKID","nombre":"a","permisos":1.5})"),
          R"({"id":"OKID","nombre":")" + std::string(101, 'n') + R"("})",
          R"({"id":"OKID","nombre":"a","descripcion":")" + std::string(201, 'd') + R"("})",
          std::string(R"({"id":"OKID"})")}) {
        BOOST_TEST_CONTEXT(body) { expect_error(api.post("/api/usuarios/roles", body, admin), 400, "VALIDACION"); }
    }
    expect_error(api.post("/api/usuarios/roles", R"({"id":"X","nombre":"x"})", api.token(kCoord)), 403, "SIN_PERMISO");
}

BOOST_AUTO_TEST_CASE(actualizar_rol_cambia_nombre_descripcion_y_permisos) {
    Api api;
    auto admin = api.token(kAdmin);
    auto id = crear_rol(api, 4);
    auto path = "/api/usuarios/roles/" + id;
    auto nombre = unico("Nombre ");
    auto r = api.put(path, admin, R"({"nombre":")" + nombre + R"(","descripcion":"Nueva","permisos":2052})");
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(std::string(r.json()["data"]["nombre"].GetString()) == nombre);
    BOOST_TEST(std::string(r.json()["data"]["descripcion"].GetString()) == "Nueva");
    BOOST_TEST(r.json()["data"]["permisos"].GetInt() == 2052);
    auto parcial = api.put(path, admin, R"({"permisos":0})");
    BOOST_TEST_REQUIRE(parcial.status == 200, parcial.body);
    BOOST_TEST(std::string(parcial.json()["data"]["nombre"].GetString()) == nombre);
    BOOST_TEST(parcial.json()["data"]["permisos"].GetInt() == 0);

    expect_error(api.put(path, admin, R"({"nombre":"Administrador"})"), 409, "DUPLICADO");
    expect_error(api.put(path, admin, R"({"permisos":20000})"), 400, "VALIDACION");
    expect_error(api.put(path, admin, R"({"id":"OTRO"})"), 400, "VALIDACION");
    expect_error(api.put("/api/usuarios/roles/NOEXISTE", admin, R"({"permisos":1})"), 404, "NO_ENCONTRADO");
    expect_error(api.put("/api/usuarios/roles/mal%20id", admin, R"({"permisos":1})"), 400, "VALIDACION");
}

BOOST_AUTO_TEST_CASE(eliminar_rol_con_usuarios_es_409_en_uso) {
    Api api;
    Db db;
    auto admin = api.token(kAdmin);
    expect_error(api.del("/api/usuarios/roles/TECN", admin), 409, "EN_USO");
    auto id = crear_rol(api, 0);
    auto u = crear_usuario(api, id);
    expect_error(api.del("/api/usuarios/roles/" + id, admin), 409, "EN_USO");
    // An inactive usuario still holds its rol.
    BOOST_TEST_REQUIRE(api.del("/api/usuarios/" + std::to_string(u.usuario_id), admin).status == 200);
    expect_error(api.del("/api/usuarios/roles/" + id, admin), 409, "EN_USO");

    auto libre = crear_rol(api, 0);
    auto d = api.del("/api/usuarios/roles/" + libre, admin);
    BOOST_TEST_REQUIRE(d.status == 200, d.body);
    BOOST_TEST(d.json()["data"].IsNull());
    expect_error(api.del("/api/usuarios/roles/" + libre, admin), 404, "NO_ENCONTRADO");
    BOOST_TEST(db.count("SELECT COUNT(*) FROM roles WHERE id = 'TECN'") == 1);
}
