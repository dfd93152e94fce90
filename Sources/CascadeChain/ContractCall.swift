import CascadeMath

/// A call the simulator makes, with typed arguments: what an agent's transaction carries as
/// calldata.
///
/// ```swift
/// let call = ContractCall.aaveLiquidationCall(
///     collateralAsset: weth, debtAsset: usdc, user: borrower,
///     debtToCover: 1_000_000_000, receiveAToken: false)
/// let calldata = call.encode()           // 0x00a718a9 followed by five words
/// try ContractCall.decode(calldata) == call
/// call.arguments.map(\.valueString)      // ["0x…", "0x…", "0x…", "1000000000", "false"]
/// ```
///
/// Argument labels are the parameter names of the contract's source (Maker's Median writes
/// `val_` and `age_`; the labels drop the underscore). See ``ContractFunction`` for the
/// signatures and selectors.
public enum ContractCall: Hashable, Sendable {
    // MARK: Aave v3 Pool

    /// `liquidationCall(address collateralAsset, address debtAsset, address user, uint256 debtToCover, bool receiveAToken)`.
    case aaveLiquidationCall(collateralAsset: Address, debtAsset: Address, user: Address, debtToCover: UInt256, receiveAToken: Bool)
    /// `supply(address asset, uint256 amount, address onBehalfOf, uint16 referralCode)`.
    case aaveSupply(asset: Address, amount: UInt256, onBehalfOf: Address, referralCode: UInt16)
    /// `borrow(address asset, uint256 amount, uint256 interestRateMode, uint16 referralCode, address onBehalfOf)`.
    case aaveBorrow(asset: Address, amount: UInt256, interestRateMode: UInt256, referralCode: UInt16, onBehalfOf: Address)
    /// `repay(address asset, uint256 amount, uint256 interestRateMode, address onBehalfOf)`.
    case aaveRepay(asset: Address, amount: UInt256, interestRateMode: UInt256, onBehalfOf: Address)
    /// `withdraw(address asset, uint256 amount, address to)`.
    case aaveWithdraw(asset: Address, amount: UInt256, to: Address)

    // MARK: Compound v2 CToken

    /// `liquidateBorrow(address borrower, uint256 repayAmount, address cTokenCollateral)`.
    case compoundLiquidateBorrow(borrower: Address, repayAmount: UInt256, cTokenCollateral: Address)
    /// `mint(uint256 mintAmount)`.
    case compoundMint(mintAmount: UInt256)
    /// `borrow(uint256 borrowAmount)`.
    case compoundBorrow(borrowAmount: UInt256)
    /// `repayBorrow(uint256 repayAmount)`.
    case compoundRepayBorrow(repayAmount: UInt256)

    // MARK: Uniswap v2 pair

    /// `swap(uint256 amount0Out, uint256 amount1Out, address to, bytes data)`.
    case uniswapV2Swap(amount0Out: UInt256, amount1Out: UInt256, to: Address, data: [UInt8])

    // MARK: Maker

