# shellcheck shell=bash
# Helpers of bench/run: the dev stack's layout (from scripts/lib/stack.sh, read-only use),
# admin SQL, the bench dataset and accounts, tokens, worker RSS and one wrk run.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
# shellcheck source=../../scripts/lib/stack.sh
source "$BENCH_DIR/../scripts/lib/stack.sh"
# shellcheck source=dataset.sql.sh
source "$BENCH_DIR/lib/dataset.sql.sh"

# Bumped whenever the generator changes what it produces: a dataset of another version reloads.
BENCH_VERSION=2

bench_log() { printf '%s[bench %s]%s %s\n' "$_B" "$(date +%H:%M:%S)" "$_N" "$*" >&2; }

bench_sql() { db_admin "$DB_NAME" "$@"; }

# ---------------------------------------------------------------------------------------
# the stack

stack_is_up() {
  pid_of "$DB_PID_FILE" mariadbd >/dev/null && pid_of "$POOL_PID_FILE" pendientes-fcgi >/dev/null &&
    pid_of "$NGINX_PID_FILE" nginx >/dev/null &&
    curl -sk --noproxy '*' --max-time 3 -o /dev/null -w '%{http_code}' "$BENCH_BASE/healthz/live" | grep -qx 200
}

ensure_stack() {
  if ((BENCH_UP == 0)) && stack_is_up; then
    bench_log "dev stack is up ($BENCH_BASE, MariaDB 127.0.0.1:$DB_PORT)"
    return 0
  fi
  bench_log "running ./scripts/up"
  "$STACK_ROOT/scripts/up" >&2 || die "./scripts/up failed"
  stack_is_up || die "the dev stack does not answer on $BENCH_BASE"
}

pool_master() { pid_of "$POOL_PID_FILE" pendientes-fcgi; }

# worker_pids: the master's children that run pendientes-fcgi.
worker_pids() {
  local master
  master=$(pool_master) || return 0
  pgrep -P "$master" -x pendientes-fcgi || true
}

# mariadb_cpu: CPU time of mariadbd so far, in 1/100 s (utime + stime).
mariadb_cpu() {
  local pid
  pid=$(pid_of "$DB_PID_FILE" mariadbd) || { echo 0; return; }
  awk '{print $14 + $15}' "/proc/$pid/stat"
}

vm_rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

# rss_snapshot: "pid rss_kb" per worker.
# conf_value KEY: KEY's value in the stack's config file (empty when absent).
conf_value() { grep -m1 "^$1=" "$CONF_FILE" 2>/dev/null | cut -d= -f2- || true; }

# pool_reload_with KEY VALUE: sets KEY in the stack's config (an empty VALUE removes the line,
# so the default applies) and reloads the pool: SIGHUP re-reads the config, starts new workers
# and lets the old ones drain. Returns once none of the old workers is left.
pool_reload_with() {
  local key=$1 value=$2 old new deadline=$((SECONDS + 30))
  old=$(worker_pids | sort)
  sed -i "/^$key=/d" "$CONF_FILE"
  [[ -z $value ]] || printf '%s=%s\n' "$key" "$value" >>"$CONF_FILE"
  kill -HUP "$(pool_master)" || die "cannot signal the pool master"
  while ((SECONDS < deadline)); do
    new=$(worker_pids | sort)
    [[ -n $new && -z $(comm -12 <(echo "$old") <(echo "$new")) ]] && return 0
    sleep 0.2
  done
  die "the pool did not replace its workers within 30 s of SIGHUP"
}

rss_snapshot() {
  local pid
  for pid in $(worker_pids); do printf '%s %s\n' "$pid" "$(vm_rss_kb "$pid")"; done
}

# pool_requests_served: /status requestsServed (loopback only in nginx); empty if unavailable.
pool_requests_served() {
  curl -sk --noproxy '*' --max-time 3 "$BENCH_BASE/status" 2>/dev/null | jq -r '.data.requestsServed // empty' 2>/dev/null
}

