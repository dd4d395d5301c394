// swift-tools-version:6.0
import PackageDescription

/// This package's folder (the linker needs absolute paths).
let packageDirectory = Context.packageDirectory

let package = Package(
    name: "pfopt",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pfopt", targets: ["pfopt"]),
        .library(name: "PFData", targets: ["PFData"]),
        .library(name: "PineLanguage", targets: ["PineLanguage"]),
        .library(name: "PineEngine", targets: ["PineEngine"]),
        .library(name: "PFOptimizer", targets: ["PFOptimizer"]),
        // The strategy library `pfopt export` copies (libpfopt_abi.so).
        .library(name: "pfopt_abi", type: .dynamic, targets: ["PFABI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        // Layer 1: market data (OHLCV files, import, timeframes, symbol info).
        .target(
            name: "PFData",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // Layer 2: the Pine Script v6 front end.
        .target(name: "PineLanguage", dependencies: ["PFData"]),
        // Layer 3: compiler, runtime, ta library, broker, magnifier, metrics.
        .target(name: "PineEngine", dependencies: ["PFData", "PineLanguage"]),
        // Layer 4: sweeps, walk-forward.
        .target(
            name: "PFOptimizer",
            dependencies: [
                "PFData", "PineLanguage", "PineEngine", "CPFABI",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "pfopt",
            dependencies: [
                "PFData", "PineLanguage", "PineEngine", "PFOptimizer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The strategy-library C interface (pfopt_abi.h), and the library that
        // implements it over the engine. The Swift runtime is linked in
        // statically so the library loads where no Swift toolchain is
        // installed; only the interface's symbols are exported.
        .target(name: "CPFABI"),
        .target(
            name: "PFABI", dependencies: ["CPFABI", "PFData", "PineLanguage", "PineEngine", "PFOptimizer"],
            exclude: ["exports.map"],
            linkerSettings: [
                .unsafeFlags([
                    "-static-stdlib", "-use-ld=lld", "-Xlinker", "--version-script=\(packageDirectory)/Sources/PFABI/exports.map",
                    // Foundation's own static dependencies, which the driver does not add for a library.
                    "-lCoreFoundation", "-l_FoundationCollections", "-l_FoundationICU", "-l_FoundationCShims",
                ], .when(platforms: [.linux]))
            ]
        ),
        // What every test target shares: repository paths and fixtures, scratch
        // folders, the bundled feed, a seeded random source.
        .target(name: "PFTestSupport", dependencies: ["PFData"], path: "Tests/PFTestSupport"),
        .testTarget(name: "PFDataTests", dependencies: ["PFData", "PFTestSupport"]),
        .testTarget(name: "PineLanguageTests", dependencies: ["PineLanguage", "PFTestSupport"]),
        .testTarget(name: "PineEngineTests", dependencies: ["PineEngine", "PFData", "PineLanguage", "PFTestSupport"]),
        .testTarget(name: "PFOptimizerTests", dependencies: ["PFOptimizer", "PineEngine", "PFData", "PFTestSupport"]),
        // End-to-end tests of the executable (they run the built `pfopt`).
        .testTarget(name: "pfoptTests", dependencies: ["pfopt", "PFTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
