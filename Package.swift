// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "ClusterPlan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "clusterplan", targets: ["clusterplan"]),
        // The readers `make fuzz` drives (Fuzz/Package.swift depends on these).
        .library(name: "Planning", targets: ["Planning"]),
        .library(name: "PlanFiles", targets: ["PlanFiles"]),
        .library(name: "ICal", targets: ["ICal"]),
        .library(name: "Clustering", targets: ["Clustering"]),
        .library(name: "WordPlans", targets: ["WordPlans"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Reads WordprocessingML for `convert`: a small DOM over Foundation's XMLParser.
        .package(url: "https://github.com/drmohundro/SWXMLHash", from: "8.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Already resolved through Hummingbird; listed for NIOLockedValueBox in the server's cache and the
        // channel handler that closes slow connections (ConnectionGuard.swift).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Sign-in: bcrypt password hashes (HummingbirdBcrypt) and the authenticated request context
        // (HummingbirdAuth), the model of hummingbird-examples' auth and sessions samples.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        // Reads the workspace's multipart/form-data uploads (materials); Hummingbird has no parser of its own.
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        // SHA-256 of session ids and API tokens, so the store keeps only hashes (already resolved through
        // hummingbird-auth).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The mail service of `serve` runs beside the HTTP server in Hummingbird's service group (already resolved
        // through Hummingbird).
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // The PostgreSQL store (issue 18): the server's async client with a connection pool and LISTEN/NOTIFY.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // Pure layers: no I/O, no global state.
        .target(name: "Planning"),
        // The command line's text table, CSV fields and YAML scalars, shared by every renderer.
        .target(name: "Tabular", dependencies: ["Planning"]),
        .target(name: "Scheduler", dependencies: ["Planning"]),
        .target(name: "Clustering", dependencies: ["Planning", "Tabular"]),

        // Adapters.
        .systemLibrary(
            name: "CLibical",
            pkgConfig: "libical",
            providers: [.apt(["libical-dev"])]
        ),
        .target(name: "ICal", dependencies: ["CLibical", "Planning"]),
        // libqrencode: the subscribe box's QR code of a feed address, drawn as SVG by `QRCode`.
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .target(name: "QRCode", dependencies: ["CQRencode"]),
        .target(
            name: "PlanFiles",
            dependencies: ["Planning", "Clustering", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources")]
        ),
        // The store interface, and GRDB/SQLite as its first implementation.
        .target(name: "Store", dependencies: ["Planning", "Clustering"]),
        .target(name: "SQLiteStore", dependencies: ["Store", "Planning", "Clustering", .product(name: "GRDB", package: "GRDB.swift"),
                                                   // sqlite3_step for the bulk inserts, which bind each value in place
                                                   .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        // PostgreSQL as the second implementation, for several server instances on one district database;
        // only what opens a store links postgres-nio.
        .target(
            name: "PostgresStore",
            dependencies: [
                "Store", "Planning", "Clustering",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // librsvg + cairo: the report's SVG charts as PNG images for the DOCX report.
        .systemLibrary(
            name: "CRsvg",
            pkgConfig: "librsvg-2.0",
            providers: [.apt(["librsvg2-dev"])]
        ),
        .target(
            name: "Reports",
            dependencies: ["Planning", "Tabular", "CRsvg", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
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

        // What `serve` and `publish` share, pure: page models, site content, JSON shapes, the publisher.
        .target(
            name: "Site",
            dependencies: ["Planning", "ICal", "Reports", "Clustering", "QRCode", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // HTTP: Hummingbird routes over `Site` and any `DistrictStore`.
        .target(
            name: "Server",
            dependencies: [
                "Planning", "Store", "Site", "Reports", "Operations", "Clustering",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        // One function per command: what the executable calls after parsing its flags.
        .target(
            name: "Operations",
            dependencies: [
                "Planning", "PlanFiles", "Store", "ICal", "Scheduler", "Clustering", "Reports", "Site", "Tabular",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),

        // The executable only parses arguments and calls the libraries.
        .executableTarget(
            name: "clusterplan",
            dependencies: [
                "Planning", "PlanFiles", "Store", "SQLiteStore", "PostgresStore", "ICal", "Scheduler", "Clustering", "Reports", "Site",
                "Server", "Operations", "WordPlans",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // jemalloc instead of glibc's malloc: a country's import and export make and free millions
            // of small strings and libical nodes on two threads, and glibc's allocator was a sixth of
            // their CPU (BENCHMARKS.md, round 9).
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // Made-up districts of any size, for `make bench` and property tests.
        .target(name: "Synthetic", dependencies: ["Planning", "Tabular"]),
        // `make bench`: release-build timings of the scheduler, feeds, reports and clustering.
        .executableTarget(
            name: "clusterplan-bench",
            dependencies: ["Planning", "PlanFiles", "ICal", "Scheduler", "Clustering", "Reports", "Store", "SQLiteStore", "PostgresStore",
                           "Site", "Server", "Synthetic", "Operations"]
        ),

        .testTarget(name: "PlanningTests", dependencies: ["Planning", "PlanFiles", "TestSupport"]),
        .testTarget(name: "TabularTests", dependencies: ["Tabular", "Planning"]),
        .testTarget(name: "PlanFilesTests", dependencies: ["TestSupport", "PlanFiles"]),
        .testTarget(
            name: "StoreTests",
            dependencies: ["TestSupport", "Clustering", "Store", "SQLiteStore", "PostgresStore", "PlanFiles", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "QRCodeTests", dependencies: ["TestSupport", "QRCode"]),
        .testTarget(name: "ICalTests", dependencies: ["TestSupport", "ICal", "CLibical", "PlanFiles"]),
        .testTarget(
            name: "SchedulerTests",
            dependencies: [
                "TestSupport", "Scheduler", "PlanFiles", "Synthetic", .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ClusteringTests",
            dependencies: ["TestSupport", "Clustering", "PlanFiles", .product(name: "Yams", package: "Yams")]
        ),
        // Runs the built `clusterplan` binary: exit codes, stdout and stderr as a user sees them.
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "clusterplan", "Operations", "SQLiteStore", "Planning"]),
        .testTarget(name: "ReportsTests", dependencies: ["TestSupport", "Reports", "PlanFiles", "WordPlans"]),
        .testTarget(name: "WordPlansTests", dependencies: ["TestSupport", "WordPlans", "PlanFiles", "Reports"]),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "TestSupport", "Server", "Site", "Store", "SQLiteStore", "PostgresStore", "PlanFiles", "ICal", "Planning", "Scheduler",
                "Operations", "Clustering",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
