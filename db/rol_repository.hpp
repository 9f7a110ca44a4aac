#pragma once
// roles (API.md §3.5, §11.3). A rol's permisos are read again on every request (§2.5), so an
// update here takes effect on the caller's next request.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/connection.hpp"
#include "db/rows.hpp"

namespace pendientes::db {

std::vector<RolRow> list_roles(Connection& db);
std::optional<RolRow> find_rol(Connection& db, std::string_view id);

// false: the id or the nombre is already taken (409 DUPLICADO).
bool insert_rol(Connection& db, const RolRow& rol);

struct CambiosRol {
    std::optional<std::string> nombre;
    std::optional<std::string> descripcion;
    std::optional<int> permisos;
};
// false: the nombre belongs to another rol (409 DUPLICADO).
bool update_rol(Connection& db, std::string_view id, const CambiosRol& cambios);

enum class BorradoRol { Borrado, NoEncontrado, EnUso };
// A rol is deleted outright only while no usuario (active or not) references it; the
// inactive ones keep their rol so that the row stays consistent (409 EN_USO otherwise).
BorradoRol delete_rol(Connection& db, std::string_view id);

}  // namespace pendientes::db
