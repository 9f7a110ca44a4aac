#pragma once
#include <string>
#include <vector>

#include "common/config.hpp"

namespace pendientes::ctl {

// Each returns the process exit code: 0 ok, 1 failure, 2 usage.
int migrate(const Config& config, bool status_only);
int seed(const Config& config);
int hash_password_from_stdin();

}  // namespace pendientes::ctl
