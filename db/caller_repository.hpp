#pragma once
#include <cstdint>
#include <optional>

#include "db/connection.hpp"
#include "domain/permisos.hpp"

namespace pendientes::db {

// The vigente usuario behind a token, with its current rol mask and empleado (§2.5 step 6).
std::optional<domain::Caller> find_active_caller(Connection& db, std::int64_t usuario_id);

}  // namespace pendientes::db
