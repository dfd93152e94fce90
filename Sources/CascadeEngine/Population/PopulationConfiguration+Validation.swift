import CascadeProtocols
import Foundation

extension PopulationConfiguration {
    /// Every value a population cannot be built from, keyed by the scenario file's dotted paths
    /// under `key` (`population.eth-a.concentration`); a problem with one element of an array
    /// names the element (1-based) in `found`:
    ///
    /// - `minimum_collateral_ratio` not finite and > 1;
    /// - `positions` outside 1…``SyntheticPopulation/maximumPositions``; `total_debt_usd` not
    ///   positive and finite;
    /// - `concentration`: a `top` below 1, not increasing or above `positions`; a share outside
    ///   (0, 1] or not increasing; a last share of 1 that leaves positions without debt, or a last
    ///   `top` equal to `positions` with a share below 1; a curve that is not concave — a band of
    ///   positions holding more debt per position than the band above it, so that no list sorted
    ///   by debt has these shares;
    /// - `collateral_ratio.quantiles`: fewer than two points, not from share 0 to share 1, shares
    ///   not increasing, ratios decreasing, a first ratio not allowed (> 1, or ≥ the minimum);
    /// - `collateral_ratio.median`, `.p90`, `.floor`: a median not positive, a p90 below the
    ///   median, no floor and no minimum ratio, a floor not allowed or not below the median;
    /// - listed positions (`positions`): none, or one with a debt not positive and finite or a
    ///   ratio not allowed.
    public static func validationErrors(_ source: Source, minimumCollateralRatio: Double?,
                                        key: String = "population") -> [ParameterError] {
        var errors: [ParameterError] = []
        var minimum = minimumCollateralRatio
        if let given = minimum, !(given.isFinite && given > 1) {
            errors.append(ParameterError(key: "\(key).minimum_collateral_ratio", expected: "a finite ratio > 1, e.g. 1.5 for 150 %",
                                         found: "\(given)"))
            minimum = nil
        }
        switch source {
        case .listed(let positions):
            if positions.isEmpty {
                errors.append(ParameterError(key: "\(key).positions", expected: "at least one position", found: "none"))
            }
            for (index, position) in positions.enumerated() {
                if !(position.debtUSD.isFinite && position.debtUSD > 0) {
                    errors.append(ParameterError(key: "\(key).positions", expected: "a positive, finite debt (USD)",
                                                 found: "position \(index + 1): \(position.debtUSD)"))
                }
                if !accepts(collateralRatio: position.collateralRatio, minimum: minimum) {
                    errors.append(ParameterError(key: "\(key).positions", expected: ratioRule(minimum: minimum),
                                                 found: "position \(index + 1): \(position.collateralRatio)"))
                }
            }
        case .synthetic(let population):
            errors += population.validationErrors(key: key, minimum: minimum)
        }
        return errors
    }
}

extension SyntheticPopulation {
    fileprivate func validationErrors(key: String, minimum: Double?) -> [ParameterError] {
        var errors: [ParameterError] = []
        let positionsValid = (1...Self.maximumPositions).contains(positions)
        if !positionsValid {
            errors.append(ParameterError(key: "\(key).positions", expected: "1…\(Self.maximumPositions) positions", found: "\(positions)"))
        }
        if !(totalDebtUSD.isFinite && totalDebtUSD > 0) {
            errors.append(ParameterError(key: "\(key).total_debt_usd", expected: "a positive, finite debt (USD)", found: "\(totalDebtUSD)"))
        }
        errors += concentrationErrors(key: "\(key).concentration", checkAgainstPositions: positionsValid)
        switch collateralRatio {
        case .quantiles(let points):
            errors += quantileErrors(points, key: "\(key).collateral_ratio.quantiles", minimum: minimum)
        case .lognormal(let median, let p90, let floor):
            errors += lognormalErrors(median: median, p90: p90, floor: floor, key: "\(key).collateral_ratio", minimum: minimum)
        }
        return errors
    }

