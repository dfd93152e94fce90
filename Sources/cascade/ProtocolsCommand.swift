import ArgumentParser

/// `cascade protocols …`: work with protocol definition files (`protocols/*.toml`).
struct ProtocolsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protocols",
        abstract: "Work with protocol definition files (protocols/*.toml, see docs/protocols.md).",
        subcommands: [ProtocolsCheck.self]
    )
}
