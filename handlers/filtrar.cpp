// POST /api/pendientes/filtrar and POST|GET /api/pendientes/filtros (API.md §7.3, §7.9).
#include <algorithm>
#include <array>
#include <memory>
#include <string_view>

#include "db/filtro_repository.hpp"
#include "domain/permisos.hpp"
#include "handlers/handlers.hpp"
#include "handlers/paging.hpp"
#include "handlers/presenters.hpp"

namespace pendientes::handlers {
namespace {

using db::CampoOrden;

// §7.3 sort whitelist: exact case, the wire names of PendienteResponse.
constexpr std::array<std::pair<std::string_view, CampoOrden>, 10> kCamposOrden{{
    {"id", CampoOrden::Id},
    {"fechaCreacion", CampoOrden::FechaCreacion},
    {"fechaPendiente", CampoOrden::FechaPendiente},
    {"estado", CampoOrden::Estado},
    {"estadoTecnico", CampoOrden::EstadoTecnico},
    {"tipo", CampoOrden::Tipo},
    {"prioridad", CampoOrden::Prioridad},
    {"lugar", CampoOrden::Lugar},
    {"empresa", CampoOrden::Empresa},
    {"direccion", CampoOrden::Direccion},
}};

bool iequals_ascii(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

// `field[,direction]`: the field up to the first comma must be whitelisted; the second token
// selects ascending only when it is `asc` in any case (compat); further tokens are ignored.
std::optional<db::Orden> parse_orden(std::string_view sort) {
    const auto comma = sort.find(',');
    const std::string_view campo = sort.substr(0, comma);
    std::string_view direccion;
    if (comma != std::string_view::npos) {
        direccion = sort.substr(comma + 1);
        direccion = direccion.substr(0, direccion.find(','));
    }
    for (const auto& [nombre, valor] : kCamposOrden) {
        if (nombre == campo) return db::Orden{valor, iequals_ascii(direccion, "asc")};
    }
    return std::nullopt;
}

template <domain::DomainEnum E>
std::string unir_nombres(const std::vector<E>& values) {
    std::string out;
    for (E v : values) {
        if (!out.empty()) out.push_back(',');
        out.append(domain::name_of(v));
    }
    return out;
}

template <domain::DomainEnum E>
std::optional<std::string> nombre(const std::optional<E>& v) {
    if (!v) return std::nullopt;
    return std::string(domain::name_of(*v));
}

// §7.3 fechaPendiente: a date-time matches that second; a date only (new) the whole day.
void read_fecha_pendiente(const rapidjson::Value& body, JsonFields& f, db::FiltroPendientes& out) {
    constexpr std::string_view kCampo = "fechaPendiente";
    if (!f.present(kCampo)) return;
    const rapidjson::Value& v =
        body.FindMember(rapidjson::Value(rapidjson::StringRef(kCampo.data(), kCampo.size())))->value;
    if (v.IsString()) {
        const std::string_view text(v.GetString(), v.GetStringLength());
        if (auto t = domain::parse_local_date_time(text)) {
            out.fecha_desde = domain::to_sql(*t);
            out.fecha_hasta = out.fecha_desde;
            return;
        }
        if (auto d = domain::parse_local_date(text)) {
            out.fecha_desde = domain::to_sql(domain::start_of_day(*d));
            out.fecha_hasta = domain::to_sql(domain::end_of_day(*d));
            return;
        }
    }
    f.add(formato(std::string(kCampo), rejected_value(v), "fecha (YYYY-MM-DD) o fecha y hora (YYYY-MM-DDTHH:MM:SS)"));
}

struct Criterios {
    db::FiltroPendientes filtro;
    std::optional<std::int64_t> usuario_id;
};

void read_criterios(const rapidjson::Value& body, JsonFields& f, Criterios& c) {
    auto& q = c.filtro;
    q.cliente_id = f.id("clienteId", false);
    c.usuario_id = f.id("usuarioId", false);
    q.asignado_a = f.id("asignadoAId", false);
    q.registrado_por = f.id("registradoPorId", false);
    if (auto e = f.enum_list<domain::EstadoPendiente>("estados"))
        for (auto v : *e)
            if (std::find(q.estados.begin(), q.estados.end(), domain::name_of(v)) == q.estados.end())
                q.estados.emplace_back(domain::name_of(v));
    if (auto e = f.enum_list<domain::EstadoTecnico>("estadosTecnico")) q.estados_tecnico = unir_nombres(*e);
    read_fecha_pendiente(body, f, q);
    q.tipo = nombre(f.enumeration<domain::TipoPendiente>("tipo", false));
    q.prioridad = nombre(f.enumeration<domain::PrioridadPendiente>("prioridad", false));
    q.lugar = nombre(f.enumeration<domain::LugarPendiente>("lugar", false));
    auto titulo = f.string("titulo", {.max_code_points = 200});
    if (titulo && !domain::is_blank(*titulo)) q.titulo = db::filtro_titulo(*titulo);
}

// §3.3: the result is silently restricted to what the caller may see.
void restringir_a_visibles(const domain::Caller& caller, db::FiltroPendientes& q) {
    q.ver_todos = domain::has_any(caller.permisos, domain::kVerTodosPendientes);
    if (!q.ver_todos && domain::has_any(caller.permisos, domain::kVerDetallePendiente))
        q.propio_empleado = caller.empleado_id;
    q.ver_historial = !q.ver_todos && domain::has_any(caller.permisos, domain::kVerPendientesHistorial);
}

// One §7.9 list: every constant of E in declaration order.
template <domain::DomainEnum E>
void lista(JsonWriter& w, std::string_view key) {
    json::key(w, key);
    w.StartArray();
    for (std::string_view n : domain::all_names<E>()) json::str(w, n);
    w.EndArray();
}

}  // namespace

Response filtrar_pendientes(Context& ctx) {
    auto body = ctx.optional_json_body();
    if (!body) return body.error();

    // Body fields and query parameters are one syntax check (§1.2 check 5): report them together.
    JsonFields f(*body);
    Criterios c;
    read_criterios(*body, f, c);
    PageRequest page;
    auto paging = read_page_request(ctx, 10);
    if (paging) {
        page = *paging;
    } else {
        for (auto& e : paging.error().errors) f.add(std::move(e));
    }
    db::Orden orden;
    if (auto sort = ctx.param("sort")) {
        if (auto o = parse_orden(*sort)) orden = *o;
        else f.add(valor_no_permitido("sort", rejected_string(*sort), "campo de orden no permitido"));
    }
    if (!f.ok()) return f.error();

    restringir_a_visibles(ctx.who(), c.filtro);
    // §7.3 usuarioId: an unknown usuario, or one without empleado, matches nothing.
    bool nada = false;
    if (c.usuario_id) {
        c.filtro.usuario_empleado = db::empleado_de_usuario(ctx.db, *c.usuario_id);
        nada = !c.filtro.usuario_empleado;
    }
    const auto result = nada ? std::make_shared<const db::PaginaPendientes>()
                             : db::filtrar_pendientes(ctx.db, c.filtro, orden, page.offset(), page.size,
                                                      ctx.listado_cache, ctx.cambios_listado);

    present::PageInfo info{page.page, page.size, result->total, static_cast<std::int64_t>(result->content.size()), true};
    return success("Pendientes obtenidos correctamente", [&](JsonWriter& w) {
        present::page(w, info, [&](JsonWriter& w2) { present::array(w2, result->content, present::pendiente); });
    });
}

Response filtros(Context&) {
    // §7.9: declaration order; `estados` and `tipos` are the original keys.
    return success("Filtros obtenidos correctamente", [](JsonWriter& w) {
        w.StartObject();
        lista<domain::EstadoPendiente>(w, "estados");
        lista<domain::TipoPendiente>(w, "tipos");
        lista<domain::EstadoTecnico>(w, "estadosTecnico");
        lista<domain::PrioridadPendiente>(w, "prioridades");
        lista<domain::LugarPendiente>(w, "lugares");
        lista<domain::EmpresaPendiente>(w, "empresas");
        w.EndObject();
    });
}

}  // namespace pendientes::handlers
