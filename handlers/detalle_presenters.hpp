#pragma once
// JSON shapes of the type-details responses (API.md §5.2): `id` equals `pendienteId`, and
// `vlan`, `ppoe`, `ppoePassword` are always present (null until set, §14 #20).
#include "common/json_writer.hpp"
#include "db/detalle_repository.hpp"

namespace pendientes::present {

void traslado(JsonWriter& w, const db::TrasladoRow& d);
void instalacion_internet(JsonWriter& w, const db::InstalacionInternetRow& d);
void averia(JsonWriter& w, const db::AveriaRow& d);
void instalacion_camaras(JsonWriter& w, const db::InstalacionCamarasRow& d);
void recojo_dispositivo(JsonWriter& w, const db::RecojoDispositivoRow& d);

}  // namespace pendientes::present
