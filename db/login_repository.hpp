#pragma once
// Failed-login bookkeeping for the per-DNI back-off of POST /auth.
#include <optional>
#include <string>
#include <string_view>

#include "db/connection.hpp"

namespace pendientes::db {

// The local date-time (SQL text) until which this DNI must wait, if it is blocked now.
std::optional<std::string> login_blocked_until(Connection& db, std::string_view dni, const std::string& now_sql);

// Counts a failure; from the 5th consecutive one the DNI waits 2^(n-5) s (capped at 15 min).
void record_login_failure(Connection& db, std::string_view dni, const std::string& now_sql);

void clear_login_failures(Connection& db, std::string_view dni);

}  // namespace pendientes::db
