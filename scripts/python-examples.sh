#!/usr/bin/env bash
# Installs the built wheel into a fresh virtualenv, runs each Python example and
# checks that its YAML is byte-identical to the TypeScript example of the same name.
set -euo pipefail
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1 JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
cd "$(dirname "$0")/.."

out=.tmp/examples
rm -rf "$out" .venv
mkdir -p "$out"
python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check dist/python/*.whl

status=0
for pyex in examples/python/*/main.py; do
  name=$(basename "$(dirname "$pyex")")
  tsex="examples/typescript/$name/main.ts"
  [ -f "$tsex" ] || { echo "no TypeScript twin for $pyex" >&2; status=1; continue; }
  .venv/bin/python "$pyex" "$out/py-$name" >/dev/null
  npx ts-node --transpile-only --project tsconfig.dev.json "$tsex" "$out/ts-$name" >/dev/null
  if diff -r "$out/ts-$name" "$out/py-$name"; then
    echo "python example $name: identical to TypeScript ($(cat "$out"/py-"$name"/*.yaml | wc -l) lines)"
  else
    echo "python example $name: differs from TypeScript" >&2
    status=1
  fi
done
exit $status
