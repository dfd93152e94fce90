import Foundation
import XCTest

/// Runs the built `cascade` executable, as a user would, and captures what it prints.
struct CascadeProcess {
    let status: Int32
    let standardOutput: String
    let standardError: String

    /// The folder SwiftPM builds products into (the test bundle sits beside the executable).
    static var productsDirectory: URL {
        Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL.deletingLastPathComponent()
            ?? Bundle.main.bundleURL
    }

    /// The working directory of every process the tests start: a fresh temporary folder, so
    /// that defaults relative to it (`out/`, the run store `out/runs.sqlite`) never land in the
    /// repository. Tests pass absolute paths.
    static let workingDirectory: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cascade-cli-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    static func run(_ arguments: [String], input: String? = nil) throws -> CascadeProcess {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("cascade")
        process.currentDirectoryURL = workingDirectory
        process.arguments = arguments
        let output = Pipe(), error = Pipe(), inputPipe = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = inputPipe
        try process.run()
        if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inputPipe.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CascadeProcess(status: process.terminationStatus,
                              standardOutput: String(decoding: out, as: UTF8.self),
                              standardError: String(decoding: err, as: UTF8.self))
    }
}
