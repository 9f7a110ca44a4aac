#pragma once
// JSON shapes of API.md §5 and §11, written straight into the response buffer.
#include <cstdint>
#include <functional>
#include <vector>

#include "common/json_writer.hpp"
#include "db/historial_repository.hpp"
#include "db/pendiente_repository.hpp"
#include "db/rows.hpp"

namespace pendientes::present {

void pendiente(JsonWriter& w, const db::PendienteRow& p);
void empleado(JsonWriter& w, const db::EmpleadoRow& e);
void usuario(JsonWriter& w, const db::UsuarioRow& u);
void cliente(JsonWriter& w, const db::ClienteRow& c);
void historial(JsonWriter& w, const db::HistorialRow& h);

// Spring Data PageImpl (§1.3). `write_items` writes the `content` items.
struct PageInfo {
    std::int64_t number = 0;
    std::int64_t size = 10;
    std::int64_t total_elements = 0;
    std::int64_t number_of_elements = 0;
    bool sorted = true;
};
void page(JsonWriter& w, const PageInfo& info, const std::function<void(JsonWriter&)>& write_items);

template <class T, class F>
void array(JsonWriter& w, const std::vector<T>& items, F&& write_item) {
    w.StartArray();
    for (const auto& item : items) write_item(w, item);
    w.EndArray();
}

}  // namespace pendientes::present
