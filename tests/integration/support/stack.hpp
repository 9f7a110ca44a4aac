#pragma once
// The running test stack (started by scripts/test): HTTP access through nginx, direct DB access
// to assert stored rows, and fixture helpers.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "db/connection.hpp"
#include "support/http_client.hpp"

namespace pendientes::test {

std::string env(const char* name, const char* fallback = nullptr);

// Fixture passwords of API.md §12.2.
struct Cuenta {
    const char* dni;
    const char* password;
};
inline constexpr Cuenta kAdmin{"10000001", "Admin#2026"};
inline constexpr Cuenta kCoord{"10000002", "Coord#2026"};
inline constexpr Cuenta kAtencion{"10000003", "Atencion#2026"};
inline constexpr Cuenta kAsesor{"10000004", "Asesor#2026"};
inline constexpr Cuenta kConta{"10000005", "Conta#2026"};
inline constexpr Cuenta kTecnico1{"10000006", "Tecnico#2026"};
inline constexpr Cuenta kTecnico2{"10000007", "Tecnico#2026"};
inline constexpr Cuenta kInactivo{"10000008", "Inactivo#2026"};
inline constexpr Cuenta kSinPermisos{"10000009", "SinPermisos#2026"};

class Api {
public:
    Api();

    HttpClient& client() { return client_; }
    int http_port() const { return http_port_; }

    HttpResponse get(const std::string& target, const std::string& token = "");
    HttpResponse del(const std::string& target, const std::string& token = "");
    HttpResponse post(const std::string& target, const std::string& json, const std::string& token = "");
    HttpResponse put(const std::string& target, const std::string& token = "",
                     const std::optional<std::string>& json = std::nullopt);
    HttpResponse send(const std::string& method, const std::string& target, const Headers& headers,
                      const std::optional<std::string>& body = std::nullopt);

    // Logs in and returns the token (cached per DNI for the life of this object).
    std::string token(const Cuenta& cuenta);

    // A REGISTRADO pendiente of `tipo` for cliente 1 registered by the coordinator; returns its id.
    std::int64_t crear_pendiente(const std::string& tipo = "TRASLADO", const std::string& extra_json = "");

private:
    HttpClient client_;
    int http_port_;
    std::map<std::string, std::string> tokens_;
};

// Direct connection to the test database.
class Db {
public:
    Db();
    std::int64_t count(const std::string& sql, std::int64_t param);
    std::int64_t count(const std::string& sql);
    std::optional<std::string> text(const std::string& sql, std::int64_t param);
    db::Connection& connection() { return conn_; }

private:
    db::DriverThread driver_;
    db::Connection conn_;
};

// Asserts the error envelope of §1.2.
void expect_error(const HttpResponse& r, int status, const std::string& error_code);

}  // namespace pendientes::test
