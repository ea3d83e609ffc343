#!/usr/bin/env bash
# Installs the built wheel into a fresh virtualenv, runs each Python example and
# checks that its YAML is byte-identical to the TypeScript example of the same name.
set -euo pipefail
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1 JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
cd "$(dirname "$0")/.."

root="$(pwd)"
out=.tmp/examples
rm -rf "$out" .venv
# Each language writes to <its folder>/<example>, run from its folder, so that what a report
# records of its output directory (SARIF's OUTDIR, relative to the working directory) is alike.
mkdir -p "$out/py" "$out/ts"
python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check dist/python/*.whl

status=0
for pyex in examples/python/*/main.py; do
  name=$(basename "$(dirname "$pyex")")
  tsex="examples/typescript/$name/main.ts"
  [ -f "$tsex" ] || { echo "no TypeScript twin for $pyex" >&2; status=1; continue; }
  (cd "$out/py" && "$root/.venv/bin/python" "$root/$pyex" "$name" >/dev/null)
  (cd "$out/ts" && "$root/node_modules/.bin/ts-node" --transpile-only --project "$root/tsconfig.dev.json" "$root/$tsex" "$name" >/dev/null)
  if diff -r "$out/ts/$name" "$out/py/$name"; then
    echo "python example $name: identical to TypeScript ($(cat "$out"/py/"$name"/*.yaml | wc -l) lines)"
  else
    echo "python example $name: differs from TypeScript" >&2
    status=1
  fi
done
exit $status
