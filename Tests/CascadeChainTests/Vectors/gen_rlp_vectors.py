#!/usr/bin/env python3
"""Generate RLP cross-check vectors with the reference `rlp` package (pip install rlp).

Writes rlp_vectors.json beside this script: a list of
{"name": ..., "item": <nested JSON>, "encoded": "<hex>"}, where a byte string
is a "0x"-prefixed hex string and a list is a JSON array. The structures are
seeded-random, plus fixed cases around the 55/56-byte short/long boundary for
strings and lists. Run from any directory; the output is deterministic.
"""

import json
import random
from pathlib import Path

import rlp

SEED = 20240601
RANDOM_COUNT = 22


def random_bytes(rng: random.Random) -> bytes:
    """A byte string whose length often lands near the RLP form boundaries."""
    length = rng.choice([0, 1, 1, 2, 3, 20, 55, 56, 57, 300])
    return bytes(rng.randrange(256) for _ in range(length))


def random_item(rng: random.Random, depth: int):
    if depth == 0 or rng.random() < 0.35:
        return random_bytes(rng)
    return [random_item(rng, depth - 1) for _ in range(rng.randrange(0, 6))]


def to_json(item):
    if isinstance(item, bytes):
        return "0x" + item.hex()
    return [to_json(child) for child in item]


def fixed_cases():
    yield "single byte 0x00", b"\x00"
    yield "single byte 0x7f", b"\x7f"
    yield "single byte 0x80", b"\x80"
    yield "string of 55 bytes", bytes(range(55))
    yield "string of 56 bytes", bytes(range(56))
    yield "string of 1024 bytes", bytes(i % 256 for i in range(1024))
    yield "list with 55-byte payload", [b"\x01" * 54]
    yield "list with 56-byte payload", [b"\x02" * 55]
    yield "long list of short items", [bytes([i]) for i in range(100)]


def main():
    rng = random.Random(SEED)
    cases = list(fixed_cases())
    cases += [(f"random {i}", random_item(rng, 4)) for i in range(RANDOM_COUNT)]
    vectors = []
    for name, item in cases:
        encoded = rlp.encode(item)
        assert rlp.decode(encoded) == item, name
        vectors.append({"name": name, "item": to_json(item), "encoded": encoded.hex()})
    out = Path(__file__).with_name("rlp_vectors.json")
    out.write_text(json.dumps(vectors, indent=1) + "\n")
    print(f"wrote {len(vectors)} vectors to {out}")


if __name__ == "__main__":
    main()
