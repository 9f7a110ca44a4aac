#include "common/clock.hpp"

namespace pendientes {

domain::LocalDateTime to_local(std::time_t t) {
    std::tm tm{};
    localtime_r(&t, &tm);
    return domain::LocalDateTime{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec};
}

domain::LocalDateTime now_local() { return to_local(std::time(nullptr)); }

std::string now_sql() { return domain::to_sql(now_local()); }

}  // namespace pendientes
