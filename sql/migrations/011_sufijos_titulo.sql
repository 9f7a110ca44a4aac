-- Issue 5: the /filtrar `titulo` criterion (§7.3: a case-insensitive substring of direccion or
-- of the cliente's nombre / código) without reading every order. A substring of a text that
-- holds no space lies inside one space-separated word, so it is a prefix of one of that word's
-- suffixes: these tables hold every suffix (of 3 characters or more, cut to 32) of every word,
-- and `sufijo LIKE 'texto%'` is an index range. db/filtro_repository.cpp reads the orders found
-- there; a search with spaces, or longer than 32 characters, uses its longest space-free piece
-- for the range and the full LIKE on top. Same collation as the searched columns, so the range
-- matches exactly what their LIKE matches. Triggers keep the suffixes whoever writes the rows.
-- Re-runnable (IF NOT EXISTS, INSERT IGNORE): MariaDB commits each DDL statement.
-- vigente is copied from the order so that a count of the range needs no row of pendientes
-- (a million-row table read at random: 120 ms against 30 ms for "Titicaca" in the bench).
CREATE TABLE IF NOT EXISTS pendiente_sufijos (
  sufijo VARCHAR(32) NOT NULL,
  pendiente_id BIGINT NOT NULL,
  vigente TINYINT(1) NOT NULL,
  PRIMARY KEY (sufijo, pendiente_id),
  KEY idx_pendiente_sufijos_pendiente (pendiente_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE IF NOT EXISTS cliente_sufijos (
  sufijo VARCHAR(32) NOT NULL,
  cliente_id BIGINT NOT NULL,
  PRIMARY KEY (sufijo, cliente_id),
  KEY idx_cliente_sufijos_cliente (cliente_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- Word n of a text: SUBSTRING_INDEX(SUBSTRING_INDEX(t, ' ', n), ' ', -1), for n up to the
-- number of spaces + 1; suffix k of a word: SUBSTRING(w, k) for k up to its length - 2. The
-- columns are at most 200 characters, so seq_1_to_200 bounds both.
CREATE TRIGGER IF NOT EXISTS trg_pendientes_sufijos_insert AFTER INSERT ON pendientes FOR EACH ROW INSERT IGNORE INTO pendiente_sufijos (sufijo, pendiente_id, vigente) SELECT LEFT(SUBSTRING(w.palabra, k.seq), 32), NEW.id, NEW.vigente FROM (SELECT SUBSTRING_INDEX(SUBSTRING_INDEX(NEW.direccion, ' ', n.seq), ' ', -1) AS palabra FROM seq_1_to_200 n WHERE n.seq <= 1 + CHAR_LENGTH(NEW.direccion) - CHAR_LENGTH(REPLACE(NEW.direccion, ' ', ''))) w JOIN seq_1_to_200 k ON k.seq <= CHAR_LENGTH(w.palabra) - 2;
CREATE TRIGGER IF NOT EXISTS trg_pendientes_sufijos_update AFTER UPDATE ON pendientes FOR EACH ROW BEGIN IF NOT (OLD.direccion <=> NEW.direccion) THEN DELETE FROM pendiente_sufijos WHERE pendiente_id = NEW.id; INSERT IGNORE INTO pendiente_sufijos (sufijo, pendiente_id, vigente) SELECT LEFT(SUBSTRING(w.palabra, k.seq), 32), NEW.id, NEW.vigente FROM (SELECT SUBSTRING_INDEX(SUBSTRING_INDEX(NEW.direccion, ' ', n.seq), ' ', -1) AS palabra FROM seq_1_to_200 n WHERE n.seq <= 1 + CHAR_LENGTH(NEW.direccion) - CHAR_LENGTH(REPLACE(NEW.direccion, ' ', ''))) w JOIN seq_1_to_200 k ON k.seq <= CHAR_LENGTH(w.palabra) - 2; ELSEIF OLD.vigente <> NEW.vigente THEN UPDATE pendiente_sufijos SET vigente = NEW.vigente WHERE pendiente_id = NEW.id; END IF; END;
CREATE TRIGGER IF NOT EXISTS trg_pendientes_sufijos_delete AFTER DELETE ON pendientes FOR EACH ROW DELETE FROM pendiente_sufijos WHERE pendiente_id = OLD.id;
CREATE TRIGGER IF NOT EXISTS trg_clientes_sufijos_insert AFTER INSERT ON clientes FOR EACH ROW INSERT IGNORE INTO cliente_sufijos (sufijo, cliente_id) SELECT LEFT(SUBSTRING(w.palabra, k.seq), 32), NEW.id FROM (SELECT SUBSTRING_INDEX(SUBSTRING_INDEX(t.texto, ' ', n.seq), ' ', -1) AS palabra FROM (SELECT CONCAT_WS(' ', NEW.nombre, NEW.codigo_cliente) AS texto) t JOIN seq_1_to_200 n ON n.seq <= 1 + CHAR_LENGTH(t.texto) - CHAR_LENGTH(REPLACE(t.texto, ' ', ''))) w JOIN seq_1_to_200 k ON k.seq <= CHAR_LENGTH(w.palabra) - 2;
CREATE TRIGGER IF NOT EXISTS trg_clientes_sufijos_update AFTER UPDATE ON clientes FOR EACH ROW BEGIN IF NOT (OLD.nombre <=> NEW.nombre AND OLD.codigo_cliente <=> NEW.codigo_cliente) THEN DELETE FROM cliente_sufijos WHERE cliente_id = NEW.id; INSERT IGNORE INTO cliente_sufijos (sufijo, cliente_id) SELECT LEFT(SUBSTRING(w.palabra, k.seq), 32), NEW.id FROM (SELECT SUBSTRING_INDEX(SUBSTRING_INDEX(t.texto, ' ', n.seq), ' ', -1) AS palabra FROM (SELECT CONCAT_WS(' ', NEW.nombre, NEW.codigo_cliente) AS texto) t JOIN seq_1_to_200 n ON n.seq <= 1 + CHAR_LENGTH(t.texto) - CHAR_LENGTH(REPLACE(t.texto, ' ', ''))) w JOIN seq_1_to_200 k ON k.seq <= CHAR_LENGTH(w.palabra) - 2; END IF; END;
CREATE TRIGGER IF NOT EXISTS trg_clientes_sufijos_delete AFTER DELETE ON clientes FOR EACH ROW DELETE FROM cliente_sufijos WHERE cliente_id = OLD.id;
-- The rows already there (also after a bulk load or TRUNCATE, which fire no triggers: bench/).
-- STRAIGHT_JOIN: left free, MariaDB joins the two sequences first and the table last (a
-- block-nested-loop over 40 000 × rows); this way each row reads only its own word and
-- position ranges.
INSERT IGNORE INTO pendiente_sufijos (sufijo, pendiente_id, vigente) SELECT STRAIGHT_JOIN LEFT(SUBSTRING(SUBSTRING_INDEX(SUBSTRING_INDEX(p.direccion, ' ', n.seq), ' ', -1), k.seq), 32), p.id, p.vigente FROM pendientes p JOIN seq_1_to_200 n ON n.seq <= 1 + CHAR_LENGTH(p.direccion) - CHAR_LENGTH(REPLACE(p.direccion, ' ', '')) JOIN seq_1_to_200 k ON k.seq <= CHAR_LENGTH(SUBSTRING_INDEX(SUBSTRING_INDEX(p.direccion, ' ', n.seq), ' ', -1)) - 2;
INSERT IGNORE INTO cliente_sufijos (sufijo, cliente_id) SELECT STRAIGHT_JOIN LEFT(SUBSTRING(SUBSTRING_INDEX(SUBSTRING_INDEX(CONCAT_WS(' ', c.nombre, c.codigo_cliente), ' ', n.seq), ' ', -1), k.seq), 32), c.id FROM clientes c JOIN seq_1_to_200 n ON n.seq <= 1 + CHAR_LENGTH(CONCAT_WS(' ', c.nombre, c.codigo_cliente)) - CHAR_LENGTH(REPLACE(CONCAT_WS(' ', c.nombre, c.codigo_cliente), ' ', '')) JOIN seq_1_to_200 k ON k.seq <= CHAR_LENGTH(SUBSTRING_INDEX(SUBSTRING_INDEX(CONCAT_WS(' ', c.nombre, c.codigo_cliente), ' ', n.seq), ' ', -1)) - 2;
