#pragma once
// Everything a handler receives: the request, the caller, its thread's DB connection, and the
// readers that turn request syntax into values or 4xx errors (API.md §0.3).
#include <rapidjson/document.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/config.hpp"
#include "common/json_body.hpp"
#include "common/result.hpp"
#include "db/connection.hpp"
#include "db/listado_cache.hpp"
#include "db/pendiente_repository.hpp"
#include "domain/permisos.hpp"
#include "fcgi/request.hpp"

namespace pendientes {

namespace auth { class TokenSigner; }

class Context {
public:
    Context(const Request& request, const Config& config, db::Connection& db, const auth::TokenSigner& signer,
            db::ListadoCache& listado_cache, std::vector<std::string> path_params)
        : request(request),
          config(config),
          db(db),
          signer(signer),
          listado_cache(listado_cache),
          path_params_(std::move(path_params)) {}

    const Request& request;
    const Config& config;
    db::Connection& db;
    const auth::TokenSigner& signer;
    db::ListadoCache& listado_cache;  // this worker's, shared by its threads
    std::optional<domain::Caller> caller;  // set on protected routes before the handler runs
    // Prefetch::PendienteDelPath routes: the vigente pendiente of path id `id`, read with the
    // caller (pendiente nullopt: none such). Unset when the edge did not prefetch.
    struct Prefetched {
        std::int64_t id;
        std::optional<db::PendienteRow> pendiente;
    };
    std::optional<Prefetched> prefetch;
    // Prefetch::CambiosListado routes: the listado_cambios sum read with the caller (unset when
    // the cache is off).
    std::optional<std::uint64_t> cambios_listado;

    const domain::Caller& who() const { return *caller; }

    // A {param} path segment that must be an id (§0.3 Path ids): 400 VALIDACION naming `field`.
    Result<std::int64_t> path_id(std::size_t index, std::string_view field = "id") const;
    // A {param} path segment as decoded text (e.g. a rol id, §11.3).
    const std::string& path_param(std::size_t index) const { return path_params_.at(index); }

    // A query parameter, or the same name from an x-www-form-urlencoded body (query wins).
    std::optional<std::string> param(std::string_view name) const;

    // The JSON object body: 415 on a non-JSON content type, 400 JSON_INVALIDO otherwise.
    Result<rapidjson::Document> json_body() const;
    // Same, but an empty body reads as {} (e.g. /filtrar).
    Result<rapidjson::Document> optional_json_body() const;

private:
    std::optional<ApiError> content_type_problem() const;

    std::vector<std::string> path_params_;
    mutable std::optional<FormParams> query_;
    mutable std::optional<FormParams> form_;
};

}  // namespace pendientes