# kill_abandoned: statements of the pool's DB user still running after the client's read
# timeout + 1 s. The pool gave up on them (the request already answered 503) and dropped the
# connection, but MariaDB only notices a vanished client when it next writes to it, so the
# statement keeps burning CPU; under load these pile up until nothing else gets a core (found
# by this bench; see docs/performance.md). The bench ends them so that one scenario does not
# poison the next, and reports how many it found. Prints the count.
kill_abandoned() {
  local limit ids id n=0
  limit=$(grep -m1 '^PENDIENTES_DB_READ_TIMEOUT=' "$CONF_FILE" 2>/dev/null | cut -d= -f2 | tr -dc '0-9')
  limit=$(((${limit:-5} + 1) * 1000))
  ids=$(db_admin -e "SELECT id FROM information_schema.processlist
                     WHERE user = '$DB_USER' AND command <> 'Sleep' AND time_ms > $limit") || { echo 0; return; }
  for id in $ids; do
    db_admin -e "KILL $id" 2>/dev/null && n=$((n + 1))
  done
  echo "$n"
}

# wait_pool_idle: until no request is left in the pool (the /status request itself is the one
# active thread) or 60 s. When wrk stops, the pool still finishes the requests in flight: a
# slow scenario would otherwise queue the next one's first requests behind its own.
wait_pool_idle() {
  local deadline=$((SECONDS + 60)) status
  while ((SECONDS < deadline)); do
    # No answer within 3 s means the pool is saturated, not idle: keep waiting.
    status=$(curl -sk --noproxy '*' --max-time 3 "$BENCH_BASE/status" 2>/dev/null) || continue
    jq -e '.data.threadsActive <= 1 and (.data.listenQueue // 0) == 0' <<<"$status" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
}

# Compilers running on the machine now: other engineers' builds compete for the two cores.
competing_builds() { pgrep -c -x 'cc1plus|clang.*|ld|collect2' 2>/dev/null || true; }

# ---------------------------------------------------------------------------------------
# dataset

# Sizes: N pendientes, C clientes, 200 empleados (120 technicians).
bench_sizes() {
  BENCH_N=$1
  BENCH_C=$((BENCH_N / 20))
  ((BENCH_C >= 500)) || BENCH_C=500
  BENCH_CHUNK=100000
}

# marker_row: "size seed version pend_lo pend_hi cli_lo cli_hi emp_lo emp_hi complete" or nothing.
marker_row() {
  bench_sql -e "SELECT size, seed, version, pend_lo, pend_hi, cli_lo, cli_hi, emp_lo, emp_hi, complete FROM bench_dataset WHERE id = 1"
}

set_ranges_from_marker() {
  read -r _ _ _ BENCH_PEND_LO BENCH_PEND_HI BENCH_CLI_LO BENCH_CLI_HI BENCH_EMP_LO BENCH_EMP_HI _ <<<"$1"
}

# Removes everything a previous bench load (or its write mix) added, children first, in
# 100 000-id transactions. The loaded range is bench-only and goes by id range; pendientes the
# write mix created later are found by their bench cliente.
unload_dataset() {
  local row=$1 lo hi t started=$SECONDS
  set_ranges_from_marker "$row"
  bench_log "removing the previous bench dataset (pendientes $BENCH_PEND_LO..$BENCH_PEND_HI and those the write mix added)"
  local -a children=(historiales pendientes_tiempos pendientes_traslados pendientes_instalaciones_internet
    pendientes_averias pendientes_instalaciones_camaras pendientes_recojo_dispositivos)
  bench_sql -e "DELETE FROM usuarios WHERE dni IN ('bench-cord', 'bench-tecn', 'bench-tecn-w')"
  # Fast path: when every pendiente is the bench's (the usual dev database), its tables are
  # emptied with TRUNCATE instead of deleting millions of rows one by one.
  local others
  others=$(bench_sql -e "SELECT COUNT(*) FROM pendientes WHERE id NOT BETWEEN $BENCH_PEND_LO AND $BENCH_PEND_HI
                         AND cliente_id NOT BETWEEN $BENCH_CLI_LO AND $BENCH_CLI_HI")
  if ((others == 0)); then
    {
      echo "SET SESSION foreign_key_checks = 0;"
      for t in "${children[@]}" pendiente_sufijos pendientes; do echo "TRUNCATE TABLE $t;"; done
      recount_sql  # TRUNCATE fires no trigger
      # nor moves the change number of the workers' /filtrar pages (migration 013)
      echo "UPDATE listado_cambios SET cambios = cambios + 1 WHERE ranura = 0;"
    } | bench_sql || die "cannot empty the pendientes tables"
    BENCH_PEND_HI=$((BENCH_PEND_LO - 1))  # nothing left to delete by range
  fi
  local extra="SELECT id FROM pendientes WHERE id > $BENCH_PEND_HI AND cliente_id BETWEEN $BENCH_CLI_LO AND $BENCH_CLI_HI"
  for t in "${children[@]}"; do
    bench_sql -e "DELETE x FROM $t x JOIN ($extra) p ON p.id = x.pendiente_id" || die "cannot delete bench rows of $t"
  done
  bench_sql -e "DELETE FROM pendientes WHERE id > $BENCH_PEND_HI AND cliente_id BETWEEN $BENCH_CLI_LO AND $BENCH_CLI_HI" ||
    die "cannot delete the write mix's pendientes"
  for ((lo = BENCH_PEND_LO; lo <= BENCH_PEND_HI; lo += BENCH_CHUNK)); do
    hi=$((lo + BENCH_CHUNK - 1))
    ((hi <= BENCH_PEND_HI)) || hi=$BENCH_PEND_HI
    {
      # The children of this range are gone by then: no need to re-check them per row.
      echo "SET SESSION foreign_key_checks = 0;"
      for t in "${children[@]}"; do echo "DELETE FROM $t WHERE pendiente_id BETWEEN $lo AND $hi;"; done
      echo "DELETE FROM pendientes WHERE id BETWEEN $lo AND $hi;"
    } | bench_sql || die "cannot delete bench pendientes $lo..$hi"
  done
  bench_sql -e "DELETE FROM clientes WHERE id BETWEEN $BENCH_CLI_LO AND $BENCH_CLI_HI" ||
    die "cannot delete bench clientes (referenced by pendientes outside the bench?)"
  bench_sql -e "DELETE FROM empleados WHERE id BETWEEN $BENCH_EMP_LO AND $BENCH_EMP_HI" ||
    die "cannot delete bench empleados (referenced outside the bench?)"
  bench_sql -e "DELETE FROM bench_dataset"
  bench_log "removed in $((SECONDS - started)) s"
}

# chunked WHAT FUNCTION LANES: runs FUNCTION LO HI over the pendientes row numbers in chunks of
# BENCH_CHUNK, one transaction each, spread over LANES concurrent connections (the machine
# has two cores; one INSERT … SELECT uses one).
chunked() {
  local what=$1 fn=$2 lanes=$3 lane started=$SECONDS
  local -a pids=()
  for ((lane = 0; lane < lanes; lane++)); do
    (
      local lo hi
      for ((lo = 1 + lane * BENCH_CHUNK; lo <= BENCH_N; lo += lanes * BENCH_CHUNK)); do
        hi=$((lo + BENCH_CHUNK - 1))
        ((hi <= BENCH_N)) || hi=$BENCH_N
        { bench_sql_session; "$fn" "$lo" "$hi"; } | bench_sql || die "loading $what failed (rows $lo..$hi)"
      done
    ) &
    pids+=($!)
  done
  local pid rc=0
  for pid in "${pids[@]}"; do wait "$pid" || rc=1; done
  ((rc == 0)) || die "loading $what failed"
  bench_log "  $what: $((SECONDS - started)) s"
}

load_dataset() {
  local started=$SECONDS
  BENCH_EMP_LO=$(($(bench_sql -e "SELECT COALESCE(MAX(id), 0) FROM empleados") + 1))
  BENCH_EMP_HI=$((BENCH_EMP_LO + 199))
  BENCH_CLI_LO=$(($(bench_sql -e "SELECT COALESCE(MAX(id), 0) FROM clientes") + 1))
  BENCH_CLI_HI=$((BENCH_CLI_LO + BENCH_C - 1))
  BENCH_PEND_LO=$(($(bench_sql -e "SELECT COALESCE(MAX(id), 0) FROM pendientes") + 1))
  BENCH_PEND_HI=$((BENCH_PEND_LO + BENCH_N - 1))
  bench_log "loading $BENCH_N pendientes (seed $BENCH_SEED; ids $BENCH_PEND_LO..$BENCH_PEND_HI), $BENCH_C clientes, 200 empleados"
  # The marker goes in first, incomplete: an interrupted load is removed by the next run.
  bench_sql -e "INSERT INTO bench_dataset (id, size, seed, version, pend_lo, pend_hi, cli_lo, cli_hi, emp_lo, emp_hi, complete, load_seconds)
                VALUES (1, $BENCH_N, $BENCH_SEED, $BENCH_VERSION, $BENCH_PEND_LO, $BENCH_PEND_HI, $BENCH_CLI_LO, $BENCH_CLI_HI,
                        $BENCH_EMP_LO, $BENCH_EMP_HI, 0, 0)"
  { bench_sql_session; bench_sql_empleados; bench_sql_clientes; } | bench_sql || die "loading empleados/clientes failed"
  local cpu0
  cpu0=$(mariadb_cpu)
  chunked pendientes bench_sql_pendientes 2
  # Everything else only reads pendientes: historial on one connection, the rest on another.
  chunked historiales bench_sql_historial 1 &
  local historial=$!
  chunked detalles bench_sql_detalles 1 && chunked tiempos bench_sql_tiempos 1 || die "loading failed"
  wait "$historial" || die "loading historiales failed"
  bench_sql -e "ANALYZE TABLE pendientes, clientes, empleados, historiales, pendientes_tiempos, pendientes_traslados,
                pendientes_instalaciones_internet, pendientes_averias, pendientes_instalaciones_camaras,
                pendientes_recojo_dispositivos" >/dev/null
  bench_sql -e "UPDATE bench_dataset SET complete = 1, load_seconds = $((SECONDS - started)), loaded_at = NOW() WHERE id = 1"
  bench_log "dataset loaded in $((SECONDS - started)) s (MariaDB CPU $((($(mariadb_cpu) - cpu0) / 100)) s)"
}

ensure_dataset() {
  bench_sql_setup | bench_sql || die "cannot create bench_dataset"
  local row
  row=$(marker_row)
  if [[ -n $row ]]; then
    local size seed version complete
    read -r size seed version _ _ _ _ _ _ complete <<<"$row"
    # --quick keeps a bigger dataset that is already there (removing a million rows takes
    # minutes); --reload insists on the exact size.
    if ((!BENCH_RELOAD && complete == 1 && seed == BENCH_SEED && version == BENCH_VERSION &&
      (size == BENCH_N || (size > BENCH_N && BENCH_QUICK)))); then
      set_ranges_from_marker "$row"
      ((size == BENCH_N)) || bench_log "note: keeping the loaded $size-pendiente dataset (--reload for exactly $BENCH_N)"
      bench_sizes "$size"
      bench_log "dataset of $size pendientes already loaded (seed $seed); skipping the load"
      return 0
    fi
    unload_dataset "$row"
  fi
  load_dataset
}

# ---------------------------------------------------------------------------------------
# accounts and tokens

# The dispatcher is the first coordinadora (empleado 121 of the bench), the reading
# technician is technician 42, the write mix's technician is technician 120.
BENCH_DNIS=(bench-cord bench-tecn bench-tecn-w)
bench_empleado_of() {
  case $1 in
    bench-cord) echo $((BENCH_EMP_LO + 120)) ;;
    bench-tecn) echo $((BENCH_EMP_LO + 41)) ;;
    bench-tecn-w) echo $((BENCH_EMP_LO + 119)) ;;
  esac
}
bench_rol_of() { [[ $1 == bench-cord ]] && echo CORD || echo TECN; }

