"""Every kind of Service, and how clients find them, in one namespace:

  web            ClusterIP, dual-stack where the cluster is, trafficDistribution PreferSameZone, ClientIP session affinity
  web-nodeport   NodePort 30080 with externalTrafficPolicy Local (client IP kept)
  web-public     LoadBalancer limited to one client range, externalTrafficPolicy Local
  log-agent      ClusterIP with internalTrafficPolicy Local: each pod talks to the agent on its node
  redis          headless, the serviceName of a 3-replica StatefulSet (redis-0.redis..., SRV records)
  orders-db      ExternalName: a CNAME to a managed database outside the cluster
  analytics      no selector: EndpointSlices list the pods of another cluster by address

Usage: python examples/python/services/main.py [outdir]
Synthesizes the same YAML as examples/typescript/services/main.ts.
"""
import sys

import cdk8s
import cdk8s_plus_28 as kplus
from cdk8s_traffic import (
    EndpointSlices,
    IpFamilyPolicy,
    Protocol,
    Service,
    ServiceSelector,
    ServiceType,
    SessionAffinity,
    TrafficDistribution,
    TrafficPolicy,
)

NO_ROOT = kplus.ContainerSecurityContextProps(ensure_non_root=False, read_only_root_filesystem=False)


def build_services(outdir: str) -> cdk8s.App:
    app = cdk8s.App(outdir=outdir)
    chart = cdk8s.Chart(app, "services", namespace="shop", disable_resource_name_hashes=True)

    # The web tier, published three ways.
    web = kplus.Deployment(
        chart,
        "web",
        metadata=cdk8s.ApiObjectMetadata(name="web"),
        replicas=3,
        containers=[
            kplus.ContainerProps(
                name="web", image="nginx:1.27", ports=[kplus.ContainerPort(number=8080, name="http")], security_context=NO_ROOT
            )
        ],
    )
    web.pod_metadata.add_label("app", "web")
    web_svc = Service(
        chart,
        "web-svc",
        name="web",
        selector=ServiceSelector.workload(web),
        # No explicit ip_families: [IPv4, IPv6] is rejected by a single-stack IPv4 cluster ("IPv6: not configured");
        # PREFER_DUAL_STACK alone gets both families where the cluster has them, IPv4 elsewhere.
        ip_family_policy=IpFamilyPolicy.PREFER_DUAL_STACK,
        traffic_distribution=TrafficDistribution.PREFER_SAME_ZONE,
        session_affinity=SessionAffinity.CLIENT_IP,
        session_affinity_timeout_seconds=600,
    )
    web_svc.add_port(port=80, name="http", target_port_name="http", app_protocol="http")
    web_node_port = Service(
        chart,
        "web-nodeport-svc",
        name="web-nodeport",
        type=ServiceType.NODE_PORT,
        selector=ServiceSelector.workload(web),
        external_traffic_policy=TrafficPolicy.LOCAL,
    )
    web_node_port.add_port(port=80, name="http", target_port_name="http", node_port=30080)
    web_public = Service(
        chart,
        "web-public-svc",
        name="web-public",
        type=ServiceType.LOAD_BALANCER,
        selector=ServiceSelector.workload(web),
        load_balancer_source_ranges=["203.0.113.0/24"],
        external_traffic_policy=TrafficPolicy.LOCAL,
    )
    web_public.add_port(port=443, name="https", target_port_name="http")

    # A node-local agent: internalTrafficPolicy Local keeps each client on its own node.
    agent = kplus.DaemonSet(
        chart,
        "log-agent",
        metadata=cdk8s.ApiObjectMetadata(name="log-agent"),
        containers=[
            kplus.ContainerProps(
                name="fluent-bit",
                image="fluent/fluent-bit:3.1",
                ports=[kplus.ContainerPort(number=24224, name="forward")],
                security_context=NO_ROOT,
            )
        ],
    )
    agent.pod_metadata.add_label("app", "log-agent")
    agent_svc = Service(
        chart,
        "log-agent-svc",
        name="log-agent",
        selector=ServiceSelector.workload(agent),
        internal_traffic_policy=TrafficPolicy.LOCAL,
    )
    agent_svc.add_port(port=24224, name="forward", target_port_name="forward")

    # Redis as a StatefulSet: its headless Service gives every replica a stable name.
    redis = cdk8s.ApiObject(
        chart, "redis", api_version="apps/v1", kind="StatefulSet", metadata=cdk8s.ApiObjectMetadata(name="redis")
    )
    redis.add_json_patch(
        cdk8s.JsonPatch.add(
            "/spec",
            {
                "serviceName": "redis",
                "replicas": 3,
                "selector": {"matchLabels": {"app": "redis"}},
                "template": {
                    "metadata": {"labels": {"app": "redis"}},
                    "spec": {
                        "containers": [
                            {"name": "redis", "image": "redis:7.2", "ports": [{"containerPort": 6379, "name": "redis"}]}
                        ]
                    },
                },
            },
        )
    )
    redis_svc = Service(
        chart,
        "redis-svc",
        name="redis",
        headless=True,
        publish_not_ready_addresses=True,
        selector=ServiceSelector.workload(redis),
    )
    redis_svc.add_port(port=6379, name="redis", target_port_name="redis")

    # A managed database outside the cluster, reached by a stable in-cluster name.
    orders_db = Service(
        chart, "orders-db-svc", name="orders-db", type=ServiceType.EXTERNAL_NAME, external_name="orders.db.example.com"
    )

    # Analytics runs in another cluster: a selector-less Service and its EndpointSlices.
    analytics = Service(chart, "analytics-svc", name="analytics")
    analytics.add_port(port=80, name="http", target_port=9000)
    analytics.add_port(port=8125, name="statsd", target_port=8125, protocol=Protocol.UDP)
    analytics_endpoints = EndpointSlices(chart, "analytics-endpoints", service=analytics)
    analytics_endpoints.add_endpoint(addresses=["10.30.0.10"], ready=True, zone="eu-west-1a")
    analytics_endpoints.add_endpoint(addresses=["10.30.0.11"], ready=True, zone="eu-west-1b")

    # Discovery: clients get the names, not the addresses.
    api = kplus.Deployment(
        chart,
        "api",
        metadata=cdk8s.ApiObjectMetadata(name="api"),
        containers=[
            kplus.ContainerProps(
                name="api",
                image="ghcr.io/example/shop-api:1.4.2",
                ports=[kplus.ContainerPort(number=8080, name="http")],
                security_context=NO_ROOT,
            )
        ],
    )
    api.pod_metadata.add_label("app", "api")
    env = api.containers[0].env
    env.add_variable("REDIS_PRIMARY", kplus.EnvValue.from_value(redis_svc.pod_dns_name("redis-0")))
    env.add_variable("ORDERS_DB_HOST", kplus.EnvValue.from_value(orders_db.dns_name()))
    env.add_variable("ANALYTICS_URL", kplus.EnvValue.from_value(analytics.url("http")))
    env.add_variable("LOG_FORWARD", kplus.EnvValue.from_value(f"{agent_svc.dns_name()}:24224"))
    env.add_variable("WEB_URL", kplus.EnvValue.from_value(web_svc.url("http")))
    return app


if __name__ == "__main__":
    build_services(sys.argv[1] if len(sys.argv) > 1 else "dist").synth()
