#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for tests, benchmarks and schema derivation,
# installing Debian's postgresql first when missing (as root). Prints the DATABASE_URL to use.
#   scripts/postgres-cluster.sh [port]          (default 54329)
#   scripts/postgres-cluster.sh stop [port]     stops it and removes its files
set -euo pipefail
stop=false
if [ "${1:-}" = stop ]; then stop=true; shift; fi
port="${1:-54329}"
dir="${HARBOR_PG_DIR:-/tmp/harbor-pg-$port}"
url="postgresql://harbor:harbor@127.0.0.1:$port/harbor"

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)

if $stop; then
  [ -n "$bin" ] && [ -d "$dir/data" ] && as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  rm -rf "$dir"
  exit 0
fi

if [ -z "$bin" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "PostgreSQL is not installed. Run: sudo apt-get install -y postgresql" >&2
    exit 1
  fi
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

if ! as_pg "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  rm -rf "$dir" && mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync >/dev/null
  # The server's output goes to its log file, never to the caller's (a CI step would wait on it).
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c max_connections=300" start >/dev/null
  as_pg "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -c \
    "CREATE ROLE harbor LOGIN PASSWORD 'harbor' CREATEDB" -c "CREATE DATABASE harbor OWNER harbor" >/dev/null
fi
echo "$url"
