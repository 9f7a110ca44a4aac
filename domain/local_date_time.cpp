#include "domain/local_date_time.hpp"

#include <cstddef>

namespace pendientes::domain {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads `count` decimal digits at `pos`; nullopt when any is not a digit.
std::optional<int> digits_at(std::string_view text, std::size_t pos, std::size_t count) {
  if (pos + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (!is_digit(text[i])) return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// `YYYY-MM-DD` at the start of `text` (only the first 10 characters are looked at).
std::optional<LocalDate> date_prefix(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = digits_at(text, 0, 4);
  const auto month = digits_at(text, 5, 2);
  const auto day = digits_at(text, 8, 2);
  if (!year || !month || !day) return std::nullopt;
  const LocalDate date{*year, *month, *day};
  if (!is_valid(date)) return std::nullopt;
  return date;
}

// Date, `separator`, then `HH:MM`, optional `:SS`, optional `.f…` (1–9 digits) — and
// only when seconds are present, as in ISO-8601's local time. `minutes_only` allows the
// `HH:MM` form (requests do, the database never sends it).
std::optional<LocalDateTime> parse_with_separator(std::string_view text, char separator,
                                                  bool minutes_only) {
  const auto date = date_prefix(text);
  if (!date || text.size() < 16 || text[10] != separator || text[13] != ':') return std::nullopt;
  const auto hour = digits_at(text, 11, 2);
  const auto minute = digits_at(text, 14, 2);
  if (!hour || !minute) return std::nullopt;
  int second = 0;
  if (text.size() == 16) {
    if (!minutes_only) return std::nullopt;
  } else {
    if (text[16] != ':') return std::nullopt;
    const auto sec = digits_at(text, 17, 2);
    if (!sec) return std::nullopt;
    second = *sec;
    if (text.size() > 19) {
      const std::size_t fraction = text.size() - 20;
      if (text[19] != '.' || fraction < 1 || fraction > 9) return std::nullopt;
      if (!digits_at(text, 20, fraction)) return std::nullopt;
    }
  }
  const LocalDateTime value{date->year, date->month, date->day, *hour, *minute, second};
  if (!is_valid(value)) return std::nullopt;
  return value;
}

void put_digits(std::string& out, int value, int width) {
  std::string digits(static_cast<std::size_t>(width), '0');
  for (int i = width - 1; i >= 0 && value > 0; --i) {
    digits[static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out += digits;
}

std::string format_date(const LocalDate& d) {
  std::string out;
  out.reserve(10);
  put_digits(out, d.year, 4);
  out += '-';
  put_digits(out, d.month, 2);
  out += '-';
  put_digits(out, d.day, 2);
  return out;
}

std::string format_with_separator(const LocalDateTime& v, char separator) {
  std::string out = format_date(date_of(v));
  out.reserve(19);
  out += separator;
  put_digits(out, v.hour, 2);
  out += ':';
  put_digits(out, v.minute, 2);
  out += ':';
  put_digits(out, v.second, 2);
  return out;
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  switch (month) {
    case 2:
      return is_leap_year(year) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return month >= 1 && month <= 12 ? 31 : 0;
  }
}

bool is_valid(const LocalDate& d) {
  return d.year >= 0 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= days_in_month(d.year, d.month);
}

bool is_valid(const LocalDateTime& v) {
  return is_valid(date_of(v)) && v.hour >= 0 && v.hour <= 23 && v.minute >= 0 &&
         v.minute <= 59 && v.second >= 0 && v.second <= 59;
}

std::optional<LocalDateTime> parse_local_date_time(std::string_view text) {
  return parse_with_separator(text, 'T', /*minutes_only=*/true);
}

std::string format_local_date_time(const LocalDateTime& value) {
  return format_with_separator(value, 'T');
}

std::string to_sql(const LocalDateTime& value) { return format_with_separator(value, ' '); }

std::optional<LocalDateTime> from_sql(std::string_view text) {
  return parse_with_separator(text, ' ', /*minutes_only=*/false);
}

std::optional<LocalDate> parse_local_date(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  return date_prefix(text);
}

std::string format_local_date(const LocalDate& value) { return format_date(value); }

std::string to_sql(const LocalDate& value) { return format_date(value); }

LocalDate date_of(const LocalDateTime& v) { return {v.year, v.month, v.day}; }

LocalDateTime start_of_day(const LocalDate& d) { return {d.year, d.month, d.day, 0, 0, 0}; }

LocalDateTime end_of_day(const LocalDate& d) { return {d.year, d.month, d.day, 23, 59, 59}; }

}  // namespace pendientes::domain
