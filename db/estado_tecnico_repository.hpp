#pragma once
// The one column the EstadoTecnico sub-machine (API.md §6.4) writes: pendientes.estado_tecnico.
// Used inside the transaction that already holds the pendiente's row lock (§6.6).
#include <cstdint>
#include <string>

#include "db/connection.hpp"
#include "domain/enums.hpp"

namespace pendientes::db {

// `now` is SQL text (fecha_modificacion). No historial row: §6.2 excludes estadoTecnico changes.
void set_estado_tecnico(Connection& db, std::int64_t pendiente_id, domain::EstadoTecnico estado,
                        const std::string& now);

}  // namespace pendientes::db
