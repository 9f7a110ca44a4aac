#include "fcgi/authentication.hpp"

#include <cctype>
#include <ctime>

#include "db/caller_repository.hpp"

namespace pendientes {
namespace {

// §2.1: scheme matched case-insensitively, exactly one space, then the token.
std::optional<std::string_view> bearer_token(std::string_view header) {
    constexpr std::string_view kScheme = "bearer ";
    if (header.size() <= kScheme.size()) return std::nullopt;
    for (std::size_t i = 0; i < kScheme.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(header[i])) != kScheme[i]) return std::nullopt;
    std::string_view token = header.substr(kScheme.size());
    if (token.empty() || token.front() == ' ') return std::nullopt;
    return token;
}

// §2.1–§2.5 steps 1–5: the usuario id of a well-formed, correctly signed, unexpired token.
std::variant<std::int64_t, AuthFailure> token_usuario(const Request& request, const auth::TokenSigner& signer,
                                                      const Config& config) {
    auto token = bearer_token(request.authorization);
    if (!token) return AuthFailure{errors::no_autenticado(), false};
    auto verified = signer.verify(*token, std::time(nullptr), config.jwt_leeway_seconds);
    if (auto* failure = std::get_if<auth::TokenFailure>(&verified))
        return AuthFailure{*failure == auth::TokenFailure::Expired ? errors::token_expirado() : errors::token_invalido(),
                           true};
    return std::get<auth::TokenClaims>(verified).usuario_id;
}

}  // namespace

std::variant<db::CallerYPrefetch, AuthFailure> authenticate(const Request& request, db::Connection& db,
                                                           const auth::TokenSigner& signer, const Config& config,
                                                           std::optional<std::int64_t> pendiente_id,
                                                           bool cambios_listado) {
    auto usuario = token_usuario(request, signer, config);
    if (auto* failure = std::get_if<AuthFailure>(&usuario)) return *failure;
    const std::int64_t usuario_id = std::get<std::int64_t>(usuario);
    // §2.5 step 6: role and vigente come from the database on every request.
    std::optional<db::CallerYPrefetch> found;
    if (pendiente_id) {
        found = db::find_active_caller_y_pendiente(db, usuario_id, *pendiente_id);
    } else if (cambios_listado) {
        found = db::find_active_caller_y_cambios(db, usuario_id);
    } else if (auto caller = db::find_active_caller(db, usuario_id)) {
        found = db::CallerYPrefetch{*caller, std::nullopt, std::nullopt};
    }
    if (!found) return AuthFailure{errors::usuario_inactivo(), true};
    return std::move(*found);
}

Response unauthorized(const AuthFailure& f) {
    Response r(f.error);
    if (f.token_presented) r.headers.back().second = "Bearer error=\"invalid_token\"";
    return r;
}

}  // namespace pendientes