    private func concentrationErrors(key: String, checkAgainstPositions: Bool) -> [ParameterError] {
        var errors: [ParameterError] = []
        func problem(_ index: Int, _ expected: String) {
            let point = concentration[index]
            errors.append(ParameterError(key: key, expected: expected, found: "element \(index + 1), [\(point.top), \(point.debtShare)]"))
        }
        for (index, point) in concentration.enumerated() {
            let previous = index > 0 ? concentration[index - 1] : nil
            if point.top < 1 {
                problem(index, "a number of top positions ≥ 1")
            } else if let previous, point.top <= previous.top {
                problem(index, "more top positions than the element before (\(previous.top))")
            } else if checkAgainstPositions && point.top > positions {
                problem(index, "at most positions (\(positions)) top positions")
            }
            if !(point.debtShare.isFinite && point.debtShare > 0 && point.debtShare <= 1) {
                problem(index, "a debt share in (0, 1]")
            } else if let previous, point.debtShare <= previous.debtShare {
                problem(index, "a larger debt share than the element before (\(previous.debtShare)): more positions hold more debt")
            }
        }
        guard errors.isEmpty, checkAgainstPositions, let last = concentration.last else { return errors }
        if last.top == positions && last.debtShare != 1 {
            problem(concentration.count - 1, "a debt share of 1: the top \(positions) are all the positions")
        } else if last.top < positions && last.debtShare == 1 {
            problem(concentration.count - 1, "a debt share below 1: the other \(positions - last.top) positions need debt")
        }
        guard errors.isEmpty else { return errors }
        // A list sorted by debt has each band's positions at least as large as the next band's,
        // so the even split of a band is at least the next band's even split.
        let total = totalDebtUSD.isFinite && totalDebtUSD > 0 ? totalDebtUSD : 1
        let bands = self.bands
        for (upper, lower) in zip(bands, bands.dropFirst()) where lower.evenDebt(totalDebtUSD: total) > upper.evenDebt(totalDebtUSD: total) {
            func each(_ band: Band) -> String { Self.percent(band.debtShare / Double(band.ranks.count)) }
            func positions(_ band: Band) -> String { "positions \(band.ranks.lowerBound + 1)–\(band.ranks.upperBound)" }
            errors.append(ParameterError(
                key: key,
                expected: "a concave concentration curve: no band of positions larger on average than the band above it "
                    + "(no list sorted by debt has these shares)",
                found: "\(positions(lower)) average \(each(lower)) of the debt each (\(Self.percent(lower.debtShare)) together), "
                    + "more than \(positions(upper)) (\(each(upper)) each, \(Self.percent(upper.debtShare)) together)"))
        }
        return errors
    }

    private func quantileErrors(_ points: [CollateralRatioDistribution.DebtQuantile], key: String, minimum: Double?) -> [ParameterError] {
        guard points.count >= 2 else {
            return [ParameterError(key: key, expected: "at least two [debt share, ratio] points, from share 0 to share 1",
                                   found: "\(points.count)")]
        }
        var errors: [ParameterError] = []
        func problem(_ index: Int, _ expected: String) {
            let point = points[index]
            errors.append(ParameterError(key: key, expected: expected,
                                         found: "element \(index + 1), [\(point.debtShare), \(point.collateralRatio)]"))
        }
        for (index, point) in points.enumerated() {
            if !point.debtShare.isFinite || !point.collateralRatio.isFinite {
                problem(index, "finite numbers")
                continue
            }
            if index == 0 && point.debtShare != 0 {
                problem(index, "a first debt share of 0 (the smallest ratio)")
            } else if index == points.count - 1 && point.debtShare != 1 {
                problem(index, "a last debt share of 1 (the largest ratio)")
            } else if index > 0 && point.debtShare <= points[index - 1].debtShare {
                problem(index, "a debt share larger than the element before (\(points[index - 1].debtShare))")
            }
            if index == 0 && !PopulationConfiguration.accepts(collateralRatio: point.collateralRatio, minimum: minimum) {
                problem(index, PopulationConfiguration.ratioRule(minimum: minimum))
            } else if index > 0 && point.collateralRatio < points[index - 1].collateralRatio {
                problem(index, "a ratio at least the element before (\(points[index - 1].collateralRatio))")
            }
        }
        return errors
    }

    private func lognormalErrors(median: Double, p90: Double, floor: Double?, key: String, minimum: Double?) -> [ParameterError] {
        var errors: [ParameterError] = []
        let medianValid = median.isFinite && median > 0
        if !medianValid {
            errors.append(ParameterError(key: "\(key).median", expected: "a positive, finite ratio", found: "\(median)"))
        }
        if !(p90.isFinite && (medianValid ? p90 >= median : p90 > 0)) {
            errors.append(ParameterError(key: "\(key).p90", expected: medianValid ? "a finite ratio ≥ the median (\(median))" : "a positive, finite ratio",
                                         found: "\(p90)"))
        }
        guard let bound = floor ?? minimum else {
            errors.append(ParameterError(key: "\(key).floor",
                                         expected: "a floor, or a minimum_collateral_ratio to serve as one (a lognormal puts debt at every ratio above 0)",
                                         found: "none"))
            return errors
        }
        if !PopulationConfiguration.accepts(collateralRatio: bound, minimum: minimum) {
            errors.append(ParameterError(key: "\(key).floor", expected: PopulationConfiguration.ratioRule(minimum: minimum), found: "\(bound)"))
        } else if medianValid && bound >= median {
            errors.append(ParameterError(key: "\(key).floor", expected: "a floor below the median (\(median)), which it would otherwise move",
                                         found: floor == nil ? "\(bound) (minimum_collateral_ratio)" : "\(bound)"))
        }
        return errors
    }

    /// `0.0833` → `"8.33 %"`.
    static func percent(_ share: Double) -> String { String(format: "%.3g %%", share * 100) }
}
