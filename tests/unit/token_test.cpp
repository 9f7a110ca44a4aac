#define BOOST_TEST_MODULE token
#include <boost/test/unit_test.hpp>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <variant>

#include "auth/base64url.hpp"
#include "auth/token.hpp"

using namespace pendientes::auth;

namespace {
const std::string kKey(40, 'k');
constexpr std::int64_t kNow = 1783688400;

TokenSigner signer() { return TokenSigner(kKey); }

bool is_invalid(const std::variant<TokenClaims, TokenFailure>& v) {
    return std::holds_alternative<TokenFailure>(v) && std::get<TokenFailure>(v) == TokenFailure::Invalid;
}

// Signs an arbitrary header.payload with `key`, independently of TokenSigner.
std::string hs256_token(const std::string& header_json, const std::string& payload_json, const std::string& key) {
    std::string input = base64url_encode(header_json) + "." + base64url_encode(payload_json);
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(input.data()),
         input.size(), mac, &len);
    return input + "." + base64url_encode(std::string(reinterpret_cast<char*>(mac), len));
}
}  // namespace

BOOST_AUTO_TEST_CASE(token_emitido_se_verifica_con_sus_claims) {
    auto t = signer().issue(2, "CORD", kNow, 43200);
    auto v = signer().verify(t, kNow + 10, 60);
    BOOST_REQUIRE(std::holds_alternative<TokenClaims>(v));
    auto c = std::get<TokenClaims>(v);
    BOOST_TEST(c.usuario_id == 2);
    BOOST_TEST(c.rol == "CORD");
    BOOST_TEST(c.iat == kNow);
    BOOST_TEST(c.exp == kNow + 43200);
}

