# shellcheck shell=bash
# SQL text of the bench dataset, generated inside MariaDB from its built-in sequence tables
# (seq_1_to_N, the Sequence engine): no files to write, no client round trip per row.
#
# Every "random" value is a function of (seed, row number, column tag) through MD5, so the
# same seed and size always produce the same rows, whatever the chunking. Only integers that
# this script computed itself are spliced into the statements.
#
# Shape (full size N = 1 000 000; --quick N = 10 000):
#   clientes   C = N/20 (min 500): 90 % PERSONA, 10 % EMPRESA
#   empleados  200: the first 120 technicians (cargo 5), then 20 coordinadoras, 30 atención,
#              30 asesores
#   pendientes N, fecha_creacion spread over three years in id order. The oldest 92 % are
#              almost all closed (FINALIZADO 92.5 %, CANCELADO 7 %), the newest 8 % carry the
#              open work (REGISTRADO 25 %, ASIGNADO 20 %, …): overall ~86 % FINALIZADO.
#              Tipos: AVERIA 40 %, INSTALACION_INTERNET 30 %, TRASLADO 12 %,
#              RECOJO_DISPOSITIVOS 10 %, INSTALACION_CAMARAS 8 %. 0.5 % soft-deleted
#              (row number n with n % 200 = 199; the Lua scripts skip those ids).
#   details    one row per pendiente in the table of its tipo
#   historial  one row per state the order went through (creation included): ~4.8 per order
#   tiempos    one work session per order that reached EN_PROGRESO, a second for 30 %
#
# The titulo scenario searches "Titicaca": one street name in 32 and one company name in 8.

# bench_h TAG: SQL expression of a 32-bit hash of (seed, n, TAG); n is the row number column.
# MD5, not CRC32: CRC is affine, so the CRC32s of two inputs that differ only in the tag differ
# by a constant XOR and their low bits (what MOD reads) are correlated across columns.
bench_h() { printf "CONV(LEFT(MD5(CONCAT(%d, ':', n, ':%s')), 8), 16, 10)" "$BENCH_SEED" "$1"; }

bench_sql_estado_case() {
  # Two distributions: the newest 8 % of the orders (n > N * 0.92) and the older ones.
  # INTERVAL(x, b1, b2, …) = how many bounds are <= x: one hash per row, not one per branch.
  local recent=$((BENCH_N - BENCH_N * 8 / 100))
  cat <<SQL
IF(n > $recent,
   ELT(1 + INTERVAL(MOD($(bench_h e), 1000), 250, 450, 530, 560, 580, 680, 720, 900, 950),
       'REGISTRADO', 'ASIGNADO', 'EN_PROGRESO', 'PAUSADO', 'REVISION', 'POR_VALIDAR', 'OBSERVADO',
       'FINALIZADO', 'POSTERGADO', 'CANCELADO'),
   ELT(1 + INTERVAL(MOD($(bench_h e), 1000), 925, 995, 998), 'FINALIZADO', 'CANCELADO', 'POSTERGADO', 'OBSERVADO'))
SQL
}

bench_sql_tipo_case() {
  cat <<SQL
ELT(1 + INTERVAL(MOD($(bench_h t), 100), 40, 70, 82, 90),
    'AVERIA', 'INSTALACION_INTERNET', 'TRASLADO', 'INSTALACION_CAMARAS', 'RECOJO_DISPOSITIVOS')
SQL
}

BENCH_STREETS="'Lima','Arequipa','Puno','Cusco','Tacna','Moquegua','Deustua','Ayacucho','Independencia','Los Incas','Simón Bolívar','El Sol','Titicaca','Grau','Bolognesi','Túpac Amaru','Huancané','Lampa','Azángaro','Melgar','Carabaya','Sandia','Chucuito','Ilave','Pardo','Cahuide','Manco Cápac','Mariano Núñez','San Martín','Progreso','Libertad','Floral'"
BENCH_CITIES="'Puno','Juliaca','Ilave','Juli','Pomata','Desaguadero','Acora','Chucuito'"
BENCH_FIRST="'Juan','María','José','Rosa','Luis','Ana','Carlos','Carmen','Jorge','Elena','Pedro','Lucía','Miguel','Sofía','Víctor','Julia','Raúl','Teresa','Mario','Gloria'"
BENCH_LAST="'Quispe','Mamani','Condori','Huanca','Choque','Apaza','Flores','Ccallo','Pari','Ticona','Coaquira','Cruz','Limachi','Ramos','Vilca','Yupanqui','Calsina','Chambi','Pilco','Zapana'"

