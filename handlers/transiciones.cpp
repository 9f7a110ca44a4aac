// PUT /api/pendientes/{id}/estado, /asignar and /postergar (API.md §6.1, §6.2, §6.6, §7.4, §7.6, §7.7).
//
// Each handler only reads the request syntax (§1.2 check 5); ejecutar() then runs the rest of
// the §1.2 / §6.1 decision order inside one transaction that holds the pendiente's row lock, so
// two concurrent requests are serialized and a failed one changes nothing.
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "db/empleado_repository.hpp"
#include "db/historial_repository.hpp"
#include "db/pendiente_repository.hpp"
#include "db/transicion_repository.hpp"
#include "domain/estado_machine.hpp"
#include "handlers/handlers.hpp"
#include "handlers/historial_detalles.hpp"
#include "handlers/presenters.hpp"

namespace pendientes::handlers {
namespace {

using domain::EstadoPendiente;
using domain::TransicionDecision;
using domain::TransicionEndpoint;

constexpr std::size_t kMaxMotivo = 500;  // §5.5

// A transition request whose syntax is valid.
struct Solicitud {
    std::int64_t pendiente_id = 0;
    TransicionEndpoint endpoint = TransicionEndpoint::Estado;
    EstadoPendiente target{};
    std::optional<std::int64_t> tecnico_id;            // /asignar ?idAsignado
    std::optional<domain::LocalDateTime> nueva_fecha;  // /postergar
    std::optional<std::int64_t> autor_id;              // /postergar empleadoId (§6.2 author)
    std::optional<std::string> motivo;
    std::string_view mensaje;  // success message
};

void read_path_id(const Context& ctx, Solicitud& s, std::vector<FieldError>& problems) {
    auto id = ctx.path_id(0);
    if (id) {
        s.pendiente_id = *id;
        return;
    }
    for (auto& e : id.error().errors) problems.push_back(std::move(e));
}

// A blank motivo is treated as not sent: there is nothing to copy into the historial.
std::optional<std::string> non_blank(std::optional<std::string> motivo) {
    if (motivo && domain::is_blank(*motivo)) return std::nullopt;
    return motivo;
}

std::optional<std::string> read_motivo_param(const Context& ctx, std::vector<FieldError>& problems) {
    auto motivo = ctx.param("motivo");
    if (!motivo) return std::nullopt;
    if (auto problem = check_string("motivo", *motivo, {.max_code_points = kMaxMotivo})) {
        problems.push_back(std::move(*problem));
        return std::nullopt;
    }
    return non_blank(std::move(motivo));
}

std::string detalle_requerido_message(domain::TipoPendiente tipo) {
    switch (tipo) {
        case domain::TipoPendiente::TRASLADO: return "Registre primero el detalle del traslado";
        case domain::TipoPendiente::INSTALACION_INTERNET:
            return "Registre primero el detalle de la instalación de internet";
        case domain::TipoPendiente::AVERIA: return "Registre primero el detalle de la avería";
        case domain::TipoPendiente::INSTALACION_CAMARAS:
            return "Registre primero el detalle de la instalación de cámaras";
        case domain::TipoPendiente::RECOJO_DISPOSITIVOS:
            return "Registre primero el detalle del recojo de dispositivo";
    }
    return "Registre primero el detalle del pendiente";
}

// §7.6 date rules (§1.2 check 11): strictly after now, and after the current fechaPendiente.
std::optional<FieldError> fecha_problem(const domain::LocalDateTime& nueva, const std::optional<std::string>& actual) {
    auto rejected = rejected_string(domain::format_local_date_time(nueva));
    if (!(nueva > now_local())) return FieldError{"nuevaFecha", "debe ser posterior a la fecha actual", "RANGO", rejected};
    if (actual) {
        auto current = domain::parse_local_date_time(*actual);
        if (current && !(nueva > *current))
            return FieldError{"nuevaFecha", "debe ser posterior a la fecha pendiente actual (" + *actual + ")", "RANGO",
                              rejected};
    }
    return std::nullopt;
}

Response ejecutar(Context& ctx, const Solicitud& s) {
    db::Transaction tx(ctx.db);
    // Check 6: the addressed pendiente, locked and re-read for the rest of the request (§6.6).
    auto p = db::lock_pendiente(ctx.db, s.pendiente_id);
    if (!p) return errors::no_encontrado("Pendiente no encontrado");

    // Check 6, referenced records: the technician named by the request (/asignar).
    std::optional<db::EmpleadoRow> tecnico;
    if (s.tecnico_id) {
        tecnico = db::find_empleado_vigente(ctx.db, *s.tecnico_id);
        if (!tecnico) return errors::no_encontrado("El técnico no existe o no está activo");
    }
    if (s.autor_id && !db::find_empleado_vigente(ctx.db, *s.autor_id))
        return errors::no_encontrado("El empleado no existe");

    // Check 7.
    if (!domain::is_writable(ctx.who(), p->ref())) return errors::sin_permiso();

    // Check 10: edge (400) → its bits (403) → §3.4 (403) → /estado → ASIGNADO needs a technician (400).
    auto decision = domain::decide_transicion(ctx.who(), p->ref(), s.target, s.endpoint);
    switch (decision.decision) {
        case TransicionDecision::Ok: break;
        case TransicionDecision::TransicionInvalida:
            return errors::transicion_invalida("No se puede pasar de " + std::string(domain::name_of(p->estado)) +
                                               " a " + std::string(domain::name_of(s.target)) + " por esta ruta");
        case TransicionDecision::SinPermiso: return errors::sin_permiso();
        case TransicionDecision::UsarAsignar:
            return errors::validacion(valor_no_permitido("nuevoEstado", rejected_string("ASIGNADO"),
                                                         "el pendiente no tiene técnico; use /asignar"));
    }
    const domain::Transicion& t = *decision.transicion;
    // Through /estado an order re-enters ASIGNADO with the technician it already has: not a
    // record the request names, so it is one of the edge's preconditions (§6.1 decision
    // order: after the edge and its bits), and it must still be assignable like on /asignar.
    if (t.asigna_tecnico && !s.tecnico_id && p->asignado_a) {
        tecnico = db::find_empleado_vigente(ctx.db, *p->asignado_a);
        if (!tecnico) return errors::no_encontrado("El técnico no existe o no está activo");
    }
    if (t.requiere_detalle && !p->tiene_detalle) return errors::detalle_requerido(detalle_requerido_message(p->tipo));
    if (t.requiere_estado_tecnico_ok && p->estado_tecnico != domain::EstadoTecnico::OK)
        return errors::configuracion_pendiente();
    if (t.asigna_tecnico && !tecnico) return errors::error_interno();  // decide_transicion guarantees one

    // Check 11.
    std::optional<std::string> fecha_sql;
    if (s.nueva_fecha) {
        if (auto problem = fecha_problem(*s.nueva_fecha, p->fecha_pendiente)) return errors::validacion(*problem);
        fecha_sql = domain::to_sql(*s.nueva_fecha);
    }

    db::CambioEstado cambio{t.to, p->asignado_a, fecha_sql};
    if (t.asigna_tecnico) cambio.asignado_a = tecnico->id;
    if (t.limpia_tecnico) cambio.asignado_a.reset();
    const std::string now = now_sql();
    db::update_estado(ctx.db, p->id, cambio, now);

    DetallesTransicion d;
    d.accion = t.accion;
    d.anterior = p->estado;
    d.nuevo = t.to;
    d.motivo = s.motivo;
    if (t.asigna_tecnico)
        d.tecnico = domain::display_name(tecnico->nombre, tecnico->apellido_paterno) + " (id " +
                    std::to_string(tecnico->id) + ")";
    if (s.nueva_fecha) d.nueva_fecha = domain::format_local_date_time(*s.nueva_fecha);
    const std::int64_t autor = s.autor_id.value_or(db::audit_empleado(ctx.who(), ctx.config.system_empleado_id));
    db::insert_historial(ctx.db, p->id, autor, t.to, detalles_transicion(d), now);

    auto updated = db::find_pendiente(ctx.db, p->id);
    if (!updated) return errors::error_interno();
    tx.commit();
    return success(s.mensaje, [&](JsonWriter& w) { present::pendiente(w, *updated); });
}

}  // namespace

Response cambiar_estado(Context& ctx) {
    Solicitud s;
    s.mensaje = "Estado actualizado correctamente";
    std::vector<FieldError> problems;
    read_path_id(ctx, s, problems);
    if (auto nuevo = ctx.param("nuevoEstado")) {
        if (auto e = domain::parse_enum<EstadoPendiente>(*nuevo)) s.target = *e;
        else problems.push_back(valor_no_permitido("nuevoEstado", rejected_string(*nuevo)));
    } else {
        problems.push_back(requerido("nuevoEstado"));
    }
    s.motivo = read_motivo_param(ctx, problems);
    if (!problems.empty()) return errors::validacion(std::move(problems));
    return ejecutar(ctx, s);
}

Response asignar(Context& ctx) {
    Solicitud s;
    s.endpoint = TransicionEndpoint::Asignar;
    s.target = EstadoPendiente::ASIGNADO;
    s.mensaje = "Técnico asignado correctamente";
    std::vector<FieldError> problems;
    read_path_id(ctx, s, problems);
    if (auto raw = ctx.param("idAsignado")) {
        if (auto id = domain::parse_id(*raw)) s.tecnico_id = *id;
        else problems.push_back(formato("idAsignado", rejected_string(*raw), "debe ser un identificador numérico"));
    } else {
        problems.push_back(requerido("idAsignado"));
    }
    if (!problems.empty()) return errors::validacion(std::move(problems));
    return ejecutar(ctx, s);
}

Response postergar(Context& ctx) {
    Solicitud s;
    s.endpoint = TransicionEndpoint::Postergar;
    s.target = EstadoPendiente::POSTERGADO;
    s.mensaje = "Pendiente postergado correctamente";
    auto body = ctx.json_body();
    if (!body) return body.error();
    JsonFields f(*body);
    read_path_id(ctx, s, f.errors());
    s.nueva_fecha = f.date_time("nuevaFecha", true);
    s.autor_id = f.id("empleadoId", false);
    s.motivo = non_blank(f.string("motivo", {.max_code_points = kMaxMotivo}));
    if (!f.ok()) return f.error();
    return ejecutar(ctx, s);
}

}  // namespace pendientes::handlers
