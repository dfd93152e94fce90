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

    /// Keccak-256 of the address's 20 bytes and the sequence number's 8 big-endian bytes, written
    /// out byte by byte.
    private static func expectedName(_ sender: Address, _ sequence: UInt64) -> Keccak256.Digest {
        Keccak256.hash(sender.bytes + (0..<8).map { UInt8(truncatingIfNeeded: sequence >> (56 - 8 * UInt64($0))) })
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
}
