import ArgumentParser
import CascadeChain
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
            // libsecp256k1: k·G for k = 1, then Keccak-256 of X‖Y gives the well-known address.
        expect("secp256k1 public key and Keccak-256 address of private key 1", "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf") {
            try PrivateKey(hex: "0x" + String(repeating: "0", count: 63) + "1").address.checksummed
        },
        // libsecp256k1 recoverable signing and recovery, through EIP-191.
        expect("secp256k1 sign and recover (EIP-191)", "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf") {
            let key = try PrivateKey(hex: "0x" + String(repeating: "0", count: 63) + "1")
            let message = Array("cascade self-check".utf8)
            return try PersonalMessage.recoverSigner(message, signature: PersonalMessage.sign(message, with: key)).checksummed
        },
    ]
}
