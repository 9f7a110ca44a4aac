#pragma once
// Parsing of request bodies (API.md §0.3): one JSON object, UTF-8, no duplicate members,
// nesting ≤ 32, and typed field readers that collect every problem before answering.
#include <rapidjson/document.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "domain/enums.hpp"
#include "domain/values.hpp"

namespace pendientes {

inline constexpr int kMaxJsonDepth = 32;

// Parses `body` as one JSON object; every failure is 400 JSON_INVALIDO.
Result<rapidjson::Document> parse_json_object(std::string_view body);

// JSON text of any value, for errors[].rejectedValue (null for long strings, §1.2).
std::optional<std::string> rejected_value(const rapidjson::Value& v);

// Reads members of one object. Each reader returns nullopt when the member is absent/null or
// invalid; invalid members and missing required ones are recorded in errors().
class JsonFields {
public:
    explicit JsonFields(const rapidjson::Value& object) : object_(object) {}

    // Member present with a non-null value.
    bool present(std::string_view name) const;
    // Member present at all (even null): only tiempos' partial update distinguishes (§9.3).
    bool has_member(std::string_view name) const;

    std::optional<std::int64_t> id(std::string_view name, bool required);
    struct StringRule {
        bool required = false;
        bool non_blank = false;
        std::size_t max_code_points = 0;  // 0 = unlimited
        bool secret = false;              // never echoed in rejectedValue
    };
    std::optional<std::string> string(std::string_view name, StringRule rule);
    std::optional<domain::LocalDateTime> date_time(std::string_view name, bool required);
    std::optional<domain::LocalDate> date(std::string_view name, bool required);
    std::optional<bool> boolean(std::string_view name, bool required);
    std::optional<std::int64_t> integer(std::string_view name, bool required, std::int64_t min, std::int64_t max);

    template <class E>
    std::optional<E> enumeration(std::string_view name, bool required) {
        const rapidjson::Value* v = member(name);
        if (!v) {
            if (required) add(requerido(std::string(name)));
            return std::nullopt;
        }
        if (v->IsString()) {
            if (auto e = domain::parse_enum<E>(std::string_view(v->GetString(), v->GetStringLength()))) return e;
        }
        add(valor_no_permitido(std::string(name), rejected_value(*v)));
        return std::nullopt;
    }

    // Array of enum names; an empty array or null = nullopt (no criterion).
    template <class E>
    std::optional<std::vector<E>> enum_list(std::string_view name) {
        const rapidjson::Value* v = member(name);
        if (!v) return std::nullopt;
        if (!v->IsArray()) {
            add(formato(std::string(name), rejected_value(*v), "debe ser una lista"));
            return std::nullopt;
        }
        std::vector<E> out;
        bool bad = false;
        for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
            const auto& item = (*v)[i];
            std::optional<E> e;
            if (item.IsString()) e = domain::parse_enum<E>(std::string_view(item.GetString(), item.GetStringLength()));
            if (!e) {
                add(valor_no_permitido(std::string(name) + "[" + std::to_string(i) + "]", rejected_value(item)));
                bad = true;
            } else {
                out.push_back(*e);
            }
        }
        if (bad || out.empty()) return std::nullopt;
        return out;
    }

    void add(FieldError e) { errors_.push_back(std::move(e)); }
    bool ok() const { return errors_.empty(); }
    std::vector<FieldError>& errors() { return errors_; }
    ApiError error() { return errors::validacion(std::move(errors_)); }

private:
    const rapidjson::Value* member(std::string_view name) const;  // nullptr when absent or null

    const rapidjson::Value& object_;
    std::vector<FieldError> errors_;
};

// Shared string rule for values from any source (JSON, query, form): non-blank, length, NUL, UTF-8.
std::optional<FieldError> check_string(std::string_view field, std::string_view value, const JsonFields::StringRule& rule);

}  // namespace pendientes
