// The titulo criterion (§7.3) in SQL form: the LIKE of the whole text, and the piece whose
// word-suffix range (migration 011) finds the candidates.
#define BOOST_TEST_MODULE filtro_titulo
#include <boost/test/unit_test.hpp>

#include "db/filtro_repository.hpp"

using pendientes::db::filtro_titulo;

BOOST_AUTO_TEST_CASE(texto_sin_espacios_usa_el_rango_solo) {
    auto t = filtro_titulo("Titicaca");
    BOOST_TEST(t.contiene == "%Titicaca%");
    BOOST_REQUIRE(t.sufijo.has_value());
    BOOST_TEST(*t.sufijo == "Titicaca%");
    BOOST_TEST(t.exacto);
}

BOOST_AUTO_TEST_CASE(comodines_del_texto_son_literales_en_ambos) {
    auto t = filtro_titulo("50%_a\\b");
    BOOST_TEST(t.contiene == "%50\\%\\_a\\\\b%");
    BOOST_REQUIRE(t.sufijo.has_value());
    BOOST_TEST(*t.sufijo == "50\\%\\_a\\\\b%");
    BOOST_TEST(t.exacto);
}

// A text with spaces can span words: the longest piece narrows, the full LIKE decides.
BOOST_AUTO_TEST_CASE(texto_con_espacios_usa_la_pieza_mas_larga_y_el_like) {
    auto t = filtro_titulo("Jr. Titicaca 12");
    BOOST_TEST(t.contiene == "%Jr. Titicaca 12%");
    BOOST_REQUIRE(t.sufijo.has_value());
    BOOST_TEST(*t.sufijo == "Titicaca%");
    BOOST_TEST(!t.exacto);
}

// Characters, not bytes: "Ñuñ" is three characters (five bytes) and long enough; "añ" is not.
BOOST_AUTO_TEST_CASE(longitudes_en_caracteres) {
    auto corto = filtro_titulo("añ");
    BOOST_TEST(!corto.sufijo.has_value());
    BOOST_TEST(!corto.exacto);
    auto justo = filtro_titulo("Ñuñ");
    BOOST_REQUIRE(justo.sufijo.has_value());
    BOOST_TEST(*justo.sufijo == "Ñuñ%");
    BOOST_TEST(justo.exacto);
    auto piezas_cortas = filtro_titulo("a b cd");
    BOOST_TEST(!piezas_cortas.sufijo.has_value());
}

// Stored suffixes are cut to 32 characters: a longer piece searches its first 32, then LIKE.
BOOST_AUTO_TEST_CASE(pieza_larga_se_corta_a_32_caracteres) {
    const std::string largo = "ñ" + std::string(40, 'x');
    auto t = filtro_titulo(largo);
    BOOST_REQUIRE(t.sufijo.has_value());
    BOOST_TEST(*t.sufijo == "ñ" + std::string(31, 'x') + "%");
    BOOST_TEST(!t.exacto);
}
