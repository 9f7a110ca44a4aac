#pragma once
// The master process, php-fpm style: binds (or inherits) the listen socket, pre-forks workers,
// replaces the ones that die, SIGTERM = graceful stop, SIGHUP = graceful reload.
#include <optional>
#include <string>

namespace pendientes {

struct PoolOptions {
    std::optional<std::string> config_file;  // re-read on SIGHUP
};

int run_pool(const PoolOptions& options);

}  // namespace pendientes
