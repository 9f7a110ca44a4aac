#include "support/stack.hpp"

#include <boost/test/unit_test.hpp>
#include <cstdlib>

#include "common/config.hpp"
#include "support/openapi_check.hpp"

namespace pendientes::test {

std::string env(const char* name, const char* fallback) {
    if (const char* v = std::getenv(name)) return v;
    if (fallback) return fallback;
    throw std::runtime_error(std::string("missing environment variable ") + name + " (run ./scripts/test)");
}

Api::Api()
    : client_(env("PENDIENTES_TEST_HOST", "127.0.0.1"), std::stoi(env("PENDIENTES_TEST_HTTPS_PORT", "9443"))),
      http_port_(std::stoi(env("PENDIENTES_TEST_HTTP_PORT", "9080"))) {}

namespace {
Headers auth_headers(const std::string& token) {
    Headers h;
    if (!token.empty()) h.emplace_back("Authorization", "Bearer " + token);
    return h;
}
}  // namespace

HttpResponse Api::send(const std::string& method, const std::string& target, const Headers& headers,
                       const std::optional<std::string>& body) {
    HttpResponse r = client_.send(method, target, headers, body);
    // Every response the suite sees must match the published contract.
    std::string mismatch = openapi_mismatch(client_, method, target, r);
    BOOST_CHECK_MESSAGE(mismatch.empty(), "OpenAPI mismatch for " + method + " " + target + " (" +
                                              std::to_string(r.status) + "): " + mismatch);
    return r;
}

HttpResponse Api::get(const std::string& target, const std::string& token) {
    return send("GET", target, auth_headers(token));
}

HttpResponse Api::del(const std::string& target, const std::string& token) {
    return send("DELETE", target, auth_headers(token));
}

HttpResponse Api::post(const std::string& target, const std::string& json, const std::string& token) {
    Headers h = auth_headers(token);
    h.emplace_back("Content-Type", "application/json");
    return send("POST", target, h, json);
}

HttpResponse Api::put(const std::string& target, const std::string& token, const std::optional<std::string>& json) {
    Headers h = auth_headers(token);
    if (json) h.emplace_back("Content-Type", "application/json");
    return send("PUT", target, h, json);
}

std::string Api::token(const Cuenta& cuenta) {
    auto it = tokens_.find(cuenta.dni);
    if (it != tokens_.end()) return it->second;
    auto r = post("/auth", std::string(R"({"dni":")") + cuenta.dni + R"(","password":")" + cuenta.password + "\"}");
    BOOST_REQUIRE_MESSAGE(r.status == 200, "login failed for " + std::string(cuenta.dni) + ": " + r.body);
    std::string token = r.json()["data"]["token"].GetString();
    tokens_[cuenta.dni] = token;
    return token;
}

std::int64_t Api::crear_pendiente(const std::string& tipo, const std::string& extra_json) {
    std::string body = R"({"lugar":"PUNO","prioridad":"MEDIA","tipo":")" + tipo + R"(","clienteId":1)" +
                       (extra_json.empty() ? "" : "," + extra_json) + "}";
    auto r = post("/api/pendientes", body, token(kCoord));
    BOOST_REQUIRE_MESSAGE(r.status == 200, "crear_pendiente failed: " + r.body);
    return r.json()["data"]["id"].GetInt64();
}

namespace {
DbConfig test_db_config() {
    DbConfig c;
    c.host = env("PENDIENTES_TEST_DB_HOST", "127.0.0.1");
    c.port = std::stoi(env("PENDIENTES_TEST_DB_PORT", "33307"));
    c.user = env("PENDIENTES_TEST_DB_USER", "pendientes");
    c.name = env("PENDIENTES_TEST_DB_NAME", "pendientes");
    c.password = read_secret_file(env("PENDIENTES_TEST_DB_PASSWORD_FILE"));
    return c;
}
}  // namespace

Db::Db() : conn_(test_db_config()) {}

std::int64_t Db::count(const std::string& sql, std::int64_t param) {
    db::Rows rows = conn_.statement(sql).bind(param).query();
    rows.next();
    return rows.int64(1);
}

std::int64_t Db::count(const std::string& sql) {
    db::Rows rows = conn_.statement(sql).query();
    rows.next();
    return rows.int64(1);
}

std::optional<std::string> Db::text(const std::string& sql, std::int64_t param) {
    db::Rows rows = conn_.statement(sql).bind(param).query();
    if (!rows.next()) return std::nullopt;
    return rows.opt_string(1);
}

void expect_error(const HttpResponse& r, int status, const std::string& error_code) {
    BOOST_TEST_CONTEXT("body: " << r.body) {
        BOOST_TEST(r.status == status);
        BOOST_TEST(r.header("content-type").rfind("application/json", 0) == 0);
        auto j = r.json();
        BOOST_REQUIRE(j.IsObject());
        BOOST_TEST(j["success"].GetBool() == false);
        BOOST_TEST(j["code"].GetInt() == status);
        BOOST_TEST(j["data"].IsNull());
        BOOST_TEST(j["message"].IsString());
        BOOST_TEST(std::string(j["errorCode"].GetString()) == error_code);
        BOOST_TEST(j["errors"].IsArray());
    }
}

}  // namespace pendientes::test
