#include "db/filtro_repository.hpp"

#include <algorithm>
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
// left free MariaDB starts from the small empleados or clientes tables, or from p when the
// rows come from a union, and then sorts every matching row instead of reading one page.
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
constexpr const char* kDeEmpleadoUnionFin = ") e";
// The rows of a derived id set `e` (an empleado's union, or the titulo's suffix ranges).
constexpr const char* kFilasDeIds = " JOIN pendientes p ON p.id = e.id";

// The titulo candidates (migration 011): vigente orders with a word of direccion, or whose
// cliente has a word of nombre/código, that starts with the piece searched. Tens of thousands
// of index entries at most instead of every vigente order.
constexpr const char* kSufijos =
    " FROM (SELECT s.pendiente_id AS id FROM pendiente_sufijos s WHERE s.sufijo LIKE ? ESCAPE '\\\\' AND s.vigente = 1"
    " UNION SELECT c.id FROM cliente_sufijos cs JOIN pendientes c ON c.cliente_id = cs.cliente_id"
    " WHERE cs.sufijo LIKE ? ESCAPE '\\\\' AND c.vigente = 1) e";
// Beside a titulo's count: how many vigente orders there are, for the page's choice of path
// (recorrido_de_pagina) without another round trip.
constexpr const char* kYVigentes = ", (SELECT COALESCE(SUM(vc.total), 0) FROM pendientes_conteo vc)";
// The titulo tested on a row read in index order, when the piece is the whole text: direccion
// by its LIKE, the cliente through its suffixes (a few hundred ids, not 50 000 names tested).
constexpr const char* kTituloClientePorSufijo =
    " AND (p.direccion LIKE ? ESCAPE '\\\\' OR p.cliente_id IN (SELECT cs.cliente_id FROM cliente_sufijos cs"
    " WHERE cs.sufijo LIKE ? ESCAPE '\\\\'))";

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
    // The text and every value, unambiguously: equal questions, equal strings.
    std::string pregunta() const {
        std::string out = sql_;
        for (const auto& v : values_) {
            out.push_back('\0');
            if (const auto* n = std::get_if<std::int64_t>(&v)) {
                out += 'i' + std::to_string(*n);
            } else {
                const auto& text = std::get<std::string>(v);
                out += 's' + std::to_string(text.size()) + ':' + text;
            }
        }
        return out;
    }
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

// How the rows are found: by the table (in index order, or an empleado's own rows), or from the
// titulo's suffix ranges.
enum class Recorrido { Tabla, Sufijos };

// The suffix ranges can bound the rows read, unless an empleado's own rows are fewer.
bool por_sufijo(const FiltroPendientes& f) { return f.titulo && f.titulo->sufijo && !empleado_eje(f); }

// `FROM (own rows of e) e`, without the join to p.
void from_union(Consulta& q, const FiltroPendientes& f, std::int64_t e) {
    q.add(kDeEmpleadoA, e);
    if (!f.estados.empty()) q.estados("a", f.estados);
    q.add(kDeEmpleadoR, e);
    if (!f.estados.empty()) q.estados("r", f.estados);
    q.add(kDeEmpleadoUnionFin);
}

void from(Consulta& q, const FiltroPendientes& f, Recorrido r) {
    if (auto e = empleado_eje(f)) {
        from_union(q, f, *e);
        q.add(kFilasDeIds);
    } else if (r == Recorrido::Sufijos) {
        q.add(kSufijos, *f.titulo->sufijo, *f.titulo->sufijo);
        q.add(kFilasDeIds);
    } else {
        q.add(" FROM pendientes p");
    }
}

void titulo(Consulta& q, const FiltroTitulo& t, Recorrido r) {
    if (r == Recorrido::Sufijos && t.exacto) return;  // the ranges found exactly the matches
    if (r == Recorrido::Tabla && t.exacto) q.add(kTituloClientePorSufijo, t.contiene, *t.sufijo);
    else q.add(kTitulo, t.contiene, t.contiene, t.contiene);
}

void where(Consulta& q, const FiltroPendientes& f, Recorrido r) {
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
    if (f.titulo) titulo(q, *f.titulo, r);
}

