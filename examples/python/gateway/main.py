"""The shop published two ways: through an Ingress, and through a Gateway with an HTTPS listener.

The HTTPRoute splits / 90/10 across web v1 and v2, sends requests with
"x-canary: always" to v2, mirrors traffic to a shadow deployment, and sends
/pay to the payments namespace (ReferenceGrant created). Every namespace is
default-deny: the controllers' pods are admitted to the backends they serve
by the constructs themselves.

Usage: python examples/python/gateway/main.py [outdir]
Synthesizes the same YAML as examples/typescript/gateway/main.ts.
"""
import sys

import cdk8s
import cdk8s_plus_28 as kplus
from constructs import Construct
from cdk8s_traffic import (
    AllowedRoutes,
    Backend,
    Certificate,
    Gateway,
    GatewayClass,
    HeaderMatch,
    HttpRoute,
    Ingress,
    IngressBackend,
    IngressClass,
    Listener,
    Match,
    NamespaceIsolation,
    ParentRef,
    PathMatch,
    RedirectScheme,
    RouteFilter,
    Service,
    ServiceSelector,
)


def web_service(scope: Construct, name: str, image: str) -> Service:
    """A Deployment and a Service named `name`, serving HTTP on container port 8080 behind Service port 80."""
    deployment = kplus.Deployment(
        scope,
        name,
        metadata=cdk8s.ApiObjectMetadata(name=name),
        replicas=2,
        containers=[
            kplus.ContainerProps(
                name="web",
                image=image,
                ports=[kplus.ContainerPort(number=8080, name="http")],
                security_context=kplus.ContainerSecurityContextProps(
                    ensure_non_root=False, read_only_root_filesystem=False
                ),
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
    svc.add_port(port=80, name="http", target_port_name="http")
    return svc


def build_gateway(outdir: str) -> cdk8s.App:
    app = cdk8s.App(outdir=outdir)
    infra = cdk8s.Chart(app, "infra", namespace="infra", disable_resource_name_hashes=True)
    shop = cdk8s.Chart(app, "shop", namespace="shop", disable_resource_name_hashes=True)
    payments = cdk8s.Chart(app, "payments", namespace="payments", disable_resource_name_hashes=True)

    # Default deny first: routes and Ingresses declared later admit their controllers
    # (ingress to the backends, and egress from the Gateway's proxies in infra).
    NamespaceIsolation(infra, "isolation")
    NamespaceIsolation(shop, "isolation")
    NamespaceIsolation(payments, "isolation")

    v1 = web_service(shop, "web-v1", "ghcr.io/example/shop-web:1.0.0")
    v2 = web_service(shop, "web-v2", "ghcr.io/example/shop-web:2.0.0")
    shadow = web_service(shop, "web-shadow", "ghcr.io/example/shop-web:2.1.0-rc1")
    pay = web_service(payments, "pay", "ghcr.io/example/payments:3.2.0")

    # 1. Ingress, served by ingress-nginx.
    nginx = IngressClass(
        infra,
        "nginx",
        name="nginx",
        controller="k8s.io/ingress-nginx",
        controller_location={"namespace": "ingress-nginx", "pod_labels": {"app.kubernetes.io/name": "ingress-nginx"}},
    )
    ingress = Ingress(shop, "ingress", name="shop", ingress_class=nginx)
    ingress.add_host_path("shop.example.com", "/", IngressBackend.service(v1, 80))
    ingress.add_tls(hosts=["shop.example.com"], secret_name="shop-tls")

    # 2. Gateway API, served by Envoy Gateway.
    envoy = GatewayClass(
        infra, "envoy", name="envoy", controller_name="gateway.envoyproxy.io/gatewayclass-controller"
    )
    from_shop = AllowedRoutes.namespace("shop")
    gateway = Gateway(
        infra,
        "gateway",
        name="shop",
        gateway_class_name=envoy.name,
        listeners=[
            Listener.https(
                name="https",
                hostname="shop.example.com",
                certificate_refs=[Certificate.secret("shop-tls")],
                allowed_routes=from_shop,
            ),
            Listener.http(name="http", hostname="shop.example.com", allowed_routes=from_shop),
        ],
        controller={"namespace": "infra", "pod_labels": {"app.kubernetes.io/name": "envoy"}},
    )

    redirect = HttpRoute(
        shop,
        "https-redirect",
        name="https-redirect",
        parent_refs=[ParentRef.gateway(gateway, section_name="http")],
    )
    redirect.add_rule(filters=[RouteFilter.request_redirect(scheme=RedirectScheme.HTTPS, status_code=301)])

    route = HttpRoute(shop, "route", name="shop", parents=[gateway], hostnames=["shop.example.com"])
    route.add_rule(
        name="canary",
        matches=[Match.all_of(path=PathMatch.prefix("/"), headers=[HeaderMatch.exact("x-canary", "always")])],
        backends=[Backend.service(v2, 80)],
    )
    route.add_rule(
        name="split",
        matches=[Match.path_prefix("/")],
        filters=[RouteFilter.request_mirror(Backend.service(shadow, 80))],
        backends=[Backend.service(v1, 80, weight=90), Backend.service(v2, 80, weight=10)],
    )
    route.add_rule(
        name="payments",
        matches=[Match.path_prefix("/pay")],
        filters=[RouteFilter.request_header_modifier(set={"x-forwarded-prefix": "/pay"})],
        backends=[Backend.service(pay, 80)],
    )
    return app


if __name__ == "__main__":
    build_gateway(sys.argv[1] if len(sys.argv) > 1 else "dist").synth()
