#define BOOST_TEST_MODULE integration_concurrencia
#include <boost/test/unit_test.hpp>

#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "domain/estado_machine.hpp"
#include "support/stack.hpp"
#include "transiciones_fixture.hpp"

using namespace pendientes::test;

namespace {

struct Resultado {
    int status = 0;
    std::string body;
};

// Sends every request at once (one client per thread, released together by a latch) and
// returns the answers in request order. No Boost assertions run off the main thread.
struct Peticion {
    std::string method;
    std::string target;
    std::string token;
    std::optional<std::string> json;
};

std::vector<Resultado> a_la_vez(const std::vector<Peticion>& peticiones) {
    std::vector<Resultado> out(peticiones.size());
    std::latch salida(static_cast<std::ptrdiff_t>(peticiones.size()));
    std::vector<std::thread> hilos;
    for (std::size_t i = 0; i < peticiones.size(); ++i) {
        hilos.emplace_back([&, i] {
            const auto& p = peticiones[i];
            HttpClient client(env("PENDIENTES_TEST_HOST", "127.0.0.1"),
                              std::stoi(env("PENDIENTES_TEST_HTTPS_PORT", "9443")));
            Headers h{{"Authorization", "Bearer " + p.token}};
            if (p.json) h.emplace_back("Content-Type", "application/json");
            salida.arrive_and_wait();
            try {
                auto r = client.send(p.method, p.target, h, p.json);
                out[i] = {r.status, r.body};
            } catch (const std::exception& e) {
                out[i] = {-1, e.what()};
            }
        });
    }
    for (auto& t : hilos) t.join();
    return out;
}

std::string error_code(const Resultado& r) {
    rapidjson::Document d;
    d.Parse(r.body.c_str(), r.body.size());
    if (d.HasParseError() || !d.IsObject() || !d.HasMember("errorCode")) return "";
    return d["errorCode"].GetString();
}

std::vector<std::string> historial_ascendente(Db& db, std::int64_t id) {
    std::vector<std::string> out;
    auto rows = db.connection().statement("SELECT estado FROM historiales WHERE pendiente_id = ? ORDER BY id").bind(id).query();
    while (rows.next()) out.push_back(rows.string(1));
    return out;
}

}  // namespace

// Issue 4: the race is run 20 times in a row (a fresh order each round), so an interleaving
// that lets two writers through has twenty chances to show up in every suite run.
constexpr int kRondas = 20;

BOOST_AUTO_TEST_CASE(veinte_asignaciones_simultaneas_solo_una_gana) {
    Api api;
    Db db;
    auto coord = api.token(kCoord);
    for (int ronda = 0; ronda < kRondas; ++ronda) {
    BOOST_TEST_CONTEXT("ronda " << ronda) {
    auto id = pendiente_con_detalle(api, db);

    std::vector<Peticion> ps;
    for (int i = 0; i < 20; ++i)
        ps.push_back({"PUT", ruta(id, "/asignar?idAsignado=" + std::to_string(i % 2 ? kTomas : kTeresa)), coord, {}});
    auto rs = a_la_vez(ps);

    int ok = 0;
    std::int64_t ganador = 0;
    for (std::size_t i = 0; i < rs.size(); ++i) {
        BOOST_TEST_CONTEXT("respuesta " << i << ": " << rs[i].body) {
            if (rs[i].status == 200) {
                ++ok;
                ganador = i % 2 ? kTomas : kTeresa;
            } else {
                BOOST_TEST((rs[i].status == 400 || rs[i].status == 409));
                auto code = error_code(rs[i]);
                BOOST_TEST((code == "TRANSICION_INVALIDA" || code == "CONFLICTO_CONCURRENCIA"), code);
            }
        }
    }
    BOOST_TEST(ok == 1);
    BOOST_TEST(db.count("SELECT COUNT(*) FROM historiales WHERE pendiente_id = ? AND estado = 'ASIGNADO'", id) == 1);
    BOOST_TEST(filas_historial(db, id) == 2);
    BOOST_TEST(*db.text("SELECT CAST(asignado_a AS CHAR) FROM pendientes WHERE id = ?", id) == std::to_string(ganador));
    }
    }
}

// Cancelling, postponing and assigning race on one REGISTRADO order. Whatever the interleaving,
// each 200 wrote exactly one historial row, the rows chain through edges of §6.1, and the
// stored estado is the last of them.
BOOST_AUTO_TEST_CASE(transiciones_que_compiten_dejan_un_estado_coherente) {
    Api api;
    Db db;
    auto coord = api.token(kCoord);
    auto admin = api.token(kAdmin);
    for (int ronda = 0; ronda < kRondas; ++ronda) {
        BOOST_TEST_CONTEXT("ronda " << ronda) {
            auto id = pendiente_con_detalle(api, db);
            std::vector<Peticion> ps;
            for (int i = 0; i < 3; ++i) {
                ps.push_back({"PUT", ruta(id, "/estado?nuevoEstado=CANCELADO&motivo=carrera"), i % 2 ? coord : admin, {}});
                ps.push_back({"PUT", ruta(id, "/postergar"), i % 2 ? admin : coord,
                              std::string(R"({"nuevaFecha":"2099-0)") + std::to_string(i + 1) + R"(-01T08:00:00"})"});
                ps.push_back({"PUT", ruta(id, "/asignar?idAsignado=7"), coord, {}});
                ps.push_back({"PUT", ruta(id, "/estado?nuevoEstado=EN_PROGRESO"), admin, {}});
            }
            auto rs = a_la_vez(ps);
            std::int64_t ok = 0;
            for (const auto& r : rs) {
                BOOST_TEST_CONTEXT(r.body) {
                    BOOST_TEST(r.status < 500);
                    BOOST_TEST(r.status != -1);
                    if (r.status == 200) ++ok;
                }
            }
            auto estados = historial_ascendente(db, id);
            BOOST_TEST_REQUIRE(estados.size() == static_cast<std::size_t>(ok + 1));
            BOOST_TEST(estados.front() == "REGISTRADO");
            for (std::size_t i = 1; i < estados.size(); ++i) {
                auto from = pendientes::domain::parse_enum<pendientes::domain::EstadoPendiente>(estados[i - 1]);
                auto to = pendientes::domain::parse_enum<pendientes::domain::EstadoPendiente>(estados[i]);
                BOOST_TEST_REQUIRE((from && to));
                BOOST_TEST(pendientes::domain::find_transicion(*from, *to) != nullptr, estados[i - 1] << " → " << estados[i]);
            }
            BOOST_TEST(*db.text("SELECT estado FROM pendientes WHERE id = ?", id) == estados.back());
        }
    }
}
