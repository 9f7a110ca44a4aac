// Fuzz target: wire values (API.md §0.3): dates, date-times, SQL DATETIME text, ids, UTF-8,
// code points and blankness, on arbitrary bytes. Accepted values must format back to their
// canonical text, and the UTF-8 helpers must agree with a second, independent decoder.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/local_date_time.hpp"
#include "domain/values.hpp"

using namespace pendientes::domain;

namespace {

void require(bool ok) {
    if (!ok) __builtin_trap();
}

// Reference UTF-8 decoder, written from RFC 3629 §3 (length from the lead byte, then reject
// overlong forms, surrogates and values above U+10FFFF), not from the Unicode table the
// service uses. nullopt = ill-formed.
std::optional<std::vector<char32_t>> reference_decode(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        int n;
        char32_t cp;
        if (b < 0x80) {
            n = 1, cp = b;
        } else if ((b & 0xE0) == 0xC0) {
            n = 2, cp = b & 0x1F;
        } else if ((b & 0xF0) == 0xE0) {
            n = 3, cp = b & 0x0F;
        } else if ((b & 0xF8) == 0xF0) {
            n = 4, cp = b & 0x07;
        } else {
            return std::nullopt;
        }
        if (i + static_cast<std::size_t>(n) > s.size()) return std::nullopt;
        for (int k = 1; k < n; ++k) {
            const auto c = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((c & 0xC0) != 0x80) return std::nullopt;
            cp = (cp << 6) | (c & 0x3F);
        }
        static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
        out.push_back(cp);
        i += static_cast<std::size_t>(n);
    }
    return out;
}

bool reference_space(char32_t c) {
    static constexpr char32_t kSpaces[] = {0x09,   0x0A,   0x0B,   0x0C,   0x0D,   0x20,   0x85,   0xA0,
                                           0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
                                           0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
                                           0x3000};
    for (char32_t s : kSpaces)
        if (c == s) return true;
    return false;
}

void check_date_time(std::string_view text) {
    if (auto v = parse_local_date_time(text)) {
        require(is_valid(*v));
        // Canonical text: `HH:MM` gains `:00`, a fraction is truncated away.
        const std::string expected = text.size() == 16 ? std::string(text) + ":00" : std::string(text.substr(0, 19));
        require(format_local_date_time(*v) == expected);
        require(parse_local_date_time(format_local_date_time(*v)) == v);
        require(from_sql(to_sql(*v)) == v);
        require(date_of(*v) <= date_of(*v) && start_of_day(date_of(*v)) <= *v && *v <= end_of_day(date_of(*v)));
    }
    if (auto v = from_sql(text)) {
        require(is_valid(*v) && text.size() >= 19);
        require(to_sql(*v) == text.substr(0, 19));
        require(parse_local_date_time(format_local_date_time(*v)) == v);
    }
    if (auto d = parse_local_date(text)) {
        require(is_valid(*d));
        require(format_local_date(*d) == text && to_sql(*d) == text);
        require(parse_local_date(format_local_date(*d)) == d);
    }
}

void check_id(std::string_view text) {
    if (auto id = parse_id(text)) {
        require(*id >= 0);
        const auto first = text.find_first_not_of('0');
        const std::string_view digits = first == std::string_view::npos ? std::string_view("0") : text.substr(first);
        require(std::to_string(*id) == digits);
    }
}

void check_utf8(std::string_view text) {
    const auto decoded = reference_decode(text);
    require(is_valid_utf8(text) == decoded.has_value());
    require(contains_nul(text) == (text.find('\0') != std::string_view::npos));
    if (decoded) {
        require(code_points(text) == decoded->size());
        bool blank = true;
        for (char32_t c : *decoded) blank = blank && reference_space(c);
        require(is_blank(text) == blank);
    } else {
        // Invalid bytes count as non-whitespace.
        require(!is_blank(text));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    check_date_time(text);
    check_id(text);
    check_utf8(text);
    return 0;
}
