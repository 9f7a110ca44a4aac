#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "db/connection.hpp"
#include "domain/enums.hpp"
#include "domain/permisos.hpp"

namespace pendientes::db {

// Everything PendienteResponse (§5.1) shows, joined once.
struct PendienteRow {
    std::int64_t id = 0;
    std::string fecha_creacion;                  // ISO, second precision
    std::optional<std::string> fecha_pendiente;  // ISO
    std::int64_t registrado_por = 0;
    std::string registrado_por_nombre;
    std::optional<std::int64_t> asignado_a;
    std::optional<std::string> asignado_a_nombre;
    domain::EstadoPendiente estado{};
    domain::EstadoTecnico estado_tecnico{};
    std::optional<domain::EmpresaPendiente> empresa;
    domain::LugarPendiente lugar{};
    domain::PrioridadPendiente prioridad{};
    domain::TipoPendiente tipo{};
    std::optional<std::string> direccion;
    std::int64_t cliente_id = 0;
    std::string cliente;
    std::optional<std::string> cod_cliente;
    std::optional<std::string> celular_cliente;
    bool tiene_detalle = false;

    domain::PendienteRef ref() const { return domain::PendienteRef{registrado_por, asignado_a, estado}; }
};

struct NuevoPendiente {
    std::optional<std::string> fecha_pendiente;  // SQL text
    std::int64_t registrado_por = 0;
    domain::EstadoTecnico estado_tecnico = domain::EstadoTecnico::OK;
    std::optional<domain::EmpresaPendiente> empresa;
    domain::LugarPendiente lugar{};
    domain::PrioridadPendiente prioridad{};
    domain::TipoPendiente tipo{};
    std::optional<std::string> direccion;
    std::int64_t cliente_id = 0;
};

// Vigente only (§0.2): a soft-deleted pendiente behaves as if it did not exist.
std::optional<PendienteRow> find_pendiente(Connection& db, std::int64_t id);

// Inside a transaction: locks the pendiente row (§6.6) and reads it. nullopt when missing.
std::optional<PendienteRow> lock_pendiente(Connection& db, std::int64_t id);

// Inserts the pendiente (REGISTRADO) and returns its id; the caller appends the historial row
// in the same transaction.
std::int64_t insert_pendiente(Connection& db, const NuevoPendiente& p, const std::string& now_sql);

// The caller holds the row's lock (lock_pendiente), so it is there to delete.
void soft_delete_pendiente(Connection& db, std::int64_t id);

// The empleado written on audit rows: the caller's, else the configured system empleado (§6.2).
std::int64_t audit_empleado(const domain::Caller& caller, std::int64_t system_empleado_id);

}  // namespace pendientes::db

// 21 columns read by read_pendiente(); FROM/JOINs in PENDIENTE_FROM.
#define PENDIENTE_COLUMNS                                                                                  \
    "p.id, p.fecha_creacion, p.fecha_pendiente, p.registrado_por, er.nombre, er.apellido_paterno, "        \
    "p.asignado_a, ea.nombre, ea.apellido_paterno, p.estado, p.estado_tecnico, p.empresa, p.lugar, "       \
    "p.prioridad, p.tipo, p.direccion, p.cliente_id, c.nombre, c.codigo_cliente, c.telefono, "             \
    "p.tiene_detalle"
#define PENDIENTE_FROM " FROM pendientes p" PENDIENTE_JOINS
// The joins alone, for statements that reach `pendientes p` through another table first (/filtrar).
#define PENDIENTE_JOINS                                                                                    \
    " JOIN empleados er ON er.id = p.registrado_por"                                                       \
    " LEFT JOIN empleados ea ON ea.id = p.asignado_a JOIN clientes c ON c.id = p.cliente_id"
// tiene_detalle is a column kept by triggers (sql/migrations/009_tiene_detalle.sql).

namespace pendientes::db {
// Reads the PENDIENTE_COLUMNS of the current row, starting at column `first` (1-based).
PendienteRow read_pendiente(const Rows& rows, unsigned first = 1);
}
