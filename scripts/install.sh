#!/usr/bin/env bash
# Installs everything clipgen needs on a fresh machine, idempotently:
# system build tools (apt, only if missing), npm packages, whisper.cpp + Whisper weights, the build.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v cmake >/dev/null || need_apt+=(cmake)
command -v g++ >/dev/null || need_apt+=(g++)
command -v make >/dev/null || need_apt+=(make)
command -v python3 >/dev/null || need_apt+=(python3)
python3 -c 'import venv, ensurepip' 2>/dev/null || need_apt+=(python3-venv)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "[install] apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# npm ci only when the lock file changed since the last install (it wipes node_modules).
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.clipgen-lock ] || [ "$(cat node_modules/.clipgen-lock)" != "$lock_sum" ]; then
  echo "[install] npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > node_modules/.clipgen-lock
fi

node scripts/setup.js "$@"
echo "[install] npm run build"
npm run build --silent
