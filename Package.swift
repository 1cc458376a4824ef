// swift-tools-version: 6.1
import PackageDescription

/// Settings every Swift target shares: Swift 6 language mode is the default for tools 6.x;
/// `ExistentialAny` keeps existential costs visible.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "snapgate",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "snapgate", targets: ["snapgate"]),
        .executable(name: "snapgate-bench", targets: ["snapgate-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        // C libraries, bound through pkg-config. Only their wrapper modules import them.
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        // libdeflate inflates a pack's objects whole (their sizes are in the pack), about twice
        // as fast as zlib's streaming inflate.
        .systemLibrary(
            name: "CDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"]), .brew(["libdeflate"])]
        ),
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),

        // The YAML node tree with positions, and scalar resolution: pure Swift, no libyaml.
        .target(name: "SnapgateNode", exclude: ["README.md"], swiftSettings: strictSettings),
        // YAML layer: libyaml ⇄ ordered node tree with positions; canonical emitter; limits.
        .target(
            name: "SnapgateYAML", dependencies: ["CYAML", "SnapgateNode"], exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        // Git layer: an actor over libgit2 that reads and writes objects, never a working tree.
        .target(
            name: "SnapgateGit", dependencies: ["CLibGit2", "CCrypto", "CDeflate", "CZlib"], exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        // Konflux and Tekton object model: decoding from YAML nodes with diagnostics, schemas.
        .target(
            name: "SnapgateModel", dependencies: ["SnapgateNode"], exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        // Structural-schema validation of YAML nodes against the upstream CRDs (and a Tekton subset).
        .target(
            name: "SnapgateSchema", dependencies: ["SnapgateNode"], exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        // The integration service as pure rules: World + clock + settings → changes (SPEC.md).
        .target(
            name: "SnapgateRules", dependencies: ["SnapgateModel", "SnapgateNode"], exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        // Repository loader: a commit's tree → objects + diagnostics; the repository config file.
        .target(
            name: "SnapgateLoader",
            dependencies: ["SnapgateGit", "SnapgateYAML", "SnapgateModel", "SnapgateSchema"],
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        // One pass: Load → Decide (to a fixpoint) → Write → Publish by compare-and-swap.
        .target(
            name: "SnapgateReconciler",
            dependencies: [
                "SnapgateGit", "SnapgateLoader", "SnapgateModel", "SnapgateNode", "SnapgateRules", "SnapgateTekton",
                "SnapgateYAML",
            ],
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        // Runs Tekton v1 pipelines on this machine as processes (the local executor's engine).
        .target(
            name: "SnapgateTekton", dependencies: ["SnapgateModel", "SnapgateNode"], exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        // Command-line front end: argument parsing, output formats, exit codes.
        .target(
            name: "SnapgateCLI",
            dependencies: [
                "SnapgateLoader", "SnapgateModel", "SnapgateNode", "SnapgateGit", "SnapgateReconciler", "SnapgateRules",
                "SnapgateTekton",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "snapgate", dependencies: ["SnapgateCLI", "SnapgateModel"], swiftSettings: strictSettings,
            // mimalloc replaces glibc's malloc process-wide (libgit2, libyaml and the Swift runtime
            // included): glibc grows each thread's heap a page at a time (17,000 mprotect calls in
            // a cold pass of the benchmark) and a pass is hundreds of thousands of small
            // allocations on every core; with mimalloc a cold pass takes about 15% less time.
            linkerSettings: [.linkedLibrary("mimalloc")]),
        // The benchmark against the physical floor (issue 5): generated repositories, floor.c, snapgate.
        .executableTarget(
            name: "snapgate-bench",
            dependencies: [
                "SnapgateGit", "SnapgateLoader", "SnapgateModel", "SnapgateReconciler",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/snapgate-bench",
            swiftSettings: strictSettings
        ),

        // Test helpers several test targets share (temporary git repositories, program runs).
        .target(
            name: "SnapgateTestSupport", dependencies: ["SnapgateGit"], path: "Tests/SnapgateTestSupport",
            exclude: ["README.md"], swiftSettings: strictSettings
        ),
        .testTarget(name: "SnapgateNodeTests", dependencies: ["SnapgateNode"], swiftSettings: strictSettings),
        .testTarget(
            name: "SnapgateYAMLTests", dependencies: ["SnapgateYAML", "SnapgateTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SnapgateGitTests", dependencies: ["SnapgateGit", "SnapgateTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SnapgateSchemaTests", dependencies: ["SnapgateSchema", "SnapgateYAML", "SnapgateTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SnapgateModelTests",
            dependencies: ["SnapgateModel", "SnapgateYAML"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SnapgateRulesTests", dependencies: ["SnapgateRules", "SnapgateModel", "SnapgateNode"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SnapgateLoaderTests",
            dependencies: ["SnapgateLoader", "SnapgateGit", "SnapgateModel", "SnapgateYAML", "SnapgateTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SnapgateReconcilerTests",
            dependencies: [
                "SnapgateReconciler", "SnapgateGit", "SnapgateLoader", "SnapgateModel", "SnapgateRules", "SnapgateYAML",
                "SnapgateTestSupport",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SnapgateTektonTests",
            dependencies: ["SnapgateTekton", "SnapgateModel", "SnapgateNode", "SnapgateYAML"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SnapgateCLITests",
            dependencies: ["SnapgateCLI", "SnapgateTestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)
