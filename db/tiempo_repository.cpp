#include "db/tiempo_repository.hpp"

#include <stdexcept>

#include "domain/values.hpp"

#define TIEMPO_SELECT                                                                                       \
    "SELECT t.id, t.pendiente_id, t.empleado_id, e.nombre, e.apellido_paterno, t.hora_inicio, t.hora_fin, " \
    "t.descripcion FROM pendientes_tiempos t JOIN empleados e ON e.id = t.empleado_id"

namespace pendientes::db {
namespace {

domain::LocalDateTime stored_date_time(const std::string& text) {
    auto t = domain::from_sql(text);
    // Only DATETIME values come back here; anything else is a server fault, not a client error.
    if (!t) throw std::runtime_error("unreadable DATETIME in pendientes_tiempos");
    return *t;
}

TiempoRow read_tiempo(const Rows& r) {
    TiempoRow t;
    t.id = r.int64(1);
    t.pendiente_id = r.int64(2);
    t.empleado_id = r.int64(3);
    t.empleado_nombre = domain::display_name(r.string(4), r.opt_string(5));
    t.hora_inicio = stored_date_time(r.string(6));
    if (auto fin = r.opt_string(7)) t.hora_fin = stored_date_time(*fin);
    t.descripcion = r.opt_string(8);
    return t;
}

std::optional<std::string> sql_text(const std::optional<domain::LocalDateTime>& t) {
    if (!t) return std::nullopt;
    return domain::to_sql(*t);
}

}  // namespace

std::vector<TiempoRow> list_tiempos(Connection& db, std::int64_t pendiente_id) {
    Rows rows = db.statement(TIEMPO_SELECT " WHERE t.pendiente_id = ? AND t.vigente = 1"
                                           " ORDER BY t.hora_inicio ASC, t.id ASC")
                    .bind(pendiente_id)
                    .query();
    std::vector<TiempoRow> out;
    while (rows.next()) out.push_back(read_tiempo(rows));
    return out;
}

std::optional<TiempoRow> find_tiempo(Connection& db, std::int64_t id) {
    Rows rows = db.statement(TIEMPO_SELECT " WHERE t.id = ? AND t.vigente = 1").bind(id).query();
    if (!rows.next()) return std::nullopt;
    return read_tiempo(rows);
}

std::optional<TiempoRow> lock_tiempo(Connection& db, std::int64_t id) {
    // Lock only the tiempo row; the empleado is read without a lock.
    if (!db.statement("SELECT id FROM pendientes_tiempos WHERE id = ? AND vigente = 1 FOR UPDATE").bind(id).query().next())
        return std::nullopt;
    return find_tiempo(db, id);
}

std::optional<std::int64_t> lock_ultimo_abierto(Connection& db, std::int64_t pendiente_id,
                                                std::optional<std::int64_t> empleado_id) {
    // idx_tiempos_pendiente (pendiente_id, hora_inicio, id) read backwards.
    Rows rows = db.statement(
                      "SELECT id FROM pendientes_tiempos WHERE pendiente_id = ? AND vigente = 1 AND hora_fin IS NULL"
                      " AND (? IS NULL OR empleado_id = ?) ORDER BY hora_inicio DESC, id DESC LIMIT 1 FOR UPDATE")
                    .bind(pendiente_id)
                    .bind(empleado_id)
                    .bind(empleado_id)
                    .query();
    if (!rows.next()) return std::nullopt;
    return rows.int64(1);
}

std::int64_t insert_tiempo(Connection& db, const TiempoValores& t, const std::string& now) {
    return db.statement(
                 "INSERT INTO pendientes_tiempos (pendiente_id, empleado_id, hora_inicio, hora_fin, descripcion, "
                 "vigente, fecha_creacion, fecha_modificacion) VALUES (?, ?, ?, ?, ?, 1, ?, ?)")
        .bind(t.pendiente_id)
        .bind(t.empleado_id)
        .bind(domain::to_sql(t.hora_inicio))
        .bind(sql_text(t.hora_fin))
        .bind(t.descripcion)
        .bind(now)
        .bind(now)
        .insert();
}

void update_tiempo(Connection& db, std::int64_t id, const TiempoValores& t, const std::string& now) {
    db.statement(
          "UPDATE pendientes_tiempos SET pendiente_id = ?, empleado_id = ?, hora_inicio = ?, hora_fin = ?, "
          "descripcion = ?, fecha_modificacion = ? WHERE id = ? AND vigente = 1")
        .bind(t.pendiente_id)
        .bind(t.empleado_id)
        .bind(domain::to_sql(t.hora_inicio))
        .bind(sql_text(t.hora_fin))
        .bind(t.descripcion)
        .bind(now)
        .bind(id)
        .update();
}

bool soft_delete_tiempo(Connection& db, std::int64_t id, const std::string& now) {
    return db.statement("UPDATE pendientes_tiempos SET vigente = 0, fecha_modificacion = ? WHERE id = ? AND vigente = 1")
               .bind(now)
               .bind(id)
               .update() > 0;
}

}  // namespace pendientes::db
