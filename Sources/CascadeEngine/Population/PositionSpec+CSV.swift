import Foundation

extension PositionSpec {
    /// Reads a list of positions from CSV text; `source` names it in errors
    /// (`data/vaults.csv:14: collateral_ratio: expected …, found …`).
    ///
    /// **Format.** A header line naming the columns; `debt_usd` and `collateral_ratio` are
    /// required (any order), other columns are ignored. Blank lines and lines starting with `#`
    /// (comments: put each figure's source there) are skipped. Each row is one position: a
    /// positive, finite debt in USD and a collateral ratio (collateral value over debt at the
    /// scenario's start price, 2.5 = 250 %) above 1, or at least `minimumCollateralRatio`.
    ///
    /// ```
    /// # ETH-A vaults, 12 March 2020 00:00 UTC (source: …)
    /// debt_usd,collateral_ratio
    /// 15500000,2.9
    /// 7800000,1.62
    /// ```
    public static func list(csv text: String, source: String, minimumCollateralRatio: Double?) throws(ConfigurationError) -> [PositionSpec] {
        var columns: (debt: Int, ratio: Int, count: Int)?
        var positions: [PositionSpec] = []
        var lineNumber = 0
        func failure(_ column: String, _ expected: String, _ found: String) -> ConfigurationError {
            ConfigurationError(file: source, key: column, line: lineNumber, expected: expected, found: found)
        }
        // "\r\n" is one Character in Swift, so both line endings are separators.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let columns else {
                let names = fields.map { $0.lowercased() }
                guard let debt = names.firstIndex(of: "debt_usd"), let ratio = names.firstIndex(of: "collateral_ratio"),
                      Set(names).count == names.count else {
                    throw failure("", "a header line naming distinct columns debt_usd and collateral_ratio", "\"\(trimmed)\"")
                }
                columns = (debt, ratio, names.count)
                continue
            }
            guard fields.count == columns.count else {
                throw failure("", "\(columns.count) comma-separated fields as in the header", "\(fields.count) in \"\(trimmed)\"")
            }
            guard let debt = Double(fields[columns.debt]), debt.isFinite, debt > 0 else {
                throw failure("debt_usd", "a positive, finite debt (USD)", "\"\(fields[columns.debt])\"")
            }
            guard let ratio = Double(fields[columns.ratio]),
                  PopulationConfiguration.accepts(collateralRatio: ratio, minimum: minimumCollateralRatio) else {
                throw failure("collateral_ratio", PopulationConfiguration.ratioRule(minimum: minimumCollateralRatio),
                              "\"\(fields[columns.ratio])\"")
            }
            positions.append(PositionSpec(debtUSD: debt, collateralRatio: ratio))
        }
        guard !positions.isEmpty else {
            throw failure("", columns == nil ? "a header line and at least one position" : "at least one position", "end of text")
        }
        return positions
    }
}
