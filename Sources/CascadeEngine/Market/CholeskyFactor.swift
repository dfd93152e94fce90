import Foundation

/// The lower-triangular factor `L` of a correlation matrix `C = L·Lᵀ`: `x = L·z` turns
/// independent standard normals `z` into normals with correlations `C`.
///
/// Positive *semi*-definite matrices are accepted (two assets correlated at exactly 1): a pivot
/// within ``tolerance`` of zero gets a zero column, provided the rest of that column is also zero
/// to the tolerance; otherwise the matrix is not positive semi-definite and no joint distribution
/// has these correlations.
struct CholeskyFactor: Sendable, Hashable {
    /// Why a matrix has no factor: asset `index`, given the assets before it, has the residual
    /// variance `variance` (< 0), or a zero residual variance but the residual covariance
    /// `covariance` with asset `other`.
    struct Failure: Error, Hashable {
        let index: Int
        let variance: Double
        let other: Int?
        let covariance: Double?
    }

    /// Pivots and residuals below this in magnitude count as zero (rounding of a singular matrix).
    static let tolerance = 1e-10

    /// Rows of `L`; row `i` holds `i + 1` entries.
    let lower: [[Double]]

    /// Factors the symmetric `matrix` (square; only the lower triangle is read).
    /// - Complexity: O(n³).
    init(_ matrix: [[Double]]) throws(Failure) {
        let n = matrix.count
        var lower = (0..<n).map { [Double](repeating: 0, count: $0 + 1) }
        func dot(_ i: Int, _ j: Int) -> Double { (0..<j).reduce(0) { $0 + lower[i][$1] * lower[j][$1] } }
        for j in 0..<n {
            let variance = matrix[j][j] - dot(j, j)
            if variance < -Self.tolerance { throw Failure(index: j, variance: variance, other: nil, covariance: nil) }
            let pivot = variance > Self.tolerance ? variance.squareRoot() : 0
            lower[j][j] = pivot
            for i in (j + 1)..<n {
                let covariance = matrix[i][j] - dot(i, j)
                if pivot == 0 {
                    guard abs(covariance) <= Self.tolerance else {
                        throw Failure(index: j, variance: variance, other: i, covariance: covariance)
                    }
                } else {
                    lower[i][j] = covariance / pivot
                }
            }
        }
        self.lower = lower
    }

    /// `L·z`.
    func apply(_ z: [Double]) -> [Double] {
        lower.map { row in zip(row, z).reduce(0) { $0 + $1.0 * $1.1 } }
    }
}
