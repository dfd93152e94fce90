// swift-tools-version:6.1
//
// Cascade benchmarks (ordo-one/benchmark). Kept in their own package so that the main build and
// test suite never compile the benchmark harness. Run with `scripts/bench` from the repository
// root (see docs/benchmarks.md).
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, which is whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "CascadeBenchmarks",
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .systemLibrary(name: "CSecp256k1Raw", path: "Sources/CSecp256k1Raw", pkgConfig: "libsecp256k1"),
        .executableTarget(
            name: "ChainBenchmarks",
            dependencies: [
                .product(name: "CascadeChain", package: root),
                .product(name: "CascadeMath", package: root),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ChainBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "CryptoBenchmarks",
            dependencies: [
                "CSecp256k1Raw",
                .product(name: "CascadeChain", package: root),
                .product(name: "CascadeMath", package: root),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CryptoBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "MathBenchmarks",
            dependencies: [
                .product(name: "CascadeMath", package: root),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/MathBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        protocolBenchmarks("AMMBenchmarks"),
        protocolBenchmarks("MakerBenchmarks"),
        protocolBenchmarks("ProtocolBenchmarks"),
    ]
)

/// A benchmark suite over the protocol models, in `Benchmarks/NAME`.
func protocolBenchmarks(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: [
            .product(name: "CascadeProtocols", package: root),
            .product(name: "CascadeChain", package: root),
            .product(name: "CascadeMath", package: root),
            .product(name: "Benchmark", package: "benchmark"),
        ],
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}
