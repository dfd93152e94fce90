import CascadeChain
import CascadeEngine
import Foundation

/// `manifest.json`: a ``Manifest`` body, its digest, the signer's address as the signer stated
/// it, and the signature (docs/reports.md).
public struct SignedManifest: Sendable, Equatable {
    public static let scheme = "eip191-personal-sign(keccak256(body))"

    public var body: Manifest
    /// The address the signer claims; ``ManifestVerification`` checks it against the address
    /// the signature recovers.
    public var signer: Address
    public var signature: RecoverableSignature
    /// The digest as recorded in the file (``Manifest/digest`` when written by `cascade`).
    public var recordedDigest: String

    public init(body: Manifest, signer: Address, signature: RecoverableSignature) {
        self.body = body
        self.signer = signer
        self.signature = signature
        recordedDigest = body.digest.description
    }

    /// The signature as 65 bytes r ‖ s ‖ v with v = 27 + recovery id (Ethereum's convention).
    public var signatureBytes: [UInt8] { signature.rBytes + signature.sBytes + [27 + signature.recoveryID] }

    /// The document written as `manifest.json`.
    public var json: JSONValue {
        .object([
            ("body", body.json),
            ("body_keccak256", .string(recordedDigest)),
            ("signature", .object([
                ("scheme", .string(Self.scheme)),
                ("signer", .string(signer.checksummed)),
                ("signature", .string(Hex.encode(signatureBytes, prefix: true))),
            ])),
        ])
    }

    /// Reads `path`.
    /// - Throws: ``ConfigurationError`` naming the file and the missing or malformed key.
    public static func read(path: String) throws(ConfigurationError) -> SignedManifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, key: "", line: nil, expected: "a manifest written by cascade report --sign", found: "no such file")
        }
        let value = try JSONReader.parse(String(decoding: data, as: UTF8.self), file: path)
        guard let bodyValue = value["body"] else {
            throw ConfigurationError(file: path, key: "body", line: nil, expected: "the manifest body", found: "nothing")
        }
        let body = try Manifest.read(bodyValue, file: path)
        guard let digest = value["body_keccak256"]?.text else {
            throw ConfigurationError(file: path, key: "body_keccak256", line: nil, expected: "0x + 64 hex digits", found: "nothing")
        }
        guard let signerText = value["signature"]?["signer"]?.text, let signer = Address(signerText) else {
            throw ConfigurationError(file: path, key: "signature.signer", line: nil, expected: "an address (0x + 40 hex digits)",
                                     found: value["signature"]?["signer"]?.serialized(indent: nil) ?? "nothing")
        }
        let scheme = value["signature"]?["scheme"]?.text ?? ""
        guard scheme == Self.scheme else {
            throw ConfigurationError(file: path, key: "signature.scheme", line: nil, expected: Self.scheme, found: scheme)
        }
        let signatureText = value["signature"]?["signature"]?.text ?? ""
        let signature: RecoverableSignature
        do {
            let bytes = try Hex.decode(signatureText)
            guard bytes.count == 65, bytes[64] == 27 || bytes[64] == 28 else {
                throw ConfigurationError(file: path, key: "signature.signature", line: nil, expected: "65 bytes r ‖ s ‖ v with v 27 or 28",
                                         found: "\(bytes.count) bytes" + (bytes.count == 65 ? ", v \(bytes[64])" : ""))
            }
            signature = try RecoverableSignature(r: bytes[0..<32], s: bytes[32..<64], recoveryID: bytes[64] - 27)
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError(file: path, key: "signature.signature", line: nil, expected: "a secp256k1 signature as 0x-hex",
                                     found: "\(error)")
        }
        var manifest = SignedManifest(body: body, signer: signer, signature: signature)
        manifest.recordedDigest = digest
        return manifest
    }
}
