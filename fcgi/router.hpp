#pragma once
// Matches a raw request path against the route table (API.md §0.3 Routing, §8.6): each segment
// is percent-decoded once and must be valid UTF-8; literal segments win over {param} segments.
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pendientes {

struct Route;

class Router {
public:
    struct Found {
        const Route* route;
        std::vector<std::string> params;  // decoded {param} segments, in order
    };
    struct NotFound {};
    struct MethodNotAllowed {
        std::string allow;  // e.g. "POST, PUT"
    };
    using Match = std::variant<Found, NotFound, MethodNotAllowed>;

    explicit Router(std::span<const Route> routes);
    Match match(std::string_view method, std::string_view raw_path) const;

private:
    struct Compiled {
        const Route* route;
        std::vector<std::string> segments;  // "" marks a {param}
        std::vector<bool> literal;
    };
    std::vector<Compiled> routes_;
};

}  // namespace pendientes
