#pragma once
// The `detalles` text of the historial row a transition appends (API.md §6.2): previous and new
// estado, the technician of an assignment, the new date of a postponement, the motivo when sent.
// The column holds 500 code points (§5.5), so the text is cut to fit.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "domain/enums.hpp"

namespace pendientes::handlers {

inline constexpr std::size_t kMaxDetalles = 500;

struct DetallesTransicion {
    std::string_view accion;  // the edge's "Action" (§6.1)
    domain::EstadoPendiente anterior{};
    domain::EstadoPendiente nuevo{};
    std::optional<std::string> tecnico;      // "Tomás Técnico (id 7)"
    std::optional<std::string> nueva_fecha;  // ISO date-time
    std::optional<std::string> motivo;
};

std::string detalles_transicion(const DetallesTransicion& d);

// The longest prefix of valid UTF-8 `text` with at most `max` code points.
std::string truncate_code_points(std::string_view text, std::size_t max);

}  // namespace pendientes::handlers
