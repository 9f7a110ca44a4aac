#pragma once
// cargos (API.md §11.2): the position an empleado holds.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"
#include "db/rows.hpp"

namespace pendientes::db {

std::vector<CargoRow> list_cargos_vigentes(Connection& db);
std::optional<CargoRow> find_cargo_vigente(Connection& db, std::int64_t id);

// Empty: the nombre is taken (409 DUPLICADO; unique over every row, §13).
std::optional<std::int64_t> insert_cargo(Connection& db, const std::string& nombre,
                                         const std::optional<std::string>& descripcion);

struct CambiosCargo {
    std::optional<std::string> nombre;
    std::optional<std::string> descripcion;
};
// false: the nombre belongs to another cargo.
bool update_cargo(Connection& db, std::int64_t id, const CambiosCargo& cambios);

// Soft delete; false when already gone. Empleados keep showing the cargo they had.
bool soft_delete_cargo(Connection& db, std::int64_t id);

}  // namespace pendientes::db
