import Benchmark
import CSecp256k1Raw
import CascadeChain
import CascadeMath
import Dispatch

/// Keccak-256, secp256k1 signing and recovery (Cascade's wrapper and the raw C library in the
/// same run), RLP, and batch signing on one and two threads.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        maxDuration: .seconds(2)
    )
    var random = SplitMix64(seed: 0x5EC9_BE7C)
    func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) } }

    for size in [32, 64, 136, 1_000] {
        let input = bytes(size)
        Benchmark("Keccak-256 \(size) bytes", configuration: .init(scalingFactor: .kilo)) { benchmark in
            input.withUnsafeBytes { buffer in
                for _ in benchmark.scaledIterations { blackHole(Keccak256.hash(buffer)) }
            }
        }
    }

    let count = 256
    let keys = (0..<count).map { PrivateKey.derive(seed: 1, label: "bench", index: UInt64($0)) }
    let digests = (0..<count).map { _ in Keccak256.hash(bytes(64)) }
    let signatures = (0..<count).map { i in try! digests[i].withUnsafeBytes { try keys[i].sign(digest: $0) } }

    Benchmark("secp256k1 sign (Cascade)") { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(try digests[i % count].withUnsafeBytes { try keys[i % count].sign(digest: $0) })
        }
    }
    Benchmark("secp256k1 recover (Cascade)") { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(try digests[i % count].withUnsafeBytes { try PublicKey.recover(digest: $0, signature: signatures[i % count]) })
        }
    }

    // The same operations straight through the C API, on a context made as Cascade makes its own.
    nonisolated(unsafe) let context = secp256k1_context_create(UInt32(SECP256K1_CONTEXT_NONE))!
    var seed = bytes(32)
    precondition(secp256k1_context_randomize(context, &seed) == 1)
    let rawKeys = keys.map(\.bytes)
    let rawDigests = digests.map(\.bytes)
    let rawSignatures = signatures.map { signature -> secp256k1_ecdsa_recoverable_signature in
        var parsed = secp256k1_ecdsa_recoverable_signature()
        precondition(secp256k1_ecdsa_recoverable_signature_parse_compact(context, &parsed, signature.compact, Int32(signature.recoveryID)) == 1)
        return parsed
    }
    Benchmark("secp256k1 sign (raw libsecp256k1)") { benchmark in
        var signature = secp256k1_ecdsa_recoverable_signature()
        for i in benchmark.scaledIterations {
            blackHole(secp256k1_ecdsa_sign_recoverable(context, &signature, rawDigests[i % count], rawKeys[i % count], nil, nil))
        }
    }
    Benchmark("secp256k1 recover (raw libsecp256k1)") { benchmark in
        var publicKey = secp256k1_pubkey()
        for i in benchmark.scaledIterations {
            var signature = rawSignatures[i % count]
            blackHole(secp256k1_ecdsa_recover(context, &publicKey, &signature, rawDigests[i % count]))
        }
    }

    // Batch signing: 2,000 digests on one thread, then split over two threads sharing the context.
    let batch = 2_000
    for threads in [1, 2] {
        Benchmark("secp256k1 sign batch of \(batch), \(threads) thread(s)", configuration: .init(timeUnits: .milliseconds)) { benchmark in
            for _ in benchmark.scaledIterations {
                DispatchQueue.concurrentPerform(iterations: threads) { part in
                    for i in stride(from: part, to: batch, by: threads) {
                        blackHole(try? digests[i % count].withUnsafeBytes { try keys[i % count].sign(digest: $0) })
                    }
                }
            }
        }
    }

    // What a liquidator does per attempt: ABI-encode the call, build the type-2 transaction,
    // sign it, RLP-encode it and hash it.
    let liquidator = Signer(key: keys[0])
    let weth = Address(truncating: 0xC02A_AA39)
    let usdc = Address(truncating: 0xA0B8_6991)
    Benchmark("build + sign + encode an Aave liquidationCall transaction") { benchmark in
        for i in benchmark.scaledIterations {
            let call = ContractCall.aaveLiquidationCall(collateralAsset: weth, debtAsset: usdc, user: Address(truncating: UInt256(UInt64(i))),
                                                        debtToCover: 1_500_000_000, receiveAToken: false)
            let tx = Transaction(chainID: 1, nonce: UInt64(i), fee: .dynamic(maxPriorityFeePerGas: 2_000_000_000, maxFeePerGas: 90_000_000_000),
                                 gasLimit: 400_000, to: Address(truncating: 0x8787_0BCA), data: call.encode())
            blackHole(try tx.signed(by: liquidator))
        }
    }
    let signedLiquidation = try! Transaction(
        chainID: 1, nonce: 1, fee: .dynamic(maxPriorityFeePerGas: 2_000_000_000, maxFeePerGas: 90_000_000_000), gasLimit: 400_000,
        to: Address(truncating: 0x8787_0BCA),
        data: ContractCall.aaveLiquidationCall(collateralAsset: weth, debtAsset: usdc, user: liquidator.address,
                                               debtToCover: 1_500_000_000, receiveAToken: false).encode()
    ).signed(by: liquidator)
    Benchmark("decode + recover a signed liquidationCall transaction") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try SignedTransaction.decode(signedLiquidation.raw)) }
    }

    let nested = RLP.Item.list([.integer(9), .bytes(bytes(20)), .bytes(bytes(164)), .list([.bytes(bytes(32)), .bytes(bytes(32))])])
    let encoded = RLP.encode(nested)
    Benchmark("RLP encode (transaction-shaped)", configuration: .init(scalingFactor: .kilo)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(RLP.encode(nested)) }
    }
    Benchmark("RLP decode (transaction-shaped)", configuration: .init(scalingFactor: .kilo)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try RLP.decode(encoded)) }
    }
}
