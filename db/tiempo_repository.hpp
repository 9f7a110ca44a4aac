#pragma once
// pendientes_tiempos (API.md §9): work sessions of one empleado on one pendiente.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"
#include "domain/local_date_time.hpp"

namespace pendientes::db {

struct TiempoRow {
    std::int64_t id = 0;
    std::int64_t pendiente_id = 0;
    std::int64_t empleado_id = 0;
    std::string empleado_nombre;  // display name (§5)
    domain::LocalDateTime hora_inicio;
    std::optional<domain::LocalDateTime> hora_fin;  // null while the session is open
    std::optional<std::string> descripcion;
};

// The stored fields of a tiempo, as written by insert and update.
struct TiempoValores {
    std::int64_t pendiente_id = 0;
    std::int64_t empleado_id = 0;
    domain::LocalDateTime hora_inicio;
    std::optional<domain::LocalDateTime> hora_fin;
    std::optional<std::string> descripcion;
};

// Vigente tiempos of a pendiente, horaInicio then id ascending (§9.1).
std::vector<TiempoRow> list_tiempos(Connection& db, std::int64_t pendiente_id);

// Vigente only. The _locked form runs inside a transaction and locks the row (SELECT … FOR UPDATE).
std::optional<TiempoRow> find_tiempo(Connection& db, std::int64_t id);
std::optional<TiempoRow> lock_tiempo(Connection& db, std::int64_t id);

// Inside a transaction: locks and returns the id of the vigente open session (hora_fin NULL) of
// the pendiente with the greatest hora_inicio, then the greatest id (§9.4), optionally only
// among `empleado_id`'s sessions.
std::optional<std::int64_t> lock_ultimo_abierto(Connection& db, std::int64_t pendiente_id,
                                                std::optional<std::int64_t> empleado_id);

std::int64_t insert_tiempo(Connection& db, const TiempoValores& t, const std::string& now_sql);
void update_tiempo(Connection& db, std::int64_t id, const TiempoValores& t, const std::string& now_sql);
// false when already gone.
bool soft_delete_tiempo(Connection& db, std::int64_t id, const std::string& now_sql);

}  // namespace pendientes::db
