// /healthz/live and /healthz/ready (issue 7): for load balancers, systemd and the benchmark floor.
#include "db/connection.hpp"
#include "db/db_error.hpp"
#include "handlers/health.hpp"

namespace pendientes::handlers {

// Touches neither the database nor a token: it measures the pool runtime alone.
Response health_live(Context&) {
    return success("Proceso activo", [](JsonWriter& w) {
        w.StartObject();
        json::put(w, "status", "up");
        w.EndObject();
    });
}

Response health_ready(Context& ctx) {
    try {
        db::Rows rows = ctx.db.statement("SELECT COUNT(*) FROM schema_migrations").query();
        rows.next();
        const std::int64_t applied = rows.int64(1);
        return success("Servicio listo", [&](JsonWriter& w) {
            w.StartObject();
            json::put(w, "status", "ready");
            json::put(w, "database", "up");
            json::put(w, "migrations", applied);
            w.EndObject();
        });
    } catch (const db::DbError&) {
        return errors::servicio_no_disponible();
    }
}

}  // namespace pendientes::handlers
