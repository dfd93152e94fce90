import CascadeChain
import CascadeMath
import CascadeProtocols
import XCTest

final class TokenLedgerContractCallsTests: XCTestCase {
    let weth = Token(address: Address(truncating: 0xE7), symbol: "WETH", decimals: 18)
    let alice = Address(truncating: 0xA11CE)
    let bob = Address(truncating: 0xB0B)

    func testTransferAndApproveCallsRunForTheSender() throws {
        var ledger = TokenLedger()
        ledger.register(weth)
        try ledger.mint(100, of: weth.address, to: alice)
        let context = CallContext(sender: alice, blockNumber: 1, timestamp: 12)
        let sent = try ledger.execute(.erc20Transfer(to: bob, amount: 40), token: weth.address, context: context)
        XCTAssertEqual(sent.gasUsed, 51_600)
        XCTAssertEqual(sent.events.first?.fields.map(\.value), [.address(alice), .address(bob), .amount(40, symbol: "WETH", decimals: 18)])
        XCTAssertEqual(ledger.balance(of: bob, in: weth.address), 40)
        _ = try ledger.execute(.erc20Approve(spender: bob, amount: 7), token: weth.address, context: context)
        XCTAssertEqual(ledger.allowance(of: weth.address, owner: alice, spender: bob), 7)
        XCTAssertReverts(.reason("ERC20: transfer amount exceeds balance"), try ledger.execute(.erc20Transfer(to: bob, amount: 61), token: weth.address, context: context))
        XCTAssertReverts(.reason("WETH: no function poke()"), try ledger.execute(.osmPoke, token: weth.address, context: context))
        XCTAssertThrowsError(try ledger.execute(.erc20Transfer(to: bob, amount: 1), token: bob, context: context))
    }
}
