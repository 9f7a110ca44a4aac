#include "auth/password.hpp"

#include <crypt.h>
#include <openssl/crypto.h>

#include <cstring>
#include <memory>

namespace pendientes::auth {
namespace {
bool is_bcrypt(std::string_view h) {
    return h.size() == 60 && (h.starts_with("$2a$") || h.starts_with("$2b$") || h.starts_with("$2y$"));
}
}  // namespace

bool verify_password(std::string_view password, std::string_view stored_hash) {
    if (stored_hash.starts_with("{bcrypt}")) stored_hash.remove_prefix(8);
    if (!is_bcrypt(stored_hash) || password.find('\0') != std::string_view::npos) return false;
    std::string pw(password), hash(stored_hash);
    // crypt_data is ~32 KiB: heap, not the (small) worker thread stack.
    auto data = std::make_unique<crypt_data>();
    const char* out = crypt_rn(pw.c_str(), hash.c_str(), data.get(), sizeof(crypt_data));
    if (!out || std::strlen(out) != hash.size()) return false;
    return CRYPTO_memcmp(out, hash.data(), hash.size()) == 0;
}

std::optional<std::string> hash_password(std::string_view password, int cost) {
    if (password.size() > kMaxPasswordBytes || password.find('\0') != std::string_view::npos) return std::nullopt;
    char salt[CRYPT_GENSALT_OUTPUT_SIZE];
    if (!crypt_gensalt_rn("$2b$", static_cast<unsigned long>(cost), nullptr, 0, salt, sizeof salt)) return std::nullopt;
    std::string pw(password);
    auto data = std::make_unique<crypt_data>();
    const char* out = crypt_rn(pw.c_str(), salt, data.get(), sizeof(crypt_data));
    if (!out || out[0] == '*') return std::nullopt;
    return std::string(out);
}

}  // namespace pendientes::auth
