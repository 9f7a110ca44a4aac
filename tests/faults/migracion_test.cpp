// Fault 5 (issue 6): `pendientesctl migrate` SIGKILLed while it applies a migration, against
// a fresh database of its own (created on the admin socket through scripts/lib/db-ctl; the
// pendientesctl run gets PENDIENTES_DB_NAME in its environment, which overrides the stack's
// config file). MariaDB commits each DDL statement, so a kill leaves some tables and no
// version row; the migrations are re-runnable (IF NOT EXISTS, version row written last), so
// the next run must converge on exactly the schema of the real test database.
#define BOOST_TEST_MODULE faults_migracion
#include <boost/test/unit_test.hpp>

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <thread>

#include "support/faults.hpp"
#include "support/stack.hpp"

using namespace pendientes::test;
using namespace pendientes::faults;
using namespace std::chrono_literals;

namespace {

const std::string kBase = "pendientes_migtest_" + std::to_string(::getpid());

void admin(const std::string& sql) {
    auto s = db_ctl("sql", sql);
    BOOST_REQUIRE_MESSAGE(s.rc == 0, "db-ctl sql failed: " + s.out);
}

// Both accounts of the stack's user: over TCP it is 'user'@'127.0.0.1', over the Unix socket
// (PENDIENTES_DB_SOCKET, what pendientesctl uses here) 'user'@'localhost'.
void base_nueva() {
    const std::string usuario = env("PENDIENTES_TEST_DB_USER", "pendientes");
    admin("DROP DATABASE IF EXISTS `" + kBase + "`;\nCREATE DATABASE `" + kBase +
          "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\nGRANT ALL PRIVILEGES ON `" + kBase + "`.* TO '" +
          usuario + "'@'127.0.0.1';\nGRANT ALL PRIVILEGES ON `" + kBase + "`.* TO '" + usuario + "'@'localhost';\n");
}

struct Borrar {
    ~Borrar() { db_ctl("sql", "DROP DATABASE IF EXISTS `" + kBase + "`;\n"); }
};

std::vector<std::string> migrate_argv() {
    return {PENDIENTESCTL_PATH, "--config", env("PENDIENTES_TEST_CONFIG"), "migrate"};
}
std::vector<std::string> migrate_env() { return {"PENDIENTES_DB_NAME=" + kBase}; }

// One column per line, plus indexes and constraints: what "the same schema" means here.
std::vector<std::string> esquema(Db& db, const std::string& base) {
    std::vector<std::string> out;
    auto leer = [&](const char* sql) {
        auto rows = db.connection().statement(sql).bind(base).query();
        while (rows.next()) out.push_back(rows.string(1));
    };
    leer("SELECT CONCAT_WS('|', 'col', table_name, ordinal_position, column_name, column_type, is_nullable, "
         "IFNULL(column_default, '-'), column_key, extra, IFNULL(collation_name, '-')) "
         "FROM information_schema.columns WHERE table_schema = ? ORDER BY table_name, ordinal_position");
    leer("SELECT CONCAT_WS('|', 'idx', table_name, index_name, seq_in_index, column_name, non_unique) "
         "FROM information_schema.statistics WHERE table_schema = ? ORDER BY table_name, index_name, seq_in_index");
    leer("SELECT CONCAT_WS('|', 'con', table_name, constraint_name, constraint_type) "
         "FROM information_schema.table_constraints WHERE constraint_schema = ? "
         "ORDER BY table_name, constraint_name");
    leer("SELECT CONCAT_WS('|', 'tbl', table_name, engine, table_collation) "
         "FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name");
    return out;
}

std::int64_t tablas(Db& db) {
    return db.count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + kBase + "'");
}

bool tiene_versiones(Db& db) {
    return db.count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + kBase +
                    "' AND table_name = 'schema_migrations'") == 1;
}

// The versions recorded in the test database (none before schema_migrations exists).
std::vector<std::string> versiones(Db& db) {
    std::vector<std::string> out;
    if (!tiene_versiones(db)) return out;
    auto rows = db.connection().statement("SELECT version FROM `" + kBase + "`.schema_migrations ORDER BY version").query();
    while (rows.next()) out.push_back(rows.string(1));
    return out;
}

struct Corte {
    std::int64_t tablas;
    std::vector<std::string> versiones;
    int rc;
    double ms;
};

// Starts `migrate`, SIGKILLs it as soon as `listo` holds (polled every millisecond), reports
// what it left behind.
Corte migrar_y_matar(Db& db, const std::function<bool()>& listo) {
    const auto t0 = Clock::now();
    pid_t pid = lanzar(migrate_argv(), migrate_env());
    BOOST_REQUIRE(pid > 0);
    while (!listo() && ms_desde(t0) < 20000) std::this_thread::sleep_for(1ms);
    ::kill(pid, SIGKILL);
    Corte c{};
    c.rc = esperar(pid);
    c.ms = ms_desde(t0);
    c.tablas = tablas(db);
    c.versiones = versiones(db);
    return c;
}

