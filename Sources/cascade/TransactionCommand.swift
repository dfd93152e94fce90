import ArgumentParser

/// `cascade tx …`: work with raw Ethereum transactions.
struct TransactionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tx",
        abstract: "Work with raw signed Ethereum transactions (as found in a run's trace).",
        subcommands: [TransactionDecode.self]
    )
}
