#include "handlers/paging.hpp"

#include <limits>

namespace pendientes::handlers {
namespace {

// Spring reads page and size as int: digits only, within int32.
std::optional<std::int64_t> parse_int32(const std::string& s) {
    if (s.empty() || s.size() > 10) return std::nullopt;
    std::int64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    if (v > std::numeric_limits<std::int32_t>::max()) return std::nullopt;
    return v;
}

}  // namespace

Result<PageRequest> read_page_request(const Context& ctx, std::int64_t default_size) {
    PageRequest req{0, default_size};
    std::vector<FieldError> problems;
    if (auto page = ctx.param("page")) {
        if (auto v = parse_int32(*page)) req.page = *v;
        else problems.push_back(formato("page", rejected_string(*page), "debe ser un entero mayor o igual a 0"));
    }
    if (auto size = ctx.param("size")) {
        auto v = parse_int32(*size);
        if (v && *v >= 1) req.size = std::min(*v, ctx.config.max_page_size);
        else problems.push_back(formato("size", rejected_string(*size), "debe ser un entero mayor o igual a 1"));
    }
    if (!problems.empty()) return errors::validacion(std::move(problems));
    return req;
}

}  // namespace pendientes::handlers
