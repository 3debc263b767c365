#!/usr/bin/env bash
# Start a PostgreSQL server for the test suite and print the URL the tests use.
#
#   eval "$(scripts/ci_postgres.sh)"      # exports EVENTCODER_TEST_PG=postgresql://...
#   source scripts/ci_postgres.sh         # same, exported into the current shell
#
# Installs Debian's postgresql package when no server binaries are found (apt-get,
# non-interactive), starts the Debian cluster (pg_ctlcluster) or, when that is not possible,
# a private cluster with initdb + pg_ctl in a temporary directory, then creates a user and a
# database that may create further databases (each test gets a fresh one).
# Idempotent: running it again with the server already up only prints the URL.
# When this run started the server, it also exports EVENTCODER_TEST_PG_STOP, the command that
# stops it again (scripts/test.sh runs it on exit); a server that was already up is left alone.
# Everything but the final export lines goes to stderr.
#
# Environment: PGUSER_NAME (default eventcoder), PGPASS (default eventcoder),
#              PGDB_NAME (default eventcoder), PGPORT_PRIVATE (default 55432, private cluster),
#              GITHUB_ENV (if set, the variable is also appended there).

_ec_pg_main() {
    set -euo pipefail
    local user="${PGUSER_NAME:-eventcoder}" pass="${PGPASS:-eventcoder}" db="${PGDB_NAME:-eventcoder}"
    log() { echo "ci_postgres: $*" >&2; }

    # 1. Binaries.
    local bindir
    bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -z "$bindir" ] && ! command -v initdb >/dev/null 2>&1; then
        log "installing postgresql with apt-get"
        local sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
        bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    fi
    [ -z "$bindir" ] && bindir="$(dirname "$(command -v initdb)")"

    # How to run a command as the postgres superuser (empty: not possible -> private cluster).
    local as_pg=()
    if [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1; then
        if command -v runuser >/dev/null 2>&1; then as_pg=(runuser -u postgres --); else as_pg=(su postgres -c); fi
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null && id postgres >/dev/null 2>&1; then
        as_pg=(sudo -n -u postgres)
    fi
    _as_pg() {  # run "$@" as postgres; su -c needs one string
        if [ "${as_pg[0]}" = "su" ]; then su postgres -c "$(printf '%q ' "$@")"; else "${as_pg[@]}" "$@"; fi
    }

    local host port psql_cmd stop_cmd=""
    if [ ${#as_pg[@]} -gt 0 ] && command -v pg_lsclusters >/dev/null 2>&1; then
        # 2a. Debian cluster.
        local line ver name status
        line="$(pg_lsclusters --no-header 2>/dev/null | sort -V | tail -n 1 || true)"
        if [ -z "$line" ]; then
            ver="$(basename "$(dirname "$bindir")")"
            log "creating cluster $ver/main"
            pg_createcluster "$ver" main >&2
            line="$(pg_lsclusters --no-header | sort -V | tail -n 1)"
        fi
        read -r ver name port status _ <<<"$line"
        if [ "$status" != "online" ]; then
            log "starting cluster $ver/$name on port $port"
            mkdir -p /var/run/postgresql && chown postgres:postgres /var/run/postgresql 2>/dev/null || true
            pg_ctlcluster "$ver" "$name" start >&2
            stop_cmd="$(printf '%q ' pg_ctlcluster "$ver" "$name" stop)"
        else
            log "cluster $ver/$name already running on port $port"
        fi
        host=localhost
        psql_cmd=(_as_pg psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres)
    else
        # 2b. Private cluster owned by the current user.
        local dir="${TMPDIR:-/tmp}/eventcoder-pg-$(id -u)"
        port="${PGPORT_PRIVATE:-55432}"
        if [ ! -f "$dir/PG_VERSION" ]; then
            log "initdb in $dir"
            rm -rf "$dir" && mkdir -p "$dir"
            "$bindir/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 >&2
        fi
        if ! "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
            log "starting private server on port $port"
            "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
                -o "-p $port -k $dir -c listen_addresses=localhost" start >&2
            stop_cmd="$(printf '%q ' "$bindir/pg_ctl" -D "$dir" -m fast -w stop)"
        else
            log "private server already running"
        fi
        host=localhost
        psql_cmd=("$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h localhost -p "$port" -U postgres -d postgres)
    fi

    # 3. Wait until it accepts connections (at most 30 s).
    local i
    for i in $(seq 1 30); do
        "${psql_cmd[@]}" -c "SELECT 1" >/dev/null 2>&1 && break
        sleep 1
    done

    # 4. User and database (idempotent).
    "${psql_cmd[@]}" >&2 <<SQL
DO \$\$BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$user') THEN
    CREATE ROLE "$user" LOGIN CREATEDB PASSWORD '$pass';
  ELSE
    ALTER ROLE "$user" LOGIN CREATEDB PASSWORD '$pass';
  END IF;
END\$\$;
SQL
    if [ -z "$("${psql_cmd[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
        "${psql_cmd[@]}" -c "CREATE DATABASE \"$db\" OWNER \"$user\"" >&2
    fi

    local url="postgresql://$user:$pass@$host:$port/$db"
    if [ -n "${GITHUB_ENV:-}" ]; then echo "EVENTCODER_TEST_PG=$url" >>"$GITHUB_ENV"; fi
    log "ready: $url"
    echo "export EVENTCODER_TEST_PG=$url"
    if [ -n "$stop_cmd" ]; then echo "export EVENTCODER_TEST_PG_STOP=$(printf '%q' "$stop_cmd")"; fi
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    # Sourced: run in a subshell (so `set -e` cannot end the caller's shell), then export.
    _ec_pg_line="$( (_ec_pg_main) )" && eval "$_ec_pg_line"
    unset _ec_pg_line
else
    _ec_pg_main
fi
