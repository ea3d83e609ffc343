// Pinned upstream releases whose test corpora `npm run conformance` reads.
// Nothing here is compiled: `go mod download -json` fetches each module through the
// module proxy, checks it against go.sum, and names the folder it was unpacked into.
module github.com/cdk8s-traffic/cdk8s-traffic/conformance/pins/main

go 1.24

require (
	github.com/np-guard/netpol-analyzer v1.4.4
	sigs.k8s.io/gateway-api v1.6.1
	sigs.k8s.io/gateway-api/conformance v1.6.1
	sigs.k8s.io/network-policy-api v0.3.0
)
