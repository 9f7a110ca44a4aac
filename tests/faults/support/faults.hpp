#pragma once
// Shared machinery of the fault-injection suites (issue 6): a TLS client with hard time
// bounds that never throws (a fault test must record a hang or a reset, not abort on it),
// the pool's processes, child processes (pendientesctl, scripts/lib/db-ctl) and latency
// statistics. Nothing here uses Boost.Test assertions, so it may run on any thread.
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "support/http_client.hpp"

namespace pendientes::faults {

using Clock = std::chrono::steady_clock;

// What one request saw. status -1: no HTTP answer (connect/TLS failure, reset, time-out;
// `error` says which).
struct Resultado {
    int status = -1;
    std::string body;
    double ms = 0;
    std::string error;
};

// One request per TLS connection (Connection: close), like the integration client, but every
// step is bounded by `timeout` and nothing throws. One instance per thread.
class Cliente {
public:
    Cliente();
    ~Cliente();
    Cliente(const Cliente&) = delete;
    Cliente& operator=(const Cliente&) = delete;

    Resultado enviar(const std::string& method, const std::string& target, const std::string& token,
                     const std::optional<std::string>& json = std::nullopt,
                     std::chrono::milliseconds timeout = std::chrono::seconds(10));

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// A TCP connection to nginx's HTTPS port, established before `deadline` (blocking socket,
// TCP_NODELAY, close-on-exec), or -1 with `error` set.
int conectar(Clock::time_point deadline, std::string& error);

// Builds a request as sent on the wire (Host, Connection: close, Authorization, JSON body).
std::string peticion(const std::string& method, const std::string& target, const std::string& token,
                     const std::optional<std::string>& json, bool keep_alive = false);

// True once `raw` holds a whole response (head plus Content-Length bytes or the last chunk).
bool respuesta_completa(const std::string& raw);

// Splits a raw HTTP response (status, body; chunked bodies decoded). -1 when unparseable.
Resultado analizar(const std::string& raw);

// The errorCode of an error envelope, or "" when the body is not one.
std::string error_code(const std::string& body);
// True when `r` is the §1.2 envelope with this status and errorCode (checked field by field).
bool es_sobre_error(const Resultado& r, int status, const std::string& codigo);

// The pool: master pid (PENDIENTES_TEST_POOL_PID_FILE) and its children.
pid_t pid_maestro();
std::set<pid_t> trabajadores();
bool vivo(pid_t pid);

// A child process with stdin text and extra environment, every fd ≥ 3 closed in the child (a
// MariaDB started by db-ctl must not inherit the test's sockets). Returns the exit status
// (-1 killed by a signal) and the combined stdout+stderr.
struct Salida {
    int rc = -1;
    std::string out;
};
Salida ejecutar(const std::vector<std::string>& argv, const std::string& stdin_text = "",
                const std::vector<std::string>& env_extra = {});
// Starts a child without waiting (stdout/stderr to /dev/null); the caller kills and reaps it.
pid_t lanzar(const std::vector<std::string>& argv, const std::vector<std::string>& env_extra = {});
// Waits for `pid`; returns its exit status, or -signal when it was killed.
int esperar(pid_t pid);

// scripts/lib/db-ctl stop|start|sql (PENDIENTES_TEST_DB_CTL).
Salida db_ctl(const std::string& orden, const std::string& sql = "");

// p in [0,100] of the values (nearest rank); 0 for an empty set.
double percentil(std::vector<double> v, double p);

double ms_desde(Clock::time_point t0);

// A KEY=VALUE of the stack's generated config (PENDIENTES_TEST_CONFIG), or `fallback`.
std::string valor_config(const std::string& key, const std::string& fallback);

// A prefix no other run or suite uses, for tagging rows this test creates.
std::string etiqueta(const std::string& prefijo);

}  // namespace pendientes::faults
