// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "wow-guard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "wow-guard", targets: ["wow-guard"]),
        .library(name: "WowGuardCore", targets: ["WowGuardCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        // Pure core: text in, findings out. No file system, git, stdin or clock.
        .target(name: "WowGuardCore", dependencies: ["CPCRE2"]),
        .target(
            name: "WowGuardCLI",
            dependencies: [
                "WowGuardCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "wow-guard", dependencies: ["WowGuardCLI"]),
        .testTarget(name: "WowGuardCoreTests", dependencies: ["WowGuardCore"]),
        .testTarget(name: "WowGuardCLITests", dependencies: ["WowGuardCore", "wow-guard"]),
    ]
)
