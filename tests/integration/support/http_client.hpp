#pragma once
// A deliberately small HTTP/1.1 client over TLS (OpenSSL) so that tests control every byte of
// the request line, including the raw \xC2\xBF path bytes curl-like libraries would re-encode.
#include <rapidjson/document.h>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pendientes::test {

struct HttpResponse {
    int status = 0;
    std::map<std::string, std::string> headers;  // lower-case names
    std::string body;

    rapidjson::Document json() const;  // fails the test when the body is not JSON
    std::string header(const std::string& name) const;
};

using Headers = std::vector<std::pair<std::string, std::string>>;

struct TlsOptions {
    int min_version = 0;  // e.g. TLS1_1_VERSION to probe old protocols
    int max_version = 0;
};

class HttpClient {
public:
    HttpClient(std::string host, int port) : host_(std::move(host)), port_(port) {}

    // `target` is sent as-is on the request line (already encoded by the caller).
    HttpResponse send(const std::string& method, const std::string& target, const Headers& headers = {},
                      const std::optional<std::string>& body = std::nullopt) const;

    // Plain TCP request (for the HTTP→HTTPS redirect).
    HttpResponse send_plain(int port, const std::string& method, const std::string& target) const;

    // True when a TLS handshake with these options succeeds.
    bool handshake(const TlsOptions& options) const;

private:
    std::string host_;
    int port_;
};

}  // namespace pendientes::test
