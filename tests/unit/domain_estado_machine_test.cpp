#define BOOST_TEST_MODULE domain_estado_machine
#include <boost/test/unit_test.hpp>

#include <optional>
#include <ostream>
#include <set>
#include <utility>

#include "domain/estado_machine.hpp"

namespace pendientes::domain {
// Readable failure messages (found by Boost.Test through ADL).
std::ostream& boost_test_print_type(std::ostream& os, EstadoPendiente e) { return os << name_of(e); }
std::ostream& boost_test_print_type(std::ostream& os, TransicionDecision d) {
  constexpr const char* kNames[] = {"Ok", "TransicionInvalida", "SinPermiso", "UsarAsignar"};
  return os << kNames[static_cast<int>(d)];
}
}  // namespace pendientes::domain

using namespace pendientes::domain;
using enum EstadoPendiente;

namespace {

// §6.1 written out again, independently of the table under test: (from, to, bits).
struct Edge {
  EstadoPendiente from, to;
  int bits;
};
constexpr Edge kExpected[] = {
    {REGISTRADO, ASIGNADO, 16},      {REGISTRADO, CANCELADO, 2},     {REGISTRADO, POSTERGADO, 18},
    {ASIGNADO, EN_PROGRESO, 128},    {ASIGNADO, REGISTRADO, 16},     {ASIGNADO, CANCELADO, 2},
    {EN_PROGRESO, PAUSADO, 256},     {EN_PROGRESO, POR_VALIDAR, 1024},
    {EN_PROGRESO, REVISION, 1024},   {EN_PROGRESO, CANCELADO, 2},    {EN_PROGRESO, REGISTRADO, 16},
    {PAUSADO, EN_PROGRESO, 512},     {PAUSADO, POR_VALIDAR, 1024},   {PAUSADO, CANCELADO, 2},
    {PAUSADO, REGISTRADO, 16},       {REVISION, POR_VALIDAR, 9216},  {POR_VALIDAR, FINALIZADO, 8192},
    {POR_VALIDAR, OBSERVADO, 8192},  {OBSERVADO, POR_VALIDAR, 9216}, {POSTERGADO, ASIGNADO, 16},
    {POSTERGADO, POSTERGADO, 18},    {CANCELADO, POSTERGADO, 18},
};

std::optional<Edge> expected_edge(EstadoPendiente from, EstadoPendiente to) {
  for (const Edge& e : kExpected) {
    if (e.from == from && e.to == to) return e;
  }
  return std::nullopt;
}

constexpr std::int64_t kTecnico = 7;
constexpr std::int64_t kOtroTecnico = 8;
constexpr std::int64_t kCoordinadora = 3;

Caller caller_with(int permisos, std::optional<std::int64_t> empleado_id = kTecnico) {
  return Caller{.usuario_id = 1, .empleado_id = empleado_id, .permisos = permisos, .rol_id = "X"};
}

PendienteRef en(EstadoPendiente estado, std::optional<std::int64_t> asignado_a = kTecnico) {
  return PendienteRef{.registrado_por = kCoordinadora, .asignado_a = asignado_a, .estado = estado};
}

TransicionDecision decide(const Caller& c, const PendienteRef& p, EstadoPendiente to,
                          TransicionEndpoint endpoint = TransicionEndpoint::Estado) {
  return decide_transicion(c, p, to, endpoint).decision;
}

std::set<int> numbers_where(bool (*pred)(const Transicion&)) {
  std::set<int> out;
  for (const Transicion& t : all_transiciones()) {
    if (pred(t)) out.insert(t.numero);
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(existen_exactamente_las_22_aristas) {
  BOOST_TEST(all_transiciones().size() == 22u);
  int found = 0;
  for (EstadoPendiente from : all_values<EstadoPendiente>()) {
    for (EstadoPendiente to : all_values<EstadoPendiente>()) {
      const Transicion* t = find_transicion(from, to);
      const auto expected = expected_edge(from, to);
      BOOST_TEST_CONTEXT(name_of(from) << " -> " << name_of(to)) {
        BOOST_TEST((t != nullptr) == expected.has_value());
        if (t != nullptr && expected) {
          ++found;
          BOOST_TEST(t->from == from);
          BOOST_TEST(t->to == to);
          BOOST_TEST(t->bits == expected->bits);
        }
      }
    }
  }
  BOOST_TEST(found == 22);
}

BOOST_AUTO_TEST_CASE(aristas_numeradas_como_en_la_tabla) {
  int n = 1;
  for (const Transicion& t : all_transiciones()) {
    BOOST_TEST(t.numero == n);
    BOOST_TEST(t.from == kExpected[n - 1].from);
    BOOST_TEST(t.to == kExpected[n - 1].to);
    BOOST_TEST(!t.accion.empty());
    ++n;
  }
}

// Every pair that is not an edge is rejected, whatever the caller holds and via any endpoint.
BOOST_AUTO_TEST_CASE(todo_par_fuera_de_la_tabla_es_transicion_invalida) {
  const Caller admin = caller_with(kAllPermisos);
  for (EstadoPendiente from : all_values<EstadoPendiente>()) {
    for (EstadoPendiente to : all_values<EstadoPendiente>()) {
      if (expected_edge(from, to)) continue;
      for (auto endpoint : {TransicionEndpoint::Estado, TransicionEndpoint::Asignar,
                            TransicionEndpoint::Postergar}) {
        const auto r = decide_transicion(admin, en(from), to, endpoint);
        BOOST_TEST_CONTEXT(name_of(from) << " -> " << name_of(to)) {
          BOOST_TEST(r.decision == TransicionDecision::TransicionInvalida);
          BOOST_TEST(r.transicion == nullptr);
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(finalizado_no_tiene_salida) {
  for (EstadoPendiente to : all_values<EstadoPendiente>()) {
    BOOST_TEST(find_transicion(FINALIZADO, to) == nullptr);
  }
}

BOOST_AUTO_TEST_CASE(solo_postergado_admite_x_a_x) {
  for (EstadoPendiente e : all_values<EstadoPendiente>()) {
    BOOST_TEST((find_transicion(e, e) != nullptr) == (e == POSTERGADO));
  }
}

BOOST_AUTO_TEST_CASE(banderas_de_las_aristas) {
  BOOST_TEST((numbers_where([](const Transicion& t) { return t.requiere_detalle; }) ==
              std::set<int>{1, 20}));
  BOOST_TEST((numbers_where([](const Transicion& t) { return t.asigna_tecnico; }) ==
              std::set<int>{1, 20}));
  BOOST_TEST((numbers_where([](const Transicion& t) { return t.limpia_tecnico; }) ==
              std::set<int>{5, 11, 15}));
  BOOST_TEST((numbers_where([](const Transicion& t) { return t.requiere_estado_tecnico_ok; }) ==
              std::set<int>{17}));
  BOOST_TEST((numbers_where([](const Transicion& t) { return t.postergacion; }) ==
              std::set<int>{3, 21, 22}));
  BOOST_TEST((numbers_where([](const Transicion& t) { return t.ejecucion; }) ==
              std::set<int>{4, 7, 8, 9, 12, 13, 16, 19}));
  BOOST_TEST((numbers_where([](const Transicion& t) { return t.bits_sin_regla_tecnico != 0; }) ==
              std::set<int>{16, 19}));
  BOOST_TEST(find_transicion(REVISION, POR_VALIDAR)->bits_sin_regla_tecnico == kRevisarFinalizados);
  BOOST_TEST(find_transicion(OBSERVADO, POR_VALIDAR)->bits_sin_regla_tecnico == kRevisarFinalizados);
}

BOOST_AUTO_TEST_CASE(cerrados_son_finalizado_y_cancelado) {
  for (EstadoPendiente e : all_values<EstadoPendiente>()) {
    BOOST_TEST(is_closed(e) == (e == FINALIZADO || e == CANCELADO));
  }
}

// For every edge and every single bit: the bit lets the assigned technician through iff it
// is one of the edge's bits (the caller is the assigned technician, so §3.4 holds).
BOOST_AUTO_TEST_CASE(cada_arista_exige_uno_de_sus_bits) {
  for (const Transicion& t : all_transiciones()) {
    const TransicionEndpoint endpoint = t.asigna_tecnico ? TransicionEndpoint::Asignar
                                        : t.postergacion ? TransicionEndpoint::Postergar
                                                         : TransicionEndpoint::Estado;
    for (int n = 0; n < 14; ++n) {
      const int bit = 1 << n;
      const auto r = decide_transicion(caller_with(bit), en(t.from), t.to, endpoint);
      BOOST_TEST_CONTEXT("arista " << t.numero << " bit " << bit) {
        BOOST_TEST(r.transicion == &t);
        BOOST_TEST((r.decision == TransicionDecision::Ok) == ((t.bits & bit) != 0));
        if ((t.bits & bit) == 0) BOOST_TEST(r.decision == TransicionDecision::SinPermiso);
      }
    }
    BOOST_TEST(decide(caller_with(0), en(t.from), t.to, endpoint) == TransicionDecision::SinPermiso);
    BOOST_TEST(decide(caller_with(kAllPermisos), en(t.from), t.to, endpoint) ==
               TransicionDecision::Ok);
  }
}

BOOST_AUTO_TEST_CASE(asignar_solo_realiza_las_aristas_1_y_20) {
  const Caller coord = caller_with(10367, kCoordinadora);
  for (EstadoPendiente from : all_values<EstadoPendiente>()) {
    const bool allowed = from == REGISTRADO || from == POSTERGADO;
    BOOST_TEST_CONTEXT(name_of(from)) {
      BOOST_TEST((decide(coord, en(from, std::nullopt), ASIGNADO, TransicionEndpoint::Asignar) ==
                  TransicionDecision::Ok) == allowed);
      if (!allowed) {
        BOOST_TEST(decide(coord, en(from), ASIGNADO, TransicionEndpoint::Asignar) ==
                   TransicionDecision::TransicionInvalida);
      }
    }
  }
  // Any other target through /asignar is refused even when /estado could do it.
  BOOST_TEST(decide(coord, en(REGISTRADO), CANCELADO, TransicionEndpoint::Asignar) ==
             TransicionDecision::TransicionInvalida);
}

BOOST_AUTO_TEST_CASE(asignar_desde_asignado_es_transicion_invalida) {
  BOOST_TEST(decide(caller_with(kAllPermisos), en(ASIGNADO), ASIGNADO, TransicionEndpoint::Asignar) ==
             TransicionDecision::TransicionInvalida);
}

BOOST_AUTO_TEST_CASE(postergar_solo_realiza_las_aristas_3_21_y_22) {
  const Caller coord = caller_with(10367, kCoordinadora);
  for (EstadoPendiente from : all_values<EstadoPendiente>()) {
    const bool allowed = from == REGISTRADO || from == POSTERGADO || from == CANCELADO;
    BOOST_TEST_CONTEXT(name_of(from)) {
      const auto d = decide(coord, en(from), POSTERGADO, TransicionEndpoint::Postergar);
      BOOST_TEST(d == (allowed ? TransicionDecision::Ok : TransicionDecision::TransicionInvalida));
    }
  }
  BOOST_TEST(decide(coord, en(REGISTRADO), CANCELADO, TransicionEndpoint::Postergar) ==
             TransicionDecision::TransicionInvalida);
}

BOOST_AUTO_TEST_CASE(estado_realiza_cualquier_arista) {
  const Caller admin = caller_with(kAllPermisos);
  for (const Transicion& t : all_transiciones()) {
    BOOST_TEST(decide(admin, en(t.from), t.to) == TransicionDecision::Ok);
  }
}

BOOST_AUTO_TEST_CASE(estado_a_asignado_sin_tecnico_pide_usar_asignar) {
  const Caller coord = caller_with(10367, kCoordinadora);
  const auto r = decide_transicion(coord, en(POSTERGADO, std::nullopt), ASIGNADO,
                                   TransicionEndpoint::Estado);
  BOOST_TEST(r.decision == TransicionDecision::UsarAsignar);
  BOOST_TEST(r.transicion->numero == 20);
  BOOST_TEST(decide(coord, en(REGISTRADO, std::nullopt), ASIGNADO) == TransicionDecision::UsarAsignar);
  BOOST_TEST(decide(coord, en(POSTERGADO, kTecnico), ASIGNADO) == TransicionDecision::Ok);
}

BOOST_AUTO_TEST_CASE(estado_a_asignado_sin_permiso_es_403_antes_que_usar_asignar) {
  BOOST_TEST(decide(caller_with(2020), en(POSTERGADO, std::nullopt), ASIGNADO) ==
             TransicionDecision::SinPermiso);
}

BOOST_AUTO_TEST_CASE(transicion_invalida_va_antes_que_sin_permiso) {
  BOOST_TEST(decide(caller_with(0), en(FINALIZADO), REGISTRADO) ==
             TransicionDecision::TransicionInvalida);
  BOOST_TEST(decide(caller_with(0), en(ASIGNADO), ASIGNADO, TransicionEndpoint::Asignar) ==
             TransicionDecision::TransicionInvalida);
}

// §3.4 on the pure execution edges (4, 7, 8, 9, 12, 13).
BOOST_AUTO_TEST_CASE(ejecucion_exige_ser_el_tecnico_asignado) {
  const Caller tecnico = caller_with(2020, kTecnico);
  const Caller otro = caller_with(2020, kOtroTecnico);
  const Caller sin_empleado = caller_with(2020, std::nullopt);
  for (int numero : {4, 7, 8, 9, 12, 13}) {
    const Transicion& t = all_transiciones()[numero - 1];
    BOOST_TEST_CONTEXT("arista " << numero) {
      BOOST_TEST(decide(tecnico, en(t.from, kTecnico), t.to) == TransicionDecision::Ok);
      BOOST_TEST(decide(otro, en(t.from, kTecnico), t.to) == TransicionDecision::SinPermiso);
      BOOST_TEST(decide(sin_empleado, en(t.from, kTecnico), t.to) == TransicionDecision::SinPermiso);
      BOOST_TEST(decide(sin_empleado, en(t.from, std::nullopt), t.to) ==
                 TransicionDecision::SinPermiso);
      BOOST_TEST(decide(tecnico, en(t.from, std::nullopt), t.to) == TransicionDecision::SinPermiso);
      // VER_TODOS exempts from §3.4 (but the edge bit is still needed).
      BOOST_TEST(decide(caller_with(t.bits | kVerTodosPendientes, kOtroTecnico), en(t.from), t.to) ==
                 TransicionDecision::Ok);
      BOOST_TEST(decide(caller_with(kVerTodosPendientes, kOtroTecnico), en(t.from), t.to) ==
                 TransicionDecision::SinPermiso);
    }
  }
}

// Edges 16 and 19: §3.4 applies only when the caller qualifies through 1024 alone.
BOOST_AUTO_TEST_CASE(revision_y_observado_aplican_regla_tecnico_solo_via_1024) {
  for (EstadoPendiente from : {REVISION, OBSERVADO}) {
    BOOST_TEST_CONTEXT(name_of(from)) {
      // Only 1024: must be the assigned technician.
      BOOST_TEST(decide(caller_with(kFinalizarTrabajo, kTecnico), en(from), POR_VALIDAR) ==
                 TransicionDecision::Ok);
      BOOST_TEST(decide(caller_with(kFinalizarTrabajo, kOtroTecnico), en(from), POR_VALIDAR) ==
                 TransicionDecision::SinPermiso);
      BOOST_TEST(decide(caller_with(kFinalizarTrabajo, std::nullopt), en(from), POR_VALIDAR) ==
                 TransicionDecision::SinPermiso);
      // 8192 (alone or with 1024): anyone.
      BOOST_TEST(decide(caller_with(kRevisarFinalizados, kOtroTecnico), en(from), POR_VALIDAR) ==
                 TransicionDecision::Ok);
      BOOST_TEST(decide(caller_with(kRevisarFinalizados, std::nullopt), en(from), POR_VALIDAR) ==
                 TransicionDecision::Ok);
      BOOST_TEST(decide(caller_with(kRevisarFinalizados | kFinalizarTrabajo, kOtroTecnico), en(from),
                        POR_VALIDAR) == TransicionDecision::Ok);
      // 1024 plus VER_TODOS: exempt.
      BOOST_TEST(decide(caller_with(kFinalizarTrabajo | kVerTodosPendientes, kOtroTecnico), en(from),
                        POR_VALIDAR) == TransicionDecision::Ok);
    }
  }
}

BOOST_AUTO_TEST_CASE(aristas_de_gestion_no_aplican_regla_tecnico) {
  const Caller coord = caller_with(kEditarPendiente | kAsignarTecnico | kRevisarFinalizados,
                                   kCoordinadora);
  for (const Transicion& t : all_transiciones()) {
    if (t.ejecucion) continue;
    const TransicionEndpoint endpoint = t.postergacion ? TransicionEndpoint::Postergar
                                                       : TransicionEndpoint::Estado;
    BOOST_TEST_CONTEXT("arista " << t.numero) {
      BOOST_TEST(passes_regla_tecnico(t, coord, en(t.from, kOtroTecnico)));
      BOOST_TEST(decide(coord, en(t.from, kOtroTecnico), t.to, endpoint) == TransicionDecision::Ok);
    }
  }
}

BOOST_AUTO_TEST_CASE(roles_por_defecto_en_el_flujo_del_traslado) {
  const Caller coord = caller_with(10367, kCoordinadora);
  const Caller tecnico = caller_with(2020, kTecnico);
  const Caller conta = caller_with(14348, 6);
  const Caller asesor = caller_with(2053, 5);
  BOOST_TEST(decide(coord, en(REGISTRADO, std::nullopt), ASIGNADO, TransicionEndpoint::Asignar) ==
             TransicionDecision::Ok);
  BOOST_TEST(decide(tecnico, en(REGISTRADO, std::nullopt), ASIGNADO, TransicionEndpoint::Asignar) ==
             TransicionDecision::SinPermiso);
  BOOST_TEST(decide(tecnico, en(ASIGNADO), EN_PROGRESO) == TransicionDecision::Ok);
  BOOST_TEST(decide(coord, en(ASIGNADO), EN_PROGRESO) == TransicionDecision::SinPermiso);
  BOOST_TEST(decide(tecnico, en(EN_PROGRESO), POR_VALIDAR) == TransicionDecision::Ok);
  BOOST_TEST(decide(tecnico, en(POR_VALIDAR), FINALIZADO) == TransicionDecision::SinPermiso);
  BOOST_TEST(decide(conta, en(POR_VALIDAR), FINALIZADO) == TransicionDecision::Ok);
  BOOST_TEST(decide(coord, en(POR_VALIDAR), OBSERVADO) == TransicionDecision::Ok);
  BOOST_TEST(decide(asesor, en(REGISTRADO), CANCELADO) == TransicionDecision::SinPermiso);
  BOOST_TEST(decide(asesor, en(CANCELADO), POSTERGADO, TransicionEndpoint::Postergar) ==
             TransicionDecision::SinPermiso);
}
