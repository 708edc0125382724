#!/usr/bin/env bash
# Starts a throw-away PostgreSQL from Debian's packages on 127.0.0.1, on port ${DATABASE_PORT:-54329}
# or the next free one, with a superuser strapi/strapi that must give its password on every
# connection (scram-sha-256, as production servers do; loopback only), installing the server
# when it is missing. Prints "<data directory> <port>"; stop it with pg_ctl -D <dir> stop.
set -euo pipefail
port=${DATABASE_PORT:-54329}
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
data=$(mktemp -d /tmp/segments-pg.XXXXXX)
chown postgres "$data"
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
echo strapi > "$data/pwfile"
chown postgres "$data/pwfile"
as_postgres "$bin/initdb -D $data/db -U strapi --auth=scram-sha-256 --pwfile=$data/pwfile -E UTF8 --locale=C.UTF-8" >&2
rm -f "$data/pwfile"
# SSL with a throw-away certificate, required of the role strapi_ssl (tests that connect with
# SSL options use it); everyone else may connect with or without.
ssl_opts=""
if command -v openssl >/dev/null 2>&1; then
  openssl req -new -x509 -days 2 -nodes -subj /CN=127.0.0.1 -keyout "$data/server.key" \
    -out "$data/server.crt" >/dev/null 2>&1
  chmod 600 "$data/server.key"
  chown postgres "$data/server.key" "$data/server.crt"
  ssl_opts="-c ssl=on -c ssl_cert_file=$data/server.crt -c ssl_key_file=$data/server.key"
  hba="$data/db/pg_hba.conf"
  { echo "hostnossl all strapi_ssl 0.0.0.0/0 reject"; cat "$hba"; } > "$hba.new"
  mv "$hba.new" "$hba"
  chown postgres "$hba"
fi
as_postgres "$bin/pg_ctl -D $data/db -l $data/log -w -o '-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off $ssl_opts' start" >&2
echo "$data/db $port"
