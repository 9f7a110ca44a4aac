#pragma once
// The edge: route → body size → authentication → endpoint bits → handler (API.md §1.2 order of
// checks 1–4), and the one place where exceptions become envelopes.
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "auth/token.hpp"
#include "common/config.hpp"
#include "db/connection.hpp"
#include "db/listado_cache.hpp"
#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "fcgi/router.hpp"

namespace pendientes {

struct Outcome {
    Response response;
    std::string_view route_pattern;  // for the access log; empty when no route matched
    std::optional<std::int64_t> usuario_id;
};

class Service {
public:
    explicit Service(Config config);

    const Config& config() const { return config_; }
    // Whether the body may be read: false means the request already failed before the body (404/405/413).
    Outcome handle(const Request& request, db::Connection& db) const;

private:
    Config config_;
    auth::TokenSigner signer_;
    Router router_;
    std::unique_ptr<db::ListadoCache> listado_cache_;  // shared by the worker's threads
};

}  // namespace pendientes