# bench_sql_direccion TAG: a street address built from the hash of TAG.
bench_sql_direccion() {
  printf "CONCAT(ELT(1 + MOD(%s, 4), 'Jr.', 'Av.', 'Calle', 'Psje.'), ' ', ELT(1 + MOD(%s, 32), %s), ' ', 100 + MOD(%s, 1900), ', ', ELT(1 + MOD(%s, 8), %s))" \
    "$(bench_h "$1a")" "$(bench_h "$1b")" "$BENCH_STREETS" "$(bench_h "$1c")" "$(bench_h "$1d")" "$BENCH_CITIES"
}

bench_sql_setup() {
  cat <<SQL
CREATE TABLE IF NOT EXISTS bench_dataset (
  -- One row: the dataset now loaded. complete = 0 while loading, so that an interrupted load
  -- is recognised and removed by the next run.
  id TINYINT NOT NULL,
  size INT NOT NULL,
  seed INT NOT NULL,
  version INT NOT NULL,
  pend_lo BIGINT NOT NULL, pend_hi BIGINT NOT NULL,
  cli_lo BIGINT NOT NULL, cli_hi BIGINT NOT NULL,
  emp_lo BIGINT NOT NULL, emp_hi BIGINT NOT NULL,
  complete TINYINT NOT NULL,
  load_seconds INT NOT NULL,
  loaded_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id)
) ENGINE=InnoDB;
SQL
}

# Per-chunk statements: the session disables FK and unique checks (the generator is consistent
# by construction) and each chunk is one transaction.
bench_sql_session() {
  echo "SET SESSION foreign_key_checks = 0, unique_checks = 0, time_zone = '+00:00';"
}

bench_sql_empleados() {
  cat <<SQL
INSERT INTO empleados (id, nombre, apellido_paterno, apellido_materno, telefono, correo, cargo_id,
                       fecha_ingreso, fecha_creacion, fecha_modificacion, vigente)
SELECT $BENCH_EMP_LO + seq - 1,
       ELT(1 + MOD(CONV(LEFT(MD5(CONCAT($BENCH_SEED, ':', seq, ':en')), 8), 16, 10), 20), $BENCH_FIRST),
       CONCAT('Bench', seq),
       ELT(1 + MOD(CONV(LEFT(MD5(CONCAT($BENCH_SEED, ':', seq, ':ea')), 8), 16, 10), 20), $BENCH_LAST),
       CONCAT('95', LPAD(seq, 7, '0')), CONCAT('empleado', seq, '@bench.test'),
       CASE WHEN seq <= 120 THEN 5 WHEN seq <= 140 THEN 1 WHEN seq <= 170 THEN 3 ELSE 4 END,
       '2022-01-03', '2023-11-01 08:00:00', '2023-11-01 08:00:00', 1
FROM seq_1_to_200;
SQL
}

bench_sql_clientes() {
  cat <<SQL
INSERT INTO clientes (id, tipo_cliente, nombre, tipo_documento, numero_documento, codigo_cliente,
                      direccion, telefono, email, contacto_representante, fecha_creacion,
                      fecha_modificacion, vigente)
SELECT $BENCH_CLI_LO + n - 1,
       IF(empresa, 'EMPRESA', 'PERSONA'),
       IF(empresa,
          CONCAT(ELT(1 + MOD($(bench_h ca), 5), 'Comercial', 'Inversiones', 'Distribuidora', 'Servicios', 'Corporación'), ' ',
                 ELT(1 + MOD($(bench_h cb), 8), 'Titicaca', 'Altiplano', 'Inti', 'Los Andes', 'Pucará', 'Sillustani', 'Collao', 'Kolla'), ' ',
                 ELT(1 + MOD($(bench_h cc), 3), 'S.A.C.', 'E.I.R.L.', 'S.R.L.')),
          CONCAT(ELT(1 + MOD($(bench_h ca), 20), $BENCH_FIRST), ' ',
                 ELT(1 + MOD($(bench_h cb), 20), $BENCH_LAST), ' ',
                 ELT(1 + MOD($(bench_h cc), 20), $BENCH_LAST))),
       IF(empresa, 'RUC', 'DNI'),
       IF(empresa, CONCAT('20', LPAD(n, 9, '0')), LPAD(40000000 + n, 8, '0')),
       CONCAT('BENCH-', LPAD(n, 6, '0')),
       $(bench_sql_direccion cd),
       CONCAT('9', LPAD(MOD($(bench_h ct), 100000000), 8, '0')),
       CONCAT('cliente', n, '@bench.test'),
       NULL, '2023-11-01 08:00:00', '2023-11-01 08:00:00', 1
FROM (SELECT seq AS n, MOD(CONV(LEFT(MD5(CONCAT($BENCH_SEED, ':', seq, ':ce')), 8), 16, 10), 10) = 0 AS empresa
      FROM seq_1_to_$BENCH_C) s;
SQL
}

