// Fuzz target: bearer tokens (API.md §2.4, §2.5) and base64url. The first byte picks what the
// rest is:
//   0: a whole token, verified as is (almost always rejected at the signature);
//   1: `header.payload` that the fuzzer signs with the service key, so the claim checks behind
//      the signature are reached too;
//   2: the payload JSON itself, behind the real header, signed;
//   3: issue() inputs, whose token must verify back to the same claims.
// base64url_decode runs on every input, with its round trip.
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <variant>

#include "auth/base64url.hpp"
#include "auth/token.hpp"
#include "domain/values.hpp"

using namespace pendientes;
using namespace pendientes::auth;

namespace {

const std::string kKey = "fuzz-key-0123456789-abcdefghijklmnopqrstuvwxyz";
const std::string kOldKey = "fuzz-previous-key-0123456789-abcdefghijklmnop";
constexpr std::int64_t kNow = 1'700'000'000;
constexpr std::int64_t kLeeway = 60;

void require(bool ok) {
    if (!ok) __builtin_trap();
}

std::string signature(std::string_view input) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), kKey.data(), static_cast<int>(kKey.size()), reinterpret_cast<const unsigned char*>(input.data()),
         input.size(), mac, &len);
    return base64url_encode(std::string_view(reinterpret_cast<const char*>(mac), len));
}

void check_claims(const std::variant<TokenClaims, TokenFailure>& r) {
    if (const auto* c = std::get_if<TokenClaims>(&r)) {
        require(c->usuario_id >= 0);
        require(c->iat <= kNow + kLeeway);
        require(kNow - kLeeway <= c->exp);
        require(domain::is_valid_utf8(c->rol));
    }
}

void check_base64url(std::string_view text) {
    if (auto bytes = base64url_decode(text)) {
        require(base64url_encode(*bytes) == text);  // one spelling per byte string
    }
    auto encoded = base64url_encode(text);
    require(encoded.find_first_of("+/=") == std::string::npos);
    require(base64url_decode(encoded) == std::string(text));
}

std::int64_t take_int(std::string_view& in) {
    std::uint64_t v = 0;
    const std::size_t n = std::min<std::size_t>(8, in.size());
    std::memcpy(&v, in.data(), n);
    in.remove_prefix(n);
    return static_cast<std::int64_t>(v & 0x7FFF'FFFF'FFFF'FFFFull);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const TokenSigner signer(kKey, {kOldKey});

    std::string_view input(reinterpret_cast<const char*>(data), size);
    check_base64url(input);
    if (input.empty()) return 0;
    const unsigned mode = static_cast<unsigned char>(input.front()) % 4;
    input.remove_prefix(1);

    switch (mode) {
        case 0:
            check_claims(signer.verify(input, kNow, kLeeway));
            break;
        case 1: {
            std::string token(input);
            token += '.';
            token += signature(input);
            check_claims(signer.verify(token, kNow, kLeeway));
            break;
        }
        case 2: {
            std::string token = base64url_encode(R"({"alg":"HS256","typ":"JWT"})") + "." + base64url_encode(input);
            token += "." + signature(token);
            check_claims(signer.verify(token, kNow, kLeeway));
            break;
        }
        default: {
            const std::int64_t usuario_id = take_int(input);
            const std::int64_t iat = take_int(input) % (std::int64_t{1} << 40);
            const std::int64_t ttl = 1 + take_int(input) % 100'000'000;
            const std::string_view rol = input;
            const std::string token = signer.issue(usuario_id, rol, iat, ttl);
            auto r = signer.verify(token, iat, kLeeway);
            // Role ids are [A-Za-z0-9_-] (§11); only text that JSON carries intact round-trips.
            if (!domain::is_valid_utf8(rol) || domain::contains_nul(rol)) break;
            const auto* c = std::get_if<TokenClaims>(&r);
            require(c != nullptr);
            require(c->usuario_id == usuario_id && c->iat == iat && c->exp == iat + ttl && c->rol == rol);
            break;
        }
    }
    return 0;
}
