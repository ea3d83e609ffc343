#!/usr/bin/env bash
# Builds kube-apiserver, kubectl and etcd from the Go module proxy into a user cache
# folder outside the clone, and reuses them when they are already there.
#
# kube-apiserver and kubectl come from k8s.io/kubernetes, which cannot be required as
# an ordinary module: its go.mod points every k8s.io/* staging module at a folder of
# its own tree (replace => ./staging/...). A throwaway module requires it and replaces
# each staging module with its published v0.x release instead; the list is read from
# k8s.io/kubernetes's own go.mod so a new staging module is never missed.
# etcd's server/v3 module is a main package and is built the same way, in a module of
# its own so its dependencies never mix with Kubernetes'.
#
# Prints the folder holding the binaries on its last line.
set -euo pipefail

K8S_VERSION="${K8S_VERSION:-v1.37.2}"
ETCD_VERSION="${ETCD_VERSION:-v3.7.3}"
STAGING_VERSION="v0.${K8S_VERSION#v1.}"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/cdk8s-traffic"
BIN="$CACHE/kubernetes-$K8S_VERSION-etcd-$ETCD_VERSION"

command -v go >/dev/null 2>&1 || { echo "test:apiserver needs Go (1.26 or later) on PATH to build kube-apiserver, kubectl and etcd" >&2; exit 3; }

if [[ -x "$BIN/kube-apiserver" && -x "$BIN/kubectl" && -x "$BIN/etcd" ]]; then
  echo "$BIN"
  exit 0
fi

mkdir -p "$BIN"
WORK="$(mktemp -d "$CACHE/build.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
export GOFLAGS=-mod=mod GOTOOLCHAIN=local

# --- kube-apiserver and kubectl -------------------------------------------------
mkdir -p "$WORK/k8s" && cd "$WORK/k8s"
go mod init cdk8s-traffic.local/apiserver-build >/dev/null 2>&1
gomod="$(go mod download -json "k8s.io/kubernetes@$K8S_VERSION" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",$/\1/p')"
{
  echo "require k8s.io/kubernetes $K8S_VERSION"
  echo "replace ("
  sed -n 's#^[[:space:]]*\(k8s\.io/[a-z0-9-]*\) => \./staging/src/.*#\t\1 => \1 '"$STAGING_VERSION"'#p' "$gomod"
  echo ")"
} >> go.mod
cat > tools.go <<'GO'
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
GO
go mod tidy >/dev/null
minor="${K8S_VERSION#v1.}"; minor="${minor%%.*}"
ld="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ld="$ld -X $pkg.gitVersion=$K8S_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor -X $pkg.gitTreeState=clean"
done
go build -trimpath -ldflags "$ld" -o "$BIN/kube-apiserver" k8s.io/kubernetes/cmd/kube-apiserver
go build -trimpath -ldflags "$ld" -o "$BIN/kubectl" k8s.io/kubernetes/cmd/kubectl

# --- etcd ------------------------------------------------------------------------
mkdir -p "$WORK/etcd" && cd "$WORK/etcd"
go mod init cdk8s-traffic.local/etcd-build >/dev/null 2>&1
echo "require go.etcd.io/etcd/server/v3 $ETCD_VERSION" >> go.mod
cat > tools.go <<'GO'
//go:build tools

package tools

import _ "go.etcd.io/etcd/server/v3"
GO
go mod tidy >/dev/null
go build -trimpath -ldflags "-s -w" -o "$BIN/etcd" go.etcd.io/etcd/server/v3

echo "$BIN"
