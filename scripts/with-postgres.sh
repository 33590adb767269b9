#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL server (Debian's postgresql, on a loopback port, its
# data in a temporary folder, stopped and deleted afterwards). The command finds the server in
# CLUSTERPLAN_TEST_POSTGRES (postgres://postgres@127.0.0.1:PORT/postgres); the store tests make a
# database of their own on it for each test. With CI=true a server that does not start fails the
# run; elsewhere the PostgreSQL tests are skipped with a message.
# Usage: scripts/with-postgres.sh COMMAND [ARG...]
set -uo pipefail
skip() {
  if [ "${CI:-}" = true ]; then echo "with-postgres: $1" >&2; exit 1; fi
  echo "with-postgres: $1: the PostgreSQL store tests are skipped"
  exec "$@"
}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] && [ -x "$bin/initdb" ] || skip "PostgreSQL is not installed (apt-get install postgresql)" "$@"
dir=$(mktemp -d /tmp/clusterplan-pg.XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as=()
# initdb refuses to run as root: the server runs as Debian's postgres user.
if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; as=(runuser -u postgres --); fi
stop() { "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$dir"; }
if ! "${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || ! "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
       -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
       start >/dev/null; then
  cat "$dir/initdb.log" "$dir/server.log" 2>/dev/null | tail -5 >&2
  rm -rf "$dir"
  skip "the throwaway PostgreSQL server did not start" "$@"
fi
trap stop EXIT
export CLUSTERPLAN_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port for the tests"
"$@"
