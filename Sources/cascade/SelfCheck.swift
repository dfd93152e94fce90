import ArgumentParser
import CascadeMath

/// `cascade selfcheck`: proves the native libraries are linked and give known answers.
struct SelfCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selfcheck",
        abstract: "Check that GMP and libsecp256k1 are linked and give known answers.",
        discussion: "Exits non-zero and names the failing check when any answer is wrong."
    )

    func run() throws {
        var failures = 0
        for check in SelfCheckCase.all {
            let outcome = check.run()
            print("\(outcome == nil ? "ok  " : "FAIL") \(check.name)\(outcome.map { ": \($0)" } ?? "")")
            if outcome != nil { failures += 1 }
        }
        if failures > 0 {
            print("\(failures) self-check(s) failed")
            throw ExitCode.failure
        }
        print("all \(SelfCheckCase.all.count) self-checks passed")
    }
}

/// One known-answer check; `run` returns `nil` on success or what went wrong.
struct SelfCheckCase: Sendable {
    let name: String
    let run: @Sendable () -> String?

    static func expect<T: Equatable & Sendable>(_ name: String, _ expected: T, _ actual: @escaping @Sendable () throws -> T) -> SelfCheckCase {
        SelfCheckCase(name: name) {
            do {
                let value = try actual()
                return value == expected ? nil : "expected \(expected), got \(value)"
            } catch {
                return "unexpected error: \(error)"
            }
        }
    }

    static let all: [SelfCheckCase] = [
        // GMP mpn_tdiv_qr: the 512/256-bit division behind mulDiv. (2²⁵⁶−1)(2²⁵⁶−2)/(2²⁵⁶−1) = 2²⁵⁶−2.
        expect("GMP 512/256 division (FullMath.mulDiv)", UInt256.max &- 1) {
            try FullMath.mulDiv(.max, .max &- 1, .max)
        },
        // GMP mpz: 2^256 is out of uint256 range, 2^256 - 1 is in it.
        expect("GMP mpz 2^256 - 1", UInt256.max) {
            (BigInteger(1) << 256 - BigInteger(1)).uint256Value!
        },
        expect("GMP mpz decimal round trip", "-1157920892373161954235709850086879078532699846656405640394575840079131296399361") {
            (-(BigInteger(UInt256.max) * BigInteger(10) + BigInteger(11))).description
        },
    ]
}
