#!/usr/bin/env python3
"""Generate ABI cross-check vectors with the reference `eth-abi` and `eth-utils` packages
(pip install eth-abi eth-utils).

Writes abi_vectors.json beside this script, an object with three lists:

- "selectors": {"signature", "selector"} for every function the simulator calls, the selector
  computed by eth_utils.function_signature_to_4byte_selector;
- "calls": {"name", "signature", "args", "calldata"}: calls of those functions with edge and
  seeded-random arguments, and the calldata (selector + eth_abi.encode of the arguments);
- "codec": {"name", "types", "values", "encoded"}: seeded-random type trees (nested arrays,
  fixed arrays, tuples, strings, narrow signed integers) and their eth_abi.encode.

Values are JSON: integers as decimal strings, addresses as lowercase "0x" hex, bytes and
bytes<n> as "0x" hex, booleans and strings as themselves, arrays and tuples as arrays. Hex
strings carry no prefix in "selector", "calldata" and "encoded". Run from any directory; the
output is deterministic.
"""

import json
import random
from pathlib import Path

import eth_abi
from eth_utils import function_signature_to_4byte_selector, to_checksum_address

SEED = 20240615
RANDOM_CALLS_PER_FUNCTION = 2
RANDOM_CODEC_CASES = 40

# (signature, parameter types) of every ContractCall case, in ContractFunction order.
FUNCTIONS = [
    ("liquidationCall", ["address", "address", "address", "uint256", "bool"]),
    ("supply", ["address", "uint256", "address", "uint16"]),
    ("borrow", ["address", "uint256", "uint256", "uint16", "address"]),
    ("repay", ["address", "uint256", "uint256", "address"]),
    ("withdraw", ["address", "uint256", "address"]),
    ("liquidateBorrow", ["address", "uint256", "address"]),
    ("mint", ["uint256"]),
    ("borrow", ["uint256"]),
    ("repayBorrow", ["uint256"]),
    ("swap", ["uint256", "uint256", "address", "bytes"]),
    ("bite", ["bytes32", "address"]),
    ("tend", ["uint256", "uint256", "uint256"]),
    ("dent", ["uint256", "uint256", "uint256"]),
    ("deal", ["uint256"]),
    ("bark", ["bytes32", "address", "address"]),
    ("take", ["uint256", "uint256", "uint256", "address", "bytes"]),
    ("redo", ["uint256", "address"]),
    ("frob", ["bytes32", "address", "address", "address", "int256", "int256"]),
    ("poke", ["uint256[]", "uint256[]", "uint8[]", "bytes32[]", "bytes32[]"]),
    ("poke", []),
    ("poke", ["bytes32"]),
    ("drip", ["bytes32"]),
    ("transfer", ["address", "uint256"]),
    ("approve", ["address", "uint256"]),
    ("swapExactTokensForTokens", ["uint256", "uint256", "address[]", "address", "uint256"]),
]

ILKS = [b"ETH-A", b"WBTC-A", b"USDC-A", b"ETH-B", b"LINK-A"]


def signature(name, types):
    return f"{name}({','.join(types)})"


# MARK: - Values


def random_uint(rng, bits):
    kind = rng.randrange(6)
    if kind == 0:
        return 0
    if kind == 1:
        return 2**bits - 1
    if kind == 2:
        return rng.randrange(2**min(bits, 64))  # amounts of realistic size
    return rng.randrange(2**bits)


def random_int(rng, bits):
    low, high = -(2 ** (bits - 1)), 2 ** (bits - 1) - 1
    return rng.choice([0, -1, 1, low, high, rng.randint(low, high), rng.randint(low, high)])


def random_bytes(rng, lengths=(0, 1, 31, 32, 33, 64, 65, 300)):
    return bytes(rng.randrange(256) for _ in range(rng.choice(lengths)))


def random_address(rng):
    return rng.choice([b"\x00" * 20, b"\xff" * 20, bytes(rng.randrange(256) for _ in range(20))])


def random_value(rng, abi_type):
    """A random value of a canonical type name, as eth_abi takes it."""
    if abi_type.endswith("]"):
        element, _, size = abi_type[:-1].rpartition("[")
        count = int(size) if size else rng.choice([0, 1, 2, 3, 5])
        return [random_value(rng, element) for _ in range(count)]
    if abi_type.startswith("("):
        return tuple(random_value(rng, member) for member in split_tuple(abi_type))
    if abi_type == "address":
        return random_address(rng)
    if abi_type == "bool":
        return rng.random() < 0.5
    if abi_type == "bytes":
        return random_bytes(rng)
    if abi_type == "string":
        alphabet = "abcXYZ09 -_é€𝄞"
        return "".join(rng.choice(alphabet) for _ in range(rng.choice([0, 1, 5, 31, 40])))
    if abi_type == "bytes32" and rng.random() < 0.3:
        return rng.choice(ILKS).ljust(32, b"\x00")
    if abi_type.startswith("bytes"):
        return bytes(rng.randrange(256) for _ in range(int(abi_type[5:])))
    if abi_type.startswith("uint"):
        return random_uint(rng, int(abi_type[4:]))
    if abi_type.startswith("int"):
        return random_int(rng, int(abi_type[3:]))
    raise ValueError(abi_type)


