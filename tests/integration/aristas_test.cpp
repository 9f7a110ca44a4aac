// Every one of the 22 edges of §6.1, walked through nginx on a fresh order each: the order is
// brought to the edge's `from`, the edge is taken through its endpoint by the administrator
// (every bit, VER_TODOS, so §3.4 does not apply), and the answer, the stored row and the
// historial are checked against the edge's side effects.
#define BOOST_TEST_MODULE integration_aristas
#include <boost/test/unit_test.hpp>

#include <boost/test/data/test_case.hpp>

#include "support/stack.hpp"
#include "transiciones_fixture.hpp"

using namespace pendientes::test;

namespace {

enum class Via { Estado, Asignar, Postergar };

struct Arista {
    int n;
    const char* from;
    const char* to;
    Via via;
    // asignadoA afterwards: kept (-1), cleared (0) or the technician the edge sets (kTomas)
    std::int64_t tecnico_despues;
};

std::ostream& operator<<(std::ostream& os, const Arista& a) {
    return os << "#" << a.n << " " << a.from << " → " << a.to;
}

constexpr std::int64_t kConserva = -1, kSinTecnico = 0;

const std::vector<Arista> kAristas = {
    {1, "REGISTRADO", "ASIGNADO", Via::Asignar, kTomas},
    {2, "REGISTRADO", "CANCELADO", Via::Estado, kConserva},
    {3, "REGISTRADO", "POSTERGADO", Via::Postergar, kConserva},
    {4, "ASIGNADO", "EN_PROGRESO", Via::Estado, kConserva},
    {5, "ASIGNADO", "REGISTRADO", Via::Estado, kSinTecnico},
    {6, "ASIGNADO", "CANCELADO", Via::Estado, kConserva},
    {7, "EN_PROGRESO", "PAUSADO", Via::Estado, kConserva},
    {8, "EN_PROGRESO", "POR_VALIDAR", Via::Estado, kConserva},
    {9, "EN_PROGRESO", "REVISION", Via::Estado, kConserva},
    {10, "EN_PROGRESO", "CANCELADO", Via::Estado, kConserva},
    {11, "EN_PROGRESO", "REGISTRADO", Via::Estado, kSinTecnico},
    {12, "PAUSADO", "EN_PROGRESO", Via::Estado, kConserva},
    {13, "PAUSADO", "POR_VALIDAR", Via::Estado, kConserva},
    {14, "PAUSADO", "CANCELADO", Via::Estado, kConserva},
    {15, "PAUSADO", "REGISTRADO", Via::Estado, kSinTecnico},
    {16, "REVISION", "POR_VALIDAR", Via::Estado, kConserva},
    {17, "POR_VALIDAR", "FINALIZADO", Via::Estado, kConserva},
    {18, "POR_VALIDAR", "OBSERVADO", Via::Estado, kConserva},
    {19, "OBSERVADO", "POR_VALIDAR", Via::Estado, kConserva},
    {20, "POSTERGADO", "ASIGNADO", Via::Asignar, kTomas},
    {21, "POSTERGADO", "POSTERGADO", Via::Postergar, kConserva},
    {22, "CANCELADO", "POSTERGADO", Via::Postergar, kConserva},
};

// A TRASLADO order with details in `estado`, reached through the API. CANCELADO and POSTERGADO
// are reached with a technician (Teresa: ASIGNADO → CANCELADO → POSTERGADO), so that the edges
// leaving them show whether it is kept (21, 22) or replaced (20).
std::int64_t pendiente_en_estado(Api& api, Db& db, const std::string& estado) {
    const auto admin = api.token(kAdmin);
    if (estado == "REGISTRADO") return pendiente_con_detalle(api, db);
    if (estado == "POSTERGADO" || estado == "CANCELADO") {
        auto id = pendiente_asignado(api, db, kTeresa);
        BOOST_REQUIRE(put_estado(api, id, "CANCELADO", admin).status == 200);
        if (estado == "POSTERGADO")
            BOOST_REQUIRE(postergar(api, id, R"({"nuevaFecha":"2099-01-01T10:00:00"})", admin).status == 200);
        return id;
    }
    return pendiente_en(api, db, estado);
}

std::optional<std::int64_t> asignado_a(Db& db, std::int64_t id) {
    auto t = db.text("SELECT CAST(asignado_a AS CHAR) FROM pendientes WHERE id = ?", id);
    if (!t) return std::nullopt;
    return std::stoll(*t);
}

}  // namespace

