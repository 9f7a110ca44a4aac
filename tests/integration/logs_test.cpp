// Issue 7 point 4: one JSON line per request on the pool's stderr (pool.log here, journald
// under systemd) with the nginx request id that the client also receives as X-Request-Id,
// and a separate slow-request line above PENDIENTES_SLOW_REQUEST_MS (1000 ms by default).
#define BOOST_TEST_MODULE integration_logs
#include <boost/test/unit_test.hpp>

#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <future>
#include <thread>

#include "support/stack.hpp"
#include "transiciones_fixture.hpp"

using namespace pendientes::test;
using namespace std::chrono_literals;

namespace {

// Every line of `file` holding `needle`, waiting up to 3 s for the first one (the pool writes
// its line once the response has been handed to nginx).
std::vector<std::string> lineas_con(const std::string& file, const std::string& needle) {
    std::vector<std::string> out;
    const auto fin = std::chrono::steady_clock::now() + 3s;
    do {
        out.clear();
        std::ifstream in(env("PENDIENTES_TEST_LOG_DIR") + "/" + file);
        std::string line;
        while (std::getline(in, line))
            if (line.find(needle) != std::string::npos) out.push_back(line);
        if (!out.empty()) break;
        std::this_thread::sleep_for(50ms);
    } while (std::chrono::steady_clock::now() < fin);
    return out;
}

// `pattern`: 'd' a digit, 'x' a lower-case hex digit, anything else itself. (No <regex>: GCC 12
// reports false -Wmaybe-uninitialized inside it at -O2.)
bool matches(const std::string& s, const std::string& pattern) {
    if (s.size() != pattern.size()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (pattern[i] == 'd' ? !std::isdigit(c)
            : pattern[i] == 'x' ? !(std::isdigit(c) || (c >= 'a' && c <= 'f'))
                                 : s[i] != pattern[i])
            return false;
    }
    return true;
}

}  // namespace

BOOST_AUTO_TEST_CASE(cada_peticion_deja_una_linea_json_con_el_id_que_recibe_el_cliente) {
    Api api;
    const auto coord = api.token(kCoord);
    const auto id = api.crear_pendiente("AVERIA");
    auto r = api.get("/api/pendientes/" + std::to_string(id), coord);
    BOOST_TEST_REQUIRE(r.status == 200);
    const std::string rid = r.header("x-request-id");
    BOOST_TEST_REQUIRE(matches(rid, std::string(32, 'x')), rid);

    auto lineas = lineas_con("pool.log", "\"request_id\":\"" + rid + "\"");
    BOOST_TEST_REQUIRE(lineas.size() == 1u);
    rapidjson::Document d;
    d.Parse(lineas[0].c_str());
    BOOST_TEST_REQUIRE(!d.HasParseError(), lineas[0]);
    BOOST_TEST(matches(d["time"].GetString(), "dddd-dd-ddTdd:dd:ddZ"), d["time"].GetString());
    BOOST_TEST(std::string(d["method"].GetString()) == "GET");
    BOOST_TEST(std::string(d["route"].GetString()) == "/api/pendientes/{id}");  // the pattern, not the id
    BOOST_TEST(d["status"].GetInt() == 200);
    BOOST_TEST(d["duration_ms"].IsNumber());
    BOOST_TEST(d["usuario_id"].GetInt64() == 2);  // coordinadora
    BOOST_TEST(!d.HasMember("slow"));
    BOOST_TEST(lineas[0].find(coord) == std::string::npos);

    // nginx logs the same id (and no query string, no token).
    auto nginx = lineas_con("nginx-access.log", "id=" + rid);
    BOOST_TEST_REQUIRE(nginx.size() == 1u);
    BOOST_TEST(nginx[0].find("GET /api/pendientes/" + std::to_string(id) + " ") != std::string::npos, nginx[0]);

    // A refused request is logged too, with its status and no usuario.
    auto no = api.get("/api/pendientes/" + std::to_string(id), "no.es.token");
    auto ln = lineas_con("pool.log", "\"request_id\":\"" + no.header("x-request-id") + "\"");
    BOOST_TEST_REQUIRE(ln.size() == 1u);
    BOOST_TEST(ln[0].find("\"status\":401") != std::string::npos, ln[0]);
    BOOST_TEST(ln[0].find("\"usuario_id\":null") != std::string::npos, ln[0]);
    BOOST_TEST(ln[0].find("no.es.token") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(peticion_lenta_deja_ademas_una_linea_slow_request) {
    // A PUT that waits 1.5 s on a row lock held here: over the 1000 ms threshold, well under
    // the 3 s lock-wait timeout.
    Api api;
    Db datos;
    const auto coord = api.token(kCoord);
    const auto id = pendiente_con_detalle(api, datos);
    FilaBloqueada bloqueo(id);
    auto envio = std::async(std::launch::async, [&] {
        Api otra;
        return asignar(otra, id, kTomas, coord);
    });
    std::this_thread::sleep_for(1500ms);
    bloqueo.soltar();
    auto r = envio.get();
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    const std::string rid = r.header("x-request-id");

    auto lineas = lineas_con("pool.log", "\"request_id\":\"" + rid + "\"");
    BOOST_TEST_REQUIRE(lineas.size() == 2u);
    bool acceso = false, lenta = false;
    for (const auto& l : lineas) {
        rapidjson::Document d;
        d.Parse(l.c_str());
        BOOST_TEST_REQUIRE(!d.HasParseError(), l);
        if (d.HasMember("event")) {
            lenta = std::string(d["event"].GetString()) == "slow_request" &&
                    std::string(d["route"].GetString()) == "/api/pendientes/{id}/asignar" &&
                    d["duration_ms"].GetDouble() >= 1000.0 && d["threshold_ms"].GetInt64() == 1000;
        } else {
            acceso = d["slow"].GetBool() && d["status"].GetInt() == 200;
        }
    }
    BOOST_TEST(acceso);
    BOOST_TEST(lenta);
}
