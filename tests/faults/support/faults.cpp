#include "support/faults.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <rapidjson/document.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>

#include "support/stack.hpp"

extern char** environ;

namespace pendientes::faults {
namespace {

using std::chrono::milliseconds;

void set_timeouts(int fd, Clock::time_point deadline) {
    auto left = std::chrono::duration_cast<std::chrono::microseconds>(deadline - Clock::now()).count();
    if (left < 1000) left = 1000;
    timeval tv{static_cast<time_t>(left / 1000000), static_cast<suseconds_t>(left % 1000000)};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

// Non-blocking connect bounded by the deadline; the socket is blocking again afterwards (each
// later step is bounded by SO_RCVTIMEO/SO_SNDTIMEO).
int connect_bounded(Clock::time_point deadline, std::string& error) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        error = std::string("socket: ") + std::strerror(errno);
        return -1;
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(std::stoi(test::env("PENDIENTES_TEST_HTTPS_PORT", "9443"))));
    inet_pton(AF_INET, test::env("PENDIENTES_TEST_HOST", "127.0.0.1").c_str(), &addr.sin_addr);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 && errno != EINPROGRESS) {
        error = std::string("connect: ") + std::strerror(errno);
        ::close(fd);
        return -1;
    }
    pollfd p{fd, POLLOUT, 0};
    auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now()).count();
    int soerr = 0;
    socklen_t len = sizeof soerr;
    if (::poll(&p, 1, static_cast<int>(std::max<long long>(left, 0))) != 1 ||
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &len) != 0 || soerr != 0) {
        error = soerr ? std::string("connect: ") + std::strerror(soerr) : "connect: time-out";
        ::close(fd);
        return -1;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

std::string cabecera(const std::string& raw) {
    std::string head = raw.substr(0, raw.find("\r\n\r\n"));
    for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return head;
}

// The head announces a framed body (Content-Length or chunked), so EOF before its end is a loss.
bool con_longitud(const std::string& raw) {
    std::string head = cabecera(raw);
    return head.find("\r\ncontent-length:") != std::string::npos ||
           head.find("transfer-encoding: chunked") != std::string::npos;
}

std::string decode_chunked(const std::string& in) {
    std::string out;
    std::size_t pos = 0;
    while (pos < in.size()) {
        auto eol = in.find("\r\n", pos);
        if (eol == std::string::npos) break;
        std::size_t len = std::stoul(in.substr(pos, eol - pos), nullptr, 16);
        if (len == 0) break;
        out += in.substr(eol + 2, len);
        pos = eol + 2 + len + 2;
    }
    return out;
}

}  // namespace

int conectar(Clock::time_point deadline, std::string& error) { return connect_bounded(deadline, error); }

// Complete when the head is in and the body reached Content-Length (or the chunked end).
bool respuesta_completa(const std::string& raw) {
    auto head_end = raw.find("\r\n\r\n");
    if (head_end == std::string::npos) return false;
    std::string head = cabecera(raw);
    auto cl = head.find("\r\ncontent-length:");
    if (cl != std::string::npos) {
        std::size_t n = std::stoul(head.substr(cl + 17));
        return raw.size() >= head_end + 4 + n;
    }
    if (head.find("transfer-encoding: chunked") != std::string::npos)
        return raw.find("\r\n0\r\n\r\n", head_end) != std::string::npos;
    return false;  // read to EOF
}

struct Cliente::Impl {
    SSL_CTX* ctx = nullptr;
};

Cliente::Cliente() : impl_(std::make_unique<Impl>()) {
    impl_->ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_verify(impl_->ctx, SSL_VERIFY_NONE, nullptr);  // self-signed local certificate
    SSL_CTX_set_options(impl_->ctx, SSL_OP_IGNORE_UNEXPECTED_EOF);
}

Cliente::~Cliente() { SSL_CTX_free(impl_->ctx); }

std::string peticion(const std::string& method, const std::string& target, const std::string& token,
                     const std::optional<std::string>& json, bool keep_alive) {
    std::string req = method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n";
    req += keep_alive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    if (!token.empty()) req += "Authorization: Bearer " + token + "\r\n";
    if (json) req += "Content-Type: application/json\r\nContent-Length: " + std::to_string(json->size()) + "\r\n";
    req += "\r\n";
    if (json) req += *json;
    return req;
}

