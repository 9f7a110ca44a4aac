#include "fcgi/service.hpp"

#include <cstdio>

#include "auth/field_cipher.hpp"
#include "db/db_error.hpp"
#include "fcgi/authentication.hpp"
#include "fcgi/context.hpp"
#include "fcgi/routes.hpp"
#include "fcgi/scoreboard.hpp"

namespace pendientes {
Service::Service(Config config)
    : config_(std::move(config)),
      signer_(read_secret_file(config_.jwt_secret_file), previous_jwt_keys(config_)),
      router_(route_table()),
      listado_cache_(std::make_unique<db::ListadoCache>(
          static_cast<std::size_t>(config_.listado_cache),
          scoreboard() ? &scoreboard()->listado_cache_hits_total : nullptr,
          scoreboard() ? &scoreboard()->listado_cache_misses_total : nullptr)) {
    // Before any worker thread exists (the master builds the Service, then forks).
    auth::install_field_cipher(std::make_unique<auth::FieldCipher>(read_secret_file(pppoe_key_path(config_))));
}

Outcome Service::handle(const Request& request, db::Connection& db) const {
    Outcome out;
    auto match = router_.match(request.method, request.raw_path);
    if (std::holds_alternative<Router::NotFound>(match)) {
        out.response = errors::ruta_no_encontrada();
        return out;
    }
    if (auto* mna = std::get_if<Router::MethodNotAllowed>(&match)) {
        out.response = errors::metodo_no_permitido();
        out.response.headers.emplace_back("Allow", mna->allow);
        return out;
    }
    auto& found = std::get<Router::Found>(match);
    const Route& route = *found.route;
    out.route_pattern = route.pattern;

    if (request.content_length && *request.content_length > config_.max_body_bytes) {
        out.response = errors::cuerpo_demasiado_grande();
        return out;
    }

    try {
        Context ctx(request, config_, db, signer_, *listado_cache_, std::move(found.params));
        if (route.access != Access::Public) {
            // A malformed id gets its 400 later, from the handler (§1.2 check 5 follows 3 and 4).
            std::optional<std::int64_t> prefetch_id;
            if (route.prefetch == Prefetch::PendienteDelPath)
                if (auto id = ctx.path_id(0)) prefetch_id = *id;
            const bool cambios = route.prefetch == Prefetch::CambiosListado && listado_cache_->guarda();
            auto auth = authenticate(request, db, signer_, config_, prefetch_id, cambios);
            if (auto* failure = std::get_if<AuthFailure>(&auth)) {
                out.response = unauthorized(*failure);
                return out;
            }
            auto& found = std::get<db::CallerYPrefetch>(auth);
            ctx.caller = found.caller;
            if (prefetch_id) ctx.prefetch = Context::Prefetched{*prefetch_id, std::move(found.pendiente)};
            ctx.cambios_listado = found.cambios_listado;
            out.usuario_id = ctx.caller->usuario_id;
            bool allowed = route.access == Access::Admin ? domain::is_admin(*ctx.caller)
                                                         : domain::has_any(ctx.caller->permisos, route.bits);
            if (!allowed) {
                out.response = errors::sin_permiso();
                return out;
            }
        }
        out.response = route.handler(ctx);
    } catch (const db::DbError& e) {
        switch (e.kind()) {
            case db::DbErrorKind::Unavailable:
            case db::DbErrorKind::LockTimeout:
            case db::DbErrorKind::Deadlock:
                out.response = errors::servicio_no_disponible();
                break;
            case db::DbErrorKind::CommitUnknown:
                std::fprintf(stderr, "{\"level\":\"warn\",\"request_id\":\"%s\",\"commit\":\"unknown\",\"db_error\":%d}\n",
                             request.request_id.c_str(), e.code());
                out.response = errors::resultado_desconocido();
                break;
            case db::DbErrorKind::Duplicate:
                out.response = errors::duplicado();
                break;
            default:
                std::fprintf(stderr, "{\"level\":\"error\",\"request_id\":\"%s\",\"db_error\":%d}\n",
                             request.request_id.c_str(), e.code());
                out.response = errors::error_interno();
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "{\"level\":\"error\",\"request_id\":\"%s\",\"exception\":\"internal\"}\n",
                     request.request_id.c_str());
        out.response = errors::error_interno();
    }
    return out;
}

}  // namespace pendientes
