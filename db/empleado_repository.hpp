#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "db/connection.hpp"
#include "db/rows.hpp"

namespace pendientes::db {

struct NuevoEmpleado {
    std::string nombre;
    std::string apellido_paterno;
    std::string apellido_materno;
    std::optional<std::string> telefono;
    std::optional<std::string> correo;
    std::int64_t cargo_id = 0;
    std::string fecha_ingreso;  // YYYY-MM-DD
};

std::vector<EmpleadoRow> list_empleados_vigentes(Connection& db);
// Vigente only: an inactive empleado can no longer be assigned or registered (§11.2).
std::optional<EmpleadoRow> find_empleado_vigente(Connection& db, std::int64_t id);
bool cargo_exists(Connection& db, std::int64_t cargo_id);
std::int64_t insert_empleado(Connection& db, const NuevoEmpleado& e);

// Partial update (§11.2): members left empty keep their stored value.
struct CambiosEmpleado {
    std::optional<std::string> nombre;
    std::optional<std::string> apellido_paterno;
    std::optional<std::string> apellido_materno;
    std::optional<std::string> telefono;
    std::optional<std::string> correo;
    std::optional<std::int64_t> cargo_id;
    std::optional<std::string> fecha_ingreso;  // YYYY-MM-DD
};
void update_empleado(Connection& db, std::int64_t id, const CambiosEmpleado& cambios);

// Soft delete; false when already gone. Existing references keep their names (§11.2).
bool soft_delete_empleado(Connection& db, std::int64_t id);

// Reads the columns of EMPLEADO_COLUMNS starting at `first`.
EmpleadoRow read_empleado(const Rows& rows, unsigned first);

}  // namespace pendientes::db

// e.* and c.* of an empleado joined with its cargo; 11 columns.
#define EMPLEADO_COLUMNS                                                                             \
    "e.id, e.nombre, e.apellido_paterno, e.apellido_materno, e.telefono, e.correo, c.id, c.nombre, " \
    "c.descripcion, e.fecha_ingreso, e.vigente"
