/// Parameters that cannot deploy a ``Maker``: every problem found, each naming the key, what
/// was expected and what was found (``MakerParameters/validationErrors()``).
public struct MakerParameterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One message per problem, e.g. `ilks.ETH-A.cusp: expected < 1, found 1.2`.
    public let messages: [String]

    public init(messages: [String]) {
        self.messages = messages
    }

    public var description: String { messages.joined(separator: "\n") }
}
