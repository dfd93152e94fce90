import CascadeChain
import CascadeMath
import XCTest

/// Shared fixtures for the block-space tests (mempool, builder, background demand).
enum BlockSpace {
    static let gwei: UInt256 = 1_000_000_000

    /// The address whose last four bytes are `n`.
    static func address(_ n: UInt32) -> Address {
        Address(bytes: [UInt8](repeating: 0xAB, count: 16) + withUnsafeBytes(of: n.bigEndian) { Array($0) })!
    }

    /// A transaction of sender `n`; the hash is derived from every field and `salt`, so two
    /// transactions differing in anything have different hashes.
    static func transaction(_ n: UInt32, nonce: UInt64, fee: TransactionFee, gasLimit: UInt64 = 100_000,
                            gasUsed: UInt64? = nil, salt: Int = 0) -> PendingTransaction {
        let hash = Keccak256.hash("\(n)/\(nonce)/\(fee)/\(gasLimit)/\(gasUsed ?? gasLimit)/\(salt)".utf8)
        return PendingTransaction(hash: hash, sender: address(n), nonce: nonce, fee: fee, gasLimit: gasLimit,
                                  expectedGasUsed: gasUsed ?? gasLimit)
    }

    /// A legacy transaction bidding `gasPriceGwei` gwei.
    static func legacy(_ n: UInt32, nonce: UInt64 = 0, gasPriceGwei: UInt64, gasLimit: UInt64 = 100_000,
                       gasUsed: UInt64? = nil) -> PendingTransaction {
        transaction(n, nonce: nonce, fee: .legacy(gasPrice: UInt256(gasPriceGwei) &* gwei), gasLimit: gasLimit, gasUsed: gasUsed)
    }

    static func policy(lifetime: UInt64 = 1_000, maxSize: Int = 10_000, bump: UInt64 = 10, gasCap: UInt64 = 30_000_000) -> MempoolPolicy {
        MempoolPolicy(lifetimeBlocks: lifetime, maxSize: maxSize, priceBumpPercent: bump, txGasCap: gasCap)
    }

    static func firstPriceBuilder(gasLimit: UInt64 = 10_000_000) -> BlockBuilder {
        BlockBuilder(feeMarket: .firstPrice, gasLimit: gasLimit, blockTimeSeconds: 13, firstTimestamp: 1_583_971_200, initialBaseFee: 0)
    }

    static func eip1559Builder(gasLimit: UInt64 = 30_000_000, baseFee: UInt256 = 1_000_000_000) -> BlockBuilder {
        BlockBuilder(feeMarket: .eip1559(.london), gasLimit: gasLimit, blockTimeSeconds: 12, firstTimestamp: 1_700_000_000,
                     initialBaseFee: baseFee)
    }
}

/// Account nonces of the simulated state: starts at 0 and advances with every included transaction.
struct NonceBook {
    var nonces: [Address: UInt64] = [:]

    func nonce(_ address: Address) -> UInt64 { nonces[address] ?? 0 }

    mutating func apply(_ block: BuiltBlock) {
        for item in block.included {
            XCTAssertEqual(item.transaction.nonce, nonce(item.transaction.sender), "included out of nonce order")
            nonces[item.transaction.sender] = item.transaction.nonce + 1
        }
    }
}

extension BlockBuilder {
    /// Builds a block and advances `book` by it.
    mutating func build(_ mempool: inout Mempool, _ book: inout NonceBook, background: BackgroundBlockDemand = .none) -> BuiltBlock {
        let snapshot = book
        let block = build(from: &mempool, background: background, accountNonce: { snapshot.nonce($0) })
        book.apply(block)
        return block
    }
}
