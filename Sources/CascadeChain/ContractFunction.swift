/// A contract function the simulator calls, without its arguments: the name, parameters and
/// selector of one ``ContractCall`` case.
///
/// ```swift
/// ContractFunction.aaveLiquidationCall.signature     // "liquidationCall(address,address,address,uint256,bool)"
/// ContractFunction.aaveLiquidationCall.selector.hex  // "0x00a718a9"
/// ContractFunction(selector: 0xa9059cbb)             // .erc20Transfer
/// ```
///
/// Signatures are those of the deployed contracts: Aave v3 `Pool`, Compound v2 `CErc20`,
/// Uniswap v2 `UniswapV2Pair` and `UniswapV2Router02`, Maker `dss` (`Cat`, `Flipper`, `Dog`, `Clipper`, `Vat`,
/// `Median`, `OSM`, `Spotter`, `Jug`) and ERC-20 tokens. All selectors are distinct.
public enum ContractFunction: Int, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    // Aave v3 Pool
    case aaveLiquidationCall, aaveSupply, aaveBorrow, aaveRepay, aaveWithdraw
    // Compound v2 CToken
    case compoundLiquidateBorrow, compoundMint, compoundBorrow, compoundRepayBorrow
    // Uniswap v2 pair
    case uniswapV2Swap
    // Maker
    case catBite, flipperTend, flipperDent, flipperDeal, dogBark, clipperTake, clipperRedo
    case vatFrob, medianPoke, osmPoke, spotterPoke, jugDrip
    // ERC-20
    case erc20Transfer, erc20Approve
    // Uniswap v2 Router02 (after the ERC-20 functions so that earlier raw values stay put)
    case uniswapV2SwapExactTokensForTokens

    /// The Solidity function name, e.g. `liquidationCall`.
    public var name: String {
        switch self {
        case .aaveLiquidationCall: "liquidationCall"
        case .aaveSupply: "supply"
        case .aaveBorrow, .compoundBorrow: "borrow"
        case .aaveRepay: "repay"
        case .aaveWithdraw: "withdraw"
        case .compoundLiquidateBorrow: "liquidateBorrow"
        case .compoundMint: "mint"
        case .compoundRepayBorrow: "repayBorrow"
        case .uniswapV2Swap: "swap"
        case .catBite: "bite"
        case .flipperTend: "tend"
        case .flipperDent: "dent"
        case .flipperDeal: "deal"
        case .dogBark: "bark"
        case .clipperTake: "take"
        case .clipperRedo: "redo"
        case .vatFrob: "frob"
        case .medianPoke, .osmPoke, .spotterPoke: "poke"
        case .jugDrip: "drip"
        case .erc20Transfer: "transfer"
        case .erc20Approve: "approve"
        case .uniswapV2SwapExactTokensForTokens: "swapExactTokensForTokens"
        }
    }

    /// The contract that declares the function, e.g. `Aave v3 Pool`.
    public var contract: String {
        switch self {
        case .aaveLiquidationCall, .aaveSupply, .aaveBorrow, .aaveRepay, .aaveWithdraw: "Aave v3 Pool"
        case .compoundLiquidateBorrow, .compoundMint, .compoundBorrow, .compoundRepayBorrow: "Compound v2 CToken"
        case .uniswapV2Swap: "Uniswap v2 Pair"
        case .catBite: "Maker Cat"
        case .flipperTend, .flipperDent, .flipperDeal: "Maker Flipper"
        case .dogBark: "Maker Dog"
        case .clipperTake, .clipperRedo: "Maker Clipper"
        case .vatFrob: "Maker Vat"
        case .medianPoke: "Maker Median"
        case .osmPoke: "Maker OSM"
        case .spotterPoke: "Maker Spotter"
        case .jugDrip: "Maker Jug"
        case .erc20Transfer, .erc20Approve: "ERC-20 token"
        case .uniswapV2SwapExactTokensForTokens: "Uniswap v2 Router02"
        }
    }

    /// The parameters, named as in the contract's source.
    public var parameters: [ABIParameter] {
        switch self {
        case .aaveLiquidationCall:
            [.init("collateralAsset", .address), .init("debtAsset", .address), .init("user", .address),
             .init("debtToCover", .uint256), .init("receiveAToken", .bool)]
        case .aaveSupply:
            [.init("asset", .address), .init("amount", .uint256), .init("onBehalfOf", .address),
             .init("referralCode", .uint(16))]
        case .aaveBorrow:
            [.init("asset", .address), .init("amount", .uint256), .init("interestRateMode", .uint256),
             .init("referralCode", .uint(16)), .init("onBehalfOf", .address)]
        case .aaveRepay:
            [.init("asset", .address), .init("amount", .uint256), .init("interestRateMode", .uint256),
             .init("onBehalfOf", .address)]
        case .aaveWithdraw:
            [.init("asset", .address), .init("amount", .uint256), .init("to", .address)]
        case .compoundLiquidateBorrow:
            [.init("borrower", .address), .init("repayAmount", .uint256), .init("cTokenCollateral", .address)]
        case .compoundMint:
            [.init("mintAmount", .uint256)]
        case .compoundBorrow:
            [.init("borrowAmount", .uint256)]
        case .compoundRepayBorrow:
            [.init("repayAmount", .uint256)]
        case .uniswapV2Swap:
            [.init("amount0Out", .uint256), .init("amount1Out", .uint256), .init("to", .address), .init("data", .bytes)]
        case .catBite:
            [.init("ilk", .bytes32), .init("urn", .address)]
        case .flipperTend, .flipperDent:
            [.init("id", .uint256), .init("lot", .uint256), .init("bid", .uint256)]
        case .flipperDeal:
            [.init("id", .uint256)]
        case .dogBark:
            [.init("ilk", .bytes32), .init("urn", .address), .init("kpr", .address)]
        case .clipperTake:
            [.init("id", .uint256), .init("amt", .uint256), .init("max", .uint256), .init("who", .address),
             .init("data", .bytes)]
        case .clipperRedo:
            [.init("id", .uint256), .init("kpr", .address)]
        case .vatFrob:
            [.init("i", .bytes32), .init("u", .address), .init("v", .address), .init("w", .address),
             .init("dink", .int256), .init("dart", .int256)]
        case .medianPoke:
            [.init("val_", .array(.uint256)), .init("age_", .array(.uint256)), .init("v", .array(.uint(8))),
             .init("r", .array(.bytes32)), .init("s", .array(.bytes32))]
        case .osmPoke:
            []
        case .spotterPoke, .jugDrip:
            [.init("ilk", .bytes32)]
        case .erc20Transfer:
            [.init("to", .address), .init("amount", .uint256)]
        case .erc20Approve:
            [.init("spender", .address), .init("amount", .uint256)]
        case .uniswapV2SwapExactTokensForTokens:
            [.init("amountIn", .uint256), .init("amountOutMin", .uint256), .init("path", .array(.address)),
             .init("to", .address), .init("deadline", .uint256)]
        }
    }

    /// The canonical signature, e.g. `transfer(address,uint256)`.
    public var signature: String { selector.signature }

    /// The selector, computed from the signature once per process.
    public var selector: FunctionSelector { Self.selectors[rawValue] }

    /// The function with this selector, or `nil` when none has it.
    public init?(selector: UInt32) {
        guard let function = Self.bySelector[selector] else { return nil }
        self = function
    }

    /// The contract and the Solidity declaration, e.g. `ERC-20 token transfer(address to,uint256 amount)`.
    public var description: String {
        "\(contract) \(name)(" + parameters.map(\.description).joined(separator: ",") + ")"
    }

    private static let selectors: [FunctionSelector] = allCases.map {
        FunctionSelector(name: $0.name, parameterTypes: $0.parameters.map(\.type))
    }

    private static let bySelector: [UInt32: ContractFunction] = {
        let table = Dictionary(allCases.map { ($0.selector.selector, $0) }, uniquingKeysWith: { first, _ in first })
        precondition(table.count == allCases.count, "two contract functions share a selector")
        return table
    }()
}
