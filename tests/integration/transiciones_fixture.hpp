#pragma once
// Helpers shared by the transition, permission, historial and concurrency suites: orders in a
// given state, reached through the public API (the details row is written straight into the
// database so that these suites do not depend on the details endpoints, §6.5).
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "support/stack.hpp"

namespace pendientes::test {

inline constexpr std::int64_t kTomas = 7;   // empleado of tecnico1
inline constexpr std::int64_t kTeresa = 8;  // empleado of tecnico2

// A value no other run or suite uses (usuario nombre/dni/email, rol ids and nombres are unique).
inline std::string unico(const std::string& prefijo) {
    static std::atomic<int> n{0};
    auto t = std::chrono::duration_cast<std::chrono::microseconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
    return prefijo + std::to_string(t % 100000000000) + "_" + std::to_string(::getpid() % 100000) + "_" +
           std::to_string(n++);
}

// A fresh empleado (cargo 1) through the API; returns its id.
inline std::int64_t crear_empleado(Api& api, const std::string& nombre = "Prueba") {
    auto r = api.post("/api/empleados",
                      R"({"nombre":")" + nombre +
                          R"(","apellidoPaterno":"Prueba","apellidoMaterno":"","cargoId":1,"fechaIngreso":"2026-01-01"})",
                      api.token(kAdmin));
    BOOST_REQUIRE_MESSAGE(r.status == 200, "crear_empleado failed: " + r.body);
    return r.json()["data"]["id"].GetInt64();
}

// An empleado that existed and was deactivated (DELETE /api/empleados/{id}, a soft delete):
// references to it must answer 404 like a missing one. The fixture has no such empleado
// (§12.2: only usuario 8 is inactive; its empleado 9 is vigente).
inline std::int64_t empleado_dado_de_baja(Api& api) {
    const auto id = crear_empleado(api, "Baja");
    auto r = api.del("/api/empleados/" + std::to_string(id), api.token(kAdmin));
    BOOST_REQUIRE_MESSAGE(r.status == 200, "baja de empleado failed: " + r.body);
    return id;
}

// The pendiente row as another session holds it: SELECT … FOR UPDATE in an open transaction
// (§6.6), until soltar() or the end of scope. Mutations of that row wait for it.
class FilaBloqueada {
public:
    explicit FilaBloqueada(std::int64_t pendiente_id) {
        db_.connection().begin();
        BOOST_REQUIRE(db_.connection()
                          .statement("SELECT id FROM pendientes WHERE id = ? FOR UPDATE")
                          .bind(pendiente_id)
                          .query()
                          .next());
    }
    ~FilaBloqueada() { soltar(); }
    FilaBloqueada(const FilaBloqueada&) = delete;
    FilaBloqueada& operator=(const FilaBloqueada&) = delete;
    void soltar() {
        if (!held_) return;
        held_ = false;
        db_.connection().rollback();
    }

private:
    Db db_;
    bool held_ = true;
};

// A fresh usuario with `rol` linked to a fresh empleado; returns its login and ids.
struct UsuarioPrueba {
    Cuenta cuenta;
    std::string dni;
    std::int64_t usuario_id = 0;
    std::int64_t empleado_id = 0;
};
inline constexpr const char* kClavePrueba = "Clave#2026";
inline UsuarioPrueba crear_usuario(Api& api, const std::string& rol) {
    UsuarioPrueba u;
    u.dni = unico("dni");
    u.empleado_id = crear_empleado(api);
    auto r = api.post("/api/usuarios",
                      R"({"nombre":")" + u.dni + R"(","dni":")" + u.dni + R"(","email":")" + u.dni +
                          R"(@pendientes.test","password":")" + kClavePrueba + R"(","idRol":")" + rol +
                          R"(","empleadoId":)" + std::to_string(u.empleado_id) + "}",
                      api.token(kAdmin));
    BOOST_REQUIRE_MESSAGE(r.status == 200, "crear_usuario failed: " + r.body);
    u.usuario_id = r.json()["data"]["id"].GetInt64();
    return u;
}
// Cuenta holds pointers: keep the UsuarioPrueba alive while its token is used.
inline std::string login(Api& api, const UsuarioPrueba& u) { return api.token(Cuenta{u.dni.c_str(), kClavePrueba}); }

// A rol with `permisos`; returns its id.
inline std::string crear_rol(Api& api, int permisos) {
    auto id = unico("R");
    auto r = api.post("/api/usuarios/roles",
                      R"({"id":")" + id + R"(","nombre":")" + id + R"(","permisos":)" + std::to_string(permisos) + "}",
                      api.token(kAdmin));
    BOOST_REQUIRE_MESSAGE(r.status == 200, "crear_rol failed: " + r.body);
    return id;
}

