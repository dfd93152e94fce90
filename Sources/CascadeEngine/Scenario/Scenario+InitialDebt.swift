extension PopulationConfiguration {
    /// The debt the positions open with (USD at the start prices): ``SyntheticPopulation/totalDebtUSD``,
    /// which the generated debts sum to, or the sum of the listed debts.
    public var debtUSD: Double {
        switch source {
        case .synthetic(let population): population.totalDebtUSD
        case .listed(let positions): positions.reduce(0) { $0 + $1.debtUSD }
        }
    }
}

extension Scenario {
    /// The debt of every population, Maker and lending, at the start (USD at the start prices):
    /// the denominator of the insolvency fraction (``RiskMeasures``). Keepers' own funding
    /// vaults and passive liquidity are not positions and do not count.
    public var initialDebtUSD: Double {
        populations.reduce(0) { $0 + $1.configuration.debtUSD } + lending.populations.reduce(0) { $0 + $1.configuration.debtUSD }
    }
}
