#include "db/estado_tecnico_repository.hpp"

namespace pendientes::db {

void set_estado_tecnico(Connection& db, std::int64_t pendiente_id, domain::EstadoTecnico estado,
                        const std::string& now) {
    db.statement("UPDATE pendientes SET estado_tecnico = ?, fecha_modificacion = ? WHERE id = ?")
        .bind(domain::name_of(estado))
        .bind(now)
        .bind(pendiente_id)
        .update();
}

}  // namespace pendientes::db