BOOST_AUTO_TEST_CASE(cabecera_emitida_es_hs256_jwt) {
    auto t = signer().issue(2, "CORD", kNow, 100);
    auto header = base64url_decode(t.substr(0, t.find('.')));
    BOOST_REQUIRE(header);
    BOOST_TEST(*header == R"({"alg":"HS256","typ":"JWT","kid":")" + TokenSigner::key_id(kKey) + "\"}");
    BOOST_TEST(header->find(kKey) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(clave_corta_se_rechaza) {
    BOOST_CHECK_THROW(TokenSigner(std::string(31, 'k')), std::invalid_argument);
    BOOST_CHECK_NO_THROW(TokenSigner(std::string(32, 'k')));
}

BOOST_AUTO_TEST_CASE(payload_alterado_es_invalido) {
    auto t = signer().issue(2, "CORD", kNow, 100);
    auto dot1 = t.find('.'), dot2 = t.rfind('.');
    std::string forged_payload = base64url_encode(R"({"sub":"1","rol":"ADMN","iat":1783688400,"exp":1783688500})");
    std::string tampered = t.substr(0, dot1 + 1) + forged_payload + t.substr(dot2);
    BOOST_TEST(is_invalid(signer().verify(tampered, kNow, 60)));
}

BOOST_AUTO_TEST_CASE(firma_con_otra_clave_es_invalida) {
    TokenSigner other(std::string(40, 'x'));
    auto t = other.issue(2, "CORD", kNow, 100);
    BOOST_TEST(is_invalid(signer().verify(t, kNow, 60)));
}

BOOST_AUTO_TEST_CASE(alg_none_y_hs512_se_rechazan) {
    auto t = signer().issue(2, "CORD", kNow, 100);
    auto rest = t.substr(t.find('.'));
    for (const char* header : {R"({"alg":"none","typ":"JWT"})", R"({"alg":"HS512","typ":"JWT"})",
                               R"({"alg":"None"})", R"({"alg":"RS256"})", R"({"typ":"JWT"})",
                               R"({"alg":"HS256","typ":"JWS"})"}) {
        std::string forged = base64url_encode(header) + rest;
        BOOST_TEST(is_invalid(signer().verify(forged, kNow, 60)), header);
    }
    // alg none with an empty signature segment.
    auto dot2 = t.rfind('.');
    std::string unsigned_token = base64url_encode(R"({"alg":"none"})") + t.substr(t.find('.'), dot2 - t.find('.')) + ".";
    BOOST_TEST(is_invalid(signer().verify(unsigned_token, kNow, 60)));
}

BOOST_AUTO_TEST_CASE(expirado_mas_alla_del_margen) {
    auto t = signer().issue(2, "CORD", kNow, 100);
    BOOST_TEST(std::holds_alternative<TokenClaims>(signer().verify(t, kNow + 100 + 60, 60)));
    auto v = signer().verify(t, kNow + 100 + 61, 60);
    BOOST_REQUIRE(std::holds_alternative<TokenFailure>(v));
    BOOST_TEST((std::get<TokenFailure>(v) == TokenFailure::Expired));
}

BOOST_AUTO_TEST_CASE(iat_en_el_futuro_es_invalido) {
    auto t = signer().issue(2, "CORD", kNow + 61, 1000);
    BOOST_TEST(is_invalid(signer().verify(t, kNow, 60)));
    auto ok = signer().issue(2, "CORD", kNow + 60, 1000);
    BOOST_TEST(std::holds_alternative<TokenClaims>(signer().verify(ok, kNow, 60)));
}

BOOST_AUTO_TEST_CASE(estructura_malformada_es_invalida) {
    auto t = signer().issue(2, "CORD", kNow, 100);
    BOOST_TEST(is_invalid(signer().verify("", kNow, 60)));
    BOOST_TEST(is_invalid(signer().verify("abc", kNow, 60)));
    BOOST_TEST(is_invalid(signer().verify(t + ".x", kNow, 60)));
    BOOST_TEST(is_invalid(signer().verify(t.substr(0, t.rfind('.') + 1), kNow, 60)));  // no signature
    BOOST_TEST(is_invalid(signer().verify(t + "=", kNow, 60)));                          // padding
    BOOST_TEST(is_invalid(signer().verify("..", kNow, 60)));
}

BOOST_AUTO_TEST_CASE(base64url_estricto) {
    BOOST_TEST(base64url_encode("hola") == "aG9sYQ");
    BOOST_TEST(*base64url_decode("aG9sYQ") == "hola");
    BOOST_TEST(!base64url_decode("aG9sYQ=="));
    BOOST_TEST(!base64url_decode("aG9sY+"));
    BOOST_TEST(!base64url_decode("aG9sYR"));  // non-canonical trailing bits
}

BOOST_AUTO_TEST_CASE(firma_independiente_coincide_con_la_emitida) {
    auto v = signer().verify(hs256_token(R"({"alg":"HS256","typ":"JWT"})",
                                         R"({"sub":"5","iat":1783688400,"exp":1783688500})", kKey),
                             kNow, 60);
    BOOST_REQUIRE(std::holds_alternative<TokenClaims>(v));
    BOOST_TEST(std::get<TokenClaims>(v).usuario_id == 5);
}

BOOST_AUTO_TEST_CASE(sin_exp_o_claims_mal_tipados_es_invalido) {
    for (const char* payload : {R"({"sub":"2","iat":1783688400})", R"({"sub":"abc","iat":1783688400,"exp":1783788400})",
                                R"({"sub":2,"iat":1783688400,"exp":1783788400})",
                                R"({"sub":"2","iat":"1783688400","exp":1783788400})",
                                R"({"sub":"2","iat":1783688400,"exp":1.5})", R"([1,2])", R"({"sub":"","iat":1,"exp":2})"}) {
        BOOST_TEST(is_invalid(signer().verify(hs256_token(R"({"alg":"HS256"})", payload, kKey), kNow, 60)), payload);
    }
}

BOOST_AUTO_TEST_CASE(clave_anterior_sigue_verificando_tras_la_rotacion) {
    TokenSigner old_signer(kKey);
    auto old_token = old_signer.issue(2, "CORD", kNow, 100);
    TokenSigner rotated(std::string(40, 'n'), {kKey});
    BOOST_TEST(std::holds_alternative<TokenClaims>(rotated.verify(old_token, kNow, 60)));
    auto fresh = rotated.issue(2, "CORD", kNow, 100);
    BOOST_TEST(std::holds_alternative<TokenClaims>(rotated.verify(fresh, kNow, 60)));
    // Once the previous key is dropped, its tokens no longer verify.
    TokenSigner only_new(std::string(40, 'n'));
    BOOST_TEST(is_invalid(only_new.verify(old_token, kNow, 60)));
    BOOST_TEST(is_invalid(old_signer.verify(fresh, kNow, 60)));
}
