-- Per-DNI login back-off (issue 6): failures are counted across every worker and survive a
-- restart. Keyed by the DNI as typed, so unknown DNIs are throttled exactly like known ones.
CREATE TABLE IF NOT EXISTS login_intentos (
  dni VARCHAR(150) COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
  fallos INT NOT NULL DEFAULT 0,
  ultimo_fallo DATETIME NOT NULL,
  bloqueado_hasta DATETIME NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
