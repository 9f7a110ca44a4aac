#include "handlers/detalle_flow.hpp"

#include <vector>

namespace pendientes::handlers::detalle {
namespace {

// §5.5: ppoe, ppoePassword and vlan are at most 50 code points, non-blank (§8.6).
constexpr JsonFields::StringRule kRed{.required = true, .non_blank = true, .max_code_points = 50};

// A required §8.6 parameter; problems are appended to `errors`.
std::optional<std::string> red_param(const Context& ctx, std::string_view name, JsonFields::StringRule rule,
                                     std::vector<FieldError>& errors) {
    auto value = ctx.param(name);
    if (!value) {
        errors.push_back(requerido(std::string(name)));
        return std::nullopt;
    }
    if (auto problem = check_string(name, *value, rule)) {
        errors.push_back(std::move(*problem));
        return std::nullopt;
    }
    return value;
}

}  // namespace

std::string mensaje(std::string_view nombre, bool femenino, std::string_view participio) {
    std::string text(nombre);
    text += ' ';
    text += participio;
    if (femenino && !participio.empty() && participio.back() == 'o') text.back() = 'a';
    text += " correctamente";
    return text;
}

ApiError no_encontrado(std::string_view nombre, bool femenino) {
    std::string text(nombre);
    text += femenino ? " no encontrada para este pendiente" : " no encontrado para este pendiente";
    return errors::no_encontrado(std::move(text));
}

ApiError duplicado(std::string_view nombre) {
    return errors::duplicado("El pendiente ya tiene registrado el detalle: " + std::string(nombre));
}

Result<db::PendienteRow> pendiente_para_leer(Context& ctx, std::int64_t id, domain::TipoPendiente tipo) {
    auto p = pendiente_visible(ctx, id);
    if (!p) return p;
    if (p->tipo != tipo) return errors::tipo_no_coincide();
    return p;
}

Result<db::PendienteRow> pendiente_para_escribir(Context& ctx, std::int64_t id, domain::TipoPendiente tipo) {
    auto p = pendiente_writable_locked(ctx, id);
    if (!p) return p;
    if (p->tipo != tipo) return errors::tipo_no_coincide();
    return p;
}

void check_pendiente_id_de_ruta(JsonFields& f, std::int64_t path_id) {
    if (!f.present("pendienteId")) return;
    auto body_id = f.id("pendienteId", false);  // a malformed id is recorded by the reader
    if (body_id && *body_id != path_id)
        f.add(FieldError{"pendienteId", "no coincide con el id de la ruta", "NO_COINCIDE",
                         std::to_string(*body_id)});
}

Result<Ppoe> parse_ppoe(const Context& ctx) {
    std::vector<FieldError> problems;
    auto user = red_param(ctx, "ppoeUser", kRed, problems);
    JsonFields::StringRule secret = kRed;
    secret.secret = true;  // §1.2: never echo a password in rejectedValue
    auto password = red_param(ctx, "ppoePassword", secret, problems);
    if (!problems.empty()) return errors::validacion(std::move(problems));
    return Ppoe{std::move(*user), std::move(*password)};
}

Result<std::string> parse_vlan(const Context& ctx) {
    std::vector<FieldError> problems;
    auto vlan = red_param(ctx, "vlan", kRed, problems);
    if (!vlan) return errors::validacion(std::move(problems));
    return std::move(*vlan);
}

}  // namespace pendientes::handlers::detalle
