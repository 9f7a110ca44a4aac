#pragma once
// Service configuration (docs/architecture.md, API.md §0.4): a KEY=VALUE file, then the environment.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace pendientes {

struct ConfigError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct DbConfig {
    std::string host = "127.0.0.1";
    int port = 3306;
    std::string socket;  // a Unix socket path: when set, host and port are not used
    std::string user = "pendientes";
    std::string password;  // read from PENDIENTES_DB_PASSWORD_FILE, never from argv
    std::string name = "pendientes";
    int connect_timeout = 2;
    int read_timeout = 5;
    int write_timeout = 5;
    int lock_wait_timeout = 3;
};

struct Config {
    // Pool runtime.
    std::string listen;  // empty: inherited socket on fd 0
    unsigned socket_mode = 0660;
    int workers = 0;     // 0: number of cores
    int threads = 8;
    std::int64_t max_requests = 100000;
    int backlog = 1024;
    std::string pid_file;
    std::int64_t slow_request_ms = 1000;
    std::int64_t listado_cache = 256;  // /filtrar pages kept per worker (db/listado_cache.hpp); 0: none

    DbConfig db;
    std::string sql_dir = "/usr/share/pendientes/sql";

    // API.md §0.4.
    std::string jwt_secret_file;
    std::string pppoe_key_file;  // AES key material for PPPoE passwords at rest (≥ 32 bytes)
    std::int64_t jwt_ttl_seconds = 43200;
    std::int64_t jwt_leeway_seconds = 60;
    std::string timezone = "America/Lima";
    std::int64_t max_page_size = 1000;
    std::int64_t max_body_bytes = 1048576;
    std::int64_t system_empleado_id = 1;
    std::string seed = "bootstrap";
    std::string admin_dni;
    std::string admin_password_hash;
};

// Reads `file` (if given) and then the environment. Throws ConfigError with a message that
// names the key, never its secret value.
Config load_config(const std::optional<std::string>& file);

// Reads a key file: whole content, one trailing newline stripped (§0.4).
std::string read_secret_file(const std::string& path);

// 32 random bytes as 64 hex characters: the format of every key file this project writes.
std::string random_key_text();

// Writes `content` plus a newline to a new file `path`, mode 0600 from its first byte.
// false when it cannot be created (exists already, no permission).
bool create_secret_file(const std::string& path, const std::string& content);

// The PPPoE key file (issue 6): PENDIENTES_PPPOE_KEY_FILE, or when that is not set
// `pppoe.key` beside the JWT key, so that a deployment configured with the §0.4 names only
// still seals PPPoE passwords. Created with a random key on first use.
std::string pppoe_key_path(const Config& config);

// Keys retired by `pendientesctl rotate-key` (file <secret>.previous) that may still have
// live tokens: kept while the file is younger than TTL + leeway, then ignored.
std::vector<std::string> previous_jwt_keys(const Config& config);

// Makes every local date-time of this process use the service time zone.
void apply_timezone(const std::string& tz);

}  // namespace pendientes
