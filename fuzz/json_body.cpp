// Fuzz target: request bodies (API.md §0.3). parse_json_object on arbitrary bytes, then one
// JsonFields pass that reads every field of every request type with the reader and the rule its
// handler uses. Beyond "no crash", it checks what a client would see: an accepted value obeys its
// rule, a rejected one leaves exactly one FieldError, and every rejectedValue is valid JSON/UTF-8.
#include <rapidjson/document.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/json_body.hpp"
#include "domain/enums.hpp"
#include "domain/local_date_time.hpp"
#include "domain/permisos.hpp"
#include "domain/values.hpp"

using namespace pendientes;

namespace {

void require(bool ok) {
    if (!ok) __builtin_trap();
}

// rejectedValue is pasted into the error envelope as JSON text: it must be one valid JSON value.
void check_rejected(const std::optional<std::string>& json) {
    if (!json) return;
    require(domain::is_valid_utf8(*json));
    rapidjson::Document d;
    d.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag>(json->data(), json->size());
    require(!d.HasParseError());
}

class Pass {
public:
    explicit Pass(const rapidjson::Value& object) : object_(object), f_(object) {}

    // What every reader promises about the errors it records.
    template <class T>
    void after(std::string_view name, bool required, const std::optional<T>& value, std::size_t before) {
        const std::size_t added = f_.errors().size() - before;
        if (value) {
            require(added == 0);
            require(f_.present(name));
        } else if (f_.present(name)) {
            require(added == 1);
        } else {
            require(added == (required ? 1u : 0u));
        }
        for (std::size_t i = before; i < f_.errors().size(); ++i) {
            const FieldError& e = f_.errors()[i];
            require(!e.field.empty() && !e.code.empty() && !e.error.empty());
            check_rejected(e.rejected_json);
        }
    }

    void id(std::string_view name, bool required) {
        const auto before = f_.errors().size();
        auto v = f_.id(name, required);
        after(name, required, v, before);
        if (v) require(*v >= 0);
    }

    void string(std::string_view name, JsonFields::StringRule rule) {
        const auto before = f_.errors().size();
        auto v = f_.string(name, rule);
        after(name, rule.required, v, before);
        if (!v) return;
        require(domain::is_valid_utf8(*v));
        require(!domain::contains_nul(*v));
        if (rule.non_blank) require(!domain::is_blank(*v));
        if (rule.max_code_points) require(domain::code_points(*v) <= rule.max_code_points);
        // check_string is the same rule for query/form values: it must agree.
        require(!check_string(name, *v, rule));
    }

    void date_time(std::string_view name, bool required) {
        const auto before = f_.errors().size();
        auto v = f_.date_time(name, required);
        after(name, required, v, before);
        if (!v) return;
        require(domain::is_valid(*v));
        require(domain::parse_local_date_time(domain::format_local_date_time(*v)) == v);
        require(domain::from_sql(domain::to_sql(*v)) == v);
    }

    void date(std::string_view name, bool required) {
        const auto before = f_.errors().size();
        auto v = f_.date(name, required);
        after(name, required, v, before);
        if (!v) return;
        require(domain::is_valid(*v));
        require(domain::parse_local_date(domain::format_local_date(*v)) == v);
    }

    void boolean(std::string_view name, bool required) {
        const auto before = f_.errors().size();
        auto v = f_.boolean(name, required);
        after(name, required, v, before);
    }

    void integer(std::string_view name, bool required, std::int64_t min, std::int64_t max) {
        const auto before = f_.errors().size();
        auto v = f_.integer(name, required, min, max);
        after(name, required, v, before);
        if (v) require(*v >= min && *v <= max);
    }

    template <domain::DomainEnum E>
    void enumeration(std::string_view name, bool required) {
        const auto before = f_.errors().size();
        auto v = f_.enumeration<E>(name, required);
        after(name, required, v, before);
        if (v) require(domain::parse_enum<E>(domain::name_of(*v)) == v);
    }

    // An empty list is "no criterion": nullopt without an error; otherwise one error per bad item.
    template <domain::DomainEnum E>
    void enum_list(std::string_view name) {
        const auto before = f_.errors().size();
        auto v = f_.enum_list<E>(name);
        for (std::size_t i = before; i < f_.errors().size(); ++i) check_rejected(f_.errors()[i].rejected_json);
        if (v) {
            require(f_.errors().size() == before && !v->empty());
            for (E e : *v) require(!domain::name_of(e).empty());
        }
        auto it = object_.FindMember(rapidjson::Value(rapidjson::StringRef(name.data(), name.size())));
        if (it == object_.MemberEnd() || it->value.IsNull()) require(!v && f_.errors().size() == before);
    }

