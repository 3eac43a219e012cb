#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests, on 127.0.0.1 only, in a
# temporary directory, from the Debian package `postgresql`
# (/usr/lib/postgresql/<major>/bin). Run as root, the server runs as the
# `postgres` user (initdb refuses root); run as anyone else, as that user.
#
#   eval "$(bash test/support/postgres.sh start)"   # exports KALKYLE_TEST_DATABASE_URL and KALKYLE_TEST_PGDATA
#   bash test/support/postgres.sh stop "$KALKYLE_TEST_PGDATA"
#
# Each test file creates its own database in this cluster and drops it
# afterwards (test/support/postgres.ts). Durability is switched off: nothing
# here outlives the run.
set -euo pipefail

bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    echo "postgres.sh: no PostgreSQL server found under /usr/lib/postgresql (apt-get install postgresql)" >&2
    exit 1
  fi
  echo "$dir"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_is_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  local bin dir port tries
  bin=$(bindir)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/kalkyle-pg.XXXXXX")
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
  as_owner "$bin/initdb" --pgdata="$dir/data" --username=postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  for tries in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 20000))
    port_is_free "$port" || continue
    if as_owner "$bin/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait --silent \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null; then
      echo "export KALKYLE_TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:$port/postgres"
      echo "export KALKYLE_TEST_PGDATA=$dir"
      return 0
    fi
  done
  echo "postgres.sh: the server did not start after $tries tries; its log:" >&2
  cat "$dir/server.log" >&2 || true
  exit 1
}

stop() {
  local dir=${1:?usage: postgres.sh stop DIR}
  [ -d "$dir/data" ] || exit 0
  as_owner "$(bindir)/pg_ctl" --pgdata="$dir/data" --mode=immediate --silent stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: postgres.sh start | stop DIR" >&2; exit 2 ;;
esac
