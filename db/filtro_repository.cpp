#include "db/filtro_repository.hpp"

#include <array>
#include <cstddef>

// §3.3 visibility, then every §7.3 criterion. Each criterion reads `(? IS NULL OR …)`: MariaDB
// substitutes the parameters before optimizing each execution, so an unused criterion folds
// to TRUE and the remaining ones can still use the indexes of 001_schema.sql.
// LIKE escape character: one backslash (the C++ literal holds SQL `'\\'`).
#define FILTRAR_CRITERIOS                                                                                       \
    " AND (? IS NULL OR p.cliente_id = ?)"                                                                      \
    " AND (? IS NULL OR p.asignado_a = ? OR p.registrado_por = ?)"                                              \
    " AND (? IS NULL OR p.asignado_a = ?)"                                                                      \
    " AND (? IS NULL OR p.registrado_por = ?)"                                                                  \
    " AND (? IS NULL OR FIND_IN_SET(p.estado, ?) > 0)"                                                          \
    " AND (? IS NULL OR FIND_IN_SET(p.estado_tecnico, ?) > 0)"                                                  \
    " AND (? IS NULL OR p.fecha_pendiente BETWEEN ? AND ?)"                                                     \
    " AND (? IS NULL OR p.tipo = ?)"                                                                            \
    " AND (? IS NULL OR p.prioridad = ?)"                                                                       \
    " AND (? IS NULL OR p.lugar = ?)"                                                                           \
    " AND (? IS NULL OR p.direccion LIKE ? ESCAPE '\\\\' OR c.nombre LIKE ? ESCAPE '\\\\'"                      \
    " OR c.codigo_cliente LIKE ? ESCAPE '\\\\')"

// Any caller: VER_TODOS flag, own empleado (NULL = no own rows), VER_PENDIENTES_HISTORIAL flag.
#define FILTRAR_WHERE                                                                                           \
    " WHERE p.vigente = 1"                                                                                      \
    " AND (? = 1 OR p.asignado_a = ? OR p.registrado_por = ?"                                                   \
    " OR (? = 1 AND p.estado IN ('FINALIZADO', 'CANCELADO')))" FILTRAR_CRITERIOS

// STRAIGHT_JOIN fixes the join order as written. Every criterion and the order are on p, but
// left free MariaDB starts from the small empleados or clientes tables and then sorts every
// matching row instead of reading one page off idx_pendientes_listado.
#define FILTRAR_COUNT "SELECT STRAIGHT_JOIN COUNT(*) FROM pendientes p JOIN clientes c ON c.id = p.cliente_id"
#define FILTRAR_PAGE(from, order)                                                                               \
    "SELECT STRAIGHT_JOIN " PENDIENTE_COLUMNS from PENDIENTE_JOINS FILTRAR_WHERE " ORDER BY " order             \
    " LIMIT ? OFFSET ?"

// The rows of one empleado E (asignado_a = E or registrado_por = E): a technician's own orders
// (§3.3) or the usuarioId criterion. An OR over two columns cannot use one index, and MariaDB
// would rather walk idx_pendientes_listado in order, fetching every row to test it, than
// sort E's few rows; this union reads just those rows through idx_pendientes_asignado and
// idx_pendientes_registrado. The full WHERE still applies on top, so results are identical.
#define DE_EMPLEADO                                                                                             \
    " FROM (SELECT a.id FROM pendientes a WHERE a.asignado_a = ? AND a.vigente = 1"                             \
    " UNION SELECT r.id FROM pendientes r WHERE r.registrado_por = ? AND r.vigente = 1) e"                     \
    " JOIN pendientes p ON p.id = e.id"
#define FILTRAR_COUNT_DE_EMPLEADO "SELECT STRAIGHT_JOIN COUNT(*)" DE_EMPLEADO " JOIN clientes c ON c.id = p.cliente_id"

// §7.3 order: ties by id in the same direction. MariaDB already puts NULLs first in ASC and
// last in DESC; the explicit `IS NULL` terms on the nullable columns (fechaPendiente, empresa,
// direccion) state the contract instead of relying on that. NOT NULL columns go without them so
// that fechaCreacion can be read from idx_pendientes_listado in index order.
#define ORDENES(from)                                                                                          \
    {{                                                                                                          \
        {FILTRAR_PAGE(from, "p.id DESC"), FILTRAR_PAGE(from, "p.id ASC")},                                    \
        {FILTRAR_PAGE(from, "p.fecha_creacion DESC, p.id DESC"),                                               \
         FILTRAR_PAGE(from, "p.fecha_creacion ASC, p.id ASC")},                                                \
        {FILTRAR_PAGE(from, "p.fecha_pendiente IS NULL ASC, p.fecha_pendiente DESC, p.id DESC"),               \
         FILTRAR_PAGE(from, "p.fecha_pendiente IS NULL DESC, p.fecha_pendiente ASC, p.id ASC")},               \
        {FILTRAR_PAGE(from, "p.estado DESC, p.id DESC"), FILTRAR_PAGE(from, "p.estado ASC, p.id ASC")},       \
        {FILTRAR_PAGE(from, "p.estado_tecnico DESC, p.id DESC"),                                               \
         FILTRAR_PAGE(from, "p.estado_tecnico ASC, p.id ASC")},                                                \
        {FILTRAR_PAGE(from, "p.tipo DESC, p.id DESC"), FILTRAR_PAGE(from, "p.tipo ASC, p.id ASC")},           \
        {FILTRAR_PAGE(from, "p.prioridad DESC, p.id DESC"), FILTRAR_PAGE(from, "p.prioridad ASC, p.id ASC")}, \
        {FILTRAR_PAGE(from, "p.lugar DESC, p.id DESC"), FILTRAR_PAGE(from, "p.lugar ASC, p.id ASC")},         \
        {FILTRAR_PAGE(from, "p.empresa IS NULL ASC, p.empresa DESC, p.id DESC"),                               \
         FILTRAR_PAGE(from, "p.empresa IS NULL DESC, p.empresa ASC, p.id ASC")},                               \
        {FILTRAR_PAGE(from, "p.direccion IS NULL ASC, p.direccion DESC, p.id DESC"),                           \
         FILTRAR_PAGE(from, "p.direccion IS NULL DESC, p.direccion ASC, p.id ASC")},                           \
    }}

