import Foundation
import XCTest
import WowGuardCore

/// Runs the built `wow-guard` binary (the debug build beside the test bundle).
enum CLI {
    /// The binary under test: this build's `wow-guard`, or `WOW_GUARD_TEST_BINARY` when set (to run the
    /// CLI tests against a release build, or against an older binary to show that a regression test
    /// fails there).
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["WOW_GUARD_TEST_BINARY"], !path.isEmpty { return path }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // On Linux the test runner is the .xctest binary inside the build folder; on macOS, inside a bundle.
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("wow-guard").path) && dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("wow-guard").path
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    static func run(_ args: [String], cwd: URL, env: [String: String] = [:], stdin: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        p.currentDirectoryURL = cwd
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = cwd.appendingPathComponent(".no-user-config").path
        // A fresh state store per call unless the test names one (no audit log or taint between tests).
        environment["WOW_GUARD_STATE_DIR"] = FileManager.default.temporaryDirectory.appendingPathComponent("wow-guard-test-state/\(UUID().uuidString)").path
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}

/// A temporary directory removed after the test.
final class TempDir {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("wow-guard-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ path: String, _ text: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func write(_ path: String, bytes: [UInt8]) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
    }

    @discardableResult
    func git(_ args: String...) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "init.defaultBranch=main"] + args
        p.currentDirectoryURL = url
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw NSError(domain: "git \(args.joined(separator: " ")) failed", code: Int(p.terminationStatus)) }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Fresh random test secrets (never committed).
enum TestSecrets {
    static func random(_ n: Int, _ alphabet: String = Synthetic.base62) -> String {
        let chars = Array(alphabet)
        return String((0..<n).map { _ in chars.randomElement()! })
    }

    static func githubToken() -> String {
        let body = random(30)
        return "ghp_" + body + Checksums.base62(Checksums.crc32(Array(body.utf8)), width: 6)
    }

    static func dbURL() -> String { "postgres://app:\(random(20))@db.internal:5432/app" }
}

func jsonObject(_ text: String) throws -> [String: Any] {
    guard let obj = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
        throw NSError(domain: "not a JSON object: \(text.prefix(200))", code: 0)
    }
    return obj
}
