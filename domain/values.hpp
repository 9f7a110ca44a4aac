#pragma once

// Wire value rules of API.md §0.3 (ids, strings) and §5 (display names). Date and
// date-time values live in local_date_time.hpp and are re-exported here.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/local_date_time.hpp"

namespace pendientes::domain {

// Path ids and id strings (§0.3): `^[0-9]{1,19}$` and at most 9 223 372 036 854 775 807.
// Leading zeros are allowed ("007" is 7); "0" is valid syntax and simply never found.
std::optional<std::int64_t> parse_id(std::string_view text);

// Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates (U+D800..U+DFFF), nothing
// above U+10FFFF, no truncated sequences.
bool is_valid_utf8(std::string_view text);

// Length limits count Unicode code points (§0.3, §5.5). Meant for valid UTF-8: it counts
// every byte that does not continue a sequence.
std::size_t code_points(std::string_view utf8);

// §0.3: the character U+0000 is rejected in every string.
bool contains_nul(std::string_view text);

// §0.3 "non-blank" = at least one non-whitespace character. Whitespace is the Unicode
// White_Space property: U+0009..U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000..U+200A,
// U+2028, U+2029, U+202F, U+205F, U+3000. Invalid UTF-8 bytes count as non-whitespace.
bool is_blank(std::string_view utf8);

// §5: "nombre apellidoPaterno", omitting a null or empty apellidoPaterno (never "null").
std::string display_name(std::string_view nombre, std::optional<std::string_view> apellido_paterno);

}  // namespace pendientes::domain
