// /status and /metrics (issue 7): php-fpm's status page in JSON and as Prometheus text.
// nginx restricts both to loopback; they touch neither the database nor a token.
#include <ctime>
#include <string>

#include "fcgi/scoreboard.hpp"
#include "handlers/health.hpp"

namespace pendientes::handlers {
namespace {

struct PoolFigures {
    std::int64_t uptime = 0;
    std::uint64_t workers = 0, threads = 0, busy = 0, requests = 0, slow = 0, restarts = 0, reloads = 0;
    std::uint64_t cache_hits = 0, cache_misses = 0;
    std::optional<std::uint32_t> queue;
};

PoolFigures figures() {
    PoolFigures f;
    Scoreboard* b = scoreboard();
    if (!b) return f;
    f.uptime = std::time(nullptr) - b->started_unix.load();
    for (const auto& s : b->slots) {
        if (s.pid.load() <= 0) continue;
        ++f.workers;
        f.threads += s.threads;
        f.busy += s.busy;
    }
    f.requests = b->requests_total;
    f.slow = b->slow_requests_total;
    f.restarts = b->worker_restarts_total;
    f.reloads = b->reloads_total;
    f.cache_hits = b->listado_cache_hits_total;
    f.cache_misses = b->listado_cache_misses_total;
    f.queue = listen_queue_length(listen_fd());
    return f;
}

}  // namespace

Response pool_status(Context&) {
    const PoolFigures f = figures();
    return success("Estado del pool", [&](JsonWriter& w) {
        w.StartObject();
        json::put(w, "pool", "pendientes");
        json::put(w, "uptimeSeconds", f.uptime);
        json::put(w, "workers", static_cast<std::int64_t>(f.workers));
        json::put(w, "threadsTotal", static_cast<std::int64_t>(f.threads));
        json::put(w, "threadsActive", static_cast<std::int64_t>(f.busy));
        json::put(w, "threadsIdle", static_cast<std::int64_t>(f.threads - std::min(f.busy, f.threads)));
        json::put(w, "requestsServed", static_cast<std::int64_t>(f.requests));
        json::put(w, "slowRequests", static_cast<std::int64_t>(f.slow));
        json::put(w, "workerRestarts", static_cast<std::int64_t>(f.restarts));
        json::put(w, "reloads", static_cast<std::int64_t>(f.reloads));
        json::put(w, "listadoCacheHits", static_cast<std::int64_t>(f.cache_hits));
        json::put(w, "listadoCacheMisses", static_cast<std::int64_t>(f.cache_misses));
        json::key(w, "listenQueue");
        if (f.queue) w.Int64(*f.queue); else w.Null();
        w.EndObject();
    });
}

Response pool_metrics(Context&) {
    const PoolFigures f = figures();
    std::string out;
    auto metric = [&](const char* name, const char* type, const char* help, std::uint64_t value) {
        out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" + name + " " +
               std::to_string(value) + "\n";
    };
    metric("pendientes_uptime_seconds", "gauge", "Seconds since the pool master started.", static_cast<std::uint64_t>(f.uptime));
    metric("pendientes_workers", "gauge", "Worker processes alive.", f.workers);
    metric("pendientes_threads_total", "gauge", "Accept threads in all workers.", f.threads);
    metric("pendientes_threads_active", "gauge", "Threads serving a request now.", f.busy);
    metric("pendientes_requests_total", "counter", "Requests served since start.", f.requests);
    metric("pendientes_slow_requests_total", "counter", "Requests over PENDIENTES_SLOW_REQUEST_MS.", f.slow);
    metric("pendientes_worker_restarts_total", "counter", "Workers replaced after dying.", f.restarts);
    metric("pendientes_reloads_total", "counter", "Graceful reloads (SIGHUP).", f.reloads);
    metric("pendientes_listado_cache_hits_total", "counter", "/filtrar pages answered from the worker's cache.", f.cache_hits);
    metric("pendientes_listado_cache_misses_total", "counter", "/filtrar pages read from the database.", f.cache_misses);
    if (f.queue) metric("pendientes_listen_queue", "gauge", "Connections waiting in the listen backlog.", *f.queue);
    Response r;
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    r.body = std::move(out);
    return r;
}

}  // namespace pendientes::handlers
