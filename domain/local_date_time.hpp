#pragma once

// Date and date-time values of API.md §0.3: zone-less, in the service time zone, second
// precision on the wire and in the database (§13).

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace pendientes::domain {

struct LocalDate {
  int year = 1970;
  int month = 1;
  int day = 1;
  friend auto operator<=>(const LocalDate&, const LocalDate&) = default;
};

struct LocalDateTime {
  int year = 1970;
  int month = 1;
  int day = 1;
  int hour = 0;
  int minute = 0;
  int second = 0;
  // Member order makes the defaulted comparison chronological.
  friend auto operator<=>(const LocalDateTime&, const LocalDateTime&) = default;
};

// Proleptic Gregorian calendar, years 0000..9999 (what `YYYY` can spell).
bool is_leap_year(int year);
int days_in_month(int year, int month);
bool is_valid(const LocalDate& date);
bool is_valid(const LocalDateTime& date_time);

// Requests (§0.3): exactly `YYYY-MM-DDTHH:MM`, `YYYY-MM-DDTHH:MM:SS` or
// `YYYY-MM-DDTHH:MM:SS.f…` with 1–9 fraction digits, truncated to the second. No offset,
// no `Z`, no space separator, no date-only form, no impossible calendar values
// (Feb 30, hour 24, second 60).
std::optional<LocalDateTime> parse_local_date_time(std::string_view text);

// Responses (§0.3): always `YYYY-MM-DDTHH:MM:SS`.
std::string format_local_date_time(const LocalDateTime& value);

// DATETIME columns (§13): `YYYY-MM-DD HH:MM:SS`. from_sql also takes the fraction a
// DATETIME(n) column or a driver might append, truncating it.
std::string to_sql(const LocalDateTime& value);
std::optional<LocalDateTime> from_sql(std::string_view text);

// `YYYY-MM-DD` (e.g. fechaIngreso), which is also the SQL DATE text form.
std::optional<LocalDate> parse_local_date(std::string_view text);
std::string format_local_date(const LocalDate& value);
std::string to_sql(const LocalDate& value);

LocalDate date_of(const LocalDateTime& value);
// The first and last second of a day: the §7.3 date-only fechaPendiente filter is
// `BETWEEN start_of_day AND end_of_day` on a second-precision column.
LocalDateTime start_of_day(const LocalDate& date);
LocalDateTime end_of_day(const LocalDate& date);

}  // namespace pendientes::domain
