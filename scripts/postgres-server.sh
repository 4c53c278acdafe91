#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback for tests and benchmarks, installing Debian's
# postgresql first if it is missing. Prints the DATABASE_URL to use. Usage:
#   scripts/postgres-server.sh start [DIR] [PORT]   |   scripts/postgres-server.sh stop [DIR]
# By default durability is off (fsync, synchronous_commit, full_page_writes) because tests only
# need speed. PG_DURABLE=1 keeps PostgreSQL's durable defaults, as benchmarks should measure.
set -euo pipefail
action=${1:-start}
dir=${2:-/tmp/charter-pg}
port=${3:-54329}

find_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$found" ] && echo "$found"
}

if [ "$action" = stop ]; then
  bin=$(find_bin) || exit 0
  [ -d "$dir/data" ] && runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  exit 0
fi

bin=$(find_bin || true)
if [ -z "$bin" ]; then
  echo "installing Debian's postgresql…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  bin=$(find_bin)
fi

# PostgreSQL refuses to run as root; the Debian package creates the postgres user.
id postgres >/dev/null 2>&1 || useradd --system --home-dir "$dir" postgres
mkdir -p "$dir"
chown postgres "$dir"
if [ ! -f "$dir/data/PG_VERSION" ]; then
  runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
options="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=200 -c shared_buffers=1GB"
if [ "${PG_DURABLE:-0}" != 1 ]; then
  options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
fi
if ! runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "$options" start >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$port/postgres"