// Every page statement ends the same way: the full rows and their joins for the ids of the
// derived table `pg`, in the order asked (the outer ORDER BY sorts `limit` rows).
void filas_de_la_pagina(Consulta& q, const char* orden_sql) {
    q.add(") pg JOIN pendientes p ON p.id = pg.id");
    q.add(PENDIENTE_JOINS);
    q.add(orden_sql);
}

// The page in two steps: the ids of the page first, through the indexes alone where the
// criteria allow (idx_pendientes_listado holds estado: the dispatcher's open orders are found
// among the newest closed ones without reading a row per entry skipped, migration 012), then
// the full rows and their joins for those ids only.
Consulta page_consulta(const FiltroPendientes& f, Orden orden, std::int64_t offset, std::int64_t limit,
                       Recorrido r) {
    const char* orden_sql = kOrdenes[static_cast<std::size_t>(orden.campo)][orden.asc ? 1 : 0];
    Consulta q;
    q.add(kSelectPage);
    q.add(" FROM (SELECT STRAIGHT_JOIN p.id");
    from(q, f, r);
    where(q, f, r);
    q.add(orden_sql);
    q.add(" LIMIT ? OFFSET ?", limit, offset);
    filas_de_la_pagina(q, orden_sql);
    return q;
}

// None of the criteria that only the order's row can answer (estados, usuarioId and titulo
// have shortcuts of their own).
bool sin_criterios_de_fila(const FiltroPendientes& f) {
    return !f.cliente_id && !f.asignado_a && !f.registrado_por && !f.estados_tecnico && !f.fecha_desde && !f.tipo &&
           !f.prioridad && !f.lugar;
}

// The empleado's union alone is the result: a caller that sees only its own rows asking for
// nothing but estados, or a dispatcher asking for one usuario's rows (and estados).
bool union_exacta(const FiltroPendientes& f) {
    auto e = empleado_eje(f);
    if (!e || f.titulo || !sin_criterios_de_fila(f)) return false;
    return f.ver_todos ? f.usuario_empleado == e : !f.usuario_empleado;
}

// The dispatcher's screens: everything visible, no criterion but estados. Their total is a sum
// of the counters kept by triggers (sql/migrations/010_conteo_pendientes.sql).
bool contable_por_estado(const FiltroPendientes& f) {
    return f.ver_todos && !f.usuario_empleado && !f.titulo && sin_criterios_de_fila(f);
}

// A titulo answered by its suffix ranges alone, for a caller that sees everything.
bool sufijos_exactos(const FiltroPendientes& f) {
    return por_sufijo(f) && f.titulo->exacto && f.ver_todos && f.estados.empty() && !f.usuario_empleado &&
           sin_criterios_de_fila(f);
}

Consulta count_consulta(const FiltroPendientes& f) {
    Consulta q;
    if (contable_por_estado(f)) {
        q.add("SELECT COALESCE(SUM(p.total), 0) FROM pendientes_conteo p WHERE TRUE");
        if (!f.estados.empty()) q.estados("p", f.estados);
        return q;
    }
    if (union_exacta(f)) {
        // The union's halves already test vigente, estados and the empleado: nothing to read
        // from the rows themselves (d in bench/: 150 primary-key reads fewer per request).
        q.add("SELECT COUNT(*)");
        from_union(q, f, *empleado_eje(f));
        return q;
    }
    if (sufijos_exactos(f)) {
        // Nothing to test on the order itself: the ranges' vigente copy is enough.
        q.add("SELECT COUNT(*)");
        q.add(kYVigentes);
        q.add(kSufijos, *f.titulo->sufijo, *f.titulo->sufijo);
        return q;
    }
    const Recorrido r = por_sufijo(f) ? Recorrido::Sufijos : Recorrido::Tabla;
    q.add(kSelectCount);
    if (por_sufijo(f)) q.add(kYVigentes);
    from(q, f, r);
    where(q, f, r);
    return q;
}

// The dispatcher's estados screens in their default order: the page is the head of a merge of
// one range per estado of idx_pendientes_estado (estado, vigente, fecha_creacion, id), each read
// in order for offset + limit entries at most. Walking idx_pendientes_listado instead passes
// every order of another estado above the page: after the bench's write mix, ~20 000 finished
// ones on top (1.0 ms for the ids against 0.3 ms merged, measured at 1M rows).
bool fusion_por_estado(const FiltroPendientes& f, Orden orden) {
    return contable_por_estado(f) && !f.estados.empty() && orden.campo == CampoOrden::FechaCreacion;
}

