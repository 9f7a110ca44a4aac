#define BOOST_TEST_MODULE integration_pool
#include <boost/test/unit_test.hpp>

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "support/stack.hpp"

using namespace pendientes::test;

namespace {

pid_t master_pid() {
    std::ifstream in(env("PENDIENTES_TEST_POOL_PID_FILE"));
    pid_t pid = 0;
    in >> pid;
    return pid;
}

// Children of the master, from /proc/<pid>/task/<pid>/children.
std::set<pid_t> workers() {
    pid_t m = master_pid();
    std::ifstream in("/proc/" + std::to_string(m) + "/task/" + std::to_string(m) + "/children");
    std::set<pid_t> out;
    pid_t p;
    while (in >> p) out.insert(p);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(trabajador_matado_con_sigkill_es_reemplazado) {
    Api api;
    auto before = workers();
    BOOST_REQUIRE(!before.empty());
    pid_t victim = *before.begin();
    BOOST_REQUIRE(::kill(victim, SIGKILL) == 0);

    std::set<pid_t> after;
    for (int i = 0; i < 100; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        after = workers();
        if (after.size() == before.size() && !after.count(victim)) break;
    }
    BOOST_TEST(after.size() == before.size());
    BOOST_TEST(!after.count(victim));
    BOOST_TEST(::kill(master_pid(), 0) == 0);  // the master lives on

    auto t = api.token(kCoord);
    for (int i = 0; i < 20; ++i) BOOST_TEST(api.get("/api/usuarios/usuario", t).status == 200);
}

BOOST_AUTO_TEST_CASE(sighup_recarga_con_trabajadores_nuevos_sin_cortar_el_servicio) {
    Api api;
    auto before = workers();
    BOOST_REQUIRE(::kill(master_pid(), SIGHUP) == 0);
    std::set<pid_t> after;
    for (int i = 0; i < 100; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        after = workers();
        bool replaced = after.size() == before.size();
        for (pid_t p : before) replaced = replaced && !after.count(p);
        if (replaced) break;
    }
    BOOST_TEST(after.size() == before.size());
    for (pid_t p : before) BOOST_TEST(!after.count(p));
    auto t = api.token(kCoord);
    for (int i = 0; i < 10; ++i) BOOST_TEST(api.get("/api/usuarios/usuario", t).status == 200);
}
