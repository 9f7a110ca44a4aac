#define BOOST_TEST_MODULE integration_indexes
#include <boost/test/unit_test.hpp>

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
    std::string extra;
};

std::vector<PlanRow> explain(db::Connection& conn, const db::FiltroPendientes& filtro, db::Orden orden) {
    const std::string sql = "EXPLAIN " + std::string(db::filtrar_page_sql(filtro, orden));
    db::Statement st = conn.statement(sql);
    db::bind_filtrar_page(st, filtro, 0, 10);
    db::Rows rows = st.query();
    std::vector<PlanRow> plan;
    // EXPLAIN columns: id, select_type, table, type, possible_keys, key, key_len, ref, rows, Extra.
    while (rows.next())
        plan.push_back({rows.opt_string(3).value_or(""), rows.opt_string(4).value_or(""), rows.opt_string(6).value_or("") + " pk=" + rows.opt_string(5).value_or("") + " rows=" + rows.opt_string(9).value_or(""),
                        rows.opt_string(10).value_or("")});
    return plan;
}

void expect_indexed(const std::vector<PlanRow>& plan) {
    bool seen = false;
    for (const auto& row : plan) {
        BOOST_TEST_MESSAGE(row.table << " type=" << row.type << " key=" << row.key << " extra=" << row.extra);
        // p, and the union's a and r when the statement bounds the rows by one empleado.
        if (row.table != "p" && row.table != "a" && row.table != "r") continue;
        seen = true;
        BOOST_TEST(row.type != "ALL");
        BOOST_TEST(!row.key.empty());
    }
    BOOST_TEST(seen);
}

// An index only pays off on a realistic table: on the handful of rows the other suites leave,
// MariaDB rightly prefers a full scan. So the volume is added inside a transaction that is
// rolled back, which leaves nothing behind for other suites. 10 000 orders over ten empleados
// (a technician holds one tenth of them), most of them finished, as in a working year.
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
        db::Rows first = conn.statement("SELECT LAST_INSERT_ID()").query();
        first.next();
        const std::int64_t primer_cliente = first.int64(1);
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
    BOOST_TEST(std::string(db::filtrar_page_sql(filtro, orden)) == db::kFiltrarDefaultSql);
    expect_indexed(explain(db.connection(), filtro, orden));
}

BOOST_AUTO_TEST_CASE(listado_del_tecnico_por_estados_usa_un_indice) {
    db::FiltroPendientes filtro;
    filtro.propio_empleado = 7;  // TECN: VER_DETALLE only, empleado 7
    filtro.estados = "ASIGNADO,EN_PROGRESO,PAUSADO";
    db::Orden orden;
    BOOST_TEST(std::string(db::filtrar_page_sql(filtro, orden)) == db::kFiltrarPropioSql);
    expect_indexed(explain(db.connection(), filtro, orden));
}

BOOST_AUTO_TEST_SUITE_END()
