#pragma once
// The error model of API.md §1.2: one value that the edge (fcgi/dispatch) turns into the envelope.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pendientes {

struct FieldError {
    std::string field;
    std::string error;
    std::string code;  // REQUERIDO, LONGITUD_MAXIMA, FORMATO, VALOR_NO_PERMITIDO, RANGO, NO_COINCIDE
    // The offending value as JSON text; nullopt is written as null (secrets, long strings).
    std::optional<std::string> rejected_json;
};

struct ApiError {
    int status = 500;
    std::string error_code;
    std::string message;
    std::vector<FieldError> errors;
};

namespace errors {
ApiError json_invalido(std::string message = "El cuerpo de la petición no es un JSON válido");
ApiError validacion(std::vector<FieldError> errors);
ApiError validacion(FieldError error);
ApiError transicion_invalida(std::string message = "Transición de estado no permitida");
ApiError tipo_no_coincide(std::string message = "El pendiente no es del tipo indicado");
ApiError no_autenticado();
ApiError token_invalido();
ApiError token_expirado();
ApiError usuario_inactivo();
ApiError credenciales_invalidas();
ApiError sin_permiso();
ApiError no_encontrado(std::string message = "Recurso no encontrado");
ApiError ruta_no_encontrada();
ApiError metodo_no_permitido();
ApiError duplicado(std::string message = "El registro ya existe");
ApiError detalle_requerido(std::string message = "Registre primero el detalle del pendiente");
ApiError configuracion_pendiente();
ApiError pendiente_cerrado();
ApiError en_uso(std::string message = "El recurso está en uso");
ApiError cuerpo_demasiado_grande();
ApiError demasiados_intentos();
ApiError tipo_contenido_no_soportado();
ApiError servicio_no_disponible();
// A change whose commit lost its answer (db::DbErrorKind::CommitUnknown): the client must look
// before it repeats a create.
ApiError resultado_desconocido();
ApiError error_interno();
}  // namespace errors

// Field error helpers shared by every validator.
FieldError requerido(std::string field);
FieldError formato(std::string field, std::optional<std::string> rejected_json, std::string error = "formato inválido");
FieldError longitud_maxima(std::string field, std::size_t max, std::optional<std::string> rejected_json);
FieldError valor_no_permitido(std::string field, std::optional<std::string> rejected_json,
                              std::string error = "valor no permitido");

// JSON text of a string value for rejectedValue: null when longer than 100 code points (§1.2).
std::optional<std::string> rejected_string(std::string_view value);

}  // namespace pendientes
