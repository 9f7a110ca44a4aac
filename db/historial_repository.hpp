#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"
#include "db/rows.hpp"
#include "domain/enums.hpp"

namespace pendientes::db {

struct HistorialRow {
    std::int64_t id = 0;
    std::int64_t pendiente_id = 0;
    EmpleadoRow empleado;
    std::string estado;
    std::optional<std::string> detalles;
    std::string fecha_creacion;  // ISO
};

// Appends one audit row (§6.2); call inside the transaction that made the change.
std::int64_t insert_historial(Connection& db, std::int64_t pendiente_id, std::int64_t empleado_id,
                              domain::EstadoPendiente estado, const std::optional<std::string>& detalles,
                              const std::string& now_sql);

// Newest first: fecha_creacion DESC, id DESC (§10).
std::vector<HistorialRow> list_historial(Connection& db, std::int64_t pendiente_id);
std::optional<HistorialRow> find_historial(Connection& db, std::int64_t id);

}  // namespace pendientes::db
