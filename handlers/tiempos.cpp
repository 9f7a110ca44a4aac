// GET /api/pendientes/{pendienteId}/tiempos and the writes under /api/pendientes/tiempos (API.md §9).
//
// Locking: creation locks the pendiente (SELECT … FOR UPDATE) so that it cannot be closed between
// the §6.3 check and the insert. Update, close and delete leave the pendiente row alone (§6.3
// allows them on closed pendientes, and they never write it) and lock the tiempo row instead, so
// that two concurrent edits of one session are serialized.
#include <algorithm>

#include "common/clock.hpp"
#include "db/empleado_repository.hpp"
#include "db/pendiente_repository.hpp"
#include "db/tiempo_repository.hpp"
#include "handlers/handlers.hpp"
#include "handlers/pendiente_access.hpp"
#include "handlers/presenters.hpp"
#include "handlers/tiempo_presenter.hpp"

namespace pendientes::handlers {
namespace {

constexpr std::size_t kMaxDescripcion = 255;  // §5.5

Response tiempo_response(std::string_view message, const db::TiempoRow& t) {
    return success(message, [&](JsonWriter& w) { present::tiempo(w, t); });
}

ApiError pendiente_no_encontrado() { return errors::no_encontrado("Pendiente no encontrado"); }
ApiError empleado_no_encontrado() { return errors::no_encontrado("Empleado no encontrado"); }
ApiError tiempo_no_encontrado() { return errors::no_encontrado("Tiempo no encontrado"); }

FieldError fin_antes_de_inicio(const domain::LocalDateTime& fin) {
    return FieldError{"horaFin", "debe ser igual o posterior a horaInicio", "RANGO",
                      rejected_string(domain::format_local_date_time(fin))};
}

// §9 own-entry rule plus writability (§3.3) of the pendiente: both 403.
bool puede_escribir(const domain::Caller& caller, const db::PendienteRow& p, std::int64_t empleado_id) {
    return domain::is_writable(caller, p.ref()) && domain::may_touch_tiempo_of(caller, empleado_id);
}

// §9.3: members absent keep their value, present ones replace it; null clears horaFin and
// descripcion and is refused for the other three.
struct Cambios {
    std::optional<std::int64_t> pendiente_id;
    std::optional<std::int64_t> empleado_id;
    std::optional<domain::LocalDateTime> hora_inicio;
    bool cambia_fin = false;
    std::optional<domain::LocalDateTime> hora_fin;
    bool cambia_descripcion = false;
    std::optional<std::string> descripcion;
};

Result<Cambios> parse_cambios(const rapidjson::Value& body) {
    JsonFields f(body);
    for (std::string_view campo : {"pendienteId", "empleadoId", "horaInicio"}) {
        if (f.has_member(campo) && !f.present(campo))
            f.add(FieldError{std::string(campo), "no puede ser nulo", "REQUERIDO", std::nullopt});
    }
    Cambios c;
    c.pendiente_id = f.id("pendienteId", false);
    c.empleado_id = f.id("empleadoId", false);
    c.hora_inicio = f.date_time("horaInicio", false);
    c.cambia_fin = f.has_member("horaFin");
    c.hora_fin = f.date_time("horaFin", false);
    c.cambia_descripcion = f.has_member("descripcion");
    c.descripcion = f.string("descripcion", {.max_code_points = kMaxDescripcion});
    if (!f.ok()) return f.error();
    return c;
}

std::optional<std::int64_t> distinto(const std::optional<std::int64_t>& nuevo, std::int64_t actual) {
    if (nuevo && *nuevo != actual) return nuevo;
    return std::nullopt;
}

db::TiempoValores valores_de(const db::TiempoRow& t) {
    return db::TiempoValores{t.pendiente_id, t.empleado_id, t.hora_inicio, t.hora_fin, t.descripcion};
}

}  // namespace

Response listar_tiempos(Context& ctx) {
    auto pendiente_id = ctx.path_id(0, "pendienteId");
    if (!pendiente_id) return pendiente_id.error();
    auto p = pendiente_visible(ctx, *pendiente_id);
    if (!p) return p.error();
    auto tiempos = db::list_tiempos(ctx.db, *pendiente_id);
    return success("Tiempos obtenidos correctamente",
                   [&](JsonWriter& w) { present::array(w, tiempos, present::tiempo); });
}

Response crear_tiempo(Context& ctx) {
    auto body = ctx.json_body();
    if (!body) return body.error();
    JsonFields f(*body);
    auto pendiente_id = f.id("pendienteId", true);
    auto empleado_id = f.id("empleadoId", true);
    auto inicio = f.date_time("horaInicio", false);
    auto fin = f.date_time("horaFin", false);
    auto descripcion = f.string("descripcion", {.max_code_points = kMaxDescripcion});
    const domain::LocalDateTime ahora = now_local();
    // §9.2: horaInicio defaults to now (§14 row 36); a valid horaFin must not precede it.
    const bool inicio_invalido = f.present("horaInicio") && !inicio;
    if (fin && !inicio_invalido && *fin < inicio.value_or(ahora)) f.add(fin_antes_de_inicio(*fin));
    if (!f.ok()) return f.error();

    const auto& caller = ctx.who();
    db::Transaction tx(ctx.db);
    // §1.2 order: existence of the pendiente, then of the empleado (404); writability and the
    // own-entry rule (403); closed pendiente (409, §6.3: only creation is refused).
    auto p = db::lock_pendiente(ctx.db, *pendiente_id);
    if (!p) return pendiente_no_encontrado();
    if (!db::find_empleado_vigente(ctx.db, *empleado_id)) return empleado_no_encontrado();
    if (!puede_escribir(caller, *p, *empleado_id)) return errors::sin_permiso();
    if (is_closed(*p)) return errors::pendiente_cerrado();

    db::TiempoValores t{*pendiente_id, *empleado_id, inicio.value_or(ahora), fin, descripcion};
    const auto id = db::insert_tiempo(ctx.db, t, domain::to_sql(ahora));
    auto creado = db::find_tiempo(ctx.db, id);
    if (!creado) return errors::error_interno();
    tx.commit();
    return tiempo_response("Tiempo registrado correctamente", *creado);
}

Response actualizar_tiempo(Context& ctx) {
    auto id = ctx.path_id(0);
    if (!id) return id.error();
    auto body = ctx.json_body();
    if (!body) return body.error();
    auto c = parse_cambios(*body);
    if (!c) return c.error();

    const auto& caller = ctx.who();
    db::Transaction tx(ctx.db);
    auto t = db::lock_tiempo(ctx.db, *id);
    if (!t) return tiempo_no_encontrado();
    // A deleted pendiente takes its tiempos with it (§7.8).
    auto actual = db::find_pendiente(ctx.db, t->pendiente_id);
    if (!actual) return tiempo_no_encontrado();
    // §9.3: a new pendiente or empleado gets the creation checks (existence, then permission).
    const auto nuevo_pendiente_id = distinto(c->pendiente_id, t->pendiente_id);
    const auto nuevo_empleado_id = distinto(c->empleado_id, t->empleado_id);
    std::optional<db::PendienteRow> nuevo;
    if (nuevo_pendiente_id) {
        nuevo = db::find_pendiente(ctx.db, *nuevo_pendiente_id);
        if (!nuevo) return pendiente_no_encontrado();
    }
    if (nuevo_empleado_id && !db::find_empleado_vigente(ctx.db, *nuevo_empleado_id)) return empleado_no_encontrado();
    const std::int64_t empleado_final = c->empleado_id.value_or(t->empleado_id);
    if (!puede_escribir(caller, *actual, t->empleado_id)) return errors::sin_permiso();
    if (!puede_escribir(caller, nuevo ? *nuevo : *actual, empleado_final)) return errors::sin_permiso();

    db::TiempoValores v = valores_de(*t);
    v.pendiente_id = c->pendiente_id.value_or(v.pendiente_id);
    v.empleado_id = empleado_final;
    v.hora_inicio = c->hora_inicio.value_or(v.hora_inicio);
    if (c->cambia_fin) v.hora_fin = c->hora_fin;
    if (c->cambia_descripcion) v.descripcion = c->descripcion;
    // §9.3: the resulting entry, not just the request, must keep horaFin ≥ horaInicio.
    if (v.hora_fin && *v.hora_fin < v.hora_inicio) return errors::validacion(fin_antes_de_inicio(*v.hora_fin));

    db::update_tiempo(ctx.db, *id, v, now_sql());
    auto actualizado = db::find_tiempo(ctx.db, *id);
    if (!actualizado) return errors::error_interno();
    tx.commit();
    return tiempo_response("Tiempo actualizado correctamente", *actualizado);
}

Response cerrar_ultimo_tiempo(Context& ctx) {
    auto pendiente_id = ctx.path_id(0, "pendienteId");
    if (!pendiente_id) return pendiente_id.error();
    std::optional<std::int64_t> empleado_id;
    if (auto raw = ctx.param("empleadoId")) {
        empleado_id = domain::parse_id(*raw);
        if (!empleado_id)
            return errors::validacion(
                formato("empleadoId", rejected_string(*raw), "debe ser un identificador numérico"));
    }
    const auto& caller = ctx.who();
    // §9.4: a caller bound by the own-entry rule can only close its own sessions.
    if (domain::own_entry_rule_applies(caller)) empleado_id = caller.empleado_id;

    db::Transaction tx(ctx.db);
    auto p = db::find_pendiente(ctx.db, *pendiente_id);
    if (!p) return pendiente_no_encontrado();
    if (!domain::is_writable(caller, p->ref())) return errors::sin_permiso();
    // Bound but without an empleado: there is no session it may close.
    if (domain::own_entry_rule_applies(caller) && !caller.empleado_id) return errors::sin_permiso();
    auto abierto = db::lock_ultimo_abierto(ctx.db, *pendiente_id, empleado_id);
    if (!abierto) return errors::no_encontrado("No hay un tiempo abierto para este pendiente");
    auto t = db::find_tiempo(ctx.db, *abierto);
    if (!t) return errors::no_encontrado("No hay un tiempo abierto para este pendiente");

    db::TiempoValores v = valores_de(*t);
    const domain::LocalDateTime ahora = now_local();
    // A session started in the future is closed at its own start rather than before it, so
    // horaFin ≥ horaInicio (§9.3) holds for every stored entry.
    v.hora_fin = std::max(ahora, v.hora_inicio);
    db::update_tiempo(ctx.db, t->id, v, domain::to_sql(ahora));
    auto cerrado = db::find_tiempo(ctx.db, t->id);
    if (!cerrado) return errors::error_interno();
    tx.commit();
    return tiempo_response("Tiempo cerrado correctamente", *cerrado);
}

Response eliminar_tiempo(Context& ctx) {
    auto id = ctx.path_id(0);
    if (!id) return id.error();
    db::Transaction tx(ctx.db);
    auto t = db::lock_tiempo(ctx.db, *id);
    if (!t) return tiempo_no_encontrado();
    auto p = db::find_pendiente(ctx.db, t->pendiente_id);
    if (!p) return tiempo_no_encontrado();
    if (!puede_escribir(ctx.who(), *p, t->empleado_id)) return errors::sin_permiso();
    if (!db::soft_delete_tiempo(ctx.db, *id, now_sql())) return tiempo_no_encontrado();
    tx.commit();
    return success_null("Tiempo eliminado correctamente");
}

}  // namespace pendientes::handlers
