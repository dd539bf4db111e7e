#!/usr/bin/env python3
"""Writes the benchmark's site configs: plain JSON (ajv-cli cannot read JSONC), realistic keys."""
import json
import os
import random
import sys


def config(i, padding=0):
    rnd = random.Random(i)
    d = {
        "externalURL": f"https://sourcegraph{i}.acme.io",
        "auth.providers": [{"type": "builtin", "allowSignup": False}],
        "search.index.symbols.enabled": True,
        "search.largeFiles": ["go.sum", "package-lock.json"],
        "email.address": f"sourcegraph{i}@acme.io",
        "email.senderName": "Acme Sourcegraph",
        "email.smtp": {
            "host": rnd.choice(["smtp.sendgrid.net", "email-smtp.us-east-1.amazonaws.com", "mail.acme.io"]),
            "port": rnd.choice([587, 465, 25, 2525]),
            "authentication": rnd.choice(["PLAIN", "plain", "none", "CRAM-MD5"]),
            "username": "apikey",
            "password": f"SG.benchmark-{i}",
        },
    }
    if padding:
        # bulk outside email.*: what a large real site config carries (code host lists and the like)
        d["notifications"] = [{"key": f"2026-01-01-{n}", "message": "x" * 80} for n in range(padding // 120)]
    return d


def write(directory, count, padding=0):
    os.makedirs(directory, exist_ok=True)
    for i in range(count):
        with open(os.path.join(directory, f"site{i:05d}.json"), "w") as f:
            json.dump(config(i, padding), f, indent=2)


def manifest(path, objects):
    """A rendered deployment of `objects` Kubernetes objects: per frontend, a ConfigMap with site.json
    (a literal block), a Secret with the SMTP settings (base64) and a Deployment naming both."""
    import base64
    docs = []
    for i in range(objects // 3):
        site = json.dumps({"externalURL": f"https://sg{i}.acme.io", "email.address": f"sg{i}@acme.io"}, indent=2)
        smtp = json.dumps({"email.smtp": config(i)["email.smtp"]}, indent=2)
        block = "\n".join("    " + line for line in site.splitlines())
        docs.append(f"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: site-{i}\ndata:\n  site.json: |\n{block}\n")
        docs.append(f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: smtp-{i}\ndata:\n  smtp.json: "
                    + base64.b64encode(smtp.encode()).decode() + "\n")
        docs.append(
            f"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: frontend-{i}\nspec:\n  template:\n    spec:\n"
            f"      containers:\n      - name: frontend\n        image: sourcegraph/frontend:5.11.4\n        env:\n"
            f"        - name: SITE_CONFIG_FILE\n          value: /etc/sg/site.json:/etc/sg/smtp/smtp.json\n"
            f"        volumeMounts:\n        - {{name: site, mountPath: /etc/sg}}\n        - {{name: smtp, mountPath: /etc/sg/smtp}}\n"
            f"      volumes:\n      - {{name: site, configMap: {{name: site-{i}}}}}\n      - {{name: smtp, secret: {{secretName: smtp-{i}}}}}\n")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("---\n".join(docs))


if __name__ == "__main__":
    out = sys.argv[1]
    write(os.path.join(out, "one"), 1)
    for n in (100, 2000, 20000):
        write(os.path.join(out, f"batch{n}"), n)
    for size, name in ((1_000, "1KB"), (100_000, "100KB"), (1_000_000, "1MB"), (10_000_000, "10MB")):
        write(os.path.join(out, f"size{name}"), 1, size)
    for n in (200, 2000):
        manifest(os.path.join(out, f"manifest{n}", "deploy.yaml"), n)
