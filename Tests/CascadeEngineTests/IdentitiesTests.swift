import CascadeAgents
import CascadeChain
import CascadeMath
@testable import CascadeEngine
import XCTest

/// Names — account and contract addresses, agent keys — come from the scenario's own seed, not
/// the run's, and the keys a Monte Carlo run shares never change a result.
final class IdentitiesTests: XCTestCase {
    /// Two runs with different seeds draw different worlds with the same names: the same agents
    /// at the same addresses, and each vault owner at the same address whenever it is drawn to
    /// defend (a key of its own) in both or in neither (a derived address).
    func testNamesComeFromTheScenarioSeedNotTheRunSeed() throws {
        let scenario = try MonteCarloTests.scenario()
        let first = try WorldBuilder.build(scenario, seed: 1, signing: false)
        let second = try WorldBuilder.build(scenario, seed: 2, signing: false)
        XCTAssertEqual(Self.agentAddresses(first), Self.agentAddresses(second))
        XCTAssertFalse(Self.agentAddresses(first).isEmpty)
        let (firstDefenders, secondDefenders) = (Self.defenders(first), Self.defenders(second))
        XCTAssertNotEqual(firstDefenders, secondDefenders, "who defends is drawn from the run's seed")
        var compared = 0
        for (ilk, owners) in first.makerVaults {
            for (index, owner) in owners.enumerated() {
                let other = try XCTUnwrap(second.makerVaults[ilk]?[index])
                guard firstDefenders.contains(owner) == secondDefenders.contains(other) else { continue }
                XCTAssertEqual(owner, other, "vault \(index)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 100)

        var other = scenario
        other.seed &+= 1
        let renamed = try WorldBuilder.build(other, seed: 1, signing: false)
        XCTAssertTrue(Set(Self.agentAddresses(renamed)).isDisjoint(with: Self.agentAddresses(first)),
                      "another scenario seed, other names")
        XCTAssertEqual(Self.defenders(renamed).count, firstDefenders.count, "but the same draws")
    }

    /// A shared cache gives each key once and the same results as fresh derivations, from any
    /// number of threads.
    func testSharedSignersChangeNoResult() throws {
        let scenario = try MonteCarloTests.scenario()
        let seed = MonteCarlo.pathSeed(scenario.seed, path: 2)
        let signers = SignerCache()
        let fresh = try MonteCarlo.simulate(scenario, seed: seed)
        XCTAssertEqual(try MonteCarlo.simulate(scenario, seed: seed, signers: signers), fresh)
        let kept = signers.count
        XCTAssertGreaterThan(kept, 0)
        XCTAssertEqual(try MonteCarlo.simulate(scenario, seed: seed, signers: signers), fresh, "every key from the cache")
        XCTAssertEqual(signers.count, kept, "nothing derived twice")

        let concurrent = SignerCache()
        let labels = (0..<64).map { "agent/\($0 % 8)" }
        let found = try ParallelMap.map(count: labels.count, jobs: 2) { (index: Int) throws(WorldBuilder.BuildError) in
            concurrent.signer(seed: 7, label: labels[index], index: UInt64(index % 3))
        }
        for (index, signer) in found.enumerated() {
            XCTAssertEqual(signer, Signer(key: PrivateKey.derive(seed: 7, label: labels[index], index: UInt64(index % 3))))
        }
        XCTAssertEqual(concurrent.count, 24, "8 labels × 3 indexes")
    }

    /// The addresses of the agents other than the owners' groups (whose address is the first
    /// owner drawn to defend).
    private static func agentAddresses(_ world: World) -> [Address] {
        world.agents.compactMap { if case .borrowers = $0 { nil } else { $0.address } }
    }

    /// The owners drawn to defend.
    private static func defenders(_ world: World) -> Set<Address> {
        Set(world.agents.flatMap { agent -> [Address] in
            guard case .borrowers(let group) = agent else { return [] }
            return group.owners.map(\.account.address)
        })
    }
}