# ensure_accounts: a random password per checkout (var/dev/bench/password, 0600), hashed by
# pendientesctl, set on the three bench usuarios (created or refreshed every run).
ensure_accounts() {
  mkdir -p "$BENCH_STATE"
  write_secret "$BENCH_STATE/password" openssl rand -hex 12
  BENCH_PASSWORD=$(<"$BENCH_STATE/password")
  local hash dni
  hash=$(hash_password "$BENCH_PASSWORD")
  for dni in "${BENCH_DNIS[@]}"; do
    bench_sql <<SQL || die "cannot create the bench usuario $dni"
INSERT INTO usuarios (nombre, dni, email, password_hash, rol_id, empleado_id, vigente)
VALUES ('$dni', '$dni', '$dni@bench.test', '$hash', '$(bench_rol_of "$dni")', $(bench_empleado_of "$dni"), 1)
ON DUPLICATE KEY UPDATE password_hash = VALUES(password_hash), rol_id = VALUES(rol_id),
  empleado_id = VALUES(empleado_id), vigente = 1;
SQL
  done
}

# login DNI: a token through POST /auth, as a client gets it.
login() {
  local body token
  body=$(jq -cn --arg dni "$1" --arg password "$BENCH_PASSWORD" '{dni: $dni, password: $password}')
  token=$(curl -sk --noproxy '*' --max-time 10 -X POST "$BENCH_BASE/auth" -H 'Content-Type: application/json' \
    --data-binary "$body" | jq -r '.data.token // empty')
  [[ -n $token ]] || die "login of $1 failed"
  printf '%s\n' "$token"
}

