#pragma once
#include <cstdint>
#include <optional>

#include "db/connection.hpp"
#include "db/pendiente_repository.hpp"
#include "domain/permisos.hpp"

namespace pendientes::db {

// The vigente usuario behind a token, with its current rol mask and empleado (§2.5 step 6).
std::optional<domain::Caller> find_active_caller(Connection& db, std::int64_t usuario_id);

// The same check and what a route reads with it in the same statement (fcgi/routes.hpp
// Prefetch). nullopt overall when the usuario is not active.
struct CallerYPrefetch {
    domain::Caller caller;
    std::optional<PendienteRow> pendiente;         // PendienteDelPath: nullopt when there is none such
    std::optional<std::uint64_t> cambios_listado;  // CambiosListado (db/listado_cache.hpp)
};
std::optional<CallerYPrefetch> find_active_caller_y_pendiente(Connection& db, std::int64_t usuario_id,
                                                               std::int64_t pendiente_id);
std::optional<CallerYPrefetch> find_active_caller_y_cambios(Connection& db, std::int64_t usuario_id);

}  // namespace pendientes::db
