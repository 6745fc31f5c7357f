#!/usr/bin/env bash
# Every check Harbor has: schema derivation, typecheck, lint, unit, integration and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
npx tsx scripts/derive-postgres-schema.ts --check
npm run --silent typecheck
npm run --silent lint
npx vitest run
