"""Generates secp_vectors.json: recoverable ECDSA signatures made by coincurve.

coincurve wraps its own build of libsecp256k1 and signs with RFC 6979 nonces, so the Swift
wrapper must reproduce every signature byte for byte. Run from this directory:

    pip install coincurve && python3 gen_secp_vectors.py
"""
import hashlib
import json

import coincurve

N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141


def sha256(text: str) -> bytes:
    return hashlib.sha256(text.encode()).digest()


def cases():
    """20 (private key, digest) pairs: edge-case keys and digests, then hash-derived ones."""
    fixed = [
        ((1).to_bytes(32, "big"), sha256("cascade digest 0")),
        ((2).to_bytes(32, "big"), sha256("cascade digest 1")),
        ((N - 1).to_bytes(32, "big"), sha256("cascade digest 2")),
        ((N // 2).to_bytes(32, "big"), bytes(32)),
        (sha256("cascade key 4"), b"\xff" * 32),
        (sha256("cascade key 5"), (1).to_bytes(32, "big")),
    ]
    derived = [(sha256(f"cascade key {i}"), sha256(f"cascade digest {i}")) for i in range(6, 20)]
    return fixed + derived


def main() -> None:
    vectors = []
    for key, digest in cases():
        assert 0 < int.from_bytes(key, "big") < N
        private = coincurve.PrivateKey(key)
        signature = private.sign_recoverable(digest, hasher=None)  # r (32) || s (32) || recid (1)
        vectors.append({
            "privateKey": key.hex(),
            "digest": digest.hex(),
            "r": signature[:32].hex(),
            "s": signature[32:64].hex(),
            "recoveryID": signature[64],
            "publicKey": private.public_key.format(compressed=False).hex(),
        })
    with open("secp_vectors.json", "w") as output:
        json.dump({"generator": f"coincurve {coincurve.__version__}", "vectors": vectors}, output, indent=2)
        output.write("\n")


if __name__ == "__main__":
    main()
