#!/usr/bin/env python3
"""Writes N byte-level mutations of the testdata/ site configs into DIR (seeded): the corpus for the
text-versus-JSON comparison (a stranger's fuzzing run found text output 4x slower on such files)."""
import os, random, sys

def main(out, n=1500, seed=22):
    root = os.path.join(os.path.dirname(__file__), '..', 'testdata')
    seeds = []
    for d, _, files in os.walk(root):
        for f in sorted(files):
            if f.endswith('.json') or f.endswith('.jsonc'):
                seeds.append(open(os.path.join(d, f), 'rb').read())
    r = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        b = bytearray(r.choice(seeds))
        for _ in range(1 + r.randrange(4)):
            at = r.randrange(len(b) + 1)
            op = r.randrange(7)
            if op == 0 and b:
                j = min(at, len(b) - 1); b[j] ^= 1 << r.randrange(8)
            elif op == 1:
                b[at:at] = bytes([r.randrange(256)])
            elif op == 2:
                b[at:at] = r.choice([b'\xff', b'\xc3', b'\xe2\x82'])
            elif op == 3:
                del b[at:at + 1 + r.randrange(16)]
            elif op == 4:
                other = r.choice(seeds); k = r.randrange(len(other)); b[at:at] = other[k:k + 1 + r.randrange(80)]
            elif op == 5:
                b[at:at] = bytes([r.choice(b'0a"\\ {[:,')]) * (1 + r.randrange(3000))
            else:
                del b[at:]
        open(os.path.join(out, 'm%05d.json' % i), 'wb').write(bytes(b))

if __name__ == '__main__':
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1500)
