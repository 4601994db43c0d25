#!/usr/bin/env bash
# The test command: install what is needed, make sure Redis and PostgreSQL run, run every test
# (unit specs, integration on SQLite/PostgreSQL/Redis/S3-protocol/real Whisper, HTTP e2e).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
# Test-only: espeak-ng speaks the non-English test sentences (the corpus is English only).
if ! command -v espeak-ng >/dev/null; then
  echo "[test] apt-get install espeak-ng"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq espeak-ng >/dev/null
fi
bash scripts/ensure-services.sh
npm run lint --silent
npm test
