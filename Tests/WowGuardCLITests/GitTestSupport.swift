import Foundation
import XCTest

/// A throw-away git repository driven by the real `git` binary, isolated from the machine's
/// global configuration (HOME and XDG point into the test directory).
final class GitRepo {
    let dir: TempDir
    var url: URL { dir.url.appendingPathComponent("repo") }
    var home: URL { dir.url.appendingPathComponent("home") }

    init(initialize: Bool = true) throws {
        dir = try TempDir()
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        if initialize { try git("init", "-q", "-b", "main") }
    }

    var environment: [String: String] {
        var e = ProcessInfo.processInfo.environment
        e["HOME"] = home.path
        e["XDG_CONFIG_HOME"] = home.appendingPathComponent(".config").path
        e["GIT_CONFIG_NOSYSTEM"] = "1"
        e["GIT_AUTHOR_NAME"] = "Test Author"
        e["GIT_AUTHOR_EMAIL"] = "author@example.invalid"
        e["GIT_COMMITTER_NAME"] = "Test Author"
        e["GIT_COMMITTER_EMAIL"] = "author@example.invalid"
        e["NO_COLOR"] = "1"
        for k in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"] { e[k] = nil }
        return e
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    func run(_ exe: String, _ args: [String], cwd: URL? = nil, extraEnv: [String: String] = [:]) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        p.currentDirectoryURL = cwd ?? url
        var env = environment
        for (k, v) in extraEnv { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// Runs git and fails the test on a non-zero exit.
    @discardableResult
    func git(_ args: String..., cwd: URL? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try run("/usr/bin/env", ["git"] + args, cwd: cwd)
        if r.status != 0 { XCTFail("git \(args.joined(separator: " ")) failed: \(r.stderr)", file: file, line: line) }
        return r.stdout
    }

    /// Runs git and returns the whole result (for commits expected to fail).
    func tryGit(_ args: String..., cwd: URL? = nil, extraEnv: [String: String] = [:]) throws -> Run {
        try run("/usr/bin/env", ["git"] + args, cwd: cwd, extraEnv: extraEnv)
    }

    @discardableResult
    func guardRun(_ args: String..., cwd: URL? = nil) throws -> Run {
        try run(CLI.binary, args, cwd: cwd)
    }

    func write(_ path: String, _ text: String) throws {
        let f = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: f.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: f)
    }

    func write(_ path: String, bytes: [UInt8]) throws {
        let f = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: f.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: f)
    }

    func installHook() throws {
        let r = try guardRun("install", "--git")
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func headCount() throws -> Int {
        let r = try tryGit("rev-list", "--count", "HEAD")
        return r.status == 0 ? Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 : 0
    }
}
