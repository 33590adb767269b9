// swift-tools-version: 6.2
// libFuzzer targets for the readers of untrusted files; built and run by `make fuzz`
// (scripts/fuzz.sh) with `-sanitize=fuzzer,address`, never by `make test`.
// A separate package because a fuzz target has no `main` of its own: libFuzzer supplies it.
import PackageDescription

let package = Package(
    name: "ClusterPlanFuzz",
    dependencies: [.package(name: "ClusterPlan", path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzPlanFile", dependencies: ["FuzzSupport", .product(name: "PlanFiles", package: "ClusterPlan")]),
        .executableTarget(
            name: "FuzzBusyICS",
            dependencies: ["FuzzSupport", .product(name: "ICal", package: "ClusterPlan"), .product(name: "Planning", package: "ClusterPlan")]
        ),
        .executableTarget(name: "FuzzResultsCSV", dependencies: ["FuzzSupport", .product(name: "Clustering", package: "ClusterPlan")]),
        .executableTarget(name: "FuzzWordPlan", dependencies: ["FuzzSupport", .product(name: "WordPlans", package: "ClusterPlan")]),
    ]
)
