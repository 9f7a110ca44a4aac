#pragma once
#include <cstdint>
#include <optional>

#include "db/connection.hpp"
#include "db/pendiente_repository.hpp"
#include "domain/permisos.hpp"

namespace pendientes::db {

// The vigente usuario behind a token, with its current rol mask and empleado (§2.5 step 6).
std::optional<domain::Caller> find_active_caller(Connection& db, std::int64_t usuario_id);

// The same check and, in the same round trip, the vigente pendiente `pendiente_id` (nullopt
// when it does not exist). nullopt overall when the usuario is not active.
struct CallerYPendiente {
    domain::Caller caller;
    std::optional<PendienteRow> pendiente;
};
std::optional<CallerYPendiente> find_active_caller_y_pendiente(Connection& db, std::int64_t usuario_id,
                                                                std::int64_t pendiente_id);

}  // namespace pendientes::db
