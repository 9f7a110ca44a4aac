-- Re-runnable (IF NOT EXISTS): MariaDB commits each DDL statement, see ctl/migrate.cpp.
-- Issue 5: indexes for the /filtrar shapes measured by bench/ at 1 000 000 pendientes.
--
-- A technician's own orders with an estados filter (§3.3 own, §7.3 estados): each half of
-- the own-rows union (db/filtro_repository.cpp, DE_EMPLEADO) becomes one short range instead of
-- every row the empleado ever had (~8 000 in the bench dataset).
ALTER TABLE pendientes
  ADD KEY IF NOT EXISTS idx_pendientes_asignado_estado (asignado_a, estado, vigente),
  ADD KEY IF NOT EXISTS idx_pendientes_registrado_estado (registrado_por, estado, vigente);

-- The titulo criterion (a substring of direccion, or of the cliente's nombre/código) cannot
-- seek; its COUNT walks this narrow covering index instead of the whole clustered rows.
ALTER TABLE pendientes
  ADD KEY IF NOT EXISTS idx_pendientes_titulo (vigente, direccion, cliente_id);
