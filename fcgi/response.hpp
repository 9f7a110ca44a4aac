#pragma once
// The HTTP answer and the two envelopes of API.md §1.1 / §1.2.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/api_error.hpp"
#include "common/json_writer.hpp"

namespace pendientes {

struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;

    Response() = default;
    Response(const ApiError& error);  // NOLINT: errors convert implicitly at the edge
};

// Writes `data` through `write_data(JsonWriter&)` inside the success envelope.
template <class WriteData>
Response success(std::string_view message, WriteData&& write_data) {
    JsonOut out;
    auto& w = out.writer();
    w.StartObject();
    json::put(w, "success", true);
    json::put(w, "code", 200);
    json::put(w, "message", message);
    json::key(w, "data");
    write_data(w);
    w.EndObject();
    Response r;
    r.body = out.str();
    return r;
}

// Success with `data: null` (deletes).
Response success_null(std::string_view message);

std::string error_body(const ApiError& error);

}  // namespace pendientes
