// pendientesctl seed: §12.1 bootstrap data, and the §12.2 fixture with PENDIENTES_SEED=test.
#include <cstdio>
#include <iostream>
#include <iterator>

#include "auth/password.hpp"
#include "common/clock.hpp"
#include "ctl/commands.hpp"
#include "ctl/sql_files.hpp"
#include "db/connection.hpp"

namespace pendientes::ctl {
namespace {

void run_file(db::Connection& db, const std::filesystem::path& file) {
    db::Transaction tx(db);
    for (const auto& statement : read_statements(file)) db.execute(statement);
    tx.commit();
}

bool table_empty(db::Connection& db, const char* sql) { return !db.statement(sql).query().next(); }

}  // namespace

int seed(const Config& config) {
    db::DriverThread driver_thread;
    db::Connection db(config.db);
    const auto dir = std::filesystem::path(config.sql_dir) / "seed";
    run_file(db, dir / "bootstrap.sql");
    if (config.seed == "test") {
        // The fixture's fixed ids only make sense on an empty database (§12.2).
        if (table_empty(db, "SELECT 1 FROM usuarios LIMIT 1")) run_file(db, dir / "test.sql");
        std::printf("seed: bootstrap + test fixture\n");
        return 0;
    }
    if (!table_empty(db, "SELECT 1 FROM usuarios LIMIT 1")) {
        std::printf("seed: bootstrap (usuarios already present)\n");
        return 0;
    }
    if (config.admin_dni.empty() || config.admin_password_hash.empty()) {
        std::fprintf(stderr, "seed: PENDIENTES_ADMIN_DNI and PENDIENTES_ADMIN_PASSWORD_HASH are required\n");
        return 1;
    }
    const std::string now = now_sql();
    db.statement(
          "INSERT INTO usuarios (nombre, dni, email, password_hash, rol_id, empleado_id, vigente, fecha_creacion, "
          "fecha_modificacion) VALUES ('admin', ?, 'admin@localhost', ?, 'ADMN', NULL, 1, ?, ?)")
        .bind(config.admin_dni)
        .bind(config.admin_password_hash)
        .bind(now)
        .bind(now)
        .update();
    std::printf("seed: bootstrap + administrator %s\n", config.admin_dni.c_str());
    return 0;
}

int hash_password_from_stdin() {
    std::string password;
    std::getline(std::cin, password);
    auto hash = auth::hash_password(password);
    if (!hash) {
        std::fprintf(stderr, "hash-password: the password must be 1..72 bytes without NUL\n");
        return 1;
    }
    std::printf("%s\n", hash->c_str());
    return 0;
}

}  // namespace pendientes::ctl