Resultado analizar(const std::string& raw) {
    Resultado r;
    auto head_end = raw.find("\r\n\r\n");
    if (raw.rfind("HTTP/1.", 0) != 0 || head_end == std::string::npos) {
        r.error = raw.empty() ? "no response" : "incomplete response";
        return r;
    }
    r.status = std::atoi(raw.c_str() + raw.find(' ') + 1);
    r.body = raw.substr(head_end + 4);
    if (cabecera(raw).find("transfer-encoding: chunked") != std::string::npos) r.body = decode_chunked(r.body);
    return r;
}

Resultado Cliente::enviar(const std::string& method, const std::string& target, const std::string& token,
                          const std::optional<std::string>& json, std::chrono::milliseconds timeout) {
    const auto t0 = Clock::now();
    const auto deadline = t0 + timeout;
    Resultado r;
    auto fin = [&](Resultado x) {
        x.ms = ms_desde(t0);
        ERR_clear_error();
        return x;
    };
    int fd = connect_bounded(deadline, r.error);
    if (fd < 0) return fin(r);
    SSL* ssl = SSL_new(impl_->ctx);
    SSL_set_fd(ssl, fd);
    SSL_set_tlsext_host_name(ssl, "localhost");
    std::string raw;
    set_timeouts(fd, deadline);
    if (SSL_connect(ssl) != 1) {
        r.error = Clock::now() >= deadline ? "TLS handshake: time-out" : "TLS handshake failed";
    } else {
        const std::string req = peticion(method, target, token, json);
        std::size_t sent = 0;
        while (sent < req.size()) {
            set_timeouts(fd, deadline);
            int n = SSL_write(ssl, req.data() + sent, static_cast<int>(req.size() - sent));
            if (n <= 0) break;  // the server may answer before reading everything
            sent += static_cast<std::size_t>(n);
        }
        char buf[16384];
        while (!respuesta_completa(raw)) {
            if (Clock::now() >= deadline) {
                r.error = "time-out";
                break;
            }
            set_timeouts(fd, deadline);
            int n = SSL_read(ssl, buf, sizeof buf);
            if (n <= 0) {
                int e = SSL_get_error(ssl, n);
                if (e != SSL_ERROR_ZERO_RETURN)
                    r.error = Clock::now() >= deadline ? "time-out" : (errno == ECONNRESET ? "reset" : "read failed");
                break;
            }
            raw.append(buf, static_cast<std::size_t>(n));
        }
    }
    SSL_free(ssl);
    ::close(fd);
    // A response without Content-Length ends at EOF; any other incomplete one is a failure.
    Resultado parsed = analizar(raw);
    if (!respuesta_completa(raw) && (!r.error.empty() || con_longitud(raw))) {
        parsed.status = -1;
        parsed.body.clear();
    }
    if (parsed.status < 0 && !r.error.empty()) parsed.error = r.error;
    if (parsed.status < 0 && parsed.error.empty()) parsed.error = "truncated response";
    return fin(parsed);
}

std::string error_code(const std::string& body) {
    rapidjson::Document d;
    d.Parse(body.c_str(), body.size());
    if (d.HasParseError() || !d.IsObject() || !d.HasMember("errorCode") || !d["errorCode"].IsString()) return "";
    return d["errorCode"].GetString();
}

bool es_sobre_error(const Resultado& r, int status, const std::string& codigo) {
    if (r.status != status) return false;
    rapidjson::Document d;
    d.Parse(r.body.c_str(), r.body.size());
    if (d.HasParseError() || !d.IsObject()) return false;
    auto is = [&](const char* k) { return d.HasMember(k); };
    return is("success") && d["success"].IsBool() && !d["success"].GetBool() && is("code") && d["code"].IsInt() &&
           d["code"].GetInt() == status && is("data") && d["data"].IsNull() && is("message") &&
           d["message"].IsString() && is("errorCode") && d["errorCode"].IsString() &&
           codigo == d["errorCode"].GetString() && is("errors") && d["errors"].IsArray();
}

pid_t pid_maestro() {
    std::ifstream in(test::env("PENDIENTES_TEST_POOL_PID_FILE"));
    pid_t pid = 0;
    in >> pid;
    return pid;
}

