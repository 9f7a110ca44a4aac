// POST /api/pendientes, GET and DELETE /api/pendientes/{id} (API.md §7.1, §7.2, §7.8).
#include "common/clock.hpp"
#include "db/cliente_repository.hpp"
#include "db/empleado_repository.hpp"
#include "db/historial_repository.hpp"
#include "db/pendiente_repository.hpp"
#include "handlers/handlers.hpp"
#include "handlers/pendiente_access.hpp"
#include "handlers/presenters.hpp"

namespace pendientes::handlers {
namespace {

using domain::EstadoPendiente;
using domain::EstadoTecnico;
using domain::TipoPendiente;

Response pendiente_response(std::string_view message, const db::PendienteRow& p) {
    return success(message, [&](JsonWriter& w) { present::pendiente(w, p); });
}

struct CrearPendiente {
    db::NuevoPendiente nuevo;
};

// Reads and validates CrearPendienteRequest; every problem is reported together.
Result<CrearPendiente> parse_crear(const rapidjson::Value& body, const domain::Caller& caller) {
    JsonFields f(body);
    CrearPendiente c;
    auto registrado = f.id("registradoPorId", false);
    if (f.present("asignadoAId"))
        f.add(valor_no_permitido("asignadoAId", std::nullopt, "la asignación se hace con /asignar"));
    auto fecha = f.date_time("fechaPendiente", false);
    auto estado = f.enumeration<EstadoPendiente>("estado", false);
    if (estado && *estado != EstadoPendiente::REGISTRADO)
        f.add(valor_no_permitido("estado", rejected_string(domain::name_of(*estado)), "solo se admite REGISTRADO"));
    auto estado_tecnico = f.enumeration<EstadoTecnico>("estadoTecnico", false);
    c.nuevo.empresa = f.enumeration<domain::EmpresaPendiente>("empresa", false);
    auto lugar = f.enumeration<domain::LugarPendiente>("lugar", true);
    auto prioridad = f.enumeration<domain::PrioridadPendiente>("prioridad", true);
    auto tipo = f.enumeration<TipoPendiente>("tipo", true);
    c.nuevo.direccion = f.string("direccion", {.max_code_points = 200});
    auto cliente = f.id("clienteId", true);

    // §7.2: defaults to the caller's empleado; with neither there is nobody to record.
    if (!registrado && !caller.empleado_id && !f.present("registradoPorId")) f.add(requerido("registradoPorId"));
    // §7.2: cameras and pickups carry no network configuration.
    if (tipo && estado_tecnico && *estado_tecnico != EstadoTecnico::OK &&
        (*tipo == TipoPendiente::INSTALACION_CAMARAS || *tipo == TipoPendiente::RECOJO_DISPOSITIVOS))
        f.add(valor_no_permitido("estadoTecnico", rejected_string(domain::name_of(*estado_tecnico)),
                                 "este tipo solo admite OK"));
    if (!f.ok()) return f.error();

    c.nuevo.registrado_por = registrado ? *registrado : *caller.empleado_id;
    if (fecha) c.nuevo.fecha_pendiente = domain::to_sql(*fecha);
    c.nuevo.estado_tecnico = estado_tecnico.value_or(EstadoTecnico::OK);
    c.nuevo.lugar = *lugar;
    c.nuevo.prioridad = *prioridad;
    c.nuevo.tipo = *tipo;
    c.nuevo.cliente_id = *cliente;
    return c;
}

}  // namespace

Response crear_pendiente(Context& ctx) {
    auto body = ctx.json_body();
    if (!body) return body.error();
    auto req = parse_crear(*body, ctx.who());
    if (!req) return req.error();

    if (!db::find_empleado_vigente(ctx.db, req->nuevo.registrado_por))
        return errors::no_encontrado("El empleado que registra no existe");
    if (!db::find_cliente_vigente(ctx.db, req->nuevo.cliente_id)) return errors::no_encontrado("El cliente no existe");

    // The answer is read before COMMIT: once the row is durable nothing may turn it into an error.
    db::Transaction tx(ctx.db);
    const std::string now = now_sql();
    const auto id = db::insert_pendiente(ctx.db, req->nuevo, now);
    db::insert_historial(ctx.db, id, db::audit_empleado(ctx.who(), ctx.config.system_empleado_id),
                         EstadoPendiente::REGISTRADO, std::string("Pendiente registrado"), now);
    auto created = db::find_pendiente(ctx.db, id);
    if (!created) return errors::error_interno();
    tx.commit();
    return pendiente_response("Pendiente creado correctamente", *created);
}

Response obtener_pendiente(Context& ctx) {
    auto id = ctx.path_id(0);
    if (!id) return id.error();
    auto p = pendiente_visible(ctx, *id);
    if (!p) return p.error();
    return pendiente_response("Pendiente obtenido correctamente", *p);
}

Response eliminar_pendiente(Context& ctx) {
    auto id = ctx.path_id(0);
    if (!id) return id.error();
    // §6.6: locked and re-read, so the writability decision holds until the delete commits
    // (a concurrent reassignment cannot slip in between); a replayed DELETE then finds it gone.
    db::Transaction tx(ctx.db);
    auto p = pendiente_writable_locked(ctx, *id);
    if (!p) return p.error();
    db::soft_delete_pendiente(ctx.db, *id);
    tx.commit();
    return success_null("Pendiente eliminado correctamente");
}

}  // namespace pendientes::handlers
