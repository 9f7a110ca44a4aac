#include "common/config.hpp"

#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <ctime>
#include <fstream>
#include <map>
#include <sstream>

namespace pendientes {
namespace {

std::map<std::string, std::string> read_file_entries(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw ConfigError("cannot read config file " + path);
    std::map<std::string, std::string> out;
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        auto eq = line.find('=');
        if (eq == std::string::npos) throw ConfigError(path + ":" + std::to_string(n) + ": expected KEY=VALUE");
        std::string key = line.substr(first, eq - first);
        while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.pop_back();
        std::string value = line.substr(eq + 1);
        while (!value.empty() && (value.back() == '\r' || value.back() == ' ' || value.back() == '\t')) value.pop_back();
        auto vfirst = value.find_first_not_of(" \t");
        value = vfirst == std::string::npos ? "" : value.substr(vfirst);
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
            value = value.substr(1, value.size() - 2);
        out[key] = value;
    }
    return out;
}

class Source {
public:
    explicit Source(std::map<std::string, std::string> file) : file_(std::move(file)) {}

    std::optional<std::string> get(const char* key) const {
        if (const char* env = std::getenv(key)) return std::string(env);
        if (auto it = file_.find(key); it != file_.end()) return it->second;
        return std::nullopt;
    }
    void read(const char* key, std::string& out) const {
        if (auto v = get(key)) out = *v;
    }
    template <class Int>
    void read(const char* key, Int& out, long long min, long long max) const {
        auto v = get(key);
        if (!v || v->empty()) return;
        char* end = nullptr;
        errno = 0;
        long long parsed = std::strtoll(v->c_str(), &end, 10);
        if (errno || *end != '\0' || parsed < min || parsed > max)
            throw ConfigError(std::string(key) + " must be an integer in [" + std::to_string(min) + ", " +
                              std::to_string(max) + "]");
        out = static_cast<Int>(parsed);
    }

private:
    std::map<std::string, std::string> file_;
};

}  // namespace

Config load_config(const std::optional<std::string>& file) {
    Source src(file ? read_file_entries(*file) : std::map<std::string, std::string>{});
    Config c;
    src.read("PENDIENTES_LISTEN", c.listen);
    if (auto mode = src.get("PENDIENTES_SOCKET_MODE"); mode && !mode->empty())
        c.socket_mode = static_cast<unsigned>(std::strtoul(mode->c_str(), nullptr, 8));
    src.read("PENDIENTES_WORKERS", c.workers, 0, 256);
    src.read("PENDIENTES_THREADS", c.threads, 1, 256);
    src.read("PENDIENTES_MAX_REQUESTS", c.max_requests, 0, 1LL << 40);
    src.read("PENDIENTES_BACKLOG", c.backlog, 1, 65535);
    src.read("PENDIENTES_PID_FILE", c.pid_file);
    src.read("PENDIENTES_SLOW_REQUEST_MS", c.slow_request_ms, 0, 3600000);
    src.read("PENDIENTES_LISTADO_CACHE", c.listado_cache, 0, 100000);

    src.read("PENDIENTES_DB_HOST", c.db.host);
    src.read("PENDIENTES_DB_PORT", c.db.port, 1, 65535);
    src.read("PENDIENTES_DB_SOCKET", c.db.socket);
    src.read("PENDIENTES_DB_USER", c.db.user);
    src.read("PENDIENTES_DB_NAME", c.db.name);
    if (auto f = src.get("PENDIENTES_DB_PASSWORD_FILE"); f && !f->empty()) c.db.password = read_secret_file(*f);
    src.read("PENDIENTES_DB_CONNECT_TIMEOUT", c.db.connect_timeout, 1, 600);
    src.read("PENDIENTES_DB_READ_TIMEOUT", c.db.read_timeout, 1, 3600);
    src.read("PENDIENTES_DB_WRITE_TIMEOUT", c.db.write_timeout, 1, 3600);
    src.read("PENDIENTES_DB_LOCK_WAIT_TIMEOUT", c.db.lock_wait_timeout, 1, 3600);
    src.read("PENDIENTES_SQL_DIR", c.sql_dir);

    src.read("PENDIENTES_JWT_SECRET_FILE", c.jwt_secret_file);
    src.read("PENDIENTES_PPPOE_KEY_FILE", c.pppoe_key_file);
    src.read("PENDIENTES_JWT_TTL_SECONDS", c.jwt_ttl_seconds, 1, 10LL * 365 * 86400);
    src.read("PENDIENTES_JWT_LEEWAY_SECONDS", c.jwt_leeway_seconds, 0, 86400);
    src.read("PENDIENTES_TIMEZONE", c.timezone);
    src.read("PENDIENTES_MAX_PAGE_SIZE", c.max_page_size, 1, 1000000);
    src.read("PENDIENTES_MAX_BODY_BYTES", c.max_body_bytes, 1, 1LL << 30);
    src.read("PENDIENTES_SYSTEM_EMPLEADO_ID", c.system_empleado_id, 1, INT64_MAX);
    src.read("PENDIENTES_SEED", c.seed);
    if (c.seed != "bootstrap" && c.seed != "test") throw ConfigError("PENDIENTES_SEED must be bootstrap or test");
    src.read("PENDIENTES_ADMIN_DNI", c.admin_dni);
    src.read("PENDIENTES_ADMIN_PASSWORD_HASH", c.admin_password_hash);
    return c;
}

std::string read_secret_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError("cannot read secret file " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string s = ss.str();
    if (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
}

std::string random_key_text() {
    unsigned char raw[32];
    if (RAND_bytes(raw, sizeof raw) != 1) throw ConfigError("no randomness available for a new key");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string key;
    for (unsigned char b : raw) {
        key += kHex[b >> 4];
        key += kHex[b & 15];
    }
    return key;
}

bool create_secret_file(const std::string& path, const std::string& content) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    const std::string text = content + "\n";
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) ::unlink(path.c_str());
    return ok;
}

std::string pppoe_key_path(const Config& config) {
    if (!config.pppoe_key_file.empty()) return config.pppoe_key_file;
    if (config.jwt_secret_file.empty()) throw ConfigError("PENDIENTES_JWT_SECRET_FILE is required");
    const auto path = (std::filesystem::path(config.jwt_secret_file).parent_path() / "pppoe.key").string();
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 && !create_secret_file(path, random_key_text()) && ::stat(path.c_str(), &st) != 0)
        throw ConfigError("PENDIENTES_PPPOE_KEY_FILE is not set and " + path + " cannot be created");
    return path;
}

std::vector<std::string> previous_jwt_keys(const Config& config) {
    const std::string path = config.jwt_secret_file + ".previous";
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return {};
    if (st.st_mtime + config.jwt_ttl_seconds + config.jwt_leeway_seconds < std::time(nullptr)) return {};
    return {read_secret_file(path)};
}

void apply_timezone(const std::string& tz) {
    // localtime_r then yields the service's LocalDateTime everywhere (§0.3) without a tz library.
    ::setenv("TZ", tz.c_str(), 1);
    ::tzset();
}

}  // namespace pendientes