std::set<pid_t> trabajadores() {
    const pid_t m = pid_maestro();
    std::ifstream in("/proc/" + std::to_string(m) + "/task/" + std::to_string(m) + "/children");
    std::set<pid_t> out;
    pid_t p;
    while (in >> p) out.insert(p);
    return out;
}

bool vivo(pid_t pid) { return pid > 0 && ::kill(pid, 0) == 0; }

namespace {

// argv/envp built before fork(): the child of a multi-threaded test only calls
// async-signal-safe functions.
struct Exec {
    std::vector<std::string> args, envs;
    std::vector<char*> argv, envp;

    Exec(const std::vector<std::string>& a, const std::vector<std::string>& extra) : args(a) {
        for (char** e = environ; *e; ++e) {
            std::string kv(*e);
            bool replaced = std::any_of(extra.begin(), extra.end(), [&](const std::string& x) {
                return kv.compare(0, x.find('=') + 1, x, 0, x.find('=') + 1) == 0;
            });
            if (!replaced) envs.push_back(kv);
        }
        envs.insert(envs.end(), extra.begin(), extra.end());
        for (auto& s : args) argv.push_back(s.data());
        argv.push_back(nullptr);
        for (auto& s : envs) envp.push_back(s.data());
        envp.push_back(nullptr);
    }
};

[[noreturn]] void exec_child(Exec& x, int in_fd, int out_fd) {
    ::dup2(in_fd, 0);
    ::dup2(out_fd, 1);
    ::dup2(out_fd, 2);
    ::close_range(3, ~0U, 0);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::execve(x.argv[0], x.argv.data(), x.envp.data());
    ::_exit(127);
}

}  // namespace

Salida ejecutar(const std::vector<std::string>& argv, const std::string& stdin_text,
                const std::vector<std::string>& env_extra) {
    Exec x(argv, env_extra);
    int in[2], out[2];
    if (::pipe2(in, O_CLOEXEC) != 0) return {};
    if (::pipe2(out, O_CLOEXEC) != 0) {
        ::close(in[0]);
        ::close(in[1]);
        return {};
    }
    pid_t pid = ::fork();
    if (pid == 0) exec_child(x, in[0], out[1]);
    ::close(in[0]);
    ::close(out[1]);
    Salida s;
    if (pid < 0) {
        ::close(in[1]);
        ::close(out[0]);
        return s;
    }
    std::size_t off = 0;
    while (off < stdin_text.size()) {
        ssize_t n = ::write(in[1], stdin_text.data() + off, stdin_text.size() - off);
        if (n <= 0) break;
        off += static_cast<std::size_t>(n);
    }
    ::close(in[1]);
    char buf[4096];
    ssize_t n;
    while ((n = ::read(out[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
        if (n > 0) s.out.append(buf, static_cast<std::size_t>(n));
    ::close(out[0]);
    s.rc = esperar(pid);
    return s;
}

pid_t lanzar(const std::vector<std::string>& argv, const std::vector<std::string>& env_extra) {
    Exec x(argv, env_extra);
    int null_fd = ::open("/dev/null", O_RDWR | O_CLOEXEC);
    pid_t pid = ::fork();
    if (pid == 0) exec_child(x, null_fd, null_fd);
    ::close(null_fd);
    return pid;
}

int esperar(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return -WTERMSIG(status);
    return -1;
}

Salida db_ctl(const std::string& orden, const std::string& sql) {
    return ejecutar({test::env("PENDIENTES_TEST_DB_CTL"), orden}, sql);
}

double percentil(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size())));
    return v[std::clamp<std::size_t>(rank, 1, v.size()) - 1];
}

double ms_desde(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

std::string valor_config(const std::string& key, const std::string& fallback) {
    std::ifstream in(test::env("PENDIENTES_TEST_CONFIG"));
    std::string line, value = fallback;
    while (std::getline(in, line))
        if (line.rfind(key + "=", 0) == 0) value = line.substr(key.size() + 1);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    return value;
}

std::string etiqueta(const std::string& prefijo) {
    static std::atomic<int> n{0};
    auto t = std::chrono::duration_cast<std::chrono::microseconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
    return prefijo + "-" + std::to_string(t % 10000000000) + "-" + std::to_string(::getpid()) + "-" +
           std::to_string(n++);
}

}  // namespace pendientes::faults
