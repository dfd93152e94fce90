import CascadeProtocols

/// A protocol deployment read from a `protocols/*.toml` file: which kind, and its validated
/// parameters. Built by ``ProtocolDefinitionLoader``; the file's `kind` key picks the case.
public enum ProtocolDefinition: Sendable, Hashable {
    /// `kind = "aave-v3"`.
    case aaveV3(AaveV3Definition)
    /// `kind = "compound-v2"`.
    case compoundV2(CompoundV2Definition)
    /// `kind = "maker"`.
    case maker(MakerParameters)
    /// `kind = "uniswap-v2"`.
    case uniswapV2(UniswapV2Definition)

    /// The `kind` value of the file.
    public var kind: String {
        switch self {
        case .aaveV3: "aave-v3"
        case .compoundV2: "compound-v2"
        case .maker: "maker"
        case .uniswapV2: "uniswap-v2"
        }
    }

    /// Reserves, markets, collateral types or pairs.
    public var marketCount: Int {
        switch self {
        case .aaveV3(let definition): definition.reserves.count
        case .compoundV2(let definition): definition.markets.count
        case .maker(let parameters): parameters.ilks.count
        case .uniswapV2(let definition): definition.pairs.count
        }
    }
}
