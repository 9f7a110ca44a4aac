#include "fcgi/request.hpp"

#include <cctype>

namespace pendientes {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string decode_form_component(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 &&
                   hex_value(s[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

FormParams parse_form(std::string_view text) {
    FormParams out;
    while (!text.empty()) {
        auto amp = text.find('&');
        std::string_view pair = text.substr(0, amp);
        text = amp == std::string_view::npos ? std::string_view{} : text.substr(amp + 1);
        if (pair.empty()) continue;
        auto eq = pair.find('=');
        std::string_view k = pair.substr(0, eq);
        std::string_view v = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
        out.emplace_back(decode_form_component(k), decode_form_component(v));
    }
    return out;
}

std::optional<std::string> find_param(const FormParams& params, std::string_view name) {
    for (const auto& [k, v] : params)
        if (k == name) return v;
    return std::nullopt;
}

std::optional<std::string> decode_path_segment(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        if (i + 2 >= s.size()) return std::nullopt;
        int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

MediaType parse_media_type(std::string_view ct) {
    MediaType mt;
    auto semi = ct.find(';');
    mt.type = lower(trim(ct.substr(0, semi)));
    while (semi != std::string_view::npos) {
        ct = ct.substr(semi + 1);
        semi = ct.find(';');
        std::string_view param = trim(ct.substr(0, semi));
        auto eq = param.find('=');
        if (eq == std::string_view::npos) continue;
        if (lower(trim(param.substr(0, eq))) == "charset") {
            std::string_view v = trim(param.substr(eq + 1));
            if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
            mt.charset = lower(v);
        }
    }
    return mt;
}

}  // namespace pendientes
