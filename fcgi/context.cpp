#include "fcgi/context.hpp"

namespace pendientes {

Result<std::int64_t> Context::path_id(std::size_t index, std::string_view field) const {
    const std::string& raw = path_params_.at(index);
    if (auto id = domain::parse_id(raw)) return *id;
    return errors::validacion(formato(std::string(field), rejected_string(raw), "debe ser un identificador numérico"));
}

std::optional<std::string> Context::param(std::string_view name) const {
    if (!query_) query_ = parse_form(request.query_string);
    if (auto v = find_param(*query_, name)) return v;
    if (!form_) {
        form_.emplace();
        if (parse_media_type(request.content_type).type == "application/x-www-form-urlencoded")
            *form_ = parse_form(request.body);
    }
    return find_param(*form_, name);
}

std::optional<ApiError> Context::content_type_problem() const {
    MediaType mt = parse_media_type(request.content_type);
    if (mt.type.empty() && request.body.empty()) return std::nullopt;  // no body at all: JSON_INVALIDO below
    if (mt.type != "application/json") return errors::tipo_contenido_no_soportado();
    if (mt.charset && *mt.charset != "utf-8" && *mt.charset != "utf8") return errors::tipo_contenido_no_soportado();
    return std::nullopt;
}

Result<rapidjson::Document> Context::json_body() const {
    if (auto problem = content_type_problem()) return *problem;
    return parse_json_object(request.body);
}

Result<rapidjson::Document> Context::optional_json_body() const {
    if (request.body.find_first_not_of(" \t\r\n") == std::string::npos) {
        rapidjson::Document empty;
        empty.SetObject();
        return empty;
    }
    return json_body();
}

}  // namespace pendientes
