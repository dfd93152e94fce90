import CascadeChain
import CascadeMath
import Foundation
import XCTest

final class TransactionDecodeTests: XCTestCase {
    static let eip155Example = "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"

    func testDecodesTheEIP155ExampleToJSON() throws {
        let result = try CascadeProcess.run(["tx", "decode", Self.eip155Example])
        XCTAssertEqual(result.status, 0, result.standardError)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        XCTAssertEqual(json["type"] as? String, "legacy")
        XCTAssertEqual(json["chainId"] as? String, "1")
        XCTAssertEqual(json["nonce"] as? String, "9")
        XCTAssertEqual(json["gasPrice"] as? String, "20000000000")
        XCTAssertEqual(json["gasLimit"] as? String, "21000")
        XCTAssertEqual(json["to"] as? String, "0x3535353535353535353535353535353535353535")
        XCTAssertEqual(json["value"] as? String, "1000000000000000000")
        XCTAssertEqual(json["v"] as? String, "37")
        XCTAssertTrue(json["call"] is NSNull)
        // The EIP's key, 0x4646…46, controls this address.
        let key = try PrivateKey(hex: "0x" + String(repeating: "46", count: 32))
        XCTAssertEqual(json["sender"] as? String, key.address.checksummed)
        XCTAssertEqual(json["hash"] as? String, Keccak256.hash(try Hex.decode(Self.eip155Example)).description)
    }

    func testDecodesALiquidationCallWithItsArguments() throws {
        let signer = Signer(key: PrivateKey.derive(seed: 7, label: "liquidator", index: 0))
        let weth = try Address(hex: "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2")
        let usdc = try Address(hex: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48")
        let user = Address(truncating: 0xBEEF)
        let call = ContractCall.aaveLiquidationCall(collateralAsset: weth, debtAsset: usdc, user: user,
                                                    debtToCover: 1_500_000_000, receiveAToken: false)
        let tx = Transaction(chainID: 1, nonce: 4, fee: .dynamic(maxPriorityFeePerGas: 3_000_000_000, maxFeePerGas: 150_000_000_000),
                             gasLimit: 400_000, to: Address(truncating: 0x87870BCA), data: call.encode())
        let signed = try tx.signed(by: signer)
        let result = try CascadeProcess.run(["tx", "decode", "--chain-id", "1", Hex.encode(signed.raw)])
        XCTAssertEqual(result.status, 0, result.standardError)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        XCTAssertEqual(json["type"] as? String, "eip1559")
        XCTAssertEqual(json["maxFeePerGas"] as? String, "150000000000")
        XCTAssertEqual(json["sender"] as? String, signer.address.checksummed)
        XCTAssertEqual(json["hash"] as? String, signed.hash.description)
        let decodedCall = try XCTUnwrap(json["call"] as? [String: Any])
        XCTAssertEqual(decodedCall["function"] as? String, "liquidationCall")
        XCTAssertEqual(decodedCall["selector"] as? String, "0x00a718a9")
        let arguments = try XCTUnwrap(decodedCall["arguments"] as? [[String: Any]])
        XCTAssertEqual(arguments.map { $0["name"] as? String }, ["collateralAsset", "debtAsset", "user", "debtToCover", "receiveAToken"])
        XCTAssertEqual(arguments[0]["value"] as? String, weth.checksummed)
        XCTAssertEqual(arguments[3]["value"] as? String, "1500000000")
        XCTAssertEqual(arguments[4]["value"] as? Bool, false)
    }

    func testReadsStandardInputForADash() throws {
        let result = try CascadeProcess.run(["tx", "decode", "-"], input: Self.eip155Example + "\n")
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertTrue(result.standardOutput.contains("\"nonce\": \"9\""))
    }

    func testBadInputExitsNonZeroWithALocatedMessage() throws {
        let badHex = try CascadeProcess.run(["tx", "decode", "0xf86c0985zz"])
        XCTAssertNotEqual(badHex.status, 0)
        XCTAssertTrue(badHex.standardError.contains("expected a hex digit at column 11, found 'z'"), badHex.standardError)
        XCTAssertEqual(badHex.standardOutput, "")

        let wrongChain = try CascadeProcess.run(["tx", "decode", "--chain-id", "5", Self.eip155Example])
        XCTAssertNotEqual(wrongChain.status, 0)
        XCTAssertTrue(wrongChain.standardError.contains("wrong chain id: expected 5, found 1"), wrongChain.standardError)

        let truncated = try CascadeProcess.run(["tx", "decode", String(Self.eip155Example.dropLast(2))])
        XCTAssertNotEqual(truncated.status, 0)
        XCTAssertTrue(truncated.standardError.contains("malformed transaction RLP"), truncated.standardError)
    }
}
