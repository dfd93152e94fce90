// swift-tools-version:6.1
//
// Cascade — a DeFi cascade-risk simulator.
// Layers (see docs/ARCHITECTURE.md): dependencies only point down this list.
//   CGMP, CSecp256k1  system-library shims
//   CascadeMath       exact 256-bit integers, fixed point, GMP-backed big integers
//   CascadeChain      Keccak, secp256k1, RLP, ABI, transactions, fee markets, mempool
//   CascadeProtocols  token ledger, oracles, lending pools, CDP engine and auctions, AMMs
//   CascadeAgents     the deployed chain state and the agents that read it and sign transactions
//   CascadeEngine     reads files (TOMLKit): protocols, scenarios; the block loop, trace, metrics
//   CascadeStore      the run store: a SQLite database of runs and their metrics (GRDB)
//   cascade           the command-line interface
import PackageDescription

let package = Package(
    name: "Cascade",
    products: [
        .executable(name: "cascade", targets: ["cascade"]),
        .library(name: "CascadeMath", targets: ["CascadeMath"]),
        .library(name: "CascadeChain", targets: ["CascadeChain"]),
        .library(name: "CascadeProtocols", targets: ["CascadeProtocols"]),
        .library(name: "CascadeAgents", targets: ["CascadeAgents"]),
        .library(name: "CascadeEngine", targets: ["CascadeEngine"]),
        .library(name: "CascadeStore", targets: ["CascadeStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Test oracle only: an independent arbitrary-precision implementation.
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        // TOML 1.0 parsing for the engine's file loaders (wraps toml++).
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // SQLite for the run store (links the system libsqlite3; Debian: libsqlite3-dev).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // System libraries
        .systemLibrary(
            name: "CGMP",
            pkgConfig: "gmp",
            providers: [.apt(["libgmp-dev"])]
        ),
        .systemLibrary(
            name: "CSecp256k1",
            pkgConfig: "libsecp256k1",
            providers: [.apt(["libsecp256k1-dev"])]
        ),

        // Core library
        .target(
            name: "CascadeMath",
            dependencies: ["CGMP"]
        ),
        .target(
            name: "CascadeChain",
            dependencies: ["CascadeMath", "CSecp256k1"]
        ),
        .target(
            name: "CascadeProtocols",
            dependencies: ["CascadeMath", "CascadeChain"]
        ),
        .target(
            name: "CascadeAgents",
            dependencies: ["CascadeMath", "CascadeChain", "CascadeProtocols"]
        ),
        // Reads files (TOML protocol definitions) and hands validated values to the layers below.
        .target(
            name: "CascadeEngine",
            dependencies: [
                "CascadeMath",
                "CascadeChain",
                "CascadeProtocols",
                "CascadeAgents",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),

        // The run store: records runs in SQLite. Kept apart so that CascadeEngine does not link GRDB.
        .target(
            name: "CascadeStore",
            dependencies: [
                "CascadeEngine",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),

        // Command-line interface
        .executableTarget(
            name: "cascade",
            dependencies: [
                "CascadeMath",
                "CascadeChain",
                "CascadeEngine",
                "CascadeStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Tests
        .testTarget(
            name: "CascadeMathTests",
            dependencies: [
                "CascadeMath",
                .product(name: "BigInt", package: "BigInt"),
            ]
        ),
        .testTarget(
            name: "CascadeChainTests",
            dependencies: ["CascadeChain", "CascadeMath"],
            resources: [.copy("Vectors")]
        ),
        .testTarget(
            name: "CascadeProtocolsTests",
            dependencies: ["CascadeProtocols", "CascadeChain", "CascadeMath"],
            resources: [.copy("Vectors")]
        ),
        .testTarget(
            name: "CascadeAgentsTests",
            dependencies: ["CascadeAgents", "CascadeProtocols", "CascadeChain", "CascadeMath"]
        ),
        .testTarget(
            name: "CascadeEngineTests",
            dependencies: ["CascadeEngine", "CascadeAgents", "CascadeProtocols", "CascadeChain", "CascadeMath"]
        ),
        .testTarget(
            name: "CascadeCLITests",
            dependencies: ["cascade", "CascadeChain", "CascadeEngine", "CascadeMath", "CascadeStore"]
        ),
        .testTarget(
            name: "CascadeStoreTests",
            dependencies: ["CascadeStore", "CascadeEngine", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