BOOST_DATA_TEST_CASE(cada_arista_por_su_ruta_cambia_el_estado_y_escribe_un_historial,
                     boost::unit_test::data::make(kAristas), a) {
    Api api;
    Db db;
    const auto admin = api.token(kAdmin);
    const auto id = pendiente_en_estado(api, db, a.from);
    BOOST_TEST_REQUIRE(*db.text("SELECT estado FROM pendientes WHERE id = ?", id) == a.from);
    const auto tecnico_antes = asignado_a(db, id);
    const auto historial_antes = filas_historial(db, id);

    HttpResponse r;
    switch (a.via) {
        case Via::Asignar: r = asignar(api, id, kTomas, admin); break;
        case Via::Postergar:
            r = postergar(api, id, R"({"nuevaFecha":"2099-06-01T10:00:00","motivo":"arista )" + std::to_string(a.n) + "\"}",
                          admin);
            break;
        case Via::Estado: r = put_estado(api, id, a.to, admin); break;
    }
    BOOST_TEST_REQUIRE(r.status == 200, r.body);
    BOOST_TEST(estado_de(r) == a.to);
    BOOST_TEST(*db.text("SELECT estado FROM pendientes WHERE id = ?", id) == a.to);
    BOOST_TEST(filas_historial(db, id) == historial_antes + 1);
    BOOST_TEST(*db.text("SELECT estado FROM historiales WHERE pendiente_id = ? ORDER BY id DESC LIMIT 1", id) == a.to);

    const auto tecnico = asignado_a(db, id);
    if (a.tecnico_despues == kConserva) BOOST_TEST((tecnico == tecnico_antes));
    else if (a.tecnico_despues == kSinTecnico) BOOST_TEST(!tecnico.has_value());
    else BOOST_TEST((tecnico == std::optional<std::int64_t>(a.tecnico_despues)));
    if (a.via == Via::Postergar)
        BOOST_TEST(*db.text("SELECT DATE_FORMAT(fecha_pendiente, '%Y-%m-%d %H:%i') FROM pendientes WHERE id = ?", id) ==
                   "2099-06-01 10:00");
}

BOOST_AUTO_TEST_CASE(estado_asignado_con_tecnico_dado_de_baja_es_404_tras_comprobar_arista_y_bits) {
    // A cancelled order keeps its technician (edge 6); recovered (22) it may go back to
    // ASIGNADO through /estado (20) — unless that technician has left meanwhile.
    Api api;
    Db db;
    const auto admin = api.token(kAdmin);
    const auto tecnico = crear_empleado(api, "Temporal");
    const auto id = pendiente_asignado(api, db, tecnico);
    BOOST_REQUIRE(put_estado(api, id, "CANCELADO", admin).status == 200);
    BOOST_REQUIRE(api.del("/api/empleados/" + std::to_string(tecnico), admin).status == 200);
    const auto historial = filas_historial(db, id);

    // From CANCELADO the edge does not exist: 400 first, whatever the technician.
    expect_error(put_estado(api, id, "ASIGNADO", admin), 400, "TRANSICION_INVALIDA");
    BOOST_REQUIRE(postergar(api, id, R"({"nuevaFecha":"2099-01-01T10:00:00"})", admin).status == 200);
    // A caller without bit 16 is refused for the edge (403) before the technician is looked at.
    auto sin_bit = crear_usuario(api, crear_rol(api, 8 | 2));  // VER_TODOS + EDITAR (cancel, postergar)
    expect_error(put_estado(api, id, "ASIGNADO", login(api, sin_bit)), 403, "SIN_PERMISO");
    // With the bit: the technician the order would resume with is gone.
    expect_error(put_estado(api, id, "ASIGNADO", admin), 404, "NO_ENCONTRADO");
    BOOST_TEST(*db.text("SELECT estado FROM pendientes WHERE id = ?", id) == "POSTERGADO");
    BOOST_TEST(filas_historial(db, id) == historial + 1);  // the postergar only
}
