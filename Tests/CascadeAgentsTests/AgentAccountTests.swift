import CascadeChain
import CascadeMath
import Testing
@testable import CascadeAgents

/// ``AgentAccount``: nonces, replacements and the names of the transactions it builds.
struct AgentAccountTests {
    private static let pool = Address(truncating: UInt256(0x44))

    private static func fee(_ tip: UInt64) -> TransactionFee {
        .dynamic(maxPriorityFeePerGas: UInt256(tip), maxFeePerGas: UInt256(tip + 100))
    }

    /// The SplitMix64 finaliser, written out here.
    private static func finalise(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The finaliser applied after each of the address's three big-endian words (8, 8 and 4 bytes).
    private static func addressMix(_ bytes: [UInt8]) -> UInt64 {
        func word(_ range: Range<Int>) -> UInt64 { bytes[range].reduce(0) { $0 << 8 | UInt64($1) } }
        return finalise(finalise(finalise(word(0..<8)) ^ word(8..<16)) ^ word(16..<20))
    }

    /// The finalised `sequence ^ mix(address)` as 8 big-endian bytes, the address's 20 bytes,
    /// then 4 zero bytes, built byte by byte.
    private static func expectedName(_ sender: Address, _ sequence: UInt64) -> Keccak256.Digest {
        let mixed = finalise(sequence ^ addressMix(sender.bytes))
        return Keccak256.Digest(bytes: (0..<8).map { UInt8(truncatingIfNeeded: mixed >> (56 - 8 * UInt64($0))) } + sender.bytes + [0, 0, 0, 0])!
    }

    @Test func everyTransactionBuiltIsNamedByItsSenderAndSequenceNumber() {
        var accounts = [AgentFixture.account("names", 0), AgentFixture.account("names", 1)]
        var names: Set<Keccak256.Digest> = []
        var built = 0
        for round in 0..<40 {
            for index in accounts.indices {
                let before = accounts[index].built
                let sent = accounts[index].send(.flipperDeal(id: UInt256(UInt64(round))), to: Self.pool, fee: Self.fee(1),
                                                gas: GasEstimate(gasUsed: 50_000))
                #expect(sent.hash == Self.expectedName(accounts[index].address, before))
                // A replacement at the same fee, even identical in every field, is a new transaction.
                let replaced = accounts[index].replace(sent, fee: Self.fee(1))
                #expect(replaced.hash == Self.expectedName(accounts[index].address, before + 1))
                #expect(accounts[index].built == before + 2)
                names.insert(sent.hash)
                names.insert(replaced.hash)
                built += 2
            }
        }
        #expect(names.count == built)
    }

    @Test func aReplacementKeepsTheNonceCallAndGasAndTakesTheNewFee() throws {
        var account = AgentFixture.account("replace", 0)
        let first = account.send(.flipperDeal(id: 7), to: Self.pool, fee: Self.fee(1), gas: GasEstimate(gasUsed: 50_000))
        let second = account.send(.flipperDeal(id: 8), to: Self.pool, fee: Self.fee(1), gas: GasEstimate(gasUsed: 60_000))
        let replaced = account.replace(first, fee: Self.fee(9))
        #expect(replaced.nonce == first.nonce && first.nonce + 1 == second.nonce)
        #expect(replaced.call == first.call && replaced.gas == first.gas && replaced.to == first.to)
        #expect(replaced.transaction.data == first.call.encode())
        #expect(replaced.fee == Self.fee(9))
        // The next new transaction still takes the next nonce.
        #expect(account.send(.flipperDeal(id: 9), to: Self.pool, fee: Self.fee(1), gas: GasEstimate(gasUsed: 50_000)).nonce == second.nonce + 1)
    }

    /// After `resynchronize`, the next new transactions take the nonces from the chain's up that
    /// no pending transaction holds, in order (the rule written out here over a set), for
    /// 500 random pending lists: unsorted, with gaps, below the chain's nonce, repeated.
    @Test func resynchronizingFillsTheGapsThePendingNoncesLeave() {
        var random = SplitMix64(seed: 64)
        var account = AgentFixture.account("resync", 0)
        var withGaps = 0
        for _ in 0..<500 {
            let chainNonce = random.next() % 20
            let pending = (0..<Int(random.next() % 12)).map { _ in random.next() % 30 }
            account.resynchronize(chainNonce: chainNonce, pendingNonces: pending)
            let held = Set(pending)
            var expected: [UInt64] = []
            var nonce = chainNonce
            while expected.count < 8 {
                if !held.contains(nonce) { expected.append(nonce) }
                nonce += 1
            }
            let sent = (0..<8).map { _ in
                account.send(.flipperDeal(id: 1), to: Self.pool, fee: Self.fee(1), gas: GasEstimate(gasUsed: 50_000)).nonce
            }
            #expect(sent == expected, "chain \(chainNonce), pending \(pending)")
            if expected.first.map({ held.contains($0 + 1) }) ?? false { withGaps += 1 }
        }
        #expect(withGaps > 50, "the lists must leave gaps below pending nonces")
    }

    /// The same arguments twice leave the account as it is; after a transaction was built in
    /// between, they set the nonce again (the transaction never reached the mempool).
    @Test func resynchronizingAgainAfterASendForgetsWhatNeverArrived() {
        var account = AgentFixture.account("resync", 1)
        account.resynchronize(chainNonce: 5, pendingNonces: [6, 5])
        account.resynchronize(chainNonce: 5, pendingNonces: [6, 5])
        #expect(account.nextNonce == 7)
        #expect(account.send(.flipperDeal(id: 1), to: Self.pool, fee: Self.fee(1), gas: GasEstimate(gasUsed: 50_000)).nonce == 7)
        #expect(account.nextNonce == 8)
        account.resynchronize(chainNonce: 5, pendingNonces: [6, 5])
        #expect(account.nextNonce == 7, "nonce 7 is not pending: it is reused")
        account.resynchronize(chainNonce: 5, pendingNonces: [5, 6, 7])
        #expect(account.nextNonce == 8)
    }
}