std::vector<std::string> versiones_reales(Db& db) {
    std::vector<std::string> out;
    auto rows = db.connection().statement("SELECT version FROM schema_migrations ORDER BY version").query();
    while (rows.next()) out.push_back(rows.string(1));
    return out;
}

void converge(Db& db, const char* como) {
    auto s = ejecutar(migrate_argv(), "", migrate_env());
    BOOST_TEST_REQUIRE(s.rc == 0, como << ": migrate failed: " << s.out);
    const auto real = env("PENDIENTES_TEST_DB_NAME", "pendientes");
    auto esperado = esquema(db, real);
    auto obtenido = esquema(db, kBase);
    BOOST_TEST(!esperado.empty());
    BOOST_TEST(obtenido == esperado, como << ": schema differs");
    if (obtenido != esperado) {
        for (const auto& l : esperado)
            if (std::find(obtenido.begin(), obtenido.end(), l) == obtenido.end()) BOOST_TEST_MESSAGE("missing " << l);
        for (const auto& l : obtenido)
            if (std::find(esperado.begin(), esperado.end(), l) == esperado.end()) BOOST_TEST_MESSAGE("extra " << l);
    }
    BOOST_TEST(versiones(db) == versiones_reales(db), como << ": schema_migrations incomplete");
    // And a further run has nothing left to do.
    auto otra = ejecutar(migrate_argv(), "", migrate_env());
    BOOST_TEST(otra.rc == 0, otra.out);
    BOOST_TEST(otra.out.find("applied") == std::string::npos, otra.out);
}

std::string texto(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
    return s.empty() ? "-" : s;
}

}  // namespace

BOOST_AUTO_TEST_CASE(migrate_matado_a_mitad_de_una_migracion_converge_al_reejecutar) {
    Db db;
    Borrar borrar;
    const auto total = static_cast<std::int64_t>(esquema(db, env("PENDIENTES_TEST_DB_NAME", "pendientes")).size());
    BOOST_REQUIRE(total > 0);

    // Half-way through the multi-statement 001: a few tables exist, no version row.
    base_nueva();
    auto corte = migrar_y_matar(db, [&] { return tablas(db) >= 4; });
    std::printf("[faults] migrate matado a los %.0f ms: %lld tablas, versiones %s (rc %d)\n", corte.ms,
                static_cast<long long>(corte.tablas), texto(corte.versiones).c_str(), corte.rc);
    std::fflush(stdout);
    BOOST_TEST(corte.rc == -SIGKILL);
    BOOST_TEST(corte.tablas >= 4);
    BOOST_TEST(corte.versiones.empty());  // the kill landed inside 001_schema
    converge(db, "after a kill inside 001");
}

BOOST_AUTO_TEST_CASE(migrate_matado_varias_veces_seguidas_converge) {
    // Killed, re-run and killed again further on (twice inside 001, once after it), then one
    // full run: every partial state must be a valid starting point.
    Db db;
    Borrar borrar;
    base_nueva();
    std::vector<std::pair<const char*, std::function<bool()>>> cortes{
        {"3 tables", [&] { return tablas(db) >= 3; }},
        {"8 tables", [&] { return tablas(db) >= 8; }},
        {"after 001", [&] { return !versiones(db).empty(); }},
    };
    for (auto& [nombre, listo] : cortes) {
        auto c = migrar_y_matar(db, listo);
        std::printf("[faults] migrate matado (%s) a los %.0f ms: %lld tablas, versiones %s (rc %d)\n", nombre, c.ms,
                    static_cast<long long>(c.tablas), texto(c.versiones).c_str(), c.rc);
        std::fflush(stdout);
        BOOST_TEST(c.rc == -SIGKILL, nombre);
    }
    converge(db, "after three kills");
}

BOOST_AUTO_TEST_CASE(migrate_matado_a_los_pocos_ms_converge) {
    Db db;
    Borrar borrar;
    for (int ms : {2, 10, 40}) {
        base_nueva();
        const auto t0 = Clock::now();
        auto c = migrar_y_matar(db, [&] { return ms_desde(t0) >= ms; });
        std::printf("[faults] migrate matado a los %d ms: %lld tablas, versiones %s (rc %d)\n", ms,
                    static_cast<long long>(c.tablas), texto(c.versiones).c_str(), c.rc);
        std::fflush(stdout);
        converge(db, "after an early kill");
    }
}
