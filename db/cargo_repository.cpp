#include "db/cargo_repository.hpp"

#include "common/clock.hpp"
#include "db/db_error.hpp"

#define CARGO_SELECT "SELECT id, nombre, descripcion FROM cargos"

namespace pendientes::db {
namespace {
CargoRow read_cargo(const Rows& r) { return CargoRow{r.int64(1), r.string(2), r.opt_string(3)}; }
}  // namespace

std::vector<CargoRow> list_cargos_vigentes(Connection& db) {
    Rows rows = db.statement(CARGO_SELECT " WHERE vigente = 1 ORDER BY id").query();
    std::vector<CargoRow> out;
    while (rows.next()) out.push_back(read_cargo(rows));
    return out;
}

std::optional<CargoRow> find_cargo_vigente(Connection& db, std::int64_t id) {
    Rows rows = db.statement(CARGO_SELECT " WHERE id = ? AND vigente = 1").bind(id).query();
    if (!rows.next()) return std::nullopt;
    return read_cargo(rows);
}

std::optional<std::int64_t> insert_cargo(Connection& db, const std::string& nombre,
                                         const std::optional<std::string>& descripcion) {
    try {
        const std::string now = now_sql();
        return db.statement(
                     "INSERT INTO cargos (nombre, descripcion, vigente, fecha_creacion, fecha_modificacion) "
                     "VALUES (?, ?, 1, ?, ?)")
            .bind(nombre)
            .bind(descripcion)
            .bind(now)
            .bind(now)
            .insert();
    } catch (const DbError& e) {
        if (e.kind() == DbErrorKind::Duplicate) return std::nullopt;
        throw;
    }
}

bool update_cargo(Connection& db, std::int64_t id, const CambiosCargo& c) {
    try {
        // NULL keeps the column (§0.3: null = absent).
        db.statement(
              "UPDATE cargos SET nombre = COALESCE(?, nombre), descripcion = COALESCE(?, descripcion), "
              "fecha_modificacion = ? WHERE id = ? AND vigente = 1")
            .bind(c.nombre)
            .bind(c.descripcion)
            .bind(now_sql())
            .bind(id)
            .update();
        return true;
    } catch (const DbError& e) {
        if (e.kind() == DbErrorKind::Duplicate) return false;
        throw;
    }
}

bool soft_delete_cargo(Connection& db, std::int64_t id) {
    return db.statement("UPDATE cargos SET vigente = 0, fecha_modificacion = ? WHERE id = ? AND vigente = 1")
               .bind(now_sql())
               .bind(id)
               .update() > 0;
}

}  // namespace pendientes::db