def split_tuple(abi_type):
    """The member type names of "(T1,T2,…)", splitting at top-level commas only."""
    members, depth, start = [], 0, 1
    for index, char in enumerate(abi_type):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        if (char == "," and depth == 1) or (char == ")" and depth == 0):
            members.append(abi_type[start:index])
            start = index + 1
    return members


def for_eth_abi(abi_type, value):
    """eth_abi takes addresses as checksummed strings."""
    if abi_type.endswith("]"):
        element = abi_type[: abi_type.rindex("[")]
        return [for_eth_abi(element, item) for item in value]
    if abi_type.startswith("("):
        return tuple(for_eth_abi(t, v) for t, v in zip(split_tuple(abi_type), value))
    if abi_type == "address":
        return to_checksum_address(value)
    return value


def to_json(abi_type, value):
    if abi_type.endswith("]"):
        element = abi_type[: abi_type.rindex("[")]
        return [to_json(element, item) for item in value]
    if abi_type.startswith("("):
        return [to_json(t, v) for t, v in zip(split_tuple(abi_type), value)]
    if isinstance(value, bool) or isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    return "0x" + value.hex()


# MARK: - Calls


def edge_calls(rng):
    """Hand-picked edge arguments: all zero, all maximal, and shape edges of dynamic arguments."""
    max_uint = 2**256 - 1
    ones = b"\xff" * 20
    zero = b"\x00" * 20
    eth_a = b"ETH-A".ljust(32, b"\x00")
    yield "liquidationCall zero", 0, [zero, zero, zero, 0, False]
    yield "liquidationCall max", 0, [ones, ones, ones, max_uint, True]
    yield "supply max referral", 1, [ones, max_uint, ones, 2**16 - 1]
    yield "borrow variable rate", 2, [random_address(rng), 10**24, 2, 0, random_address(rng)]
    yield "repay all (max uint)", 3, [random_address(rng), max_uint, 2, random_address(rng)]
    yield "withdraw all (max uint)", 4, [random_address(rng), max_uint, random_address(rng)]
    yield "liquidateBorrow zero", 5, [zero, 0, zero]
    yield "mint max", 6, [max_uint]
    yield "cToken borrow zero", 7, [0]
    yield "repayBorrow max", 8, [max_uint]
    yield "swap empty data", 9, [0, 10**18, random_address(rng), b""]
    yield "swap 1-byte data", 9, [10**18, 0, random_address(rng), b"\x01"]
    yield "swap 32-byte data", 9, [1, 2, random_address(rng), bytes(range(32))]
    yield "swap 33-byte data", 9, [1, 2, random_address(rng), bytes(range(33))]
    yield "swap long data", 9, [max_uint, max_uint, ones, bytes(i % 251 for i in range(1000))]
    yield "bite ETH-A", 10, [eth_a, random_address(rng)]
    yield "bite all-ones ilk", 10, [b"\xff" * 32, ones]
    yield "tend max", 11, [max_uint, max_uint, max_uint]
    yield "dent zero", 12, [0, 0, 0]
    yield "deal first auction", 13, [1]
    yield "bark ETH-A", 14, [eth_a, random_address(rng), random_address(rng)]
    yield "take empty data", 15, [7, 10**18, 2 * 10**27, random_address(rng), b""]
    yield "take flash-loan data", 15, [max_uint, max_uint, max_uint, ones, bytes(range(100))]
    yield "redo zero", 16, [0, zero]
    yield "frob lock and draw", 17, [eth_a, ones, ones, ones, 10**18, 500 * 10**18]
    yield "frob wipe and free", 17, [eth_a, zero, zero, zero, -(10**18), -(500 * 10**18)]
    yield "frob int256 extremes", 17, [b"\x00" * 32, zero, ones, zero, -(2**255), 2**255 - 1]
    yield "frob minus one", 17, [eth_a, zero, zero, zero, -1, 0]
    yield "median poke empty arrays", 18, [[], [], [], [], []]
    yield "median poke one report", 18, [[2000 * 10**18], [1700000000], [27], [b"\x11" * 32], [b"\x22" * 32]]
    yield "median poke several reports", 18, [
        [1999 * 10**18, 2000 * 10**18, 2001 * 10**18, max_uint],
        [1700000000, 1700000001, 1700000002, 0],
        [27, 28, 0, 255],
        [bytes([i]) * 32 for i in range(4)],
        [bytes([0xf0 + i]) * 32 for i in range(4)],
    ]
    yield "osm poke", 19, []
    yield "spotter poke ETH-A", 20, [eth_a]
    yield "jug drip zero ilk", 21, [b"\x00" * 32]
    yield "transfer zero to zero", 22, [zero, 0]
    yield "approve infinite", 23, [random_address(rng), max_uint]
    yield "swapExactTokensForTokens one hop", 24, [10**18, 0, [b"\x11" * 20, b"\x22" * 20], ones, 1700000000]


