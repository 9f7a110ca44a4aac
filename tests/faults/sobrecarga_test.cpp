// Fault 4 (issue 6): overload. 2 000 TLS connections are opened in waves and held, then each
// sends one authenticated GET /api/pendientes/{id} at the same moment — far more than the
// pool has threads. The service must shed what it cannot serve soon with fast 503/502
// envelopes instead of queueing without bound (nginx `limit_conn` on the pool locations, see
// nginx/pendientes-site.conf.in), every client gets an answer, and once the burst is over
// normal requests succeed at once.
#define BOOST_TEST_MODULE faults_sobrecarga
#include <boost/test/unit_test.hpp>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <latch>
#include <map>
#include <thread>

#include "support/faults.hpp"
#include "support/stack.hpp"

using namespace pendientes::test;
using namespace pendientes::faults;
using namespace std::chrono_literals;

namespace {

constexpr int kConexiones = 2000;
constexpr int kHilos = 40;  // kConexiones / kHilos connections each, opened one after another
constexpr auto kPlazo = 30s;  // per request, from its send; beyond it the client gives up

struct Conexion {
    int fd = -1;
    SSL* ssl = nullptr;
    std::string error;  // opening failed
    double handshake_ms = 0;
    Clock::time_point enviado;
    std::string raw;
    bool terminada = false;
    Resultado r;

