import CascadeChain
import CascadeMath

/// Deployment-wide settings of an Aave v3 pool.
public struct AavePoolConfiguration: Sendable, Hashable {
    /// The protocol instance's name in traces (``ProtocolEvent/source``), e.g. `"aave-v3"`.
    public var name: String
    /// The pool's address: it holds every reserve's underlying in the ``TokenLedger`` (on chain
    /// each aToken contract holds its own) and is the spender users approve.
    public var address: Address
    /// `RESERVE_TREASURY_ADDRESS`: receives the liquidation protocol fee as aTokens.
    public var treasury: Address
    /// Which liquidation rules apply.
    public var liquidationRules: AaveLiquidationRules
    /// Gas per call.
    public var gasSchedule: AaveGasSchedule

    public init(name: String = "aave-v3", address: Address, treasury: Address,
                liquidationRules: AaveLiquidationRules = .v3_3, gasSchedule: AaveGasSchedule = .default) {
        self.name = name
        self.address = address
        self.treasury = treasury
        self.liquidationRules = liquidationRules
        self.gasSchedule = gasSchedule
    }

    /// `ValidationLogic.HEALTH_FACTOR_LIQUIDATION_THRESHOLD`: 1.0, wad.
    public static let healthFactorLiquidationThreshold = UInt256(1_000_000_000_000_000_000 as UInt64)
    /// `LiquidationLogic.CLOSE_FACTOR_HF_THRESHOLD`: 0.95, wad.
    public static let closeFactorHealthFactorThreshold = UInt256(950_000_000_000_000_000 as UInt64)
    /// `DEFAULT_LIQUIDATION_CLOSE_FACTOR`: 50 %, bps.
    public static let defaultLiquidationCloseFactor = UInt256(5_000 as UInt64)
    /// `MAX_LIQUIDATION_CLOSE_FACTOR` of v3.0–v3.2: 100 %, bps.
    public static let maxLiquidationCloseFactor = UInt256(10_000 as UInt64)
    /// `MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD`: $2,000 in the base currency (8 decimals). The constant
    /// assumes a USD base with 8 decimals, as on the Ethereum pools.
    public static let minBaseMaxCloseFactorThreshold = UInt256(2_000_0000_0000 as UInt64)
    /// `MIN_LEFTOVER_BASE`: half of the above, $1,000.
    public static let minLeftoverBase = UInt256(1_000_0000_0000 as UInt64)
}