# bench_sql_pendientes LO HI: rows n = LO..HI.
bench_sql_pendientes() {
  local lo=$1 hi=$2
  cat <<SQL
INSERT INTO pendientes (id, fecha_pendiente, registrado_por, asignado_a, estado, estado_tecnico,
                        empresa, lugar, prioridad, tipo, direccion, cliente_id, fecha_creacion,
                        fecha_modificacion, vigente)
SELECT $BENCH_PEND_LO + n - 1,
       IF(MOD($(bench_h f), 10) = 0, NULL, creada + INTERVAL (1 + MOD($(bench_h g), 72)) HOUR),
       IF(MOD($(bench_h r), 20) = 0, $BENCH_EMP_LO + MOD($(bench_h s), 120), $BENCH_EMP_LO + 120 + MOD($(bench_h s), 80)),
       IF(estado = 'REGISTRADO' OR (estado IN ('CANCELADO', 'POSTERGADO') AND MOD($(bench_h x), 2) = 0), NULL,
          $BENCH_EMP_LO + MOD($(bench_h a), 120)),
       estado,
       IF(estado IN ('FINALIZADO', 'CANCELADO', 'POR_VALIDAR') OR tipo IN ('INSTALACION_CAMARAS', 'RECOJO_DISPOSITIVOS'), 'OK',
          ELT(1 + MOD($(bench_h k), 10), 'PENDIENTE_PPPoE', 'PENDIENTE_PPPoE', 'PENDIENTE_VLAN',
              'PENDIENTE_PPPoE_Y_VLAN', 'OK', 'OK', 'OK', 'OK', 'OK', 'OK')),
       ELT(1 + MOD($(bench_h m), 20), 'SIMAX', 'SIMAX', 'SIMAX', 'SIMAX', 'SIMAX', 'SIMAX', 'SIMAX', 'SIMAX', 'SIMAX',
           'WINEX', 'WINEX', 'WINEX', 'WINEX', 'WINEX', 'WINEX', 'WINEX', 'WINEX', 'WINEX', 'OTRO', NULL),
       ELT(1 + MOD($(bench_h l), 20), 'JULIACA', 'JULIACA', 'JULIACA', 'JULIACA', 'PUNO', 'PUNO', 'PUNO', 'PUNO',
           'ZONA_RURAL', 'ZONA_RURAL', 'CHUCUITO', 'PLATERIA', 'ACORA', 'ILAVE', 'JULI', 'POMATA', 'CHACACHACA',
           'YONGUYO', 'ZEPITA', 'DESAGUADERO'),
       ELT(1 + MOD($(bench_h p), 10), 'BAJA', 'BAJA', 'BAJA', 'MEDIA', 'MEDIA', 'MEDIA', 'MEDIA', 'URGENTE', 'URGENTE', 'MUY_URGENTE'),
       tipo,
       IF(MOD($(bench_h d), 20) = 0, NULL, $(bench_sql_direccion d)),
       $BENCH_CLI_LO + MOD($(bench_h c), $BENCH_C),
       creada, creada,
       IF(MOD(n, 200) = 199, 0, 1)
FROM (SELECT n, $(bench_sql_estado_case) AS estado, $(bench_sql_tipo_case) AS tipo,
             TIMESTAMP('2023-12-01 08:00:00') + INTERVAL (FLOOR((n - 1) * (94608000 / $BENCH_N)) + MOD($(bench_h j), 60)) SECOND AS creada
      FROM (SELECT seq AS n FROM seq_1_to_$BENCH_N WHERE seq BETWEEN $lo AND $hi) q
      -- LIMIT: materialized once instead of merged, which would re-evaluate estado and tipo
      -- at every reference below.
      LIMIT 18446744073709551615) s;
SQL
}

