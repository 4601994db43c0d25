#!/usr/bin/env bash
# The main job on the embedded default (SQLite + local storage, no Redis): installs what is
# needed, then cuts clips from VIDEO into ./output. Without VIDEO it uses a talking-head sample
# from ../shared/corpus (seconds long, so short clips are allowed for it).
# Usage: bash scripts/quickstart.sh [VIDEO [clipgen process options…]]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
if [ $# -eq 0 ]; then
  set -- ../shared/corpus/video/remotion_tiktok_sample_vertical.mp4 --min-duration 3 --max-duration 12
fi
video="$1"
shift
if [ ! -f "$video" ]; then
  echo "no video at $video: pass one, e.g. bash scripts/quickstart.sh talk.mp4" >&2
  exit 1
fi
node bin/clipgen.js process "$video" --out ./output "$@"
