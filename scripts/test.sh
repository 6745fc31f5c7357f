#!/usr/bin/env bash
# Every check Harbor has: schema derivation, typecheck, lint, unit tests, then the integration and
# browser suites on SQLite and again on PostgreSQL (a throwaway cluster on 127.0.0.1).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
npx tsx scripts/derive-postgres-schema.ts --check
npm run --silent typecheck
npm run --silent lint
npx vitest run

port=54330
trap 'bash scripts/postgres-cluster.sh stop $port' EXIT
postgres_url=$(bash scripts/postgres-cluster.sh $port)
echo "Integration and browser suites again, on PostgreSQL"
TEST_POSTGRES_URL="$postgres_url" npx vitest run --project integration --project e2e
