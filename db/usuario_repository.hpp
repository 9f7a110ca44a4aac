#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/connection.hpp"
#include "db/rows.hpp"

namespace pendientes::db {

// What POST /auth needs (§2.2): the hash stays inside the login flow, never in a response.
struct LoginRow {
    UsuarioRow usuario;
    std::string password_hash;
};

std::optional<LoginRow> find_login_by_dni(Connection& db, std::string_view dni);
// Any usuario, vigente or not (the caller of GET /api/usuarios/usuario).
std::optional<UsuarioRow> find_usuario(Connection& db, std::int64_t id);

// §11.3 administration. Inactive usuarios behave as if they did not exist (§0.2).
std::vector<UsuarioRow> list_usuarios_vigentes(Connection& db);
std::optional<UsuarioRow> find_usuario_vigente(Connection& db, std::int64_t id);

// true when `empleado_id` is linked to a vigente usuario other than `except_usuario_id`.
bool empleado_vinculado(Connection& db, std::int64_t empleado_id, std::int64_t except_usuario_id = 0);

// Which unique value a write collided with (409 DUPLICADO).
enum class Conflicto { Ninguno, Nombre, Dni, Email, Empleado };

struct NuevoUsuario {
    std::string nombre;
    std::string dni;
    std::string email;
    std::string password_hash;
    std::string rol_id;
    std::int64_t empleado_id = 0;
    bool vigente = true;
};
struct Insercion {
    Conflicto conflicto = Conflicto::Ninguno;
    std::int64_t id = 0;
};
Insercion insert_usuario(Connection& db, const NuevoUsuario& u);

// Partial update: empty members keep the stored value.
struct CambiosUsuario {
    std::optional<std::string> nombre;
    std::optional<std::string> dni;
    std::optional<std::string> email;
    std::optional<std::string> password_hash;
    std::optional<std::string> rol_id;
    std::optional<std::int64_t> empleado_id;
    std::optional<bool> vigente;
};
Conflicto update_usuario(Connection& db, std::int64_t id, const CambiosUsuario& cambios);

// Soft delete (vigente := false); false when already gone. Every token of the usuario stops
// working on its next request (§2.5 step 6).
bool soft_delete_usuario(Connection& db, std::int64_t id);

}  // namespace pendientes::db
