#define BOOST_TEST_MODULE integration_indexes
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "db/filtro_repository.hpp"
#include "support/stack.hpp"

// The two /filtrar listings that run most (the dispatcher's default page and a technician's
// own orders by estado) must read pendientes through an index, never a full scan. The test
// EXPLAINs the repository's own statement text with the parameters the handler would bind.
using namespace pendientes;
using namespace pendientes::test;

namespace {

struct PlanRow {
    std::string table;
    std::string type;
    std::string key;
    std::string rows;
    std::string extra;
};

std::vector<PlanRow> plan_of(db::Statement& st) {
    db::Rows rows = st.query();
    std::vector<PlanRow> plan;
    // EXPLAIN columns: id, select_type, table, type, possible_keys, key, key_len, ref, rows, Extra.
    auto col = [&](unsigned i) { return rows.opt_string(i).value_or(""); };
    while (rows.next()) plan.push_back({col(3), col(4), col(6), col(9), col(10)});
    return plan;
}

std::vector<PlanRow> explain(db::Connection& conn, const db::FiltroPendientes& filtro, db::Orden orden) {
    const std::string sql = "EXPLAIN " + db::filtrar_page_sql(filtro, orden);  // a Statement borrows its text
    db::Statement st = conn.statement(sql);
    db::bind_filtrar_page(st, filtro, orden, 0, 10);
    return plan_of(st);
}

std::vector<PlanRow> explain_count(db::Connection& conn, const db::FiltroPendientes& filtro) {
    const std::string sql = "EXPLAIN " + db::filtrar_count_sql(filtro);
    db::Statement st = conn.statement(sql);
    db::bind_filtrar_count(st, filtro);
    return plan_of(st);
}

// The total the repository's COUNT statement gives for `filtro`.
std::int64_t contar(db::Connection& conn, const db::FiltroPendientes& filtro) {
    const std::string sql = db::filtrar_count_sql(filtro);
    db::Statement st = conn.statement(sql);
    db::bind_filtrar_count(st, filtro);
    db::Rows rows = st.query();
    BOOST_REQUIRE(rows.next());
    return rows.int64(1);
}

// The plan row that walks idx_pendientes_listado for the page's ids (required).
const PlanRow& fila_listado(const std::vector<PlanRow>& plan) {
    auto it = std::find_if(plan.begin(), plan.end(),
                           [](const PlanRow& r) { return r.table == "p" && r.key == "idx_pendientes_listado"; });
    BOOST_TEST_REQUIRE((it != plan.end()));
    return *it;
}

// Every access to pendientes (p, and the union's a and r when the statement is bounded by one
// empleado) goes through a key, never a full scan.
void expect_indexed(const std::vector<PlanRow>& plan) {
    bool seen = false;
    for (const auto& row : plan) {
        BOOST_TEST_MESSAGE(row.table << " type=" << row.type << " key=" << row.key << " rows=" << row.rows
                                     << " extra=" << row.extra);
        if (row.table != "p" && row.table != "a" && row.table != "r") continue;
        seen = true;
        BOOST_TEST(row.type != "ALL", row.table);
        BOOST_TEST(!row.key.empty(), row.table);
    }
    BOOST_TEST(seen);
}

// An index only pays off on a realistic table: on the handful of rows the other suites leave,
// MariaDB rightly prefers a full scan. So the volume is added inside a transaction that is
// rolled back, which leaves nothing behind for other suites (only auto-increment gaps).
// 10 000 orders over ten assignees and three registrars, most of them finished, for 2 000
// clientes: the small fixture tables must not look like the cheap place to start a join.
struct VolumenRealista {
    Db db;
    db::Transaction tx{db.connection()};
    VolumenRealista() {
        auto& conn = db.connection();
        // 2 000 clientes (inactive, so their codes can never collide with another suite's).
        conn.statement("INSERT INTO clientes (tipo_cliente, nombre, tipo_documento, numero_documento, codigo_cliente, "
                       "vigente) SELECT 'PERSONA', CONCAT('Cliente volumen ', seq), 'DNI', LPAD(seq, 8, '0'), "
                       "CONCAT('VOL-', seq), 0 FROM seq_1_to_2000")
            .update();
        db::Rows id = conn.statement("SELECT LAST_INSERT_ID()").query();
        id.next();
        const std::int64_t primer_cliente = id.int64(1);
        conn.statement(
                "INSERT INTO pendientes (fecha_pendiente, registrado_por, asignado_a, estado, estado_tecnico, lugar, "
                "prioridad, tipo, direccion, cliente_id, vigente, fecha_creacion, fecha_modificacion) "
                "SELECT NULL, 3 + seq % 3, 1 + seq % 10, "
                "ELT(1 + seq % 10, 'ASIGNADO', 'EN_PROGRESO', 'FINALIZADO', 'FINALIZADO', 'FINALIZADO', "
                "'FINALIZADO', 'FINALIZADO', 'FINALIZADO', 'CANCELADO', 'REGISTRADO'), 'OK', 'PUNO', 'MEDIA', "
                "'AVERIA', CONCAT('Volumen ', seq), ? + seq % 2000, 1, NOW() - INTERVAL seq MINUTE, NOW() "
                "FROM seq_1_to_10000")
            .bind(primer_cliente)
            .update();
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(con_volumen, VolumenRealista)

BOOST_AUTO_TEST_CASE(listado_por_defecto_del_despacho_usa_un_indice) {
    db::FiltroPendientes filtro;
    filtro.ver_todos = true;  // CORD: VER_TODOS_PENDIENTES, no criteria, sort fechaCreacion,desc
    db::Orden orden;
    // No criterion, no visibility term: nothing but the listing's own key in the WHERE.
    BOOST_TEST(db::filtrar_page_sql(filtro, orden).find(" WHERE p.vigente = 1 ORDER BY p.fecha_creacion DESC") !=
               std::string::npos);
    auto plan = explain(db.connection(), filtro, orden);
    expect_indexed(plan);
    // The page's ids are read in index order from the index alone, nothing sorted; the full
    // rows are then read by primary key for those ids only.
    const auto& listado = fila_listado(plan);
    BOOST_TEST(listado.extra.find("filesort") == std::string::npos, listado.extra);
    BOOST_TEST(listado.extra.find("Using index") != std::string::npos, listado.extra);
    BOOST_TEST((std::count_if(plan.begin(), plan.end(),
                              [](const PlanRow& r) { return r.table == "p" && r.type == "eq_ref" && r.key == "PRIMARY"; }) == 1));
}

// The dispatcher's open orders in the default order: one range of idx_pendientes_estado per
// estado, each read in order from the index alone (no row read, nothing sorted there), and only
// the merged head of at most offset + limit ids per estado sorted; the closed orders above the
// page are never walked past.
BOOST_AUTO_TEST_CASE(listado_del_despacho_por_estados_no_lee_las_filas_saltadas) {
    db::FiltroPendientes filtro;
    filtro.ver_todos = true;
    filtro.estados = {"REGISTRADO", "ASIGNADO"};
    for (bool asc : {false, true}) {
        auto plan = explain(db.connection(), filtro, db::Orden{db::CampoOrden::FechaCreacion, asc});
        expect_indexed(plan);
        int rangos = 0;
        for (const auto& row : plan) {
            if (row.table != "p" || row.key != "idx_pendientes_estado") continue;
            ++rangos;
            BOOST_TEST(row.type == "ref", row.type);
            BOOST_TEST(row.extra.find("Using index") != std::string::npos, row.extra);
            BOOST_TEST(row.extra.find("filesort") == std::string::npos, row.extra);
        }
        BOOST_TEST(rangos == 2);
    }
}

// The merge gives the rows and the order the plain statement gives, on any page, both ways.
BOOST_AUTO_TEST_CASE(listado_del_despacho_por_estados_da_las_mismas_filas) {
    db::FiltroPendientes filtro;
    filtro.ver_todos = true;
    filtro.estados = {"ASIGNADO", "REGISTRADO", "EN_PROGRESO"};
    for (bool asc : {false, true}) {
        const std::string orden_sql = asc ? " ORDER BY fecha_creacion ASC, id ASC" : " ORDER BY fecha_creacion DESC, id DESC";
        for (std::int64_t offset : {0, 7, 20, 2990}) {
            BOOST_TEST_CONTEXT("asc " << asc << " offset " << offset) {
                std::vector<std::int64_t> esperadas;
                const std::string sql = "SELECT id FROM pendientes WHERE vigente = 1 AND estado IN "
                                        "('ASIGNADO', 'REGISTRADO', 'EN_PROGRESO')" + orden_sql + " LIMIT 20 OFFSET ?";
                db::Rows rows = db.connection().statement(sql).bind(offset).query();
                while (rows.next()) esperadas.push_back(rows.int64(1));
                const auto pagina = db::filtrar_pendientes(db.connection(), filtro,
                                                           db::Orden{db::CampoOrden::FechaCreacion, asc}, offset, 20);
                std::vector<std::int64_t> obtenidas;
                for (const auto& p : pagina.content) obtenidas.push_back(p.id);
                BOOST_TEST(obtenidas == esperadas, boost::test_tools::per_element());
                BOOST_TEST(!esperadas.empty());
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(listado_del_tecnico_por_estados_usa_un_indice) {
    db::FiltroPendientes filtro;
    filtro.propio_empleado = 7;  // TECN: VER_DETALLE only, empleado 7
    filtro.estados = {"ASIGNADO", "EN_PROGRESO", "PAUSADO"};
    db::Orden orden;
    BOOST_TEST(db::filtrar_page_sql(filtro, orden).find(" UNION SELECT r.id") != std::string::npos);
    auto plan = explain(db.connection(), filtro, orden);
    expect_indexed(plan);
    // Both halves of own(P) are looked up by their own index.
    std::string claves;
    for (const auto& row : plan) claves += row.key + " ";
    BOOST_TEST(claves.find("idx_pendientes_asignado") != std::string::npos, claves);
    BOOST_TEST(claves.find("idx_pendientes_registrado") != std::string::npos, claves);
}

BOOST_AUTO_TEST_CASE(filtro_por_usuario_del_despacho_usa_los_mismos_indices) {
    db::FiltroPendientes filtro;
    filtro.ver_todos = true;
    filtro.usuario_empleado = 7;  // usuarioId 6 (tecnico1) resolved to empleado 7
    db::Orden orden;
    BOOST_TEST(db::filtrar_page_sql(filtro, orden).find(" UNION SELECT r.id") != std::string::npos);
    expect_indexed(explain(db.connection(), filtro, orden));
}

BOOST_AUTO_TEST_CASE(conteo_por_estados_del_despacho_sale_de_los_contadores_y_es_exacto) {
    // The COUNT of every page (§1.3 totalElements) for the dispatcher's screens (estados only,
    // or nothing): a sum over at most ten counter rows (010_conteo_pendientes.sql), never a
    // pass over the orders, and equal to counting them — here right after the fixture's 10 000
    // inserts, still inside its transaction, so the triggers are what keeps it exact.
    db::FiltroPendientes filtro;
    filtro.ver_todos = true;
    filtro.estados = {"REGISTRADO", "ASIGNADO"};
    BOOST_TEST(db::filtrar_count_sql(filtro).find("FROM pendientes_conteo") != std::string::npos);
    auto plan = explain_count(db.connection(), filtro);
    BOOST_TEST_REQUIRE(plan.size() == 1u);
    BOOST_TEST(plan[0].key == "PRIMARY");
    BOOST_TEST(std::stoll(plan[0].rows) <= 10);

    auto& conn = db.connection();
    auto real = [&](const std::string& where) { return db.count("SELECT COUNT(*) FROM pendientes WHERE vigente = 1" + where); };
    BOOST_TEST(contar(conn, filtro) == real(" AND estado IN ('REGISTRADO', 'ASIGNADO')"));
    db::FiltroPendientes todos;
    todos.ver_todos = true;
    BOOST_TEST(contar(conn, todos) == real(""));
    // A soft delete and an estado change move the counters with the rows.
    conn.statement("UPDATE pendientes SET vigente = 0 WHERE estado = 'ASIGNADO' AND direccion LIKE 'Volumen 1%'").update();
    conn.statement("UPDATE pendientes SET estado = 'REGISTRADO' WHERE estado = 'EN_PROGRESO' AND direccion LIKE 'Volumen 2%'")
        .update();
    BOOST_TEST(contar(conn, filtro) == real(" AND estado IN ('REGISTRADO', 'ASIGNADO')"));
    BOOST_TEST(contar(conn, todos) == real(""));
    // Any other criterion counts the rows themselves.
    filtro.tipo = "AVERIA";
    BOOST_TEST(db::filtrar_count_sql(filtro).find("FROM pendientes p") != std::string::npos);
    BOOST_TEST(contar(conn, filtro) == real(" AND estado IN ('REGISTRADO', 'ASIGNADO') AND tipo = 'AVERIA'"));
}

BOOST_AUTO_TEST_CASE(conteo_del_tecnico_por_estados_lee_solo_sus_filas_abiertas) {
    db::FiltroPendientes filtro;
    filtro.propio_empleado = 7;
    filtro.estados = {"ASIGNADO", "EN_PROGRESO"};
    std::string claves;
    // The union is the whole result: no row of pendientes is read to count it.
    for (const auto& row : explain_count(db.connection(), filtro)) {
        claves += row.key + " ";
        if (row.table == "a" || row.table == "r") BOOST_TEST(row.type == "range", row.table);
        BOOST_TEST(row.table != "p");
    }
    BOOST_TEST(claves.find("idx_pendientes_asignado_estado") != std::string::npos, claves);
    BOOST_TEST(claves.find("idx_pendientes_registrado_estado") != std::string::npos, claves);
    // The total is the plain COUNT of the technician's visible rows. Empleado 1 holds the
    // fixture's 1 000 ASIGNADO orders (seq % 10 = 0).
    db::FiltroPendientes uno = filtro;
    uno.propio_empleado = 1;
    const auto contado = contar(db.connection(), uno);
    const auto esperado = db.count(
        "SELECT COUNT(*) FROM pendientes WHERE vigente = 1 AND (asignado_a = 1 OR registrado_por = 1) "
        "AND estado IN ('ASIGNADO', 'EN_PROGRESO')");
    BOOST_TEST(contado == esperado);
    BOOST_TEST(esperado >= 1000);
}

// titulo (§7.3, migration 011): the COUNT reads the suffix ranges of the text, never every
// vigente order, and counts exactly what the LIKE over direccion and the cliente finds.
BOOST_AUTO_TEST_CASE(conteo_del_titulo_lee_los_rangos_de_sufijos_y_es_exacto) {
    auto& conn = db.connection();
    for (const char* texto : {"1234", "men 1234", "n 1234"}) {
        db::FiltroPendientes filtro;
        filtro.ver_todos = true;
        filtro.titulo = db::filtro_titulo(texto);
        bool rango_direccion = false, rango_cliente = false;
        for (const auto& row : explain_count(conn, filtro)) {
            BOOST_TEST_MESSAGE(texto << ": " << row.table << " type=" << row.type << " key=" << row.key);
            if (row.table == "s") rango_direccion = row.type == "range" && row.key == "PRIMARY";
            if (row.table == "cs") rango_cliente = row.type == "range" && row.key == "PRIMARY";
            if (row.table == "p") BOOST_TEST(row.type == "eq_ref", texto);
        }
        BOOST_TEST(rango_direccion, texto);
        BOOST_TEST(rango_cliente, texto);

        const auto contado = contar(conn, filtro);
        db::Rows esperado =
            conn.statement("SELECT COUNT(*) FROM pendientes p WHERE p.vigente = 1 AND (p.direccion LIKE ? OR "
                           "p.cliente_id IN (SELECT c.id FROM clientes c WHERE c.nombre LIKE ? OR c.codigo_cliente LIKE ?))")
                .bind(filtro.titulo->contiene)
                .bind(filtro.titulo->contiene)
                .bind(filtro.titulo->contiene)
                .query();
        BOOST_REQUIRE(esperado.next());
        BOOST_TEST(contado == esperado.int64(1), texto);
        BOOST_TEST(contado >= 5, texto);  // the fixture's own matches
    }
}

BOOST_AUTO_TEST_SUITE_END()