inline std::string ruta(std::int64_t id, const std::string& sufijo = "") {
    return "/api/pendientes/" + std::to_string(id) + sufijo;
}

// The type-details row of §6.5 for a TRASLADO or AVERIA order.
inline void crear_detalle(Db& db, std::int64_t id, const std::string& tipo = "TRASLADO") {
    if (tipo == "AVERIA") {
        db.connection()
            .statement("INSERT INTO pendientes_averias (pendiente_id, descripcion_falla) VALUES (?, 'Sin señal')")
            .bind(id)
            .update();
    } else {
        db.connection()
            .statement(
                "INSERT INTO pendientes_traslados (pendiente_id, lugar_destino, direccion_destino, tipo_servicio) "
                "VALUES (?, 'JULIACA', 'Av. Circunvalación 455', 'INTERNET_FIBRA')")
            .bind(id)
            .update();
    }
}

// A REGISTRADO order of `tipo` with its details row, ready to be dispatched (§6.5).
inline std::int64_t pendiente_con_detalle(Api& api, Db& db, const std::string& tipo = "TRASLADO") {
    auto id = api.crear_pendiente(tipo);
    crear_detalle(db, id, tipo);
    return id;
}

inline HttpResponse put_estado(Api& api, std::int64_t id, const std::string& estado, const std::string& token,
                               const std::string& extra = "") {
    return api.put(ruta(id, "/estado?nuevoEstado=" + estado + extra), token);
}

inline HttpResponse asignar(Api& api, std::int64_t id, std::int64_t tecnico, const std::string& token) {
    return api.put(ruta(id, "/asignar?idAsignado=" + std::to_string(tecnico)), token);
}

inline HttpResponse postergar(Api& api, std::int64_t id, const std::string& json, const std::string& token) {
    return api.put(ruta(id, "/postergar"), token, json);
}

inline std::string estado_de(const HttpResponse& r) { return r.json()["data"]["estado"].GetString(); }

// A TRASLADO order with its details, assigned to `tecnico`; REGISTRADO → ASIGNADO.
inline std::int64_t pendiente_asignado(Api& api, Db& db, std::int64_t tecnico = kTomas,
                                       const std::string& extra_json = "") {
    auto id = api.crear_pendiente("TRASLADO", extra_json);
    crear_detalle(db, id);
    auto r = asignar(api, id, tecnico, api.token(kCoord));
    BOOST_REQUIRE_MESSAGE(r.status == 200, "asignar failed: " + r.body);
    return id;
}

// Walks an assigned order forward with the coordinator (who holds VER_TODOS, so §3.4 does not
// apply) and returns it in `estado`: EN_PROGRESO, PAUSADO, REVISION, POR_VALIDAR, OBSERVADO.
inline std::int64_t pendiente_en(Api& api, Db& db, const std::string& estado, std::int64_t tecnico = kTomas) {
    auto id = pendiente_asignado(api, db, tecnico);
    if (estado == "ASIGNADO") return id;
    // CORD lacks the execution bits: the administrator walks the order.
    const auto admin = api.token(kAdmin);
    auto paso = [&](const std::string& e) {
        auto r = put_estado(api, id, e, admin);
        BOOST_REQUIRE_MESSAGE(r.status == 200, "→ " + e + " failed: " + r.body);
    };
    paso("EN_PROGRESO");
    if (estado == "EN_PROGRESO") return id;
    if (estado == "PAUSADO") {
        paso("PAUSADO");
        return id;
    }
    if (estado == "REVISION") {
        paso("REVISION");
        return id;
    }
    paso("POR_VALIDAR");
    if (estado == "POR_VALIDAR") return id;
    if (estado == "OBSERVADO") {
        paso("OBSERVADO");
        return id;
    }
    if (estado == "FINALIZADO") {
        paso("FINALIZADO");
        return id;
    }
    BOOST_FAIL("pendiente_en: unknown estado " + estado);
    return id;
}

inline std::vector<std::string> estados_historial(Api& api, std::int64_t id, const std::string& token) {
    auto r = api.get("/api/historiales/pendiente/" + std::to_string(id), token);
    BOOST_REQUIRE_MESSAGE(r.status == 200, "historial failed: " + r.body);
    std::vector<std::string> out;
    auto j = r.json();
    for (const auto& h : j["data"].GetArray()) out.emplace_back(h["estado"].GetString());
    return out;
}

inline std::int64_t filas_historial(Db& db, std::int64_t id) {
    return db.count("SELECT COUNT(*) FROM historiales WHERE pendiente_id = ?", id);
}

}  // namespace pendientes::test
