#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace pendientes::auth {

std::string base64url_encode(std::string_view bytes);
// Strict: alphabet A–Z a–z 0–9 - _, no padding, no whitespace, canonical trailing bits.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace pendientes::auth
