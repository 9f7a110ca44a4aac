// The titulo criterion (§7.3) in SQL form: the LIKE of the whole text, and the piece whose
// word-suffix range (migration 011) finds the candidates.
#define BOOST_TEST_MODULE filtro_titulo
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>

#include "db/filtro_repository.hpp"

using pendientes::db::filtro_titulo;

namespace {

// `texto` gives the whole-text LIKE `contiene`, the suffix range `sufijo` (none: the scan) and
// whether that range alone is exact.
void espera(const std::string& texto, const std::string& contiene, const std::optional<std::string>& sufijo,
            bool exacto) {
    BOOST_TEST_CONTEXT(texto) {
        auto t = filtro_titulo(texto);
        BOOST_TEST(t.contiene == contiene);
        BOOST_TEST(t.sufijo.has_value() == sufijo.has_value());
        if (t.sufijo && sufijo) BOOST_TEST(*t.sufijo == *sufijo);
        BOOST_TEST(t.exacto == exacto);
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(texto_sin_espacios_usa_el_rango_solo) { espera("Titicaca", "%Titicaca%", "Titicaca%", true); }

BOOST_AUTO_TEST_CASE(comodines_del_texto_son_literales_en_ambos) {
    espera("50%_a\\b", "%50\\%\\_a\\\\b%", "50\\%\\_a\\\\b%", true);
}

// A text with spaces can span words: the longest piece narrows, the full LIKE decides.
BOOST_AUTO_TEST_CASE(texto_con_espacios_usa_la_pieza_mas_larga_y_el_like) {
    espera("Jr. Titicaca 12", "%Jr. Titicaca 12%", "Titicaca%", false);
}

// Characters, not bytes: "Ñuñ" is three characters (five bytes) and long enough; "añ" is not.
BOOST_AUTO_TEST_CASE(longitudes_en_caracteres) {
    espera("añ", "%añ%", std::nullopt, false);
    espera("Ñuñ", "%Ñuñ%", "Ñuñ%", true);
    espera("a b cd", "%a b cd%", std::nullopt, false);
}

// Stored suffixes are cut to 32 characters: a longer piece searches its first 32, then LIKE.
BOOST_AUTO_TEST_CASE(pieza_larga_se_corta_a_32_caracteres) {
    const std::string largo = "ñ" + std::string(40, 'x');
    espera(largo, "%" + largo + "%", "ñ" + std::string(31, 'x') + "%", false);
}
