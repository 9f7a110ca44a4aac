#include "db/rol_repository.hpp"

#include "db/db_error.hpp"

#define ROL_SELECT "SELECT id, nombre, permisos, descripcion FROM roles"

namespace pendientes::db {
namespace {

constexpr int kErRowIsReferenced = 1451;  // ER_ROW_IS_REFERENCED_2: a usuario appeared meanwhile

RolRow read_rol(const Rows& r) { return RolRow{r.string(1), r.string(2), r.int32(3), r.opt_string(4)}; }

}  // namespace

std::vector<RolRow> list_roles(Connection& db) {
    Rows rows = db.statement(ROL_SELECT " WHERE vigente = 1 ORDER BY id").query();
    std::vector<RolRow> out;
    while (rows.next()) out.push_back(read_rol(rows));
    return out;
}

std::optional<RolRow> find_rol(Connection& db, std::string_view id) {
    Rows rows = db.statement(ROL_SELECT " WHERE id = ? AND vigente = 1").bind(id).query();
    if (!rows.next()) return std::nullopt;
    return read_rol(rows);
}

bool insert_rol(Connection& db, const RolRow& rol) {
    try {
        db.statement("INSERT INTO roles (id, nombre, permisos, descripcion, vigente) VALUES (?, ?, ?, ?, 1)")
            .bind(rol.id)
            .bind(rol.nombre)
            .bind(rol.permisos)
            .bind(rol.descripcion)
            .insert();
        return true;
    } catch (const DbError& e) {
        if (e.kind() == DbErrorKind::Duplicate) return false;
        throw;
    }
}

bool update_rol(Connection& db, std::string_view id, const CambiosRol& c) {
    std::optional<std::int64_t> permisos;
    if (c.permisos) permisos = *c.permisos;
    try {
        // NULL keeps the column: in requests an explicit null is the same as an absent member (§0.3).
        db.statement(
              "UPDATE roles SET nombre = COALESCE(?, nombre), descripcion = COALESCE(?, descripcion), "
              "permisos = COALESCE(?, permisos) WHERE id = ? AND vigente = 1")
            .bind(c.nombre)
            .bind(c.descripcion)
            .bind(permisos)
            .bind(id)
            .update();
        return true;
    } catch (const DbError& e) {
        if (e.kind() == DbErrorKind::Duplicate) return false;
        throw;
    }
}

BorradoRol delete_rol(Connection& db, std::string_view id) {
    Transaction tx(db);
    if (!db.statement("SELECT id FROM roles WHERE id = ? AND vigente = 1 FOR UPDATE").bind(id).query().next())
        return BorradoRol::NoEncontrado;
    if (db.statement("SELECT 1 FROM usuarios WHERE rol_id = ? LIMIT 1").bind(id).query().next())
        return BorradoRol::EnUso;
    try {
        db.statement("DELETE FROM roles WHERE id = ?").bind(id).update();
    } catch (const DbError& e) {
        if (e.code() == kErRowIsReferenced) return BorradoRol::EnUso;
        throw;
    }
    tx.commit();
    return BorradoRol::Borrado;
}

}  // namespace pendientes::db
