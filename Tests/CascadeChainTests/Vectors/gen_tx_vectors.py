#!/usr/bin/env python3
"""Generates tx_vectors.json: transactions signed by an independent implementation (eth-account),
which the Swift tests decode and re-create byte for byte.

    pip install eth-account==0.14.0
    python3 gen_tx_vectors.py > tx_vectors.json

Deterministic: a fixed seed drives every field; eth-account signs with RFC 6979, as libsecp256k1
does, so the Swift side must reproduce each raw transaction exactly.
"""
import json
import random

from eth_account import Account
from eth_utils import to_checksum_address

rng = random.Random(20200312)
MAX256 = 2**256 - 1


def pick_uint(bits):
    """Edge values and random values of up to `bits` bits."""
    choice = rng.random()
    if choice < 0.15:
        return 0
    if choice < 0.25:
        return 2**bits - 1
    if choice < 0.35:
        return rng.choice([1, 127, 128, 255, 256, 2**55, 2**56 - 1])
    return rng.getrandbits(rng.randint(1, bits))


def address():
    return to_checksum_address("0x" + bytes(rng.getrandbits(8) for _ in range(20)).hex())


cases = []
for i in range(60):
    key = rng.getrandbits(256) % (0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141 - 1) + 1
    data = bytes(rng.getrandbits(8) for _ in range(rng.choice([0, 0, 4, 36, 68, 164, 300])))
    common = {
        "nonce": pick_uint(63),
        "gas": pick_uint(63),
        "to": address() if rng.random() > 0.1 else "",
        "value": pick_uint(256),
        "data": "0x" + data.hex(),
    }
    chain_id = rng.choice([1, 1, 5, 1337, 11155111, 2**31 - 1])
    if i % 2 == 0:
        tx = dict(common, gasPrice=pick_uint(256), chainId=chain_id)
    else:
        max_fee = pick_uint(256)
        tx = dict(common, type=2, chainId=chain_id, maxFeePerGas=max_fee,
                  maxPriorityFeePerGas=rng.randint(0, max_fee) if max_fee else 0)
        if rng.random() < 0.3:
            tx["accessList"] = [
                {"address": address(),
                 "storageKeys": ["0x" + bytes(rng.getrandbits(8) for _ in range(32)).hex()
                                 for _ in range(rng.randint(0, 3))]}
                for _ in range(rng.randint(1, 2))
            ]
    if tx["to"] == "":
        del tx["to"]
    signed = Account.sign_transaction(tx, key)
    sender = Account.from_key(key).address
    case = {
        "privateKey": "0x%064x" % key,
        "sender": sender,
        "raw": "0x" + signed.raw_transaction.hex(),
        "hash": "0x" + signed.hash.hex(),
        "chainId": chain_id,
        "nonce": str(tx["nonce"]),
        "gas": str(tx["gas"]),
        "to": tx.get("to"),
        "value": str(tx["value"]),
        "data": tx["data"],
        "v": signed.v, "r": "0x%064x" % signed.r, "s": "0x%064x" % signed.s,
    }
    if i % 2 == 0:
        case.update(type=0, gasPrice=str(tx["gasPrice"]))
    else:
        case.update(type=2, maxFeePerGas=str(tx["maxFeePerGas"]),
                    maxPriorityFeePerGas=str(tx["maxPriorityFeePerGas"]),
                    accessList=tx.get("accessList", []))
    cases.append(case)

print(json.dumps(cases, indent=1))
