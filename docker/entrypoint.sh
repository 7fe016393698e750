#!/bin/sh
# The container's entrypoint: migrate and seed the built-in banks (one instance at a time), then serve.
# exec hands PID 1 to the app server, so `docker stop` reaches it and a crash stops the container for the
# restart policy (compose: restart: unless-stopped) to start it again.
set -eu
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database, e.g. postgresql://panelkit:secret@db:5432/panelkit}"
: "${NEXTAUTH_SECRET:?NEXTAUTH_SECRET must be 32 or more random characters (e.g. openssl rand -base64 32)}"
: "${MONITORING_KEY:?MONITORING_KEY must be 32 random bytes in base64, e.g. openssl rand -base64 32 (it encrypts equal-opportunities answers)}"
: "${NEXTAUTH_URL:?NEXTAUTH_URL must be the public URL people open, e.g. https://panelkit.example.org}"
node --import tsx scripts/prepare-for-serve.ts
exec node --import tsx scripts/serve.ts