# bench_sql_detalles LO HI: details of pendientes n = LO..HI, each in its tipo's table. Here n
# is recomputed from the id, so the hashes match the generator's row numbers.
bench_sql_detalles() {
  local lo=$((BENCH_PEND_LO + $1 - 1)) hi=$((BENCH_PEND_LO + $2 - 1))
  # The rows come from a copy of the chunk: a details insert fires the trigger that sets
  # pendientes.tiene_detalle (009_tiene_detalle.sql), and MariaDB refuses a trigger that
  # updates a table the triggering INSERT … SELECT reads (error 1442).
  local from="FROM (SELECT id, n, estado, estado_tecnico, fecha_creacion FROM bench_chunk WHERE tipo ="
  # PPPoE/VLAN values exist once the order is past dispatch and nothing is outstanding.
  local red="estado NOT IN ('REGISTRADO', 'ASIGNADO', 'POSTERGADO') AND estado_tecnico = 'OK'"
  cat <<SQL
DROP TEMPORARY TABLE IF EXISTS bench_chunk;
CREATE TEMPORARY TABLE bench_chunk (PRIMARY KEY (id), KEY (tipo))
  SELECT id, id - $BENCH_PEND_LO + 1 AS n, estado, estado_tecnico, fecha_creacion, tipo FROM pendientes
  WHERE id BETWEEN $lo AND $hi;
INSERT INTO pendientes_traslados (pendiente_id, lugar_destino, direccion_destino, tipo_servicio, vlan, ppoe,
                                  ppoe_password, fecha_creacion, fecha_modificacion, vigente)
SELECT id, ELT(1 + MOD($(bench_h ld), 4), 'JULIACA', 'PUNO', 'ILAVE', 'JULI'), $(bench_sql_direccion dd),
       ELT(1 + MOD($(bench_h ts), 5), 'INTERNET_FIBRA', 'INTERNET_FIBRA', 'INTERNET_INALAMBRICO', 'CAMARAS', 'OTRO'),
       IF($red, 100 + MOD($(bench_h vl), 3900), NULL), IF($red, CONCAT('pppoe', n), NULL), IF($red, 'bench', NULL),
       fecha_creacion, fecha_creacion, 1
$from 'TRASLADO') p;
INSERT INTO pendientes_instalaciones_internet (pendiente_id, velocidad_solicitada, costo_fijo, tipo_instalacion, vlan,
                                               ppoe, ppoe_password, fecha_creacion, fecha_modificacion, vigente)
SELECT id, ELT(1 + MOD($(bench_h vs), 4), '50 Mbps', '100 Mbps', '200 Mbps', '300 Mbps'),
       ELT(1 + MOD($(bench_h cf), 3), '60.00', '80.00', '120.00'),
       ELT(1 + MOD($(bench_h ti), 5), 'FIBRA', 'FIBRA', 'INALAMBRICO', 'MIGRACION_FIBRA', 'MIGRACION_INALAMBRICO'),
       IF($red, 100 + MOD($(bench_h vl), 3900), NULL), IF($red, CONCAT('pppoe', n), NULL), IF($red, 'bench', NULL),
       fecha_creacion, fecha_creacion, 1
$from 'INSTALACION_INTERNET') p;
INSERT INTO pendientes_averias (pendiente_id, descripcion_falla, vlan, ppoe, ppoe_password, fecha_creacion,
                                fecha_modificacion, vigente)
SELECT id, ELT(1 + MOD($(bench_h df), 6), 'Sin conexión a internet desde la mañana', 'Señal intermitente por las noches',
               'Router no enciende', 'Velocidad muy por debajo de lo contratado', 'Cable de fibra cortado en el poste',
               'Cámaras sin imagen'),
       IF($red, 100 + MOD($(bench_h vl), 3900), NULL), IF($red, CONCAT('pppoe', n), NULL), IF($red, 'bench', NULL),
       fecha_creacion, fecha_creacion, 1
$from 'AVERIA') p;
INSERT INTO pendientes_instalaciones_camaras (pendiente_id, fecha_creacion, fecha_modificacion, vigente)
SELECT id, fecha_creacion, fecha_creacion, 1
$from 'INSTALACION_CAMARAS') p;
INSERT INTO pendientes_recojo_dispositivos (pendiente_id, dispositivo, motivo, fecha_creacion, fecha_modificacion, vigente)
SELECT id, ELT(1 + MOD($(bench_h dv), 4), 'ROUTER', 'DECO', 'ANTENA', 'OTRO'),
       ELT(1 + MOD($(bench_h mo), 3), 'Baja del servicio', 'Cambio de equipo', NULL),
       fecha_creacion, fecha_creacion, 1
$from 'RECOJO_DISPOSITIVOS') p;
SQL
}

