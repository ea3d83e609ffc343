"""A small shop: web -> api -> db in one default-deny namespace, each behind a Service,
with the intended connectivity asserted at synth time.

Usage: python examples/python/shop/main.py [outdir]
Synthesizes the same YAML as examples/typescript/shop/main.ts.
"""
import sys

import cdk8s
import cdk8s_plus_28 as kplus
from cdk8s_traffic import (
    Connections,
    NamespaceIsolation,
    Peer,
    Port,
    Protocol,
    Service,
    ServiceSelector,
    Traffic,
)


def build_shop(outdir: str) -> cdk8s.App:
    app = cdk8s.App(outdir=outdir)
    chart = cdk8s.Chart(app, "shop", namespace="shop", disable_resource_name_hashes=True)

    NamespaceIsolation(chart, "isolation")

    tiers = [
        ("web", "nginx:1.27", 8080),
        ("api", "ghcr.io/example/shop-api:1.4.2", 8080),
        ("db", "postgres:16", 5432),
    ]
    services = {}
    workloads = {}
    for name, image, port in tiers:
        port_name = "postgres" if name == "db" else "http"
        deployment = kplus.Deployment(
            chart,
            name,
            metadata=cdk8s.ApiObjectMetadata(name=name),
            replicas=1 if name == "db" else 2,
            containers=[
                kplus.ContainerProps(
                    name=name,
                    image=image,
                    ports=[kplus.ContainerPort(number=port, name=port_name)],
                    security_context=kplus.ContainerSecurityContextProps(
                        ensure_non_root=False, read_only_root_filesystem=False
                    ),
                )
            ],
        )
        deployment.pod_metadata.add_label("app", name)
        workloads[name] = deployment
        services[name] = Service(
            chart,
            f"{name}-svc",
            name=name,
            selector=ServiceSelector.workload(deployment),
        )
        services[name].add_port(
            name=port_name,
            port=5432 if name == "db" else 80,
            target_port_name=port_name,
            protocol=Protocol.TCP,
        )

    # Each call writes the client's egress and the server's ingress, on the pod port.
    services["web"].connections.allow_from(Peer.any_ipv4(), Port.named("http"))
    Connections.of(workloads["web"]).allow_to(services["api"], Port.named("http"))
    Connections.of(workloads["api"]).allow_to(services["db"], Port.named("postgres"))

    # Checked by the traffic engine inside app.synth().
    traffic = Traffic.of(app)
    traffic.expect(workloads["web"]).can_reach(services["api"], Port.tcp(80))
    traffic.expect(workloads["api"]).can_reach(services["db"], Port.tcp(5432))
    traffic.expect(workloads["web"]).cannot_reach(workloads["db"])
    return app


if __name__ == "__main__":
    build_shop(sys.argv[1] if len(sys.argv) > 1 else "dist").synth()
