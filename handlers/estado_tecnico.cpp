// …/{id}/estado-tecnico (API.md §7.5): manual moves of the EstadoTecnico sub-machine (§6.4),
// plus the read-only GET. Changes write no historial row (§6.2).
#include "common/clock.hpp"
#include "db/estado_tecnico_repository.hpp"
#include "db/pendiente_repository.hpp"
#include "domain/estado_tecnico.hpp"
#include "handlers/handlers.hpp"
#include "handlers/pendiente_access.hpp"
#include "handlers/presenters.hpp"

namespace pendientes::handlers {
namespace {

using domain::EstadoTecnico;

// §3.6: the same route answers reads (4, 8, 2048) and, with nuevoEstado, moves (32, 64, 128).
constexpr int kLeer = domain::kVerDetallePendiente | domain::kVerTodosPendientes | domain::kVerPendientesHistorial;
constexpr int kMover = domain::kAsignarPpoe | domain::kAsignarVlan | domain::kComenzarTrabajo;

Response pendiente_response(std::string_view message, const db::PendienteRow& p) {
    return success(message, [&](JsonWriter& w) { present::pendiente(w, p); });
}

Result<EstadoTecnico> parse_nuevo_estado(const std::optional<std::string>& raw) {
    if (!raw) return errors::validacion(requerido("nuevoEstado"));
    if (auto e = domain::parse_enum<EstadoTecnico>(*raw)) return *e;
    return errors::validacion(valor_no_permitido("nuevoEstado", rejected_string(*raw)));
}

// Order of §1.2 for estadoTecnico: exists (404) → writable (403) → closed (409) → sub-state
// edge (400) → per-flag permission (403); all under the row lock (§6.6).
Response mover(Context& ctx, const std::optional<std::string>& nuevo_estado) {
    auto id = ctx.path_id(0);
    if (!id) return id.error();
    auto nuevo = parse_nuevo_estado(nuevo_estado);
    if (!nuevo) return nuevo.error();

    db::Transaction tx(ctx.db);
    auto p = pendiente_writable_locked(ctx, *id);
    if (!p) return p.error();
    if (is_closed(*p)) return errors::pendiente_cerrado();
    switch (domain::check_estado_tecnico_move(p->tipo, p->estado_tecnico, *nuevo, ctx.who().permisos)) {
        case domain::MovimientoTecnico::TransicionInvalida:
            return errors::transicion_invalida("Cambio de estado técnico no permitido");
        case domain::MovimientoTecnico::SinPermiso:
            return errors::sin_permiso();
        case domain::MovimientoTecnico::SinCambio:
            return pendiente_response("Estado técnico sin cambios", *p);
        case domain::MovimientoTecnico::Ok:
            break;
    }
    db::set_estado_tecnico(ctx.db, *id, *nuevo, now_sql());
    auto updated = db::find_pendiente(ctx.db, *id);
    if (!updated) return errors::error_interno();
    tx.commit();
    return pendiente_response("Estado técnico actualizado correctamente", *updated);
}

}  // namespace

// GET without nuevoEstado reads; with it (compat: the original's mutating GET) it moves. The
// route admits the union of both bit sets, so each form checks its own set here (§3.6).
Response estado_tecnico_get(Context& ctx) {
    auto nuevo_estado = ctx.param("nuevoEstado");
    if (nuevo_estado) {
        if (!domain::has_any(ctx.who().permisos, kMover)) return errors::sin_permiso();
        return mover(ctx, nuevo_estado);
    }
    if (!domain::has_any(ctx.who().permisos, kLeer)) return errors::sin_permiso();
    auto id = ctx.path_id(0);
    if (!id) return id.error();
    auto p = pendiente_visible(ctx, *id);
    if (!p) return p.error();
    return pendiente_response("Estado técnico obtenido correctamente", *p);
}

Response estado_tecnico_put(Context& ctx) { return mover(ctx, ctx.param("nuevoEstado")); }

}  // namespace pendientes::handlers
