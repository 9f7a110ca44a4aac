#pragma once
// One JSON line per request on stderr (journald under systemd). Never a body, token or secret.
// Returns whether the request was slow (over PENDIENTES_SLOW_REQUEST_MS).
#include <chrono>

#include "fcgi/request.hpp"
#include "fcgi/service.hpp"

namespace pendientes {

bool log_request(const Request& request, const Outcome& outcome, std::chrono::steady_clock::time_point started,
                 std::int64_t slow_request_ms);

}  // namespace pendientes
