/// A failure of the run store, naming the database or output file concerned and what is wrong.
public struct RunStoreError: Error, CustomStringConvertible, Sendable {
    /// The database file, or the output file that could not be recorded.
    public let file: String
    /// What is wrong, e.g. `no run with id 7`.
    public let message: String

    public init(file: String, _ message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