constexpr std::array<const char*, 2> kOrdenFusion{{" ORDER BY m.fecha_creacion DESC, m.id DESC",
                                                   " ORDER BY m.fecha_creacion ASC, m.id ASC"}};

Consulta page_fusion(const FiltroPendientes& f, Orden orden, std::int64_t offset, std::int64_t limit) {
    const char* orden_sql = kOrdenes[static_cast<std::size_t>(orden.campo)][orden.asc ? 1 : 0];
    Consulta q;
    q.add(kSelectPage);
    q.add(" FROM (SELECT m.id FROM (");
    for (std::size_t i = 0; i < f.estados.size(); ++i) {
        q.add(i == 0 ? "(" : " UNION ALL (");
        q.add("SELECT p.id, p.fecha_creacion FROM pendientes p WHERE p.estado = ? AND p.vigente = 1", f.estados[i]);
        q.add(orden_sql);
        q.add(" LIMIT ?)", offset + limit);
    }
    q.add(") m");
    q.add(kOrdenFusion[orden.asc ? 1 : 0]);
    q.add(" LIMIT ? OFFSET ?", limit, offset);
    filas_de_la_pagina(q, orden_sql);
    return q;
}

// The page statement for these arguments (`r` only matters for a titulo).
Consulta pagina(const FiltroPendientes& f, Orden orden, std::int64_t offset, std::int64_t limit, Recorrido r) {
    if (fusion_por_estado(f, orden)) return page_fusion(f, orden, offset, limit);
    return page_consulta(f, orden, offset, limit, r);
}

// The titulo's page, when the order is that of an index: walking the index and testing each row
// finds the first matches quickly if they are dense, while reading every candidate and sorting
// them costs the same however few are asked for. From the total already counted, the walk is
// expected to read (offset + limit) × vigentes / total rows; above kRecorridoMaximo the candidates
// are sorted instead (measured at 1M rows: "Titicaca", 4 % of the orders, 2 ms walking against
// 60 ms sorting; a text found in 500 orders would walk the whole table).
constexpr std::int64_t kRecorridoMaximo = 20000;

bool orden_de_indice(Orden orden) { return orden.campo == CampoOrden::Id || orden.campo == CampoOrden::FechaCreacion; }

// `vigentes`: the second column of a titulo's count (kYVigentes).
Recorrido recorrido_de_pagina(const FiltroPendientes& f, Orden orden, std::int64_t offset, std::int64_t limit,
                              std::int64_t total, std::int64_t vigentes) {
    if (!por_sufijo(f)) return Recorrido::Tabla;
    if (!orden_de_indice(orden)) return Recorrido::Sufijos;
    const double leidas = static_cast<double>(offset + limit) * static_cast<double>(vigentes) /
                          static_cast<double>(std::max<std::int64_t>(total, 1));
    return leidas <= static_cast<double>(kRecorridoMaximo) ? Recorrido::Tabla : Recorrido::Sufijos;
}

}  // namespace

std::string filtrar_page_sql(const FiltroPendientes& filtro, Orden orden) {
    return pagina(filtro, orden, 0, 0, por_sufijo(filtro) ? Recorrido::Sufijos : Recorrido::Tabla).sql();
}

void bind_filtrar_page(Statement& st, const FiltroPendientes& filtro, Orden orden, std::int64_t offset,
                       std::int64_t limit) {
    pagina(filtro, orden, offset, limit, por_sufijo(filtro) ? Recorrido::Sufijos : Recorrido::Tabla).bind(st);
}

std::string filtrar_count_sql(const FiltroPendientes& filtro) { return count_consulta(filtro).sql(); }

void bind_filtrar_count(Statement& st, const FiltroPendientes& filtro) { count_consulta(filtro).bind(st); }

