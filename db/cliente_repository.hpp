#pragma once
#include <cstdint>
#include <optional>
#include <string>
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

// Inside a transaction: locks the vigente cliente row for a read-validate-write update.
std::optional<ClienteRow> lock_cliente_vigente(Connection& db, std::int64_t id);

// Partial update (§11.1): empty members keep the stored value.
struct CambiosCliente {
    std::optional<std::string> tipo_cliente;
    std::optional<std::string> nombre;
    std::optional<std::string> tipo_documento;
    std::optional<std::string> codigo_cliente;
    std::optional<std::string> numero_documento;
    std::optional<std::string> direccion;
    std::optional<std::string> telefono;
    std::optional<std::string> email;
    std::optional<std::string> contacto_representante;
};
// false: codigoCliente already used by another vigente cliente (409 DUPLICADO).
bool update_cliente(Connection& db, std::int64_t id, const CambiosCliente& c);

// Soft delete; false when already gone. Pendientes keep showing the cliente's name (§11.1).
bool soft_delete_cliente(Connection& db, std::int64_t id);

}  // namespace pendientes::db
