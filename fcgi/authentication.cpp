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

}  // namespace

std::variant<domain::Caller, AuthFailure> authenticate(const Request& request, db::Connection& db,
                                                       const auth::TokenSigner& signer, const Config& config) {
    auto token = bearer_token(request.authorization);
    if (!token) return AuthFailure{errors::no_autenticado(), false};
    auto verified = signer.verify(*token, std::time(nullptr), config.jwt_leeway_seconds);
    if (auto* failure = std::get_if<auth::TokenFailure>(&verified))
        return AuthFailure{*failure == auth::TokenFailure::Expired ? errors::token_expirado() : errors::token_invalido(),
                           true};
    // §2.5 step 6: role and vigente come from the database on every request.
    auto caller = db::find_active_caller(db, std::get<auth::TokenClaims>(verified).usuario_id);
    if (!caller) return AuthFailure{errors::usuario_inactivo(), true};
    return *caller;
}

Response unauthorized(const AuthFailure& f) {
    Response r(f.error);
    if (f.token_presented) r.headers.back().second = "Bearer error=\"invalid_token\"";
    return r;
}

}  // namespace pendientes
