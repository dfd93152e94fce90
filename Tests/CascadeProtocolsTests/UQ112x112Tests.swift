import CascadeMath
import CascadeProtocols
import XCTest

final class UQ112x112Tests: XCTestCase {
    func testEncodeFractionAndDecode() throws {
        XCTAssertEqual(UQ112x112.q112, UInt256(hex: "10000000000000000000000000000")!)
        XCTAssertEqual(UQ112x112.maxUInt112, UInt256(hex: "ffffffffffffffffffffffffffff")!)
        XCTAssertEqual(UQ112x112.encode(3), UInt256(3) << 112)
        XCTAssertEqual(UQ112x112.fraction(1, 3), try UQ112x112.q112 / 3)
        XCTAssertEqual(UQ112x112.fraction(UQ112x112.maxUInt112, 1), UQ112x112.maxUInt112 << 112)
        XCTAssertEqual(try UQ112x112.mulDecode(UQ112x112.fraction(2_000, 1), 3), 6_000)
        XCTAssertEqual(try UQ112x112.mulDecode(UQ112x112.fraction(1, 3), 3), 0, "⌊(2¹¹²/3)·3 / 2¹¹²⌋ rounds down")
        XCTAssertReverts(.reason("FixedPoint: MULTIPLICATION_OVERFLOW"), try UQ112x112.mulDecode(UQ112x112.q112, UInt256.one << 144))
    }
}
