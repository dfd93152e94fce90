import CascadeEngine

/// The metrics of one simulated path: a row of `paths.csv` (docs/outputs.md) and of the
/// `run_paths` table. A `run` is recorded as one path (path 0, the run's seed).
public struct PathRecord: Sendable, Equatable {
    /// The path index, from 0 in path order.
    public var path: Int
    /// The path's seed (decimal: seeds exceed 2⁶³).
    public var seed: String
    /// Bad debt at the end of the path, USD.
    public var badDebtUSD: Double
    /// Debt covered by liquidations, USD.
    public var liquidatedDebtUSD: Double
    /// Successful liquidations.
    public var liquidations: Int
    /// Settled auctions won with a bid of at most 1 DAI.
    public var zeroBidAuctions: Int
    /// Nearest-rank percentiles and maximum of the liquidation delays, blocks; `nil` without liquidations.
    public var delayP50Blocks: Int?
    public var delayP90Blocks: Int?
    public var delayMaxBlocks: Int?
    /// Deepest cascade generation.
    public var cascadeDepth: Int
    /// Share of liquidations caused by earlier liquidations, 0…1.
    public var endogenousShare: Double

    public init(path: Int, seed: String, badDebtUSD: Double, liquidatedDebtUSD: Double, liquidations: Int,
                zeroBidAuctions: Int, delayP50Blocks: Int?, delayP90Blocks: Int?, delayMaxBlocks: Int?,
                cascadeDepth: Int, endogenousShare: Double) {
        self.path = path
        self.seed = seed
        self.badDebtUSD = badDebtUSD
        self.liquidatedDebtUSD = liquidatedDebtUSD
        self.liquidations = liquidations
        self.zeroBidAuctions = zeroBidAuctions
        self.delayP50Blocks = delayP50Blocks
        self.delayP90Blocks = delayP90Blocks
        self.delayMaxBlocks = delayMaxBlocks
        self.cascadeDepth = cascadeDepth
        self.endogenousShare = endogenousShare
    }

    /// The CSV columns, in order: those of `paths.csv`.
    public static let columns = MonteCarloResult.csvColumns

    /// The CSV fields, in ``columns`` order: numbers in JSON form (shortest round trip), an
    /// empty field for a missing delay.
    public var csvFields: [String] {
        [String(path), seed, Self.format(badDebtUSD), Self.format(liquidatedDebtUSD), String(liquidations), String(zeroBidAuctions),
         delayP50Blocks.map(String.init) ?? "", delayP90Blocks.map(String.init) ?? "", delayMaxBlocks.map(String.init) ?? "",
         String(cascadeDepth), Self.format(endogenousShare)]
    }

    /// `rows` as CSV text: the header line, then one line per row, each ending in a newline.
    public static func csv(_ rows: [PathRecord]) -> String {
        ([columns] + rows.map(\.csvFields)).map { $0.joined(separator: ",") + "\n" }.joined()
    }

    /// Reads CSV text with at least the ``columns`` (any order; other columns are ignored).
    /// - Throws: ``RunStoreError`` naming `file`, the line and the column.
    public static func parseCSV(_ text: String, file: String) throws(RunStoreError) -> [PathRecord] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)  // "\n" or "\r\n"
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else {
            throw RunStoreError(file: file, "expected a header line, found an empty file")
        }
        var index: [String: Int] = [:]
        for column in columns {
            guard let position = header.firstIndex(of: column) else {
                throw RunStoreError(file: file, "line 1: expected a column '\(column)', found \(header.joined(separator: ","))")
            }
            index[column] = position
        }
        var rows: [PathRecord] = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == header.count else {
                throw RunStoreError(file: file, "line \(offset + 1): expected \(header.count) fields, found \(fields.count)")
            }
            let reader = FieldReader(fields: fields, index: index, file: file, line: offset + 1)
            rows.append(PathRecord(
                path: try reader.integer("path"), seed: try reader.seed(),
                badDebtUSD: try reader.number("bad_debt_usd"), liquidatedDebtUSD: try reader.number("liquidated_debt_usd"),
                liquidations: try reader.integer("liquidations"), zeroBidAuctions: try reader.integer("zero_bid_auctions"),
                delayP50Blocks: try reader.optionalInteger("delay_p50_blocks"),
                delayP90Blocks: try reader.optionalInteger("delay_p90_blocks"),
                delayMaxBlocks: try reader.optionalInteger("delay_max_blocks"),
                cascadeDepth: try reader.integer("cascade_depth"), endogenousShare: try reader.number("endogenous_share")))
        }
        return rows
    }

    static func format(_ value: Double) -> String { JSONValue.number(value).serialized() }

    /// Typed access to the fields of one CSV line, with located errors.
    private struct FieldReader {
        let fields: [String]
        let index: [String: Int]
        let file: String
        let line: Int

        func field(_ column: String) -> String { fields[index[column]!] }

        func failure(_ column: String, _ expected: String) -> RunStoreError {
            RunStoreError(file: file, "line \(line): \(column): expected \(expected), found '\(field(column))'")
        }

        func integer(_ column: String) throws(RunStoreError) -> Int {
            guard let value = Int(field(column)), value >= 0 else { throw failure(column, "a non-negative integer") }
            return value
        }

        func optionalInteger(_ column: String) throws(RunStoreError) -> Int? {
            field(column).isEmpty ? nil : try integer(column)
        }

        func number(_ column: String) throws(RunStoreError) -> Double {
            guard let value = Double(field(column)), value.isFinite else { throw failure(column, "a finite number") }
            return value
        }

        func seed() throws(RunStoreError) -> String {
            guard UInt64(field("seed")) != nil else { throw failure("seed", "a 64-bit unsigned integer") }
            return field("seed")
        }
    }
}
