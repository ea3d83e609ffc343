"""The synth benchmark app from Python: the same 300 objects as bench/synth-app.ts.

Usage: python bench/synth_app.py <outdir> <runs>
Prints one JSON line: {"plain": [ms...], "validated": [ms...]} (validated empty
when the package has no Traffic validator).
"""
import json
import os
import shutil
import sys
import time

import cdk8s
import cdk8s_plus_28 as kplus
import cdk8s_traffic as lib


def build(outdir: str, groups: int = 100) -> cdk8s.App:
    app = cdk8s.App(outdir=outdir)
    chart = cdk8s.Chart(app, "bench", namespace="bench", disable_resource_name_hashes=True)
    for i in range(groups):
        name = f"app-{i:03d}"
        tier = ["web", "api", "db"][i % 3]
        deployment = kplus.Deployment(
            chart,
            name,
            metadata=cdk8s.ApiObjectMetadata(name=name),
            replicas=2,
            containers=[
                kplus.ContainerProps(
                    name="main",
                    image=f"registry.example.com/{name}:1.0.0",
                    ports=[kplus.ContainerPort(number=8080, name="http")],
                    security_context=kplus.ContainerSecurityContextProps(
                        ensure_non_root=False, read_only_root_filesystem=False
                    ),
                )
            ],
        )
        deployment.pod_metadata.add_label("app", name)
        deployment.pod_metadata.add_label("tier", tier)
        lib.Service(
            chart,
            f"{name}-svc",
            name=name,
            selector=lib.ServiceSelector.from_workload(deployment),
            ports=[lib.ServicePortOptions(name="http", port=80, target_port_name="http", protocol=lib.Protocol.TCP)],
        )
        kplus.k8s.KubeNetworkPolicy(
            chart,
            f"{name}-np",
            metadata=kplus.k8s.ObjectMeta(name=f"{name}-ingress"),
            spec=kplus.k8s.NetworkPolicySpec(
                pod_selector=kplus.k8s.LabelSelector(match_labels={"app": name}),
                policy_types=["Ingress"],
                ingress=[
                    kplus.k8s.NetworkPolicyIngressRule(
                        from_=[
                            kplus.k8s.NetworkPolicyPeer(
                                pod_selector=kplus.k8s.LabelSelector(
                                    match_labels={"tier": "api" if tier == "db" else "web"}
                                )
                            )
                        ],
                        ports=[kplus.k8s.NetworkPolicyPort(port=kplus.k8s.IntOrString.from_string("http"))],
                    )
                ],
            ),
        )
    return app


def main() -> None:
    out, runs = sys.argv[1], int(sys.argv[2])
    traffic = getattr(lib, "Traffic", None)
    plain, validated = [], []
    for i in range(-1, runs):
        for with_traffic in (False, True):
            if with_traffic and traffic is None:
                continue
            d = os.path.join(out, "validated" if with_traffic else "plain")
            shutil.rmtree(d, ignore_errors=True)
            app = build(d)
            if with_traffic:
                traffic.of(app)
            t0 = time.perf_counter()
            app.synth()
            ms = (time.perf_counter() - t0) * 1000
            if i >= 0:
                (validated if with_traffic else plain).append(ms)
    print(json.dumps({"plain": plain, "validated": validated}))


if __name__ == "__main__":
    main()