    /// Cat `bite(bytes32 ilk, address urn)`: start a liquidation (liquidations 1.0).
    case catBite(ilk: Bytes32, urn: Address)
    /// Flipper `tend(uint256 id, uint256 lot, uint256 bid)`: raise the bid (first auction phase).
    case flipperTend(id: UInt256, lot: UInt256, bid: UInt256)
    /// Flipper `dent(uint256 id, uint256 lot, uint256 bid)`: lower the lot (second auction phase).
    case flipperDent(id: UInt256, lot: UInt256, bid: UInt256)
    /// Flipper `deal(uint256 id)`: settle a finished auction.
    case flipperDeal(id: UInt256)
    /// Dog `bark(bytes32 ilk, address urn, address kpr)`: start a liquidation (liquidations 2.0).
    case dogBark(ilk: Bytes32, urn: Address, kpr: Address)
    /// Clipper `take(uint256 id, uint256 amt, uint256 max, address who, bytes data)`: buy collateral.
    case clipperTake(id: UInt256, amt: UInt256, max: UInt256, who: Address, data: [UInt8])
    /// Clipper `redo(uint256 id, address kpr)`: restart an expired auction.
    case clipperRedo(id: UInt256, kpr: Address)
    /// Vat `frob(bytes32 i, address u, address v, address w, int256 dink, int256 dart)`: change a vault.
    case vatFrob(i: Bytes32, u: Address, v: Address, w: Address, dink: Int256, dart: Int256)
    /// Median `poke(uint256[] val_, uint256[] age_, uint8[] v, bytes32[] r, bytes32[] s)`:
    /// post signed oracle reports.
    case medianPoke(val: [UInt256], age: [UInt256], v: [UInt8], r: [Bytes32], s: [Bytes32])
    /// OSM `poke()`: advance the delayed price.
    case osmPoke
    /// Spotter `poke(bytes32 ilk)`: update the collateral's spot price in the Vat.
    case spotterPoke(ilk: Bytes32)
    /// Jug `drip(bytes32 ilk)`: accrue the stability fee.
    case jugDrip(ilk: Bytes32)

    // MARK: ERC-20

    /// `transfer(address to, uint256 amount)`.
    case erc20Transfer(to: Address, amount: UInt256)
    /// `approve(address spender, uint256 amount)`.
    case erc20Approve(spender: Address, amount: UInt256)

    // MARK: Uniswap v2 Router02

    /// `swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)`:
    /// sell exactly `amountIn` of `path[0]` for at least `amountOutMin` of the last token of `path`.
    case uniswapV2SwapExactTokensForTokens(amountIn: UInt256, amountOutMin: UInt256, path: [Address], to: Address, deadline: UInt256)
}

// MARK: - Description

extension ContractCall: CustomStringConvertible {
    /// The function called.
    public var function: ContractFunction {
        switch self {
        case .aaveLiquidationCall: .aaveLiquidationCall
        case .aaveSupply: .aaveSupply
        case .aaveBorrow: .aaveBorrow
        case .aaveRepay: .aaveRepay
        case .aaveWithdraw: .aaveWithdraw
        case .compoundLiquidateBorrow: .compoundLiquidateBorrow
        case .compoundMint: .compoundMint
        case .compoundBorrow: .compoundBorrow
        case .compoundRepayBorrow: .compoundRepayBorrow
        case .uniswapV2Swap: .uniswapV2Swap
        case .catBite: .catBite
        case .flipperTend: .flipperTend
        case .flipperDent: .flipperDent
        case .flipperDeal: .flipperDeal
        case .dogBark: .dogBark
        case .clipperTake: .clipperTake
        case .clipperRedo: .clipperRedo
        case .vatFrob: .vatFrob
        case .medianPoke: .medianPoke
        case .osmPoke: .osmPoke
        case .spotterPoke: .spotterPoke
        case .jugDrip: .jugDrip
        case .erc20Transfer: .erc20Transfer
        case .erc20Approve: .erc20Approve
        case .uniswapV2SwapExactTokensForTokens: .uniswapV2SwapExactTokensForTokens
        }
    }

    /// The Solidity function name, e.g. `liquidationCall`.
    public var name: String { function.name }

    /// The function's selector.
    public var selector: FunctionSelector { function.selector }

    /// The argument values, in parameter order.
    public var values: [ABIValue] {
        var values: [ABIValue] = []
        forEachValue { values.append($0) }
        return values
    }

    /// The arguments with their parameters' names and types, in order, for printing.
    public var arguments: [ABIArgument] {
        zip(function.parameters, values).map { ABIArgument(name: $0.name, type: $0.type, value: $1) }
    }

    /// The call in Solidity syntax, e.g. `transfer(0x…, 1000)`.
    public var description: String {
        name + "(" + values.map(\.description).joined(separator: ", ") + ")"
    }

