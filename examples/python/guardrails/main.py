"""Cluster guardrails above the teams' own NetworkPolicies.

  AdminNetworkPolicy (platform, priority 10) over every namespace labelled tenant=true:
    allow platform/prometheus to scrape metrics (9090), whatever the teams' policies say;
    allow DNS to kube-system; deny the cloud metadata endpoint (169.254.169.254);
    pass traffic between tenant namespaces to the teams' NetworkPolicies.
  BaselineAdminNetworkPolicy (default): tenant pods that no NetworkPolicy protects
    accept no traffic from other namespaces.
  team-a: web -> api, written as NetworkPolicies; team-b: a worker with no policies.

Usage: python examples/python/guardrails/main.py [outdir]
Synthesizes the same YAML as examples/typescript/guardrails/main.ts.
"""
import sys

import cdk8s
from cdk8s_traffic import (
    AdminNetworkPolicy,
    BaselineAdminNetworkPolicy,
    ClusterPolicyPeer,
    Connections,
    Port,
    Service,
    ServiceSelector,
    TierRuleAction,
)


def deployment(chart, name, image, ports):
    """A Deployment given as a raw ApiObject; the spec goes in with a JSON patch."""
    obj = cdk8s.ApiObject(chart, name, api_version="apps/v1", kind="Deployment", metadata=cdk8s.ApiObjectMetadata(name=name))
    obj.add_json_patch(cdk8s.JsonPatch.add("/spec", {
        "selector": {"matchLabels": {"app": name}},
        "template": {"metadata": {"labels": {"app": name}}, "spec": {"containers": [{"name": name, "image": image, "ports": ports}]}},
    }))
    return obj


def namespace(chart, name, labels):
    cdk8s.ApiObject(chart, name, api_version="v1", kind="Namespace", metadata=cdk8s.ApiObjectMetadata(name=name, labels=labels))


def build_guardrails(outdir: str) -> cdk8s.App:
    app = cdk8s.App(outdir=outdir)

    # The platform team's chart: namespaces and the cluster-wide policies.
    platform = cdk8s.Chart(app, "platform", disable_resource_name_hashes=True)
    namespace(platform, "platform", {"role": "platform"})
    namespace(platform, "team-a", {"tenant": "true"})
    namespace(platform, "team-b", {"tenant": "true"})
    tenants = ClusterPolicyPeer.namespaces_with_labels({"tenant": "true"})

    # Rules in the order they are added: the first that matches decides.
    guardrails = AdminNetworkPolicy(platform, "guardrails", name="platform-guardrails", priority=10, subject=tenants)
    guardrails.add_ingress_rule(
        name="allow-metrics-scrape",
        action=TierRuleAction.ALLOW,
        peers=[ClusterPolicyPeer.pods_in_namespaces_with_labels({"app": "prometheus"}, {"role": "platform"})],
        ports=[Port.tcp(9090)],
    )
    guardrails.add_ingress_rule(name="pass-between-tenants", action=TierRuleAction.PASS, peers=[tenants])
    guardrails.add_egress_rule(
        name="allow-dns",
        action=TierRuleAction.ALLOW,
        peers=[ClusterPolicyPeer.pods_in_namespace({"k8s-app": "kube-dns"}, "kube-system")],
        ports=[Port.DNS_UDP, Port.DNS_TCP],
    )
    guardrails.add_egress_rule(name="deny-cloud-metadata", action=TierRuleAction.DENY, peers=[ClusterPolicyPeer.networks("169.254.169.254/32")])
    baseline = BaselineAdminNetworkPolicy(platform, "baseline", subject=tenants)
    baseline.add_ingress_rule(name="deny-other-namespaces", action=TierRuleAction.DENY, peers=[ClusterPolicyPeer.all_pods()])

    prometheus_chart = cdk8s.Chart(app, "monitoring", namespace="platform", disable_resource_name_hashes=True)
    deployment(prometheus_chart, "prometheus", "prom/prometheus:v2.53.0", [{"containerPort": 9090, "name": "web"}])

    # team-a's own application and NetworkPolicies: web may call the api, nothing else may.
    team_a = cdk8s.Chart(app, "team-a", namespace="team-a", disable_resource_name_hashes=True)
    web = deployment(team_a, "web", "nginx:1.27", [{"containerPort": 8080, "name": "http"}])
    api = deployment(team_a, "api", "ghcr.io/example/api:1.0.0", [{"containerPort": 8080, "name": "http"}, {"containerPort": 9090, "name": "metrics"}])
    api_svc = Service(
        team_a, "api-svc",
        name="api",
        selector=ServiceSelector.workload(api),
    )
    api_svc.add_port(port=80, name="http", target_port_name="http")
    Connections.of(web).allow_to(api_svc, Port.named("http"))

    # team-b: a worker with no NetworkPolicy at all; the baseline closes it to other namespaces.
    team_b = cdk8s.Chart(app, "team-b", namespace="team-b", disable_resource_name_hashes=True)
    deployment(team_b, "worker", "ghcr.io/example/worker:1.0.0", [{"containerPort": 8080, "name": "http"}])
    return app


if __name__ == "__main__":
    build_guardrails(sys.argv[1] if len(sys.argv) > 1 else "dist").synth()
