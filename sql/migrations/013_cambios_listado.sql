-- Issue 5: when may a worker answer /filtrar from a page it computed before? Exactly when no
-- row that page read (pendientes, clientes, empleados, and the tables their triggers keep) has
-- changed since. Every change to those three tables adds one to a counter here, in the same
-- transaction, so the sum over all counters is a change number that a reader sees move exactly
-- when a change becomes visible to it (db/listado_cache.hpp). The sum is read with the caller's
-- re-check, in the same statement.
-- One counter per connection slot (CONNECTION_ID() mod 64) instead of a single row: a writer
-- holds its counter's row lock until it commits, and writers on different connections must
-- not queue behind each other. Two connections share a slot only when their ids differ by a
-- multiple of 64; they then serialize on it, as creates already do on migration 010's counters.
-- 64 and not more: every /filtrar request sums them (256 rows cost 15 % of the bench's c).
-- The counters only grow, so an unchanged sum means no counter moved.
-- Writes that fire no trigger (TRUNCATE, LOAD DATA into a table without them) must add to a
-- counter themselves: bench/ does after its TRUNCATE.
-- Re-runnable (IF NOT EXISTS, INSERT IGNORE): MariaDB commits each DDL statement.
CREATE TABLE IF NOT EXISTS listado_cambios (
  ranura SMALLINT UNSIGNED NOT NULL,
  cambios BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (ranura)
) ENGINE=InnoDB;
INSERT IGNORE INTO listado_cambios (ranura, cambios) SELECT seq, 0 FROM seq_0_to_63;
CREATE TRIGGER IF NOT EXISTS trg_pendientes_cambios_insert AFTER INSERT ON pendientes FOR EACH ROW UPDATE listado_cambios SET cambios = cambios + 1 WHERE ranura = CONNECTION_ID() % 64;
CREATE TRIGGER IF NOT EXISTS trg_pendientes_cambios_update AFTER UPDATE ON pendientes FOR EACH ROW UPDATE listado_cambios SET cambios = cambios + 1 WHERE ranura = CONNECTION_ID() % 64;
CREATE TRIGGER IF NOT EXISTS trg_pendientes_cambios_delete AFTER DELETE ON pendientes FOR EACH ROW UPDATE listado_cambios SET cambios = cambios + 1 WHERE ranura = CONNECTION_ID() % 64;
CREATE TRIGGER IF NOT EXISTS trg_clientes_cambios_insert AFTER INSERT ON clientes FOR EACH ROW UPDATE listado_cambios SET cambios = cambios + 1 WHERE ranura = CONNECTION_ID() % 64;
CREATE TRIGGER IF NOT EXISTS trg_clientes_cambios_update AFTER UPDATE ON clientes FOR EACH ROW UPDATE listado_cambios SET cambios = cambios + 1 WHERE ranura = CONNECTION_ID() % 64;
CREATE TRIGGER IF NOT EXISTS trg_clientes_cambios_delete AFTER DELETE ON clientes FOR EACH ROW UPDATE listado_cambios SET cambios = cambios + 1 WHERE ranura = CONNECTION_ID() % 64;
CREATE TRIGGER IF NOT EXISTS trg_empleados_cambios_insert AFTER INSERT ON empleados FOR EACH ROW UPDATE listado_cambios SET cambios = cambios + 1 WHERE ranura = CONNECTION_ID() % 64;
CREATE TRIGGER IF NOT EXISTS trg_empleados_cambios_update AFTER UPDATE ON empleados FOR EACH ROW UPDATE listado_cambios SET cambios = cambios + 1 WHERE ranura = CONNECTION_ID() % 64;
CREATE TRIGGER IF NOT EXISTS trg_empleados_cambios_delete AFTER DELETE ON empleados FOR EACH ROW UPDATE listado_cambios SET cambios = cambios + 1 WHERE ranura = CONNECTION_ID() % 64;
