import CascadeChain
import CascadeEngine
import Foundation

/// The check of a signed output folder (`cascade verify DIR`): every listed file rehashed, the
/// body's digest recomputed from its canonical bytes, the signer recovered from the signature
/// and compared with the address the manifest states (and with a required signer, if given),
/// and files in the folder that the manifest does not list.
public struct ManifestVerification: Sendable {
    /// One failure, naming the file or the part of the manifest.
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        /// A listed file whose bytes changed.
        case changed(path: String, expected: String, found: String)
        /// A listed file that is gone.
        case missing(path: String)
        /// A file in the folder the manifest does not list.
        case extra(path: String)
        /// The manifest's body no longer hashes to the digest recorded beside it.
        case bodyChanged(recorded: String, computed: String)
        /// The signature recovers no key.
        case badSignature(reason: String)
        /// The signature recovers a different address from the one the manifest states.
        case signerMismatch(recovered: Address, stated: Address)
        /// The signer is not the one required (`--signer`).
        case unexpectedSigner(recovered: Address, required: Address)

        public var description: String {
            switch self {
            case let .changed(path, expected, found): "\(path): changed (keccak256 \(found), manifest \(expected))"
            case let .missing(path): "\(path): missing"
            case let .extra(path): "\(path): not listed in the manifest"
            case let .bodyChanged(recorded, computed):
                "\(Manifest.fileName): body changed after signing (keccak256 \(computed), signed \(recorded))"
            case let .badSignature(reason): "\(Manifest.fileName): invalid signature (\(reason))"
            case let .signerMismatch(recovered, stated):
                "\(Manifest.fileName): signature is by \(recovered.checksummed), not by the stated signer \(stated.checksummed)"
            case let .unexpectedSigner(recovered, required):
                "\(Manifest.fileName): signed by \(recovered.checksummed), expected \(required.checksummed)"
            }
        }
    }

    public let manifest: SignedManifest
    /// The address the signature recovers, `nil` when it recovers none.
    public let signer: Address?
    /// Files whose bytes match, in manifest order.
    public let unchanged: [String]
    public let problems: [Problem]

    public var isValid: Bool { problems.isEmpty }

    /// Verifies `folder`; input paths are resolved as the run resolved them (relative to the
    /// current directory). Hidden files (`.name`, e.g. temporary `.partial` files) are not
    /// counted as extra.
    /// - Throws: ``ConfigurationError`` when the manifest is missing or malformed.
    public static func verify(folder: String, requiredSigner: Address? = nil) throws(ConfigurationError) -> ManifestVerification {
        let manifest = try SignedManifest.read(path: RunFolder.file(folder, Manifest.fileName))
        var problems: [Problem] = [], unchanged: [String] = []
        let body = manifest.body
        let computed = body.digest.description
        if computed != manifest.recordedDigest.lowercased() {
            problems.append(.bodyChanged(recorded: manifest.recordedDigest, computed: computed))
        }
        var signer: Address?
        do {
            signer = try PersonalMessage.recoverSigner(body.digest.bytes, signature: manifest.signature)
        } catch {
            problems.append(.badSignature(reason: error.description))
        }
        if let signer, signer != manifest.signer { problems.append(.signerMismatch(recovered: signer, stated: manifest.signer)) }
        if let requiredSigner, let recovered = signer, recovered != requiredSigner {
            problems.append(.unexpectedSigner(recovered: recovered, required: requiredSigner))
        }
        for (file, path) in body.inputs.map({ ($0, $0.path) }) + body.outputs.map({ ($0, RunFolder.file(folder, $0.path)) }) {
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(.missing(path: file.path))
                continue
            }
            let digest = Keccak256.hash(data).description
            if digest == file.keccak256.lowercased() {
                unchanged.append(file.path)
            } else {
                problems.append(.changed(path: file.path, expected: file.keccak256, found: digest))
            }
        }
        let listed = Set(body.outputs.map(\.path) + [Manifest.fileName])
        let present = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in present.sorted() where !name.hasPrefix(".") && !listed.contains(name) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: RunFolder.file(folder, name), isDirectory: &isDirectory), !isDirectory.boolValue {
                problems.append(.extra(path: name))
            }
        }
        return ManifestVerification(manifest: manifest, signer: signer, unchanged: unchanged, problems: problems)
    }
}
