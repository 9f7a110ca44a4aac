#pragma once
// Bearer-token authentication of §2.1 and §2.5, shared by the edge and GET /auth/validar-token.
#include <optional>
#include <variant>

#include "auth/token.hpp"
#include "common/config.hpp"
#include "db/caller_repository.hpp"
#include "db/connection.hpp"
#include "domain/permisos.hpp"
#include "fcgi/request.hpp"
#include "fcgi/response.hpp"

namespace pendientes {

struct AuthFailure {
    ApiError error;
    bool token_presented = false;
};

// The caller behind the bearer token, re-checked in the database. With `pendiente_id`, the
// vigente pendiente of that id is read in the same round trip (Prefetch; nullopt when none);
// with `cambios_listado`, the change number of db/listado_cache.hpp.
std::variant<db::CallerYPrefetch, AuthFailure> authenticate(const Request& request, db::Connection& db,
                                                           const auth::TokenSigner& signer, const Config& config,
                                                           std::optional<std::int64_t> pendiente_id = std::nullopt,
                                                           bool cambios_listado = false);

// 401 with WWW-Authenticate (error="invalid_token" when a token was presented).
Response unauthorized(const AuthFailure& failure);

}  // namespace pendientes
