// network-policy-api v0.1.7: the last release with AdminNetworkPolicy and
// BaselineAdminNetworkPolicy (v1alpha1). A module of its own because one go.mod
// cannot require two versions of the same module.
module github.com/cdk8s-traffic/cdk8s-traffic/conformance/pins/network-policy-api-v1alpha1

go 1.24

require sigs.k8s.io/network-policy-api v0.1.7
