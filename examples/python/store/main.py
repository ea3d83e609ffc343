"""A realistic store in three default-deny namespaces.

  edge   the Gateway (HTTPS for shop.example.com and grpc.example.com, plain HTTP
         answered with a redirect to HTTPS) and the IngressClass of the legacy Ingress
  shop   storefront v1 and v2 (90/10 canary, "x-canary: always" pins v2), cart (/cart),
         catalog (gRPC store.Catalog), checkout; legacy.example.com through ingress-nginx
  data   Postgres as a StatefulSet behind its headless governing Service, and the
         external payment API as a selector-less Service with an EndpointSlice

Every path the store needs is one Connections call; the expectations fail the synth
if the generated policies, Services and routes do not deliver it.

Usage: python examples/python/store/main.py [outdir]
Synthesizes the same YAML as examples/typescript/store/main.ts.
"""
import sys

import cdk8s
import cdk8s_plus_28 as kplus
from constructs import Construct
from cdk8s_traffic import (
    AllowedRoutes,
    Backend,
    Certificate,
    Connections,
    EndpointSlices,
    Gateway,
    GatewayClass,
    GrpcMatch,
    GrpcRoute,
    HttpRoute,
    Ingress,
    IngressBackend,
    IngressClass,
    Listener,
    Match,
    NamespaceIsolation,
    ParentRef,
    Port,
    RedirectScheme,
    Request,
    RouteFilter,
    Service,
    ServiceSelector,
    Traffic,
)

NO_ROOT = kplus.ContainerSecurityContextProps(ensure_non_root=False, read_only_root_filesystem=False)


def running(namespace: str, name: str, labels: dict, image: str) -> dict:
    """A Deployment the cluster runs but the app does not deploy, as context for the analysis."""
    return {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": name, "namespace": namespace},
        "spec": {
            "selector": {"matchLabels": labels},
            "template": {"metadata": {"labels": labels}, "spec": {"containers": [{"name": name, "image": image}]}},
        },
    }


# What the store relies on but does not deploy: the Gateway's proxies (created by Envoy Gateway), ingress-nginx and CoreDNS.
CONTEXT = [
    running("edge", "envoy-store", {"app.kubernetes.io/name": "envoy"}, "envoyproxy/envoy:distroless-v1.35.0"),
    running(
        "ingress-nginx",
        "ingress-nginx-controller",
        {"app.kubernetes.io/name": "ingress-nginx"},
        "registry.k8s.io/ingress-nginx/controller:v1.11.2",
    ),
    running("kube-system", "coredns", {"k8s-app": "kube-dns"}, "registry.k8s.io/coredns/coredns:v1.11.1"),
]


def deployment(scope: Construct, name: str, image: str, port: int, port_name: str) -> kplus.Deployment:
    """A Deployment named `name` with one container port, labelled app=name."""
    d = kplus.Deployment(
        scope,
        name,
        metadata=cdk8s.ApiObjectMetadata(name=name),
        replicas=2,
        containers=[
            kplus.ContainerProps(
                name=name,
                image=image,
                ports=[kplus.ContainerPort(number=port, name=port_name)],
                security_context=NO_ROOT,
            )
        ],
    )
    d.pod_metadata.add_label("app", name)
    return d


def service(scope: Construct, workload: kplus.Deployment, name: str, port: int, port_name: str) -> Service:
    """A Service named `name` for `workload`, port `port` to the container port named `port_name`."""
    svc = Service(
        scope,
        f"{name}-svc",
        name=name,
        selector=ServiceSelector.workload(workload),
    )
    svc.add_port(port=port, name=port_name, target_port_name=port_name)
    return svc


