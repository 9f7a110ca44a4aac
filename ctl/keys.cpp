// pendientesctl issue-token, rotate-key, check-config (issue 7).
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>

#include "auth/token.hpp"
#include "ctl/commands.hpp"
#include "ctl/sql_files.hpp"
#include "db/connection.hpp"
#include "db/db_error.hpp"

namespace pendientes::ctl {

int issue_token(const Config& config, const Args& args) {
    const std::string dni = args.required("dni");
    std::int64_t ttl = config.jwt_ttl_seconds;
    if (auto t = args.get("ttl")) ttl = std::stoll(*t);
    if (ttl < 1) throw UsageError("--ttl must be a positive number of seconds");
    db::DriverThread driver_thread;
    db::Connection db(config.db);
    db::Rows rows = db.statement("SELECT id, rol_id FROM usuarios WHERE dni = ? AND vigente = 1").bind(dni).query();
    if (!rows.next()) {
        std::fprintf(stderr, "issue-token: no active usuario with dni %s\n", dni.c_str());
        return 1;
    }
    auth::TokenSigner signer(read_secret_file(config.jwt_secret_file), previous_jwt_keys(config));
    std::printf("%s\n", signer.issue(rows.int64(1), rows.string(2), std::time(nullptr), ttl).c_str());
    return 0;
}

int rotate_key(const Config& config) {
    namespace fs = std::filesystem;
    const fs::path current = config.jwt_secret_file;
    if (current.empty()) throw UsageError("PENDIENTES_JWT_SECRET_FILE is not set");
    const fs::path next = current.string() + ".new";
    fs::remove(next);  // left by an interrupted rotation
    if (!create_secret_file(next.string(), random_key_text())) {
        std::fprintf(stderr, "rotate-key: cannot write %s\n", next.c_str());
        return 1;
    }
    // The service reads the key as its own user (`pendientes` in the package) while an
    // administrator runs this as root: the new file takes the old one's owner and group.
    struct stat old_st {};
    if (::stat(current.c_str(), &old_st) == 0 && ::chown(next.c_str(), old_st.st_uid, old_st.st_gid) != 0 &&
        ::geteuid() == 0) {
        std::fprintf(stderr, "rotate-key: cannot give %s the owner of %s\n", next.c_str(), current.c_str());
        return 1;
    }
    // The old key keeps verifying its tokens for TTL + leeway from *this moment*
    // (previous_jwt_keys reads the file's mtime): a rename keeps the old mtime, so it is reset.
    if (fs::exists(current)) {
        const fs::path previous = current.string() + ".previous";
        fs::rename(current, previous);
        fs::last_write_time(previous, fs::file_time_type::clock::now());
    }
    fs::rename(next, current);
    std::printf("new key written to %s; previous key kept in %s.previous for %lld s\n"
                "reload the service to use it: systemctl reload pendientes-fcgi\n",
                current.c_str(), current.c_str(),
                static_cast<long long>(config.jwt_ttl_seconds + config.jwt_leeway_seconds));
    return 0;
}

int check_config(const Config& config) {
    int problems = 0;
    auto fail = [&](const std::string& msg) {
        std::printf("FAIL  %s\n", msg.c_str());
        ++problems;
    };
    auto pass = [](const std::string& msg) { std::printf("ok    %s\n", msg.c_str()); };

    try {
        std::string key = read_secret_file(config.jwt_secret_file);
        if (key.size() < auth::kMinKeyBytes) fail("JWT key in " + config.jwt_secret_file + " is shorter than 32 bytes");
        else pass("JWT key file " + config.jwt_secret_file + " (" + std::to_string(key.size()) + " bytes)");
        struct stat st {};
        if (::stat(config.jwt_secret_file.c_str(), &st) == 0 && (st.st_mode & 077))
            fail("JWT key file is readable by group/others (chmod 600)");
    } catch (const std::exception&) {
        fail("cannot read PENDIENTES_JWT_SECRET_FILE '" + config.jwt_secret_file + "'");
    }
    try {
        db::DriverThread driver_thread;
        db::Connection db(config.db);
        db.ensure_connected();
        pass("database " + config.db.name + " at " + config.db.host + ":" + std::to_string(config.db.port));
        std::set<std::string> applied;
        db::Rows rows = db.statement("SELECT version FROM schema_migrations").query();
        while (rows.next()) applied.insert(rows.string(1));
        int pending = 0;
        for (const auto& f : migration_files(std::filesystem::path(config.sql_dir) / "migrations"))
            if (!applied.count(f.stem().string())) ++pending;
        if (pending) fail(std::to_string(pending) + " migration(s) pending: run pendientesctl migrate");
        else pass("migrations up to date (" + std::to_string(applied.size()) + " applied)");
    } catch (const std::exception& e) {
        fail(std::string("database not reachable or not migrated: ") + e.what());
    }
    std::printf(problems ? "%d problem(s)\n" : "configuration ok\n", problems);
    return problems ? 1 : 0;
}

}  // namespace pendientes::ctl
