"""The three classic Ingress shapes, served by ingress-nginx, in a default-deny namespace:

  fanout         shop.example.com/        -> web,  shop.example.com/api -> api (one host, several paths)
  virtual hosts  blog.example.com         -> blog, docs.example.com     -> docs (one address, several hosts)
  TLS            shop and blog terminate TLS with their own Secrets; docs stays plain HTTP
  default        anything else            -> not-found

The IngressClass says where the controller's pods run, so each backend admits them.

Usage: python examples/python/ingress/main.py [outdir]
Synthesizes the same YAML as examples/typescript/ingress/main.ts.
"""
import sys

import cdk8s
import cdk8s_plus_28 as kplus
from cdk8s_traffic import (
    Ingress,
    IngressBackend,
    IngressClass,
    IngressPath,
    NamespaceIsolation,
    Service,
    ServiceSelector,
)


def site(scope, name: str, image: str) -> Service:
    """A Deployment and a Service named `name`, serving HTTP on container port 8080 behind Service port 80."""
    deployment = kplus.Deployment(
        scope,
        name,
        metadata=cdk8s.ApiObjectMetadata(name=name),
        containers=[
            kplus.ContainerProps(
                name=name,
                image=image,
                ports=[kplus.ContainerPort(number=8080, name="http")],
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
    svc.add_port(port=80, name="http", target_port_name="http")
    return svc


def build_ingress(outdir: str) -> cdk8s.App:
    app = cdk8s.App(outdir=outdir)
    platform = cdk8s.Chart(app, "platform", disable_resource_name_hashes=True)
    chart = cdk8s.Chart(app, "web", namespace="web", disable_resource_name_hashes=True)
    # Declared first, so the Ingress below can admit the controller's pods to its backends.
    NamespaceIsolation(chart, "isolation")

    nginx = IngressClass(
        platform,
        "nginx",
        name="nginx",
        controller="k8s.io/ingress-nginx",
        is_default=True,
        controller_location={"namespace": "ingress-nginx", "pod_labels": {"app.kubernetes.io/name": "ingress-nginx"}},
    )

    web = site(chart, "web", "ghcr.io/example/shop-web:1.0.0")
    api = site(chart, "api", "ghcr.io/example/shop-api:1.4.2")
    blog = site(chart, "blog", "ghost:5")
    docs = site(chart, "docs", "ghcr.io/example/docs:2024.10")
    not_found = site(chart, "not-found", "ghcr.io/example/not-found:1.0.0")

    ingress = Ingress(chart, "ingress", name="web", ingress_class=nginx, default_backend=IngressBackend.service(not_found, 80))
    ingress.add_rule(
        host="shop.example.com",
        paths=[
            IngressPath.prefix("/api", IngressBackend.service_named_port(api, "http")),
            IngressPath.prefix("/", IngressBackend.service(web, 80)),
        ],
    )
    ingress.add_host_path("blog.example.com", "/", IngressBackend.service(blog, 80))
    ingress.add_host_path("docs.example.com", "/", IngressBackend.service(docs, 80))
    ingress.add_tls(hosts=["shop.example.com"], secret_name="shop-tls")
    ingress.add_tls(hosts=["blog.example.com"], secret_name="blog-tls")
    return app


if __name__ == "__main__":
    build_ingress(sys.argv[1] if len(sys.argv) > 1 else "dist").synth()
