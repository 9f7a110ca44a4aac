// Fault 6 (issue 6 point 5): retries. nginx replays an idempotent request (GET, PUT, DELETE)
// once when the worker serving it dies or times out (`fastcgi_next_upstream error timeout`,
// nginx/pendientes-site.conf.in), and a client may retry a PUT or DELETE after a 502/503/504
// or a lost answer. These tests prove that such a retry — by nginx, sequential, simultaneous
// with the original, or after an answer that never reached the client — leaves the same
// state and a single historial row.
#define BOOST_TEST_MODULE faults_reintentos
#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <rapidjson/document.h>
#include <signal.h>

#include <fstream>
#include <future>
#include <thread>

#include "support/faults.hpp"
#include "support/stack.hpp"
#include "transiciones_fixture.hpp"

using namespace pendientes::test;
using namespace pendientes::faults;
using namespace std::chrono_literals;

namespace {

std::int64_t filas_asignado(Db& db, std::int64_t id) {
    return db.count("SELECT COUNT(*) FROM historiales WHERE pendiente_id = ? AND estado = 'ASIGNADO'", id);
}

std::string target_asignar(std::int64_t id) { return ruta(id, "/asignar?idAsignado=" + std::to_string(kTomas)); }

// Sends the request and closes the connection without reading the answer: the client never
// learns whether it was applied (a lost response).
void enviar_y_abandonar(const std::string& method, const std::string& target, const std::string& token) {
    SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(std::stoi(env("PENDIENTES_TEST_HTTPS_PORT", "9443"))));
    inet_pton(AF_INET, env("PENDIENTES_TEST_HOST", "127.0.0.1").c_str(), &addr.sin_addr);
    BOOST_REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    SSL* ssl = SSL_new(ctx);
    SSL_set_fd(ssl, fd);
    BOOST_REQUIRE(SSL_connect(ssl) == 1);
    std::string req = peticion(method, target, token, std::nullopt);
    BOOST_REQUIRE(SSL_write(ssl, req.data(), static_cast<int>(req.size())) == static_cast<int>(req.size()));
    SSL_free(ssl);
    ::close(fd);
    SSL_CTX_free(ctx);
}

}  // namespace

BOOST_AUTO_TEST_CASE(put_asignar_repetido_deja_el_mismo_estado_y_una_sola_fila_de_historial) {
    Api api;
    Db db;
    const auto coord = api.token(kCoord);
    const auto id = pendiente_con_detalle(api, db);

    auto primera = api.put(target_asignar(id), coord);
    BOOST_TEST_REQUIRE(primera.status == 200, primera.body);
    // The retry finds the order already ASIGNADO: ASIGNADO → ASIGNADO is no edge (§6.1), so it
    // is refused and changes nothing.
    auto repetida = api.put(target_asignar(id), coord);
    expect_error(repetida, 400, "TRANSICION_INVALIDA");

    BOOST_TEST(*db.text("SELECT estado FROM pendientes WHERE id = ?", id) == "ASIGNADO");
    BOOST_TEST(db.count("SELECT asignado_a FROM pendientes WHERE id = ?", id) == kTomas);
    BOOST_TEST(filas_asignado(db, id) == 1);
    BOOST_TEST(filas_historial(db, id) == 2);  // creation + ASIGNADO
}

BOOST_AUTO_TEST_CASE(put_asignar_duplicado_a_la_vez_aplica_una_sola_vez) {
    // A proxy retry racing with the original: both arrive together.
    Api api;
    Db db;
    const auto coord = api.token(kCoord);
    const auto id = pendiente_con_detalle(api, db);

    auto envio = [&] {
        Cliente c;
        return c.enviar("PUT", target_asignar(id), coord);
    };
    auto a = std::async(std::launch::async, envio);
    auto b = std::async(std::launch::async, envio);
    auto ra = a.get();
    auto rb = b.get();
    const int ok = (ra.status == 200) + (rb.status == 200);
    BOOST_TEST(ok == 1, ra.status << " / " << rb.status);
    const auto& perdedora = ra.status == 200 ? rb : ra;
    BOOST_TEST(es_sobre_error(perdedora, 400, "TRANSICION_INVALIDA"), perdedora.body);
    BOOST_TEST(filas_asignado(db, id) == 1);
    BOOST_TEST(filas_historial(db, id) == 2);
}

BOOST_AUTO_TEST_CASE(put_asignar_reintentado_tras_perder_la_respuesta_converge) {
    // The client sent the PUT and lost the answer (connection gone): it cannot know whether
    // it was applied, and retries. Whatever happened first, the end state is one assignment.
    Api api;
    Db db;
    const auto coord = api.token(kCoord);
    const auto id = pendiente_con_detalle(api, db);

    enviar_y_abandonar("PUT", target_asignar(id), coord);
    std::this_thread::sleep_for(300ms);  // let a request that did reach the pool finish
    auto reintento = api.put(target_asignar(id), coord);
    BOOST_TEST((reintento.status == 200 || reintento.status == 400), reintento.body);
    if (reintento.status == 400) expect_error(reintento, 400, "TRANSICION_INVALIDA");

    BOOST_TEST(*db.text("SELECT estado FROM pendientes WHERE id = ?", id) == "ASIGNADO");
    BOOST_TEST(filas_asignado(db, id) == 1);
    BOOST_TEST(filas_historial(db, id) == 2);
}

