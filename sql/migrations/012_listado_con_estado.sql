-- Issue 5: the dispatcher's open orders (§7.3 estados, default sort) under the newest closed
-- ones. idx_pendientes_listado walked in order found them, but each closed order skipped cost
-- a read of its row to test estado: after the bench's write mix had finished 8 900 orders,
-- a page read 2 900 rows (8 800 pages, 6 ms). With estado in the index the page's ids come
-- from the index alone (db/filtro_repository.cpp reads the ids first): 8 pages, 0.8 ms.
-- One statement, so a kill leaves either index; re-running rebuilds it (1.5 s at 1M rows).
ALTER TABLE pendientes DROP KEY IF EXISTS idx_pendientes_listado, ADD KEY idx_pendientes_listado (vigente, fecha_creacion, id, estado);
