#include "fcgi/openapi.hpp"

#include <cctype>
#include <map>
#include <vector>

#include "fcgi/routes.hpp"

namespace pendientes {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    while (!s.empty()) {
        auto p = s.find(sep);
        out.push_back(s.substr(0, p));
        if (p == std::string_view::npos) break;
        s.remove_prefix(p + 1);
    }
    return out;
}

void ref(JsonWriter& w, std::string_view name) {
    w.StartObject();
    json::put(w, "$ref", "#/components/schemas/" + std::string(name));
    w.EndObject();
}

// Schema of `data` from the route's `response` annotation.
void data_schema(JsonWriter& w, std::string_view response) {
    if (response.empty()) {
        w.StartObject();
        json::put(w, "type", "null");
        w.EndObject();
    } else if (response.starts_with("Page:")) {
        w.StartObject();
        json::key(w, "allOf");
        w.StartArray();
        ref(w, "Page");
        w.StartObject();
        json::key(w, "properties");
        w.StartObject();
        json::key(w, "content");
        w.StartObject();
        json::put(w, "type", "array");
        json::key(w, "items");
        ref(w, response.substr(5));
        w.EndObject();
        w.EndObject();
        w.EndObject();
        w.EndArray();
        w.EndObject();
    } else if (response.starts_with("Array:")) {
        w.StartObject();
        json::put(w, "type", "array");
        json::key(w, "items");
        ref(w, response.substr(6));
        w.EndObject();
    } else {
        ref(w, response);
    }
}

void success_response(JsonWriter& w, const Route& r) {
    w.StartObject();
    json::put(w, "description", "OK");
    json::key(w, "content");
    w.StartObject();
    if (r.response == "Text") {
        json::key(w, "text/plain");
        w.StartObject();
        json::key(w, "schema");
        w.StartObject();
        json::put(w, "type", "string");
        w.EndObject();
        w.EndObject();
    } else if (r.response == "OpenApi") {
        json::key(w, "application/json");
        w.StartObject();
        json::key(w, "schema");
        w.StartObject();
        json::put(w, "type", "object");
        w.EndObject();
        w.EndObject();
    } else {
        json::key(w, "application/json");
        w.StartObject();
        json::key(w, "schema");
        w.StartObject();
        json::key(w, "allOf");
        w.StartArray();
        ref(w, "SuccessEnvelope");
        w.StartObject();
        json::key(w, "properties");
        w.StartObject();
        json::key(w, "data");
        data_schema(w, r.response);
        w.EndObject();
        w.EndObject();
        w.EndArray();
        w.EndObject();
        w.EndObject();
    }
    w.EndObject();
    w.EndObject();
}

void error_response(JsonWriter& w, const char* description) {
    w.StartObject();
    json::put(w, "description", description);
    json::key(w, "content");
    w.StartObject();
    json::key(w, "application/json");
    w.StartObject();
    json::key(w, "schema");
    ref(w, "ErrorEnvelope");
    w.EndObject();
    w.EndObject();
    w.EndObject();
}

