// pendientesctl issue-token, rotate-key, check-config (issue 7).
#include <openssl/rand.h>
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
    unsigned char raw[32];
    if (RAND_bytes(raw, sizeof raw) != 1) {
        std::fprintf(stderr, "rotate-key: no randomness available\n");
        return 1;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string key;
    for (unsigned char b : raw) {
        key += kHex[b >> 4];
        key += kHex[b & 15];
    }
    const fs::path next = current.string() + ".new";
    {
        mode_t old_mask = ::umask(077);  // the key file is 0600 from its first byte
        std::ofstream out(next, std::ios::binary | std::ios::trunc);
        out << key << '\n';
        ::umask(old_mask);
        if (!out) {
            std::fprintf(stderr, "rotate-key: cannot write %s\n", next.c_str());
            return 1;
        }
    }
    // The old key keeps verifying its tokens (TTL + leeway after this moment, see previous_jwt_keys).
    if (fs::exists(current)) fs::rename(current, current.string() + ".previous");
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
