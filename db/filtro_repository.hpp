#pragma once
// POST /api/pendientes/filtrar (API.md §7.3). Every criterion is optional: the statement is
// put together from constant fragments, one per criterion present, and the ORDER BY comes
// from the sort whitelist (§13). Request data is only ever bound, never spliced into SQL.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/connection.hpp"
#include "db/listado_cache.hpp"
#include "db/pendiente_repository.hpp"

namespace pendientes::db {

// The titulo criterion (§7.3) in SQL form: the LIKE of the whole text, and the index range over
// the word suffixes of sql/migrations/011_sufijos_titulo.sql that finds its candidates.
struct FiltroTitulo {
    std::string contiene;               // `%texto%`, wildcards of the text escaped
    std::optional<std::string> sufijo;  // `pieza%`: its longest space-free piece, when 3+ characters
    bool exacto = false;                // the range alone finds exactly the matches (no LIKE needed)
};
FiltroTitulo filtro_titulo(std::string_view texto);

// What the caller may see (§3.3) plus the §7.3 criteria, already validated and in SQL form.
struct FiltroPendientes {
    // visible(P) = VER_TODOS or (VER_DETALLE and own(P)) or (VER_PENDIENTES_HISTORIAL and closed).
    bool ver_todos = false;
    std::optional<std::int64_t> propio_empleado;  // set when VER_DETALLE and the caller has an empleado
    bool ver_historial = false;

    std::optional<std::int64_t> cliente_id;
    std::optional<std::int64_t> usuario_empleado;  // usuarioId resolved to its empleado
    std::optional<std::int64_t> asignado_a;
    std::optional<std::int64_t> registrado_por;
    std::vector<std::string> estados;            // enum names, each at most once; empty: no criterion
    std::optional<std::string> estados_tecnico;  // comma-joined enum names (never contain a comma)
    std::optional<std::string> fecha_desde;      // DATETIME text, inclusive
    std::optional<std::string> fecha_hasta;      // DATETIME text, inclusive
    std::optional<std::string> tipo;
    std::optional<std::string> prioridad;
    std::optional<std::string> lugar;
    std::optional<FiltroTitulo> titulo;
};

// §7.3 sort whitelist, in the order of the statement table.
enum class CampoOrden { Id, FechaCreacion, FechaPendiente, Estado, EstadoTecnico, Tipo, Prioridad, Lugar, Empresa, Direccion };
struct Orden {
    CampoOrden campo = CampoOrden::FechaCreacion;
    bool asc = false;
};

struct PaginaPendientes {
    std::vector<PendienteRow> content;
    std::int64_t total = 0;
};

PaginaPendientes filtrar_pendientes(Connection& db, const FiltroPendientes& filtro, Orden orden, std::int64_t offset,
                                    std::int64_t limit);

// The same page, answered from `cache` when it holds this question under `cambios`, the
// listado_cambios sum read with the caller (db/listado_cache.hpp); without `cambios`, or for
// a page of more than 100 rows, it always reads the database.
std::shared_ptr<const PaginaPendientes> filtrar_pendientes(Connection& db, const FiltroPendientes& filtro, Orden orden,
                                                          std::int64_t offset, std::int64_t limit, ListadoCache& cache,
                                                          std::optional<std::uint64_t> cambios);

// §7.3 usuarioId: the empleado linked to a vigente usuario; nullopt when unknown or unlinked.
std::optional<std::int64_t> empleado_de_usuario(Connection& db, std::int64_t usuario_id);

// The exact statements filtrar_pendientes() runs for these arguments, and the binders of their
// parameters: tests/integration/indexes_test.cpp EXPLAINs the real statements with them.
std::string filtrar_page_sql(const FiltroPendientes& filtro, Orden orden);
void bind_filtrar_page(Statement& st, const FiltroPendientes& filtro, Orden orden, std::int64_t offset,
                       std::int64_t limit);
std::string filtrar_count_sql(const FiltroPendientes& filtro);
void bind_filtrar_count(Statement& st, const FiltroPendientes& filtro);

}  // namespace pendientes::db
