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


if __name__ == "__main__":
    out = sys.argv[1]
    write(os.path.join(out, "one"), 1)
    for n in (100, 2000, 20000):
        write(os.path.join(out, f"batch{n}"), n)
    for size, name in ((1_000, "1KB"), (100_000, "100KB"), (1_000_000, "1MB"), (10_000_000, "10MB")):
        write(os.path.join(out, f"size{name}"), 1, size)
