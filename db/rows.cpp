#include "db/rows.hpp"

namespace pendientes::db {

std::string iso_date_time(std::string s) {
    if (s.size() > 19) s.resize(19);
    if (s.size() > 10 && s[10] == ' ') s[10] = 'T';
    return s;
}

std::optional<std::string> iso_date_time(std::optional<std::string> s) {
    if (!s) return std::nullopt;
    return iso_date_time(std::move(*s));
}

}  // namespace pendientes::db
