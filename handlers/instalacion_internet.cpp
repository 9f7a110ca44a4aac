// Instalación de internet details (API.md §8.2).
#include "db/detalle_repository.hpp"
#include "handlers/detalle_flow.hpp"
#include "handlers/detalle_presenters.hpp"
#include "handlers/handlers.hpp"

namespace pendientes::handlers {
namespace {

std::optional<db::InstalacionInternetCampos> parse(JsonFields& f) {
    auto velocidad = f.string("velocidadSolicitada", {.required = true, .non_blank = true, .max_code_points = 50});
    // §0.3 (compat): a JSON number such as 80.50 is taken as its text "80.5".
    auto costo = f.string("costoFijo", {.max_code_points = 50});
    auto tipo = f.enumeration<domain::TipoInstalacion>("tipoInstalacion", true);
    if (!velocidad || !tipo || !f.ok()) return std::nullopt;
    return db::InstalacionInternetCampos{std::move(*velocidad), std::move(costo), *tipo};
}

const detalle::DetalleTipo<db::InstalacionInternetCampos, db::InstalacionInternetRow> kInstalacionInternet{
    .tipo = domain::TipoPendiente::INSTALACION_INTERNET,
    .nombre = "Instalación de internet",
    .femenino = true,
    .parse = parse,
    .find = db::find_instalacion_internet,
    .insert = db::insert_instalacion_internet,
    .update = db::update_instalacion_internet,
    .present = present::instalacion_internet,
};

}  // namespace

Response obtener_instalacion_internet(Context& ctx) { return detalle::obtener(ctx, kInstalacionInternet); }
Response crear_instalacion_internet(Context& ctx) { return detalle::crear(ctx, kInstalacionInternet); }
Response actualizar_instalacion_internet(Context& ctx) { return detalle::actualizar(ctx, kInstalacionInternet); }
Response actualizar_instalacion_internet_compat(Context& ctx) {
    return detalle::actualizar_compat(ctx, kInstalacionInternet);
}
Response ppoe_instalacion_internet(Context& ctx) { return detalle::asignar_ppoe(ctx, kInstalacionInternet); }
// §8.6: the clean path only, as in the original.
Response vlan_instalacion_internet(Context& ctx) { return detalle::asignar_vlan(ctx, kInstalacionInternet); }

}  // namespace pendientes::handlers
