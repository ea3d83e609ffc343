"""Layer-4 traffic through the Gateway API, for what is not HTTP:

  tcp  :5432  TCPRoute  -> Postgres, 80/20 while moving from postgres-old to postgres-new
  udp  :7777  UDPRoute  -> the game servers (namespace games)
  tls  :443   TLSRoute  -> passthrough by SNI: mqtt.example.com reaches the broker still encrypted

The Gateway's proxies run in infra. The TCP and TLS backends live in a default-deny
namespace and admit the proxies on their target ports because the routes say so; the
game servers have a namespace of their own, open to anything that reaches their nodes.

Usage: python examples/python/l4-routes/main.py [outdir]
Synthesizes the same YAML as examples/typescript/l4-routes/main.ts.
"""
import sys

import cdk8s
import cdk8s_plus_28 as kplus
from cdk8s_traffic import (
    AllowedRoutes,
    Backend,
    Gateway,
    GatewayClass,
    Listener,
    NamespaceIsolation,
    ParentRef,
    Protocol,
    Service,
    ServiceSelector,
    TcpRoute,
    TlsRoute,
    UdpRoute,
)


def backend(scope, name: str, image: str, port: int, protocol: Protocol) -> Service:
    """A Deployment and its Service, on one port of the given protocol."""
    deployment = kplus.Deployment(
        scope,
        name,
        metadata=cdk8s.ApiObjectMetadata(name=name),
        containers=[
            kplus.ContainerProps(
                name=name,
                image=image,
                ports=[
                    kplus.ContainerPort(
                        number=port,
                        name="main",
                        protocol=kplus.Protocol.UDP if protocol == Protocol.UDP else kplus.Protocol.TCP,
                    )
                ],
                security_context=kplus.ContainerSecurityContextProps(ensure_non_root=False, read_only_root_filesystem=False),
            )
        ],
    )
    deployment.pod_metadata.add_label("app", name)
    svc = Service(
        scope,
        f"{name}-svc",
        name=name,
        selector=ServiceSelector.workload(deployment),
    )
    svc.add_port(port=port, name="main", target_port_name="main", protocol=protocol)
    return svc


def build_l4_routes(outdir: str) -> cdk8s.App:
    app = cdk8s.App(outdir=outdir)
    infra = cdk8s.Chart(app, "infra", namespace="infra", disable_resource_name_hashes=True)
    apps = cdk8s.Chart(app, "apps", namespace="apps", disable_resource_name_hashes=True)
    games = cdk8s.Chart(app, "games", namespace="games", disable_resource_name_hashes=True)
    NamespaceIsolation(apps, "isolation")

    postgres_old = backend(apps, "postgres-old", "postgres:15", 5432, Protocol.TCP)
    postgres_new = backend(apps, "postgres-new", "postgres:16", 5432, Protocol.TCP)
    game = backend(games, "game", "ghcr.io/example/game-server:0.9.1", 7777, Protocol.UDP)
    mqtt = backend(apps, "mqtt", "eclipse-mosquitto:2.0", 8883, Protocol.TCP)

    GatewayClass(infra, "envoy", name="envoy", controller_name="gateway.envoyproxy.io/gatewayclass-controller")
    from_apps = AllowedRoutes.namespace("apps")
    gateway = Gateway(
        infra,
        "gateway",
        name="edge",
        gateway_class_name="envoy",
        listeners=[
            Listener.tcp(name="postgres", port=5432, allowed_routes=from_apps),
            Listener.udp(
                name="game",
                port=7777,
                allowed_routes=AllowedRoutes.namespace("games"),
            ),
            Listener.tls_passthrough(name="mqtt", hostname="mqtt.example.com", allowed_routes=from_apps),
        ],
        controller={"namespace": "infra", "pod_labels": {"app.kubernetes.io/name": "envoy"}},
    )

    postgres_route = TcpRoute(
        apps,
        "postgres-route",
        name="postgres",
        parent_refs=[ParentRef.gateway(gateway, section_name="postgres")],
    )
    postgres_route.add_rule(
        backends=[Backend.service(postgres_old, 5432, weight=80), Backend.service(postgres_new, 5432, weight=20)]
    )
    game_route = UdpRoute(
        games,
        "game-route",
        name="game",
        parent_refs=[ParentRef.gateway(gateway, section_name="game")],
    )
    game_route.add_rule(backends=[Backend.service(game, 7777)])
    mqtt_route = TlsRoute(apps, "mqtt-route", name="mqtt", parents=[gateway], hostnames=["mqtt.example.com"])
    mqtt_route.add_rule(backends=[Backend.service(mqtt, 8883)])
    return app


if __name__ == "__main__":
    build_l4_routes(sys.argv[1] if len(sys.argv) > 1 else "dist").synth()
