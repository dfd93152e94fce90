import CascadeMath

extension Jug {
    /// A collateral type's stability fee (makerdao/dss `src/jug.sol`, `struct Ilk`).
    public struct Ilk: Sendable, Hashable {
        /// Per-second stability fee contribution, e.g. `1000000000627937192491029810` ≈ 2 %/year. [ray]
        public var duty: UInt256
        /// Time of the last `drip`. [unix seconds]
        public var rho: UInt64

        public init(duty: UInt256 = .zero, rho: UInt64 = 0) {
            self.duty = duty
            self.rho = rho
        }
    }
}
