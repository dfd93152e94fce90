/// A named, typed function parameter, as declared in Solidity (`address collateralAsset`).
public struct ABIParameter: Hashable, Sendable, CustomStringConvertible {
    /// The parameter's name in the contract's source, e.g. `debtToCover`.
    public let name: String
    /// The parameter's type.
    public let type: ABIType

    /// A parameter called `name` of type `type`.
    public init(_ name: String, _ type: ABIType) {
        self.name = name
        self.type = type
    }

    /// The Solidity declaration, e.g. `uint256 debtToCover`.
    public var description: String { "\(type) \(name)" }
}
