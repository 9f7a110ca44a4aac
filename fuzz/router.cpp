// Fuzz target: routing (API.md §0.3 Routing, §8.6). Router(route_table()).match on arbitrary
// method and path bytes, plus decode_path_segment. Input: `METHOD\nPATH`, or just PATH (GET).
// The real route table is used; its handlers are never called, so no database is touched.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "domain/values.hpp"
#include "fcgi/request.hpp"
#include "fcgi/router.hpp"
#include "fcgi/routes.hpp"

using namespace pendientes;

namespace {

void require(bool ok) {
    if (!ok) __builtin_trap();
}

std::string percent_encode(std::string_view bytes) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : bytes) {
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

// The path the route's pattern spells with `params` put in, every segment fully escaped.
std::string spell(std::string_view pattern, const std::vector<std::string>& params) {
    std::string out;
    std::size_t next = 0;
    pattern.remove_prefix(1);
    while (true) {
        const auto slash = pattern.find('/');
        const std::string_view seg = pattern.substr(0, slash);
        out += '/';
        if (seg.size() >= 2 && seg.front() == '{' && seg.back() == '}') {
            require(next < params.size());
            out += percent_encode(params[next++]);
        } else {
            out += percent_encode(seg);
        }
        if (slash == std::string_view::npos) break;
        pattern.remove_prefix(slash + 1);
    }
    require(next == params.size());
    return out;
}

void check_decode(std::string_view segment) {
    auto decoded = decode_path_segment(segment);
    if (decoded) {
        require(decoded->size() <= segment.size());
        require(decode_path_segment(percent_encode(*decoded)) == decoded);  // decoding is exactly once
    } else {
        require(segment.find('%') != std::string_view::npos);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Router router(route_table());

    std::string_view input(reinterpret_cast<const char*>(data), size);
    std::string_view method = "GET";
    std::string_view path = input;
    if (auto nl = input.find('\n'); nl != std::string_view::npos) {
        method = input.substr(0, nl);
        path = input.substr(nl + 1);
    }

    check_decode(path);

    const auto m = router.match(method, path);
    if (const auto* found = std::get_if<Router::Found>(&m)) {
        require(found->route != nullptr);
        require(found->route->method == method);
        for (const auto& p : found->params) {
            require(!p.empty());
            require(domain::is_valid_utf8(p));
        }
        // The same decoded segments, spelled another way, reach the same route and parameters.
        const auto again = router.match(method, spell(found->route->pattern, found->params));
        const auto* same = std::get_if<Router::Found>(&again);
        require(same && same->route == found->route && same->params == found->params);
    } else if (const auto* mna = std::get_if<Router::MethodNotAllowed>(&m)) {
        // 405 lists the other methods of the path, each once, never the one that was asked.
        require(!mna->allow.empty());
        std::vector<std::string_view> seen;
        std::string_view rest = mna->allow;
        while (true) {
            const auto comma = rest.find(", ");
            const std::string_view one = rest.substr(0, comma);
            require(!one.empty() && one != method);
            for (auto s : seen) require(s != one);
            seen.push_back(one);
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 2);
        }
    }
    return 0;
}
