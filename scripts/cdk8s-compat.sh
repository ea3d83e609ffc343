#!/usr/bin/env bash
# Runs the synth adapter's test (test/constructs/synth-adapter.test.ts) against
# the newest cdk8s 2.x as well as the lowest supported version (the
# devDependency): the adapter is the one place this library reaches into
# cdk8s's App and ApiObject, so a cdk8s release that changes how synth
# validates or resolves objects shows up here.
# Usage: scripts/cdk8s-compat.sh [version-range]   (default: 2, the newest 2.x)
set -euo pipefail
cd "$(dirname "$0")/.."
range="${1:-2}"
dir=.tmp/cdk8s-compat
rm -rf "$dir" && mkdir -p "$dir"
npm install --prefix "$dir" --no-save --no-package-lock --ignore-scripts "cdk8s@$range" >/dev/null
newest="$(node -p "require('./$dir/node_modules/cdk8s/package.json').version")"
echo "cdk8s $(node -p "require('cdk8s/package.json').version") (lowest supported):"
npx jest --ci test/constructs/synth-adapter.test.ts
echo "cdk8s $newest (newest $range.x):"
# Every require of cdk8s and of constructs (ours, cdk8s-plus-28's) resolves to the fresh install,
# so one constructs module builds the whole tree.
npx jest --ci test/constructs/synth-adapter.test.ts \
  --moduleNameMapper "{\"^cdk8s$\":\"<rootDir>/$dir/node_modules/cdk8s\",\"^constructs$\":\"<rootDir>/$dir/node_modules/constructs\"}"
