#include "support/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cctype>
#include <memory>
#include <stdexcept>

namespace pendientes::test {
namespace {

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

int connect_tcp(const std::string& host, int port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket");
    timeval tv{30, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, host.c_str(), &addr.sin_addr);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        throw std::runtime_error("connect to " + host + ":" + std::to_string(port) + " failed");
    }
    return fd;
}

using SslCtx = std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)>;
using Ssl = std::unique_ptr<SSL, decltype(&SSL_free)>;

SslCtx make_ctx(const TlsOptions& o) {
    SslCtx ctx(SSL_CTX_new(TLS_client_method()), SSL_CTX_free);
    SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_NONE, nullptr);  // self-signed local certificate
    if (o.min_version) {
        SSL_CTX_set_security_level(ctx.get(), 0);  // let OpenSSL 3 offer legacy protocols at all
        SSL_CTX_set_min_proto_version(ctx.get(), o.min_version);
    }
    if (o.max_version) SSL_CTX_set_max_proto_version(ctx.get(), o.max_version);
    return ctx;
}

std::string build_request(const std::string& method, const std::string& target, const std::string& host,
                          const Headers& headers, const std::optional<std::string>& body) {
    std::string req = method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n";
    for (const auto& [k, v] : headers) req += k + ": " + v + "\r\n";
    if (body) req += "Content-Length: " + std::to_string(body->size()) + "\r\n";
    req += "\r\n";
    if (body) req += *body;
    return req;
}

std::string decode_chunked(const std::string& in) {
    std::string out;
    std::size_t pos = 0;
    while (pos < in.size()) {
        auto eol = in.find("\r\n", pos);
        if (eol == std::string::npos) break;
        std::size_t len = std::stoul(in.substr(pos, eol - pos), nullptr, 16);
        if (len == 0) break;
        out += in.substr(eol + 2, len);
        pos = eol + 2 + len + 2;
    }
    return out;
}

HttpResponse parse_response(const std::string& raw) {
    HttpResponse r;
    auto head_end = raw.find("\r\n\r\n");
    if (head_end == std::string::npos) throw std::runtime_error("incomplete HTTP response: " + raw.substr(0, 200));
    std::string head = raw.substr(0, head_end);
    r.status = std::stoi(head.substr(head.find(' ') + 1, 3));
    std::size_t pos = head.find("\r\n");
    while (pos != std::string::npos && pos < head.size()) {
        auto next = head.find("\r\n", pos + 2);
        std::string line = head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
        auto colon = line.find(':');
        if (colon != std::string::npos) {
            std::string name = line.substr(0, colon);
            for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            std::string value = line.substr(colon + 1);
            while (!value.empty() && value.front() == ' ') value.erase(0, 1);
            r.headers[name] = value;
        }
        pos = next;
    }
    r.body = raw.substr(head_end + 4);
    if (r.header("transfer-encoding") == "chunked") r.body = decode_chunked(r.body);
    return r;
}

}  // namespace

rapidjson::Document HttpResponse::json() const {
    rapidjson::Document d;
    d.Parse(body.c_str(), body.size());
    BOOST_REQUIRE_MESSAGE(!d.HasParseError(), "response body is not JSON: " + body.substr(0, 300));
    return d;
}

std::string HttpResponse::header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

HttpResponse HttpClient::send(const std::string& method, const std::string& target, const Headers& headers,
                              const std::optional<std::string>& body) const {
    Fd fd{connect_tcp(host_, port_)};
    SslCtx ctx = make_ctx({});
    Ssl ssl(SSL_new(ctx.get()), SSL_free);
    SSL_set_fd(ssl.get(), fd.fd);
    SSL_set_tlsext_host_name(ssl.get(), "localhost");
    if (SSL_connect(ssl.get()) != 1) throw std::runtime_error("TLS handshake failed");
    std::string req = build_request(method, target, "localhost", headers, body);
    std::size_t sent = 0;
    while (sent < req.size()) {
        int n = SSL_write(ssl.get(), req.data() + sent, static_cast<int>(req.size() - sent));
        if (n <= 0) break;  // the server may answer (413) before reading everything
        sent += static_cast<std::size_t>(n);
    }
    std::string raw;
    char buf[16384];
    for (;;) {
        int n = SSL_read(ssl.get(), buf, sizeof buf);
        if (n <= 0) break;
        raw.append(buf, static_cast<std::size_t>(n));
    }
    return parse_response(raw);
}

HttpResponse HttpClient::send_plain(int port, const std::string& method, const std::string& target) const {
    Fd fd{connect_tcp(host_, port)};
    std::string req = build_request(method, target, "localhost", {}, std::nullopt);
    if (::write(fd.fd, req.data(), req.size()) < 0) throw std::runtime_error("write failed");
    std::string raw;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fd.fd, buf, sizeof buf)) > 0) raw.append(buf, static_cast<std::size_t>(n));
    return parse_response(raw);
}

bool HttpClient::handshake(const TlsOptions& options) const {
    Fd fd{connect_tcp(host_, port_)};
    SslCtx ctx = make_ctx(options);
    Ssl ssl(SSL_new(ctx.get()), SSL_free);
    SSL_set_fd(ssl.get(), fd.fd);
    bool ok = SSL_connect(ssl.get()) == 1;
    ERR_clear_error();
    return ok;
}

}  // namespace pendientes::test
