import XCTest

final class SelfCheckTests: XCTestCase {
    func testSelfCheckPassesAndNamesEveryCheck() throws {
        let result = try CascadeProcess.run(["selfcheck"])
        XCTAssertEqual(result.status, 0, result.standardOutput + result.standardError)
        XCTAssertTrue(result.standardOutput.contains("ok   GMP 512/256 division"))
        XCTAssertTrue(result.standardOutput.contains("ok   secp256k1 sign and recover"))
        XCTAssertFalse(result.standardOutput.contains("FAIL"))
    }
}
