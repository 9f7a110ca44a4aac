#pragma once
// The rules of API.md §8.0, written once for the five type-details sub-resources. Each type
// file describes itself with a DetalleTipo (tipo, field parser, repository calls, presenter)
// and forwards its handlers to the flows below.
//
// Every flow follows the order of checks of §1.2: request syntax (400) → pendiente exists
// (404) → visible / writable (403) → tipo (400 TIPO_NO_COINCIDE) → details exist (404) or,
// for creation, are absent (409 DUPLICADO) → closed pendiente (409 PENDIENTE_CERRADO).
// Mutations run in one transaction holding the pendiente's row lock (§6.6).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "common/json_body.hpp"
#include "common/json_writer.hpp"
#include "db/db_error.hpp"
#include "db/detalle_repository.hpp"
#include "db/estado_tecnico_repository.hpp"
#include "domain/estado_tecnico.hpp"
#include "fcgi/context.hpp"
#include "fcgi/response.hpp"
#include "handlers/pendiente_access.hpp"

namespace pendientes::handlers::detalle {

template <class Campos, class Row>
struct DetalleTipo {
    domain::TipoPendiente tipo;
    std::string_view nombre;  // "Traslado", "Avería": the subject of the messages
    bool femenino;            // "Avería creada" / "Traslado creado"
    // Reads the type's main fields (never pendienteId, never PPPoE/VLAN); every problem is
    // recorded in `f`, and then the result is nullopt.
    std::optional<Campos> (*parse)(JsonFields& f);
    std::optional<Row> (*find)(db::Connection& db, std::int64_t pendiente_id);
    void (*insert)(db::Connection& db, std::int64_t pendiente_id, const Campos& c, const std::string& now);
    void (*update)(db::Connection& db, std::int64_t pendiente_id, const Campos& c, const std::string& now);
    void (*present)(JsonWriter& w, const Row& row);
};

// ---- Shared pieces without type parameters (detalle_flow.cpp) ----

// "Traslado obtenido correctamente" / "Avería obtenida correctamente".
std::string mensaje(std::string_view nombre, bool femenino, std::string_view participio);
ApiError no_encontrado(std::string_view nombre, bool femenino);
ApiError duplicado(std::string_view nombre);

// §1.2 checks 6–8 of a read: exists (404), visible (403), tipo (400).
Result<db::PendienteRow> pendiente_para_leer(Context& ctx, std::int64_t id, domain::TipoPendiente tipo);
// The same for a write, inside a db::Transaction: locks the row, writable (403).
Result<db::PendienteRow> pendiente_para_escribir(Context& ctx, std::int64_t id, domain::TipoPendiente tipo);

// PUT /{id}/<tipo>: a body `pendienteId` is optional but must equal the path id (NO_COINCIDE).
void check_pendiente_id_de_ruta(JsonFields& f, std::int64_t path_id);

// §8.6 parameters, from the query string or a form body; decoded, otherwise verbatim.
struct Ppoe {
    std::string user;
    std::string password;
};
Result<Ppoe> parse_ppoe(const Context& ctx);
Result<std::string> parse_vlan(const Context& ctx);

// ---- The flows ----

template <class C, class R>
Response respond(const DetalleTipo<C, R>& d, std::string_view message, const R& row) {
    return success(message, [&](JsonWriter& w) { d.present(w, row); });
}

// Reads the written row back inside the transaction, commits, answers.
template <class C, class R>
Response commit_and_respond(Context& ctx, db::Transaction& tx, const DetalleTipo<C, R>& d, std::int64_t id,
                            std::string_view message) {
    auto row = d.find(ctx.db, id);
    if (!row) return errors::error_interno();
    tx.commit();
    return respond(d, message, *row);
}

// GET /api/pendientes/{id}/<tipo>
template <class C, class R>
Response obtener(Context& ctx, const DetalleTipo<C, R>& d) {
    auto id = ctx.path_id(0);
    if (!id) return id.error();
    auto p = pendiente_para_leer(ctx, *id, d.tipo);
    if (!p) return p.error();
    auto row = d.find(ctx.db, *id);
    if (!row) return no_encontrado(d.nombre, d.femenino);
    return respond(d, mensaje(d.nombre, d.femenino, "obtenido"), *row);
}

// POST /api/pendientes/<tipo>
template <class C, class R>
Response crear(Context& ctx, const DetalleTipo<C, R>& d) {
    auto body = ctx.json_body();
    if (!body) return body.error();
    JsonFields f(*body);
    auto id = f.id("pendienteId", true);
    auto campos = d.parse(f);
    if (!f.ok() || !campos) return f.error();

    db::Transaction tx(ctx.db);
    auto p = pendiente_para_escribir(ctx, *id, d.tipo);
    if (!p) return p.error();
    // The row lock serializes concurrent creations (§6.6): the later one finds the details here.
    if (d.find(ctx.db, *id)) return duplicado(d.nombre);
    if (is_closed(*p)) return errors::pendiente_cerrado();
    try {
        d.insert(ctx.db, *id, *campos, now_sql());
    } catch (const db::DbError& e) {
        // Belt and braces: the primary key is the last word on "one details record per pendiente".
        if (e.kind() == db::DbErrorKind::Duplicate) return duplicado(d.nombre);
        throw;
    }
    return commit_and_respond(ctx, tx, d, *id, mensaje(d.nombre, d.femenino, "creado"));
}

// Both update forms after their syntax checks: full replacement of the main fields.
template <class C, class R>
Response reemplazar(Context& ctx, const DetalleTipo<C, R>& d, std::int64_t id, const C& campos) {
    db::Transaction tx(ctx.db);
    auto p = pendiente_para_escribir(ctx, id, d.tipo);
    if (!p) return p.error();
    if (!d.find(ctx.db, id)) return no_encontrado(d.nombre, d.femenino);
    if (is_closed(*p)) return errors::pendiente_cerrado();
    d.update(ctx.db, id, campos, now_sql());
    return commit_and_respond(ctx, tx, d, id, mensaje(d.nombre, d.femenino, "actualizado"));
}

// PUT /api/pendientes/{id}/<tipo> (the seed's form)
template <class C, class R>
Response actualizar(Context& ctx, const DetalleTipo<C, R>& d) {
    auto id = ctx.path_id(0);
    if (!id) return id.error();
    auto body = ctx.json_body();
    if (!body) return body.error();
    JsonFields f(*body);
    check_pendiente_id_de_ruta(f, *id);
    auto campos = d.parse(f);
    if (!f.ok() || !campos) return f.error();
    return reemplazar(ctx, d, *id, *campos);
}

// PUT /api/pendientes/<tipo> (compat: the original's form, pendienteId in the body)
template <class C, class R>
Response actualizar_compat(Context& ctx, const DetalleTipo<C, R>& d) {
    auto body = ctx.json_body();
    if (!body) return body.error();
    JsonFields f(*body);
    auto id = f.id("pendienteId", true);
    auto campos = d.parse(f);
    if (!f.ok() || !campos) return f.error();
    return reemplazar(ctx, d, *id, *campos);
}

// §8.6: writes one credential and clears its flag of estadoTecnico (§6.4) in one transaction.
// No technician is required (§14 #22) and no historial row is written (§6.2).
template <class C, class R, class Write>
Response configurar_red(Context& ctx, const DetalleTipo<C, R>& d, std::int64_t id, std::string_view message,
                        Write&& write, domain::EstadoTecnico (*mover)(domain::EstadoTecnico)) {
    db::Transaction tx(ctx.db);
    auto p = pendiente_para_escribir(ctx, id, d.tipo);
    if (!p) return p.error();
    if (!d.find(ctx.db, id)) return no_encontrado(d.nombre, d.femenino);
    if (is_closed(*p)) return errors::pendiente_cerrado();
    const std::string now = now_sql();
    write(now);
    const domain::EstadoTecnico nuevo = mover(p->estado_tecnico);
    if (nuevo != p->estado_tecnico) db::set_estado_tecnico(ctx.db, id, nuevo, now);
    return commit_and_respond(ctx, tx, d, id, message);
}

// PUT /api/pendientes/{id}/<tipo>/ppoe?ppoeUser=&ppoePassword=
template <class C, class R>
Response asignar_ppoe(Context& ctx, const DetalleTipo<C, R>& d) {
    auto id = ctx.path_id(0);
    if (!id) return id.error();
    auto ppoe = parse_ppoe(ctx);
    if (!ppoe) return ppoe.error();
    return configurar_red(
        ctx, d, *id, "PPPoE asignado correctamente",
        [&](const std::string& now) { db::set_ppoe(ctx.db, d.tipo, *id, ppoe->user, ppoe->password, now); },
        domain::after_ppoe_set);
}

// PUT /api/pendientes/{id}/<tipo>/vlan?vlan= (and the odd-character paths of §8.6)
template <class C, class R>
Response asignar_vlan(Context& ctx, const DetalleTipo<C, R>& d) {
    auto id = ctx.path_id(0);
    if (!id) return id.error();
    auto vlan = parse_vlan(ctx);
    if (!vlan) return vlan.error();
    return configurar_red(
        ctx, d, *id, "VLAN asignada correctamente",
        [&](const std::string& now) { db::set_vlan(ctx.db, d.tipo, *id, *vlan, now); }, domain::after_vlan_set);
}

}  // namespace pendientes::handlers::detalle
