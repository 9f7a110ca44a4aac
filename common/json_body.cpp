#include "common/json_body.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <cmath>
#include <set>

#include "common/json_writer.hpp"
#include "domain/values.hpp"

namespace pendientes {
namespace {

// First pass over the text: enforces depth and member-name uniqueness, which RapidJSON's
// DOM silently accepts. Iterative parsing keeps a hostile 1 MiB of '[' off the stack.
class StrictnessCheck : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, StrictnessCheck> {
public:
    bool StartObject() {
        if (++depth_ > kMaxJsonDepth) return false;
        keys_.emplace_back();
        return true;
    }
    // §0.3: a `\uDC00` escape without its pair decodes to bytes that are not UTF-8; such a
    // string could never be stored or echoed back, so the body is as invalid as raw bad bytes.
    bool String(const char* s, rapidjson::SizeType n, bool) { return domain::is_valid_utf8({s, n}); }
    bool Key(const char* s, rapidjson::SizeType n, bool) {
        return domain::is_valid_utf8({s, n}) && keys_.back().emplace(s, n).second;
    }
    bool EndObject(rapidjson::SizeType) {
        keys_.pop_back();
        --depth_;
        return true;
    }
    bool StartArray() { return ++depth_ <= kMaxJsonDepth; }
    bool EndArray(rapidjson::SizeType) {
        --depth_;
        return true;
    }
    // RapidJSON turns some out-of-range literals (`-975311e308`, a mantissa of several digits
    // times 1e308) into ±inf instead of reporting them: such a number has no JSON spelling, so
    // it could not be echoed as rejectedValue nor stored, and the body is rejected.
    bool Double(double d) { return std::isfinite(d); }
    bool Default() { return true; }

private:
    int depth_ = 0;
    std::vector<std::set<std::string, std::less<>>> keys_;
};

constexpr unsigned kParseFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;


}  // namespace

Result<rapidjson::Document> parse_json_object(std::string_view body) {
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return errors::json_invalido("El cuerpo de la petición es obligatorio");
    // A raw NUL byte is never valid JSON text, and RapidJSON's streams take it for the end of
    // input: `{"a":1}\0garbage` would otherwise pass as one object.
    if (body.find('\0') != std::string_view::npos) return errors::json_invalido();
    {
        StrictnessCheck check;
        rapidjson::Reader reader;
        rapidjson::MemoryStream ms(body.data(), body.size());
        if (!reader.Parse<kParseFlags>(ms, check)) return errors::json_invalido();
    }
    rapidjson::Document doc;
    doc.Parse<kParseFlags>(body.data(), body.size());
    if (doc.HasParseError()) return errors::json_invalido();
    if (!doc.IsObject()) return errors::json_invalido("El cuerpo de la petición debe ser un objeto JSON");
    return doc;
}

std::optional<std::string> rejected_value(const rapidjson::Value& v) {
    if (v.IsString()) return rejected_string(std::string_view(v.GetString(), v.GetStringLength()));
    JsonOut out;
    v.Accept(out.writer());
    if (out.view().size() > 400) return std::nullopt;
    return out.str();
}

const rapidjson::Value* JsonFields::member(std::string_view name) const {
    auto it = object_.FindMember(rapidjson::Value(rapidjson::StringRef(name.data(), name.size())));
    if (it == object_.MemberEnd() || it->value.IsNull()) return nullptr;
    return &it->value;
}

bool JsonFields::present(std::string_view name) const { return member(name) != nullptr; }

bool JsonFields::has_member(std::string_view name) const {
    return object_.FindMember(rapidjson::Value(rapidjson::StringRef(name.data(), name.size()))) != object_.MemberEnd();
}

std::optional<std::int64_t> JsonFields::id(std::string_view name, bool required) {
    const rapidjson::Value* v = member(name);
    if (!v) {
        if (required) add(requerido(std::string(name)));
        return std::nullopt;
    }
    // §0.3: non-negative integers; strings of 1–19 digits for compatibility.
    if (v->IsInt64() && v->GetInt64() >= 0 && !v->IsDouble()) return v->GetInt64();
    if (v->IsString()) {
        if (auto id = domain::parse_id(std::string_view(v->GetString(), v->GetStringLength()))) return id;
    }
    add(formato(std::string(name), rejected_value(*v), "debe ser un identificador entero no negativo"));
    return std::nullopt;
}

std::optional<std::int64_t> JsonFields::integer(std::string_view name, bool required, std::int64_t min, std::int64_t max) {
    const rapidjson::Value* v = member(name);
    if (!v) {
        if (required) add(requerido(std::string(name)));
        return std::nullopt;
    }
    if (!v->IsInt64() || v->IsDouble()) {
        add(formato(std::string(name), rejected_value(*v), "debe ser un número entero"));
        return std::nullopt;
    }
    if (v->GetInt64() < min || v->GetInt64() > max) {
        add(FieldError{std::string(name), "fuera de rango", "RANGO", rejected_value(*v)});
        return std::nullopt;
    }
    return v->GetInt64();
}

std::optional<FieldError> check_string(std::string_view field, std::string_view value, const JsonFields::StringRule& rule) {
    auto shown = [&]() { return rule.secret ? std::nullopt : rejected_string(value); };
    if (!domain::is_valid_utf8(value)) return formato(std::string(field), std::nullopt, "texto UTF-8 inválido");
    if (value.find('\0') != std::string_view::npos) return formato(std::string(field), shown(), "contiene el carácter U+0000");
    if (rule.non_blank && domain::is_blank(value)) return FieldError{std::string(field), "no puede estar vacío", "REQUERIDO", shown()};
    if (rule.max_code_points && domain::code_points(value) > rule.max_code_points)
        return longitud_maxima(std::string(field), rule.max_code_points, shown());
    return std::nullopt;
}

std::optional<std::string> JsonFields::string(std::string_view name, StringRule rule) {
    const rapidjson::Value* v = member(name);
    if (!v) {
        if (rule.required) add(requerido(std::string(name)));
        return std::nullopt;
    }
    std::string value;
    if (v->IsString()) {
        value.assign(v->GetString(), v->GetStringLength());
    } else if (v->IsNumber()) {
        // §0.3 (compat): a number is taken as its shortest decimal text (80.50 → "80.5").
        JsonOut out;
        v->Accept(out.writer());
        value = out.str();
    } else {
        add(formato(std::string(name), rule.secret ? std::nullopt : rejected_value(*v), "debe ser texto"));
        return std::nullopt;
    }
    if (auto problem = check_string(name, value, rule)) {
        add(std::move(*problem));
        return std::nullopt;
    }
    return value;
}

std::optional<domain::LocalDateTime> JsonFields::date_time(std::string_view name, bool required) {
    const rapidjson::Value* v = member(name);
    if (!v) {
        if (required) add(requerido(std::string(name)));
        return std::nullopt;
    }
    if (v->IsString()) {
        if (auto t = domain::parse_local_date_time(std::string_view(v->GetString(), v->GetStringLength()))) return t;
    }
    add(formato(std::string(name), rejected_value(*v), "fecha y hora con formato YYYY-MM-DDTHH:MM:SS"));
    return std::nullopt;
}

std::optional<domain::LocalDate> JsonFields::date(std::string_view name, bool required) {
    const rapidjson::Value* v = member(name);
    if (!v) {
        if (required) add(requerido(std::string(name)));
        return std::nullopt;
    }
    if (v->IsString()) {
        if (auto d = domain::parse_local_date(std::string_view(v->GetString(), v->GetStringLength()))) return d;
    }
    add(formato(std::string(name), rejected_value(*v), "fecha con formato YYYY-MM-DD"));
    return std::nullopt;
}

std::optional<bool> JsonFields::boolean(std::string_view name, bool required) {
    const rapidjson::Value* v = member(name);
    if (!v) {
        if (required) add(requerido(std::string(name)));
        return std::nullopt;
    }
    if (v->IsBool()) return v->GetBool();
    add(formato(std::string(name), rejected_value(*v), "debe ser true o false"));
    return std::nullopt;
}

}  // namespace pendientes
