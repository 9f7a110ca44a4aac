-- Issue 5: `tieneDetalle` (§5) as a column of the pendiente instead of five LEFT JOINs on
-- every read. Each of those joins made MariaDB plan a nine-table join per request (its
-- optimizer was the largest cost of GET /api/pendientes/{id} at 1M rows, measured with perf).
-- A details row is only ever inserted, never deleted (§8), so an AFTER INSERT trigger per
-- details table keeps the flag exact whoever writes the row. Re-runnable (IF NOT EXISTS;
-- the UPDATE only sets flags): MariaDB commits each DDL statement, see ctl/migrate.cpp.
ALTER TABLE pendientes ADD COLUMN IF NOT EXISTS tiene_detalle TINYINT(1) NOT NULL DEFAULT 0 AFTER cliente_id;
UPDATE pendientes p SET p.tiene_detalle = 1 WHERE EXISTS (SELECT 1 FROM pendientes_traslados d WHERE d.pendiente_id = p.id) OR EXISTS (SELECT 1 FROM pendientes_instalaciones_internet d WHERE d.pendiente_id = p.id) OR EXISTS (SELECT 1 FROM pendientes_averias d WHERE d.pendiente_id = p.id) OR EXISTS (SELECT 1 FROM pendientes_instalaciones_camaras d WHERE d.pendiente_id = p.id) OR EXISTS (SELECT 1 FROM pendientes_recojo_dispositivos d WHERE d.pendiente_id = p.id);
CREATE TRIGGER IF NOT EXISTS trg_traslados_tiene_detalle AFTER INSERT ON pendientes_traslados FOR EACH ROW UPDATE pendientes SET tiene_detalle = 1 WHERE id = NEW.pendiente_id;
CREATE TRIGGER IF NOT EXISTS trg_instalaciones_internet_tiene_detalle AFTER INSERT ON pendientes_instalaciones_internet FOR EACH ROW UPDATE pendientes SET tiene_detalle = 1 WHERE id = NEW.pendiente_id;
CREATE TRIGGER IF NOT EXISTS trg_averias_tiene_detalle AFTER INSERT ON pendientes_averias FOR EACH ROW UPDATE pendientes SET tiene_detalle = 1 WHERE id = NEW.pendiente_id;
CREATE TRIGGER IF NOT EXISTS trg_instalaciones_camaras_tiene_detalle AFTER INSERT ON pendientes_instalaciones_camaras FOR EACH ROW UPDATE pendientes SET tiene_detalle = 1 WHERE id = NEW.pendiente_id;
CREATE TRIGGER IF NOT EXISTS trg_recojo_dispositivos_tiene_detalle AFTER INSERT ON pendientes_recojo_dispositivos FOR EACH ROW UPDATE pendientes SET tiene_detalle = 1 WHERE id = NEW.pendiente_id;
