#pragma once
// "Now" in the service time zone (§0.3); apply_timezone() at start-up makes localtime_r use it.
#include <ctime>
#include <string>

#include "domain/values.hpp"

namespace pendientes {

domain::LocalDateTime now_local();
domain::LocalDateTime to_local(std::time_t t);
std::string now_sql();  // "YYYY-MM-DD HH:MM:SS", for DATETIME columns

}  // namespace pendientes
