#include "auth/token.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <rapidjson/document.h>

#include <stdexcept>

#include "auth/base64url.hpp"
#include "common/json_writer.hpp"
#include "domain/values.hpp"

namespace pendientes::auth {
namespace {

constexpr unsigned kJsonFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;

bool parse_object(std::string_view segment, rapidjson::Document& doc) {
    auto bytes = base64url_decode(segment);
    if (!bytes) return false;
    doc.Parse<kJsonFlags>(bytes->data(), bytes->size());
    return !doc.HasParseError() && doc.IsObject();
}

bool header_ok(const rapidjson::Document& h) {
    // §2.5 step 2: alg pinned; kid/jku/jwk/x5u ignored, never fetched.
    auto alg = h.FindMember("alg");
    if (alg == h.MemberEnd() || !alg->value.IsString() || std::string_view(alg->value.GetString()) != "HS256")
        return false;
    if (auto typ = h.FindMember("typ"); typ != h.MemberEnd())
        if (!typ->value.IsString() || std::string_view(typ->value.GetString()) != "JWT") return false;
    return true;
}

bool integer_claim(const rapidjson::Document& p, const char* name, std::int64_t& out) {
    auto it = p.FindMember(name);
    if (it == p.MemberEnd() || !it->value.IsInt64() || it->value.IsDouble()) return false;
    out = it->value.GetInt64();
    return true;
}

}  // namespace

TokenSigner::TokenSigner(std::string key, std::vector<std::string> previous_keys)
    : key_(std::move(key)), previous_keys_(std::move(previous_keys)) {
    if (key_.size() < kMinKeyBytes) throw std::invalid_argument("JWT key shorter than 32 bytes");
    for (const auto& k : previous_keys_)
        if (k.size() < kMinKeyBytes) throw std::invalid_argument("previous JWT key shorter than 32 bytes");
    header_b64_ = base64url_encode(R"({"alg":"HS256","typ":"JWT","kid":")" + key_id(key_) + "\"}");
}

std::string TokenSigner::key_id(std::string_view key) {
    unsigned char digest[32];
    SHA256(reinterpret_cast<const unsigned char*>(key.data()), key.size(), digest);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 8; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 15];
    }
    return out;
}

std::string TokenSigner::sign(std::string_view key, std::string_view input) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(input.data()),
         input.size(), mac, &len);
    return std::string(reinterpret_cast<const char*>(mac), len);
}

bool TokenSigner::signature_matches(std::string_view input, std::string_view signature) const {
    // Every configured key is tried (at most two), each compared in constant time; `kid` is
    // informational only (§2.5: never used to fetch anything).
    bool ok = false;
    auto check = [&](const std::string& key) {
        std::string expected = sign(key, input);
        ok |= signature.size() == expected.size() &&
              CRYPTO_memcmp(signature.data(), expected.data(), expected.size()) == 0;
    };
    check(key_);
    for (const auto& k : previous_keys_) check(k);
    return ok;
}

std::string TokenSigner::issue(std::int64_t usuario_id, std::string_view rol, std::int64_t iat,
                               std::int64_t ttl_seconds) const {
    JsonOut payload;
    auto& w = payload.writer();
    w.StartObject();
    json::put(w, "sub", std::to_string(usuario_id));
    json::put(w, "rol", rol);
    json::put(w, "iat", iat);
    json::put(w, "exp", iat + ttl_seconds);
    w.EndObject();
    std::string input = header_b64_ + "." + base64url_encode(payload.view());
    return input + "." + base64url_encode(sign(key_, input));
}

std::variant<TokenClaims, TokenFailure> TokenSigner::verify(std::string_view token, std::int64_t now,
                                                            std::int64_t leeway) const {
    auto dot1 = token.find('.');
    if (dot1 == std::string_view::npos) return TokenFailure::Invalid;
    auto dot2 = token.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos) return TokenFailure::Invalid;
    std::string_view header_b64 = token.substr(0, dot1);
    std::string_view payload_b64 = token.substr(dot1 + 1, dot2 - dot1 - 1);
    std::string_view sig_b64 = token.substr(dot2 + 1);
    if (header_b64.empty() || payload_b64.empty() || sig_b64.empty()) return TokenFailure::Invalid;

    rapidjson::Document header;
    if (!parse_object(header_b64, header) || !header_ok(header)) return TokenFailure::Invalid;

    auto signature = base64url_decode(sig_b64);
    if (!signature || !signature_matches(token.substr(0, dot2), *signature)) return TokenFailure::Invalid;

    rapidjson::Document payload;
    if (!parse_object(payload_b64, payload)) return TokenFailure::Invalid;
    TokenClaims claims;
    auto sub = payload.FindMember("sub");
    if (sub == payload.MemberEnd() || !sub->value.IsString()) return TokenFailure::Invalid;
    auto id = domain::parse_id(std::string_view(sub->value.GetString(), sub->value.GetStringLength()));
    if (!id) return TokenFailure::Invalid;
    claims.usuario_id = *id;
    if (!integer_claim(payload, "iat", claims.iat) || !integer_claim(payload, "exp", claims.exp))
        return TokenFailure::Invalid;
    if (claims.iat > now + leeway) return TokenFailure::Invalid;
    if (auto rol = payload.FindMember("rol"); rol != payload.MemberEnd() && rol->value.IsString())
        claims.rol = rol->value.GetString();
    // Written so that no claim value can overflow (exp near INT64_MAX is merely far future).
    if (claims.exp < now - leeway) return TokenFailure::Expired;
    return claims;
}

}  // namespace pendientes::auth
