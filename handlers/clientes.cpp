// /api/clientes (API.md §11.1).

#include "db/cliente_repository.hpp"
#include "handlers/handlers.hpp"
#include "handlers/paging.hpp"
#include "handlers/presenters.hpp"

namespace pendientes::handlers {
namespace {

bool matches(std::string_view s, bool (*ok)(char), std::size_t min, std::size_t max) {
    if (s.size() < min || s.size() > max) return false;
    for (char c : s)
        if (!ok(c)) return false;
    return true;
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// §11.1: numeroDocumento format by tipoDocumento.
bool documento_valido(domain::TipoDocumento tipo, std::string_view numero) {
    switch (tipo) {
        case domain::TipoDocumento::DNI: return matches(numero, is_digit, 8, 8);
        case domain::TipoDocumento::RUC: return matches(numero, is_digit, 11, 11);
        case domain::TipoDocumento::CE: return matches(numero, is_alnum, 1, 12);
        case domain::TipoDocumento::OTRO: return true;
    }
    return false;
}

FieldError documento_invalido(const std::string& numero) {
    return formato("numeroDocumento", rejected_string(numero), "no corresponde al tipo de documento");
}

// The members of a cliente body (§11.1, limits of §5.5); `required` for creation.
struct Campos {
    std::optional<std::string> nombre;
    std::optional<domain::TipoCliente> tipo_cliente;
    std::optional<domain::TipoDocumento> tipo_documento;
    std::optional<std::string> numero_documento;
    std::optional<std::string> codigo_cliente;
    std::optional<std::string> direccion;
    std::optional<std::string> telefono;
    std::optional<std::string> email;
    std::optional<std::string> contacto_representante;
};

Campos read_campos(JsonFields& f, bool required) {
    Campos c;
    c.nombre = f.string("nombre", {.required = required, .non_blank = true, .max_code_points = 150});
    c.tipo_cliente = f.enumeration<domain::TipoCliente>("tipoCliente", required);
    c.tipo_documento = f.enumeration<domain::TipoDocumento>("tipoDocumento", required);
    c.numero_documento = f.string("numeroDocumento", {.required = required, .non_blank = true, .max_code_points = 200});
    c.codigo_cliente = f.string("codigoCliente", {.required = required, .non_blank = true, .max_code_points = 200});
    c.direccion = f.string("direccion", {.max_code_points = 200});
    c.telefono = f.string("telefono", {.max_code_points = 20});
    c.email = f.string("email", {.max_code_points = 100});
    c.contacto_representante = f.string("contactoRepresentante", {.max_code_points = 150});
    return c;
}

}  // namespace

Response listar_clientes(Context& ctx) {
    auto page = read_page_request(ctx, 20);
    if (!page) return page.error();
    auto result = db::list_clientes_vigentes(ctx.db, page->offset(), page->size);
    present::PageInfo info{page->page, page->size, result.total, static_cast<std::int64_t>(result.content.size()), false};
    return success("Clientes obtenidos correctamente", [&](JsonWriter& w) {
        present::page(w, info, [&](JsonWriter& w2) { present::array(w2, result.content, present::cliente); });
    });
}

Response obtener_cliente(Context& ctx) {
    auto id = ctx.path_id(0);
    if (!id) return id.error();
    auto c = db::find_cliente_vigente(ctx.db, *id);
    if (!c) return errors::no_encontrado("Cliente no encontrado");
    return success("Cliente obtenido correctamente", [&](JsonWriter& w) { present::cliente(w, *c); });
}

Response crear_cliente(Context& ctx) {
    auto body = ctx.json_body();
    if (!body) return body.error();
    JsonFields f(*body);
    auto campos = read_campos(f, true);
    if (campos.tipo_documento && campos.numero_documento &&
        !documento_valido(*campos.tipo_documento, *campos.numero_documento))
        f.add(documento_invalido(*campos.numero_documento));
    if (!f.ok()) return f.error();

    db::ClienteRow c;
    c.nombre = *campos.nombre;
    c.tipo_cliente = std::string(domain::name_of(*campos.tipo_cliente));
    c.tipo_documento = std::string(domain::name_of(*campos.tipo_documento));
    c.numero_documento = *campos.numero_documento;
    c.codigo_cliente = *campos.codigo_cliente;
    c.direccion = campos.direccion;
    c.telefono = campos.telefono;
    c.email = campos.email;
    c.contacto_representante = campos.contacto_representante;
    db::Transaction tx(ctx.db);
    auto id = db::insert_cliente(ctx.db, c);
    if (!id) return errors::duplicado("Ya existe un cliente con ese código");
    auto created = db::find_cliente_vigente(ctx.db, *id);
    if (!created) return errors::error_interno();
    tx.commit();
    return success("Cliente creado correctamente", [&](JsonWriter& w) { present::cliente(w, *created); });
}

// Partial update (§11.1): only members present change, with the rules of creation. The
// document format is checked on the result, so changing tipoDocumento alone re-checks the
// stored numeroDocumento.
Response actualizar_cliente(Context& ctx) {
    auto body = ctx.json_body();
    if (!body) return body.error();
    JsonFields f(*body);
    auto id = ctx.path_id(0);
    if (!id) {
        for (auto& e : id.error().errors) f.add(std::move(e));
    }
    auto campos = read_campos(f, false);
    if (!f.ok()) return f.error();

    db::Transaction tx(ctx.db);
    auto actual = db::lock_cliente_vigente(ctx.db, *id);
    if (!actual) return errors::no_encontrado("Cliente no encontrado");
    auto tipo = campos.tipo_documento ? campos.tipo_documento
                                      : domain::parse_enum<domain::TipoDocumento>(actual->tipo_documento);
    const std::string numero = campos.numero_documento.value_or(actual->numero_documento);
    if (tipo && !documento_valido(*tipo, numero)) return errors::validacion(documento_invalido(numero));

    db::CambiosCliente c;
    if (campos.tipo_cliente) c.tipo_cliente = std::string(domain::name_of(*campos.tipo_cliente));
    if (campos.tipo_documento) c.tipo_documento = std::string(domain::name_of(*campos.tipo_documento));
    c.nombre = campos.nombre;
    c.numero_documento = campos.numero_documento;
    c.codigo_cliente = campos.codigo_cliente;
    c.direccion = campos.direccion;
    c.telefono = campos.telefono;
    c.email = campos.email;
    c.contacto_representante = campos.contacto_representante;
    if (!db::update_cliente(ctx.db, *id, c)) return errors::duplicado("Ya existe un cliente con ese código");
    auto updated = db::find_cliente_vigente(ctx.db, *id);
    if (!updated) return errors::error_interno();
    tx.commit();
    return success("Cliente actualizado correctamente", [&](JsonWriter& w) { present::cliente(w, *updated); });
}

// Soft delete: existing pendientes keep showing the name (§11.1).
Response eliminar_cliente(Context& ctx) {
    auto id = ctx.path_id(0);
    if (!id) return id.error();
    if (!db::soft_delete_cliente(ctx.db, *id)) return errors::no_encontrado("Cliente no encontrado");
    return success_null("Cliente eliminado correctamente");
}

}  // namespace pendientes::handlers
