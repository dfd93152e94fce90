/// One argument of a call: the parameter's name and type, and the value passed.
///
/// Made for printing, e.g. as JSON `{"name": "debtToCover", "type": "uint256", "value": "1000"}`.
public struct ABIArgument: Hashable, Sendable, CustomStringConvertible {
    /// The parameter's name in the contract's source.
    public let name: String
    /// The parameter's type.
    public let type: ABIType
    /// The value passed.
    public let value: ABIValue

    /// The argument `name` of type `type` holding `value`.
    public init(name: String, type: ABIType, value: ABIValue) {
        self.name = name
        self.type = type
        self.value = value
    }

    /// The value as text (``ABIValue/description``): decimal integers, `0x` lowercase hex for
    /// addresses and bytes, `true`/`false`, `[a,b]` for arrays.
    public var valueString: String { value.description }

    /// `type name = value`, e.g. `uint256 debtToCover = 1000`.
    public var description: String { "\(type) \(name) = \(valueString)" }
}
