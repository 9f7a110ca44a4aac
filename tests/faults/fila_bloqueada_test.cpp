// Fault 3 (issue 6): a pendiente row held by another session (SELECT … FOR UPDATE, never
// committed). A mutation that locks the same row (§6.6) must give up after the lock-wait
// timeout (PENDIENTES_DB_LOCK_WAIT_TIMEOUT, 3 s) with a 503 envelope and change nothing, the
// worker thread must not stay stuck, other requests are served meanwhile, and once the lock
// is released the same request succeeds.
#define BOOST_TEST_MODULE faults_fila_bloqueada
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <future>

#include "support/faults.hpp"
#include "support/stack.hpp"
#include "transiciones_fixture.hpp"

using namespace pendientes::test;
using namespace pendientes::faults;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_CASE(mutacion_de_una_fila_bloqueada_responde_503_tras_la_espera_de_bloqueo) {
    Api api;
    Db datos;  // the test's own rows
    const auto coord = api.token(kCoord);
    const auto id = pendiente_con_detalle(api, datos);
    const auto espera_s = std::stoi(valor_config("PENDIENTES_DB_LOCK_WAIT_TIMEOUT", "3"));
    const auto historial_antes = filas_historial(datos, id);

    FilaBloqueada bloqueo(id);  // the foreign session that holds the lock

    // The mutation waits on the lock in one worker thread…
    auto asignacion = std::async(std::launch::async, [&] {
        Cliente c;
        return c.enviar("PUT", ruta(id, "/asignar?idAsignado=" + std::to_string(kTomas)), coord, std::nullopt, 15s);
    });
    // …while the rest of the pool keeps serving, including a plain read of the locked row
    // (READ COMMITTED reads do not wait for row locks).
    std::this_thread::sleep_for(500ms);
    Cliente c;
    std::vector<double> durante;
    for (int i = 0; i < 5; ++i) {
        auto r = c.enviar("GET", ruta(id), coord);
        BOOST_TEST(r.status == 200);
        durante.push_back(r.ms);
        auto h = c.enviar("GET", "/healthz/live", "");
        BOOST_TEST(h.status == 200);
    }

    auto r = asignacion.get();
    bloqueo.soltar();
    std::printf("[faults] fila bloqueada: PUT /asignar → %d %s en %.0f ms (innodb_lock_wait_timeout %d s); lecturas "
                "durante el bloqueo max %.1f ms\n",
                r.status, error_code(r.body).c_str(), r.ms, espera_s, percentil(durante, 100));
    std::fflush(stdout);
    BOOST_TEST(es_sobre_error(r, 503, "ERROR_INTERNO"), r.status << " " << r.body << " " << r.error);
    BOOST_TEST(r.ms >= espera_s * 1000.0 - 200);
    BOOST_TEST(r.ms < espera_s * 1000.0 + 3000);
    BOOST_TEST(percentil(durante, 100) < 2000.0);

    // Nothing changed, then the very same request succeeds once the lock is gone.
    BOOST_TEST(*datos.text("SELECT estado FROM pendientes WHERE id = ?", id) == "REGISTRADO");
    BOOST_TEST(filas_historial(datos, id) == historial_antes);
    auto otra = asignar(api, id, kTomas, coord);
    BOOST_TEST(otra.status == 200, otra.body);
    BOOST_TEST(estado_de(otra) == "ASIGNADO");
    BOOST_TEST(filas_historial(datos, id) == historial_antes + 1);
}

BOOST_AUTO_TEST_CASE(muchas_mutaciones_bloqueadas_a_la_vez_no_dejan_hilos_atascados) {
    // More waiting requests than one worker has threads: all of them time out with 503, and
    // afterwards the pool answers at once (no thread stayed behind on the lock).
    Api api;
    Db datos;
    const auto coord = api.token(kCoord);
    const auto id = pendiente_con_detalle(api, datos);
    const int hilos = std::stoi(valor_config("PENDIENTES_THREADS", "8"));

    FilaBloqueada bloqueo(id);  // the foreign session that holds the lock
    std::vector<std::future<Resultado>> esperas;
    for (int i = 0; i < hilos + 2; ++i)
        esperas.push_back(std::async(std::launch::async, [&] {
            Cliente c;
            return c.enviar("PUT", ruta(id, "/estado-tecnico?nuevoEstado=PENDIENTE_PPPoE"), coord, std::nullopt, 20s);
        }));
    std::map<int, int> por;
    double max_ms = 0;
    for (auto& f : esperas) {
        auto r = f.get();
        ++por[r.status];
        max_ms = std::max(max_ms, r.ms);
        BOOST_TEST(es_sobre_error(r, 503, "ERROR_INTERNO"), r.status << " " << r.body << " " << r.error);
    }
    bloqueo.soltar();
    std::printf("[faults] %d mutaciones sobre la fila bloqueada: 503 ×%d, max %.0f ms\n", hilos + 2, por[503], max_ms);
    std::fflush(stdout);
    BOOST_TEST(*datos.text("SELECT estado_tecnico FROM pendientes WHERE id = ?", id) == "OK");

    Cliente c;
    for (int i = 0; i < 20; ++i) {
        auto r = c.enviar("GET", ruta(id), coord, std::nullopt, 5s);
        BOOST_TEST(r.status == 200);
        BOOST_TEST(r.ms < 2000.0);
    }
    auto ok = c.enviar("PUT", ruta(id, "/estado-tecnico?nuevoEstado=PENDIENTE_PPPoE"), coord);
    BOOST_TEST(ok.status == 200, ok.body);
}
