#!/usr/bin/env bash
# A throwaway PostgreSQL for the receiver's tests and benchmark.
#
#   tools/postgres.sh start   # prints postgres://citycal@127.0.0.1:PORT/postgres
#   tools/postgres.sh url     # the running cluster's URL
#   tools/postgres.sh stop    # stops it and deletes its files
#
# Installs Debian's postgresql when no server is found (apt-get, with sudo
# unless root), then initdb's a cluster under target/pg (CITYCAL_PG_DIR),
# trusting local connections, listening on 127.0.0.1 only, on a free port.
# PostgreSQL refuses to run as root: as root, the cluster belongs to the
# `postgres` user that Debian's package creates.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${CITYCAL_PG_DIR:-$ROOT/target/pg}
# As root, the cluster's owner (`postgres`) must reach it: a checkout under
# a private folder (mktemp -d makes them 0700) gets its cluster under /tmp
# instead, named after the checkout so that start, url and stop agree.
if [ -z "${CITYCAL_PG_DIR:-}" ] && [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 &&
  ! runuser -u postgres -- test -x "$ROOT" 2>/dev/null; then
  DIR=/tmp/citycal-pg-$(printf %s "$ROOT" | cksum | cut -d' ' -f1)
fi

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

install() {
  [ -n "$(pg_bin)" ] && return
  echo "==> Installing PostgreSQL from Debian" >&2
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q postgresql >&2
}

# Runs a PostgreSQL command as the cluster's owner.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

stop() {
  local bin
  bin=$(pg_bin)
  if [ -n "$bin" ] && [ -f "$DIR/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$DIR/data" -m fast -w stop >&2 || true
  fi
  rm -rf "$DIR"
}

start() {
  install
  local bin port
  bin=$(pg_bin)
  stop
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
  as_owner "$bin/initdb" -D "$DIR/data" -U citycal --auth=trust -E UTF8 --no-locale >"$DIR/initdb.log" 2>&1 ||
    { cat "$DIR/initdb.log" >&2; exit 1; }
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_owner "$bin/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $DIR -c max_connections=200" start >&2 ||
    { cat "$DIR/server.log" >&2; exit 1; }
  echo "postgres://citycal@127.0.0.1:$port/postgres" >"$DIR/url"
  cat "$DIR/url"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) cat "$DIR/url" ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