void operation(JsonWriter& w, const Route& r) {
    w.StartObject();
    json::put(w, "summary", r.summary);
    std::string op_id(r.method);
    for (char c : r.pattern) op_id += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
    json::put(w, "operationId", op_id);
    if (r.access == Access::Public) {
        json::key(w, "security");
        w.StartArray();
        w.EndArray();
    }
    std::string description = r.access == Access::Admin ? "Administrator only (all 14 permission bits)."
                              : r.access == Access::Public ? "No token required."
                              : r.bits == 0 ? "Any authenticated caller."
                                            : "Permission bits (any of): " + std::to_string(r.bits) + ".";
    json::put(w, "description", description);

    json::key(w, "parameters");
    w.StartArray();
    for (auto seg : split(r.pattern, '/')) {
        if (seg.size() < 3 || seg.front() != '{') continue;
        w.StartObject();
        json::put(w, "name", seg.substr(1, seg.size() - 2));
        json::put(w, "in", "path");
        json::put(w, "required", true);
        json::key(w, "schema");
        w.StartObject();
        json::put(w, "type", "string");
        json::put(w, "pattern", "^[0-9]{1,19}$");
        w.EndObject();
        w.EndObject();
    }
    for (auto q : split(r.query, ',')) {
        if (q.empty()) continue;
        bool required = q.back() == '!';
        w.StartObject();
        json::put(w, "name", required ? q.substr(0, q.size() - 1) : q);
        json::put(w, "in", "query");
        json::put(w, "required", required);
        json::key(w, "schema");
        w.StartObject();
        json::put(w, "type", "string");
        w.EndObject();
        w.EndObject();
    }
    w.EndArray();

    if (r.body != Body::None) {
        json::key(w, "requestBody");
        w.StartObject();
        json::put(w, "required", r.body == Body::Json);
        json::key(w, "content");
        w.StartObject();
        json::key(w, "application/json");
        w.StartObject();
        json::key(w, "schema");
        w.StartObject();
        json::put(w, "type", "object");
        w.EndObject();
        w.EndObject();
        w.EndObject();
        w.EndObject();
    }

    json::key(w, "responses");
    w.StartObject();
    json::key(w, "200");
    success_response(w, r);
    json::key(w, "4XX");
    error_response(w, "Client error (API.md §1.2)");
    json::key(w, "5XX");
    error_response(w, "Server error or unavailable database");
    w.EndObject();
    w.EndObject();
}

std::string build() {
    // Group methods by path, keeping the table's order of first appearance.
    std::vector<std::string_view> order;
    std::map<std::string_view, std::vector<const Route*>> by_path;
    for (const Route& r : route_table()) {
        if (!by_path.count(r.pattern)) order.push_back(r.pattern);
        by_path[r.pattern].push_back(&r);
    }
    JsonOut out;
    auto& w = out.writer();
    w.StartObject();
    json::put(w, "openapi", "3.1.0");
    json::key(w, "info");
    w.StartObject();
    json::put(w, "title", "pendientes — API Registro Pendientes");
    json::put(w, "version", "1.0.0");
    json::put(w, "description", "Work orders of a regional ISP. Generated from the service's route table.");
    json::key(w, "license");
    w.StartObject();
    json::put(w, "name", "Proprietary");
    json::put(w, "identifier", "LicenseRef-Proprietary");
    w.EndObject();
    w.EndObject();
    json::key(w, "servers");
    w.StartArray();
    w.StartObject();
    json::put(w, "url", "https://localhost:8443");
    w.EndObject();
    w.EndArray();
    json::key(w, "security");
    w.StartArray();
    w.StartObject();
    json::key(w, "bearerAuth");
    w.StartArray();
    w.EndArray();
    w.EndObject();
    w.EndArray();
    json::key(w, "paths");
    w.StartObject();
    for (auto path : order) {
        json::key(w, path);
        w.StartObject();
        for (const Route* r : by_path[path]) {
            std::string m(r->method);
            for (auto& c : m) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            json::key(w, m);
            operation(w, *r);
        }
        w.EndObject();
    }
    w.EndObject();
    json::key(w, "components");
    w.StartObject();
    json::key(w, "securitySchemes");
    w.StartObject();
    json::key(w, "bearerAuth");
    w.StartObject();
    json::put(w, "type", "http");
    json::put(w, "scheme", "bearer");
    json::put(w, "bearerFormat", "JWT");
    w.EndObject();
    w.EndObject();
    json::key(w, "schemas");
    auto schemas = openapi_component_schemas();
    w.RawValue(schemas.data(), schemas.size(), rapidjson::kObjectType);
    w.EndObject();
    w.EndObject();
    return out.str();
}

}  // namespace

const std::string& openapi_document() {
    static const std::string doc = build();  // immutable after first use; thread-safe static init
    return doc;
}

namespace handlers {
// The document itself is the body: OpenAPI tooling expects it unwrapped, like the text of
// /auth/validar-token this is one of the non-envelope answers.
Response openapi(Context&) {
    Response r;
    r.body = openapi_document();
    return r;
}
}  // namespace handlers

}  // namespace pendientes
