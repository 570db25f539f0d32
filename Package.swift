// swift-tools-version:6.0
import PackageDescription

// libgit2 and its dependencies are linked statically on Linux so that the binary loads no extra
// shared libraries at start-up (the agent hook runs on every tool call); Debian ships the archives
// with libgit2-dev, libssl-dev and zlib1g-dev. On macOS, Homebrew's dynamic libgit2 is used.
let staticLibgit2: [LinkerSetting] = [
    "libgit2.a", "libmbedtls.a", "libmbedx509.a", "libmbedcrypto.a", "libhttp_parser.a",
    "libssh2.a", "libssl.a", "libcrypto.a", "libz.a",
].map { .linkedLibrary(":" + $0, .when(platforms: [.linux])) } + [.linkedLibrary("git2", .when(platforms: [.macOS]))]

// PCRE2 too: Debian's libpcre2-dev ships libpcre2-8.a, so the binary a user copies to another
// machine of the same OS needs no libpcre2 there. macOS links Homebrew's library.
let pcre2Link: [LinkerSetting] = [
    .linkedLibrary(":libpcre2-8.a", .when(platforms: [.linux])),
    .linkedLibrary("pcre2-8", .when(platforms: [.macOS])),
    .unsafeFlags(["-L/opt/homebrew/lib", "-L/usr/local/lib"], .when(platforms: [.macOS])),
]
let pcre2Include: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-I/opt/homebrew/include", "-Xcc", "-I/usr/local/include"], .when(platforms: [.macOS]))]

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
        // No pkgConfig: it would add `-lpcre2-8` (the shared library) to every link.
        .systemLibrary(name: "CPCRE2", providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]),
        // SQLite for the audit log and the secret-taint store, linked statically on Linux (no extra
        // shared library to load on every agent hook call). Not through pkg-config: its `-lsqlite3`
        // would pull in the shared library; sqlite3.h is in the default include path.
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        .systemLibrary(name: "CLibgit2", providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]),
        // libgit2's static archive references GSSAPI (HTTP Negotiate auth, never used here).
        .target(name: "GSSStubs"),
        // The commit the binary is built from, for `--version` (the Makefile defines WOW_GUARD_COMMIT).
        .target(name: "CBuildInfo"),
        // Pure core: text in, findings out. No file system, git, stdin or clock.
        .target(name: "WowGuardCore", dependencies: ["CPCRE2"], swiftSettings: pcre2Include, linkerSettings: pcre2Link),
        // The one copy of the POSIX helpers (environment, files, clocks, PATH look-up).
        .target(name: "WowGuardSystem"),
        // git plumbing through libgit2: staged changes, history, hook installation.
        .target(
            name: "WowGuardGit",
            dependencies: ["WowGuardCore", "WowGuardSystem", "CLibgit2", .target(name: "GSSStubs", condition: .when(platforms: [.linux]))],
            linkerSettings: staticLibgit2
        ),
        // Session state in SQLite: audit log with a hash chain, secret taint, escalation.
        .target(
            name: "WowGuardStore",
            dependencies: ["CSQLite", "WowGuardCore", "WowGuardSystem"],
            linkerSettings: [.linkedLibrary(":libsqlite3.a", .when(platforms: [.linux])), .linkedLibrary("m", .when(platforms: [.linux])),
                             .linkedLibrary("sqlite3", .when(platforms: [.macOS]))]
        ),
        // Agent hook protocols (Claude Code, Codex, Gemini CLI, Copilot, Cursor, Windsurf): decode, encode, install.
        .target(name: "WowGuardAgents", dependencies: ["WowGuardCore", "WowGuardSystem", "WowGuardStore"]),
        .target(
            name: "WowGuardCLI",
            dependencies: [
                "WowGuardCore",
                "WowGuardGit",
                "WowGuardAgents",
                "WowGuardSystem",
                "CBuildInfo",
                "WowGuardStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "wow-guard", dependencies: ["WowGuardCLI"]),
        .testTarget(name: "WowGuardCoreTests", dependencies: ["WowGuardCore"]),
        .testTarget(name: "WowGuardAgentsTests", dependencies: ["WowGuardAgents", "WowGuardCore", "WowGuardSystem", "WowGuardStore"]),
        .testTarget(name: "WowGuardCLITests", dependencies: ["WowGuardCore", "WowGuardCLI", "wow-guard"]),
    ]
)
