#include "support/openapi_check.hpp"

#include <mutex>

#include "fcgi/router.hpp"
#include "fcgi/routes.hpp"

namespace pendientes::test {
namespace {

// A JSON Schema subset: $ref, allOf, anyOf, type (string or list), const, enum, required,
// properties, items — what the generated document uses.
class Validator {
public:
    explicit Validator(const rapidjson::Document& doc) : doc_(doc) {}

    std::string check(const rapidjson::Value& schema, const rapidjson::Value& v, const std::string& at) const {
        if (!schema.IsObject()) return {};
        if (auto it = schema.FindMember("$ref"); it != schema.MemberEnd()) {
            std::string ref = it->value.GetString();
            const std::string prefix = "#/components/schemas/";
            const auto& schemas = doc_["components"]["schemas"];
            auto target = schemas.FindMember(ref.substr(prefix.size()).c_str());
            if (target == schemas.MemberEnd()) return at + ": unknown $ref " + ref;
            return check(target->value, v, at);
        }
        if (auto it = schema.FindMember("allOf"); it != schema.MemberEnd())
            for (const auto& s : it->value.GetArray())
                if (auto e = check(s, v, at); !e.empty()) return e;
        if (auto it = schema.FindMember("anyOf"); it != schema.MemberEnd()) {
            std::string first;
            for (const auto& s : it->value.GetArray()) {
                auto e = check(s, v, at);
                if (e.empty()) {
                    first.clear();
                    break;
                }
                if (first.empty()) first = e;
            }
            if (!first.empty()) return first;
        }
        if (auto it = schema.FindMember("type"); it != schema.MemberEnd()) {
            bool ok = false;
            if (it->value.IsString()) ok = is_type(v, it->value.GetString());
            else
                for (const auto& t : it->value.GetArray()) ok = ok || is_type(v, t.GetString());
            if (!ok) return at + ": wrong type";
        }
        if (auto it = schema.FindMember("const"); it != schema.MemberEnd() && it->value != v)
            return at + ": not the constant value";
        if (auto it = schema.FindMember("enum"); it != schema.MemberEnd()) {
            bool found = false;
            for (const auto& e : it->value.GetArray()) found = found || e == v;
            if (!found) return at + ": value not in enum";
        }
        if (v.IsObject()) {
            if (auto it = schema.FindMember("required"); it != schema.MemberEnd())
                for (const auto& k : it->value.GetArray())
                    if (!v.HasMember(k.GetString())) return at + ": missing key " + k.GetString();
            if (auto it = schema.FindMember("properties"); it != schema.MemberEnd())
                for (const auto& p : it->value.GetObject()) {
                    auto m = v.FindMember(p.name.GetString());
                    if (m == v.MemberEnd()) continue;
                    if (auto e = check(p.value, m->value, at + "." + p.name.GetString()); !e.empty()) return e;
                }
        }
        if (v.IsArray())
            if (auto it = schema.FindMember("items"); it != schema.MemberEnd())
                for (rapidjson::SizeType i = 0; i < v.Size(); ++i)
                    if (auto e = check(it->value, v[i], at + "[" + std::to_string(i) + "]"); !e.empty()) return e;
        return {};
    }

private:
    static bool is_type(const rapidjson::Value& v, const std::string& t) {
        if (t == "null") return v.IsNull();
        if (t == "boolean") return v.IsBool();
        if (t == "integer") return v.IsInt64() || v.IsUint64();
        if (t == "number") return v.IsNumber();
        if (t == "string") return v.IsString();
        if (t == "array") return v.IsArray();
        if (t == "object") return v.IsObject();
        return false;
    }
    const rapidjson::Document& doc_;
};

const rapidjson::Document& document(const HttpClient& client) {
    static std::once_flag once;
    static rapidjson::Document doc;
    std::call_once(once, [&] {
        auto r = client.send("GET", "/api/openapi.json");
        doc.Parse(r.body.c_str(), r.body.size());
    });
    return doc;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

std::string openapi_mismatch(const HttpClient& client, const std::string& method, const std::string& target,
                             const HttpResponse& response) {
    const auto& doc = document(client);
    if (doc.HasParseError() || !doc.IsObject()) return "the service's /api/openapi.json is not JSON";
    static const Router router(route_table());
    std::string path = target.substr(0, target.find('?'));
    auto match = router.match(method, path);
    const bool json = response.header("content-type").rfind("application/json", 0) == 0;
    rapidjson::Document body;
    if (json) {
        body.Parse(response.body.c_str(), response.body.size());
        if (body.HasParseError()) return "declared JSON but the body does not parse";
    }
    Validator v(doc);
    auto* found = std::get_if<Router::Found>(&match);
    if (!found || response.status >= 400) {
        // Unknown routes, wrong methods and every error answer the error envelope (§1.2).
        if (!json) return "error response without a JSON envelope";
        return v.check(doc["components"]["schemas"]["ErrorEnvelope"], body, "$");
    }
    const auto& op = doc["paths"][std::string(found->route->pattern).c_str()][lower(method).c_str()];
    auto responses = op["responses"].GetObject();
    std::string code = std::to_string(response.status);
    auto it = responses.FindMember(code.c_str());
    if (it == responses.MemberEnd()) return "status " + code + " is not declared for " + method + " " + path;
    const auto& content = it->value["content"];
    if (content.HasMember("text/plain")) return json ? "declared text/plain but got JSON" : "";
    if (!json) return "declared JSON but got " + response.header("content-type");
    return v.check(content["application/json"]["schema"], body, "$");
}

}  // namespace pendientes::test
