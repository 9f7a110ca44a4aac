-- Issue 5: totalElements of the dispatcher's screens without counting rows. A page of
-- /filtrar (§1.3) needs the exact total; with nothing but estados (or no criterion at all)
-- that total is a sum over this table, kept by triggers, instead of a range of tens of
-- thousands of index entries (all vigente orders: a million) on every request. Any other
-- criterion counts as before (db/filtro_repository.cpp). Only creates and estado/vigente
-- changes touch it, so other updates of a pendiente do not wait on it; those that do hold
-- their estado's counter row until they commit (concurrent creates queue on REGISTRADO: the
-- bench's write mix still runs ~1 200 req/s). The two counters of a move are locked in estado
-- order, so two opposite moves cannot deadlock on them.
-- Re-runnable (IF NOT EXISTS; the rebuild recomputes): MariaDB commits each DDL statement.
CREATE TABLE IF NOT EXISTS pendientes_conteo (
  estado VARCHAR(32) NOT NULL,
  total BIGINT NOT NULL,
  PRIMARY KEY (estado)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TRIGGER IF NOT EXISTS trg_pendientes_conteo_insert AFTER INSERT ON pendientes FOR EACH ROW INSERT INTO pendientes_conteo (estado, total) VALUES (NEW.estado, NEW.vigente) ON DUPLICATE KEY UPDATE total = total + NEW.vigente;
CREATE TRIGGER IF NOT EXISTS trg_pendientes_conteo_update AFTER UPDATE ON pendientes FOR EACH ROW INSERT INTO pendientes_conteo (estado, total) SELECT x.estado, x.delta FROM (SELECT OLD.estado AS estado, -OLD.vigente AS delta UNION ALL SELECT NEW.estado, NEW.vigente) x WHERE OLD.estado <> NEW.estado OR OLD.vigente <> NEW.vigente ORDER BY x.estado ON DUPLICATE KEY UPDATE total = total + VALUES(total);
CREATE TRIGGER IF NOT EXISTS trg_pendientes_conteo_delete AFTER DELETE ON pendientes FOR EACH ROW INSERT INTO pendientes_conteo (estado, total) VALUES (OLD.estado, -OLD.vigente) ON DUPLICATE KEY UPDATE total = total - OLD.vigente;
-- Rebuilt from the rows (also after a bulk load or TRUNCATE, which fire no triggers: bench/
-- runs these lines). The triggers are live by now, so a create between the two statements
-- may already have put its row back: the INSERT overwrites rather than fails on it.
DELETE FROM pendientes_conteo;
INSERT INTO pendientes_conteo (estado, total) SELECT estado, SUM(vigente) FROM pendientes GROUP BY estado ON DUPLICATE KEY UPDATE total = VALUES(total);