    /// Calls `body` with each argument value, in parameter order.
    private func forEachValue(_ body: (ABIValue) -> Void) {
        switch self {
        case let .aaveLiquidationCall(collateralAsset, debtAsset, user, debtToCover, receiveAToken):
            body(.address(collateralAsset))
            body(.address(debtAsset))
            body(.address(user))
            body(.uint256(debtToCover))
            body(.bool(receiveAToken))
        case let .aaveSupply(asset, amount, onBehalfOf, referralCode):
            body(.address(asset))
            body(.uint256(amount))
            body(.address(onBehalfOf))
            body(.uint(UInt256(UInt64(referralCode)), bits: 16))
        case let .aaveBorrow(asset, amount, interestRateMode, referralCode, onBehalfOf):
            body(.address(asset))
            body(.uint256(amount))
            body(.uint256(interestRateMode))
            body(.uint(UInt256(UInt64(referralCode)), bits: 16))
            body(.address(onBehalfOf))
        case let .aaveRepay(asset, amount, interestRateMode, onBehalfOf):
            body(.address(asset))
            body(.uint256(amount))
            body(.uint256(interestRateMode))
            body(.address(onBehalfOf))
        case let .aaveWithdraw(asset, amount, to):
            body(.address(asset))
            body(.uint256(amount))
            body(.address(to))
        case let .compoundLiquidateBorrow(borrower, repayAmount, cTokenCollateral):
            body(.address(borrower))
            body(.uint256(repayAmount))
            body(.address(cTokenCollateral))
        case .compoundMint(let amount), .compoundBorrow(let amount), .compoundRepayBorrow(let amount):
            body(.uint256(amount))
        case let .uniswapV2Swap(amount0Out, amount1Out, to, data):
            body(.uint256(amount0Out))
            body(.uint256(amount1Out))
            body(.address(to))
            body(.bytes(data))
        case let .catBite(ilk, urn):
            body(.bytes32(ilk))
            body(.address(urn))
        case let .flipperTend(id, lot, bid), let .flipperDent(id, lot, bid):
            body(.uint256(id))
            body(.uint256(lot))
            body(.uint256(bid))
        case .flipperDeal(let id):
            body(.uint256(id))
        case let .dogBark(ilk, urn, kpr):
            body(.bytes32(ilk))
            body(.address(urn))
            body(.address(kpr))
        case let .clipperTake(id, amt, max, who, data):
            body(.uint256(id))
            body(.uint256(amt))
            body(.uint256(max))
            body(.address(who))
            body(.bytes(data))
        case let .clipperRedo(id, kpr):
            body(.uint256(id))
            body(.address(kpr))
        case let .vatFrob(i, u, v, w, dink, dart):
            body(.bytes32(i))
            body(.address(u))
            body(.address(v))
            body(.address(w))
            body(.int256(dink))
            body(.int256(dart))
        case let .medianPoke(val, age, v, r, s):
            body(.array(element: .uint256, val.map(ABIValue.uint256)))
            body(.array(element: .uint256, age.map(ABIValue.uint256)))
            body(.array(element: .uint(8), v.map { .uint(UInt256(UInt64($0)), bits: 8) }))
            body(.array(element: .bytes32, r.map(ABIValue.bytes32)))
            body(.array(element: .bytes32, s.map(ABIValue.bytes32)))
        case .osmPoke:
            break
        case .spotterPoke(let ilk), .jugDrip(let ilk):
            body(.bytes32(ilk))
        case let .erc20Transfer(to, amount):
            body(.address(to))
            body(.uint256(amount))
        case let .erc20Approve(spender, amount):
            body(.address(spender))
            body(.uint256(amount))
        case let .uniswapV2SwapExactTokensForTokens(amountIn, amountOutMin, path, to, deadline):
            body(.uint256(amountIn))
            body(.uint256(amountOutMin))
            body(.array(element: .address, path.map(ABIValue.address)))
            body(.address(to))
            body(.uint256(deadline))
        }
    }
}

