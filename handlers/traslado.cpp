// Traslado details (API.md §8.1): relocation of the service to a new address.
#include "db/detalle_repository.hpp"
#include "handlers/detalle_flow.hpp"
#include "handlers/detalle_presenters.hpp"
#include "handlers/handlers.hpp"

namespace pendientes::handlers {
namespace {

std::optional<db::TrasladoCampos> parse(JsonFields& f) {
    auto lugar = f.enumeration<domain::LugarPendiente>("lugarDestino", true);
    auto direccion = f.string("direccionDestino", {.required = true, .non_blank = true, .max_code_points = 200});
    auto servicio = f.enumeration<domain::TipoServicio>("tipoServicio", true);
    if (!lugar || !direccion || !servicio) return std::nullopt;
    return db::TrasladoCampos{*lugar, std::move(*direccion), *servicio};
}

const detalle::DetalleTipo<db::TrasladoCampos, db::TrasladoRow> kTraslado{
    .tipo = domain::TipoPendiente::TRASLADO,
    .nombre = "Traslado",
    .femenino = false,
    .parse = parse,
    .find = db::find_traslado,
    .insert = db::insert_traslado,
    .update = db::update_traslado,
    .present = present::traslado,
};

}  // namespace

Response obtener_traslado(Context& ctx) { return detalle::obtener(ctx, kTraslado); }
Response crear_traslado(Context& ctx) { return detalle::crear(ctx, kTraslado); }
Response actualizar_traslado(Context& ctx) { return detalle::actualizar(ctx, kTraslado); }
Response actualizar_traslado_compat(Context& ctx) { return detalle::actualizar_compat(ctx, kTraslado); }
Response ppoe_traslado(Context& ctx) { return detalle::asignar_ppoe(ctx, kTraslado); }
// Also bound to the `traslado¿/vlan` spellings of §8.6 by the route table.
Response vlan_traslado(Context& ctx) { return detalle::asignar_vlan(ctx, kTraslado); }

}  // namespace pendientes::handlers