def build_store(outdir: str) -> cdk8s.App:
    app = cdk8s.App(outdir=outdir)
    edge = cdk8s.Chart(app, "edge", namespace="edge", disable_resource_name_hashes=True)
    shop = cdk8s.Chart(app, "shop", namespace="shop", disable_resource_name_hashes=True)
    data = cdk8s.Chart(app, "data", namespace="data", disable_resource_name_hashes=True)

    # Default deny first: everything after this is admitted explicitly.
    NamespaceIsolation(edge, "isolation")
    NamespaceIsolation(shop, "isolation")
    NamespaceIsolation(data, "isolation")

    # shop: the storefront (two versions), cart, catalog (gRPC) and checkout.
    storefront_v1 = deployment(shop, "storefront-v1", "ghcr.io/example/storefront:1.8.0", 8080, "http")
    storefront_v2 = deployment(shop, "storefront-v2", "ghcr.io/example/storefront:2.0.0", 8080, "http")
    cart = deployment(shop, "cart", "ghcr.io/example/cart:3.1.0", 8080, "http")
    catalog = deployment(shop, "catalog", "ghcr.io/example/catalog:1.2.0", 9090, "grpc")
    checkout = deployment(shop, "checkout", "ghcr.io/example/checkout:2.4.1", 8080, "http")
    storefront_v1_svc = service(shop, storefront_v1, "storefront-v1", 80, "http")
    storefront_v2_svc = service(shop, storefront_v2, "storefront-v2", 80, "http")
    cart_svc = service(shop, cart, "cart", 80, "http")
    catalog_svc = service(shop, catalog, "catalog", 9090, "grpc")
    checkout_svc = service(shop, checkout, "checkout", 80, "http")

    # data: Postgres as a StatefulSet, governed by our headless Service so that
    # postgres-0.postgres.data.svc resolves.
    postgres = kplus.StatefulSet(
        data,
        "postgres",
        metadata=cdk8s.ApiObjectMetadata(name="postgres"),
        replicas=1,
        containers=[
            kplus.ContainerProps(
                name="postgres",
                image="postgres:16",
                ports=[kplus.ContainerPort(number=5432, name="postgres")],
                security_context=NO_ROOT,
            )
        ],
    )
    postgres.pod_metadata.add_label("app", "postgres")
    postgres_svc = Service(
        data,
        "postgres-svc",
        name="postgres",
        headless=True,
        selector=ServiceSelector.workload(postgres),
    )
    postgres_svc.add_port(port=5432, name="postgres", target_port_name="postgres")
    postgres_svc.govern_stateful_set(postgres)
    checkout.containers[0].env.add_variable(
        "DATABASE_HOST", kplus.EnvValue.from_value(postgres_svc.pod_dns_name("postgres-0"))
    )

    # data: the payment provider's API, outside the cluster, under a stable in-cluster name.
    payments_svc = Service(data, "payments-svc", name="payments")
    payments_svc.add_port(port=443, name="https", target_port=443)
    payments_endpoints = EndpointSlices(data, "payments-endpoints", service=payments_svc)
    payments_endpoints.add_endpoint(addresses=["203.0.113.10"], ready=True)
    payments_endpoints.add_endpoint(addresses=["203.0.113.11"], ready=True)
    checkout.containers[0].env.add_variable("PAYMENTS_URL", kplus.EnvValue.from_value(payments_svc.url("https")))

    # edge: the Gateway, served by Envoy Gateway's proxies in this namespace.
    envoy = GatewayClass(
        edge, "envoy", name="envoy", controller_name="gateway.envoyproxy.io/gatewayclass-controller"
    )
    from_shop = AllowedRoutes.namespace("shop")
    gateway = Gateway(
        edge,
        "gateway",
        name="store",
        gateway_class_name=envoy.name,
        listeners=[
            Listener.https(
                name="https",
                hostname="shop.example.com",
                certificate_refs=[Certificate.secret("shop-tls")],
                allowed_routes=from_shop,
            ),
            Listener.http(name="http", hostname="shop.example.com", allowed_routes=from_shop),
            Listener.https(
                name="grpc",
                hostname="grpc.example.com",
                certificate_refs=[Certificate.secret("grpc-tls")],
                allowed_routes=from_shop,
            ),
        ],
        controller={"namespace": "edge", "pod_labels": {"app.kubernetes.io/name": "envoy"}},
    )

    # Plain HTTP only redirects to HTTPS.
    redirect = HttpRoute(
        shop,
        "https-redirect",
        name="https-redirect",
        parent_refs=[ParentRef.gateway(gateway, section_name="http")],
    )
    redirect.add_rule(filters=[RouteFilter.request_redirect(scheme=RedirectScheme.HTTPS, status_code=301)])

    # HTTPS: /cart to the cart, "x-canary: always" pinned to v2, the rest split 90/10.
    storefront_route = HttpRoute(
        shop,
        "storefront-route",
        name="storefront",
        parent_refs=[ParentRef.gateway(gateway, section_name="https")],
        hostnames=["shop.example.com"],
    )
    storefront_route.add_rule(name="cart", matches=[Match.path_prefix("/cart")], backends=[Backend.service(cart_svc, 80)])
    storefront_route.add_rule(
        name="canary-pinned",
        matches=[Match.header("x-canary", "always")],
        backends=[Backend.service(storefront_v2_svc, 80)],
    )
    storefront_route.add_rule(
        name="canary",
        matches=[Match.path_prefix("/")],
        backends=[
            Backend.service(storefront_v1_svc, 80, weight=90),
            Backend.service(storefront_v2_svc, 80, weight=10),
        ],
    )

    catalog_route = GrpcRoute(
        shop,
        "catalog-route",
        name="catalog",
        parent_refs=[ParentRef.gateway(gateway, section_name="grpc")],
        hostnames=["grpc.example.com"],
    )
    catalog_route.add_rule(matches=[GrpcMatch.all_methods("store.Catalog")], backends=[Backend.service(catalog_svc, 9090)])

    # The legacy hostname, still served by ingress-nginx (which runs outside the app).
    nginx = IngressClass(
        edge,
        "nginx",
        name="nginx",
        controller="k8s.io/ingress-nginx",
        controller_location={"namespace": "ingress-nginx", "pod_labels": {"app.kubernetes.io/name": "ingress-nginx"}},
    )
    legacy = Ingress(shop, "legacy-ingress", name="legacy", ingress_class=nginx)
    legacy.add_host_path("legacy.example.com", "/", IngressBackend.service(storefront_v1_svc, 80))
    legacy.add_tls(hosts=["legacy.example.com"], secret_name="legacy-tls")

    # Every path between the store's own pods: the client's egress and the server's ingress.
    for storefront in [storefront_v1, storefront_v2]:
        Connections.of(storefront).allow_to(cart_svc, Port.HTTP)
        Connections.of(storefront).allow_to(catalog_svc, Port.tcp(9090))
        Connections.of(storefront).allow_to(checkout_svc, Port.HTTP)
    Connections.of(checkout).allow_to(cart_svc, Port.HTTP)
    Connections.of(checkout).allow_to(postgres_svc, Port.POSTGRES)
    Connections.of(catalog).allow_to(postgres_svc, Port.POSTGRES)
    Connections.of(checkout).allow_to(payments_svc, Port.HTTPS)

    # Checked by the traffic engine inside app.synth().
    traffic = Traffic.of(app)
    for obj in CONTEXT:
        traffic.add_context_object(obj)
    traffic.expect(storefront_v1).can_reach(checkout_svc, Port.HTTP).can_reach(
        catalog_svc, Port.tcp(9090)
    ).cannot_reach(postgres)
    traffic.expect(storefront_v2).can_reach(cart_svc, Port.HTTP).cannot_reach(payments_svc)
    traffic.expect(checkout).can_reach(postgres_svc, Port.POSTGRES).can_reach(payments_svc, Port.HTTPS)
    traffic.expect(catalog).can_reach(postgres_svc, Port.POSTGRES).cannot_reach(payments_svc)
    traffic.expect(cart).cannot_reach(postgres)
    traffic.expect(postgres_svc).has_endpoints()
    traffic.expect(payments_svc).has_endpoints()
    traffic.expect(Request.http("shop.example.com/")).redirects_to("https://shop.example.com/", 301)
    traffic.expect(Request.https("shop.example.com/")).routes_to(storefront_v1_svc, 90).routes_to(
        storefront_v2_svc, 10
    )
    traffic.expect(Request.https("shop.example.com/").with_header("x-canary", "always")).routes_to(
        storefront_v2_svc, 100
    )
    traffic.expect(Request.https("shop.example.com/cart/items")).routes_to(cart_svc)
    traffic.expect(Request.grpcs("store.Catalog", "List", "grpc.example.com")).routes_to(catalog_svc)
    traffic.expect(Request.https("legacy.example.com/")).routes_to(storefront_v1_svc)
    return app


if __name__ == "__main__":
    build_store(sys.argv[1] if len(sys.argv) > 1 else "dist").synth()
