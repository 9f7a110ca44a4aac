#include "handlers/historial_detalles.hpp"

namespace pendientes::handlers {

std::string detalles_transicion(const DetallesTransicion& d) {
    std::string out = std::string(d.accion) + ": estado cambiado de " + std::string(domain::name_of(d.anterior)) +
                      " a " + std::string(domain::name_of(d.nuevo));
    if (d.tecnico) out += ". Técnico: " + *d.tecnico;
    if (d.nueva_fecha) out += ". Nueva fecha: " + *d.nueva_fecha;
    // The motivo goes last: when the text must be cut, the estados and the technician survive.
    if (d.motivo) out += ". Motivo: " + *d.motivo;
    return truncate_code_points(out, kMaxDetalles);
}

std::string truncate_code_points(std::string_view text, std::size_t max) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        // A byte that does not continue a sequence starts a code point.
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (count == max) return std::string(text.substr(0, i));
            ++count;
        }
    }
    return std::string(text);
}

}  // namespace pendientes::handlers
