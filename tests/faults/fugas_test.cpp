// Issue 6 point 3: LeakSanitizer on the workers after 20 000 requests. scripts/test starts
// the sanitizer-built pool with detect_leaks=1 (POOL_ASAN_OPTIONS); a worker runs the leak
// check when it leaves (fcgi/worker.cpp) and exits with status 23 on a leak, which the master
// logs. Here both workers of the current generation serve ≥ 20 000 requests between them —
// so at least one of them ≥ 10 000 — of every kind (token checks, reads, creates, listings,
// client errors), then a SIGHUP makes them drain and leave: pool.log must hold no report.
#define BOOST_TEST_MODULE faults_fugas
#include <boost/test/unit_test.hpp>

#include <rapidjson/document.h>
#include <signal.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/carga.hpp"
#include "support/faults.hpp"
#include "support/stack.hpp"
#include "transiciones_fixture.hpp"

using namespace pendientes::test;
using namespace pendientes::faults;
using namespace std::chrono_literals;

namespace {

constexpr std::int64_t kPeticiones = 20000;

std::int64_t servidas(Cliente& c) {
    auto r = c.enviar("GET", "/status", "");
    rapidjson::Document d;
    d.Parse(r.body.c_str());
    if (r.status != 200 || d.HasParseError() || !d.IsObject()) return -1;
    return d["data"]["requestsServed"].GetInt64();
}

std::string log_del_pool_desde(std::streamoff desde) {
    std::ifstream in(env("PENDIENTES_TEST_LOG_DIR") + "/pool.log");
    in.seekg(desde);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::streamoff tamano_log_del_pool() {
    std::ifstream in(env("PENDIENTES_TEST_LOG_DIR") + "/pool.log", std::ios::ate);
    return in ? static_cast<std::streamoff>(in.tellg()) : 0;
}

}  // namespace

BOOST_AUTO_TEST_CASE(trabajadores_sin_fugas_tras_veinte_mil_peticiones) {
    Api api;
    const auto coord = api.token(kCoord);
    const auto pendiente = api.crear_pendiente("AVERIA");
    const auto desde = tamano_log_del_pool();
    const auto generacion = trabajadores();
    BOOST_REQUIRE(!generacion.empty());
    Cliente c;
    const auto inicio = servidas(c);
    BOOST_REQUIRE(inicio >= 0);

    // The error and listing paths, a few hundred times each.
    for (int i = 0; i < 200; ++i) {
        BOOST_TEST(c.enviar("GET", "/api/pendientes/1", "x.y.z").status == 401);
        BOOST_TEST(c.enviar("POST", "/api/pendientes", coord, std::string("{\"tipo\":")).status == 400);
        BOOST_TEST(c.enviar("GET", "/api/pendientes/no-existe/x", coord).status == 404);
        BOOST_TEST(c.enviar("POST", "/api/pendientes/filtrar?page=0&size=5", coord,
                            std::string(R"({"estados":["REGISTRADO"],"titulo":"a"})"))
                       .status == 200);
        BOOST_TEST(c.enviar("PUT", ruta(pendiente, "/estado?estado=NO_EXISTE"), coord).status == 400);
    }
    // The common paths under concurrent load until the pool has served enough.
    Carga carga(6, coord, pendiente, etiqueta("fugas"));
    carga.iniciar();
    const auto limite = Clock::now() + 150s;
    std::int64_t hechas = 0;
    while (Clock::now() < limite) {
        std::this_thread::sleep_for(500ms);
        hechas = servidas(c) - inicio;
        if (hechas >= kPeticiones) break;
    }
    carga.detener();
    const auto por = por_status(carga.registros());
    BOOST_TEST_REQUIRE(hechas >= kPeticiones, "only " << hechas << " requests in the time budget");
    BOOST_TEST(por.size() == static_cast<std::size_t>(por.count(200)), resumen(por));
    // No worker of this generation was replaced meanwhile: they served everything.
    BOOST_TEST_REQUIRE(trabajadores() == generacion);

    // Graceful reload: the old workers drain, run the leak check and leave.
    BOOST_REQUIRE(::kill(pid_maestro(), SIGHUP) == 0);
    const auto t0 = Clock::now();
    bool salieron = false;
    while (!salieron && ms_desde(t0) < 20000) {
        std::this_thread::sleep_for(50ms);
        salieron = true;
        for (pid_t w : generacion) salieron = salieron && !vivo(w);
    }
    BOOST_TEST_REQUIRE(salieron);
    std::this_thread::sleep_for(300ms);  // the master's reap line is written after the exit
    const std::string log = log_del_pool_desde(desde);
    std::printf("[faults] fugas: %lld peticiones servidas por %zu trabajadores (%s), luego SIGHUP; %s\n",
                static_cast<long long>(hechas), generacion.size(), resumen(por).c_str(),
                log.find("LeakSanitizer") == std::string::npos ? "sin informe de LeakSanitizer" : "INFORME DE FUGAS");
    std::fflush(stdout);
    BOOST_TEST(log.find("LeakSanitizer") == std::string::npos, log.substr(0, 4000));
    BOOST_TEST(log.find("exited with status") == std::string::npos, log.substr(0, 4000));
    BOOST_TEST(servidas(c) >= 0);  // the new generation serves
}