BOOST_AUTO_TEST_CASE(delete_repetido_deja_el_mismo_estado_y_ninguna_fila_de_historial_nueva) {
    Api api;
    Db db;
    const auto coord = api.token(kCoord);
    const auto id = api.crear_pendiente("TRASLADO");
    const auto historial = filas_historial(db, id);

    auto primera = api.del(ruta(id), coord);
    BOOST_TEST_REQUIRE(primera.status == 200, primera.body);
    // §7.8: deleting again → 404; the row stays soft-deleted, nothing else is written.
    expect_error(api.del(ruta(id), coord), 404, "NO_ENCONTRADO");
    BOOST_TEST(db.count("SELECT vigente FROM pendientes WHERE id = ?", id) == 0);
    BOOST_TEST(filas_historial(db, id) == historial);
    BOOST_TEST(historial == 1);  // the creation row only

    // Duplicated at once: one 200 at most (the first already won), the other 404.
    const auto otro = api.crear_pendiente("TRASLADO");
    auto envio = [&] {
        Cliente c;
        return c.enviar("DELETE", ruta(otro), coord);
    };
    auto a = std::async(std::launch::async, envio);
    auto b = std::async(std::launch::async, envio);
    auto ra = a.get();
    auto rb = b.get();
    BOOST_TEST((ra.status == 200) + (rb.status == 200) == 1, ra.status << " / " << rb.status);
    const auto& perdedora = ra.status == 200 ? rb : ra;
    BOOST_TEST(es_sobre_error(perdedora, 404, "NO_ENCONTRADO"), perdedora.body);
    BOOST_TEST(db.count("SELECT vigente FROM pendientes WHERE id = ?", otro) == 0);
    BOOST_TEST(filas_historial(db, otro) == 1);
}

namespace {
std::string estado_de_cuerpo(const std::string& body) {
    rapidjson::Document d;
    d.Parse(body.c_str());
    if (d.HasParseError() || !d.IsObject() || !d.HasMember("data") || !d["data"].IsObject() ||
        !d["data"].HasMember("estado") || !d["data"]["estado"].IsString())
        return "";
    return d["data"]["estado"].GetString();
}
}  // namespace

BOOST_AUTO_TEST_CASE(nginx_reintenta_un_put_cuyo_trabajador_muere_y_se_aplica_una_vez) {
    // The PUT waits on a row lock held by another session, so it is certainly inside a worker
    // when every worker is SIGKILLed. nginx sees the connection close before any header and
    // replays the PUT on the next upstream (the pool again, a fresh worker); the lock is then
    // released and the replay succeeds. The client sees one 200, never the 502.
    Api api;
    Db datos;
    const auto coord = api.token(kCoord);
    const auto id = pendiente_con_detalle(api, datos);
    const auto maestro = pid_maestro();

    FilaBloqueada bloqueo(id);
    auto envio = std::async(std::launch::async, [&] {
        Cliente c;
        return c.enviar("PUT", target_asignar(id), coord, std::nullopt, 20s);
    });
    std::this_thread::sleep_for(600ms);  // the PUT is waiting on the lock inside a worker
    const auto antes = trabajadores();
    for (pid_t w : antes) ::kill(w, SIGKILL);
    const auto t0 = Clock::now();
    while (ms_desde(t0) < 3000) {  // the pool has replaced them (the replay is queued for one)
        auto ahora = trabajadores();
        bool reemplazados = ahora.size() == antes.size();
        for (pid_t w : antes) reemplazados = reemplazados && !ahora.count(w);
        if (reemplazados) break;
        std::this_thread::sleep_for(5ms);
    }
    std::this_thread::sleep_for(200ms);
    bloqueo.soltar();

    auto r = envio.get();
    BOOST_TEST(r.status == 200, r.status << " " << r.body << " " << r.error);
    BOOST_TEST(estado_de_cuerpo(r.body) == "ASIGNADO");
    BOOST_TEST(*datos.text("SELECT estado FROM pendientes WHERE id = ?", id) == "ASIGNADO");
    BOOST_TEST(filas_asignado(datos, id) == 1);
    BOOST_TEST(vivo(maestro));

    // nginx's access log names every upstream attempt: two for this request.
    std::ifstream log(env("PENDIENTES_TEST_LOG_DIR") + "/nginx-access.log");
    const std::string marca = "\"PUT /api/pendientes/" + std::to_string(id) + "/asignar ";
    std::string linea, encontrada;
    while (std::getline(log, linea))
        if (linea.find(marca) != std::string::npos) encontrada = linea;
    BOOST_TEST_REQUIRE(!encontrada.empty());
    const auto up = encontrada.substr(encontrada.find("up=\""));
    BOOST_TEST(up.find(", ") != std::string::npos, encontrada);
    std::printf("[faults] reintento de nginx: PUT /asignar → %d en %.0f ms; %s\n", r.status, r.ms, up.c_str());
}
