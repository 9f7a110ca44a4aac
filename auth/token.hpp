#pragma once
// HS256 compact JWS (API.md §2.4, §2.5). The key never leaves this object and is never logged.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pendientes::auth {

struct TokenClaims {
    std::int64_t usuario_id = 0;
    std::string rol;
    std::int64_t iat = 0;
    std::int64_t exp = 0;
};

enum class TokenFailure { Invalid, Expired };

inline constexpr std::size_t kMinKeyBytes = 32;

class TokenSigner {
public:
    // Throws std::invalid_argument below kMinKeyBytes (§0.4: the service refuses to start).
    // `previous_keys` still verify (key rotation) but never sign.
    explicit TokenSigner(std::string key, std::vector<std::string> previous_keys = {});

    // Public key id written as `kid`: first 16 hex digits of SHA-256(key), never the key itself.
    static std::string key_id(std::string_view key);

    std::string issue(std::int64_t usuario_id, std::string_view rol, std::int64_t iat, std::int64_t ttl_seconds) const;
    std::variant<TokenClaims, TokenFailure> verify(std::string_view token, std::int64_t now,
                                                   std::int64_t leeway_seconds) const;

private:
    static std::string sign(std::string_view key, std::string_view signing_input);
    bool signature_matches(std::string_view signing_input, std::string_view signature) const;
    std::string key_;
    std::vector<std::string> previous_keys_;
    std::string header_b64_;
};

}  // namespace pendientes::auth
