#include "domain/values.hpp"

#include <limits>

namespace pendientes::domain {

namespace {

constexpr std::size_t kMaxIdDigits = 19;

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Decodes the well-formed sequence at `pos` and advances past it; on an ill-formed one
// returns nullopt and advances by one byte. Table 3-7 of the Unicode standard.
std::optional<char32_t> next_code_point(std::string_view text, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  std::size_t length = 0;
  unsigned char second_min = 0x80;
  unsigned char second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_min = 0xA0;  // overlong
    if (lead == 0xED) second_max = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_min = 0x90;  // overlong
    if (lead == 0xF4) second_max = 0x8F;  // above U+10FFFF
  } else {
    ++pos;  // 0x80..0xC1 (continuation or overlong lead), 0xF5..0xFF
    return std::nullopt;
  }
  if (pos + length > text.size() || byte(pos + 1) < second_min || byte(pos + 1) > second_max) {
    ++pos;
    return std::nullopt;
  }
  char32_t value = lead & (0xFF >> (length + 1));
  for (std::size_t i = 1; i < length; ++i) {
    if (!is_continuation(byte(pos + i))) {
      ++pos;
      return std::nullopt;
    }
    value = (value << 6) | (byte(pos + i) & 0x3F);
  }
  pos += length;
  return value;
}

bool is_white_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

}  // namespace

std::optional<std::int64_t> parse_id(std::string_view text) {
  if (text.empty() || text.size() > kMaxIdDigits) return std::nullopt;
  // 19 digits always fit in uint64 (< 1.9e19), so accumulate there and range-check once.
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(value);
}

bool is_valid_utf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (!next_code_point(text, pos)) return false;
  }
  return true;
}

std::size_t code_points(std::string_view utf8) {
  std::size_t count = 0;
  for (char c : utf8) {
    if (!is_continuation(static_cast<unsigned char>(c))) ++count;
  }
  return count;
}

bool contains_nul(std::string_view text) { return text.find('\0') != std::string_view::npos; }

bool is_blank(std::string_view utf8) {
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const auto c = next_code_point(utf8, pos);
    if (!c || !is_white_space(*c)) return false;
  }
  return true;
}

std::string display_name(std::string_view nombre,
                         std::optional<std::string_view> apellido_paterno) {
  std::string out(nombre);
  if (apellido_paterno && !apellido_paterno->empty()) {
    out += ' ';
    out += *apellido_paterno;
  }
  return out;
}

}  // namespace pendientes::domain