# bench_sql_historial LO HI: the path each order took to its current estado (§6.1 edges), one
# row per step, five hours apart; the dispatcher (registrado_por) records creation, dispatch
# and validation, the technician the execution steps.
bench_sql_historial() {
  local lo=$((BENCH_PEND_LO + $1 - 1)) hi=$((BENCH_PEND_LO + $2 - 1))
  cat <<SQL
INSERT INTO historiales (pendiente_id, empleado_id, estado, detalles, fecha_creacion, fecha_modificacion, vigente)
SELECT id,
       IF(estado IN ('EN_PROGRESO', 'PAUSADO', 'REVISION') OR (estado = 'POR_VALIDAR' AND paso = 4),
          COALESCE(asignado_a, registrado_por), registrado_por),
       estado,
       IF(paso = 1, 'Pendiente registrado', CONCAT('Estado: ', anterior, ' -> ', estado)),
       fecha_creacion + INTERVAL (paso - 1) * 5 HOUR, fecha_creacion + INTERVAL (paso - 1) * 5 HOUR, 1
FROM (SELECT p.id, p.registrado_por, p.asignado_a, p.fecha_creacion, s.seq AS paso,
             SUBSTRING_INDEX(SUBSTRING_INDEX(p.camino, ',', s.seq), ',', -1) AS estado,
             SUBSTRING_INDEX(SUBSTRING_INDEX(p.camino, ',', s.seq - 1), ',', -1) AS anterior
      FROM (SELECT id, registrado_por, asignado_a, fecha_creacion,
                   CASE estado
                     WHEN 'REGISTRADO' THEN 'REGISTRADO'
                     WHEN 'ASIGNADO' THEN 'REGISTRADO,ASIGNADO'
                     WHEN 'EN_PROGRESO' THEN 'REGISTRADO,ASIGNADO,EN_PROGRESO'
                     WHEN 'PAUSADO' THEN 'REGISTRADO,ASIGNADO,EN_PROGRESO,PAUSADO'
                     WHEN 'REVISION' THEN 'REGISTRADO,ASIGNADO,EN_PROGRESO,REVISION'
                     WHEN 'POR_VALIDAR' THEN 'REGISTRADO,ASIGNADO,EN_PROGRESO,POR_VALIDAR'
                     WHEN 'OBSERVADO' THEN 'REGISTRADO,ASIGNADO,EN_PROGRESO,POR_VALIDAR,OBSERVADO'
                     WHEN 'FINALIZADO' THEN 'REGISTRADO,ASIGNADO,EN_PROGRESO,POR_VALIDAR,FINALIZADO'
                     WHEN 'POSTERGADO' THEN 'REGISTRADO,POSTERGADO'
                     ELSE IF(asignado_a IS NULL, 'REGISTRADO,CANCELADO', 'REGISTRADO,ASIGNADO,CANCELADO') END AS camino
            FROM pendientes WHERE id BETWEEN $lo AND $hi) p
      JOIN seq_1_to_5 s ON s.seq <= 1 + LENGTH(p.camino) - LENGTH(REPLACE(p.camino, ',', ''))) h
;
SQL
}

# bench_sql_tiempos LO HI: a work session for every order that reached EN_PROGRESO (its
# technician), a second one for 30 %; the last session of an order still EN_PROGRESO is open.
bench_sql_tiempos() {
  local lo=$((BENCH_PEND_LO + $1 - 1)) hi=$((BENCH_PEND_LO + $2 - 1))
  cat <<SQL
INSERT INTO pendientes_tiempos (pendiente_id, empleado_id, hora_inicio, hora_fin, descripcion, fecha_creacion,
                                fecha_modificacion, vigente)
SELECT id, asignado_a, inicio,
       IF(estado = 'EN_PROGRESO' AND sesion = sesiones, NULL, inicio + INTERVAL (30 + MOD(CONV(LEFT(MD5(CONCAT($BENCH_SEED, ':', n, ':hf', sesion)), 8), 16, 10), 150)) MINUTE),
       IF(sesion = 1, 'Trabajo en campo', 'Continuación'), inicio, inicio, 1
FROM (SELECT p.id, p.n, p.asignado_a, p.estado, s.seq AS sesion, p.sesiones,
             p.fecha_creacion + INTERVAL (7 + (s.seq - 1) * 24) HOUR AS inicio
      FROM (SELECT id, id - $BENCH_PEND_LO + 1 AS n, asignado_a, estado, fecha_creacion,
                   1 + (MOD(CONV(LEFT(MD5(CONCAT($BENCH_SEED, ':', id - $BENCH_PEND_LO + 1, ':ti')), 8), 16, 10), 10) < 3) AS sesiones
            FROM pendientes
            WHERE id BETWEEN $lo AND $hi AND asignado_a IS NOT NULL
              AND estado IN ('EN_PROGRESO', 'PAUSADO', 'REVISION', 'POR_VALIDAR', 'OBSERVADO', 'FINALIZADO')) p
      JOIN seq_1_to_2 s ON s.seq <= p.sesiones) t
;
SQL
}
