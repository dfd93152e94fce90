import CascadeAgents
import CascadeChain
import CascadeMath
import XCTest

@testable import CascadeEngine

final class SigningPipelineTests: XCTestCase {
    /// `count` transactions from three accounts, each a different call and fee.
    private func transactions(_ count: Int, from first: UInt64 = 0) -> [AgentTransaction] {
        var accounts = (0..<3).map { AgentAccount(seed: 7, role: "pipeline", index: $0, chainID: 1) }
        return (0..<count).map { index in
            let fee = TransactionFee.dynamic(maxPriorityFeePerGas: UInt256(UInt64(index) + 1),
                                             maxFeePerGas: UInt256(UInt64(index) + 100))
            return accounts[index % 3].send(.flipperDeal(id: UInt256(first + UInt64(index))), to: Address(truncating: UInt256(0x44)),
                                            fee: fee, gas: GasEstimate(gasUsed: 50_000))
        }
    }

    func testBatchesComeBackSignedInTheOrderHandedOverForAnyNumberOfThreads() throws {
        let first = transactions(7), second = transactions(12, from: 100)
        let expected = (first + second).map { $0.signedAndVerified() }
        for threads in [1, 2, 3] {
            let pipeline = SigningPipeline(threads: threads)
            pipeline.start(first)
            pipeline.start([])
            pipeline.start(second)
            let signed = pipeline.finish()
            XCTAssertEqual(signed.map(\.hash), expected.map(\.hash), "\(threads) threads")
            XCTAssertEqual(signed.map { $0.signed?.raw }, expected.map { $0.signed?.raw }, "\(threads) threads")
            for transaction in signed {
                let signedTransaction = try XCTUnwrap(transaction.signed)
                XCTAssertEqual(signedTransaction.sender, transaction.sender)
                XCTAssertEqual(try ContractCall.decode(signedTransaction.transaction.data), transaction.call)
            }
            // A collected pipeline starts afresh.
            XCTAssertEqual(pipeline.finish().count, 0)
            pipeline.start(Array(first.prefix(2)))
            XCTAssertEqual(pipeline.finish().map { $0.signed?.raw }, expected.prefix(2).map { $0.signed?.raw })
        }
    }

    func testUnsignedTransactionsPassThrough() {
        var account = AgentAccount(seed: 7, role: "pipeline", index: 0, chainID: 1, signs: false)
        let transaction = account.send(.flipperDeal(id: .one), to: Address(truncating: UInt256(0x44)),
                                       fee: .legacy(gasPrice: UInt256(1)), gas: GasEstimate(gasUsed: 50_000))
        let pipeline = SigningPipeline(threads: 2)
        pipeline.start([transaction])
        let result = pipeline.finish()
        XCTAssertEqual(result.map(\.hash), [transaction.hash])
        XCTAssertNil(result[0].signed)
    }
}
