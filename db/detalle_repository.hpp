#pragma once
// The five type-details tables of API.md §8 / §13. Each row shares its pendiente's key
// (§5.2 id = pendienteId), so the primary key makes a second insert a duplicate.
// Reads ignore the rows' vigente flag on purpose: no endpoint deletes details, and
// PendienteResponse.tieneDetalle (db/pendiente_repository) counts every row too.
#include <cstdint>
#include <optional>
#include <string>

#include "db/connection.hpp"
#include "domain/enums.hpp"

namespace pendientes::db {

// §8.6: null until set through the dedicated setters.
struct RedRow {
    std::optional<std::string> vlan;
    std::optional<std::string> ppoe;
    std::optional<std::string> ppoe_password;
};

// §8.1
struct TrasladoCampos {
    domain::LugarPendiente lugar_destino{};
    std::string direccion_destino;
    domain::TipoServicio tipo_servicio{};
};
struct TrasladoRow {
    std::int64_t pendiente_id = 0;
    TrasladoCampos campos;
    RedRow red;
};

// §8.2
struct InstalacionInternetCampos {
    std::string velocidad_solicitada;
    std::optional<std::string> costo_fijo;
    domain::TipoInstalacion tipo_instalacion{};
};
struct InstalacionInternetRow {
    std::int64_t pendiente_id = 0;
    InstalacionInternetCampos campos;
    RedRow red;
};

// §8.3
struct AveriaCampos {
    std::string descripcion_falla;
};
struct AveriaRow {
    std::int64_t pendiente_id = 0;
    AveriaCampos campos;
    RedRow red;
};

// §8.4: nothing but the key.
struct InstalacionCamarasCampos {};
struct InstalacionCamarasRow {
    std::int64_t pendiente_id = 0;
};

// §8.5
struct RecojoDispositivoCampos {
    domain::TipoDispositivoRecojo dispositivo{};
    std::optional<std::string> motivo;
};
struct RecojoDispositivoRow {
    std::int64_t pendiente_id = 0;
    RecojoDispositivoCampos campos;
};

// Per type: find (nullopt when absent), insert (a second insert throws DbError Duplicate),
// update (full replacement of the main fields; PPPoE/VLAN untouched). `now` is SQL text.
std::optional<TrasladoRow> find_traslado(Connection& db, std::int64_t pendiente_id);
void insert_traslado(Connection& db, std::int64_t pendiente_id, const TrasladoCampos& c, const std::string& now);
void update_traslado(Connection& db, std::int64_t pendiente_id, const TrasladoCampos& c, const std::string& now);

std::optional<InstalacionInternetRow> find_instalacion_internet(Connection& db, std::int64_t pendiente_id);
void insert_instalacion_internet(Connection& db, std::int64_t pendiente_id, const InstalacionInternetCampos& c,
                                 const std::string& now);
void update_instalacion_internet(Connection& db, std::int64_t pendiente_id, const InstalacionInternetCampos& c,
                                 const std::string& now);

std::optional<AveriaRow> find_averia(Connection& db, std::int64_t pendiente_id);
void insert_averia(Connection& db, std::int64_t pendiente_id, const AveriaCampos& c, const std::string& now);
void update_averia(Connection& db, std::int64_t pendiente_id, const AveriaCampos& c, const std::string& now);

std::optional<InstalacionCamarasRow> find_instalacion_camaras(Connection& db, std::int64_t pendiente_id);
void insert_instalacion_camaras(Connection& db, std::int64_t pendiente_id, const InstalacionCamarasCampos& c,
                                const std::string& now);
// §8.4: there is nothing to replace; kept so that every type has the same three operations.
void update_instalacion_camaras(Connection& db, std::int64_t pendiente_id, const InstalacionCamarasCampos& c,
                                const std::string& now);

std::optional<RecojoDispositivoRow> find_recojo_dispositivo(Connection& db, std::int64_t pendiente_id);
void insert_recojo_dispositivo(Connection& db, std::int64_t pendiente_id, const RecojoDispositivoCampos& c,
                               const std::string& now);
void update_recojo_dispositivo(Connection& db, std::int64_t pendiente_id, const RecojoDispositivoCampos& c,
                               const std::string& now);

// §8.6 setters, only for TRASLADO, INSTALACION_INTERNET and AVERIA (std::logic_error otherwise).
// They write only their own columns.
void set_ppoe(Connection& db, domain::TipoPendiente tipo, std::int64_t pendiente_id, const std::string& ppoe,
              const std::string& ppoe_password, const std::string& now);
void set_vlan(Connection& db, domain::TipoPendiente tipo, std::int64_t pendiente_id, const std::string& vlan,
              const std::string& now);

}  // namespace pendientes::db
