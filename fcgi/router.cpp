#include "fcgi/router.hpp"

#include "domain/values.hpp"
#include "fcgi/request.hpp"
#include "fcgi/routes.hpp"

namespace pendientes {
namespace {

std::vector<std::string_view> split(std::string_view path) {
    std::vector<std::string_view> out;
    // Path starts with '/': skip it, then split on every '/'.
    path.remove_prefix(1);
    while (true) {
        auto slash = path.find('/');
        out.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    return out;
}

// Literal beats parameter at the first position where two shapes differ.
bool more_specific(const std::vector<bool>& a, const std::vector<bool>& b) {
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) return a[i];
    return false;
}

}  // namespace

Router::Router(std::span<const Route> routes) {
    for (const Route& r : routes) {
        Compiled c{&r, {}, {}};
        for (auto seg : split(r.pattern)) {
            bool is_param = seg.size() >= 2 && seg.front() == '{' && seg.back() == '}';
            c.segments.emplace_back(is_param ? std::string_view{} : seg);
            c.literal.push_back(!is_param);
        }
        routes_.push_back(std::move(c));
    }
}

Router::Match Router::match(std::string_view method, std::string_view raw_path) const {
    if (raw_path.empty() || raw_path.front() != '/') return NotFound{};
    if (raw_path.size() > 1 && raw_path.back() == '/') raw_path.remove_suffix(1);  // one trailing slash is ignored

    std::vector<std::string> segments;
    for (auto raw : split(raw_path)) {
        auto decoded = decode_path_segment(raw);
        if (!decoded || !domain::is_valid_utf8(*decoded)) return NotFound{};
        segments.push_back(std::move(*decoded));
    }

    const Compiled* best = nullptr;
    std::vector<const Compiled*> same_shape;
    for (const auto& c : routes_) {
        if (c.segments.size() != segments.size()) continue;
        bool ok = true;
        for (std::size_t i = 0; i < segments.size() && ok; ++i)
            ok = c.literal[i] ? c.segments[i] == segments[i] : !segments[i].empty();
        if (!ok) continue;
        if (!best || more_specific(c.literal, best->literal)) {
            best = &c;
            same_shape.clear();
            same_shape.push_back(&c);
        } else if (c.literal == best->literal) {
            same_shape.push_back(&c);
        }
    }
    if (!best) return NotFound{};

    for (const Compiled* c : same_shape) {
        if (c->route->method != method) continue;
        Found found{c->route, {}};
        for (std::size_t i = 0; i < segments.size(); ++i)
            if (!c->literal[i]) found.params.push_back(std::move(segments[i]));
        return found;
    }
    std::string allow;
    for (const Compiled* c : same_shape) {
        if (allow.find(c->route->method) != std::string::npos) continue;
        if (!allow.empty()) allow += ", ";
        allow += c->route->method;
    }
    return MethodNotAllowed{allow};
}

}  // namespace pendientes
