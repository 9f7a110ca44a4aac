#include "db/cliente_repository.hpp"

#include "common/clock.hpp"
#include "db/db_error.hpp"

#define CLIENTE_SELECT                                                                                  \
    "SELECT id, tipo_cliente, nombre, tipo_documento, codigo_cliente, numero_documento, direccion, " \
    "telefono, email, contacto_representante, vigente FROM clientes"

namespace pendientes::db {
namespace {
ClienteRow read_cliente(const Rows& r) {
    return ClienteRow{r.int64(1),      r.string(2),     r.string(3),     r.string(4),
                      r.string(5),     r.string(6),     r.opt_string(7), r.opt_string(8),
                      r.opt_string(9), r.opt_string(10), r.boolean(11)};
}
}  // namespace

ClientePage list_clientes_vigentes(Connection& db, std::int64_t offset, std::int64_t limit) {
    ClientePage page;
    Rows rows = db.statement(CLIENTE_SELECT " WHERE vigente = 1 ORDER BY id LIMIT ? OFFSET ?")
                    .bind(limit)
                    .bind(offset)
                    .query();
    while (rows.next()) page.content.push_back(read_cliente(rows));
    Rows count = db.statement("SELECT COUNT(*) FROM clientes WHERE vigente = 1").query();
    count.next();
    page.total = count.int64(1);
    return page;
}

std::optional<ClienteRow> find_cliente_vigente(Connection& db, std::int64_t id) {
    Rows rows = db.statement(CLIENTE_SELECT " WHERE id = ? AND vigente = 1").bind(id).query();
    if (!rows.next()) return std::nullopt;
    return read_cliente(rows);
}

std::optional<std::int64_t> insert_cliente(Connection& db, const ClienteRow& c) {
    try {
        std::string now = now_sql();
        return db.statement(
                     "INSERT INTO clientes (tipo_cliente, nombre, tipo_documento, codigo_cliente, numero_documento, "
                     "direccion, telefono, email, contacto_representante, vigente, fecha_creacion, fecha_modificacion) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)")
            .bind(c.tipo_cliente)
            .bind(c.nombre)
            .bind(c.tipo_documento)
            .bind(c.codigo_cliente)
            .bind(c.numero_documento)
            .bind(c.direccion)
            .bind(c.telefono)
            .bind(c.email)
            .bind(c.contacto_representante)
            .bind(now)
            .bind(now)
            .insert();
    } catch (const DbError& e) {
        if (e.kind() == DbErrorKind::Duplicate) return std::nullopt;
        throw;
    }
}

std::optional<ClienteRow> lock_cliente_vigente(Connection& db, std::int64_t id) {
    Rows rows = db.statement(CLIENTE_SELECT " WHERE id = ? AND vigente = 1 FOR UPDATE").bind(id).query();
    if (!rows.next()) return std::nullopt;
    return read_cliente(rows);
}

bool update_cliente(Connection& db, std::int64_t id, const CambiosCliente& c) {
    try {
        // NULL keeps the column: in requests an explicit null is the same as an absent member (§0.3).
        db.statement(
              "UPDATE clientes SET tipo_cliente = COALESCE(?, tipo_cliente), nombre = COALESCE(?, nombre), "
              "tipo_documento = COALESCE(?, tipo_documento), codigo_cliente = COALESCE(?, codigo_cliente), "
              "numero_documento = COALESCE(?, numero_documento), direccion = COALESCE(?, direccion), "
              "telefono = COALESCE(?, telefono), email = COALESCE(?, email), "
              "contacto_representante = COALESCE(?, contacto_representante), fecha_modificacion = ? "
              "WHERE id = ? AND vigente = 1")
            .bind(c.tipo_cliente)
            .bind(c.nombre)
            .bind(c.tipo_documento)
            .bind(c.codigo_cliente)
            .bind(c.numero_documento)
            .bind(c.direccion)
            .bind(c.telefono)
            .bind(c.email)
            .bind(c.contacto_representante)
            .bind(now_sql())
            .bind(id)
            .update();
        return true;
    } catch (const DbError& e) {
        if (e.kind() == DbErrorKind::Duplicate) return false;
        throw;
    }
}

bool soft_delete_cliente(Connection& db, std::int64_t id) {
    return db.statement("UPDATE clientes SET vigente = 0, fecha_modificacion = ? WHERE id = ? AND vigente = 1")
               .bind(now_sql())
               .bind(id)
               .update() > 0;
}

}  // namespace pendientes::db