PaginaPendientes filtrar_pendientes(Connection& db, const FiltroPendientes& filtro, Orden orden, std::int64_t offset,
                                    std::int64_t limit) {
    PaginaPendientes out;
    std::int64_t vigentes = 0;
    {
        const Consulta q = count_consulta(filtro);
        Statement st = db.statement(q.sql());
        q.bind(st);
        Rows rows = st.query();
        if (rows.next()) {
            out.total = rows.int64(1);
            if (por_sufijo(filtro)) vigentes = rows.int64(2);
        }
    }
    // Past the end there is nothing to read, but the page still reports the true totals (§1.3).
    if (offset >= out.total) return out;
    const Consulta q =
        pagina(filtro, orden, offset, limit, recorrido_de_pagina(filtro, orden, offset, limit, out.total, vigentes));
    Statement st = db.statement(q.sql());
    q.bind(st);
    Rows rows = st.query();
    while (rows.next()) out.content.push_back(read_pendiente(rows));
    return out;
}

// Larger pages (up to PENDIENTES_MAX_PAGE_SIZE, 1 000 rows) are exports rather than screens:
// kept, 256 of them could hold a hundred megabytes per worker.
constexpr std::int64_t kFilasPorPaginaGuardada = 100;

std::shared_ptr<const PaginaPendientes> filtrar_pendientes(Connection& db, const FiltroPendientes& filtro, Orden orden,
                                                          std::int64_t offset, std::int64_t limit, ListadoCache& cache,
                                                          std::optional<std::uint64_t> cambios) {
    if (!cambios || limit > kFilasPorPaginaGuardada)
        return std::make_shared<const PaginaPendientes>(filtrar_pendientes(db, filtro, orden, offset, limit));
    // The statement over the table names every criterion, the caller's visibility, the order
    // and the window: two requests with the same text and values ask the same question.
    const std::string pregunta = pagina(filtro, orden, offset, limit, Recorrido::Tabla).pregunta();
    return cache.obtener(pregunta, *cambios, [&] {
        return std::make_shared<const PaginaPendientes>(filtrar_pendientes(db, filtro, orden, offset, limit));
    });
}

std::optional<std::int64_t> empleado_de_usuario(Connection& db, std::int64_t usuario_id) {
    Rows rows = db.statement("SELECT empleado_id FROM usuarios WHERE id = ? AND vigente = 1").bind(usuario_id).query();
    if (!rows.next()) return std::nullopt;
    return rows.opt_int64(1);
}

namespace {

constexpr std::size_t kSufijoMinimo = 3;   // shorter suffixes are not stored (migration 011)
constexpr std::size_t kSufijoMaximo = 32;  // stored suffixes are cut to this many characters

bool continuation(char ch) { return (static_cast<unsigned char>(ch) & 0xC0) == 0x80; }

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char ch) { return !continuation(ch); }));
}

// The first n code points of valid UTF-8 (the JSON parser rejected anything else).
std::string_view first_code_points(std::string_view s, std::size_t n) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (continuation(s[i])) continue;
        if (seen == n) return s.substr(0, i);
        ++seen;
    }
    return s;
}

// `%`, `_` and `\` made literal for `LIKE ? ESCAPE '\'`.
void append_literal(std::string& out, std::string_view text) {
    for (char ch : text) {
        if (ch == '\\' || ch == '%' || ch == '_') out.push_back('\\');
        out.push_back(ch);
    }
}

}  // namespace

FiltroTitulo filtro_titulo(std::string_view texto) {
    FiltroTitulo t;
    t.contiene.reserve(2 * texto.size() + 2);
    t.contiene.push_back('%');
    append_literal(t.contiene, texto);
    t.contiene.push_back('%');

    // Any occurrence of a space-free piece of the text lies inside one word of the searched
    // column, so it starts one of that word's suffixes. The longest piece narrows the most.
    std::string_view pieza;
    std::size_t pieza_cp = 0;
    for (std::size_t start = 0; start <= texto.size();) {
        std::size_t end = texto.find(' ', start);
        if (end == std::string_view::npos) end = texto.size();
        auto candidate = texto.substr(start, end - start);
        if (auto cp = code_points(candidate); cp > pieza_cp) {
            pieza = candidate;
            pieza_cp = cp;
        }
        start = end + 1;
    }
    if (pieza_cp < kSufijoMinimo) return t;
    std::string sufijo;
    append_literal(sufijo, first_code_points(pieza, kSufijoMaximo));
    sufijo.push_back('%');
    t.sufijo = std::move(sufijo);
    t.exacto = pieza.size() == texto.size() && pieza_cp <= kSufijoMaximo;
    return t;
}

}  // namespace pendientes::db
