#pragma once
// Validates every response the integration suite receives against the service's own OpenAPI
// document (fetched once from /api/openapi.json): a response that does not match its schema
// fails the test that received it.
#include <string>

#include "support/http_client.hpp"

namespace pendientes::test {

class HttpClient;

// Empty when the response matches; otherwise a description of the first mismatch.
std::string openapi_mismatch(const HttpClient& client, const std::string& method, const std::string& target,
                             const HttpResponse& response);

}  // namespace pendientes::test
