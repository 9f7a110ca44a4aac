// POST /auth and GET /auth/validar-token (API.md §2.2, §2.3).
#include <algorithm>
#include <ctime>

#include "auth/password.hpp"
#include "auth/token.hpp"
#include "common/clock.hpp"
#include "db/login_repository.hpp"
#include "db/usuario_repository.hpp"
#include "fcgi/authentication.hpp"
#include "handlers/handlers.hpp"

namespace pendientes::handlers {
namespace {

// Verifying against a fixed hash when the DNI is unknown keeps both failures equally slow,
// so response time does not reveal which DNIs exist.
constexpr const char* kDecoyHash = "$2b$10$75gQ0wHcZqrxuzr/SLUUYuaxsJ3w/4RLS7wieS5McXf1hdpr/a8by";

Response login_success(const db::UsuarioRow& u, const std::string& token, std::int64_t exp) {
    JsonOut out;
    auto& w = out.writer();
    auto summary = [&] {
        json::put(w, "token", token);
        json::put(w, "nombre", u.nombre);
        json::put(w, "email", u.email);
        json::put(w, "rol", u.rol.id);
    };
    w.StartObject();
    json::put(w, "success", true);
    json::put(w, "code", 200);
    json::put(w, "message", "Inicio de sesión correcto");
    json::key(w, "data");
    w.StartObject();
    summary();
    json::put(w, "rolNombre", u.rol.nombre);
    json::put(w, "permisos", u.rol.permisos);
    json::put(w, "usuarioId", u.id);
    if (u.empleado) json::put(w, "empleadoId", u.empleado->id);
    else json::put_null(w, "empleadoId");
    json::put(w, "expiraEn", domain::format_local_date_time(to_local(static_cast<std::time_t>(exp))));
    w.EndObject();
    summary();  // §2.2: the four fields again at the top level for the docs' clients
    w.EndObject();
    Response r;
    r.body = out.str();
    return r;
}

}  // namespace

Response login(Context& ctx) {
    auto body = ctx.json_body();
    if (!body) return body.error();
    JsonFields fields(*body);
    auto dni = fields.string("dni", {.required = true, .non_blank = true, .max_code_points = 150});
    auto password = fields.string(
        "password", {.required = true, .non_blank = true, .max_code_points = 200, .secret = true});
    if (!fields.ok()) return fields.error();

    const std::string now = now_sql();
    if (auto wait = db::login_blocked_seconds(ctx.db, *dni, now)) {
        Response r(errors::demasiados_intentos());
        r.headers.emplace_back("Retry-After", std::to_string(std::max<std::int64_t>(*wait, 1)));
        return r;
    }
    auto row = db::find_login_by_dni(ctx.db, *dni);
    bool password_ok = auth::verify_password(*password, row ? row->password_hash : kDecoyHash);
    if (!row || !password_ok) {
        db::record_login_failure(ctx.db, *dni, now);
        return errors::credenciales_invalidas();
    }
    db::clear_login_failures(ctx.db, *dni);
    // §2.2: vigente is checked only after a correct password.
    if (!row->usuario.vigente) return errors::usuario_inactivo();

    const std::int64_t iat = std::time(nullptr);
    const std::string token = ctx.signer.issue(row->usuario.id, row->usuario.rol.id, iat, ctx.config.jwt_ttl_seconds);
    return login_success(row->usuario, token, iat + ctx.config.jwt_ttl_seconds);
}

Response validar_token(Context& ctx) {
    auto auth = authenticate(ctx.request, ctx.db, ctx.signer, ctx.config);
    if (auto* failure = std::get_if<AuthFailure>(&auth)) return unauthorized(*failure);
    Response r;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "Token válido y usuario activo";
    return r;
}

}  // namespace pendientes::handlers
