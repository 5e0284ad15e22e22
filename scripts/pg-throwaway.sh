#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL cluster on loopback for tests (used by .ci/run).
#   scripts/pg-throwaway.sh start DIR PORT   -> prints the connection URL
#   scripts/pg-throwaway.sh stop DIR
#   scripts/pg-throwaway.sh halt DIR          -> stops the server, keeps its data (a restart's first half)
#   scripts/pg-throwaway.sh resume DIR PORT   -> starts a halted cluster again
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?directory}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
# PostgreSQL refuses to run as root: run it as the 'postgres' user that the Debian package creates.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

serve() {
	as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -p $1 -k $dir -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
		start >/dev/null
}

case "$cmd" in
start)
	port=${3:?port}
	mkdir -p "$dir"
	[ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
	as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
	serve "$port"
	echo "postgres://postgres@127.0.0.1:$port/postgres"
	;;
halt)
	as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
	;;
resume)
	serve "${3:?port}"
	;;
stop)
	as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
	rm -rf "$dir"
	;;
*)
	echo "usage: $0 start DIR PORT | stop DIR | halt DIR | resume DIR PORT" >&2
	exit 2
	;;
esac
