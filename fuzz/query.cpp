// Fuzz target: query strings and form bodies (API.md §0.3 Query parameters) and Content-Type
// headers. parse_form + find_param + parse_media_type on arbitrary bytes, with the string rule
// the §8.6 network parameters go through.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/json_body.hpp"
#include "domain/values.hpp"
#include "fcgi/request.hpp"

using namespace pendientes;

namespace {

void require(bool ok) {
    if (!ok) __builtin_trap();
}

std::string form_encode(std::string_view bytes) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : bytes) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += static_cast<char>(c);
        } else if (c == ' ') {
            out += '+';
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

bool has_upper(std::string_view s) {
    for (char c : s)
        if (c >= 'A' && c <= 'Z') return true;
    return false;
}

bool trimmed(std::string_view s) {
    return s.empty() || (s.front() != ' ' && s.front() != '\t' && s.back() != ' ' && s.back() != '\t');
}

constexpr JsonFields::StringRule kRed{.required = true, .non_blank = true, .max_code_points = 50};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    const FormParams params = parse_form(text);
    std::string again;
    for (const auto& [k, v] : params) {
        require(k.size() <= text.size() && v.size() <= text.size());
        // First occurrence wins (§0.3).
        auto first = find_param(params, k);
        require(first.has_value());
        for (const auto& [k2, v2] : params) {
            if (k2 == k) {
                require(*first == v2);
                break;
            }
        }
        if (!again.empty()) again += '&';
        again += form_encode(k) + "=" + form_encode(v);
    }
    // Decoding is exactly once: the pairs, fully re-encoded, decode to themselves. An empty
    // key with an empty value ("=") re-encodes to "=" and survives, so compare as is.
    require(parse_form(again) == params);

    for (std::string_view name : {"ppoeUser", "ppoePassword", "vlan", "page", "size", "sort", "motivo", "nuevoEstado"}) {
        auto v = find_param(params, name);
        if (!v) continue;
        JsonFields::StringRule rule = kRed;
        rule.secret = name == "ppoePassword";
        auto problem = check_string(name, *v, rule);
        if (!problem) {
            require(domain::is_valid_utf8(*v) && !domain::contains_nul(*v) && !domain::is_blank(*v));
            require(domain::code_points(*v) <= 50);
        } else {
            require(problem->field == name && !problem->code.empty());
            if (rule.secret) require(!problem->rejected_json);
        }
    }

    const MediaType mt = parse_media_type(text);
    require(!has_upper(mt.type) && trimmed(mt.type));
    require(mt.type.find(';') == std::string::npos);
    if (mt.charset) require(!has_upper(*mt.charset));
    return 0;
}
