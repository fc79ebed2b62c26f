// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "chiso",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "chiso", targets: ["chiso"]),
        .library(name: "ChiSoCore", targets: ["ChiSoCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/vapor/vapor.git", from: "4.115.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.5.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.0"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.12.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.19"),
    ],
    targets: [
        // The rules of a regulation: index model, YAML reading and validation,
        // scoring, classification, ranking, file exchange. No web framework.
        .target(
            name: "ChiSoCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The web application: Vapor + Fluent around ChiSoCore.
        .target(
            name: "App",
            dependencies: [
                "ChiSoCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
            ]
        ),
        // The one executable: `chiso serve`, `migrate`, `demo`, `index check`, `score`, ...
        .executableTarget(
            name: "chiso",
            dependencies: [
                "ChiSoCore",
                "App",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Malformed inputs for the core's readers: the unit tests' and bench/fuzz's generators (one copy).
        .target(
            name: "HostileInputs",
            path: "Tests/HostileInputs"
        ),
        .testTarget(
            name: "ChiSoCoreTests",
            dependencies: [
                "ChiSoCore",
                "HostileInputs",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]
        ),
        // Runs the built `chiso` binary: exit statuses, standard output and error.
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            exclude: ["__Snapshots__", "Fixtures"]
        ),
        .testTarget(
            name: "ChisoCommandTests",
            dependencies: ["chiso", "ChiSoCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
