#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "db/connection.hpp"
#include "db/rows.hpp"

namespace pendientes::db {

struct ClientePage {
    std::vector<ClienteRow> content;
    std::int64_t total = 0;
};

ClientePage list_clientes_vigentes(Connection& db, std::int64_t offset, std::int64_t limit);
std::optional<ClienteRow> find_cliente_vigente(Connection& db, std::int64_t id);
// Empty optional: codigoCliente already used by a vigente cliente (409 DUPLICADO).
std::optional<std::int64_t> insert_cliente(Connection& db, const ClienteRow& c);

}  // namespace pendientes::db
