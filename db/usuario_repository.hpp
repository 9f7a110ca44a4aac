#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db/connection.hpp"
#include "db/rows.hpp"

namespace pendientes::db {

// What POST /auth needs (§2.2): the hash stays inside the login flow, never in a response.
struct LoginRow {
    UsuarioRow usuario;
    std::string password_hash;
};

std::optional<LoginRow> find_login_by_dni(Connection& db, std::string_view dni);
std::optional<UsuarioRow> find_usuario(Connection& db, std::int64_t id);

}  // namespace pendientes::db
