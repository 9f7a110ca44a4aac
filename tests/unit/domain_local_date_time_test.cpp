#define BOOST_TEST_MODULE domain_local_date_time
#include <boost/test/unit_test.hpp>

#include <string>

#include "domain/values.hpp"

using namespace pendientes::domain;

namespace {

std::string roundtrip(const char* text) {
  const auto v = parse_local_date_time(text);
  return v ? format_local_date_time(*v) : std::string("<rechazado>");
}

}  // namespace

// ---- accepted request forms (§0.3 "Date-time") ----

BOOST_AUTO_TEST_CASE(acepta_minutos_segundos_y_fraccion) {
  BOOST_TEST(roundtrip("2026-07-11T09:00") == "2026-07-11T09:00:00");
  BOOST_TEST(roundtrip("2026-07-11T09:00:05") == "2026-07-11T09:00:05");
  BOOST_TEST(roundtrip("2026-07-11T09:00:05.9") == "2026-07-11T09:00:05");
  BOOST_TEST(roundtrip("2026-07-11T09:00:05.123") == "2026-07-11T09:00:05");
  BOOST_TEST(roundtrip("2026-07-11T09:00:05.123456") == "2026-07-11T09:00:05");
  BOOST_TEST(roundtrip("2026-07-11T09:00:05.999999999") == "2026-07-11T09:00:05");
}

BOOST_AUTO_TEST_CASE(fraccion_se_trunca_no_se_redondea) {
  BOOST_TEST(roundtrip("2026-12-31T23:59:59.999999999") == "2026-12-31T23:59:59");
}

BOOST_AUTO_TEST_CASE(campos_leidos_correctamente) {
  const auto v = parse_local_date_time("2024-02-29T23:58:07.5");
  BOOST_TEST_REQUIRE(v.has_value());
  BOOST_TEST(v->year == 2024);
  BOOST_TEST(v->month == 2);
  BOOST_TEST(v->day == 29);
  BOOST_TEST(v->hour == 23);
  BOOST_TEST(v->minute == 58);
  BOOST_TEST(v->second == 7);
}

BOOST_AUTO_TEST_CASE(limites_del_calendario_validos) {
  BOOST_TEST(roundtrip("2024-02-29T00:00") == "2024-02-29T00:00:00");  // leap year
  BOOST_TEST(roundtrip("2000-02-29T00:00") == "2000-02-29T00:00:00");  // divisible by 400
  BOOST_TEST(roundtrip("2026-01-31T00:00") == "2026-01-31T00:00:00");
  BOOST_TEST(roundtrip("2026-04-30T23:59:59") == "2026-04-30T23:59:59");
  BOOST_TEST(roundtrip("0001-01-01T00:00") == "0001-01-01T00:00:00");
  BOOST_TEST(roundtrip("9999-12-31T23:59:59") == "9999-12-31T23:59:59");
}

// ---- rejected request forms ----

BOOST_AUTO_TEST_CASE(rechaza_zona_z_y_separadores_ajenos) {
  for (const char* bad : {
           "2026-07-11T09:00:00Z", "2026-07-11T09:00Z", "2026-07-11T09:00:00+05:00",
           "2026-07-11T09:00:00-05:00", "2026-07-11T09:00:00.123Z", "2026-07-11T09:00:00.123-05:00",
           "2026-07-11T09:00:00[America/Lima]", "2026-07-11 09:00:00", "2026-07-11 09:00",
           "2026-07-11t09:00:00", "2026-07-11_09:00:00", "2026/07/11T09:00:00",
       }) {
    BOOST_TEST_CONTEXT(bad) { BOOST_TEST(!parse_local_date_time(bad).has_value()); }
  }
}

BOOST_AUTO_TEST_CASE(rechaza_formas_incompletas_o_mal_escritas) {
  for (const char* bad : {
           "", "2026-07-11", "2026-07-11T", "2026-07-11T09", "2026-07-11T9:00", "2026-07-11T09:0",
           "2026-07-11T09:00:", "2026-07-11T09:00:5", "2026-07-11T09:00:05.",
           "2026-07-11T09:00:05.1234567890", "2026-07-11T09:00:05,5", "2026-07-11T09:00.5",
           "2026-7-11T09:00", "2026-07-1T09:00", "26-07-11T09:00", "+2026-07-11T09:00",
           "12026-07-11T09:00", " 2026-07-11T09:00", "2026-07-11T09:00 ", "2026-07-11T09:00:05.12a",
           "2026-07-11T09:00:05.-1", "２０２６-07-11T09:00", "1783688400", "20260711T090000",
       }) {
    BOOST_TEST_CONTEXT("'" << bad << "'") { BOOST_TEST(!parse_local_date_time(bad).has_value()); }
  }
}

