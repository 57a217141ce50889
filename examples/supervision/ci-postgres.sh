#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for the supervision
# tests, and prints the environment that points the tests at it.
#
#   eval "$(examples/supervision/ci-postgres.sh)"   # start (or reuse), export XN_POSTGRES_DSN
#   examples/supervision/ci-postgres.sh stop        # stop it and remove its files
#   examples/supervision/ci-postgres.sh run CMD...  # start, run CMD with the DSN, stop (trap)
#
# No input. Idempotent: a server this script started and that still runs
# is reused. Installs PostgreSQL from Debian's packages when no postgres
# binary is found (root only). As root, the server runs as the postgres
# user (or a dedicated xnpg user): PostgreSQL refuses to run as root.
# Only the export lines go to standard output; everything else goes to
# standard error.
set -euo pipefail

state_dir=${XN_POSTGRES_HOME:-${TMPDIR:-/tmp}/xn-postgres-$(id -u)}
state_file=$state_dir/state
db_name=xn
db_user=xn

log() { printf 'ci-postgres: %s\n' "$*" >&2; }

# find_bin sets bindir to a directory holding pg_ctl, initdb and postgres.
find_bin() {
	bindir=
	if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
		bindir=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
	else
		local d
		for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) /usr/local/pgsql/bin /usr/local/bin; do
			if [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ] && [ -x "$d/postgres" ]; then
				bindir=$d
				break
			fi
		done
	fi
	[ -n "$bindir" ]
}

install_postgres() {
	if [ "$(id -u)" -ne 0 ]; then
		log "PostgreSQL is not installed and installing it needs root: apt-get install postgresql"
		exit 1
	fi
	log "installing PostgreSQL from Debian's packages"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	apt-get install -y -qq postgresql >&2
}

# run_as runs a command as the server's user.
run_as() {
	if [ "$(id -u)" -ne 0 ]; then
		"$@"
	elif command -v runuser >/dev/null 2>&1; then
		runuser -u "$pg_os_user" -- "$@"
	else
		su "$pg_os_user" -s /bin/sh -c "$(printf '%q ' "$@")"
	fi
}

pick_os_user() {
	pg_os_user=$(id -un)
	if [ "$(id -u)" -eq 0 ]; then
		if id postgres >/dev/null 2>&1; then
			pg_os_user=postgres
		else
			id xnpg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin xnpg
			pg_os_user=xnpg
		fi
	fi
}

# free_port prints a TCP port on 127.0.0.1 that nothing listens on.
free_port() {
	local p
	for p in $(seq 54329 54429); do
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return
		fi
	done
	log "no free port in 54329-54429"
	exit 1
}

print_env() {
	echo "export XN_POSTGRES_DSN='postgres://$db_user@127.0.0.1:$port/$db_name?sslmode=disable'"
	echo "export XN_POSTGRES_DIR='$dir'"
}

# running reports whether the server of the state file still answers.
running() {
	[ -f "$state_file" ] || return 1
	# shellcheck disable=SC1090
	. "$state_file"
	[ -n "${dir:-}" ] && [ -d "$dir/data" ] || return 1
	find_bin || return 1
	pick_os_user
	run_as "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

start() {
	if running; then
		log "reusing the server in $dir on port $port"
		print_env
		return
	fi
	find_bin || { install_postgres; find_bin || { log "no PostgreSQL binaries after installing"; exit 1; }; }
	log "using $bindir ($("$bindir/postgres" --version))"
	pick_os_user
	mkdir -p "$state_dir"
	chmod 755 "$state_dir"
	dir=$(mktemp -d "$state_dir/cluster.XXXXXX")
	chmod 755 "$dir"
	[ "$(id -u)" -ne 0 ] || chown "$pg_os_user" "$dir"
	port=$(free_port)
	log "initialising a cluster in $dir as $pg_os_user"
	run_as "$bindir/initdb" -D "$dir/data" -U "$db_user" --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
		run_as "$bindir/initdb" -D "$dir/data" -U "$db_user" --auth=trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	log "starting on 127.0.0.1:$port"
	run_as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
		start >&2 || { cat "$dir/server.log" >&2; exit 1; }
	printf 'dir=%q\nport=%q\n' "$dir" "$port" >"$state_file"
	local psql=$bindir/psql
	[ -x "$psql" ] || psql=psql
	run_as "$psql" -q -h 127.0.0.1 -p "$port" -U "$db_user" -d postgres -c "CREATE DATABASE $db_name" >&2
	print_env
}

stop() {
	if [ -f "$state_file" ]; then
		# shellcheck disable=SC1090
		. "$state_file"
		if find_bin && [ -d "${dir:-}/data" ]; then
			pick_os_user
			run_as "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
		fi
		[ -z "${dir:-}" ] || rm -rf "$dir"
		rm -f "$state_file"
		log "stopped"
	fi
}

case "${1:-start}" in
start) start ;;
stop) stop ;;
run)
	shift
	[ $# -gt 0 ] || { log "run needs a command"; exit 2; }
	env_lines=$(start)
	eval "$env_lines"
	trap stop EXIT
	"$@"
	;;
*)
	log "usage: $0 [start|stop|run CMD...]"
	exit 2
	;;
esac
