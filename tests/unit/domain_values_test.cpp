#define BOOST_TEST_MODULE domain_values
#include <boost/test/unit_test.hpp>

#include <string>

#include "domain/values.hpp"

using namespace pendientes::domain;
using namespace std::string_literals;

// ---- ids (§0.3 "Integers / ids", "Path ids") ----

BOOST_AUTO_TEST_CASE(id_acepta_de_1_a_19_digitos) {
  BOOST_TEST(parse_id("0").value() == 0);
  BOOST_TEST(parse_id("1").value() == 1);
  BOOST_TEST(parse_id("42").value() == 42);
  BOOST_TEST(parse_id("01").value() == 1);
  BOOST_TEST(parse_id("0000000000000000007").value() == 7);
  BOOST_TEST(parse_id("1000000000000000000").value() == 1000000000000000000LL);
}

BOOST_AUTO_TEST_CASE(id_maximo_es_int64_max) {
  BOOST_TEST(parse_id("9223372036854775807").value() == 9223372036854775807LL);
  BOOST_TEST(!parse_id("9223372036854775808").has_value());
  BOOST_TEST(!parse_id("9999999999999999999").has_value());
  BOOST_TEST(!parse_id("10000000000000000000").has_value());
  BOOST_TEST(!parse_id("00000000000000000001").has_value());  // 20 digits
}

BOOST_AUTO_TEST_CASE(id_rechaza_todo_lo_que_no_son_digitos) {
  for (const char* bad : {"", "-1", "+1", "1.5", "1e3", " 1", "1 ", "0x10", "abc", "1a", "١"}) {
    BOOST_TEST_CONTEXT("'" << bad << "'") { BOOST_TEST(!parse_id(bad).has_value()); }
  }
  BOOST_TEST(!parse_id("1\0"s).has_value());
}

// ---- UTF-8 (§0.3 "Character set") ----

