#pragma once
#include "common/config.hpp"
#include "ctl/args.hpp"

namespace pendientes::ctl {

// Each returns the process exit code: 0 ok, 1 failure, 2 usage.
int migrate(const Config& config, bool status_only);
int seed(const Config& config);
int hash_password_from_stdin();
int create_user(const Config& config, const Args& args);
int set_password(const Config& config, const Args& args);
int deactivate_user(const Config& config, const Args& args);
int list_users(const Config& config);
int issue_token(const Config& config, const Args& args);
int rotate_key(const Config& config);
int check_config(const Config& config);

}  // namespace pendientes::ctl
