// Instalación de cámaras details (API.md §8.4): only the key; no PPPoE/VLAN.
#include "db/detalle_repository.hpp"
#include "handlers/detalle_flow.hpp"
#include "handlers/detalle_presenters.hpp"
#include "handlers/handlers.hpp"

namespace pendientes::handlers {
namespace {

std::optional<db::InstalacionCamarasCampos> parse(JsonFields&) { return db::InstalacionCamarasCampos{}; }

// PUT has nothing to change: it runs every check and returns the record (§8.4).
const detalle::DetalleTipo<db::InstalacionCamarasCampos, db::InstalacionCamarasRow> kInstalacionCamaras{
    .tipo = domain::TipoPendiente::INSTALACION_CAMARAS,
    .nombre = "Instalación de cámaras",
    .femenino = true,
    .parse = parse,
    .find = db::find_instalacion_camaras,
    .insert = db::insert_instalacion_camaras,
    .update = db::update_instalacion_camaras,
    .present = present::instalacion_camaras,
};

}  // namespace

Response obtener_instalacion_camaras(Context& ctx) { return detalle::obtener(ctx, kInstalacionCamaras); }
Response crear_instalacion_camaras(Context& ctx) { return detalle::crear(ctx, kInstalacionCamaras); }
Response actualizar_instalacion_camaras(Context& ctx) { return detalle::actualizar(ctx, kInstalacionCamaras); }
Response actualizar_instalacion_camaras_compat(Context& ctx) {
    return detalle::actualizar_compat(ctx, kInstalacionCamaras);
}

}  // namespace pendientes::handlers
