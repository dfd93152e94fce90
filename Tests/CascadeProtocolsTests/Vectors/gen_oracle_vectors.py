"""Generates oracle_vectors.json: signed oracle messages made by eth-account, for the Swift
Median and PushPriceFeed to accept.

Median (makerdao/median src/median.sol, function `recover`): a feed signs
keccak256(abi.encodePacked(uint256 val, uint256 age, bytes32 wat)) as an EIP-191 personal
message, i.e. the contract recovers from keccak256("\\x19Ethereum Signed Message:\\n32" ‖ hash).

PushPriceFeed (Cascade's own encoding, see PushPriceFeed.swift): a reporter signs the 96 bytes
feedID ‖ price ‖ timestamp (abi.encode(bytes32, uint256, uint256)) as an EIP-191 personal
message ("\\x19Ethereum Signed Message:\\n96" ‖ message).

Keys are sha256("cascade oracle key <i>"), skipping keys whose address shares a first byte
(the Median's slot) with an earlier one. Run from this directory:

    pip install eth-account && python3 gen_oracle_vectors.py
"""
import hashlib
import json

import eth_account
from eth_account import Account
from eth_account.messages import encode_defunct
from eth_utils import keccak

N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141


def word(value: int) -> bytes:
    return value.to_bytes(32, "big")


def bytes32_ascii(text: str) -> bytes:
    return text.encode("ascii").ljust(32, b"\0")


def keys(count: int):
    """`count` accounts with distinct first address bytes."""
    found, slots, i = [], set(), 0
    while len(found) < count:
        key = hashlib.sha256(f"cascade oracle key {i}".encode()).digest()
        account = Account.from_key(key)
        slot = bytes.fromhex(account.address[2:4])[0]
        if slot not in slots:
            slots.add(slot)
            found.append(account)
        i += 1
    return found


def signature(signed) -> dict:
    return {"v": signed.v, "r": word(signed.r).hex(), "s": word(signed.s).hex()}


def median_vectors(accounts):
    wat = bytes32_ascii("ethusd")
    age = 1_700_000_000
    # Prices in wad (USD with 18 decimals), one per feed; the poke sorts them.
    prices = [2_000_000000000000000000 + 7_350000000000000000 * k for k in (3, 0, 4, 1, 2)]
    messages = []
    for account, val in zip(accounts, prices):
        inner = keccak(word(val) + word(age) + wat)
        signed = Account.sign_message(encode_defunct(primitive=inner), private_key=account.key)
        digest = keccak(b"\x19Ethereum Signed Message:\n32" + inner)
        messages.append({
            "privateKey": account.key.hex().removeprefix("0x"),
            "address": account.address,
            "val": str(val),
            "age": age,
            "messageHash": inner.hex(),
            "digest": digest.hex(),
            **signature(signed),
        })
    messages.sort(key=lambda m: int(m["val"]))
    # The same first message with s replaced by n − s and the parity flipped: ecrecover accepts it.
    first = messages[0]
    high_s = {"v": 55 - first["v"], "r": first["r"], "s": word(N - int(first["s"], 16)).hex()}
    return {
        "wat": wat.hex(),
        "messages": messages,
        "median": messages[len(messages) // 2]["val"],
        "highS": high_s,
    }


def push_feed_vectors(accounts):
    feed_id = bytes32_ascii("ETH/USD")
    timestamp = 1_700_000_100
    prices = [2_015_12345678 + 250_000 * k for k in (2, 0, 1)]  # 8 decimals
    observations = []
    for account, price in zip(accounts, prices):
        message = feed_id + word(price) + word(timestamp)
        signed = Account.sign_message(encode_defunct(primitive=message), private_key=account.key)
        digest = keccak(b"\x19Ethereum Signed Message:\n96" + message)
        observations.append({
            "privateKey": account.key.hex().removeprefix("0x"),
            "address": account.address,
            "price": str(price),
            "timestamp": timestamp,
            "message": message.hex(),
            "digest": digest.hex(),
            **signature(signed),
        })
    observations.sort(key=lambda o: int(o["price"]))
    return {"feedID": feed_id.hex(), "observations": observations, "median": observations[1]["price"]}


def main() -> None:
    accounts = keys(5)
    vectors = {
        "generator": f"eth-account {eth_account.__version__}",
        "median": median_vectors(accounts),
        "pushFeed": push_feed_vectors(accounts[:3]),
    }
    with open("oracle_vectors.json", "w") as output:
        json.dump(vectors, output, indent=2)
        output.write("\n")


if __name__ == "__main__":
    main()
