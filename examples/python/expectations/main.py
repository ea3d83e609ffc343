"""Intent as tests: the shop declares who may talk to whom, and the synth fails
if the generated policies, Services and Ingress do not deliver exactly that.

  internet -> ingress-nginx -> shop/web (Ingress /)  and shop/api (Ingress /api)
  web -> api -> db;  nothing else; web's calls to api stay in their zone.

Reports (JSON, SARIF, Markdown, Mermaid graph, netassert tests) are written beside the YAML.
Usage: python examples/python/expectations/main.py [outdir]
Synthesizes the same YAML and reports as examples/typescript/expectations/main.ts.
"""
import sys

import cdk8s
import cdk8s_plus_28 as kplus
from cdk8s_traffic import (
    Connections,
    NamespaceIsolation,
    Peer,
    Port,
    ReportFormat,
    Request,
    Service,
    ServiceSelector,
    ServiceType,
    Target,
    Traffic,
    TrafficDistribution,
    TrafficSuppressions,
)

NO_ROOT = kplus.ContainerSecurityContextProps(ensure_non_root=False, read_only_root_filesystem=False)

# The parts of the cluster the app relies on but does not deploy.
CONTEXT = [
    {
        "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "ingress-nginx-controller", "namespace": "ingress-nginx"},
        "spec": {
            "selector": {"matchLabels": {"app.kubernetes.io/name": "ingress-nginx"}},
            "template": {
                "metadata": {"labels": {"app.kubernetes.io/name": "ingress-nginx"}},
                "spec": {"containers": [{"name": "controller", "image": "registry.k8s.io/ingress-nginx/controller:v1.11.2"}]},
            },
        },
    },
    {"apiVersion": "networking.k8s.io/v1", "kind": "IngressClass", "metadata": {"name": "nginx"}, "spec": {"controller": "k8s.io/ingress-nginx"}},
    {
        "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "coredns", "namespace": "kube-system"},
        "spec": {
            "selector": {"matchLabels": {"k8s-app": "kube-dns"}},
            "template": {
                "metadata": {"labels": {"k8s-app": "kube-dns"}},
                "spec": {"containers": [{"name": "coredns", "image": "registry.k8s.io/coredns/coredns:v1.11.1", "ports": [{"containerPort": 53, "name": "dns", "protocol": "UDP"}]}]},
            },
        },
    },
]


def build_expectations(outdir: str, validate: bool = True) -> cdk8s.App:
    app = cdk8s.App(outdir=outdir)
    chart = cdk8s.Chart(app, "shop", namespace="shop", disable_resource_name_hashes=True)
    NamespaceIsolation(chart, "isolation")

    def deploy(name: str, image: str, port: int, port_name: str) -> kplus.Deployment:
        d = kplus.Deployment(
            chart,
            name,
            metadata=cdk8s.ApiObjectMetadata(name=name),
            containers=[kplus.ContainerProps(name=name, image=image, ports=[kplus.ContainerPort(number=port, name=port_name)], security_context=NO_ROOT)],
        )
        d.pod_metadata.add_label("app", name)
        return d

    web = deploy("web", "nginx:1.27", 8080, "http")
    api = deploy("api", "ghcr.io/example/shop-api:1.4.2", 8080, "http")
    db = deploy("db", "postgres:16", 5432, "postgres")
    web_svc = Service(chart, "web-svc", name="web", selector=ServiceSelector.workload(web))
    web_svc.add_port(port=80, name="http", target_port_name="http")
    api_svc = Service(
        chart, "api-svc", name="api", selector=ServiceSelector.workload(api),
        traffic_distribution=TrafficDistribution.PREFER_SAME_ZONE,
    )
    api_svc.add_port(port=80, name="http", target_port_name="http")
    db_svc = Service(chart, "db-svc", name="db", selector=ServiceSelector.workload(db))
    db_svc.add_port(port=5432, name="postgres", target_port_name="postgres")

    # A raw Ingress; the spec goes in with a JSON patch, as in the TypeScript twin.
    ingress = cdk8s.ApiObject(chart, "ingress", api_version="networking.k8s.io/v1", kind="Ingress", metadata=cdk8s.ApiObjectMetadata(name="shop"))
    ingress.add_json_patch(cdk8s.JsonPatch.add("/spec", {
        "ingressClassName": "nginx",
        "tls": [{"hosts": ["shop.example.com"], "secretName": "shop-tls"}],
        "rules": [{
            "host": "shop.example.com",
            "http": {
                "paths": [
                    {"path": "/api", "pathType": "Prefix", "backend": {"service": {"name": "api", "port": {"name": "http"}}}},
                    {"path": "/", "pathType": "Prefix", "backend": {"service": {"name": "web", "port": {"name": "http"}}}},
                ],
            },
        }],
    }))

    controller = Peer.pods_in_namespace({"app.kubernetes.io/name": "ingress-nginx"}, "ingress-nginx")
    Connections.of(web).allow_from(controller, Port.named("http"))
    Connections.of(api).allow_from(controller, Port.named("http"))
    Connections.of(web).allow_to(api_svc, Port.tcp(80))
    Connections.of(api).allow_to(db_svc, Port.POSTGRES)

    # A public status page: a LoadBalancer without source ranges is flagged (TRF-SVC-004) unless the reason is recorded.
    status = Service(
        chart, "status-svc", name="status", type=ServiceType.LOAD_BALANCER, selector=ServiceSelector.workload(web),
    )
    status.add_port(port=80, name="http", target_port_name="http")
    TrafficSuppressions.add_suppression(status, "TRF-SVC-004", "the status page is public by design; the cloud firewall filters abusive clients")

    if not validate:
        return app
    traffic = Traffic.of(app)
    traffic.configure(reports=[ReportFormat.JSON, ReportFormat.SARIF, ReportFormat.MARKDOWN, ReportFormat.MERMAID, ReportFormat.NETASSERT])
    for obj in CONTEXT:
        traffic.add_context_object(obj)

    traffic.expect(web).can_reach(api_svc, Port.tcp(80)).cannot_reach(db)
    traffic.expect(api).can_reach(db_svc, Port.named("postgres"))
    traffic.expect(db).is_isolated().cannot_reach(Target.outside())
    traffic.expect(Target.outside()).cannot_reach(db, Port.POSTGRES)
    traffic.expect(db_svc).has_endpoints()
    traffic.expect(Request.https("shop.example.com/api/orders")).routes_to(api_svc)
    traffic.expect(Request.https("shop.example.com/")).routes_to(web_svc)

    # Where the replicas will run (one per zone): the endpoint expectations ask which endpoints kube-proxy picks.
    traffic.add_node("node-a", zone="zone-a")
    traffic.add_node("node-b", zone="zone-b")
    traffic.add_placement(web, zones=["zone-a", "zone-b"])
    traffic.add_placement(api, zones=["zone-a", "zone-b"])
    traffic.expect(api_svc).keeps_traffic_in_zone("zone-a").leaves_no_client_without_endpoints(web)

    return app


if __name__ == "__main__":
    build_expectations(sys.argv[1] if len(sys.argv) > 1 else "dist").synth()
