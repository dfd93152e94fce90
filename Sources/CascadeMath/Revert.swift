/// Why a modelled contract call failed: the Swift form of a Solidity `revert`.
///
/// Arithmetic failures mirror Solidity ≥ 0.8's checked arithmetic, which reverts with
/// `Panic(uint256)`: code `0x11` for overflow and underflow, `0x12` for division or modulo
/// by zero. Protocol models add their own reasons (`require` strings and custom errors).
public enum Revert: Error, Hashable, Sendable, CustomStringConvertible {
    /// The result does not fit the type (Solidity `Panic(0x11)`).
    case overflow
    /// An unsigned subtraction went below zero (Solidity `Panic(0x11)`).
    case underflow
    /// Division or modulo by zero (Solidity `Panic(0x12)`).
    case divisionByZero
    /// A `require(…, reason)` or custom error of the modelled contract, by its name or string.
    case reason(String)

    /// The Solidity panic code for arithmetic reverts, `nil` for protocol reasons.
    public var panicCode: UInt8? {
        switch self {
        case .overflow, .underflow: 0x11
        case .divisionByZero: 0x12
        case .reason: nil
        }
    }

    public var description: String {
        switch self {
        case .overflow: "arithmetic overflow (Panic 0x11)"
        case .underflow: "arithmetic underflow (Panic 0x11)"
        case .divisionByZero: "division or modulo by zero (Panic 0x12)"
        case .reason(let text): text
        }
    }
}
