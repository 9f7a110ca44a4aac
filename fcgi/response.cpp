#include "fcgi/response.hpp"

namespace pendientes {

std::string error_body(const ApiError& e) {
    JsonOut out;
    auto& w = out.writer();
    w.StartObject();
    json::put(w, "success", false);
    json::put(w, "code", e.status);
    json::put(w, "message", e.message);
    json::put_null(w, "data");
    json::put(w, "errorCode", e.error_code);
    json::key(w, "errors");
    w.StartArray();
    for (const auto& fe : e.errors) {
        w.StartObject();
        json::put(w, "field", fe.field);
        json::put(w, "error", fe.error);
        json::put(w, "code", fe.code);
        json::key(w, "rejectedValue");
        if (fe.rejected_json) w.RawValue(fe.rejected_json->data(), fe.rejected_json->size(), rapidjson::kStringType);
        else w.Null();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return out.str();
}

Response::Response(const ApiError& error) : status(error.status), body(error_body(error)) {
    // §1.2: every 401 carries the challenge; authentication failures refine it.
    if (status == 401) headers.emplace_back("WWW-Authenticate", "Bearer");
}

Response success_null(std::string_view message) {
    return success(message, [](JsonWriter& w) { w.Null(); });
}

}  // namespace pendientes
