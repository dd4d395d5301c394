// swift-tools-version:6.0
// Benchmarks live in their own package so that CI builds of pfopt stay fast.
// Run one with: swift run -c release --package-path Benchmarks EngineBench
import PackageDescription

let package = Package(
    name: "pfopt-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "pfopt", path: "..")],
    targets: [
        .executableTarget(name: "DataBench", dependencies: [.product(name: "PFData", package: "pfopt")]),
        .executableTarget(name: "LangBench", dependencies: [.product(name: "PineLanguage", package: "pfopt")]),
        .executableTarget(
            name: "EngineBench",
            dependencies: [
                .product(name: "PineEngine", package: "pfopt"), .product(name: "PFData", package: "pfopt"),
                .product(name: "PineLanguage", package: "pfopt"),
            ]),
        .executableTarget(
            name: "SweepBench",
            dependencies: [
                .product(name: "PFOptimizer", package: "pfopt"), .product(name: "PineEngine", package: "pfopt"),
                .product(name: "PFData", package: "pfopt"),
            ]),
        .executableTarget(
            name: "ABIBench",
            dependencies: [
                .product(name: "PFOptimizer", package: "pfopt"), .product(name: "PineEngine", package: "pfopt"),
                // Built beside ABIBench in release: the base library the benchmark exports from.
                .product(name: "pfopt_abi", package: "pfopt"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
