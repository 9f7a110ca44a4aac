#include "common/api_error.hpp"

#include "common/json_writer.hpp"
#include "domain/values.hpp"

namespace pendientes {
namespace {
ApiError make(int status, const char* code, std::string message) {
    return ApiError{status, code, std::move(message), {}};
}
}  // namespace

namespace errors {
ApiError json_invalido(std::string message) { return make(400, "JSON_INVALIDO", std::move(message)); }
ApiError validacion(std::vector<FieldError> errors) {
    ApiError e = make(400, "VALIDACION", "La petición contiene datos inválidos");
    e.errors = std::move(errors);
    return e;
}
ApiError validacion(FieldError error) {
    std::vector<FieldError> v;
    v.push_back(std::move(error));
    return validacion(std::move(v));
}
ApiError transicion_invalida(std::string message) { return make(400, "TRANSICION_INVALIDA", std::move(message)); }
ApiError tipo_no_coincide(std::string message) { return make(400, "TIPO_NO_COINCIDE", std::move(message)); }
ApiError no_autenticado() { return make(401, "NO_AUTENTICADO", "Se requiere autenticación"); }
ApiError token_invalido() { return make(401, "TOKEN_INVALIDO", "Token inválido"); }
ApiError token_expirado() { return make(401, "TOKEN_EXPIRADO", "El token ha expirado"); }
ApiError usuario_inactivo() { return make(401, "USUARIO_INACTIVO", "El usuario no está activo"); }
ApiError credenciales_invalidas() { return make(401, "CREDENCIALES_INVALIDAS", "DNI o contraseña incorrectos"); }
ApiError sin_permiso() { return make(403, "SIN_PERMISO", "No tiene permiso para esta acción"); }
ApiError no_encontrado(std::string message) { return make(404, "NO_ENCONTRADO", std::move(message)); }
ApiError ruta_no_encontrada() { return make(404, "RUTA_NO_ENCONTRADA", "Ruta no encontrada"); }
ApiError metodo_no_permitido() { return make(405, "METODO_NO_PERMITIDO", "Método no permitido para esta ruta"); }
ApiError duplicado(std::string message) { return make(409, "DUPLICADO", std::move(message)); }
ApiError detalle_requerido(std::string message) { return make(409, "DETALLE_REQUERIDO", std::move(message)); }
ApiError configuracion_pendiente() {
    return make(409, "CONFIGURACION_PENDIENTE", "La configuración PPPoE/VLAN del pendiente no está completa");
}
ApiError pendiente_cerrado() { return make(409, "PENDIENTE_CERRADO", "El pendiente está cerrado"); }
ApiError en_uso(std::string message) { return make(409, "EN_USO", std::move(message)); }
ApiError cuerpo_demasiado_grande() {
    return make(413, "CUERPO_DEMASIADO_GRANDE", "El cuerpo de la petición es demasiado grande");
}
// Not in the §1.2 table (the original had no throttling): login back-off of issue 6.
ApiError demasiados_intentos() {
    return make(429, "DEMASIADOS_INTENTOS", "Demasiados intentos fallidos; espere antes de volver a intentar");
}
ApiError tipo_contenido_no_soportado() {
    return make(415, "TIPO_CONTENIDO_NO_SOPORTADO", "Tipo de contenido no soportado; use application/json");
}
// The error table has no 503 row; the faults issue asks for an ERROR_INTERNO-class envelope.
ApiError servicio_no_disponible() {
    return make(503, "ERROR_INTERNO", "Servicio no disponible temporalmente, intente de nuevo");
}
ApiError resultado_desconocido() {
    return make(503, "ERROR_INTERNO",
                "Se perdió la conexión con la base de datos al confirmar el cambio: puede haberse guardado; "
                "consúltelo antes de repetirlo");
}
ApiError error_interno() { return make(500, "ERROR_INTERNO", "Error interno del servidor"); }
}  // namespace errors

FieldError requerido(std::string field) { return FieldError{std::move(field), "es obligatorio", "REQUERIDO", std::nullopt}; }

FieldError formato(std::string field, std::optional<std::string> rejected_json, std::string error) {
    return FieldError{std::move(field), std::move(error), "FORMATO", std::move(rejected_json)};
}

FieldError longitud_maxima(std::string field, std::size_t max, std::optional<std::string> rejected_json) {
    return FieldError{std::move(field), "longitud máxima " + std::to_string(max), "LONGITUD_MAXIMA",
                      std::move(rejected_json)};
}

FieldError valor_no_permitido(std::string field, std::optional<std::string> rejected_json, std::string error) {
    return FieldError{std::move(field), std::move(error), "VALOR_NO_PERMITIDO", std::move(rejected_json)};
}

std::optional<std::string> rejected_string(std::string_view value) {
    if (!domain::is_valid_utf8(value) || domain::code_points(value) > 100) return std::nullopt;
    JsonOut out;
    out.writer().String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
    return std::string(out.view());
}

}  // namespace pendientes
