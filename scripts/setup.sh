#!/usr/bin/env bash
# Installs the workspace's dependencies with the pinned pnpm. Needs only Node 20 and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
want=$(node -p "require('./package.json').packageManager.split('@')[1]")
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$want" ]; then
  echo "setup: installing pnpm $want" >&2
  npm install --global --allow-scripts=pnpm "pnpm@$want" >/dev/null 2>&1 || npm install --global "pnpm@$want"
fi
# better-sqlite3 compiles from source; build against the local Node headers when they are there.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi
pnpm install --frozen-lockfile
