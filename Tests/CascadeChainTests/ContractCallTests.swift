import CascadeChain
import CascadeMath
import XCTest

final class ContractCallTests: XCTestCase {
    private let weth = address(repeating: 0x11)
    private let usdc = address(repeating: 0x22)
    private let user = address(repeating: 0x33)
    private let ethA = Bytes32(ascii: "ETH-A")!

    /// One call of every function, with arguments of every shape.
    private var oneCallOfEach: [ContractCall] {
        [
            .aaveLiquidationCall(collateralAsset: weth, debtAsset: usdc, user: user, debtToCover: 1_000_000, receiveAToken: true),
            .aaveSupply(asset: weth, amount: 5, onBehalfOf: user, referralCode: 0xffff),
            .aaveBorrow(asset: usdc, amount: .max, interestRateMode: 2, referralCode: 0, onBehalfOf: user),
            .aaveRepay(asset: usdc, amount: .max, interestRateMode: 2, onBehalfOf: user),
            .aaveWithdraw(asset: weth, amount: 1, to: user),
            .compoundLiquidateBorrow(borrower: user, repayAmount: 10, cTokenCollateral: weth),
            .compoundMint(mintAmount: 1),
            .compoundBorrow(borrowAmount: 2),
            .compoundRepayBorrow(repayAmount: .max),
            .uniswapV2Swap(amount0Out: 0, amount1Out: 7, to: user, data: Array(0..<40)),
            .catBite(ilk: ethA, urn: user),
            .flipperTend(id: 1, lot: 2, bid: 3),
            .flipperDent(id: 1, lot: 2, bid: 3),
            .flipperDeal(id: 9),
            .dogBark(ilk: ethA, urn: user, kpr: weth),
            .clipperTake(id: 1, amt: 2, max: .max, who: user, data: []),
            .clipperRedo(id: 4, kpr: user),
            .vatFrob(i: ethA, u: user, v: user, w: user, dink: -1, dart: .min),
            .medianPoke(val: [1, 2], age: [3, 4], v: [27, 28], r: [ethA, .zero], s: [.zero, ethA]),
            .osmPoke,
            .spotterPoke(ilk: ethA),
            .jugDrip(ilk: ethA),
            .erc20Transfer(to: user, amount: 100),
            .erc20Approve(spender: weth, amount: .max),
            .uniswapV2SwapExactTokensForTokens(amountIn: 10, amountOutMin: 9, path: [weth, usdc], to: user, deadline: .max),
        ]
    }

    func testEveryCallRoundTrips() throws {
        let calls = oneCallOfEach
        XCTAssertEqual(calls.map(\.function), ContractFunction.allCases)
        for call in calls {
            let calldata = call.encode()
            XCTAssertEqual(calldata.count, call.encodedSize, call.name)
            XCTAssertEqual(Array(calldata.prefix(4)), call.selector.bytes, call.name)
            XCTAssertEqual(try ContractCall.decode(calldata), call, call.name)
            XCTAssertEqual(Array(calldata.dropFirst(4)), ABICodec.encode(call.values), call.name)
            XCTAssertEqual(ContractCall(function: call.function, values: call.values), call, call.name)
        }
    }

    func testLiquidationCallCalldataLayout() {
        let call = ContractCall.aaveLiquidationCall(
            collateralAsset: weth, debtAsset: usdc, user: user, debtToCover: 0x1234, receiveAToken: false)
        let expected = "00a718a9"
            + String(repeating: "0", count: 24) + String(repeating: "11", count: 20)
            + String(repeating: "0", count: 24) + String(repeating: "22", count: 20)
            + String(repeating: "0", count: 24) + String(repeating: "33", count: 20)
            + String(repeating: "0", count: 60) + "1234"
            + String(repeating: "0", count: 64)
        XCTAssertEqual(hexString(call.encode()), expected)
        XCTAssertEqual(call.encodedSize, 4 + 5 * 32)
    }

