"""Zero trust across namespaces: every namespace denies by default, and each
allowed connection is declared once, on the Services clients actually call.

  internet -> storefront/web -> backend/api -> data/redis (StatefulSet), data/postgres (outside the cluster)
  backend/worker -> data/redis, data/postgres;  monitoring/prometheus -> backend/api metrics
  backend/api -> payment provider (203.0.113.0/24, HTTPS)

Usage: python examples/python/zero-trust/main.py [outdir]
Synthesizes the same YAML as examples/typescript/zero-trust/main.ts.
"""
import sys

import cdk8s
import cdk8s_plus_28 as kplus
from cdk8s_traffic import (
    Connections,
    EndpointSlices,
    NamespaceIsolation,
    Peer,
    Port,
    Service,
    ServiceSelector,
    ServiceType,
)

NO_ROOT = kplus.ContainerSecurityContextProps(ensure_non_root=False, read_only_root_filesystem=False)


def namespace_chart(app: cdk8s.App, namespaces: cdk8s.Chart, name: str) -> cdk8s.Chart:
    """One chart per namespace, default-deny in and out (DNS to kube-system kept)."""
    kplus.Namespace(namespaces, name, metadata=cdk8s.ApiObjectMetadata(name=name))
    chart = cdk8s.Chart(app, name, namespace=name, disable_resource_name_hashes=True)
    NamespaceIsolation(chart, "isolation")
    return chart


def raw_workload(chart, kind, name, image, ports=None, extra_spec=None):
    """A workload given as a raw ApiObject, as one from another tool would be."""
    container = {"name": name, "image": image}
    if ports:
        container["ports"] = ports
    spec = dict(extra_spec or {})
    spec["selector"] = {"matchLabels": {"app": name}}
    spec["template"] = {"metadata": {"labels": {"app": name}}, "spec": {"containers": [container]}}
    obj = cdk8s.ApiObject(chart, name, api_version="apps/v1", kind=kind, metadata=cdk8s.ApiObjectMetadata(name=name))
    obj.add_json_patch(cdk8s.JsonPatch.add("/spec", spec))
    return obj


def build_zero_trust(outdir: str) -> cdk8s.App:
    app = cdk8s.App(outdir=outdir)
    # Namespaces are cluster-scoped: they live in a chart without a namespace.
    namespaces = cdk8s.Chart(app, "namespaces", disable_resource_name_hashes=True)
    storefront = namespace_chart(app, namespaces, "storefront")
    backend = namespace_chart(app, namespaces, "backend")
    data = namespace_chart(app, namespaces, "data")
    monitoring = namespace_chart(app, namespaces, "monitoring")

    # data: Redis as a StatefulSet behind a headless Service, Postgres outside the cluster.
    redis = raw_workload(
        data,
        "StatefulSet",
        "redis",
        "redis:7.2",
        ports=[{"containerPort": 6379, "name": "redis"}],
        extra_spec={"serviceName": "redis-headless", "replicas": 3},
    )
    redis_svc = Service(
        data,
        "redis-svc",
        name="redis-headless",
        selector=ServiceSelector.workload(redis),
        headless=True,
        publish_not_ready_addresses=True,
    )
    redis_svc.add_port(port=6379, name="redis", target_port_name="redis")
    postgres = Service(data, "postgres-svc", name="postgres")
    postgres.add_port(port=5432, name="postgres", target_port=5432)
    postgres_endpoints = EndpointSlices(data, "postgres-endpoints", service=postgres)
    postgres_endpoints.add_endpoint(addresses=["10.20.0.10"], ready=True, zone="eu-west-1a")
    postgres_endpoints.add_endpoint(addresses=["10.20.0.11"], ready=True, zone="eu-west-1b")

    # backend: the API (cdk8s-plus-28) and a worker given as a raw ApiObject.
    api = kplus.Deployment(
        backend,
        "api",
        metadata=cdk8s.ApiObjectMetadata(name="api"),
        replicas=2,
        containers=[
            kplus.ContainerProps(
                name="api",
                image="ghcr.io/example/api:2.3.0",
                ports=[kplus.ContainerPort(number=8080, name="http"), kplus.ContainerPort(number=9090, name="metrics")],
                security_context=NO_ROOT,
            )
        ],
    )
    api_svc = Service(
        backend,
        "api-svc",
        name="api",
        selector=ServiceSelector.workload(api),
    )
    api_svc.add_port(port=80, name="http", target_port_name="http")
    api_svc.add_port(port=9090, name="metrics", target_port_name="metrics")
    payments = Service(
        backend,
        "payments-svc",
        name="payments",
        type=ServiceType.EXTERNAL_NAME,
        external_name="api.payments.example.com",
    )
    postgres.bind_environment(api.containers[0])
    api.containers[0].env.add_variable("REDIS_URL", kplus.EnvValue.from_value(redis_svc.url("redis", "redis")))
    api.containers[0].env.add_variable("PAYMENTS_HOST", kplus.EnvValue.from_value(payments.dns_name()))
    worker = raw_workload(backend, "Deployment", "worker", "ghcr.io/example/worker:2.3.0", extra_spec={"replicas": 1})

    # storefront: the web tier, the only thing reachable from the internet.
    web = kplus.Deployment(
        storefront,
        "web",
        metadata=cdk8s.ApiObjectMetadata(name="web"),
        replicas=3,
        containers=[
            kplus.ContainerProps(
                name="web",
                image="nginx:1.27",
                ports=[kplus.ContainerPort(number=8443, name="https")],
                security_context=NO_ROOT,
            )
        ],
    )
    web_svc = Service(
        storefront,
        "web-svc",
        name="web",
        type=ServiceType.LOAD_BALANCER,
        selector=ServiceSelector.workload(web),
        load_balancer_source_ranges=["0.0.0.0/0"],
    )
    web_svc.add_port(port=443, name="https", target_port_name="https")
    api_svc.bind_environment(web.containers[0])

    # monitoring: Prometheus scrapes the API's metrics port.
    prometheus = raw_workload(
        monitoring,
        "Deployment",
        "prometheus",
        "prom/prometheus:v2.53.0",
        ports=[{"containerPort": 9090, "name": "web"}],
    )

    # The connections, and nothing else.
    web_svc.connections.allow_from(Peer.any_ipv4(), Port.HTTPS)
    Connections.of(web).allow_to(api_svc, Port.named("http"))
    Connections.of(api).allow_to(redis_svc, Port.REDIS)
    Connections.of(api).allow_to(postgres, Port.POSTGRES)
    Connections.of(api).allow_to(Peer.ip_block("203.0.113.0/24"), Port.HTTPS)
    Connections.of(worker).allow_to(redis_svc, Port.REDIS)
    Connections.of(worker).allow_to(postgres, Port.POSTGRES)
    Connections.of(prometheus).allow_to(api_svc, Port.named("metrics"))
    Connections.of(redis).allow_internally(Port.REDIS)
    return app


if __name__ == "__main__":
    build_zero_trust(sys.argv[1] if len(sys.argv) > 1 else "dist").synth()
