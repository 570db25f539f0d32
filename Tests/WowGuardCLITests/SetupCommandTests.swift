import Foundation
import XCTest
import WowGuardCore

/// init, baseline, allow --reason, explain, junit/quiet output, exit-code docs.
final class SetupCommandTests: XCTestCase {
    static let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testInitWritesTheTemplateAndRefusesToOverwrite() throws {
        let repo = try GitRepo()
        let sub = repo.url.appendingPathComponent("src/deep")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let r = try repo.guardRun("init", cwd: sub)
        XCTAssertEqual(r.status, 0, r.stderr)
        let written = try String(contentsOf: repo.url.appendingPathComponent(".wow-guard.toml"), encoding: .utf8)
        let template = try String(contentsOf: Self.source.appendingPathComponent("Templates/wow-guard.toml"), encoding: .utf8)
        XCTAssertEqual(written, template, "init writes Templates/wow-guard.toml (the embedded copy must match it)")
        for key in ["[allowlist]", "paths", "fingerprints", "regexes", "stopwords", "[rules]", "disable", "[[rules.custom]]", "secret_group", "entropy", "multiline", "allow_patterns", "counter_examples"] {
            XCTAssertTrue(written.contains(key), "the template explains \(key)")
        }
        let again = try repo.guardRun("init")
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("already exists") && again.stderr.contains("--force"), again.stderr)
        XCTAssertEqual(try repo.guardRun("init", "--force").status, 0)
        XCTAssertEqual(try repo.guardRun("scan").status, 0, "the written file loads")
    }

    func testBaselineIsChurnFreeAndStillReportsNewSecrets() throws {
        let repo = try GitRepo()
        let url = TestSecrets.dbURL()
        try repo.write("config/db.yaml", "name: app\nurl: \(url)\n")
        try repo.write("deploy/db.yaml", "url: \(url)\n")
        try repo.write("src/main.py", "print('hi')\n")
        try repo.git("add", ".")
        try repo.git("commit", "-q", "--no-verify", "-m", "init")
        XCTAssertEqual(try repo.guardRun("scan").status, 1)
        let b = try repo.guardRun("baseline", "--reason", "legacy, rotated in TICKET-1")
        XCTAssertEqual(b.status, 0, b.stderr)
        let file = repo.url.appendingPathComponent(".wow-guard-baseline.toml")
        let first = try Data(contentsOf: file)
        let text = String(decoding: first, as: UTF8.self)
        XCTAssertTrue(text.contains("legacy, rotated in TICKET-1"))
        XCTAssertFalse(text.contains(url), "no secret in the baseline")
        XCTAssertNil(text.range(of: #"(?m)^(line|date|time\w*)\s*=|\d{4}-\d\d-\d\d"#, options: .regularExpression), "no line numbers or dates")
        XCTAssertEqual(try repo.guardRun("scan").status, 0)

        // Unrelated edits, a moved secret and a rebase-like rewrite leave the file byte-identical.
        try repo.write("src/main.py", "print('hello')\nprint('more')\n")
        try repo.write("config/db.yaml", "# header\n\nname: app\nextra: 1\nurl: \(url)\n")
        XCTAssertEqual(try repo.guardRun("scan").status, 0, "a moved secret stays accepted")
        XCTAssertEqual(try repo.guardRun("baseline").status, 0)
        XCTAssertEqual(try Data(contentsOf: file), first)

        // A new secret on an accepted line is reported, by scan and by the hook.
        try repo.write("config/db.yaml", "# header\n\nname: app\nextra: 1\nurl: \(url) backup: \(TestSecrets.dbURL())\n")
        let r = try repo.guardRun("scan", "--format", "json")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual((try jsonObject(r.stdout)["findings"] as? [[String: Any]])?.count, 1)
        try repo.git("add", ".")
        XCTAssertEqual(try repo.guardRun("pre-commit").status, 1)
        try repo.git("reset", "-q")
        try repo.write("config/db.yaml", "name: app\nurl: \(url)\n")

        // Stale entries: reported by scan, removed by --prune.
        try FileManager.default.removeItem(at: repo.url.appendingPathComponent("deploy/db.yaml"))
        let stale = try repo.guardRun("scan")
        XCTAssertEqual(stale.status, 0)
        XCTAssertTrue(stale.stdout.contains("1 baseline entry matches nothing") && stale.stdout.contains("deploy/db.yaml"), stale.stdout)
        let json = try jsonObject(try repo.guardRun("scan", "--format", "json").stdout)
        XCTAssertEqual(((json["stats"] as? [String: Any])?["stale_baseline"] as? [String])?.count, 1)
        XCTAssertEqual(try repo.guardRun("baseline", "--prune").status, 0)
        let pruned = try String(contentsOf: file, encoding: .utf8)
        XCTAssertFalse(pruned.contains("deploy/db.yaml"))
        XCTAssertTrue(pruned.contains("config/db.yaml"))
        XCTAssertFalse(try repo.guardRun("scan").stdout.contains("matches nothing"))
        XCTAssertEqual(try repo.guardRun("scan", "--no-baseline").status, 1)
        // A broken baseline file is an error naming file and line.
        try repo.write(".wow-guard-baseline.toml", "[[accepted]]\nrule = \"x\"\nhash = \"nothex\"\npath = \"a\"\n")
        let bad = try repo.guardRun("scan")
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains(".wow-guard-baseline.toml:") && bad.stderr.contains("16 lower-case hex"), bad.stderr)
    }

    func testAllowWithReasonWritesTheReasonBesideTheFingerprint() throws {
        let dir = try TempDir()
        let token = TestSecrets.githubToken()
        try dir.write("a.env", "TOKEN=\(token)\n")
        let fp = Fingerprint.make(ruleID: "github-token", secret: token)
        let r = try CLI.run(["allow", fp, "--reason", "revoked test token"], cwd: dir.url)
        XCTAssertEqual(r.status, 0, r.stderr)
        let cfg = try String(contentsOf: dir.url.appendingPathComponent(".wow-guard.toml"), encoding: .utf8)
        XCTAssertTrue(cfg.contains("# revoked test token"), cfg)
        XCTAssertEqual(try CLI.run(["scan", "--no-git", "."], cwd: dir.url).status, 0)
        // A second one, into the existing array, keeps the file loadable.
        let t2 = TestSecrets.githubToken()
        try dir.write("b.env", "TOKEN=\(t2)\n")
        XCTAssertEqual(try CLI.run(["allow", Fingerprint.make(ruleID: "github-token", secret: t2), "--reason", "second"], cwd: dir.url).status, 0)
        XCTAssertEqual(try CLI.run(["scan", "--no-git", "."], cwd: dir.url).status, 0)
    }

    func testExplainEveryKindOfRuleAndUnknownIDs() throws {
        let dir = try TempDir()
        for id in ["github-token", "rce.pipe-to-shell", "unicode.bidi-control", "script.persistence"] + RuleCatalog.all.filter { $0.kind == .policy }.prefix(1).map(\.id) {
            let r = try CLI.run(["explain", id], cwd: dir.url)
            XCTAssertEqual(r.status, 0, id + r.stderr)
            XCTAssertTrue(r.stdout.hasPrefix(id), r.stdout)
            for part in ["What it catches:", "Why it matters and how to fix it:", "How to allow it:", "disable = [\"\(id)\"]"] {
                XCTAssertTrue(r.stdout.contains(part), "\(id): \(part)")
            }
        }
        let secret = try CLI.run(["explain", "github-token"], cwd: dir.url)
        XCTAssertTrue(secret.stdout.contains("Examples (reported):"))
        for rule in RuleRegistry.all where rule.id == "github-token" {
            for ex in rule.examples { XCTAssertFalse(secret.stdout.contains(ex), "examples are shown redacted") }
        }
        let json = try jsonObject(try CLI.run(["explain", "--format", "json", "unicode.zero-width"], cwd: dir.url).stdout)
        XCTAssertEqual(json["kind"] as? String, "unicode")
        // A fingerprint names its rule.
        XCTAssertEqual(try CLI.run(["explain", "github-token:0123456789abcdef"], cwd: dir.url).status, 0)
        let unknown = try CLI.run(["explain", "pipe-to-shell"], cwd: dir.url)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("did you mean: rce.pipe-to-shell"), unknown.stderr)
        // Every rule id of the catalog can be explained.
        let all = try CLI.run(["rules", "--all", "--format", "json"], cwd: dir.url)
        let ids = (try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        XCTAssertEqual(ids.count, RuleCatalog.all.count)
    }

    func testQuietAndVerbose() throws {
        let dir = try TempDir()
        try dir.write("a.env", "TOKEN=\(TestSecrets.githubToken())\n")
        try dir.write("b.txt", "fine\n")
        let quiet = try CLI.run(["scan", "--no-git", "--quiet", "."], cwd: dir.url)
        XCTAssertEqual(quiet.status, 1)
        XCTAssertTrue(quiet.stdout.contains("a.env"))
        XCTAssertFalse(quiet.stdout.contains("finding"), "no summary: \(quiet.stdout)")
        let clean = try CLI.run(["scan", "--no-git", "-q", "b.txt"], cwd: dir.url)
        XCTAssertEqual(clean.status, 0)
        XCTAssertEqual(clean.stdout, "")
        let verbose = try CLI.run(["scan", "--no-git", "--verbose", "."], cwd: dir.url)
        XCTAssertTrue(verbose.stderr.contains("files listed"), verbose.stderr)
        XCTAssertEqual(try CLI.run(["scan", "-q", "-v", "."], cwd: dir.url).status, 2)
    }

    func testExitCodeTableMatchesTheCode() throws {
        let doc = try String(contentsOf: Self.source.appendingPathComponent("docs/exit-codes.md"), encoding: .utf8)
        var codes: [Int] = []
        for line in doc.split(separator: "\n") where line.hasPrefix("| ") {
            if let n = Int(line.dropFirst(2).prefix { $0.isNumber }) { codes.append(n) }
        }
        XCTAssertEqual(codes, [0, 1, 2, 3])
        // Each documented status is one the binary really uses.
        let dir = try TempDir()
        try dir.write("ok.txt", "fine\n")
        XCTAssertEqual(try CLI.run(["scan", "--no-git", "."], cwd: dir.url).status, 0)
        XCTAssertEqual(try CLI.run(["scan", "--no-such-flag"], cwd: dir.url).status, 2)
        try dir.write("a.env", "TOKEN=\(TestSecrets.githubToken())\n")
        XCTAssertEqual(try CLI.run(["scan", "--no-git", "."], cwd: dir.url).status, 1)
        let help = try CLI.run(["scan", "--help"], cwd: dir.url)
        XCTAssertTrue(help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("3 some paths could not"), help.stdout)
    }
}
