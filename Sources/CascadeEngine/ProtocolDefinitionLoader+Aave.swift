import CascadeChain
import CascadeProtocols

extension ProtocolDefinitionLoader {
    /// `[pool]` and `[reserves.SYMBOL]` / `[reserves.SYMBOL.interest_rate]` tables, and `[gas]`.
    static func readAave(_ r: inout KeyReader) throws(ConfigurationError) -> AaveV3Definition {
        let pool = AavePoolConfiguration(
            name: r.value("pool.name") == nil ? "aave-v3" : try r.string("pool.name"),
            address: try r.address("pool.address"),
            treasury: try r.address("pool.treasury"),
            liquidationRules: AaveLiquidationRules(rawValue: try r.choice(
                "pool.liquidation_rules", among: AaveLiquidationRules.allCases.map(\.rawValue)))!,
            gasSchedule: try readGas(&r, defaults: AaveGasSchedule.default))
        let symbols = r.children(of: "reserves")
        if symbols.isEmpty { throw r.error("reserves", expected: "at least one [reserves.SYMBOL] table", found: "none") }
        var reserves: [AaveV3Definition.Reserve] = []
        for symbol in symbols {
            let key = "reserves.\(symbol)"
            let decimals = try r.uint64("\(key).decimals", unit: "token decimals, 0…77")
            guard decimals <= 77 else { throw r.error("\(key).decimals", expected: "0…77", found: "\(decimals)") }
            let token = Token(address: try r.address("\(key).address"), symbol: symbol, decimals: UInt8(decimals))
            func bps(_ name: String) throws(ConfigurationError) -> UInt64 {
                try r.uint64("\(key).\(name)", decimals: 4, unit: "basis points; \"80.5%\" or 8050")
            }
            let rate = "\(key).interest_rate"
            func rateBps(_ name: String) throws(ConfigurationError) -> UInt64 {
                try r.uint64("\(rate).\(name)", decimals: 4, unit: "basis points a year; \"2.7%\" or 270")
            }
            let configuration = AaveReserveConfiguration(
                ltv: try bps("ltv"),
                liquidationThreshold: try bps("liquidation_threshold"),
                liquidationBonus: try bps("liquidation_bonus"),
                liquidationProtocolFee: try bps("liquidation_protocol_fee"),
                reserveFactor: try bps("reserve_factor"),
                supplyCap: try r.uint64("\(key).supply_cap", unit: "whole tokens, 0 = no cap", default: 0),
                borrowCap: try r.uint64("\(key).borrow_cap", unit: "whole tokens, 0 = no cap", default: 0),
                isActive: try r.bool("\(key).is_active", default: true),
                isFrozen: try r.bool("\(key).is_frozen", default: false),
                isPaused: try r.bool("\(key).is_paused", default: false),
                borrowingEnabled: try r.bool("\(key).borrowing_enabled", default: true),
                interestRateStrategy: AaveInterestRateStrategy(
                    optimalUsageRatio: try rateBps("optimal_usage_ratio"),
                    baseVariableBorrowRate: try rateBps("base_variable_borrow_rate"),
                    variableRateSlope1: try rateBps("variable_rate_slope1"),
                    variableRateSlope2: try rateBps("variable_rate_slope2")))
            reserves.append(.init(token: token, configuration: configuration))
        }
        return AaveV3Definition(pool: pool, reserves: reserves)
    }
}
