// Avería details (API.md §8.3): fault repair.
#include "db/detalle_repository.hpp"
#include "handlers/detalle_flow.hpp"
#include "handlers/detalle_presenters.hpp"
#include "handlers/handlers.hpp"

namespace pendientes::handlers {
namespace {

std::optional<db::AveriaCampos> parse(JsonFields& f) {
    auto descripcion = f.string("descripcionFalla", {.required = true, .non_blank = true, .max_code_points = 4000});
    if (!descripcion) return std::nullopt;
    return db::AveriaCampos{std::move(*descripcion)};
}

const detalle::DetalleTipo<db::AveriaCampos, db::AveriaRow> kAveria{
    .tipo = domain::TipoPendiente::AVERIA,
    .nombre = "Avería",
    .femenino = true,
    .parse = parse,
    .find = db::find_averia,
    .insert = db::insert_averia,
    .update = db::update_averia,
    .present = present::averia,
};

}  // namespace

Response obtener_averia(Context& ctx) { return detalle::obtener(ctx, kAveria); }
Response crear_averia(Context& ctx) { return detalle::crear(ctx, kAveria); }
Response actualizar_averia(Context& ctx) { return detalle::actualizar(ctx, kAveria); }
Response actualizar_averia_compat(Context& ctx) { return detalle::actualizar_compat(ctx, kAveria); }
Response ppoe_averia(Context& ctx) { return detalle::asignar_ppoe(ctx, kAveria); }
// Also bound to the `averia¿/vlan` spellings of §8.6 by the route table.
Response vlan_averia(Context& ctx) { return detalle::asignar_vlan(ctx, kAveria); }

}  // namespace pendientes::handlers
