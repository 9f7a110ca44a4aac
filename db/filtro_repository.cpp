#include "db/filtro_repository.hpp"

#include <array>
#include <cstddef>
#include <stdexcept>
#include <variant>

// /filtrar (§7.3) statements. Each one is put together from the constant fragments below: one
// per criterion present in the request, the §3.3 visibility fragment the caller needs, and the
// ORDER BY of the sort whitelist. Request values are only ever bound (`?`); which fragments
// appear depends only on which criteria are present, never on their values. The statements are
// cached by text per connection (db/connection.cpp), so each shape is prepared once.
//
// An absent criterion is left out rather than neutralised with `? IS NULL OR …`: MariaDB does
// not fold such a term away in a prepared statement, so every row would be fetched to test it
// and no covering index could answer a COUNT (measured by bench/ at 1M rows: 6 s for the
// dispatcher's estados count, 14 ms without the dead terms).

namespace pendientes::db {
namespace {

// LIKE escape character: one backslash (the C++ literal holds SQL `'\\'`).
constexpr const char* kCliente = " AND p.cliente_id = ?";
constexpr const char* kUsuario = " AND (p.asignado_a = ? OR p.registrado_por = ?)";
constexpr const char* kAsignado = " AND p.asignado_a = ?";
constexpr const char* kRegistrado = " AND p.registrado_por = ?";
constexpr const char* kEstadosTecnico = " AND FIND_IN_SET(p.estado_tecnico, ?) > 0";
constexpr const char* kFecha = " AND p.fecha_pendiente BETWEEN ? AND ?";
constexpr const char* kTipo = " AND p.tipo = ?";
constexpr const char* kPrioridad = " AND p.prioridad = ?";
constexpr const char* kLugar = " AND p.lugar = ?";
// The cliente through a subquery, not the joined row: MariaDB materializes the few matching
// clientes once, and the COUNT needs no join.
constexpr const char* kTitulo =
    " AND (p.direccion LIKE ? ESCAPE '\\\\' OR p.cliente_id IN (SELECT cl.id FROM clientes cl"
    " WHERE cl.nombre LIKE ? ESCAPE '\\\\' OR cl.codigo_cliente LIKE ? ESCAPE '\\\\'))";

// §3.3 for a caller without VER_TODOS: own rows, or (VER_PENDIENTES_HISTORIAL) closed ones.
constexpr const char* kVisiblesPropios = " AND (p.asignado_a = ? OR p.registrado_por = ?)";
constexpr const char* kVisiblesPropiosOCerrados =
    " AND (p.asignado_a = ? OR p.registrado_por = ? OR p.estado IN ('FINALIZADO', 'CANCELADO'))";
constexpr const char* kVisiblesCerrados = " AND p.estado IN ('FINALIZADO', 'CANCELADO')";
constexpr const char* kNingunoVisible = " AND FALSE";

// STRAIGHT_JOIN fixes the join order as written. Every criterion and the order are on p, but
// left free MariaDB starts from the small empleados or clientes tables and then sorts every
// matching row instead of reading one page off idx_pendientes_listado.
constexpr const char* kSelectPage = "SELECT STRAIGHT_JOIN " PENDIENTE_COLUMNS;
constexpr const char* kSelectCount = "SELECT STRAIGHT_JOIN COUNT(*)";

// The rows of one empleado E (asignado_a = E or registrado_por = E): a technician's own orders
// (§3.3) or the usuarioId criterion. An OR over two columns cannot use one index, and MariaDB
// would rather walk idx_pendientes_listado in order, fetching every row to test it, than sort
// E's few rows; this union reads just those rows through idx_pendientes_asignado and
// idx_pendientes_registrado (with estados: the *_estado indexes, one short range each). The
// full WHERE still applies on top, so results are identical.
constexpr const char* kDeEmpleadoA = " FROM (SELECT a.id FROM pendientes a WHERE a.asignado_a = ? AND a.vigente = 1";
constexpr const char* kDeEmpleadoR = " UNION SELECT r.id FROM pendientes r WHERE r.registrado_por = ? AND r.vigente = 1";
constexpr const char* kDeEmpleadoFin = ") e JOIN pendientes p ON p.id = e.id";

// §7.3 order: ties by id in the same direction. MariaDB already puts NULLs first in ASC and
// last in DESC; the explicit `IS NULL` terms on the nullable columns (fechaPendiente, empresa,
// direccion) state the contract instead of relying on that. NOT NULL columns go without them so
// that fechaCreacion can be read from idx_pendientes_listado in index order.
constexpr std::array<std::array<const char*, 2>, 10> kOrdenes{{
    {" ORDER BY p.id DESC", " ORDER BY p.id ASC"},
    {" ORDER BY p.fecha_creacion DESC, p.id DESC", " ORDER BY p.fecha_creacion ASC, p.id ASC"},
    {" ORDER BY p.fecha_pendiente IS NULL ASC, p.fecha_pendiente DESC, p.id DESC",
     " ORDER BY p.fecha_pendiente IS NULL DESC, p.fecha_pendiente ASC, p.id ASC"},
    {" ORDER BY p.estado DESC, p.id DESC", " ORDER BY p.estado ASC, p.id ASC"},
    {" ORDER BY p.estado_tecnico DESC, p.id DESC", " ORDER BY p.estado_tecnico ASC, p.id ASC"},
    {" ORDER BY p.tipo DESC, p.id DESC", " ORDER BY p.tipo ASC, p.id ASC"},
    {" ORDER BY p.prioridad DESC, p.id DESC", " ORDER BY p.prioridad ASC, p.id ASC"},
    {" ORDER BY p.lugar DESC, p.id DESC", " ORDER BY p.lugar ASC, p.id ASC"},
    {" ORDER BY p.empresa IS NULL ASC, p.empresa DESC, p.id DESC",
     " ORDER BY p.empresa IS NULL DESC, p.empresa ASC, p.id ASC"},
    {" ORDER BY p.direccion IS NULL ASC, p.direccion DESC, p.id DESC",
     " ORDER BY p.direccion IS NULL DESC, p.direccion ASC, p.id ASC"},
}};

// `p.estado IN (?, …)` with one placeholder per estado given (at most the 10 constants).
constexpr std::array<const char*, 11> kEstadoIn{{
    "", " IN (?)", " IN (?, ?)", " IN (?, ?, ?)", " IN (?, ?, ?, ?)", " IN (?, ?, ?, ?, ?)", " IN (?, ?, ?, ?, ?, ?)",
    " IN (?, ?, ?, ?, ?, ?, ?)", " IN (?, ?, ?, ?, ?, ?, ?, ?)", " IN (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    " IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
}};

// A statement in the making: constant fragments and, in the same order, the values their
// placeholders take.
class Consulta {
public:
    void add(const char* fragment) { sql_ += fragment; }
    template <class... V>
    void add(const char* fragment, const V&... values) {
        sql_ += fragment;
        (values_.emplace_back(values), ...);
    }
    // `<alias>.estado IN (?, …)` for the estados criterion.
    void estados(const char* alias, const std::vector<std::string>& estados) {
        if (estados.size() >= kEstadoIn.size()) throw std::logic_error("more estados than EstadoPendiente constants");
        sql_ += " AND ";
        sql_ += alias;
        sql_ += ".estado";
        sql_ += kEstadoIn[estados.size()];
        for (const auto& e : estados) values_.emplace_back(e);
    }
    const std::string& sql() const { return sql_; }
    void bind(Statement& st) const {
        for (const auto& v : values_) std::visit([&](const auto& x) { st.bind(x); }, v);
    }

private:
    std::string sql_;
    std::vector<std::variant<std::int64_t, std::string>> values_;
};

// The empleado whose rows bound the result, when the request has one: a caller that sees only
// its own orders, or the usuarioId criterion of a caller that sees everything.
std::optional<std::int64_t> empleado_eje(const FiltroPendientes& f) {
    if (!f.ver_todos && !f.ver_historial && f.propio_empleado) return f.propio_empleado;
    if (f.ver_todos && f.usuario_empleado) return f.usuario_empleado;
    return std::nullopt;
}

void from(Consulta& q, const FiltroPendientes& f, bool page) {
    if (auto e = empleado_eje(f)) {
        q.add(kDeEmpleadoA, *e);
        if (!f.estados.empty()) q.estados("a", f.estados);
        q.add(kDeEmpleadoR, *e);
        if (!f.estados.empty()) q.estados("r", f.estados);
        q.add(kDeEmpleadoFin);
    } else {
        q.add(" FROM pendientes p");
    }
    if (page) q.add(PENDIENTE_JOINS);
}

void where(Consulta& q, const FiltroPendientes& f) {
    q.add(" WHERE p.vigente = 1");
    if (!f.ver_todos) {
        if (f.propio_empleado && f.ver_historial) q.add(kVisiblesPropiosOCerrados, *f.propio_empleado, *f.propio_empleado);
        else if (f.propio_empleado) q.add(kVisiblesPropios, *f.propio_empleado, *f.propio_empleado);
        else if (f.ver_historial) q.add(kVisiblesCerrados);
        else q.add(kNingunoVisible);
    }
    if (f.cliente_id) q.add(kCliente, *f.cliente_id);
    if (f.usuario_empleado) q.add(kUsuario, *f.usuario_empleado, *f.usuario_empleado);
    if (f.asignado_a) q.add(kAsignado, *f.asignado_a);
    if (f.registrado_por) q.add(kRegistrado, *f.registrado_por);
    if (!f.estados.empty()) q.estados("p", f.estados);
    if (f.estados_tecnico) q.add(kEstadosTecnico, *f.estados_tecnico);
    if (f.fecha_desde && f.fecha_hasta) q.add(kFecha, *f.fecha_desde, *f.fecha_hasta);
    if (f.tipo) q.add(kTipo, *f.tipo);
    if (f.prioridad) q.add(kPrioridad, *f.prioridad);
    if (f.lugar) q.add(kLugar, *f.lugar);
    if (f.titulo_patron) q.add(kTitulo, *f.titulo_patron, *f.titulo_patron, *f.titulo_patron);
}

Consulta page_consulta(const FiltroPendientes& f, Orden orden, std::int64_t offset, std::int64_t limit) {
    Consulta q;
    q.add(kSelectPage);
    from(q, f, true);
    where(q, f);
    q.add(kOrdenes[static_cast<std::size_t>(orden.campo)][orden.asc ? 1 : 0]);
    q.add(" LIMIT ? OFFSET ?", limit, offset);
    return q;
}

// The dispatcher's screens: everything visible, no criterion but estados. Their total is a sum
// of the counters kept by triggers (sql/migrations/010_conteo_pendientes.sql).
bool contable_por_estado(const FiltroPendientes& f) {
    return f.ver_todos && !f.cliente_id && !f.usuario_empleado && !f.asignado_a && !f.registrado_por &&
           !f.estados_tecnico && !f.fecha_desde && !f.tipo && !f.prioridad && !f.lugar && !f.titulo_patron;
}

Consulta count_consulta(const FiltroPendientes& f) {
    Consulta q;
    if (contable_por_estado(f)) {
        q.add("SELECT COALESCE(SUM(p.total), 0) FROM pendientes_conteo p WHERE TRUE");
        if (!f.estados.empty()) q.estados("p", f.estados);
        return q;
    }
    q.add(kSelectCount);
    from(q, f, false);
    where(q, f);
    return q;
}

}  // namespace

std::string filtrar_page_sql(const FiltroPendientes& filtro, Orden orden) {
    return page_consulta(filtro, orden, 0, 0).sql();
}

void bind_filtrar_page(Statement& st, const FiltroPendientes& filtro, Orden orden, std::int64_t offset,
                       std::int64_t limit) {
    page_consulta(filtro, orden, offset, limit).bind(st);
}

std::string filtrar_count_sql(const FiltroPendientes& filtro) { return count_consulta(filtro).sql(); }

void bind_filtrar_count(Statement& st, const FiltroPendientes& filtro) { count_consulta(filtro).bind(st); }

PaginaPendientes filtrar_pendientes(Connection& db, const FiltroPendientes& filtro, Orden orden, std::int64_t offset,
                                    std::int64_t limit) {
    PaginaPendientes out;
    {
        const Consulta q = count_consulta(filtro);
        Statement st = db.statement(q.sql());
        q.bind(st);
        Rows rows = st.query();
        if (rows.next()) out.total = rows.int64(1);
    }
    // Past the end there is nothing to read, but the page still reports the true totals (§1.3).
    if (offset >= out.total) return out;
    const Consulta q = page_consulta(filtro, orden, offset, limit);
    Statement st = db.statement(q.sql());
    q.bind(st);
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
