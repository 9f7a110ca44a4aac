#pragma once
// Failed-login bookkeeping for the per-DNI back-off of POST /auth.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db/connection.hpp"

namespace pendientes::db {

// How many seconds this DNI must still wait, if it is blocked now.
std::optional<std::int64_t> login_blocked_seconds(Connection& db, std::string_view dni, const std::string& now_sql);

// Counts a failure; from the 5th consecutive one the DNI waits 2^(n-4) s (capped at 15 min).
void record_login_failure(Connection& db, std::string_view dni, const std::string& now_sql);

void clear_login_failures(Connection& db, std::string_view dni);

}  // namespace pendientes::db