BOOST_AUTO_TEST_CASE(utf8_valido) {
  BOOST_TEST(is_valid_utf8(""));
  BOOST_TEST(is_valid_utf8("hola"));
  BOOST_TEST(is_valid_utf8("Núñez ¿Ángel? €"));
  BOOST_TEST(is_valid_utf8("\xC2\x80"));          // U+0080, smallest 2-byte
  BOOST_TEST(is_valid_utf8("\xDF\xBF"));          // U+07FF
  BOOST_TEST(is_valid_utf8("\xE0\xA0\x80"));      // U+0800, smallest 3-byte
  BOOST_TEST(is_valid_utf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
  BOOST_TEST(is_valid_utf8("\xEE\x80\x80"));      // U+E000, just above them
  BOOST_TEST(is_valid_utf8("\xEF\xBF\xBF"));      // U+FFFF
  BOOST_TEST(is_valid_utf8("\xF0\x90\x80\x80"));  // U+10000, smallest 4-byte
  BOOST_TEST(is_valid_utf8("\xF0\x9F\x98\x80"));  // 😀
  BOOST_TEST(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
  BOOST_TEST(is_valid_utf8("a\0b"s));             // U+0000 is valid UTF-8 (rejected elsewhere)
}

BOOST_AUTO_TEST_CASE(utf8_rechaza_formas_largas) {
  BOOST_TEST(!is_valid_utf8("\xC0\x80"));          // overlong NUL
  BOOST_TEST(!is_valid_utf8("\xC0\xAF"));          // overlong '/'
  BOOST_TEST(!is_valid_utf8("\xC1\xBF"));
  BOOST_TEST(!is_valid_utf8("\xE0\x80\xAF"));      // overlong '/'
  BOOST_TEST(!is_valid_utf8("\xE0\x9F\xBF"));      // overlong U+07FF
  BOOST_TEST(!is_valid_utf8("\xF0\x80\x80\xAF"));  // overlong '/'
  BOOST_TEST(!is_valid_utf8("\xF0\x8F\xBF\xBF"));  // overlong U+FFFF
}

BOOST_AUTO_TEST_CASE(utf8_rechaza_sustitutos_y_fuera_de_rango) {
  BOOST_TEST(!is_valid_utf8("\xED\xA0\x80"));      // U+D800
  BOOST_TEST(!is_valid_utf8("\xED\xBF\xBF"));      // U+DFFF
  BOOST_TEST(!is_valid_utf8("\xED\xA0\xBD\xED\xB8\x80"));  // CESU-8 pair
  BOOST_TEST(!is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
  BOOST_TEST(!is_valid_utf8("\xF5\x80\x80\x80"));
  BOOST_TEST(!is_valid_utf8("\xFF"));
  BOOST_TEST(!is_valid_utf8("\xFE"));
}

BOOST_AUTO_TEST_CASE(utf8_rechaza_secuencias_truncadas_o_sueltas) {
  BOOST_TEST(!is_valid_utf8("\x80"));              // lone continuation
  BOOST_TEST(!is_valid_utf8("a\xBF"));
  BOOST_TEST(!is_valid_utf8("\xC3"));              // truncated ñ
  BOOST_TEST(!is_valid_utf8("\xC3" "a"));          // lead followed by ASCII
  BOOST_TEST(!is_valid_utf8("\xE2\x82"));          // truncated €
  BOOST_TEST(!is_valid_utf8("\xF0\x9F\x98"));      // truncated 😀
  BOOST_TEST(!is_valid_utf8("\xF0\x9F\x98" "a"));
  BOOST_TEST(!is_valid_utf8("traslado%BF\xBF"));
  BOOST_TEST(!is_valid_utf8("\xBF"));              // Latin-1 '¿'
}

// ---- code points (§5.5: limits count code points, whatever the byte length) ----

BOOST_AUTO_TEST_CASE(cuenta_puntos_de_codigo_no_bytes) {
  BOOST_TEST(code_points("") == 0u);
  BOOST_TEST(code_points("abc") == 3u);
  BOOST_TEST(code_points("ñ") == 1u);
  BOOST_TEST(code_points("€") == 1u);
  BOOST_TEST(code_points("😀") == 1u);
  BOOST_TEST(code_points("Núñez") == 5u);
  std::string enes;
  for (int i = 0; i < 200; ++i) enes += "ñ";
  BOOST_TEST(enes.size() == 400u);
  BOOST_TEST(code_points(enes) == 200u);
  std::string emojis;
  for (int i = 0; i < 50; ++i) emojis += "😀";
  BOOST_TEST(code_points(emojis) == 50u);
}

BOOST_AUTO_TEST_CASE(detecta_u0000) {
  BOOST_TEST(!contains_nul("abc"));
  BOOST_TEST(contains_nul("a\0b"s));
  BOOST_TEST(contains_nul("\0"s));
}

// ---- blank (§0.3 "Non-blank") ----

BOOST_AUTO_TEST_CASE(en_blanco_sin_caracteres_visibles) {
  BOOST_TEST(is_blank(""));
  BOOST_TEST(is_blank(" "));
  BOOST_TEST(is_blank(" \t\r\n\v\f"));
  BOOST_TEST(is_blank("\xC2\xA0"));          // U+00A0 no-break space
  BOOST_TEST(is_blank("\xE2\x80\x80"));      // U+2000
  BOOST_TEST(is_blank("\xE2\x80\x8A"));      // U+200A
  BOOST_TEST(is_blank("\xE3\x80\x80"));      // U+3000 ideographic space
  BOOST_TEST(is_blank("\xE2\x80\xA8\xE2\x80\xA9"));  // U+2028, U+2029
  BOOST_TEST(is_blank("\xC2\x85 \xE1\x9A\x80\xE2\x80\xAF\xE2\x81\x9F"));  // 85, 1680, 202F, 205F
}

BOOST_AUTO_TEST_CASE(no_en_blanco_con_algun_caracter_visible) {
  BOOST_TEST(!is_blank("a"));
  BOOST_TEST(!is_blank("  a  "));
  BOOST_TEST(!is_blank("ñ"));
  BOOST_TEST(!is_blank("\xE2\x80\x8B"));  // U+200B zero-width space is not White_Space
  BOOST_TEST(!is_blank("\0"s));
  BOOST_TEST(!is_blank(" \xFF "));        // invalid bytes are not whitespace
}

// ---- display name (§5) ----

BOOST_AUTO_TEST_CASE(nombre_visible_une_nombre_y_apellido_paterno) {
  BOOST_TEST(display_name("Tomás", "Técnico") == "Tomás Técnico");
  BOOST_TEST(display_name("Carmen", std::optional<std::string_view>("Coordinadora")) ==
             "Carmen Coordinadora");
}

BOOST_AUTO_TEST_CASE(nombre_visible_omite_apellido_nulo_o_vacio) {
  BOOST_TEST(display_name("Sistema", std::nullopt) == "Sistema");
  BOOST_TEST(display_name("Sistema", "") == "Sistema");
}