    func testArgumentsForPrinting() {
        let liquidation = oneCallOfEach[0]
        XCTAssertEqual(liquidation.name, "liquidationCall")
        XCTAssertEqual(liquidation.arguments.map(\.name), ["collateralAsset", "debtAsset", "user", "debtToCover", "receiveAToken"])
        XCTAssertEqual(liquidation.arguments.map(\.type.canonicalName), ["address", "address", "address", "uint256", "bool"])
        XCTAssertEqual(liquidation.arguments.map(\.valueString), [
            "0x" + String(repeating: "11", count: 20), "0x" + String(repeating: "22", count: 20),
            "0x" + String(repeating: "33", count: 20), "1000000", "true",
        ])
        let frob = ContractCall.vatFrob(i: ethA, u: user, v: user, w: user, dink: -1, dart: 5)
        XCTAssertEqual(frob.arguments.last?.description, "int256 dart = 5")
        XCTAssertEqual(frob.arguments[4].valueString, "-1")
        XCTAssertEqual(frob.arguments[0].valueString, ethA.description)
        let poke = ContractCall.medianPoke(val: [1, 2], age: [], v: [27], r: [], s: [])
        XCTAssertEqual(poke.arguments.map(\.valueString), ["[1,2]", "[]", "[27]", "[]", "[]"])
        XCTAssertEqual(ContractCall.erc20Transfer(to: .zero, amount: 3).description,
                       "transfer(0x0000000000000000000000000000000000000000, 3)")
    }

    func testInitRejectsValuesOfOtherTypes() {
        XCTAssertNil(ContractCall(function: .erc20Transfer, values: [.address(user)]))
        XCTAssertNil(ContractCall(function: .erc20Transfer, values: [.uint256(1), .address(user)]))
        XCTAssertNil(ContractCall(function: .aaveSupply, values: [.address(weth), .uint256(1), .address(user), .uint256(1)]))
        XCTAssertNil(ContractCall(function: .aaveSupply, values: [.address(weth), .uint256(1), .address(user), .uint(70_000, bits: 16)]))
        XCTAssertEqual(ContractCall(function: .osmPoke, values: []), .osmPoke)
    }

    // MARK: Decoding errors

    func testDecodeNamesAMissingOrUnknownSelector() {
        assertABIError(try ContractCall.decode([0xa9, 0x05, 0x9c]), .missingSelector(count: 3))
        assertABIError(try ContractCall.decode([0xde, 0xad, 0xbe, 0xef] + word(1)), .unknownSelector(0xdead_beef))
    }

    func testDecodeErrorOffsetsCountFromTheSelector() {
        let calldata = oneCallOfEach[0].encode()
        assertABIError(try ContractCall.decode(calldata.dropLast()),
                       .dataTooShort(type: .tuple([.address, .address, .address, .uint256, .bool]), offset: 4, needed: 160, available: 159))
        var badBool = calldata
        badBool[calldata.count - 1] = 2
        assertABIError(try ContractCall.decode(badBool), .invalidBool(offset: 132, word: 2))
        assertABIError(try ContractCall.decode(calldata + [0]), .trailingBytes(offset: 164, count: 1))
        assertABIError(try ContractCall.decode(ContractCall.osmPoke.encode() + word(0)), .trailingBytes(offset: 4, count: 32))
    }

    // MARK: Cross-check with the Python `eth-abi` package

    func testPythonReferenceCalls() throws {
        let vectors = try ABIVectors.load()
        XCTAssertGreaterThanOrEqual(vectors.calls.count, 40)
        var covered = Set<ContractFunction>()
        for vector in vectors.calls {
            let function = try XCTUnwrap(ContractFunction.allCases.first { $0.signature == vector.signature }, vector.name)
            covered.insert(function)
            let values = zip(function.parameters, vector.args).map { $1.abiValue($0.type) }
            let call = try XCTUnwrap(ContractCall(function: function, values: values), vector.name)
            let expected = hexBytes(vector.calldata)
            XCTAssertEqual(hexString(call.encode()), vector.calldata, vector.name)
            XCTAssertEqual(call.encodedSize, expected.count, vector.name)
            XCTAssertEqual(try ContractCall.decode(expected), call, vector.name)
        }
        XCTAssertEqual(covered, Set(ContractFunction.allCases))
    }

    // MARK: Canonicality under random mutations

    func testMutatedCalldataIsRejectedOrCanonical() throws {
        var rng = SeededGenerator(seed: 0xCA11_DA7A)
        let calls = oneCallOfEach + (try ABIVectors.load().calls.map { try ContractCall.decode(hexBytes($0.calldata)) })
        var accepted = 0
        var rejected = 0
        for _ in 0..<5_000 {
            let mutated = mutate(calls.randomElement(using: &rng)!.encode(), &rng)
            do {
                let call = try ContractCall.decode(mutated)
                XCTAssertEqual(call.encode(), mutated, "accepted non-canonical calldata \(hexString(mutated))")
                accepted += 1
            } catch {
                rejected += 1
            }
        }
        XCTAssertGreaterThan(accepted, 100)
        XCTAssertGreaterThan(rejected, 100)
    }
}
