-- Schema of API.md §13. The runner splits statements at a semicolon that ends a line,
-- so comments and string literals here never contain one.
--
-- Conventions: InnoDB, utf8mb4 / utf8mb4_unicode_ci, snake_case columns, BIGINT
-- AUTO_INCREMENT ids, enum columns as VARCHAR(32) holding the constant name (never MySQL
-- ENUM, which sorts by declaration index), DATETIME with second precision in the service
-- time zone, and fecha_creacion / fecha_modificacion / vigente on every table.
-- VARCHAR lengths are the code-point limits of §5.5 (utf8mb4 counts characters).
-- IF NOT EXISTS lets the runner re-apply this file after a failure half-way through
-- (DDL commits implicitly, so a partial run cannot be rolled back).

CREATE TABLE IF NOT EXISTS roles (
  -- Exact, case-sensitive identifiers (ADMN, TECN, ...): a _ci collation would make
  -- `admn` find ADMN and collide with it.
  id VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  nombre VARCHAR(100) NOT NULL,
  descripcion VARCHAR(200) NULL,
  permisos INT NOT NULL DEFAULT 0,
  fecha_creacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  fecha_modificacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  vigente TINYINT(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (id),
  UNIQUE KEY uk_roles_nombre (nombre),
  CONSTRAINT ck_roles_permisos CHECK (permisos BETWEEN 0 AND 16383)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS cargos (
  id BIGINT NOT NULL AUTO_INCREMENT,
  nombre VARCHAR(100) NOT NULL,
  descripcion VARCHAR(255) NULL,
  fecha_creacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  fecha_modificacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  vigente TINYINT(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (id),
  UNIQUE KEY uk_cargos_nombre (nombre)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS empleados (
  id BIGINT NOT NULL AUTO_INCREMENT,
  nombre VARCHAR(150) NOT NULL,
  apellido_paterno VARCHAR(150) NULL,
  apellido_materno VARCHAR(150) NULL,
  telefono VARCHAR(255) NULL,
  correo VARCHAR(255) NULL,
  cargo_id BIGINT NOT NULL,
  fecha_ingreso DATE NOT NULL,
  fecha_creacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  fecha_modificacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  vigente TINYINT(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (id),
  KEY idx_empleados_cargo (cargo_id),
  CONSTRAINT fk_empleados_cargo FOREIGN KEY (cargo_id) REFERENCES cargos (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS usuarios (
  id BIGINT NOT NULL AUTO_INCREMENT,
  nombre VARCHAR(150) NOT NULL,
  -- The login key is looked up by exact match (§2.2): binary and NO PAD, so neither
  -- case nor trailing spaces can make two DNIs equal.
  dni VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
  email VARCHAR(150) NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  rol_id VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  empleado_id BIGINT NULL,
  fecha_creacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  fecha_modificacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  vigente TINYINT(1) NOT NULL DEFAULT 1,
  -- §1.2 DUPLICADO: an empleado is linked to at most one vigente usuario. NULL for
  -- inactive rows, which a UNIQUE index does not compare.
  empleado_id_vigente BIGINT AS (IF(vigente, empleado_id, NULL)) PERSISTENT,
  PRIMARY KEY (id),
  UNIQUE KEY uk_usuarios_nombre (nombre),
  UNIQUE KEY uk_usuarios_dni (dni),
  UNIQUE KEY uk_usuarios_email (email),
  UNIQUE KEY uk_usuarios_empleado_vigente (empleado_id_vigente),
  KEY idx_usuarios_rol (rol_id),
  KEY idx_usuarios_empleado (empleado_id),
  CONSTRAINT fk_usuarios_rol FOREIGN KEY (rol_id) REFERENCES roles (id),
  CONSTRAINT fk_usuarios_empleado FOREIGN KEY (empleado_id) REFERENCES empleados (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS clientes (
  id BIGINT NOT NULL AUTO_INCREMENT,
  tipo_cliente VARCHAR(32) NOT NULL,
  nombre VARCHAR(150) NOT NULL,
  tipo_documento VARCHAR(32) NOT NULL,
  numero_documento VARCHAR(200) NOT NULL,
  codigo_cliente VARCHAR(200) NOT NULL,
  direccion VARCHAR(200) NULL,
  telefono VARCHAR(20) NULL,
  email VARCHAR(100) NULL,
  contacto_representante VARCHAR(150) NULL,
  fecha_creacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  fecha_modificacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  vigente TINYINT(1) NOT NULL DEFAULT 1,
  -- §13: codigo_cliente is unique among vigente clientes only, so a deleted cliente
  -- frees its code.
  codigo_cliente_vigente VARCHAR(200) AS (IF(vigente, codigo_cliente, NULL)) PERSISTENT,
  PRIMARY KEY (id),
  UNIQUE KEY uk_clientes_codigo_vigente (codigo_cliente_vigente),
  KEY idx_clientes_listado (vigente, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS pendientes (
  id BIGINT NOT NULL AUTO_INCREMENT,
  fecha_pendiente DATETIME NULL,
  registrado_por BIGINT NOT NULL,
  asignado_a BIGINT NULL,
  estado VARCHAR(32) NOT NULL DEFAULT 'REGISTRADO',
  estado_tecnico VARCHAR(32) NOT NULL DEFAULT 'OK',
  empresa VARCHAR(32) NULL,
  lugar VARCHAR(32) NOT NULL,
  prioridad VARCHAR(32) NOT NULL,
  tipo VARCHAR(32) NOT NULL,
  direccion VARCHAR(200) NULL,
  cliente_id BIGINT NOT NULL,
  fecha_creacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  fecha_modificacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  vigente TINYINT(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (id),
  -- Default /filtrar order (fechaCreacion desc, id desc) for callers that see everything.
  KEY idx_pendientes_listado (vigente, fecha_creacion, id),
  -- A technician's own orders (§3.3 own: asignadoA), newest first. estado is left out on
  -- purpose: behind an IN list it would break the order and force a filesort, whereas a
  -- technician's rows are few enough to filter by estado while reading them in order.
  KEY idx_pendientes_asignado (asignado_a, vigente, fecha_creacion, id),
  -- The other half of own (registradoPor) and the registradoPorId filter.
  KEY idx_pendientes_registrado (registrado_por, vigente, fecha_creacion, id),
  -- The estados filter and VER_PENDIENTES_HISTORIAL (FINALIZADO, CANCELADO).
  KEY idx_pendientes_estado (estado, vigente, fecha_creacion),
  KEY idx_pendientes_cliente (cliente_id, vigente, fecha_creacion),
  CONSTRAINT fk_pendientes_registrado FOREIGN KEY (registrado_por) REFERENCES empleados (id),
  CONSTRAINT fk_pendientes_asignado FOREIGN KEY (asignado_a) REFERENCES empleados (id),
  CONSTRAINT fk_pendientes_cliente FOREIGN KEY (cliente_id) REFERENCES clientes (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Type details (§8): one row per pendiente, sharing its key (§5.2 id = pendienteId), so
-- the primary key itself makes a second creation a duplicate (409 DUPLICADO).

CREATE TABLE IF NOT EXISTS pendientes_traslados (
  pendiente_id BIGINT NOT NULL,
  lugar_destino VARCHAR(32) NOT NULL,
  direccion_destino VARCHAR(200) NOT NULL,
  tipo_servicio VARCHAR(32) NOT NULL,
  vlan VARCHAR(50) NULL,
  ppoe VARCHAR(50) NULL,
  -- 255, not 50: room for the value once it is stored encrypted.
  ppoe_password VARCHAR(255) NULL,
  fecha_creacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  fecha_modificacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  vigente TINYINT(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (pendiente_id),
  CONSTRAINT fk_traslados_pendiente FOREIGN KEY (pendiente_id) REFERENCES pendientes (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS pendientes_instalaciones_internet (
  pendiente_id BIGINT NOT NULL,
  velocidad_solicitada VARCHAR(50) NOT NULL,
  costo_fijo VARCHAR(50) NULL,
  tipo_instalacion VARCHAR(32) NOT NULL,
  vlan VARCHAR(50) NULL,
  ppoe VARCHAR(50) NULL,
  ppoe_password VARCHAR(255) NULL,
  fecha_creacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  fecha_modificacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  vigente TINYINT(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (pendiente_id),
  CONSTRAINT fk_instalaciones_internet_pendiente FOREIGN KEY (pendiente_id) REFERENCES pendientes (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS pendientes_averias (
  pendiente_id BIGINT NOT NULL,
  descripcion_falla VARCHAR(4000) NOT NULL,
  vlan VARCHAR(50) NULL,
  ppoe VARCHAR(50) NULL,
  ppoe_password VARCHAR(255) NULL,
  fecha_creacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  fecha_modificacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  vigente TINYINT(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (pendiente_id),
  CONSTRAINT fk_averias_pendiente FOREIGN KEY (pendiente_id) REFERENCES pendientes (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS pendientes_instalaciones_camaras (
  pendiente_id BIGINT NOT NULL,
  fecha_creacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  fecha_modificacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  vigente TINYINT(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (pendiente_id),
  CONSTRAINT fk_instalaciones_camaras_pendiente FOREIGN KEY (pendiente_id) REFERENCES pendientes (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS pendientes_recojo_dispositivos (
  pendiente_id BIGINT NOT NULL,
  dispositivo VARCHAR(32) NOT NULL,
  motivo VARCHAR(200) NULL,
  fecha_creacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  fecha_modificacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  vigente TINYINT(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (pendiente_id),
  CONSTRAINT fk_recojo_dispositivos_pendiente FOREIGN KEY (pendiente_id) REFERENCES pendientes (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS pendientes_tiempos (
  id BIGINT NOT NULL AUTO_INCREMENT,
  pendiente_id BIGINT NOT NULL,
  empleado_id BIGINT NOT NULL,
  hora_inicio DATETIME NOT NULL,
  hora_fin DATETIME NULL,
  descripcion VARCHAR(255) NULL,
  fecha_creacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  fecha_modificacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  vigente TINYINT(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (id),
  -- §9.1 list order (horaInicio, id) and §9.4 latest open session (reverse scan).
  KEY idx_tiempos_pendiente (pendiente_id, hora_inicio, id),
  KEY idx_tiempos_empleado (empleado_id),
  CONSTRAINT fk_tiempos_pendiente FOREIGN KEY (pendiente_id) REFERENCES pendientes (id),
  CONSTRAINT fk_tiempos_empleado FOREIGN KEY (empleado_id) REFERENCES empleados (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Audit trail (§6.2, §10): rows are appended, never modified or deleted.
CREATE TABLE IF NOT EXISTS historiales (
  id BIGINT NOT NULL AUTO_INCREMENT,
  pendiente_id BIGINT NOT NULL,
  empleado_id BIGINT NOT NULL,
  estado VARCHAR(32) NOT NULL,
  detalles VARCHAR(500) NULL,
  fecha_creacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  fecha_modificacion DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  vigente TINYINT(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (id),
  -- §10 order: fechaCreacion desc, id desc (reverse scan).
  KEY idx_historiales_pendiente (pendiente_id, fecha_creacion, id),
  KEY idx_historiales_empleado (empleado_id),
  CONSTRAINT fk_historiales_pendiente FOREIGN KEY (pendiente_id) REFERENCES pendientes (id),
  CONSTRAINT fk_historiales_empleado FOREIGN KEY (empleado_id) REFERENCES empleados (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
