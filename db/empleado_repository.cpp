#include "db/empleado_repository.hpp"

#include "common/clock.hpp"

namespace pendientes::db {

EmpleadoRow read_empleado(const Rows& r, unsigned f) {
    EmpleadoRow e;
    e.id = r.int64(f);
    e.nombre = r.string(f + 1);
    e.apellido_paterno = r.opt_string(f + 2);
    e.apellido_materno = r.opt_string(f + 3);
    e.telefono = r.opt_string(f + 4);
    e.correo = r.opt_string(f + 5);
    if (!r.is_null(f + 6)) e.cargo = CargoRow{r.int64(f + 6), r.string(f + 7), r.opt_string(f + 8)};
    e.fecha_ingreso = r.opt_string(f + 9);
    e.vigente = r.boolean(f + 10);
    return e;
}

std::vector<EmpleadoRow> list_empleados_vigentes(Connection& db) {
    Rows rows = db.statement("SELECT " EMPLEADO_COLUMNS
                             " FROM empleados e LEFT JOIN cargos c ON c.id = e.cargo_id"
                             " WHERE e.vigente = 1 ORDER BY e.id")
                    .query();
    std::vector<EmpleadoRow> out;
    while (rows.next()) out.push_back(read_empleado(rows, 1));
    return out;
}

std::optional<EmpleadoRow> find_empleado_vigente(Connection& db, std::int64_t id) {
    Rows rows = db.statement("SELECT " EMPLEADO_COLUMNS
                             " FROM empleados e LEFT JOIN cargos c ON c.id = e.cargo_id"
                             " WHERE e.id = ? AND e.vigente = 1")
                    .bind(id)
                    .query();
    if (!rows.next()) return std::nullopt;
    return read_empleado(rows, 1);
}

bool cargo_exists(Connection& db, std::int64_t cargo_id) {
    return db.statement("SELECT 1 FROM cargos WHERE id = ? AND vigente = 1").bind(cargo_id).query().next();
}

std::int64_t insert_empleado(Connection& db, const NuevoEmpleado& e) {
    return db.statement(
                 "INSERT INTO empleados (nombre, apellido_paterno, apellido_materno, telefono, correo, cargo_id, "
                 "fecha_ingreso, vigente, fecha_creacion, fecha_modificacion) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)")
        .bind(e.nombre)
        .bind(e.apellido_paterno)
        .bind(e.apellido_materno)
        .bind(e.telefono)
        .bind(e.correo)
        .bind(e.cargo_id)
        .bind(e.fecha_ingreso)
        .bind(now_sql())
        .bind(now_sql())
        .insert();
}

void update_empleado(Connection& db, std::int64_t id, const CambiosEmpleado& c) {
    // NULL keeps the column: in requests an explicit null is the same as an absent member (§0.3).
    db.statement(
          "UPDATE empleados SET nombre = COALESCE(?, nombre), apellido_paterno = COALESCE(?, apellido_paterno), "
          "apellido_materno = COALESCE(?, apellido_materno), telefono = COALESCE(?, telefono), "
          "correo = COALESCE(?, correo), cargo_id = COALESCE(?, cargo_id), "
          "fecha_ingreso = COALESCE(?, fecha_ingreso), fecha_modificacion = ? WHERE id = ? AND vigente = 1")
        .bind(c.nombre)
        .bind(c.apellido_paterno)
        .bind(c.apellido_materno)
        .bind(c.telefono)
        .bind(c.correo)
        .bind(c.cargo_id)
        .bind(c.fecha_ingreso)
        .bind(now_sql())
        .bind(id)
        .update();
}

bool soft_delete_empleado(Connection& db, std::int64_t id) {
    return db.statement("UPDATE empleados SET vigente = 0, fecha_modificacion = ? WHERE id = ? AND vigente = 1")
               .bind(now_sql())
               .bind(id)
               .update() > 0;
}

}  // namespace pendientes::db
