/// A user-facing failure of a command: ArgumentParser prints `Error: <message>` and exits 1.
struct CommandError: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}
