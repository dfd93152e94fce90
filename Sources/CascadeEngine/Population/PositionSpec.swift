/// One position to open at the start of a run, in USD at the scenario's start price: a Maker
/// vault (`frob`) or a lending account (supply, then borrow) that the engine turns into protocol
/// state.
///
/// Floating point: a model input. The engine converts it into exact token amounts with a
/// documented rounding when it opens the position.
public struct PositionSpec: Sendable, Hashable {
    /// The debt, USD (> 0).
    public let debtUSD: Double
    /// Collateral value over debt at the start price, e.g. 2.5 for 250 % (> 1).
    public let collateralRatio: Double

    public init(debtUSD: Double, collateralRatio: Double) {
        self.debtUSD = debtUSD
        self.collateralRatio = collateralRatio
    }

    /// The collateral's value, USD: `debtUSD · collateralRatio`.
    public var collateralUSD: Double { debtUSD * collateralRatio }
}
