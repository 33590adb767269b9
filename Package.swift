// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "ClusterPlan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "clusterplan", targets: ["clusterplan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Reads WordprocessingML for `convert`: a small DOM over Foundation's XMLParser.
        .package(url: "https://github.com/drmohundro/SWXMLHash", from: "8.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Already resolved through Hummingbird; listed for `serve`'s 304 fast path (NotModifiedFastPath.swift).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        // Pure layers: no I/O, no global state.
        .target(name: "Planning"),
        .target(name: "Scheduler", dependencies: ["Planning"]),
        .target(
            name: "Clustering",
            dependencies: ["Planning", .product(name: "SwiftCSV", package: "SwiftCSV")]
        ),

        // Adapters.
        .systemLibrary(
            name: "CLibical",
            pkgConfig: "libical",
            providers: [.apt(["libical-dev"])]
        ),
        .target(name: "ICal", dependencies: ["CLibical", "Planning"]),
        .target(
            name: "PlanFiles",
            dependencies: ["Planning", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources")]
        ),
        .target(name: "Store", dependencies: ["Planning", .product(name: "GRDB", package: "GRDB.swift")]),
        // librsvg + cairo: the report's SVG charts as PNG images for the DOCX report.
        .systemLibrary(
            name: "CRsvg",
            pkgConfig: "librsvg-2.0",
            providers: [.apt(["librsvg2-dev"])]
        ),
        .target(
            name: "Reports",
            dependencies: ["Planning", "CRsvg", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // A Word work plan (seed 003's layout) -> plan values, or every problem with its table row.
        .target(
            name: "WordPlans",
            dependencies: [
                "Planning",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SWXMLHash", package: "SWXMLHash"),
            ]
        ),

        // HTTP: feeds, pages and the JSON API for `serve`; the same files for `publish`.
        .target(
            name: "Server",
            dependencies: [
                "Planning", "Store", "ICal", "Reports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // The executable only parses arguments and calls the libraries.
        .executableTarget(
            name: "clusterplan",
            dependencies: [
                "Planning", "PlanFiles", "Store", "ICal", "Scheduler", "Clustering", "Reports", "Server", "WordPlans",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // `make bench`: release-build timings of the scheduler, feeds, reports and clustering.
        .executableTarget(
            name: "clusterplan-bench",
            dependencies: ["Planning", "PlanFiles", "ICal", "Scheduler", "Clustering", "Reports", "Store", "Server"]
        ),

        .testTarget(name: "PlanningTests", dependencies: ["Planning", "TestSupport"]),
        .testTarget(name: "PlanFilesTests", dependencies: ["TestSupport", "PlanFiles"]),
        .testTarget(name: "StoreTests", dependencies: ["TestSupport", "Store", "PlanFiles"]),
        .testTarget(name: "ICalTests", dependencies: ["TestSupport", "ICal", "CLibical", "PlanFiles"]),
        .testTarget(
            name: "SchedulerTests",
            dependencies: ["TestSupport", "Scheduler", "PlanFiles", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "ClusteringTests",
            dependencies: ["TestSupport", "Clustering", "PlanFiles", .product(name: "Yams", package: "Yams")]
        ),
        // Runs the built `clusterplan` binary: exit codes, stdout and stderr as a user sees them.
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "clusterplan"]),
        .testTarget(name: "ReportsTests", dependencies: ["TestSupport", "Reports", "PlanFiles", "WordPlans"]),
        .testTarget(name: "WordPlansTests", dependencies: ["TestSupport", "WordPlans", "PlanFiles", "Reports"]),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "TestSupport", "Server", "Store", "PlanFiles", "ICal", "Planning", "Scheduler",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