def random_calls(rng):
    for index, (name, types) in enumerate(FUNCTIONS):
        for round in range(RANDOM_CALLS_PER_FUNCTION if types else 0):
            yield f"{name} random {round}", index, [random_value(rng, t) for t in types]


def call_vector(name, function, args):
    fname, types = FUNCTIONS[function]
    sig = signature(fname, types)
    calldata = function_signature_to_4byte_selector(sig) + eth_abi.encode(
        types, [for_eth_abi(t, v) for t, v in zip(types, args)]
    )
    eth_abi.decode(types, calldata[4:])
    return {
        "name": name,
        "signature": sig,
        "args": [to_json(t, v) for t, v in zip(types, args)],
        "calldata": calldata.hex(),
    }


# MARK: - Generic codec cases


def random_type(rng, depth):
    if depth == 0 or rng.random() < 0.45:
        kind = rng.randrange(7)
        if kind == 0:
            return f"uint{8 * rng.randint(1, 32)}"
        if kind == 1:
            return f"int{8 * rng.randint(1, 32)}"
        if kind == 2:
            return f"bytes{rng.randint(1, 32)}"
        return rng.choice(["address", "bool", "bytes", "string"])
    kind = rng.randrange(3)
    if kind == 0:
        return random_type(rng, depth - 1) + "[]"
    if kind == 1:
        return random_type(rng, depth - 1) + f"[{rng.randint(1, 3)}]"
    return "(" + ",".join(random_type(rng, depth - 1) for _ in range(rng.randint(1, 3))) + ")"


def fixed_codec_cases():
    yield "no values", [], []
    yield "int8 -1 and int24 min", ["int8", "int24"], [-1, -(2**23)]
    yield "uint8 max, bytes1, bool", ["uint8", "bytes1", "bool"], [255, b"\x80", True]
    yield "unicode string", ["string"], ["Grüße, €, 𝄞"]
    yield "empty string and bytes", ["string", "bytes"], ["", b""]
    yield "nested dynamic arrays", ["uint256[][]"], [[[1, 2], [], [3]]]
    yield "fixed array of strings", ["string[2]"], [["a", "bc"]]
    yield "tuple with dynamic member", ["(uint256,bytes)", "bool"], [(5, b"\x01\x02"), False]
    yield "static tuple array", ["(address,uint16)[]"], [[(b"\x01" * 20, 7), (b"\x02" * 20, 65535)]]
    yield "static fixed array", ["uint256[3]", "int256"], [[1, 2, 3], -5]


def codec_vector(name, types, values):
    encoded = eth_abi.encode(types, [for_eth_abi(t, v) for t, v in zip(types, values)])
    eth_abi.decode(types, encoded)
    return {
        "name": name,
        "types": types,
        "values": [to_json(t, v) for t, v in zip(types, values)],
        "encoded": encoded.hex(),
    }


def main():
    rng = random.Random(SEED)
    selectors = []
    for name, types in FUNCTIONS:
        sig = signature(name, types)
        selectors.append({"signature": sig, "selector": function_signature_to_4byte_selector(sig).hex()})
    calls = [call_vector(*case) for case in edge_calls(rng)]
    calls += [call_vector(*case) for case in random_calls(rng)]
    codec = [codec_vector(*case) for case in fixed_codec_cases()]
    for index in range(RANDOM_CODEC_CASES):
        types = [random_type(rng, 3) for _ in range(rng.randint(1, 4))]
        codec.append(codec_vector(f"random {index}", types, [random_value(rng, t) for t in types]))
    out = Path(__file__).with_name("abi_vectors.json")
    document = {"selectors": selectors, "calls": calls, "codec": codec}
    out.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {len(selectors)} selectors, {len(calls)} calls, {len(codec)} codec cases to {out}")


if __name__ == "__main__":
    main()
