# shellcheck shell=bash disable=SC2034  # (variables set here are read by the scripts)
# Shared functions of scripts/up, scripts/test and scripts/down: a private, self-contained
# stack (MariaDB + pendientes-fcgi pool + nginx) per PROFILE, with all state under
# var/$PROFILE/ in the checkout and the Unix sockets in a short run dir under /tmp.
#
# Usage:  source scripts/lib/stack.sh
#         stack_init PROFILE BUILD_DIR HTTPS_PORT HTTP_PORT DB_PORT
#         ensure_packages; build "$BUILD_DIR" ...; start_mariadb; write_config; ...
#
# Nothing here talks to anything but loopback.

STACK_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)

STACK_PACKAGES=(build-essential cmake pkg-config libfcgi-dev libmysqlcppconn-dev rapidjson-dev
  libssl-dev libboost-test-dev libcrypt-dev libsystemd-dev nginx mariadb-server mariadb-client
  openssl curl jq wrk procps libfcgi-bin dpkg-dev clang-14 libclang-rt-14-dev)

# Config keys that may come from the caller's environment and are copied verbatim into the
# generated config (the binaries themselves then run with PENDIENTES_* removed from their
# environment, so the file is the single source of truth; see run_clean).
STACK_PASSTHROUGH_KEYS=(PENDIENTES_SOCKET_MODE PENDIENTES_MAX_REQUESTS PENDIENTES_BACKLOG
  PENDIENTES_SLOW_REQUEST_MS PENDIENTES_DB_CONNECT_TIMEOUT PENDIENTES_DB_READ_TIMEOUT
  PENDIENTES_DB_WRITE_TIMEOUT PENDIENTES_DB_LOCK_WAIT_TIMEOUT PENDIENTES_JWT_TTL_SECONDS
  PENDIENTES_JWT_LEEWAY_SECONDS PENDIENTES_TIMEZONE PENDIENTES_MAX_PAGE_SIZE
  PENDIENTES_MAX_BODY_BYTES PENDIENTES_SYSTEM_EMPLEADO_ID PENDIENTES_LISTADO_CACHE)

if [[ -t 2 ]]; then _B=$'\033[1m' _R=$'\033[1;31m' _N=$'\033[0m'; else _B="" _R="" _N=""; fi
log() { printf '%s[%s]%s %s\n' "$_B" "${PROFILE:-stack}" "$_N" "$*" >&2; }
die() { printf '%s[%s] error:%s %s\n' "$_R" "${PROFILE:-stack}" "$_N" "$*" >&2; exit 1; }

# stack_init PROFILE BUILD_DIR HTTPS_PORT HTTP_PORT DB_PORT
stack_init() {
  PROFILE=$1
  BUILD_DIR=$2
  HTTPS_PORT=$3
  HTTP_PORT=$4
  DB_PORT=$5
  [[ $PROFILE =~ ^[a-z0-9]+$ ]] || die "bad profile name: $PROFILE"
  [[ $BUILD_DIR == /* ]] || BUILD_DIR=$STACK_ROOT/$BUILD_DIR
  local p
  for p in "$HTTPS_PORT" "$HTTP_PORT" "$DB_PORT"; do
    if ! [[ $p =~ ^[1-9][0-9]{0,4}$ ]] || ((p > 65535)); then die "bad port: $p"; fi
  done

  VAR_DIR=$STACK_ROOT/var/$PROFILE
  LOG_DIR=$VAR_DIR/logs
  CONF_FILE=$VAR_DIR/pendientes.conf
  DB_DATADIR=$VAR_DIR/mariadb
  DB_PID_FILE=$VAR_DIR/mariadb.pid
  DB_PASSWORD_FILE=$VAR_DIR/db-password
  DB_NAME=pendientes
  DB_USER=pendientes
  POOL_PID_FILE=$VAR_DIR/pool.pid
  NGINX_DIR=$VAR_DIR/nginx
  NGINX_PID_FILE=$VAR_DIR/nginx.pid
  TLS_DIR=$VAR_DIR/tls

  local hash
  hash=$(printf '%s' "$STACK_ROOT" | sha256sum | cut -c1-8)
  RUN_DIR=/tmp/pendientes-$hash-$PROFILE
  DB_SOCKET=$RUN_DIR/mysql.sock
  FCGI_SOCKET=$RUN_DIR/fcgi.sock

  # mariadb-install-db --auth-root-authentication-method=socket gives this OS user a
  # passwordless (unix_socket) administrator account on the private server.
  DB_ADMIN_USER=$(id -un)
}

# ---------------------------------------------------------------------------------------
# small helpers

# pid_of PIDFILE EXE_BASENAME: prints the pid if the file names a live process running that
# executable (so a stale pid file whose pid was reused is ignored).
pid_of() {
  local file=$1 exe=$2 pid target
  [[ -r $file ]] || return 1
  pid=$(tr -dc '0-9' <"$file")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 1
  target=$(readlink "/proc/$pid/exe" 2>/dev/null) || return 1
  [[ $target == */"$exe" || $target == */"$exe (deleted)" ]] || return 1
  echo "$pid"
}

