#pragma once
// What a handler may know about the HTTP request, copied out of the FastCGI params once.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pendientes {

struct Request {
    std::string method;
    std::string raw_path;      // REQUEST_URI up to '?', still percent-encoded
    std::string query_string;
    std::string content_type;
    std::string authorization;
    std::string request_id;
    std::string remote_addr;
    std::optional<std::int64_t> content_length;
    std::string body;
};

using FormParams = std::vector<std::pair<std::string, std::string>>;

// application/x-www-form-urlencoded: '+' is a space, %XX are bytes; a malformed escape is kept literally.
FormParams parse_form(std::string_view text);

// First occurrence wins (§0.3).
std::optional<std::string> find_param(const FormParams& params, std::string_view name);

// Percent-decodes a path segment once; nullopt on a malformed escape.
std::optional<std::string> decode_path_segment(std::string_view segment);

// Media type without parameters, lower-cased, and its charset parameter (lower-cased) if any.
struct MediaType {
    std::string type;
    std::optional<std::string> charset;
};
MediaType parse_media_type(std::string_view content_type);

}  // namespace pendientes
