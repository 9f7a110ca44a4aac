-- API.md §12.1 without the administrator account (pendientesctl creates that one from
-- PENDIENTES_ADMIN_DNI / PENDIENTES_ADMIN_PASSWORD_HASH). Fixed ids and INSERT IGNORE make
-- a second run a no-op. Statements end with a semicolon at the end of a line.

-- §3.5 default roles. Masks: ADMN all 14 bits, CORD 1+2+4+8+16+32+64+2048+8192,
-- ATAC 1+4+8+32+2048, CONT 4+8+2048+4096+8192, ASES 1+4+2048, TECN 4+32+64+128+256+512+1024.
INSERT IGNORE INTO roles (id, nombre, permisos, descripcion) VALUES
  ('ADMN', 'Administrador', 16383, 'full access'),
  ('CORD', 'Coordinadora', 10367, 'manages and assigns orders, validates, controls PPPoE/VLAN'),
  ('ATAC', 'Atención al Cliente', 2093, 'takes client calls, registers faults, PPPoE records, history'),
  ('CONT', 'Contabilidad', 14348, 'validates orders, reviews costs, history'),
  ('ASES', 'Asesor', 2053, 'registers orders in the shop, sees own orders and the history'),
  ('TECN', 'Tecnico', 2020, 'executes own orders in the field, sets PPPoE/VLAN');

INSERT IGNORE INTO cargos (id, nombre) VALUES
  (1, 'Coordinadora'),
  (2, 'Marketing'),
  (3, 'Atencion al Cliente'),
  (4, 'Asesor'),
  (5, 'Tecnico'),
  (6, 'Servicio Tecnico'),
  (7, 'Almacen'),
  (8, 'Gerente General');

-- The system empleado: author of audit entries when the caller has no empleado
-- (PENDIENTES_SYSTEM_EMPLEADO_ID). No surname, so its display name is just "Sistema".
INSERT IGNORE INTO empleados (id, nombre, apellido_paterno, apellido_materno, cargo_id, fecha_ingreso) VALUES
  (1, 'Sistema', NULL, NULL, 1, '2026-01-01');
