#pragma once
// The write half of a transition request (API.md §6.1, §6.6): one UPDATE of the locked
// pendiente row. The caller holds the row lock (lock_pendiente) and appends the historial
// row in the same transaction.
#include <cstdint>
#include <optional>
#include <string>

#include "db/connection.hpp"
#include "domain/enums.hpp"

namespace pendientes::db {

struct CambioEstado {
    domain::EstadoPendiente estado{};
    std::optional<std::int64_t> asignado_a;      // the full new value (kept, set or cleared by the caller)
    std::optional<std::string> fecha_pendiente;  // SQL text; nullopt keeps the stored value
};

void update_estado(Connection& db, std::int64_t pendiente_id, const CambioEstado& cambio, const std::string& now_sql);

}  // namespace pendientes::db