# pids_with_arg EXE ARG: pids of our processes running EXE whose command line contains the
# word ARG. Only a fallback for a lost pid file (e.g. var/ removed while the stack ran); ARG is
# an absolute path inside this checkout, so it matches nothing else. (nginx rewrites its
# argv into one string, hence the match on words of the joined command line.)
pids_with_arg() {
  local exe=$1 want=$2 d pid target joined
  local -a args
  for d in /proc/[0-9]*; do
    pid=${d#/proc/}
    [[ -O $d ]] || continue
    target=$(readlink "$d/exe" 2>/dev/null) || continue
    [[ $target == */"$exe" || $target == */"$exe (deleted)" ]] || continue
    mapfile -d '' -t args <"$d/cmdline" 2>/dev/null || continue
    joined=" ${args[*]} "
    if [[ $joined == *" $want "* || $joined == *" $want="* || $joined == *"=$want "* ]]; then echo "$pid"; fi
  done
}

# wait_gone PID SECONDS: 0 once the process is gone, 1 on timeout.
wait_gone() {
  local pid=$1 deadline=$((SECONDS + $2))
  while kill -0 "$pid" 2>/dev/null; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}

# port_busy PORT: something already accepts connections on 127.0.0.1:PORT.
port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

ipv6_loopback() {
  [[ -r /proc/net/if_inet6 ]] && grep -qE '^0{31}1 ' /proc/net/if_inet6
}

# write_secret FILE COMMAND...: create FILE (mode 0600) from COMMAND's output, once.
write_secret() {
  local file=$1; shift
  [[ -s $file ]] && return 0
  (umask 077 && "$@" >"$file.tmp") && mv -f "$file.tmp" "$file"
}

# clean_env_args ARRAY_NAME: fills the array with `env` arguments that remove every
# PENDIENTES_* variable (the pool and pendientesctl let the environment override the config
# file; the generated file must be the single source of truth).
clean_env_args() {
  local -n _out=$1
  _out=()
  local v
  while IFS= read -r v; do _out+=(-u "$v"); done < <(compgen -e | grep '^PENDIENTES_' || true)
}

# run_clean CMD...: run CMD without any PENDIENTES_* variable in its environment.
run_clean() {
  local -a args
  clean_env_args args
  env "${args[@]}" "$@"
}

db_admin() {
  mariadb --no-defaults --socket="$DB_SOCKET" --user="$DB_ADMIN_USER" --batch --skip-column-names "$@"
}

tail_log() {
  local file=$1 lines=${2:-60}
  [[ -s $file ]] || return 0
  printf '\n----- last %s lines of %s -----\n' "$lines" "${file#"$STACK_ROOT"/}" >&2
  tail -n "$lines" "$file" >&2
}

ensure_dirs() {
  mkdir -p "$VAR_DIR" "$LOG_DIR" "$NGINX_DIR" "$TLS_DIR"
  chmod 0700 "$VAR_DIR"
  # The run dir holds the sockets; nginx workers (nobody:nogroup when we are root) must reach
  # fcgi.sock, so the dir is world-traversable and setgid nogroup: the pool's socket
  # (mode 0660) is then group nogroup and connectable by the workers, and only by them.
  if [[ -L $RUN_DIR ]]; then die "$RUN_DIR is a symlink; refusing to use it"; fi
  if [[ ! -d $RUN_DIR ]]; then
    mkdir -m 0755 "$RUN_DIR" || die "cannot create $RUN_DIR"
  fi
  [[ -O $RUN_DIR ]] || die "$RUN_DIR exists but is not owned by $(id -un); refusing to use it"
  if ((EUID == 0)); then
    chgrp nogroup "$RUN_DIR"
    chmod 2755 "$RUN_DIR"
  else
    chmod 0755 "$RUN_DIR"
  fi
}

# ---------------------------------------------------------------------------------------
# packages and build

ensure_packages() {
  local -a missing=()
  local p
  for p in "${STACK_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0

  log "installing missing packages: ${missing[*]}"
  local -a sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null || die "not root and no sudo; install: ${missing[*]}"
    sudo=(sudo)
  fi
  # Keep the distribution's mariadb/nginx services from being started by the install: a
  # policy-rc.d that denies every start, only if the system has none of its own.
  local policy=/usr/sbin/policy-rc.d own_policy=0 rc=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\n# temporary, written by pendientes scripts/lib/stack.sh\nexit 101\n' |
      "${sudo[@]}" tee "$policy" >/dev/null
    "${sudo[@]}" chmod 0755 "$policy"
    own_policy=1
  fi
  {
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  } || rc=$?
  if ((own_policy)); then "${sudo[@]}" rm -f "$policy"; fi
  ((rc == 0)) || die "apt-get failed ($rc)"
  # If the system nginx/mariadb got started anyway we leave them alone: this stack only uses
  # its own config, sockets, data dir and non-default ports.
}

# build DIR [cmake args...]
build() {
  local dir=$1; shift
  [[ $dir == /* ]] || dir=$STACK_ROOT/$dir
  log "building in ${dir#"$STACK_ROOT"/}"
  cmake -S "$STACK_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$dir" -j"$(nproc)"
}

need_binaries() {
  local b
  for b in pendientes-fcgi pendientesctl; do
    [[ -x $BUILD_DIR/$b ]] || die "$BUILD_DIR/$b is missing (build failed?)"
  done
}

# ---------------------------------------------------------------------------------------
# MariaDB

start_mariadb() {
  ensure_dirs
  local pid
  if pid=$(pid_of "$DB_PID_FILE" mariadbd) && ! tr '\0' '\n' <"/proc/$pid/cmdline" | grep -qx -- "--port=$DB_PORT"; then
    log "mariadb runs on another port; restarting it on $DB_PORT"
    stop_mariadb
  fi
  if pid=$(pid_of "$DB_PID_FILE" mariadbd); then
    log "mariadb already running (pid $pid, port $DB_PORT)"
  else
    if port_busy "$DB_PORT"; then
      die "port $DB_PORT is already in use (set another DB port)"
    fi
    if [[ ! -d $DB_DATADIR/mysql ]]; then
      log "initialising mariadb data dir ${DB_DATADIR#"$STACK_ROOT"/}"
      rm -rf "$DB_DATADIR" "$VAR_DIR/seeded-with"
      mariadb-install-db --no-defaults --datadir="$DB_DATADIR" --user="$DB_ADMIN_USER" \
        --auth-root-authentication-method=socket --auth-root-socket-user="$DB_ADMIN_USER" \
        --skip-test-db >"$LOG_DIR/mariadb-install.log" 2>&1 ||
        { tail_log "$LOG_DIR/mariadb-install.log"; die "mariadb-install-db failed"; }
    fi
    rm -f "$DB_SOCKET" "$DB_PID_FILE"
    log "starting mariadb on 127.0.0.1:$DB_PORT"
    setsid mariadbd --no-defaults --datadir="$DB_DATADIR" --socket="$DB_SOCKET" \
      --port="$DB_PORT" --bind-address=127.0.0.1 --user="$DB_ADMIN_USER" \
      --pid-file="$DB_PID_FILE" --log-error="$LOG_DIR/mariadb.err" \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
      --innodb-buffer-pool-size=256M --skip-name-resolve --max-connections=500 \
      </dev/null >>"$LOG_DIR/mariadb.out" 2>&1 &
    local launched=$! deadline=$((SECONDS + 60))
    until mariadb-admin --no-defaults --socket="$DB_SOCKET" --user="$DB_ADMIN_USER" \
      --connect-timeout=2 ping >/dev/null 2>&1; do
      if ! kill -0 "$launched" 2>/dev/null; then
        tail_log "$LOG_DIR/mariadb.err"; die "mariadbd exited during start-up"
      fi
      ((SECONDS < deadline)) || { tail_log "$LOG_DIR/mariadb.err"; die "mariadb did not answer within 60 s"; }
      sleep 0.2
    done
  fi

  write_secret "$DB_PASSWORD_FILE" openssl rand -hex 24
  local password
  password=$(<"$DB_PASSWORD_FILE")
  [[ $password =~ ^[0-9a-f]+$ ]] || die "$DB_PASSWORD_FILE: unexpected content (delete it to regenerate)"
  # Statements on stdin: the password never appears in argv.
  db_admin <<SQL
CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$password';
ALTER USER '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$DB_USER'@'127.0.0.1';
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$password';
ALTER USER '$DB_USER'@'localhost' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$DB_USER'@'localhost';
SQL
  load_timezones
}

# Named time zones (SET time_zone = 'America/Lima', CONVERT_TZ) need mysql.time_zone*; a
# fresh data dir has them empty. Load UTC and the service zone only: fast, enough.
load_timezones() {
  local tz=${PENDIENTES_TIMEZONE:-America/Lima} zi=/usr/share/zoneinfo
  [[ -r $zi/$tz && -r $zi/UTC ]] || return 0
  local have
  have=$(db_admin -e "SELECT COUNT(*) FROM mysql.time_zone_name WHERE Name='$tz'" 2>/dev/null) || return 0
  [[ $have == 0 ]] || return 0
  { mariadb-tzinfo-to-sql "$zi/UTC" UTC; mariadb-tzinfo-to-sql "$zi/$tz" "$tz"; } 2>/dev/null |
    db_admin mysql || log "warning: could not load time zone tables"
}

stop_mariadb() {
  local pids pid
  pids=$(pid_of "$DB_PID_FILE" mariadbd || pids_with_arg mariadbd "--datadir=$DB_DATADIR")
  [[ -n $pids ]] || return 0
  log "stopping mariadb"
  mariadb-admin --no-defaults --socket="$DB_SOCKET" --user="$DB_ADMIN_USER" \
    --connect-timeout=2 shutdown >/dev/null 2>&1 || true
  for pid in $pids; do
    kill -TERM "$pid" 2>/dev/null || true
    wait_gone "$pid" 60 || { log "mariadbd $pid did not stop; killing"; kill -KILL "$pid" 2>/dev/null || true; wait_gone "$pid" 5 || true; }
  done
  rm -f "$DB_SOCKET"
}

# ---------------------------------------------------------------------------------------
# configuration

# conf_line KEY VALUE: one KEY=VALUE line; values outside a plain character set are wrapped
# in double quotes (common/config.cpp strips one pair of matching outer quotes, no escapes).
conf_line() {
  local key=$1 value=$2
  [[ $value != *[$'\n\r']* ]] || die "config value of $key contains a line break"
  if [[ $value =~ ^[A-Za-z0-9_./:@%+,=-]*$ ]]; then
    printf '%s=%s\n' "$key" "$value"
  else
    printf '%s="%s"\n' "$key" "$value"
  fi
}

# hash_password PASSWORD: bcrypt hash via pendientesctl (password on stdin, never in argv).
hash_password() {
  local hash
  hash=$(printf '%s' "$1" | run_clean "$BUILD_DIR/pendientesctl" hash-password) ||
    die "pendientesctl hash-password failed"
  hash=${hash%%$'\n'*}
  [[ $hash == \$2[aby]\$* ]] || die "pendientesctl hash-password printed no bcrypt hash"
  printf '%s\n' "$hash"
}

# write_config: var/$PROFILE/pendientes.conf. Reads PENDIENTES_SEED, PENDIENTES_JWT_SECRET_FILE,
# PENDIENTES_ADMIN_DNI, PENDIENTES_ADMIN_PASSWORD_HASH, PENDIENTES_WORKERS, PENDIENTES_THREADS
# and the pass-through keys from the environment. The `test` profile always seeds `test`
# (scripts/test also exports PENDIENTES_SEED=test, for other profile names).
write_config() {
  ensure_dirs
  local seed=${PENDIENTES_SEED:-bootstrap}
  [[ $PROFILE == test ]] && seed="test"
  [[ $seed == bootstrap || $seed == test ]] || die "PENDIENTES_SEED must be bootstrap or test"
  STACK_SEED=$seed

  local jwt
  if [[ -n ${PENDIENTES_JWT_SECRET_FILE:-} ]]; then
    jwt=$(realpath -e -- "$PENDIENTES_JWT_SECRET_FILE") || die "PENDIENTES_JWT_SECRET_FILE: no such file"
  else
    jwt=$VAR_DIR/jwt.key
    write_secret "$jwt" openssl rand -hex 32
  fi
  JWT_SECRET_FILE=$jwt
  # AES key material for PPPoE passwords at rest (issue 6), generated once like the JWT key.
  PPPOE_KEY_FILE=$VAR_DIR/pppoe.key
  write_secret "$PPPOE_KEY_FILE" openssl rand -hex 32

  local admin_dni="" admin_hash=""
  ADMIN_PASSWORD=""
  if [[ $seed == bootstrap ]]; then
    admin_dni=${PENDIENTES_ADMIN_DNI:-admin}
    if [[ -n ${PENDIENTES_ADMIN_PASSWORD_HASH:-} ]]; then
      admin_hash=$PENDIENTES_ADMIN_PASSWORD_HASH
    else
      write_secret "$VAR_DIR/admin-password" openssl rand -hex 12
      ADMIN_PASSWORD=$(<"$VAR_DIR/admin-password")
      # Hash once and keep it, so the config is stable across runs.
      if [[ ! -s $VAR_DIR/admin-password.hash || $VAR_DIR/admin-password -nt $VAR_DIR/admin-password.hash ]]; then
        [[ -x $BUILD_DIR/pendientesctl ]] || die "$BUILD_DIR/pendientesctl is missing"
        local h
        h=$(hash_password "$ADMIN_PASSWORD")
        (umask 077 && printf '%s\n' "$h" >"$VAR_DIR/admin-password.hash")
      fi
      admin_hash=$(<"$VAR_DIR/admin-password.hash")
    fi
  fi
  STACK_ADMIN_DNI=$admin_dni

  local tmp=$CONF_FILE.tmp key
  (
    umask 077
    {
      echo "# Generated by scripts/lib/stack.sh for profile '$PROFILE'; rewritten on every start."
      echo "# Keys: docs/architecture.md and systemd/pendientes.conf.example."
      conf_line PENDIENTES_LISTEN "$FCGI_SOCKET"
      conf_line PENDIENTES_SOCKET_MODE "${PENDIENTES_SOCKET_MODE:-0660}"
      conf_line PENDIENTES_PID_FILE "$POOL_PID_FILE"
      conf_line PENDIENTES_WORKERS "${PENDIENTES_WORKERS:-2}"
      conf_line PENDIENTES_THREADS "${PENDIENTES_THREADS:-8}"
      conf_line PENDIENTES_DB_HOST 127.0.0.1
      conf_line PENDIENTES_DB_PORT "$DB_PORT"
      # The pool talks to MariaDB over its Unix socket (docs/performance.md); set
      # PENDIENTES_DB_SOCKET= (empty) to use TCP on 127.0.0.1:$DB_PORT instead.
      conf_line PENDIENTES_DB_SOCKET "${PENDIENTES_DB_SOCKET-$DB_SOCKET}"
      conf_line PENDIENTES_DB_USER "$DB_USER"
      conf_line PENDIENTES_DB_PASSWORD_FILE "$DB_PASSWORD_FILE"
      conf_line PENDIENTES_DB_NAME "$DB_NAME"
      conf_line PENDIENTES_SQL_DIR "$STACK_ROOT/sql"
      conf_line PENDIENTES_JWT_SECRET_FILE "$jwt"
      conf_line PENDIENTES_PPPOE_KEY_FILE "$PPPOE_KEY_FILE"
      conf_line PENDIENTES_SEED "$seed"
      if [[ $seed == bootstrap ]]; then
        conf_line PENDIENTES_ADMIN_DNI "$admin_dni"
        conf_line PENDIENTES_ADMIN_PASSWORD_HASH "$admin_hash"
      fi
      for key in "${STACK_PASSTHROUGH_KEYS[@]}"; do
        [[ $key == PENDIENTES_SOCKET_MODE ]] && continue
        if [[ -n ${!key:-} ]]; then conf_line "$key" "${!key}"; fi
      done
    } >"$tmp"
  ) || die "cannot write $CONF_FILE"
  mv -f "$tmp" "$CONF_FILE"
  log "config: ${CONF_FILE#"$STACK_ROOT"/} (seed $seed)"
}

migrate_and_seed() {
  [[ -x $BUILD_DIR/pendientesctl ]] || die "$BUILD_DIR/pendientesctl is missing"
  log "migrating and seeding"
  run_clean "$BUILD_DIR/pendientesctl" --config "$CONF_FILE" migrate || die "pendientesctl migrate failed"
  run_clean "$BUILD_DIR/pendientesctl" --config "$CONF_FILE" seed || die "pendientesctl seed failed"
  # `seed` only fills empty tables: a database first seeded differently keeps its data.
  local first
  [[ -s $VAR_DIR/seeded-with ]] || echo "$STACK_SEED" >"$VAR_DIR/seeded-with"
  first=$(<"$VAR_DIR/seeded-with")
  STACK_SEEDED_WITH=$first
  if [[ $first != "$STACK_SEED" ]]; then
    log "warning: this database was seeded with '$first', not '$STACK_SEED'; remove var/$PROFILE/ to start over"
  fi
}

# ---------------------------------------------------------------------------------------
# the FastCGI pool

start_pool() {
  [[ -x $BUILD_DIR/pendientes-fcgi ]] || die "$BUILD_DIR/pendientes-fcgi is missing"
  ensure_dirs
  stop_pool
  rm -f "$FCGI_SOCKET" "$POOL_PID_FILE"
  log "starting pendientes-fcgi on $FCGI_SOCKET"
  {
    printf '\n===== %s start %s\n' "$(date -Is)" "$BUILD_DIR/pendientes-fcgi"
  } >>"$LOG_DIR/pool.log"
  local -a clean
  clean_env_args clean
  # Own session (no terminal signals; process group = master pid, see stop_pool). In this
  # non-interactive shell the background child is no group leader, so setsid does not fork
  # and $! stays the master's pid.
  # POOL_ASAN_OPTIONS (scripts/test): the sanitizer build's pool runs with leak detection on,
  # while the test programs keep the caller's ASAN_OPTIONS.
  [[ -z ${POOL_ASAN_OPTIONS:-} ]] || clean+=("ASAN_OPTIONS=$POOL_ASAN_OPTIONS")
  (cd "$STACK_ROOT" && exec setsid env "${clean[@]}" "$BUILD_DIR/pendientes-fcgi" --config "$CONF_FILE") \
    </dev/null >>"$LOG_DIR/pool.log" 2>&1 &
  local launched=$! deadline=$((SECONDS + 20))
  until [[ -S $FCGI_SOCKET ]]; do
    if ! kill -0 "$launched" 2>/dev/null; then
      tail_log "$LOG_DIR/pool.log"; die "pendientes-fcgi exited during start-up"
    fi
    ((SECONDS < deadline)) || { tail_log "$LOG_DIR/pool.log"; die "no socket $FCGI_SOCKET after 20 s"; }
    sleep 0.1
  done
  deadline=$((SECONDS + 5))
  until pid_of "$POOL_PID_FILE" pendientes-fcgi >/dev/null; do
    if ((SECONDS >= deadline)); then log "warning: the pool wrote no pid file $POOL_PID_FILE"; break; fi
    sleep 0.1
  done
}

stop_pool() {
  local -a pids
  local pid pgid
  if pid=$(pid_of "$POOL_PID_FILE" pendientes-fcgi); then
    pids=("$pid")
  else
    # pid file lost: every process started with our config path (master and workers)
    mapfile -t pids < <(pids_with_arg pendientes-fcgi "$CONF_FILE")
  fi
  ((${#pids[@]})) || { rm -f "$FCGI_SOCKET"; return 0; }
  log "stopping pendientes-fcgi (pid ${pids[*]})"
  # The pool runs in its own session (setsid): its process group id is the master's pid, so
  # workers left behind by a master that had to be killed can be found and killed too.
  local -a groups=()
  local own
  own=$(ps -o pgid= -p $$ | tr -d ' ')
  for pid in "${pids[@]}"; do
    pgid=$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ') || pgid=""
    [[ -n $pgid && $pgid != "$own" ]] && groups+=("$pgid")
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    if ! wait_gone "$pid" 15; then
      log "pendientes-fcgi $pid did not stop within 15 s; killing"
      kill -KILL "$pid" 2>/dev/null || true
      wait_gone "$pid" 5 || true
    fi
  done
  for pgid in $(printf '%s\n' "${groups[@]}" | sort -u); do
    if pgrep -g "$pgid" >/dev/null 2>&1; then
      sleep 1
      if pgrep -g "$pgid" >/dev/null 2>&1; then
        log "killing leftover pool processes of group $pgid"
        kill -KILL -- "-$pgid" 2>/dev/null || true
      fi
    fi
  done
  rm -f "$FCGI_SOCKET"
}

# ---------------------------------------------------------------------------------------
# nginx

# render_template TEMPLATE OUT NAME=VALUE...: replaces @NAME@ (upper case) in TEMPLATE.
# A line holding nothing but one placeholder takes a multi-line value, each line indented
# like the placeholder. An unknown placeholder is an error.
render_template() {
  local tpl=$1 out=$2; shift 2
  local -A vars=()
  local kv
  for kv in "$@"; do vars[${kv%%=*}]=${kv#*=}; done
  local line rest name indent result v
  local -a lines=()
  while IFS= read -r line || [[ -n $line ]]; do
    if [[ $line =~ ^([[:space:]]*)@([A-Z][A-Z0-9_]*)@[[:space:]]*$ ]]; then
      indent=${BASH_REMATCH[1]} name=${BASH_REMATCH[2]}
      [[ -v vars[$name] ]] || { echo "render_template: $tpl: no value for @$name@" >&2; return 1; }
      while IFS= read -r v; do lines+=("$indent$v"); done <<<"${vars[$name]}"
      continue
    fi
    result="" rest=$line
    while [[ $rest =~ @([A-Z][A-Z0-9_]*)@ ]]; do
      name=${BASH_REMATCH[1]}
      [[ -v vars[$name] ]] || { echo "render_template: $tpl: no value for @$name@" >&2; return 1; }
      result+=${rest%%"@$name@"*}${vars[$name]}
      rest=${rest#*"@$name@"}
    done
    lines+=("$result$rest")
  done <"$tpl"
  printf '%s\n' "${lines[@]}" >"$out.tmp" && mv -f "$out.tmp" "$out"
}

# render_site_conf OUT HTTPS_PORT HTTP_PORT "ADDR..." FCGI_SOCKET CERT KEY ACCESS_LOG ERROR_LOG SERVER_NAME
# ADDR "*" means every address (listen PORT + [::]:PORT).
render_site_conf() {
  local out=$1 https=$2 http=$3 addrs=$4 sock=$5 cert=$6 key=$7 alog=$8 elog=$9 name=${10}
  local listen_https="" listen_http="" a suffix=""
  local -a list
  read -ra list <<<"$addrs"  # no word splitting with globbing: "*" and "[::1]" are patterns
  for a in "${list[@]}"; do
    if [[ $a == "*" ]]; then
      listen_https+="listen $https ssl;"$'\n'"listen [::]:$https ssl;"$'\n'
      listen_http+="listen $http;"$'\n'"listen [::]:$http;"$'\n'
    else
      listen_https+="listen $a:$https ssl;"$'\n'
      listen_http+="listen $a:$http;"$'\n'
    fi
  done
  [[ $https == 443 ]] || suffix=":$https"
  render_template "$STACK_ROOT/nginx/pendientes-site.conf.in" "$out" \
    "LISTEN_HTTPS=${listen_https%$'\n'}" "LISTEN_HTTP=${listen_http%$'\n'}" \
    "HTTPS_PORT_SUFFIX=$suffix" "SERVER_NAME=$name" "FCGI_SOCKET=$sock" \
    "TLS_CERT=$cert" "TLS_KEY=$key" "MAX_BODY=1m" "MAX_CONNS=512" "ACCESS_LOG=$alog" "ERROR_LOG=$elog"
}

ensure_tls() {
  [[ -s $TLS_DIR/cert.pem && -s $TLS_DIR/key.pem ]] && return 0
  log "generating a self-signed certificate for localhost"
  (
    umask 077
    openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj /CN=localhost \
      -addext "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1" \
      -keyout "$TLS_DIR/key.pem" -out "$TLS_DIR/cert.pem" >/dev/null 2>&1
  ) || die "openssl req failed"
  chmod 0644 "$TLS_DIR/cert.pem"
}

render_nginx_conf() {
  local addrs=127.0.0.1 user_line
  user_line="# not root: the workers run as $(id -un)"
  ipv6_loopback && addrs+=" [::1]"
  ((EUID == 0)) && user_line="user nobody nogroup;"
  # The site template includes `fastcgi_params` relative to the conf dir, as in /etc/nginx.
  cp -f /etc/nginx/fastcgi_params "$NGINX_DIR/fastcgi_params"
  render_site_conf "$NGINX_DIR/pendientes-site.conf" "$HTTPS_PORT" "$HTTP_PORT" "$addrs" \
    "$FCGI_SOCKET" "$TLS_DIR/cert.pem" "$TLS_DIR/key.pem" \
    "$LOG_DIR/nginx-access.log" "$LOG_DIR/nginx-error.log" localhost
  render_template "$STACK_ROOT/nginx/local-nginx.conf.in" "$NGINX_DIR/nginx.conf" \
    "USER_LINE=$user_line" "PID_FILE=$NGINX_PID_FILE" "ERROR_LOG=$LOG_DIR/nginx-error.log" \
    "ACCESS_LOG=$LOG_DIR/nginx-access.log" "TEMP_DIR=$RUN_DIR/nginx" \
    "SITE_CONF=$NGINX_DIR/pendientes-site.conf"
}

nginx_cmd() {
  nginx -p "$NGINX_DIR/" -c "$NGINX_DIR/nginx.conf" -e "$LOG_DIR/nginx-error.log" "$@"
}

start_nginx() {
  ensure_dirs
  ensure_tls
  stop_nginx
  local p
  for p in "$HTTPS_PORT" "$HTTP_PORT"; do
    port_busy "$p" && die "port $p is already in use"
  done
  render_nginx_conf
  mkdir -p "$RUN_DIR/nginx"
  nginx_cmd -t -q || die "nginx -t failed for $NGINX_DIR/nginx.conf"
  log "starting nginx on https://localhost:$HTTPS_PORT (http $HTTP_PORT redirects)"
  nginx_cmd || { tail_log "$LOG_DIR/nginx-error.log"; die "nginx failed to start"; }
  # nginx answers `/` itself (404 envelope): proves TLS and the listener without the pool.
  local deadline=$((SECONDS + 10))
  until curl -sk --noproxy "*" -o /dev/null --max-time 2 "https://127.0.0.1:$HTTPS_PORT/"; do
    ((SECONDS < deadline)) || { tail_log "$LOG_DIR/nginx-error.log"; die "nginx does not answer on $HTTPS_PORT"; }
    sleep 0.1
  done
}

stop_nginx() {
  local pid
  pid=$(pid_of "$NGINX_PID_FILE" nginx || pids_with_arg nginx "$NGINX_DIR/nginx.conf" | head -n1)
  [[ -n $pid ]] || return 0
  log "stopping nginx (pid $pid)"
  kill -QUIT "$pid" 2>/dev/null || true
  if ! wait_gone "$pid" 10; then
    kill -TERM "$pid" 2>/dev/null || true
    wait_gone "$pid" 5 || { kill -KILL "$pid" 2>/dev/null || true; wait_gone "$pid" 5 || true; }
  fi
}

# ---------------------------------------------------------------------------------------

stop_stack() {
  stop_nginx
  stop_pool
  stop_mariadb
  # Only sockets and nginx temp files live there; nothing runs any more.
  if [[ -d $RUN_DIR && ! -L $RUN_DIR && -O $RUN_DIR ]]; then rm -rf "$RUN_DIR"; fi
}
