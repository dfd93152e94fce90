/// A protocol parameter that a deployment would reject: which key, what was expected, what was
/// found.
///
/// The parameter structs' `validationErrors(key:)` methods return these; the protocol-file loader
/// adds the file and line. Keys are the dotted paths of the protocol TOML files, e.g.
/// `reserves.WETH.liquidation_threshold` or `markets.cETH.collateral_factor`.
///
/// ```swift
/// ParameterError(key: "reserves.WETH.liquidation_threshold",
///                expected: "≥ ltv (8050)", found: "8000").description
/// // "reserves.WETH.liquidation_threshold: expected ≥ ltv (8050), found 8000"
/// ```
public struct ParameterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The dotted parameter key.
    public let key: String
    /// What the protocol accepts, in words and numbers.
    public let expected: String
    /// The value found.
    public let found: String

    public init(key: String, expected: String, found: String) {
        self.key = key
        self.expected = expected
        self.found = found
    }

    public var description: String { "\(key): expected \(expected), found \(found)" }
}