namespace pendientes::db {
namespace {

constexpr std::size_t kCampos = 10;
using Sentencias = std::array<std::array<const char*, 2>, kCampos>;  // [campo][asc]

constexpr Sentencias kPage = ORDENES(" FROM pendientes p");
constexpr const char* kCount = FILTRAR_COUNT FILTRAR_WHERE;
constexpr Sentencias kPageDeEmpleado = ORDENES(DE_EMPLEADO);
constexpr const char* kCountDeEmpleado = FILTRAR_COUNT_DE_EMPLEADO FILTRAR_WHERE;

// The empleado whose rows bound the result, when the request has one: a caller that sees only
// its own orders, or the usuarioId criterion of a caller that sees everything.
std::optional<std::int64_t> empleado_eje(const FiltroPendientes& f) {
    if (!f.ver_todos && !f.ver_historial && f.propio_empleado) return f.propio_empleado;
    if (f.ver_todos && f.usuario_empleado) return f.usuario_empleado;
    return std::nullopt;
}

const char* page_sql(const FiltroPendientes& f, Orden orden) {
    const auto& tabla = empleado_eje(f) ? kPageDeEmpleado : kPage;
    return tabla[static_cast<std::size_t>(orden.campo)][orden.asc ? 1 : 0];
}

const char* count_sql(const FiltroPendientes& f) { return empleado_eje(f) ? kCountDeEmpleado : kCount; }

// Two binds per criterion: once for `? IS NULL`, once for the comparison.
template <class T>
void bind_twice(Statement& st, const std::optional<T>& v) {
    st.bind(v).bind(v);
}

void bind_where(Statement& st, const FiltroPendientes& f) {
    if (auto e = empleado_eje(f)) st.bind(*e).bind(*e);  // DE_EMPLEADO comes first in the text
    st.bind(std::int64_t{f.ver_todos ? 1 : 0});
    st.bind(f.propio_empleado).bind(f.propio_empleado);
    st.bind(std::int64_t{f.ver_historial ? 1 : 0});

    bind_twice(st, f.cliente_id);
    st.bind(f.usuario_empleado).bind(f.usuario_empleado).bind(f.usuario_empleado);
    bind_twice(st, f.asignado_a);
    bind_twice(st, f.registrado_por);
    bind_twice(st, f.estados);
    bind_twice(st, f.estados_tecnico);
    st.bind(f.fecha_desde).bind(f.fecha_desde).bind(f.fecha_hasta);
    bind_twice(st, f.tipo);
    bind_twice(st, f.prioridad);
    bind_twice(st, f.lugar);
    st.bind(f.titulo_patron).bind(f.titulo_patron).bind(f.titulo_patron).bind(f.titulo_patron);
}

}  // namespace

const char* const kFiltrarDefaultSql = kPage[static_cast<std::size_t>(CampoOrden::FechaCreacion)][0];
const char* const kFiltrarPropioSql = kPageDeEmpleado[static_cast<std::size_t>(CampoOrden::FechaCreacion)][0];

std::string_view filtrar_page_sql(const FiltroPendientes& filtro, Orden orden) { return page_sql(filtro, orden); }

void bind_filtrar_page(Statement& st, const FiltroPendientes& filtro, std::int64_t offset, std::int64_t limit) {
    bind_where(st, filtro);
    st.bind(limit).bind(offset);
}

PaginaPendientes filtrar_pendientes(Connection& db, const FiltroPendientes& filtro, Orden orden, std::int64_t offset,
                                    std::int64_t limit) {
    PaginaPendientes out;
    {
        Statement st = db.statement(count_sql(filtro));
        bind_where(st, filtro);
        Rows rows = st.query();
        if (rows.next()) out.total = rows.int64(1);
    }
    // Past the end there is nothing to read, but the page still reports the true totals (§1.3).
    if (offset >= out.total) return out;
    Statement st = db.statement(page_sql(filtro, orden));
    bind_filtrar_page(st, filtro, offset, limit);
    Rows rows = st.query();
    while (rows.next()) out.content.push_back(read_pendiente(rows));
    return out;
}

std::optional<std::int64_t> empleado_de_usuario(Connection& db, std::int64_t usuario_id) {
    Rows rows = db.statement("SELECT empleado_id FROM usuarios WHERE id = ? AND vigente = 1").bind(usuario_id).query();
    if (!rows.next()) return std::nullopt;
    return rows.opt_int64(1);
}

std::string like_contiene(std::string_view text) {
    std::string out = "%";
    out.reserve(text.size() + 2);
    for (char ch : text) {
        if (ch == '\\' || ch == '%' || ch == '_') out.push_back('\\');
        out.push_back(ch);
    }
    out.push_back('%');
    return out;
}

}  // namespace pendientes::db