BOOST_AUTO_TEST_CASE(rechaza_fechas_y_horas_imposibles) {
  for (const char* bad : {
           "2026-02-29T00:00", "2026-02-30T00:00", "2100-02-29T00:00", "2026-04-31T00:00",
           "2026-06-31T00:00", "2026-09-31T00:00", "2026-11-31T00:00", "2026-01-32T00:00",
           "2026-00-10T00:00", "2026-13-10T00:00", "2026-07-00T00:00", "2026-07-11T24:00",
           "2026-07-11T24:00:00", "2026-07-11T23:60", "2026-07-11T23:59:60", "2026-07-11T99:99:99",
           "0000-00-00T00:00:00",
       }) {
    BOOST_TEST_CONTEXT(bad) { BOOST_TEST(!parse_local_date_time(bad).has_value()); }
  }
}

// ---- comparison ----

BOOST_AUTO_TEST_CASE(comparacion_cronologica) {
  const auto a = *parse_local_date_time("2026-07-10T23:59:59");
  const auto b = *parse_local_date_time("2026-07-11T00:00");
  const auto c = *parse_local_date_time("2026-07-11T00:00:00.999");
  BOOST_TEST((a < b));
  BOOST_TEST((b > a));
  BOOST_TEST((b == c));
  BOOST_TEST((b <= c));
  BOOST_TEST((a != b));
  BOOST_TEST((*parse_local_date_time("2025-12-31T23:59") < *parse_local_date_time("2026-01-01T00:00")));
  BOOST_TEST((*parse_local_date_time("2026-01-31T00:00") < *parse_local_date_time("2026-02-01T00:00")));
}

// ---- database text (§13) ----

BOOST_AUTO_TEST_CASE(sql_usa_espacio_y_segundos) {
  const LocalDateTime v{2026, 7, 10, 8, 0, 5};
  BOOST_TEST(to_sql(v) == "2026-07-10 08:00:05");
  BOOST_TEST(format_local_date_time(v) == "2026-07-10T08:00:05");
  BOOST_TEST((from_sql("2026-07-10 08:00:05").value() == v));
  BOOST_TEST((from_sql("2026-07-10 08:00:05.000000").value() == v));
  BOOST_TEST((from_sql("2026-07-10 08:00:05.999").value() == v));
}

BOOST_AUTO_TEST_CASE(sql_rechaza_otras_formas) {
  for (const char* bad : {"", "2026-07-10T08:00:05", "2026-07-10 08:00", "2026-07-10",
                          "0000-00-00 00:00:00", "2026-02-30 00:00:00", "2026-07-10 08:00:05."}) {
    BOOST_TEST_CONTEXT("'" << bad << "'") { BOOST_TEST(!from_sql(bad).has_value()); }
  }
}

BOOST_AUTO_TEST_CASE(formato_rellena_con_ceros) {
  BOOST_TEST(format_local_date_time(LocalDateTime{7, 1, 2, 3, 4, 5}) == "0007-01-02T03:04:05");
  BOOST_TEST(to_sql(LocalDate{2026, 1, 1}) == "2026-01-01");
}

// ---- dates (§0.3 "Date") ----

BOOST_AUTO_TEST_CASE(fecha_acepta_solo_yyyy_mm_dd) {
  const auto d = parse_local_date("2026-01-01");
  BOOST_TEST_REQUIRE(d.has_value());
  BOOST_TEST(d->year == 2026);
  BOOST_TEST(d->month == 1);
  BOOST_TEST(d->day == 1);
  BOOST_TEST(format_local_date(*d) == "2026-01-01");
  BOOST_TEST(parse_local_date("2024-02-29").has_value());
  for (const char* bad : {"", "2026-1-01", "2026-01-1", "2026/01/01", "2026-01-01T00:00",
                          "2026-01-01 ", " 2026-01-01", "2026-02-29", "2026-13-01", "2026-00-01",
                          "2026-01-00", "20260101", "26-01-01"}) {
    BOOST_TEST_CONTEXT("'" << bad << "'") { BOOST_TEST(!parse_local_date(bad).has_value()); }
  }
}

BOOST_AUTO_TEST_CASE(dia_completo_para_el_filtro_por_fecha) {
  const LocalDate d{2026, 7, 11};
  BOOST_TEST(format_local_date_time(start_of_day(d)) == "2026-07-11T00:00:00");
  BOOST_TEST(format_local_date_time(end_of_day(d)) == "2026-07-11T23:59:59");
  BOOST_TEST((date_of(*parse_local_date_time("2026-07-11T13:45")) == d));
}

BOOST_AUTO_TEST_CASE(calendario) {
  BOOST_TEST(is_leap_year(2024));
  BOOST_TEST(!is_leap_year(2026));
  BOOST_TEST(!is_leap_year(1900));
  BOOST_TEST(is_leap_year(2000));
  BOOST_TEST(days_in_month(2026, 2) == 28);
  BOOST_TEST(days_in_month(2024, 2) == 29);
  BOOST_TEST(days_in_month(2026, 12) == 31);
  BOOST_TEST(days_in_month(2026, 13) == 0);
  BOOST_TEST(!is_valid(LocalDateTime{2026, 7, 11, -1, 0, 0}));
  BOOST_TEST(is_valid(LocalDateTime{}));
}
