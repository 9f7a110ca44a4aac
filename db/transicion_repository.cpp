#include "db/transicion_repository.hpp"

namespace pendientes::db {

void update_estado(Connection& db, std::int64_t pendiente_id, const CambioEstado& cambio, const std::string& now) {
    // COALESCE: only /postergar moves fechaPendiente; /estado → POSTERGADO leaves it as is (§6.1).
    db.statement(
          "UPDATE pendientes SET estado = ?, asignado_a = ?, fecha_pendiente = COALESCE(?, fecha_pendiente), "
          "fecha_modificacion = ? WHERE id = ? AND vigente = 1")
        .bind(domain::name_of(cambio.estado))
        .bind(cambio.asignado_a)
        .bind(cambio.fecha_pendiente)
        .bind(now)
        .bind(pendiente_id)
        .update();
}

}  // namespace pendientes::db
