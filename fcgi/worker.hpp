#pragma once
// One worker process: T threads accepting on the shared listen socket with FCGX_Accept_r.
#include "fcgi/service.hpp"

namespace pendientes {

// Runs until SIGTERM (graceful: in-flight requests finish) or until max_requests were served.
// Returns the process exit code.
int run_worker(int listen_fd, const Service& service);

}  // namespace pendientes
