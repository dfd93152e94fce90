/// How a collateral type is liquidated: by the Cat and a Flipper (English auction, 2019–2021)
/// or by the Dog and a Clipper (Dutch auction, Liquidations 2.0).
public enum MakerLiquidation: Sendable, Hashable {
    case flip(FlipParameters)
    case clip(ClipParameters)
}
