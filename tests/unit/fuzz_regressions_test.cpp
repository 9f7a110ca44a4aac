// Every input a fuzz target (fuzz/) found or confirmed as a defect, kept as a plain test so the
// fix stays fixed without running the fuzzers. Each case names the target and what went wrong.
#define BOOST_TEST_MODULE fuzz_regressions
#include <boost/test/unit_test.hpp>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <limits>
#include <string>
#include <variant>

#include "auth/base64url.hpp"
#include "auth/token.hpp"
#include "common/json_body.hpp"
#include "domain/values.hpp"

using namespace pendientes;

namespace {

bool json_invalido(std::string_view body) {
    auto r = parse_json_object(body);
    return !r.ok() && r.error().status == 400 && r.error().error_code == "JSON_INVALIDO";
}

// Signs header.payload with `key`, independently of TokenSigner (as the token fuzz target does).
std::string hs256_token(const std::string& payload_json, const std::string& key) {
    std::string input = auth::base64url_encode(R"({"alg":"HS256","typ":"JWT"})") + "." + auth::base64url_encode(payload_json);
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(input.data()),
         input.size(), mac, &len);
    return input + "." + auth::base64url_encode(std::string(reinterpret_cast<char*>(mac), len));
}

}  // namespace

// json_body: RapidJSON decodes an unpaired low-surrogate escape to the bytes ED B0 80, which
// are not UTF-8. Inside an array or object handed to an id/enum reader they went verbatim into
// errors[].rejectedValue, so the 400 answer itself was not valid UTF-8 (§0.3).
BOOST_AUTO_TEST_CASE(json_body_escape_de_surrogate_suelto_es_json_invalido) {
    BOOST_TEST(json_invalido(R"({"clienteId":["\udc00"]})"));
    BOOST_TEST(json_invalido(R"({"nombre":"\udc00"})"));
    BOOST_TEST(json_invalido(R"({"lugar":{"x":"a\udfffb"}})"));
    BOOST_TEST(json_invalido(R"({"\udc00":1})"));
}

BOOST_AUTO_TEST_CASE(json_body_par_de_surrogates_sigue_siendo_valido) {
    auto doc = parse_json_object(R"({"nombre":"\ud83d\ude00 \u00d1","x":["\u0000"]})");
    BOOST_REQUIRE(doc.ok());
    JsonFields f(*doc);
    auto nombre = f.string("nombre", {.required = true, .non_blank = true, .max_code_points = 150});
    BOOST_REQUIRE(nombre);
    BOOST_TEST(*nombre == "\xF0\x9F\x98\x80 \xC3\x91");
}

BOOST_AUTO_TEST_CASE(json_body_valor_rechazado_es_siempre_json_utf8) {
    auto doc = parse_json_object(R"({"clienteId":["\u00f1",{"a":"\ud83d\ude00"}]})");
    BOOST_REQUIRE(doc.ok());
    JsonFields f(*doc);
    BOOST_TEST(!f.id("clienteId", true));
    BOOST_REQUIRE(f.errors().size() == 1u);
    BOOST_REQUIRE(f.errors()[0].rejected_json.has_value());
    BOOST_TEST(domain::is_valid_utf8(*f.errors()[0].rejected_json));
}

// json_body (crash-46978d20…, minimised): RapidJSON's streams read a NUL byte as the end of the
// input, so an object followed by a NUL and anything at all was accepted as the whole body.
BOOST_AUTO_TEST_CASE(json_body_nul_tras_el_objeto_es_json_invalido) {
    using namespace std::string_view_literals;
    BOOST_TEST(json_invalido("{\"A,0a\":12}\0\0\xFF\xFF\0"sv));
    BOOST_TEST(json_invalido("{\"a\":1}\0{\"b\":2}"sv));
    BOOST_TEST(json_invalido("{\"a\":1}\0"sv));
    BOOST_TEST(json_invalido("{\"a\":\"x\0y\"}"sv));
    BOOST_TEST(parse_json_object(R"({"a":"x\u0000y"})").ok());  // the escaped form is JSON; §0.3 rejects it per field
}

// token: a correctly signed token with `exp` near INT64_MAX made `exp + leeway` overflow
// (undefined behaviour, caught by UBSan) in the expiry check. Such a token is merely far in the
// future: valid, not expired.
BOOST_AUTO_TEST_CASE(token_exp_maximo_no_desborda_y_no_expira) {
    const std::string key(40, 'k');
    const auth::TokenSigner signer(key);
    const std::int64_t now = 1783688400;
    auto v = signer.verify(hs256_token(R"({"sub":"1","iat":1,"exp":9223372036854775807})", key), now, 60);
    BOOST_REQUIRE(std::holds_alternative<auth::TokenClaims>(v));
    BOOST_TEST(std::get<auth::TokenClaims>(v).exp == std::numeric_limits<std::int64_t>::max());
}

BOOST_AUTO_TEST_CASE(token_exp_minimo_esta_expirado) {
    const std::string key(40, 'k');
    const auth::TokenSigner signer(key);
    auto v = signer.verify(hs256_token(R"({"sub":"1","iat":1,"exp":-9223372036854775808})", key), 1783688400, 60);
    BOOST_REQUIRE(std::holds_alternative<auth::TokenFailure>(v));
    BOOST_TEST((std::get<auth::TokenFailure>(v) == auth::TokenFailure::Expired));
}

// json_body: `-975311e308` parsed as -inf, which the enum reader then wrote into the envelope
// as rejectedValue, producing text that is not JSON. Numbers beyond double range are rejected.
BOOST_AUTO_TEST_CASE(json_body_numero_fuera_de_rango_es_json_invalido) {
    BOOST_TEST(json_invalido(R"({"empresa":-975311e308})"));
    BOOST_TEST(json_invalido(R"({"costo":[1, 12e308]})"));
    BOOST_TEST(!json_invalido(R"({"costo":1.7e308})"));
}
