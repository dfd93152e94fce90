import CascadeChain

/// What one refresh of a liquidatable set (``UnsafeVaults``, ``CompoundShortfalls``) changed.
public struct LiquidatableSetChange: Sendable {
    /// Owners whose positions became liquidatable, in the set's order.
    public var entered: [Address] = []
    /// Owners whose positions no longer are (made safe, liquidated or closed), by address bytes.
    public var left: [Address] = []
    /// Positions checked exactly.
    public var examined = 0

    public init() {}
}
