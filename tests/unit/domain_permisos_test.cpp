#define BOOST_TEST_MODULE domain_permisos
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>

#include "domain/permisos.hpp"

using namespace pendientes::domain;

namespace {

constexpr std::int64_t kYo = 7;
constexpr std::int64_t kOtro = 8;
constexpr std::int64_t kTercero = 3;

Caller caller_with(int permisos, std::optional<std::int64_t> empleado_id = kYo) {
  return Caller{.usuario_id = 6, .empleado_id = empleado_id, .permisos = permisos, .rol_id = "X"};
}

PendienteRef pendiente(std::int64_t registrado_por, std::optional<std::int64_t> asignado_a,
                       EstadoPendiente estado = EstadoPendiente::ASIGNADO) {
  return PendienteRef{.registrado_por = registrado_por, .asignado_a = asignado_a, .estado = estado};
}

bool is_closed(EstadoPendiente e) {
  return e == EstadoPendiente::FINALIZADO || e == EstadoPendiente::CANCELADO;
}

}  // namespace

BOOST_AUTO_TEST_CASE(bits_tienen_los_valores_de_la_seccion_3_1) {
  const int bits[] = {kRegistrarPendiente, kEditarPendiente,     kVerDetallePendiente,
                      kVerTodosPendientes, kAsignarTecnico,      kAsignarPpoe,
                      kAsignarVlan,        kComenzarTrabajo,     kPararTrabajo,
                      kContinuarTrabajo,   kFinalizarTrabajo,    kVerPendientesHistorial,
                      kRevisarGastos,      kRevisarFinalizados};
  int all = 0;
  for (int n = 0; n < 14; ++n) {
    BOOST_TEST(bits[n] == (1 << n));
    all |= bits[n];
  }
  BOOST_TEST(all == kAllPermisos);
  BOOST_TEST(kAllPermisos == 16383);
}

BOOST_AUTO_TEST_CASE(has_any_exige_al_menos_un_bit_y_mascara_cero_deja_pasar) {
  BOOST_TEST(has_any(0, 0));
  BOOST_TEST(has_any(kAllPermisos, 0));
  BOOST_TEST(!has_any(0, kVerDetallePendiente | kVerTodosPendientes));
  BOOST_TEST(has_any(kVerTodosPendientes, kVerDetallePendiente | kVerTodosPendientes));
  BOOST_TEST(!has_any(kAsignarTecnico, kVerDetallePendiente | kVerTodosPendientes));
}

BOOST_AUTO_TEST_CASE(permisos_validos_van_de_0_a_16383) {
  BOOST_TEST(is_valid_permisos(0));
  BOOST_TEST(is_valid_permisos(16383));
  BOOST_TEST(!is_valid_permisos(16384));
  BOOST_TEST(!is_valid_permisos(-1));
}

BOOST_AUTO_TEST_CASE(administrador_es_quien_tiene_los_14_bits) {
  BOOST_TEST(is_admin(caller_with(kAllPermisos)));
  BOOST_TEST(!is_admin(caller_with(kAllPermisos & ~kRevisarGastos)));
  BOOST_TEST(!is_admin(caller_with(0)));
}

BOOST_AUTO_TEST_CASE(propio_si_registrado_por_o_asignado_al_empleado_del_caller) {
  BOOST_TEST(is_own(caller_with(0), pendiente(kYo, std::nullopt)));
  BOOST_TEST(is_own(caller_with(0), pendiente(kOtro, kYo)));
  BOOST_TEST(is_own(caller_with(0), pendiente(kYo, kOtro)));
  BOOST_TEST(!is_own(caller_with(0), pendiente(kOtro, kTercero)));
  BOOST_TEST(!is_own(caller_with(0), pendiente(kOtro, std::nullopt)));
}

BOOST_AUTO_TEST_CASE(sin_empleado_nada_es_propio) {
  // A null asignadoA must not "match" a null caller.empleadoId.
  BOOST_TEST(!is_own(caller_with(kAllPermisos, std::nullopt), pendiente(kYo, std::nullopt)));
  BOOST_TEST(!is_visible(caller_with(kVerDetallePendiente, std::nullopt),
                         pendiente(kYo, std::nullopt)));
}

