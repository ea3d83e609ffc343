"""A small shop: web -> api -> db in one namespace, each behind a Service.

Usage: python examples/python/shop/main.py [outdir]
Synthesizes the same YAML as examples/typescript/shop/main.ts.
"""
import sys

import cdk8s
import cdk8s_plus_28 as kplus
from cdk8s_traffic import Protocol, Service, ServicePortOptions, ServiceSelector


def build_shop(outdir: str) -> cdk8s.App:
    app = cdk8s.App(outdir=outdir)
    chart = cdk8s.Chart(app, "shop", namespace="shop", disable_resource_name_hashes=True)

    tiers = [
        ("web", "nginx:1.27", 8080),
        ("api", "ghcr.io/example/shop-api:1.4.2", 8080),
        ("db", "postgres:16", 5432),
    ]
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
        Service(
            chart,
            f"{name}-svc",
            name=name,
            selector=ServiceSelector.from_workload(deployment),
            ports=[
                ServicePortOptions(
                    name=port_name,
                    port=5432 if name == "db" else 80,
                    target_port_name=port_name,
                    protocol=Protocol.TCP,
                )
            ],
        )
    return app


if __name__ == "__main__":
    build_shop(sys.argv[1] if len(sys.argv) > 1 else "dist").synth()
