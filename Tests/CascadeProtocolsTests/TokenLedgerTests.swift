import CascadeChain
import CascadeMath
import CascadeProtocols
import XCTest

final class TokenLedgerTests: XCTestCase {
    let dai = Token(address: Address(truncating: 0xDA1), symbol: "DAI", decimals: 18)
    let alice = Address(truncating: 0xA11CE)
    let bob = Address(truncating: 0xB0B)

    func testTransfersRevertOnInsufficientBalanceAndKeepSupply() throws {
        var ledger = TokenLedger()
        ledger.register(dai)
        try ledger.mint(100, of: dai.address, to: alice)
        try ledger.transfer(40, of: dai.address, from: alice, to: bob)
        XCTAssertEqual(ledger.balance(of: alice, in: dai.address), 60)
        XCTAssertEqual(ledger.balance(of: bob, in: dai.address), 40)
        XCTAssertThrowsError(try ledger.transfer(61, of: dai.address, from: alice, to: bob)) {
            XCTAssertEqual($0 as? Revert, .reason("ERC20: transfer amount exceeds balance"))
        }
        XCTAssertThrowsError(try ledger.burn(41, of: dai.address, from: bob)) {
            XCTAssertEqual($0 as? Revert, .reason("ERC20: burn amount exceeds balance"))
        }
        XCTAssertThrowsError(try ledger.mint(.max, of: dai.address, to: bob)) { XCTAssertEqual($0 as? Revert, .overflow) }
        XCTAssertEqual(ledger.totalSupply(of: dai.address), 100)
        XCTAssertEqual(ledger.invariantViolations(), [])
    }

    func testTransferFromSpendsAllowanceUnlessUnlimited() throws {
        var ledger = TokenLedger()
        ledger.register(dai)
        try ledger.mint(100, of: dai.address, to: alice)
        try ledger.approve(30, of: dai.address, owner: alice, spender: bob)
        try ledger.transferFrom(20, of: dai.address, owner: alice, spender: bob, to: bob)
        XCTAssertEqual(ledger.allowance(of: dai.address, owner: alice, spender: bob), 10)
        XCTAssertThrowsError(try ledger.transferFrom(11, of: dai.address, owner: alice, spender: bob, to: bob)) {
            XCTAssertEqual($0 as? Revert, .reason("ERC20: insufficient allowance"))
        }
        try ledger.approve(.max, of: dai.address, owner: alice, spender: bob)
        try ledger.transferFrom(50, of: dai.address, owner: alice, spender: bob, to: bob)
        XCTAssertEqual(ledger.allowance(of: dai.address, owner: alice, spender: bob), .max)
    }

    func testUnknownTokenReverts() {
        var ledger = TokenLedger()
        XCTAssertThrowsError(try ledger.mint(1, of: dai.address, to: alice)) { error in
            guard case .reason(let text)? = error as? Revert else { return XCTFail("\(error)") }
            XCTAssertTrue(text.hasPrefix("unknown token"))
        }
    }

    /// Zero balances are not stored, so a transfer undone by its reverse leaves an equal ledger.
    func testLedgersCompareEqualAfterAnUndoneTransfer() throws {
        var ledger = TokenLedger()
        ledger.register(dai)
        try ledger.mint(100, of: dai.address, to: alice)
        let before = ledger
        try ledger.transfer(100, of: dai.address, from: alice, to: bob)
        XCTAssertNotEqual(ledger, before)
        try ledger.transfer(100, of: dai.address, from: bob, to: alice)
        XCTAssertEqual(ledger, before)
        // transferFrom without any allowance entry and a zero amount does not trap.
        try ledger.transferFrom(0, of: dai.address, owner: alice, spender: bob, to: bob)
    }

    /// Property: random transfers, mints and burns never break supply conservation, and a
    /// failed operation changes nothing.
    func testRandomOperationsConserveSupply() throws {
        var ledger = TokenLedger()
        ledger.register(dai)
        let accounts = (1...8).map { Address(truncating: UInt256(UInt64($0))) }
        var random = SplitMix64(seed: 99)
        for _ in 0..<5_000 {
            let a = accounts[Int(random.next() % 8)], b = accounts[Int(random.next() % 8)]
            let amount = UInt256(random.next() % 1_000)
            let before = (ledger.balance(of: a, in: dai.address), ledger.balance(of: b, in: dai.address), ledger.totalSupply(of: dai.address))
            do {
                switch random.next() % 3 {
                case 0: try ledger.mint(amount, of: dai.address, to: a)
                case 1: try ledger.burn(amount, of: dai.address, from: a)
                default: try ledger.transfer(amount, of: dai.address, from: a, to: b)
                }
            } catch {
                XCTAssertEqual(before.0, ledger.balance(of: a, in: dai.address))
                XCTAssertEqual(before.1, ledger.balance(of: b, in: dai.address))
                XCTAssertEqual(before.2, ledger.totalSupply(of: dai.address))
            }
        }
        XCTAssertEqual(ledger.invariantViolations(), [])
    }
}
