import CascadeChain
import XCTest

final class ContractFunctionTests: XCTestCase {
    /// Every selector, pinned: computed with eth-utils `function_signature_to_4byte_selector`
    /// and matching the deployed contracts.
    private let pinned: [(ContractFunction, String, String)] = [
        (.aaveLiquidationCall, "liquidationCall(address,address,address,uint256,bool)", "0x00a718a9"),
        (.aaveSupply, "supply(address,uint256,address,uint16)", "0x617ba037"),
        (.aaveBorrow, "borrow(address,uint256,uint256,uint16,address)", "0xa415bcad"),
        (.aaveRepay, "repay(address,uint256,uint256,address)", "0x573ade81"),
        (.aaveWithdraw, "withdraw(address,uint256,address)", "0x69328dec"),
        (.compoundLiquidateBorrow, "liquidateBorrow(address,uint256,address)", "0xf5e3c462"),
        (.compoundMint, "mint(uint256)", "0xa0712d68"),
        (.compoundBorrow, "borrow(uint256)", "0xc5ebeaec"),
        (.compoundRepayBorrow, "repayBorrow(uint256)", "0x0e752702"),
        (.uniswapV2Swap, "swap(uint256,uint256,address,bytes)", "0x022c0d9f"),
        (.catBite, "bite(bytes32,address)", "0x45cf2230"),
        (.flipperTend, "tend(uint256,uint256,uint256)", "0x4b43ed12"),
        (.flipperDent, "dent(uint256,uint256,uint256)", "0x5ff3a382"),
        (.flipperDeal, "deal(uint256)", "0xc959c42b"),
        (.dogBark, "bark(bytes32,address,address)", "0xed998908"),
        (.clipperTake, "take(uint256,uint256,uint256,address,bytes)", "0x81a794cb"),
        (.clipperRedo, "redo(uint256,address)", "0xd843416d"),
        (.vatFrob, "frob(bytes32,address,address,address,int256,int256)", "0x76088703"),
        (.medianPoke, "poke(uint256[],uint256[],uint8[],bytes32[],bytes32[])", "0x89bbb8b2"),
        (.osmPoke, "poke()", "0x18178358"),
        (.spotterPoke, "poke(bytes32)", "0x1504460f"),
        (.jugDrip, "drip(bytes32)", "0x44e2a5a8"),
        (.erc20Transfer, "transfer(address,uint256)", "0xa9059cbb"),
        (.erc20Approve, "approve(address,uint256)", "0x095ea7b3"),
        (.uniswapV2SwapExactTokensForTokens, "swapExactTokensForTokens(uint256,uint256,address[],address,uint256)", "0x38ed1739"),
    ]

    func testSelectorsArePinned() {
        XCTAssertEqual(pinned.map(\.0), ContractFunction.allCases)
        for (function, signature, hex) in pinned {
            XCTAssertEqual(function.signature, signature)
            XCTAssertEqual(function.selector.hex, hex, signature)
            XCTAssertEqual(function.selector, FunctionSelector(signature: signature))
        }
    }

    func testSelectorsMatchThePythonReference() throws {
        let vectors = try ABIVectors.load()
        XCTAssertEqual(vectors.selectors.map(\.signature), ContractFunction.allCases.map(\.signature))
        XCTAssertEqual(vectors.selectors.map { "0x" + $0.selector }, ContractFunction.allCases.map(\.selector.hex))
    }

    func testLookupBySelector() {
        for function in ContractFunction.allCases {
            XCTAssertEqual(ContractFunction(selector: function.selector.selector), function)
        }
        XCTAssertEqual(Set(ContractFunction.allCases.map(\.selector.selector)).count, ContractFunction.allCases.count)
        XCTAssertNil(ContractFunction(selector: 0xdead_beef))
    }

    func testNamesContractsAndParameters() {
        XCTAssertEqual(ContractFunction.aaveBorrow.name, "borrow")
        XCTAssertEqual(ContractFunction.compoundBorrow.name, "borrow")
        XCTAssertEqual(ContractFunction.compoundBorrow.contract, "Compound v2 CToken")
        XCTAssertEqual(ContractFunction.medianPoke.parameters.map(\.name), ["val_", "age_", "v", "r", "s"])
        XCTAssertEqual(
            ContractFunction.aaveLiquidationCall.description,
            "Aave v3 Pool liquidationCall(address collateralAsset,address debtAsset,address user,uint256 debtToCover,bool receiveAToken)")
        XCTAssertEqual(ContractFunction.osmPoke.description, "Maker OSM poke()")
    }
}
