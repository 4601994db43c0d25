#!/usr/bin/env bash
# The test command: install what is needed, make sure Redis and PostgreSQL run, run every test
# (unit specs, integration on SQLite/PostgreSQL/Redis/S3-protocol/real Whisper, HTTP e2e).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
bash scripts/ensure-services.sh
npm run lint --silent
npm test
