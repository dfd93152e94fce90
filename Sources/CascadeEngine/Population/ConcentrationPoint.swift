/// One point of a debt concentration curve: the `top` largest positions hold `debtShare` of the
/// total debt (e.g. top 3 hold 0.25).
public struct ConcentrationPoint: Sendable, Hashable {
    /// How many of the largest positions (≥ 1).
    public let top: Int
    /// Their share of the total debt, in (0, 1].
    public let debtShare: Double

    public init(top: Int, debtShare: Double) {
        self.top = top
        self.debtShare = debtShare
    }
}