// Truth table over the three bits that matter (4, 8, 2048), ownership and every estado.
BOOST_AUTO_TEST_CASE(tabla_de_visibilidad_y_escritura) {
  for (int mask = 0; mask < 8; ++mask) {
    const bool detalle = (mask & 1) != 0;
    const bool todos = (mask & 2) != 0;
    const bool historial = (mask & 4) != 0;
    const int permisos = (detalle ? kVerDetallePendiente : 0) |
                         (todos ? kVerTodosPendientes : 0) |
                         (historial ? kVerPendientesHistorial : 0);
    // Unrelated bits never change the outcome.
    for (int extra : {0, kAllPermisos & ~(kVerDetallePendiente | kVerTodosPendientes |
                                          kVerPendientesHistorial)}) {
      const Caller caller = caller_with(permisos | extra);
      for (bool own : {false, true}) {
        for (EstadoPendiente estado : all_values<EstadoPendiente>()) {
          const PendienteRef p = own ? pendiente(kOtro, kYo, estado) : pendiente(kOtro, kTercero, estado);
          const bool writable = todos || (detalle && own);
          const bool visible = writable || (historial && is_closed(estado));
          BOOST_TEST_CONTEXT("mask=" << mask << " extra=" << extra << " own=" << own
                                     << " estado=" << name_of(estado)) {
            BOOST_TEST(is_writable(caller, p) == writable);
            BOOST_TEST(is_visible(caller, p) == visible);
          }
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(tecnico_ve_solo_lo_suyo) {
  const Caller tecnico = caller_with(2020);
  BOOST_TEST(is_visible(tecnico, pendiente(kTercero, kYo)));
  BOOST_TEST(is_writable(tecnico, pendiente(kTercero, kYo)));
  BOOST_TEST(!is_visible(tecnico, pendiente(kTercero, kOtro)));
  BOOST_TEST(!is_visible(tecnico, pendiente(kTercero, kOtro, EstadoPendiente::FINALIZADO)));
}

BOOST_AUTO_TEST_CASE(historial_ve_cerrados_ajenos_pero_no_los_escribe) {
  const Caller asesor = caller_with(2053);
  const PendienteRef finalizado = pendiente(kTercero, kOtro, EstadoPendiente::FINALIZADO);
  const PendienteRef cancelado = pendiente(kTercero, std::nullopt, EstadoPendiente::CANCELADO);
  BOOST_TEST(is_visible(asesor, finalizado));
  BOOST_TEST(is_visible(asesor, cancelado));
  BOOST_TEST(!is_writable(asesor, finalizado));
  BOOST_TEST(!is_writable(asesor, cancelado));
  BOOST_TEST(!is_visible(asesor, pendiente(kTercero, kOtro, EstadoPendiente::POR_VALIDAR)));
}

BOOST_AUTO_TEST_CASE(regla_de_entrada_propia_de_tiempos) {
  BOOST_TEST(own_entry_rule_applies(caller_with(2020)));
  BOOST_TEST(!own_entry_rule_applies(caller_with(kEditarPendiente)));
  BOOST_TEST(!own_entry_rule_applies(caller_with(kVerTodosPendientes)));
  BOOST_TEST(may_touch_tiempo_of(caller_with(2020), kYo));
  BOOST_TEST(!may_touch_tiempo_of(caller_with(2020), kOtro));
  BOOST_TEST(!may_touch_tiempo_of(caller_with(2020, std::nullopt), kOtro));
  BOOST_TEST(may_touch_tiempo_of(caller_with(kEditarPendiente, std::nullopt), kOtro));
  BOOST_TEST(may_touch_tiempo_of(caller_with(kVerTodosPendientes), kOtro));
}

BOOST_AUTO_TEST_CASE(roles_por_defecto_de_la_seccion_3_5) {
  const auto roles = default_roles();
  BOOST_TEST_REQUIRE(roles.size() == 6u);
  const struct {
    const char* id;
    const char* nombre;
    int permisos;
  } expected[] = {
      {"ADMN", "Administrador", 16383}, {"CORD", "Coordinadora", 10367},
      {"ATAC", "Atención al Cliente", 2093}, {"CONT", "Contabilidad", 14348},
      {"ASES", "Asesor", 2053},          {"TECN", "Tecnico", 2020},
  };
  for (std::size_t i = 0; i < roles.size(); ++i) {
    BOOST_TEST(std::string(roles[i].id) == expected[i].id);
    BOOST_TEST(std::string(roles[i].nombre) == expected[i].nombre);
    BOOST_TEST(roles[i].permisos == expected[i].permisos);
    BOOST_TEST(!roles[i].descripcion.empty());
    BOOST_TEST(is_valid_permisos(roles[i].permisos));
  }
}

BOOST_AUTO_TEST_CASE(solo_admn_es_administrador_entre_los_roles_por_defecto) {
  for (const auto& rol : default_roles()) {
    BOOST_TEST(is_admin(caller_with(rol.permisos)) == (rol.id == "ADMN"));
  }
}
