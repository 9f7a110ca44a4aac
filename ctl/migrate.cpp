// pendientesctl migrate: applies each sql/migrations/NNN_*.sql once, in order.
#include <cstdio>
#include <set>

#include "common/clock.hpp"
#include "ctl/commands.hpp"
#include "ctl/sql_files.hpp"
#include "db/connection.hpp"

namespace pendientes::ctl {
namespace {

std::set<std::string> applied_versions(db::Connection& db) {
    std::set<std::string> out;
    db::Rows rows = db.statement("SELECT version FROM schema_migrations").query();
    while (rows.next()) out.insert(rows.string(1));
    return out;
}

}  // namespace

int migrate(const Config& config, bool status_only) {
    db::DriverThread driver_thread;
    // The service's read time-out bounds a request; a migration rebuilding a million-row table
    // legitimately runs for minutes, and a time-out half-way would leave it to be re-run.
    DbConfig migration_db = config.db;
    migration_db.read_timeout = migration_db.write_timeout = 3600;
    db::Connection db(migration_db);
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version VARCHAR(255) NOT NULL PRIMARY KEY, "
        "applied_at DATETIME NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
    auto applied = applied_versions(db);
    int pending = 0;
    for (const auto& file : migration_files(std::filesystem::path(config.sql_dir) / "migrations")) {
        const std::string version = file.stem().string();
        if (applied.count(version)) {
            if (status_only) std::printf("applied  %s\n", version.c_str());
            continue;
        }
        ++pending;
        if (status_only) {
            std::printf("pending  %s\n", version.c_str());
            continue;
        }
        // MariaDB commits DDL implicitly, so a migration is not atomic: every migration file is
        // written to be re-runnable (IF NOT EXISTS), and the version row is written last.
        for (const auto& statement : read_statements(file)) db.execute(statement);
        db.statement("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)").bind(version).bind(now_sql()).update();
        std::printf("applied  %s\n", version.c_str());
    }
    if (status_only) return pending == 0 ? 0 : 1;
    return 0;
}

}  // namespace pendientes::ctl
