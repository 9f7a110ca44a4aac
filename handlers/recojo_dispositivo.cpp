// Recojo de dispositivo details (API.md §8.5): device pickup.
#include "db/detalle_repository.hpp"
#include "handlers/detalle_flow.hpp"
#include "handlers/detalle_presenters.hpp"
#include "handlers/handlers.hpp"

namespace pendientes::handlers {
namespace {

std::optional<db::RecojoDispositivoCampos> parse(JsonFields& f) {
    auto dispositivo = f.enumeration<domain::TipoDispositivoRecojo>("dispositivo", true);
    auto motivo = f.string("motivo", {.max_code_points = 200});
    if (!dispositivo || !f.ok()) return std::nullopt;
    return db::RecojoDispositivoCampos{*dispositivo, std::move(motivo)};
}

const detalle::DetalleTipo<db::RecojoDispositivoCampos, db::RecojoDispositivoRow> kRecojoDispositivo{
    .tipo = domain::TipoPendiente::RECOJO_DISPOSITIVOS,
    .nombre = "Recojo de dispositivo",
    .femenino = false,
    .parse = parse,
    .find = db::find_recojo_dispositivo,
    .insert = db::insert_recojo_dispositivo,
    .update = db::update_recojo_dispositivo,
    .present = present::recojo_dispositivo,
};

}  // namespace

Response obtener_recojo_dispositivo(Context& ctx) { return detalle::obtener(ctx, kRecojoDispositivo); }
Response crear_recojo_dispositivo(Context& ctx) { return detalle::crear(ctx, kRecojoDispositivo); }
Response actualizar_recojo_dispositivo(Context& ctx) { return detalle::actualizar(ctx, kRecojoDispositivo); }
Response actualizar_recojo_dispositivo_compat(Context& ctx) {
    return detalle::actualizar_compat(ctx, kRecojoDispositivo);
}

}  // namespace pendientes::handlers
