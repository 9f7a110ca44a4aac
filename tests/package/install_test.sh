#!/usr/bin/env bash
# Installs the Debian package on this machine, points it at the test database, runs
# `pendientesctl check-config` and starts the packaged service, then purges the package.
# Run by CTest (label `package`) from scripts/test; needs root and the running test stack.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }

deb=$("$root/scripts/package")
[[ -f $deb ]] || fail "no package built"
echo "installing $deb"
dpkg -i "$deb" >/dev/null

cleanup() {
  # The pool answers SIGTERM with a non-zero status; under set -e that must not end the trap
  # before the purge, nor turn a passed test into a failure.
  if [[ -n ${pool_pid:-} ]]; then
    kill "$pool_pid" 2>/dev/null || true
    wait "$pool_pid" 2>/dev/null || true
  fi
  dpkg --purge pendientes >/dev/null 2>&1 || true
  rm -rf /tmp/pendientes-pkgtest
}
trap cleanup EXIT

# What the package laid down.
getent passwd pendientes >/dev/null || fail "no pendientes system user"
[[ $(stat -c '%a %U' /etc/pendientes/jwt.key) == "600 pendientes" ]] || fail "jwt.key is not 0600 pendientes"
(($(stat -c %s /etc/pendientes/jwt.key) >= 32)) || fail "jwt.key shorter than 32 bytes"
[[ -f /lib/systemd/system/pendientes-fcgi.service && -f /lib/systemd/system/pendientes-fcgi.socket ]] || fail "units missing"
[[ -f /etc/nginx/sites-available/pendientes ]] || fail "nginx site missing"
[[ ! -e /etc/nginx/sites-enabled/pendientes ]] || fail "nginx site must not be enabled automatically"
[[ -f /usr/share/pendientes/sql/migrations/001_schema.sql ]] || fail "migrations missing"
/usr/bin/pendientesctl --help >/dev/null 2>&1

# Point the installed config at the test database (a sysadmin edits the same lines).
install -m 0640 -o root -g pendientes "$PENDIENTES_TEST_DB_PASSWORD_FILE" /etc/pendientes/db-password
conf=/etc/pendientes/pendientes.conf
sed -i "s|^PENDIENTES_DB_HOST=.*|PENDIENTES_DB_HOST=$PENDIENTES_TEST_DB_HOST|;
        s|^PENDIENTES_DB_PORT=.*|PENDIENTES_DB_PORT=$PENDIENTES_TEST_DB_PORT|;
        s|^PENDIENTES_DB_USER=.*|PENDIENTES_DB_USER=$PENDIENTES_TEST_DB_USER|;
        s|^PENDIENTES_DB_NAME=.*|PENDIENTES_DB_NAME=$PENDIENTES_TEST_DB_NAME|" "$conf"
/usr/bin/pendientesctl --config "$conf" check-config || fail "check-config failed"

# Start the packaged service: with systemd as init through the units, otherwise the units'
# ExecStart by hand as the service user, with the listening socket handed over like the
# .socket unit does.
rm -rf /tmp/pendientes-pkgtest   # a socket left by an interrupted run would look ready
mkdir -p /tmp/pendientes-pkgtest && chown pendientes:pendientes /tmp/pendientes-pkgtest
sock=/tmp/pendientes-pkgtest/fcgi.sock
if [[ -d /run/systemd/system ]]; then
  sed -i "s|^ListenStream=.*|ListenStream=$sock|" /lib/systemd/system/pendientes-fcgi.socket
  systemctl daemon-reload && systemctl start pendientes-fcgi.socket
else
  exec_start=$(sed -n 's/^ExecStart=//p' /lib/systemd/system/pendientes-fcgi.service)
  # shellcheck disable=SC2086  # ExecStart is a command line
  runuser -u pendientes -- systemd-socket-activate -l "$sock" $exec_start >/tmp/pendientes-pkgtest/pool.log 2>&1 &
  pool_pid=$!
fi
for _ in $(seq 50); do [[ -S $sock ]] && break; sleep 0.1; done
answer=$(REQUEST_METHOD=GET REQUEST_URI=/healthz/ready SCRIPT_NAME=/healthz/ready cgi-fcgi -bind -connect "$sock" || true)
[[ -d /run/systemd/system ]] && systemctl stop pendientes-fcgi.socket pendientes-fcgi.service
echo "$answer" | grep -q '"status":"ready"' || { cat /tmp/pendientes-pkgtest/pool.log 2>/dev/null; fail "service did not answer /healthz/ready: $answer"; }
echo "package installed, configured, checked and served /healthz/ready"
