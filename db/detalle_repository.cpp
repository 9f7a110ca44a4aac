#include "db/detalle_repository.hpp"

#include "auth/field_cipher.hpp"

#include <stdexcept>
#include <string_view>

namespace pendientes::db {
namespace {

template <class E>
E stored_enum(const Rows& r, unsigned col) {
    auto e = domain::parse_enum<E>(r.string(col));
    // Only this service writes these columns; an unknown name is a corrupted row, a server fault.
    if (!e) throw std::runtime_error("unknown enum value stored in a details table");
    return *e;
}

RedRow read_red(const Rows& r, unsigned first) {
    std::optional<std::string> password;
    if (auto sealed = r.opt_string(first + 2)) {
        // Stored sealed (issue 6); a value that does not open is a key problem, a server fault.
        password = auth::field_cipher().open(*sealed);
        if (!password) throw std::runtime_error("PPPoE password does not decrypt with the configured key");
    }
    return RedRow{r.opt_string(first), r.opt_string(first + 1), std::move(password)};
}

}  // namespace

// ---- §8.1 Traslado ----

std::optional<TrasladoRow> find_traslado(Connection& db, std::int64_t id) {
    Rows r = db.statement(
                   "SELECT pendiente_id, lugar_destino, direccion_destino, tipo_servicio, vlan, ppoe, ppoe_password "
                   "FROM pendientes_traslados WHERE pendiente_id = ?")
                 .bind(id)
                 .query();
    if (!r.next()) return std::nullopt;
    return TrasladoRow{r.int64(1),
                       {stored_enum<domain::LugarPendiente>(r, 2), r.string(3), stored_enum<domain::TipoServicio>(r, 4)},
                       read_red(r, 5)};
}

void insert_traslado(Connection& db, std::int64_t id, const TrasladoCampos& c, const std::string& now) {
    db.statement(
          "INSERT INTO pendientes_traslados (pendiente_id, lugar_destino, direccion_destino, tipo_servicio, "
          "vigente, fecha_creacion, fecha_modificacion) VALUES (?, ?, ?, ?, 1, ?, ?)")
        .bind(id)
        .bind(domain::name_of(c.lugar_destino))
        .bind(c.direccion_destino)
        .bind(domain::name_of(c.tipo_servicio))
        .bind(now)
        .bind(now)
        .update();
}

void update_traslado(Connection& db, std::int64_t id, const TrasladoCampos& c, const std::string& now) {
    db.statement(
          "UPDATE pendientes_traslados SET lugar_destino = ?, direccion_destino = ?, tipo_servicio = ?, "
          "fecha_modificacion = ? WHERE pendiente_id = ?")
        .bind(domain::name_of(c.lugar_destino))
        .bind(c.direccion_destino)
        .bind(domain::name_of(c.tipo_servicio))
        .bind(now)
        .bind(id)
        .update();
}

// ---- §8.2 Instalación de internet ----

std::optional<InstalacionInternetRow> find_instalacion_internet(Connection& db, std::int64_t id) {
    Rows r = db.statement(
                   "SELECT pendiente_id, velocidad_solicitada, costo_fijo, tipo_instalacion, vlan, ppoe, ppoe_password "
                   "FROM pendientes_instalaciones_internet WHERE pendiente_id = ?")
                 .bind(id)
                 .query();
    if (!r.next()) return std::nullopt;
    return InstalacionInternetRow{
        r.int64(1), {r.string(2), r.opt_string(3), stored_enum<domain::TipoInstalacion>(r, 4)}, read_red(r, 5)};
}

void insert_instalacion_internet(Connection& db, std::int64_t id, const InstalacionInternetCampos& c,
                                 const std::string& now) {
    db.statement(
          "INSERT INTO pendientes_instalaciones_internet (pendiente_id, velocidad_solicitada, costo_fijo, "
          "tipo_instalacion, vigente, fecha_creacion, fecha_modificacion) VALUES (?, ?, ?, ?, 1, ?, ?)")
        .bind(id)
        .bind(c.velocidad_solicitada)
        .bind(c.costo_fijo)
        .bind(domain::name_of(c.tipo_instalacion))
        .bind(now)
        .bind(now)
        .update();
}

void update_instalacion_internet(Connection& db, std::int64_t id, const InstalacionInternetCampos& c,
                                 const std::string& now) {
    db.statement(
          "UPDATE pendientes_instalaciones_internet SET velocidad_solicitada = ?, costo_fijo = ?, "
          "tipo_instalacion = ?, fecha_modificacion = ? WHERE pendiente_id = ?")
        .bind(c.velocidad_solicitada)
        .bind(c.costo_fijo)
        .bind(domain::name_of(c.tipo_instalacion))
        .bind(now)
        .bind(id)
        .update();
}

// ---- §8.3 Avería ----

std::optional<AveriaRow> find_averia(Connection& db, std::int64_t id) {
    Rows r = db.statement(
                   "SELECT pendiente_id, descripcion_falla, vlan, ppoe, ppoe_password "
                   "FROM pendientes_averias WHERE pendiente_id = ?")
                 .bind(id)
                 .query();
    if (!r.next()) return std::nullopt;
    return AveriaRow{r.int64(1), {r.string(2)}, read_red(r, 3)};
}

void insert_averia(Connection& db, std::int64_t id, const AveriaCampos& c, const std::string& now) {
    db.statement(
          "INSERT INTO pendientes_averias (pendiente_id, descripcion_falla, vigente, fecha_creacion, "
          "fecha_modificacion) VALUES (?, ?, 1, ?, ?)")
        .bind(id)
        .bind(c.descripcion_falla)
        .bind(now)
        .bind(now)
        .update();
}

void update_averia(Connection& db, std::int64_t id, const AveriaCampos& c, const std::string& now) {
    db.statement("UPDATE pendientes_averias SET descripcion_falla = ?, fecha_modificacion = ? WHERE pendiente_id = ?")
        .bind(c.descripcion_falla)
        .bind(now)
        .bind(id)
        .update();
}

// ---- §8.4 Instalación de cámaras ----

std::optional<InstalacionCamarasRow> find_instalacion_camaras(Connection& db, std::int64_t id) {
    Rows r = db.statement("SELECT pendiente_id FROM pendientes_instalaciones_camaras WHERE pendiente_id = ?")
                 .bind(id)
                 .query();
    if (!r.next()) return std::nullopt;
    return InstalacionCamarasRow{r.int64(1)};
}

void insert_instalacion_camaras(Connection& db, std::int64_t id, const InstalacionCamarasCampos&,
                                const std::string& now) {
    db.statement(
          "INSERT INTO pendientes_instalaciones_camaras (pendiente_id, vigente, fecha_creacion, fecha_modificacion) "
          "VALUES (?, 1, ?, ?)")
        .bind(id)
        .bind(now)
        .bind(now)
        .update();
}

void update_instalacion_camaras(Connection&, std::int64_t, const InstalacionCamarasCampos&, const std::string&) {}

// ---- §8.5 Recojo de dispositivo ----

std::optional<RecojoDispositivoRow> find_recojo_dispositivo(Connection& db, std::int64_t id) {
    Rows r = db.statement("SELECT pendiente_id, dispositivo, motivo FROM pendientes_recojo_dispositivos "
                          "WHERE pendiente_id = ?")
                 .bind(id)
                 .query();
    if (!r.next()) return std::nullopt;
    return RecojoDispositivoRow{r.int64(1), {stored_enum<domain::TipoDispositivoRecojo>(r, 2), r.opt_string(3)}};
}

void insert_recojo_dispositivo(Connection& db, std::int64_t id, const RecojoDispositivoCampos& c,
                               const std::string& now) {
    db.statement(
          "INSERT INTO pendientes_recojo_dispositivos (pendiente_id, dispositivo, motivo, vigente, fecha_creacion, "
          "fecha_modificacion) VALUES (?, ?, ?, 1, ?, ?)")
        .bind(id)
        .bind(domain::name_of(c.dispositivo))
        .bind(c.motivo)
        .bind(now)
        .bind(now)
        .update();
}

void update_recojo_dispositivo(Connection& db, std::int64_t id, const RecojoDispositivoCampos& c,
                               const std::string& now) {
    db.statement(
          "UPDATE pendientes_recojo_dispositivos SET dispositivo = ?, motivo = ?, fecha_modificacion = ? "
          "WHERE pendiente_id = ?")
        .bind(domain::name_of(c.dispositivo))
        .bind(c.motivo)
        .bind(now)
        .bind(id)
        .update();
}

// ---- §8.6 PPPoE / VLAN ----
// One complete constant statement per table: the table is chosen by tipo, never spliced.

void set_ppoe(Connection& db, domain::TipoPendiente tipo, std::int64_t id, const std::string& ppoe,
              const std::string& ppoe_password, const std::string& now) {
    std::string_view sql;
    switch (tipo) {
        case domain::TipoPendiente::TRASLADO:
            sql = "UPDATE pendientes_traslados SET ppoe = ?, ppoe_password = ?, fecha_modificacion = ? "
                  "WHERE pendiente_id = ?";
            break;
        case domain::TipoPendiente::INSTALACION_INTERNET:
            sql = "UPDATE pendientes_instalaciones_internet SET ppoe = ?, ppoe_password = ?, fecha_modificacion = ? "
                  "WHERE pendiente_id = ?";
            break;
        case domain::TipoPendiente::AVERIA:
            sql = "UPDATE pendientes_averias SET ppoe = ?, ppoe_password = ?, fecha_modificacion = ? "
                  "WHERE pendiente_id = ?";
            break;
        default:
            throw std::logic_error("set_ppoe: type without PPPoE");
    }
    db.statement(sql).bind(ppoe).bind(auth::field_cipher().seal(ppoe_password)).bind(now).bind(id).update();
}

void set_vlan(Connection& db, domain::TipoPendiente tipo, std::int64_t id, const std::string& vlan,
              const std::string& now) {
    std::string_view sql;
    switch (tipo) {
        case domain::TipoPendiente::TRASLADO:
            sql = "UPDATE pendientes_traslados SET vlan = ?, fecha_modificacion = ? WHERE pendiente_id = ?";
            break;
        case domain::TipoPendiente::INSTALACION_INTERNET:
            sql = "UPDATE pendientes_instalaciones_internet SET vlan = ?, fecha_modificacion = ? "
                  "WHERE pendiente_id = ?";
            break;
        case domain::TipoPendiente::AVERIA:
            sql = "UPDATE pendientes_averias SET vlan = ?, fecha_modificacion = ? WHERE pendiente_id = ?";
            break;
        default:
            throw std::logic_error("set_vlan: type without VLAN");
    }
    db.statement(sql).bind(vlan).bind(now).bind(id).update();
}

}  // namespace pendientes::db
