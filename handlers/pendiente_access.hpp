#pragma once
// The checks every endpoint addressing one pendiente makes, in the order of API.md §1.2:
// existence (404), then visibility or writability (403, §3.3).
#include <cstdint>

#include "common/result.hpp"
#include "db/pendiente_repository.hpp"
#include "domain/estado_machine.hpp"
#include "fcgi/context.hpp"

namespace pendientes::handlers {

// Reads: vigente (404) and visible (403).
Result<db::PendienteRow> pendiente_visible(Context& ctx, std::int64_t id);

// Writes, inside a db::Transaction: locks the row (§6.6), vigente (404), writable (403).
Result<db::PendienteRow> pendiente_writable_locked(Context& ctx, std::int64_t id);

// §6.3: mutations other than transitions are refused on FINALIZADO / CANCELADO.
inline bool is_closed(const db::PendienteRow& p) { return domain::is_closed(p.estado); }

}  // namespace pendientes::handlers
