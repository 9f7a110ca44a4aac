#pragma once
// PendienteTiempoResponse (API.md §5.3).
#include "common/json_writer.hpp"
#include "db/tiempo_repository.hpp"

namespace pendientes::present {

void tiempo(JsonWriter& w, const db::TiempoRow& t);

}  // namespace pendientes::present
