import CascadeChain
import CascadeProtocols

extension ProtocolDefinitionLoader {
    /// `[comptroller]` and `[markets.cTOKEN]` / `[markets.cTOKEN.interest_rate]` tables, and `[gas]`.
    static func readCompound(_ r: inout KeyReader) throws(ConfigurationError) -> CompoundV2Definition {
        let mantissa = "mantissa, 1e18 = 1; \"0.5\" or \"50%\""
        let comptroller = CompoundComptrollerConfiguration(
            name: r.value("comptroller.name") == nil ? "compound-v2" : try r.string("comptroller.name"),
            closeFactorMantissa: try r.amount("comptroller.close_factor", decimals: 18, unit: mantissa),
            liquidationIncentiveMantissa: try r.amount("comptroller.liquidation_incentive", decimals: 18, unit: mantissa),
            seizePaused: try r.bool("comptroller.seize_paused", default: false),
            gasSchedule: try readGas(&r, defaults: CompoundGasSchedule.default))
        let names = r.children(of: "markets")
        if names.isEmpty { throw r.error("markets", expected: "at least one [markets.cTOKEN] table", found: "none") }
        var markets: [CompoundV2Definition.Market] = []
        for name in names {
            let key = "markets.\(name)"
            let decimals = try r.uint64("\(key).underlying_decimals", unit: "token decimals, 0…77")
            guard decimals <= 77 else { throw r.error("\(key).underlying_decimals", expected: "0…77", found: "\(decimals)") }
            let underlying = Token(address: try r.address("\(key).underlying_address"),
                                   symbol: try r.string("\(key).underlying_symbol"), decimals: UInt8(decimals))
            let rate = "\(key).interest_rate"
            let yearly = "mantissa a year, 1e18 = 100 %; \"0.05\" or \"5%\""
            let configuration = CompoundMarketConfiguration(
                collateralFactorMantissa: try r.amount("\(key).collateral_factor", decimals: 18, unit: mantissa),
                reserveFactorMantissa: try r.amount("\(key).reserve_factor", decimals: 18, unit: mantissa),
                initialExchangeRateMantissa: try r.amount("\(key).initial_exchange_rate", decimals: 0,
                                                          unit: "raw mantissa scaled by 10^(18 + underlying decimals − 8)"),
                protocolSeizeShareMantissa: try r.amount("\(key).protocol_seize_share", decimals: 18, unit: mantissa,
                                                         default: CompoundMarketConfiguration.protocolSeizeShare2021),
                borrowCap: try r.amount("\(key).borrow_cap", decimals: Int(decimals), unit: "underlying tokens, 0 = none", default: .zero),
                interestRateModel: CompoundJumpRateModel(
                    baseRatePerYear: try r.amount("\(rate).base_rate_per_year", decimals: 18, unit: yearly),
                    multiplierPerYear: try r.amount("\(rate).multiplier_per_year", decimals: 18, unit: yearly),
                    jumpMultiplierPerYear: try r.amount("\(rate).jump_multiplier_per_year", decimals: 18, unit: yearly),
                    kink: try r.amount("\(rate).kink", decimals: 18, unit: mantissa)))
            markets.append(.init(name: name, underlying: underlying, configuration: configuration))
        }
        return CompoundV2Definition(comptroller: comptroller, markets: markets)
    }
}
