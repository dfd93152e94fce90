/// Gas that a Uniswap v2 pair's calls use, per transaction, as a receipt's `gasUsed` reports it:
/// the 21,000 intrinsic gas and the calldata are included.
///
/// Defaults and their sources:
///
/// | field | default | source |
/// | --- | --- | --- |
/// | `swap` | 73,462 | Uniswap/v2-core `test/UniswapV2Pair.spec.ts`, test `swap:gas`: a direct `pair.swap` after the input was transferred (Istanbul rules) |
/// | `routerSwap` | 115,000 | REFERENCE.md: a one-hop router swap uses ≈ 109k–121k; the midpoint |
/// | `mint`, `burn` | 130,000, 110,000 | estimate: two token balance reads, the LP mint or burn, reserve and accumulator writes |
/// | `sync`, `skim` | 45,000, 60,000 | estimate: two balance reads and a reserve write; two token transfers |
/// | `revertedSwap` | 30,000 | estimate: a swap that fails its checks burns the intrinsic gas and the reads before its `require` |
///
/// Gas under Berlin (EIP-2929) cold-access pricing is somewhat higher than the Istanbul-era test
/// figure; scenarios that care should calibrate these numbers and cite their source.
public struct UniswapV2GasSchedule: GasSchedule, Hashable {
    /// A direct `swap` call (the input already sent to the pair).
    public var swap: UInt64
    /// A router swap: the transfer of the input and the pair's `swap` in one transaction.
    public var routerSwap: UInt64
    /// Adding liquidity (`mint`).
    public var mint: UInt64
    /// Removing liquidity (`burn`).
    public var burn: UInt64
    /// `sync`.
    public var sync: UInt64
    /// `skim`.
    public var skim: UInt64
    /// What a reverted swap burns.
    public var revertedSwap: UInt64

    public init(
        swap: UInt64 = 73_462, routerSwap: UInt64 = 115_000, mint: UInt64 = 130_000, burn: UInt64 = 110_000,
        sync: UInt64 = 45_000, skim: UInt64 = 60_000, revertedSwap: UInt64 = 30_000
    ) {
        self.swap = swap
        self.routerSwap = routerSwap
        self.mint = mint
        self.burn = burn
        self.sync = sync
        self.skim = skim
        self.revertedSwap = revertedSwap
    }
}

extension UniswapV2GasSchedule {
    /// The entries by their protocol-file names (`[gas]` table).
    public static var entries: [GasScheduleEntry<UniswapV2GasSchedule>] {
        [
            GasScheduleEntry("swap", \.swap),
            GasScheduleEntry("router_swap", \.routerSwap),
            GasScheduleEntry("mint", \.mint),
            GasScheduleEntry("burn", \.burn),
            GasScheduleEntry("sync", \.sync),
            GasScheduleEntry("skim", \.skim),
            GasScheduleEntry("reverted_swap", \.revertedSwap),
        ]
    }
}
