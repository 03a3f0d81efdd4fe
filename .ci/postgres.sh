#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster (Debian's postgresql, installed if missing) on a free loopback port
# in a temp folder, and prints its URL on stdout (nothing else). Stop it with:
#   runuser -u postgres -- pg_ctl -D <dir> stop   (the dir is printed on stderr)
# Usage in CI:  export TEST_DATABASE_URL=$(.ci/postgres.sh)
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  { apt-get update && apt-get install -y postgresql; } >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
dir=$(mktemp -d /tmp/credito-pg.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$dir"
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
# C collation: strings sort by code point, as SQLite does
run "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C >&2
run "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  -w start >&2
echo "PostgreSQL cluster in $dir/data (port $port)" >&2
echo "postgresql://postgres@127.0.0.1:$port/postgres"