// MARK: - Encoding

extension ContractCall {
    /// The number of bytes of ``encode()``'s calldata: 4 + 32 per static argument + the tails
    /// of `bytes` and array arguments.
    public var encodedSize: Int {
        var size = 4
        forEachValue { value in
            size += ABICodec.headSize(of: value) + (value.isDynamic ? ABICodec.tailSize(of: value) : 0)
        }
        return size
    }

    /// The calldata: the 4-byte selector, then the ABI-encoded arguments.
    ///
    /// Written into one array of exactly ``encodedSize`` bytes, reserved up front; for calls
    /// whose arguments are all static (`liquidationCall`, `transfer`, `bite`, …) that array is
    /// the only allocation.
    public func encode() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(encodedSize)
        withUnsafeBytes(of: function.selector.selector.bigEndian) { out.append(contentsOf: $0) }
        var headSize = 0
        forEachValue { headSize += ABICodec.headSize(of: $0) }
        ABICodec.appendTuple(headSize: headSize, into: &out) { forEachValue($0) }
        return out
    }
}

// MARK: - Decoding

extension ContractCall {
    /// Decodes calldata: a known selector, then exactly the canonical ABI encoding of that
    /// function's arguments.
    ///
    /// Throws ``ABIError/missingSelector(count:)`` for fewer than 4 bytes,
    /// ``ABIError/unknownSelector(_:)`` for a function that is not a ``ContractFunction``,
    /// and any rejection of ``ABICodec``'s strict decoder, with offsets counted from the start of
    /// `calldata` (the selector's first byte).
    public static func decode(_ calldata: some Collection<UInt8>) throws(ABIError) -> ContractCall {
        let input = Array(calldata)
        guard input.count >= 4 else { throw .missingSelector(count: input.count) }
        let selector = input[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard let function = ContractFunction(selector: selector) else { throw .unknownSelector(selector) }
        let values = try ABICodec.decode(function.parameters.map(\.type), in: input, at: 4)
        guard let call = ContractCall(function: function, values: values) else {
            preconditionFailure("decoded values do not match \(function.signature)")
        }
        return call
    }

    /// The call of `function` with `values`, which must match its parameters' types in number
    /// and order (``ABIValue/matches(_:)``); `nil` otherwise.
    public init?(function: ContractFunction, values: [ABIValue]) {
        let parameters = function.parameters
        guard values.count == parameters.count,
              zip(values, parameters).allSatisfy({ $0.matches($1.type) })
        else { return nil }
        let a = Arguments(values: values)
        switch function {
        case .aaveLiquidationCall:
            self = .aaveLiquidationCall(
                collateralAsset: a.address(0), debtAsset: a.address(1), user: a.address(2),
                debtToCover: a.uint256(3), receiveAToken: a.bool(4))
        case .aaveSupply:
            self = .aaveSupply(asset: a.address(0), amount: a.uint256(1), onBehalfOf: a.address(2), referralCode: a.uint16(3))
        case .aaveBorrow:
            self = .aaveBorrow(
                asset: a.address(0), amount: a.uint256(1), interestRateMode: a.uint256(2),
                referralCode: a.uint16(3), onBehalfOf: a.address(4))
        case .aaveRepay:
            self = .aaveRepay(
                asset: a.address(0), amount: a.uint256(1), interestRateMode: a.uint256(2), onBehalfOf: a.address(3))
        case .aaveWithdraw:
            self = .aaveWithdraw(asset: a.address(0), amount: a.uint256(1), to: a.address(2))
        case .compoundLiquidateBorrow:
            self = .compoundLiquidateBorrow(borrower: a.address(0), repayAmount: a.uint256(1), cTokenCollateral: a.address(2))
        case .compoundMint:
            self = .compoundMint(mintAmount: a.uint256(0))
        case .compoundBorrow:
            self = .compoundBorrow(borrowAmount: a.uint256(0))
        case .compoundRepayBorrow:
            self = .compoundRepayBorrow(repayAmount: a.uint256(0))
        case .uniswapV2Swap:
            self = .uniswapV2Swap(amount0Out: a.uint256(0), amount1Out: a.uint256(1), to: a.address(2), data: a.bytes(3))
        case .catBite:
            self = .catBite(ilk: a.bytes32(0), urn: a.address(1))
        case .flipperTend:
            self = .flipperTend(id: a.uint256(0), lot: a.uint256(1), bid: a.uint256(2))
        case .flipperDent:
            self = .flipperDent(id: a.uint256(0), lot: a.uint256(1), bid: a.uint256(2))
        case .flipperDeal:
            self = .flipperDeal(id: a.uint256(0))
        case .dogBark:
            self = .dogBark(ilk: a.bytes32(0), urn: a.address(1), kpr: a.address(2))
        case .clipperTake:
            self = .clipperTake(id: a.uint256(0), amt: a.uint256(1), max: a.uint256(2), who: a.address(3), data: a.bytes(4))
        case .clipperRedo:
            self = .clipperRedo(id: a.uint256(0), kpr: a.address(1))
        case .vatFrob:
            self = .vatFrob(
                i: a.bytes32(0), u: a.address(1), v: a.address(2), w: a.address(3), dink: a.int256(4), dart: a.int256(5))
        case .medianPoke:
            self = .medianPoke(
                val: a.array(0, \.uintValue), age: a.array(1, \.uintValue),
                v: a.array(2) { $0.uintValue.map { UInt8(truncatingIfNeeded: $0.w0) } },
                r: a.array(3, \.bytes32Value), s: a.array(4, \.bytes32Value))
        case .osmPoke:
            self = .osmPoke
        case .spotterPoke:
            self = .spotterPoke(ilk: a.bytes32(0))
        case .jugDrip:
            self = .jugDrip(ilk: a.bytes32(0))
        case .erc20Transfer:
            self = .erc20Transfer(to: a.address(0), amount: a.uint256(1))
        case .erc20Approve:
            self = .erc20Approve(spender: a.address(0), amount: a.uint256(1))
        case .uniswapV2SwapExactTokensForTokens:
            self = .uniswapV2SwapExactTokensForTokens(
                amountIn: a.uint256(0), amountOutMin: a.uint256(1), path: a.array(2, \.addressValue), to: a.address(3),
                deadline: a.uint256(4))
        }
    }
}

/// Typed reads of argument values already checked against the function's parameter types:
/// a mismatch here is a bug in ``ContractFunction/parameters``.
private struct Arguments {
    let values: [ABIValue]

    func address(_ index: Int) -> Address { read(index, \.addressValue) }
    func uint256(_ index: Int) -> UInt256 { read(index, \.uintValue) }
    func uint16(_ index: Int) -> UInt16 { UInt16(truncatingIfNeeded: uint256(index).w0) }
    func int256(_ index: Int) -> Int256 { read(index, \.intValue) }
    func bool(_ index: Int) -> Bool { read(index, \.boolValue) }
    func bytes32(_ index: Int) -> Bytes32 { read(index, \.bytes32Value) }
    func bytes(_ index: Int) -> [UInt8] { read(index, \.bytesValue) }

    func array<Element>(_ index: Int, _ element: (ABIValue) -> Element?) -> [Element] {
        read(index, \.elements).map { value in
            guard let element = element(value) else { preconditionFailure("argument \(index) has a wrong element type") }
            return element
        }
    }

    private func read<Value>(_ index: Int, _ accessor: (ABIValue) -> Value?) -> Value {
        guard let value = accessor(values[index]) else { preconditionFailure("argument \(index) has a wrong type") }
        return value
    }
}
