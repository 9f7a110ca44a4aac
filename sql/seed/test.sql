-- API.md §12.2 test fixture, loaded on top of bootstrap.sql into an empty database
-- (PENDIENTES_SEED=test). Fixed ids and INSERT IGNORE make a second run a no-op.
-- Password hashes are bcrypt cost 10 of the passwords listed in §12.2.

INSERT IGNORE INTO roles (id, nombre, permisos, descripcion) VALUES
  ('SINP', 'Sin permisos', 0, 'test fixture: no permission bits');

-- Empleado 1 comes from bootstrap.sql and is repeated so this file stands on its own.
INSERT IGNORE INTO empleados (id, nombre, apellido_paterno, apellido_materno, cargo_id, fecha_ingreso) VALUES
  (1, 'Sistema', NULL, NULL, 1, '2026-01-01'),
  (2, 'Adela', 'Administradora', NULL, 8, '2026-01-01'),
  (3, 'Carmen', 'Coordinadora', NULL, 1, '2026-01-01'),
  (4, 'Ángel', 'Atención', NULL, 3, '2026-01-01'),
  (5, 'Sergio', 'Asesor', NULL, 4, '2026-01-01'),
  (6, 'Cecilia', 'Contable', NULL, 8, '2026-01-01'),
  (7, 'Tomás', 'Técnico', NULL, 5, '2026-01-01'),
  (8, 'Teresa', 'Peña', NULL, 5, '2026-01-01'),
  (9, 'Iván', 'Inactivo', NULL, 5, '2026-01-01'),
  (10, 'Nadia', 'Nula', NULL, 2, '2026-01-01');

-- Passwords: admin Admin#2026, coordinadora Coord#2026, atencion Atencion#2026,
-- asesor Asesor#2026, contabilidad Conta#2026, tecnico1 and tecnico2 Tecnico#2026,
-- inactivo Inactivo#2026 (vigente = 0), sinpermisos SinPermisos#2026.
INSERT IGNORE INTO usuarios (id, nombre, dni, email, password_hash, rol_id, empleado_id, vigente) VALUES
  (1, 'admin', '10000001', 'admin@pendientes.test', '$2b$10$77rzdGRyC77L7DGkcQ6louorCNLEycwOaJeZpne5fXkoa8eFk3O3O', 'ADMN', 2, 1),
  (2, 'coordinadora', '10000002', 'coordinadora@pendientes.test', '$2b$10$HGzJoCS5wUTcaK6mKC5SIeu9mbjOaorIT4IeU7eMzB6qYN7sT.fGG', 'CORD', 3, 1),
  (3, 'atencion', '10000003', 'atencion@pendientes.test', '$2b$10$lz9C0fGzUz2DgVN.75KOeu79MAkeuiyakZp7d3YpdQHbk5oR/Gj4O', 'ATAC', 4, 1),
  (4, 'asesor', '10000004', 'asesor@pendientes.test', '$2b$10$rY2K8trJpuUBXwba4co3x.ERDLA42u0cywA6ksISfHRbyXYYXjUH2', 'ASES', 5, 1),
  (5, 'contabilidad', '10000005', 'contabilidad@pendientes.test', '$2b$10$YlYJ6zDhAuaf.pw4PEWNIeSHYqmHZ4g9FPMbvunEupu5VZfrvzkJK', 'CONT', 6, 1),
  (6, 'tecnico1', '10000006', 'tecnico1@pendientes.test', '$2b$10$KSMWwtrmMjKv9kO40KLus.1dRuDleUlr5IfQ.CPF4FdqV/xbQM2iS', 'TECN', 7, 1),
  (7, 'tecnico2', '10000007', 'tecnico2@pendientes.test', '$2b$10$NHImB15KEHX3nMM57YxKH.p4ZoIVVAUA8L69.QLhgflx7GVPpuqRK', 'TECN', 8, 1),
  (8, 'inactivo', '10000008', 'inactivo@pendientes.test', '$2b$10$l0dG6SrYH7DbeCgK5RZlIuf/3W9KYKymM5DFR85eGiOZfa0R2m.5W', 'TECN', 9, 0),
  (9, 'sinpermisos', '10000009', 'sinpermisos@pendientes.test', '$2b$10$6fGDm4bTdEoB/IXSzo.AmeR6KE8/yqmKP5m2WDQHtRdXAeRpIhj6q', 'SINP', 10, 1);

INSERT IGNORE INTO clientes (id, tipo_cliente, nombre, tipo_documento, numero_documento, codigo_cliente, direccion, telefono) VALUES
  (1, 'PERSONA', 'Cliente Demo Núñez', 'DNI', '40000001', 'CLI-0001', 'Jr. Lima 120, Puno', '900000001'),
  (2, 'EMPRESA', 'Comercial Demo S.A.C.', 'RUC', '20000000001', 'CLI-0002', 'Av. Circunvalación 455, Juliaca', '900000002');