    JsonFields& fields() { return f_; }

private:
    const rapidjson::Value& object_;
    JsonFields f_;
};

constexpr JsonFields::StringRule kOpt(std::size_t max) { return {.max_code_points = max}; }
constexpr JsonFields::StringRule kReq(std::size_t max) { return {.required = true, .non_blank = true, .max_code_points = max}; }
constexpr JsonFields::StringRule kNonBlank(std::size_t max) { return {.non_blank = true, .max_code_points = max}; }

// Every field name and reader the handlers use, grouped by request type (§2, §5–§11). The
// passes are independent: one JsonFields per request type, as in the handlers.
void every_request_type(const rapidjson::Value& body) {
    using namespace domain;
    {  // LoginRequest (§2.1)
        Pass p(body);
        p.string("dni", kReq(150));
        p.string("password", {.required = true, .secret = true});
        for (const auto& e : p.fields().errors()) {
            if (e.field == "password") require(!e.rejected_json);  // a secret is never echoed
        }
    }
    {  // CrearPendienteRequest / ActualizarPendienteRequest (§7.2, §7.6)
        Pass p(body);
        p.id("registradoPorId", false);
        p.id("asignadoAId", false);
        p.date_time("fechaPendiente", false);
        p.enumeration<EstadoPendiente>("estado", false);
        p.enumeration<EstadoTecnico>("estadoTecnico", false);
        p.enumeration<EmpresaPendiente>("empresa", false);
        p.enumeration<LugarPendiente>("lugar", true);
        p.enumeration<PrioridadPendiente>("prioridad", true);
        p.enumeration<TipoPendiente>("tipo", true);
        p.string("direccion", kOpt(200));
        p.id("clienteId", true);
    }
    {  // FiltrarPendientesRequest (§7.3)
        Pass p(body);
        p.id("clienteId", false);
        p.id("usuarioId", false);
        p.id("asignadoAId", false);
        p.id("registradoPorId", false);
        p.enum_list<EstadoPendiente>("estados");
        p.enum_list<EstadoTecnico>("estadosTecnico");
        p.enumeration<TipoPendiente>("tipo", false);
        p.enumeration<PrioridadPendiente>("prioridad", false);
        p.enumeration<LugarPendiente>("lugar", false);
        p.string("titulo", kOpt(200));
    }
    {  // Transitions (§7.4): estado, asignar, postergar
        Pass p(body);
        p.enumeration<EstadoPendiente>("estado", true);
        p.string("motivo", kOpt(500));
        p.id("empleadoId", true);
        p.date_time("nuevaFecha", true);
        p.string("motivo", kOpt(200));
    }
    {  // Detalles (§8): traslado, averia, instalacion-internet, instalacion-camaras, recojo
        Pass p(body);
        p.id("pendienteId", true);
        p.enumeration<LugarPendiente>("lugarDestino", true);
        p.string("direccionDestino", kReq(200));
        p.string("descripcionFalla", kReq(4000));
        p.enumeration<TipoServicio>("tipoServicio", true);
        p.enumeration<TipoInstalacion>("tipoInstalacion", true);
        p.string("velocidadSolicitada", kReq(50));
        p.string("costoFijo", kOpt(50));
        p.enumeration<TipoDispositivoRecojo>("dispositivo", true);
    }
    {  // Historial de detalles (§9)
        Pass p(body);
        p.id("pendienteId", true);
        p.string("detalles", kReq(500));
    }
    {  // Tiempos (§9.2, §9.3: a present null clears horaFin/descripcion)
        Pass p(body);
        p.id("pendienteId", true);
        p.id("empleadoId", true);
        p.date_time("horaInicio", false);
        p.date_time("horaFin", false);
        p.string("descripcion", kOpt(255));
        if (p.fields().present("horaFin")) require(p.fields().has_member("horaFin"));
    }
    {  // Clientes (§11.1)
        Pass p(body);
        p.enumeration<TipoCliente>("tipoCliente", true);
        p.enumeration<TipoDocumento>("tipoDocumento", true);
        p.string("numeroDocumento", kReq(200));
        p.string("codigoCliente", kReq(200));
        p.string("nombre", kReq(150));
        p.string("apellidoPaterno", kNonBlank(150));
        p.string("apellidoMaterno", kOpt(150));
        p.string("contactoRepresentante", kOpt(150));
        p.string("correo", kOpt(255));
        p.string("telefono", kOpt(20));
        p.string("direccion", kOpt(200));
        p.enumeration<LugarPendiente>("lugar", false);
    }
    {  // Empleados (§11.2)
        Pass p(body);
        p.string("nombre", kReq(150));
        p.string("apellidoPaterno", {.required = true, .non_blank = true, .max_code_points = 150});
        p.string("apellidoMaterno", {.required = true, .max_code_points = 150});
        p.string("telefono", kOpt(255));
        p.string("email", kOpt(100));
        p.id("cargoId", true);
        p.date("fechaIngreso", true);
    }
    {  // Usuarios, roles, cargos (§11.2, §11.3)
        Pass p(body);
        p.string("nombre", kNonBlank(150));
        p.string("dni", kNonBlank(150));
        p.string("email", kNonBlank(150));
        p.string("password", {.secret = true});
        p.string("idRol", kNonBlank(50));
        p.id("empleadoId", false);
        p.boolean("activo", false);
        p.string("id", kReq(50));
        p.string("descripcion", kOpt(200));
        p.integer("permisos", false, 0, kAllPermisos);
        p.string("nombre", kReq(100));
        p.string("descripcion", kOpt(255));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    auto doc = parse_json_object(body);
    if (!doc) {
        require(doc.error().status == 400 && doc.error().error_code == "JSON_INVALIDO");
        return 0;
    }
    require(doc->IsObject());
    require(domain::is_valid_utf8(body));  // §0.3: invalid UTF-8 never gets past the parser
    every_request_type(*doc);
    // Validators also run on nested objects (e.g. a detalle inside a body): same guarantees.
    for (auto it = doc->MemberBegin(); it != doc->MemberEnd(); ++it)
        if (it->value.IsObject()) every_request_type(it->value);
    return 0;
}