    ~Conexion() {
        if (ssl) SSL_free(ssl);
        if (fd >= 0) ::close(fd);
    }
};

void timeouts(int fd, std::chrono::seconds s) {
    timeval tv{static_cast<time_t>(s.count()), 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

void abrir(Conexion& c, SSL_CTX* ctx) {
    const auto t0 = Clock::now();
    c.fd = conectar(t0 + 10s, c.error);
    if (c.fd < 0) return;
    timeouts(c.fd, 10s);
    c.ssl = SSL_new(ctx);
    SSL_set_fd(c.ssl, c.fd);
    SSL_set_tlsext_host_name(c.ssl, "localhost");
    if (SSL_connect(c.ssl) != 1) c.error = "TLS handshake failed";
    ERR_clear_error();
    c.handshake_ms = ms_desde(t0);
}

void terminar(Conexion& c, const std::string& error = "") {
    c.r = analizar(c.raw);
    c.r.ms = std::chrono::duration<double, std::milli>(Clock::now() - c.enviado).count();
    if (!respuesta_completa(c.raw)) {
        c.r.status = -1;
        c.r.error = error.empty() ? "incomplete response" : error;
    }
    c.terminada = true;
}

// Reads every answer of this thread's connections (poll over them, one SSL_read per wake-up
// plus whatever OpenSSL already buffered).
void leer(std::vector<Conexion>& cs) {
    for (;;) {
        std::vector<pollfd> pfds;
        std::vector<Conexion*> de;
        for (auto& c : cs) {
            if (c.terminada) continue;
            if (Clock::now() - c.enviado > kPlazo) {
                terminar(c, "time-out");
                continue;
            }
            pfds.push_back({c.fd, POLLIN, 0});
            de.push_back(&c);
        }
        if (pfds.empty()) return;
        if (::poll(pfds.data(), pfds.size(), 100) <= 0) continue;
        for (std::size_t i = 0; i < pfds.size(); ++i) {
            if (!pfds[i].revents) continue;
            Conexion& c = *de[i];
            char buf[16384];
            do {
                int n = SSL_read(c.ssl, buf, sizeof buf);
                if (n <= 0) {
                    terminar(c, "connection closed");
                    break;
                }
                c.raw.append(buf, static_cast<std::size_t>(n));
                if (respuesta_completa(c.raw)) {
                    terminar(c);
                    break;
                }
            } while (SSL_pending(c.ssl) > 0);
            ERR_clear_error();
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(dos_mil_conexiones_a_la_vez_se_descartan_rapido_con_sobre_y_luego_todo_sigue) {
    rlimit lim{};
    getrlimit(RLIMIT_NOFILE, &lim);
    lim.rlim_cur = lim.rlim_max;
    setrlimit(RLIMIT_NOFILE, &lim);
    BOOST_REQUIRE_MESSAGE(lim.rlim_cur >= kConexiones + 200, "RLIMIT_NOFILE too low: " << lim.rlim_cur);

    Api api;
    const auto coord = api.token(kCoord);
    const auto id = api.crear_pendiente("TRASLADO");
    const std::string req = peticion("GET", "/api/pendientes/" + std::to_string(id), coord, std::nullopt);

    SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
    SSL_CTX_set_options(ctx, SSL_OP_IGNORE_UNEXPECTED_EOF);

    std::vector<std::vector<Conexion>> por_hilo(kHilos);
    for (auto& v : por_hilo) v.resize(kConexiones / kHilos);
    std::latch abiertas(kHilos + 1), salida(kHilos + 1);
    std::vector<std::thread> hilos;
    for (int h = 0; h < kHilos; ++h)
        hilos.emplace_back([&, h] {
            auto& cs = por_hilo[static_cast<std::size_t>(h)];
            for (auto& c : cs) abrir(c, ctx);
            abiertas.count_down();
            salida.arrive_and_wait();
            for (auto& c : cs) {
                c.enviado = Clock::now();
                if (!c.error.empty()) {
                    c.terminada = true;
                    continue;
                }
                if (SSL_write(c.ssl, req.data(), static_cast<int>(req.size())) != static_cast<int>(req.size()))
                    terminar(c, "write failed");
            }
            leer(cs);
        });
    const auto t_abrir = Clock::now();
    abiertas.arrive_and_wait();
    const double abrir_ms = ms_desde(t_abrir);
    const auto t_rafaga = Clock::now();
    salida.count_down();
    for (auto& t : hilos) t.join();
    const double rafaga_ms = ms_desde(t_rafaga);

    // --- what the clients saw
    std::size_t sin_abrir = 0, sin_respuesta = 0, sobres_malos = 0;
    std::map<int, std::size_t> por;
    std::map<int, std::vector<double>> lat_por;
    std::vector<double> lat, handshakes;
    std::map<std::string, std::size_t> errores;
    for (auto& cs : por_hilo)
        for (auto& c : cs) {
            if (!c.error.empty()) {
                ++sin_abrir;
                ++errores[c.error];
                continue;
            }
            handshakes.push_back(c.handshake_ms);
            ++por[c.r.status];
            if (c.r.status < 0) {
                ++sin_respuesta;
                ++errores[c.r.error];
                continue;
            }
            lat.push_back(c.r.ms);
            lat_por[c.r.status].push_back(c.r.ms);
            if (c.r.status != 200 && !es_sobre_error(c.r, c.r.status, "ERROR_INTERNO")) ++sobres_malos;
        }
    std::string detalle;
    for (const auto& [status, v] : lat_por) {
        char line[160];
        std::snprintf(line, sizeof line, "\n[faults]     %d ×%zu: p50 %.0f ms, p99 %.0f ms, max %.0f ms", status,
                      v.size(), percentil(v, 50), percentil(v, 99), percentil(v, 100));
        detalle += line;
    }
    for (const auto& [e, n] : errores) detalle += "\n[faults]     error \"" + e + "\" ×" + std::to_string(n);
    std::printf(
        "[faults] sobrecarga: %d conexiones TLS abiertas en %.0f ms (handshake p99 %.0f ms), sin abrir %zu\n"
        "[faults]   ráfaga de %d GET a la vez, todas respondidas en %.0f ms; sin respuesta %zu; latencia p50 %.0f ms "
        "p99 %.0f ms max %.0f ms%s\n",
        kConexiones, abrir_ms, percentil(handshakes, 99), sin_abrir, kConexiones, rafaga_ms, sin_respuesta,
        percentil(lat, 50), percentil(lat, 99), percentil(lat, 100), detalle.c_str());
    std::fflush(stdout);
    SSL_CTX_free(ctx);

    BOOST_TEST(sin_abrir == 0u);
    BOOST_TEST(sin_respuesta == 0u);
    for (const auto& [status, n] : por)
        BOOST_TEST((status == 200 || status == 502 || status == 503), "status " << status << " ×" << n);
    BOOST_TEST(sobres_malos == 0u);
    BOOST_TEST(por[200] > 0u);
    // Shedding is fast and the queue bounded: nobody waits anywhere near the FastCGI read
    // time-out (30 s), the shed answers come at once.
    BOOST_TEST(percentil(lat, 99) < 10000.0);
    // More requests at once than limit_conn admits: some are shed, and shedding is immediate
    // (the percentile of an empty set would pass vacuously, hence the count first).
    BOOST_TEST(por[503] > 0u);
    BOOST_TEST(percentil(lat_por[503], 99) < 2000.0);
    BOOST_TEST(vivo(pid_maestro()));

    // Once the burst is over the service answers normally.
    std::this_thread::sleep_for(500ms);
    Cliente c;
    for (int i = 0; i < 20; ++i) {
        auto r = c.enviar("GET", "/api/pendientes/" + std::to_string(id), coord, std::nullopt, 10s);
        BOOST_TEST(r.status == 200, r.status << " " << r.error);
        BOOST_TEST(r.ms < 2000.0);
    }
}
