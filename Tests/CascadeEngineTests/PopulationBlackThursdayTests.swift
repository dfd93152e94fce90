import CascadeMath
import Foundation
import XCTest

@testable import CascadeEngine

/// The Black Thursday ETH-A books of docs/population.md, read from the document itself: the
/// figures the document states are the ones the generator produces.
final class PopulationBlackThursdayTests: XCTestCase {
    /// The ```toml block of docs/population.md that defines `[table]`, read and generated.
    func book(_ table: String, seed: UInt64 = 1) throws -> [PositionSpec] {
        let path = ProtocolFilesTests.root.appendingPathComponent("docs/population.md").path
        let blocks = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "```toml\n").dropFirst()
            .map { $0.components(separatedBy: "```")[0] }
        let text = try XCTUnwrap(blocks.first { $0.hasPrefix("[\(table)]") }, "no [\(table)] block in docs/population.md")
        var reader = KeyReader(file: "docs/population.md", document: try TOMLDocument(parsing: text))
        let configuration = try PopulationConfiguration.read(&reader, table: table, dataDirectory: "")
        XCTAssertEqual(reader.unknownKeys(), [])
        return PopulationGenerator.generate(configuration, random: SplitMix64(seed: seed))
    }

    func share(_ positions: [PositionSpec], where include: (PositionSpec) -> Bool) -> Double {
        positions.filter(include).reduce(0) { $0 + $1.debtUSD } / positions.reduce(0) { $0 + $1.debtUSD }
    }

    func meanRatio(_ positions: [PositionSpec]) -> Double {
        positions.reduce(0) { $0 + $1.collateralUSD } / positions.reduce(0) { $0 + $1.debtUSD }
    }

    func testTheFebruaryBook() throws {
        let positions = try book("population.eth-a-feb-2020")
        XCTAssertEqual(positions.count, 4_458)
        XCTAssertEqual(meanRatio(positions), 3.30, accuracy: 0.002, "330 % on 27 Feb")
        XCTAssertEqual(positions.reduce(0) { $0 + $1.collateralUSD } / 226.03, 1.665e6, accuracy: 1e3, "ETH at the implied 27 Feb price")
        // The 20 Feb split, within one position (the largest holds 13.6 %); seed 1 as the document quotes.
        let largest = positions[0].debtUSD / 114e6
        XCTAssertEqual(largest, 0.136, accuracy: 0.001)
        for (ratio, expected, quoted) in [(2.25, 27.0 / 115, 0.234), (2.75, 57.0 / 115, 0.497), (3.0, 65.0 / 115, 0.563)] {
            let below = share(positions) { $0.collateralRatio < ratio }
            XCTAssertEqual(below, expected, accuracy: largest, "below \(ratio)")
            XCTAssertEqual(below, quoted, accuracy: 0.0005, "below \(ratio), as docs/population.md quotes")
        }
        XCTAssertEqual(positions.prefix(3).map { ($0.debtUSD / 1e5).rounded() / 10 }, [15.5, 7.8, 5.2])
        XCTAssertEqual(positions.last!.debtUSD, 1_146, accuracy: 1)
        XCTAssertGreaterThanOrEqual(positions[0].collateralUSD / 226.03, 100_000, "a vault ≥ 35,000 ETH")
        XCTAssertEqual(positions.map(\.collateralRatio).min()!, 1.5, accuracy: 0.001)
    }

    func testTheTwelfthOfMarchBook() throws {
        var atMat: [Double] = []
        for seed in UInt64(1)...5 {
            let positions = try book("population.eth-a-12-march-2020", seed: seed)
            XCTAssertEqual(positions.reduce(0) { $0 + $1.debtUSD }, 100e6, accuracy: 1e-4)
            XCTAssertEqual(meanRatio(positions), 2.856, accuracy: 0.005, "≈ 285 % at the 12 March open")
            XCTAssertEqual(positions.reduce(0) { $0 + $1.collateralUSD } / 195.21, 1.46e6, accuracy: 0.01e6)
            XCTAssertEqual(positions.map(\.collateralRatio).min(), 1.5)
            atMat.append(share(positions) { $0.collateralRatio == 1.5 })
        }
        XCTAssertEqual(atMat.min()!, 0.02, accuracy: 0.005, "docs: 2–8 % over five seeds")
        XCTAssertEqual(atMat.max()!, 0.076, accuracy: 0.005)
    }
}
