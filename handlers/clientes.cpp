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
    db::ClienteRow c;
    auto nombre = f.string("nombre", {.required = true, .non_blank = true, .max_code_points = 150});
    auto tipo_cliente = f.enumeration<domain::TipoCliente>("tipoCliente", true);
    auto tipo_documento = f.enumeration<domain::TipoDocumento>("tipoDocumento", true);
    auto numero = f.string("numeroDocumento", {.required = true, .non_blank = true, .max_code_points = 200});
    auto codigo = f.string("codigoCliente", {.required = true, .non_blank = true, .max_code_points = 200});
    c.direccion = f.string("direccion", {.max_code_points = 200});
    c.telefono = f.string("telefono", {.max_code_points = 20});
    c.email = f.string("email", {.max_code_points = 100});
    c.contacto_representante = f.string("contactoRepresentante", {.max_code_points = 150});
    if (tipo_documento && numero && !documento_valido(*tipo_documento, *numero))
        f.add(formato("numeroDocumento", rejected_string(*numero), "no corresponde al tipo de documento"));
    if (!f.ok()) return f.error();

    c.nombre = *nombre;
    c.tipo_cliente = std::string(domain::name_of(*tipo_cliente));
    c.tipo_documento = std::string(domain::name_of(*tipo_documento));
    c.numero_documento = *numero;
    c.codigo_cliente = *codigo;
    auto id = db::insert_cliente(ctx.db, c);
    if (!id) return errors::duplicado("Ya existe un cliente con ese código");
    auto created = db::find_cliente_vigente(ctx.db, *id);
    if (!created) return errors::error_interno();
    return success("Cliente creado correctamente", [&](JsonWriter& w) { present::cliente(w, *created); });
}

// TODO(stub): not implemented yet.
Response actualizar_cliente(Context&) { return errors::ruta_no_encontrada(); }
Response eliminar_cliente(Context&) { return errors::ruta_no_encontrada(); }

}  // namespace pendientes::handlers
