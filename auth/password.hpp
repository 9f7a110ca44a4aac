#pragma once
// bcrypt through libxcrypt's crypt_rn (API.md §2.6).
#include <optional>
#include <string>
#include <string_view>

namespace pendientes::auth {

inline constexpr int kBcryptCost = 10;
inline constexpr std::size_t kMaxPasswordBytes = 72;

// Accepts $2a$, $2b$, $2y$ hashes, and the "{bcrypt}" prefix of Spring's DelegatingPasswordEncoder.
bool verify_password(std::string_view password, std::string_view stored_hash);

// nullopt when the password cannot be hashed faithfully (over 72 bytes, NUL inside).
std::optional<std::string> hash_password(std::string_view password, int cost = kBcryptCost);

}  // namespace pendientes::auth
