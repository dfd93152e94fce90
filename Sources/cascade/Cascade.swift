import ArgumentParser

/// The `cascade` command: DeFi cascade-risk simulation under congestion.
@main
struct Cascade: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cascade",
        abstract: "Simulate DeFi liquidation cascades under price crashes and block-space congestion.",
        discussion: """
            Cascade simulates, block by block, lending pools, CDP vaults with liquidation auctions, \
            AMMs and oracles, the agents acting on them, and the fee market they compete in. \
            Amounts use exact 256-bit integer arithmetic; agent transactions are real signed \
            Ethereum transactions. See README.md and docs/ for the file formats and metrics.
            """,
        version: CascadeVersion.string,
        subcommands: [RunCommand.self, MonteCarloCommand.self, SweepCommand.self, AttributeCommand.self, ReportCommand.self,
                      VerifyCommand.self, RunsCommand.self, SelfCheck.self, TransactionCommand.self, ProtocolsCommand.self]
    )
}