# ---------------------------------------------------------------------------------------
# one wrk run

# wrk_run NAME SCRIPT SECONDS OUTFILE: prints the BENCH_RESULT JSON of the run, with the
# number of abandoned statements found once the pool had drained ("abandoned").
# The estado counters of sql/migrations/010_conteo_pendientes.sql, recomputed: a TRUNCATE fires
# no trigger. (Inserts and deletes keep them through their triggers.)
recount_sql() {
  sed -n '/^-- Rebuilt from the rows/,$p' "$STACK_ROOT/sql/migrations/010_conteo_pendientes.sql"
}

# The /filtrar page cache's hit and miss counters, as "hits misses" (db/listado_cache.hpp).
cache_counters() {
  curl -sk --noproxy '*' --max-time 3 "$BENCH_BASE/status" 2>/dev/null |
    jq -r '"\(.data.listadoCacheHits // 0) \(.data.listadoCacheMisses // 0)"' 2>/dev/null || echo "0 0"
}

wrk_run() {
  local name=$1 script=$2 secs=$3 out=$4 abandoned hits0 misses0 hits1 misses1
  wait_pool_idle
  abandoned=$(kill_abandoned)
  read -r hits0 misses0 < <(cache_counters)
  # A hard stop in case wrk hangs: its own duration plus a margin.
  timeout --kill-after=5 $((secs + 30)) \
    env BENCH_LUA_DIR="$BENCH_DIR/lua" BENCH_SCENARIO="$name" \
    wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"${secs}s" --timeout 30s -s "$BENCH_DIR/lua/$script" "$BENCH_BASE" \
    >"$out" 2>&1 || true
  local line
  line=$(grep -m1 '^BENCH_RESULT ' "$out" | cut -d' ' -f2-)
  [[ -n $line ]] || line="{\"scenario\":\"$name\",\"failed\":true}"
  wait_pool_idle
  abandoned=$(kill_abandoned)
  read -r hits1 misses1 < <(cache_counters)
  jq -c --argjson n "$abandoned" --argjson h $((hits1 - hits0)) --argjson m $((misses1 - misses0)) \
    '. + {abandoned: $n, cache_hits: $h, cache_misses: $m}' <<<"$line" 2>/dev/null || printf '%s\n' "$line"
}
