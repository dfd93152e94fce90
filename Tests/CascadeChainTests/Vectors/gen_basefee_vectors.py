#!/usr/bin/env python3
"""Generate EIP-1559 base-fee vectors with Python's arbitrary-precision integers.

An implementation of the EIP-1559 update rule written independently of the Swift code, straight
from the specification (https://eips.ethereum.org/EIPS/eip-1559, "Specification":
ELASTICITY_MULTIPLIER = 2, BASE_FEE_MAX_CHANGE_DENOMINATOR = 8, integer division `//` applied
left to right). Writes basefee_vectors.json beside this script: a list of
{"parent_base_fee": "<decimal wei>", "gas_used": <gas>, "gas_limit": <gas>, "next_base_fee": "<decimal wei>"}.

The first 500 entries are one seeded random walk: each block's base fee is the previous entry's
next_base_fee, with the gas used drawn to hit the interesting cases (empty, full, exactly at the
target, one gas either side of it, uniform). Fixed edge cases follow: tiny base fees (the 1-wei
minimum increase and the 7-wei floor), odd gas limits (target rounded down) and base fees near
2^200. Run from any directory; the output is deterministic.
"""

import json
import random
from pathlib import Path

ELASTICITY_MULTIPLIER = 2
BASE_FEE_MAX_CHANGE_DENOMINATOR = 8
SEED = 1559
WALK_LENGTH = 500


def next_base_fee(parent_base_fee: int, gas_used: int, gas_limit: int) -> int:
    parent_gas_target = gas_limit // ELASTICITY_MULTIPLIER
    if gas_used == parent_gas_target:
        return parent_base_fee
    if gas_used > parent_gas_target:
        gas_used_delta = gas_used - parent_gas_target
        delta = max(parent_base_fee * gas_used_delta // parent_gas_target // BASE_FEE_MAX_CHANGE_DENOMINATOR, 1)
        return parent_base_fee + delta
    gas_used_delta = parent_gas_target - gas_used
    delta = parent_base_fee * gas_used_delta // parent_gas_target // BASE_FEE_MAX_CHANGE_DENOMINATOR
    return parent_base_fee - delta


def random_gas_used(rng: random.Random, gas_limit: int) -> int:
    target = gas_limit // ELASTICITY_MULTIPLIER
    kind = rng.randrange(8)
    if kind == 0:
        return 0
    if kind == 1:
        return gas_limit
    if kind == 2:
        return target
    if kind == 3:
        return target + 1
    if kind == 4:
        return target - 1
    return rng.randrange(gas_limit + 1)


def vector(parent: int, used: int, limit: int) -> dict:
    assert 0 <= used <= limit and limit // ELASTICITY_MULTIPLIER > 0
    return {"parent_base_fee": str(parent), "gas_used": used, "gas_limit": limit,
            "next_base_fee": str(next_base_fee(parent, used, limit))}


def main():
    rng = random.Random(SEED)
    vectors = []
    base_fee = 1_000_000_000  # EIP-1559's INITIAL_BASE_FEE
    for _ in range(WALK_LENGTH):
        limit = rng.choice([10_000_000, 15_000_000, 30_000_000, 30_000_001, 36_000_000, 45_000_000, 60_000_000])
        used = random_gas_used(rng, limit)
        entry = vector(base_fee, used, limit)
        vectors.append(entry)
        base_fee = int(entry["next_base_fee"])
    for parent in range(0, 17):
        for used in (0, 7_500_000, 14_999_999, 15_000_000, 15_000_001, 22_500_000, 30_000_000):
            vectors.append(vector(parent, used, 30_000_000))
    for limit in (2, 3, 21_001, 29_999_999):
        for used in (0, limit // 2, limit):
            vectors.append(vector(123_456_789_012, used, limit))
    for parent in (2**200 + 12345, 2**240 - 1):
        for used in (0, 15_000_000, 30_000_000):
            vectors.append(vector(parent, used, 30_000_000))
    out = Path(__file__).with_name("basefee_vectors.json")
    out.write_text(json.dumps(vectors, indent=1) + "\n")
    print(f"wrote {len(vectors)} vectors to {out}")


if __name__ == "__main__":
    main()
