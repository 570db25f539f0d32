import Foundation
import XCTest
import WowGuardCore

final class ScanCommandTests: XCTestCase {
    func testCleanTreeExitsZero() throws {
        let dir = try TempDir()
        try dir.write("src/app.py", "def main():\n    print('hello')\n")
        let r = try CLI.run(["scan", "--no-git", "."], cwd: dir.url)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Nothing found"), r.stdout)
    }

    func testFindingExitsOneAndJSONHasTheDocumentedShape() throws {
        let dir = try TempDir()
        let token = TestSecrets.githubToken()
        try dir.write("config/settings.py", "import os\n\nGITHUB_TOKEN = \"\(token)\"\n")
        let r = try CLI.run(["scan", "--no-git", "--format", "json", "."], cwd: dir.url)
        XCTAssertEqual(r.status, 1, r.stderr)
        let obj = try jsonObject(r.stdout)
        let findings = try XCTUnwrap(obj["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.count, 1)
        let f = try XCTUnwrap(findings.first)
        for key in ["rule_id", "description", "severity", "path", "line", "column", "end_line", "fingerprint", "secret"] {
            XCTAssertNotNil(f[key], "missing \(key)")
        }
        XCTAssertEqual(f["rule_id"] as? String, "github-token")
        XCTAssertEqual(f["path"] as? String, "config/settings.py")
        XCTAssertEqual(f["line"] as? Int, 3)
        XCTAssertEqual(f["column"] as? Int, 17)
        let secret = try XCTUnwrap(f["secret"] as? String)
        XCTAssertFalse(secret.contains(String(token.dropFirst(4))), "secret must be redacted")
        XCTAssertFalse(r.stdout.contains(token))
        let stats = try XCTUnwrap(obj["stats"] as? [String: Any])
        XCTAssertEqual(stats["files"] as? Int, 1)
        XCTAssertNotNil(stats["bytes"] as? Int)
        XCTAssertNotNil(stats["duration_ms"] as? Int)
    }

    func testTextOutputRedactsAndNamesTheFile() throws {
        let dir = try TempDir()
        let token = TestSecrets.githubToken()
        try dir.write("a.env", "TOKEN=\(token)\n")
        let r = try CLI.run(["scan", "--no-git", "."], cwd: dir.url)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("a.env"))
        XCTAssertTrue(r.stdout.contains("1:7"))
        XCTAssertFalse(r.stdout.contains(token))
        XCTAssertFalse(r.stdout.contains("\u{1B}["), "no colours when not a TTY")
    }

    func testSARIFOutput() throws {
        let dir = try TempDir()
        try dir.write("dir with space/db.yaml", "url: \(TestSecrets.dbURL())\n")
        let r = try CLI.run(["scan", "--no-git", "--format", "sarif", "."], cwd: dir.url)
        XCTAssertEqual(r.status, 1)
        let obj = try jsonObject(r.stdout)
        XCTAssertEqual(obj["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((obj["runs"] as? [[String: Any]])?.first)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "wow-guard")
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.first?["id"] as? String, "database-url-password")
        let result = try XCTUnwrap((run["results"] as? [[String: Any]])?.first)
        XCTAssertEqual(result["ruleId"] as? String, "database-url-password")
        let loc = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        XCTAssertEqual((loc["artifactLocation"] as? [String: Any])?["uri"] as? String, "dir%20with%20space/db.yaml")
        XCTAssertEqual((loc["region"] as? [String: Any])?["startLine"] as? Int, 1)
    }

    func testRepoAllowlistPathsFingerprintsAndInlineMarker() throws {
        let dir = try TempDir()
        let t1 = TestSecrets.githubToken(), t2 = TestSecrets.githubToken(), t3 = TestSecrets.githubToken()
        try dir.write("tests/fixtures/secrets.txt", "token=\(t1)\n")
        try dir.write("src/a.py", "TOKEN = \"\(t2)\"  # wow-guard:allow\n")
        try dir.write("src/b.py", "TOKEN = \"\(t3)\"\n")
        let fp = Fingerprint.make(ruleID: "github-token", secret: t3)
        try dir.write(".wow-guard.toml", """
            [allowlist]
            paths = ["tests/fixtures/**"]
            fingerprints = ["\(fp)"]
            """)
        let r = try CLI.run(["scan", "--no-git", "--format", "json", "."], cwd: dir.url)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        // Without the config, all three are reported.
        try FileManager.default.removeItem(at: dir.url.appendingPathComponent(".wow-guard.toml"))
        let r2 = try CLI.run(["scan", "--no-git", "--format", "json", "."], cwd: dir.url)
        XCTAssertEqual(r2.status, 1)
        XCTAssertEqual((try jsonObject(r2.stdout)["findings"] as? [Any])?.count, 2, "the inline marker still applies")
    }

    func testFingerprintIsStableWhenTheFileChangesElsewhere() throws {
        let dir = try TempDir()
        let token = TestSecrets.githubToken()
        try dir.write("a.txt", "token=\(token)\n")
        let a = try jsonObject(try CLI.run(["scan", "--no-git", "--format", "json", "."], cwd: dir.url).stdout)
        try dir.write("a.txt", "# a new header line\n\n  token=\(token)\n")
        let b = try jsonObject(try CLI.run(["scan", "--no-git", "--format", "json", "."], cwd: dir.url).stdout)
        let fa = (a["findings"] as? [[String: Any]])?.first, fb = (b["findings"] as? [[String: Any]])?.first
        XCTAssertNotNil(fa?["fingerprint"] as? String)
        XCTAssertEqual(fa?["fingerprint"] as? String, fb?["fingerprint"] as? String)
        XCTAssertNotEqual(fa?["line"] as? Int, fb?["line"] as? Int)
    }

    func testConfigErrorsNameFileAndLineAndExitTwo() throws {
        let dir = try TempDir()
        try dir.write("a.txt", "nothing\n")
        let cases: [(String, String)] = [
            ("[allowlist]\npaths = [\"ok/**\"]\nunknown_key = 1\n", ".wow-guard.toml:3: unknown key 'unknown_key'"),
            ("[allowlist]\n\npaths = [\"fixtures/[abc\"]\n", ".wow-guard.toml:3: unclosed '['"),
            ("[allowlist]\nregexes = ['(unclosed']\n", ".wow-guard.toml:2: invalid allowlist regex"),
            ("[rules]\ndisable = [\"no-such-rule\"]\n", ".wow-guard.toml:2: unknown rule id 'no-such-rule'"),
            ("[allowlist\n", ".wow-guard.toml:1:"),
            ("[alowlist]\npaths = []\n", ".wow-guard.toml:1: unknown key 'alowlist'"),
        ]
        for (config, expected) in cases {
            try dir.write(".wow-guard.toml", config)
            let r = try CLI.run(["scan", "--no-git", "."], cwd: dir.url)
            XCTAssertEqual(r.status, 2, "config: \(config)")
            XCTAssertTrue(r.stderr.contains(expected), "expected \(expected) in: \(r.stderr)")
        }
    }

    func testUsageErrorsExitTwo() throws {
        let dir = try TempDir()
        XCTAssertEqual(try CLI.run(["scan", "--format", "yaml", "."], cwd: dir.url).status, 2)
        XCTAssertEqual(try CLI.run(["scan", "--no-such-flag"], cwd: dir.url).status, 2)
        let missing = try CLI.run(["scan", "does/not/exist"], cwd: dir.url)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no such file or directory"), missing.stderr)
    }

    func testUserConfigMergesUnderRepoConfig() throws {
        let dir = try TempDir()
        let t1 = TestSecrets.githubToken(), t2 = TestSecrets.githubToken()
        try dir.write("vendor/a.txt", "token=\(t1)\n")
        try dir.write("fixtures/b.txt", "token=\(t2)\n")
        try dir.write(".wow-guard.toml", "[allowlist]\npaths = [\"fixtures/\"]\n")
        try dir.write("xdg/wow-guard/config.toml", "[allowlist]\npaths = [\"vendor/**\"]\n")
        let r = try CLI.run(["scan", "--no-git", "."], cwd: dir.url, env: ["XDG_CONFIG_HOME": dir.url.appendingPathComponent("xdg").path])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        let r2 = try CLI.run(["scan", "--no-git", "."], cwd: dir.url)
        XCTAssertEqual(r2.status, 1)
    }

    func testGitRepositoryScanRespectsGitignoreAndNoGitDoesNot() throws {
        let dir = try TempDir()
        try dir.git("init", "-q")
        try dir.write(".gitignore", "build/\n")
        try dir.write("build/out.txt", "token=\(TestSecrets.githubToken())\n")
        try dir.write("src/ok.txt", "fine\n")
        XCTAssertEqual(try CLI.run(["scan", "."], cwd: dir.url).status, 0)
        XCTAssertEqual(try CLI.run(["scan", "--no-git", "."], cwd: dir.url).status, 1)
        // Untracked but not ignored: scanned.
        try dir.write("new.txt", "token=\(TestSecrets.githubToken())\n")
        XCTAssertEqual(try CLI.run(["scan", "."], cwd: dir.url).status, 1)
    }

    func testBinaryFilesAreSkippedAndInvalidUTF8IsScanned() throws {
        let dir = try TempDir()
        let token = TestSecrets.githubToken()
        try dir.write("blob.dat", bytes: [0, 1, 2, 0] + Array("token=\(token)".utf8))
        XCTAssertEqual(try CLI.run(["scan", "--no-git", "."], cwd: dir.url).status, 0)
        try dir.write("latin1.txt", bytes: [0xE9, 0xFF, 0x20] + Array("token=\(token)\n".utf8) + [0xC3])
        let r = try CLI.run(["scan", "--no-git", "--format", "json", "."], cwd: dir.url)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual((try jsonObject(r.stdout)["findings"] as? [[String: Any]])?.first?["path"] as? String, "latin1.txt")
    }

    func testLargeFileAcrossChunksReportsTheRightLine() throws {
        let dir = try TempDir()
        // ~20 MiB: secrets before, on and after the 8 MiB chunk boundaries, one minified 2 MiB line.
        let filler = String(repeating: "let value = compute(input, options) // ordinary code line\n", count: 1)
        var text = ""
        var expected: [Int] = []
        var line = 1
        while text.utf8.count < 20 * 1024 * 1024 {
            if line % 90_000 == 0 {
                text += "token = \"\(TestSecrets.githubToken())\"\n"
                expected.append(line)
            } else if line == 50_000 {
                text += String(repeating: "a=1;", count: 512 * 1024) + "\n"
            } else {
                text += filler
            }
            line += 1
        }
        try dir.write("big.txt", text)
        let r = try CLI.run(["scan", "--no-git", "--format", "json", "."], cwd: dir.url)
        let lines = (try jsonObject(r.stdout)["findings"] as? [[String: Any]])?.compactMap { $0["line"] as? Int }
        XCTAssertEqual(lines, expected)
    }

    func testRulesCommandListsTheCatalog() throws {
        let dir = try TempDir()
        let r = try CLI.run(["rules"], cwd: dir.url)
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("github-token"))
        XCTAssertTrue(r.stdout.contains("\(RuleRegistry.all.count) rules"))
    }
}
