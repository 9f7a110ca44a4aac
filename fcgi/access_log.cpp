#include "fcgi/access_log.hpp"

#include <cstdio>
#include <ctime>

#include "common/json_writer.hpp"

namespace pendientes {
namespace {

// Milliseconds with three decimals (microsecond resolution), as a JSON number.
void put_duration(JsonWriter& w, double ms) {
    json::key(w, "duration_ms");
    w.Double(static_cast<double>(static_cast<std::int64_t>(ms * 1000)) / 1000.0);
}

}  // namespace

bool log_request(const Request& request, const Outcome& outcome, std::chrono::steady_clock::time_point started,
                 std::int64_t slow_request_ms) {
    auto elapsed = std::chrono::steady_clock::now() - started;
    double ms = std::chrono::duration<double, std::milli>(elapsed).count();
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char ts[32];
    std::strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);

    JsonOut out;
    auto& w = out.writer();
    w.StartObject();
    json::put(w, "time", ts);
    json::put(w, "request_id", request.request_id);
    json::put(w, "method", request.method);
    // The pattern, not the path: paths may carry ids a log reader should not need.
    json::put(w, "route", outcome.route_pattern);
    json::put(w, "status", outcome.response.status);
    put_duration(w, ms);
    json::put(w, "usuario_id", outcome.usuario_id);
    const bool slow = slow_request_ms > 0 && ms >= static_cast<double>(slow_request_ms);
    if (slow) json::put(w, "slow", true);
    w.EndObject();
    std::string line = out.str();
    line += '\n';
    if (slow) {
        // php-fpm's slowlog habit: a line of its own, easy to grep or alert on
        // (`journalctl -u pendientes-fcgi | grep slow_request`).
        JsonOut warn;
        auto& s = warn.writer();
        s.StartObject();
        json::put(s, "time", ts);
        json::put(s, "level", "warn");
        json::put(s, "event", "slow_request");
        json::put(s, "request_id", request.request_id);
        json::put(s, "method", request.method);
        json::put(s, "route", outcome.route_pattern);
        put_duration(s, ms);
        json::put(s, "threshold_ms", slow_request_ms);
        s.EndObject();
        line += warn.str();
        line += '\n';
    }
    // One write for both lines: threads of a worker share stderr and must not interleave.
    std::fwrite(line.data(), 1, line.size(), stderr);
    return slow;
}

}  // namespace pendientes
