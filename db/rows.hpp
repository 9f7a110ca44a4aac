#pragma once
// Row structs shared by repositories and the JSON presenters in handlers/.
#include <cstdint>
#include <optional>
#include <string>

namespace pendientes::db {

struct CargoRow {
    std::int64_t id = 0;
    std::string nombre;
    std::optional<std::string> descripcion;
};

struct EmpleadoRow {
    std::int64_t id = 0;
    std::string nombre;
    std::optional<std::string> apellido_paterno;
    std::optional<std::string> apellido_materno;
    std::optional<std::string> telefono;
    std::optional<std::string> correo;
    std::optional<CargoRow> cargo;
    std::optional<std::string> fecha_ingreso;  // YYYY-MM-DD
    bool vigente = true;
};

struct RolRow {
    std::string id;
    std::string nombre;
    int permisos = 0;
    std::optional<std::string> descripcion;
};

struct UsuarioRow {
    std::int64_t id = 0;
    std::string nombre;
    std::string dni;
    std::string email;
    bool vigente = true;
    RolRow rol;
    std::optional<EmpleadoRow> empleado;
};

struct ClienteRow {
    std::int64_t id = 0;
    std::string tipo_cliente;
    std::string nombre;
    std::string tipo_documento;
    std::string codigo_cliente;
    std::string numero_documento;
    std::optional<std::string> direccion;
    std::optional<std::string> telefono;
    std::optional<std::string> email;
    std::optional<std::string> contacto_representante;
    bool vigente = true;
};

// "YYYY-MM-DD HH:MM:SS[.f]" as MariaDB returns DATETIME → "YYYY-MM-DDTHH:MM:SS" (§0.3).
std::string iso_date_time(std::string sql_text);
std::optional<std::string> iso_date_time(std::optional<std::string> sql_text);

}  // namespace pendientes::db
