#!/usr/bin/env python3
"""Interleaved A/B timing: each round runs every command once, in turn, and the medians are compared.

On a noisy machine (this VM's speed drifts by 30% over minutes) hyperfine's one-command-then-the-next
measures the drift as much as the change; interleaving spreads it over all commands alike.

    bench/ab.py 15 "bin/smtplint lint /tmp/in/batch2000" "/tmp/old/bin/smtplint lint /tmp/in/batch2000"

Each command runs once untimed first (builds, start-up archives), then ROUNDS times; output is the
median and minimum wall time per command, in milliseconds, and the median CPU time (user + system, the
command and its children): steadier than wall time when the machine's other tenants come and go.
"""
import os
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    commands = sys.argv[2:]
    times = [[] for _ in commands]
    cpu = [[] for _ in commands]
    for c in commands:
        subprocess.run(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(rounds):
        for i, c in enumerate(commands):
            start = time.perf_counter()
            p = subprocess.Popen(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, _, usage = os.wait4(p.pid, 0)
            times[i].append((time.perf_counter() - start) * 1000)
            cpu[i].append((usage.ru_utime + usage.ru_stime) * 1000)
    for i, c in enumerate(commands):
        print(f"{statistics.median(times[i]):8.1f} ms median {min(times[i]):8.1f} min {statistics.median(cpu[i]):8.1f} ms CPU  {c}")


if __name__ == "__main__":
    main()
