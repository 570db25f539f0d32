import Foundation
import XCTest
import WowGuardCore

/// install (auto-detect, --dry-run), doctor, and the README quick start end to end.
final class DoctorInstallTests: XCTestCase {
    var binDir: String { URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().path }
    var pathEnv: [String: String] { ["PATH": binDir + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")] }

    func guardRun(_ repo: GitRepo, _ args: String..., cwd: URL? = nil) throws -> GitRepo.Run {
        try repo.run(CLI.binary, args, cwd: cwd, extraEnv: pathEnv)
    }

    func snapshot(_ root: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let e = FileManager.default.enumerator(atPath: root.path) else { return out }
        while let rel = e.nextObject() as? String {
            if rel.hasPrefix(".git/objects") || rel.hasPrefix(".git/logs") { continue }
            out[rel] = FileManager.default.contents(atPath: root.appendingPathComponent(rel).path) ?? Data("<dir>".utf8)
        }
        return out
    }

    func testInstallWithoutFlagsDetectsGitAndAgentsAndDryRunChangesNothing() throws {
        let repo = try GitRepo()
        for d in [".claude", ".cursor", ".gemini"] { try FileManager.default.createDirectory(at: repo.url.appendingPathComponent(d), withIntermediateDirectories: true) }
        let before = snapshot(repo.url)
        let dry = try guardRun(repo, "install", "--dry-run")
        XCTAssertEqual(dry.status, 0, dry.stderr)
        for s in ["a git repository", "Claude Code", "Cursor", "Gemini", "pre-commit", ".claude/settings.json", "nothing was changed"] {
            XCTAssertTrue(dry.stdout.contains(s), "\(s) in \(dry.stdout)")
        }
        XCTAssertFalse(dry.stdout.contains("Windsurf"), "only the agents present")
        XCTAssertEqual(snapshot(repo.url), before, "--dry-run changes nothing")
        let r = try guardRun(repo, "install")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: repo.url.appendingPathComponent(".git/hooks/pre-commit").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: repo.url.appendingPathComponent(".claude/settings.json").path))
        XCTAssertTrue(r.stdout.contains("installed the pre-commit hook"), r.stdout)
        XCTAssertEqual(try guardRun(repo, "install").status, 0, "idempotent")
        // uninstall with no flags removes all of it and leaves the repository as it was.
        let undry = try guardRun(repo, "uninstall", "--dry-run")
        XCTAssertTrue(undry.stdout.contains("pre-commit hook") && undry.stdout.contains("Claude Code"), undry.stdout)
        XCTAssertEqual(try guardRun(repo, "uninstall").status, 0)
        // Files as they were. (Empty agent folders that existed before are removed by the agent
        // adapters' uninstall, issue 14's part; directories are not compared here.)
        let dir = Data("<dir>".utf8)
        XCTAssertEqual(snapshot(repo.url).filter { $0.value != dir }, before.filter { $0.value != dir }, "uninstall restores every file")
        XCTAssertTrue(try guardRun(repo, "uninstall").stdout.contains("nothing to do"))
        // Nothing to install into: a clear error naming the way out.
        let empty = try TempDir()
        let none = try CLI.run(["install"], cwd: empty.url, env: ["GIT_CEILING_DIRECTORIES": empty.url.deletingLastPathComponent().path, "HOME": empty.url.path])
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("found nothing to install into") && none.stderr.contains("--git"), none.stderr)
    }

    func testDoctorAllGreenThenNamesEachBrokenLinkAndLeavesNothing() throws {
        let repo = try GitRepo()
        try repo.write("a.txt", "a\n")
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "init")
        try FileManager.default.createDirectory(at: repo.url.appendingPathComponent(".claude"), withIntermediateDirectories: true)
        XCTAssertEqual(try guardRun(repo, "install").status, 0)
        try repo.write("staged.txt", "work in progress\n")
        try repo.git("add", "staged.txt")
        let before = snapshot(repo.url)
        let tmpBefore = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("wow-guard-doctor-") }
        let state = repo.home.appendingPathComponent(".local/state")
        let stateBefore = snapshot(state)
        let green = try guardRun(repo, "doctor")
        XCTAssertEqual(green.status, 0, green.stdout + green.stderr)
        XCTAssertTrue(green.stdout.contains("blocks a commit with a canary secret and a canary dangerous command"), green.stdout)
        XCTAssertEqual(snapshot(state), stateBefore, "the canary verdicts are not recorded in the user's audit log")
        XCTAssertTrue(green.stdout.contains("Claude Code PreToolUse") && green.stdout.contains("blocks a canary"), green.stdout)
        XCTAssertTrue(green.stdout.contains("All green"))
        XCTAssertEqual(snapshot(repo.url), before, "doctor plants nothing in the repository (index, objects, work tree)")
        XCTAssertEqual(try repo.git("diff", "--cached", "--name-only"), "staged.txt\n", "the user's staged change is untouched")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("wow-guard-doctor-") }.count, tmpBefore.count)

        // core.hooksPath pointing elsewhere.
        try repo.git("config", "core.hooksPath", "elsewhere/hooks")
        let broken = try guardRun(repo, "doctor")
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stdout.contains("FAIL") && broken.stdout.contains("core.hooksPath") && broken.stdout.contains("fix:"), broken.stdout)
        // husky owning core.hooksPath, its hook not calling wow-guard.
        try repo.git("config", "core.hooksPath", ".husky/_")
        try repo.write(".husky/_/pre-commit", "#!/bin/sh\n# husky\nexit 0\n")
        chmod(repo.url.appendingPathComponent(".husky/_/pre-commit").path, 0o755)
        let husky = try guardRun(repo, "doctor")
        XCTAssertEqual(husky.status, 1)
        XCTAssertTrue(husky.stdout.contains("husky") && husky.stdout.contains("let a commit with a canary secret"), husky.stdout)
        XCTAssertTrue(husky.stdout.contains("add `wow-guard pre-commit` to .husky/pre-commit"), husky.stdout)
        try repo.git("config", "--unset", "core.hooksPath")
        // A worktree uses the common hooks.
        let wt = repo.dir.url.appendingPathComponent("wt")
        try repo.git("worktree", "add", "-q", "--detach", wt.path)
        let inWorktree = try guardRun(repo, "doctor", cwd: wt)
        XCTAssertTrue(inWorktree.stdout.contains("linked worktree") && inWorktree.stdout.contains("blocks a commit with a canary"), inWorktree.stdout)
        // The agent hook command missing from PATH.
        let noPath = try repo.run(CLI.binary, ["doctor"], extraEnv: ["PATH": "/usr/bin:/bin"])
        XCTAssertEqual(noPath.status, 1)
        XCTAssertTrue(noPath.stdout.contains("is not found, so the agent runs without the guard"), noPath.stdout)
    }

    /// The pre-commit framework in front: doctor goes through its stash-and-restore of unstaged
    /// changes and leaves the work tree as it was; without the wow-guard hook id it names the fix.
    func testDoctorThroughThePreCommitFramework() throws {
        let check = try GitRepo(initialize: false).run("/usr/bin/env", ["python3", "-c", "import pre_commit"])
        guard check.status == 0 else { throw XCTSkip("pre-commit is not installed (make test installs it)") }
        let hooks = try String(contentsOf: GeneratedDocsTests.source.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let hookRepo = try GitRepo()
        try hookRepo.write(".pre-commit-hooks.yaml", hooks)
        try hookRepo.git("add", ".")
        try hookRepo.git("commit", "-q", "-m", "hooks")
        let rev = try hookRepo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let repo = try GitRepo()
        try repo.write(".pre-commit-config.yaml", "repos:\n- repo: \(hookRepo.url.path)\n  rev: \(rev)\n  hooks:\n  - id: wow-guard\n")
        try repo.write("a.txt", "a\n")
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "init")
        var env = pathEnv
        env["PRE_COMMIT_HOME"] = repo.home.appendingPathComponent("pre-commit-cache").path
        XCTAssertEqual(try repo.run("/usr/bin/env", ["python3", "-m", "pre_commit", "install"], extraEnv: env).status, 0)
        try repo.write("a.txt", "a\nunstaged work\n")
        try repo.write("notes.txt", "untracked\n")
        let before = snapshot(repo.url)
        let green = try repo.run(CLI.binary, ["doctor"], extraEnv: env)
        XCTAssertEqual(green.status, 0, green.stdout + green.stderr)
        XCTAssertTrue(green.stdout.contains("(the pre-commit framework) blocks a commit with a canary"), green.stdout)
        XCTAssertEqual(snapshot(repo.url).filter { !$0.key.hasPrefix(".git/") }, before.filter { !$0.key.hasPrefix(".git/") }, "unstaged and untracked work survives")
        try repo.write(".pre-commit-config.yaml", "repos: []\n")
        try repo.git("add", ".pre-commit-config.yaml")
        let shadowed = try repo.run(CLI.binary, ["doctor"], extraEnv: env)
        XCTAssertEqual(shadowed.status, 1)
        XCTAssertTrue(shadowed.stdout.contains("the pre-commit framework") && shadowed.stdout.contains("add the `wow-guard` hook id"), shadowed.stdout)
    }

    func testDoctorInterruptedLeavesNothingBehind() throws {
        let repo = try GitRepo()
        try repo.write("a.txt", "a\n")
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "init")
        // A hook that hangs, so that doctor is interrupted while its canaries are staged.
        try repo.write(".git/hooks/pre-commit", "#!/bin/sh\nsleep 30\n")
        chmod(repo.url.appendingPathComponent(".git/hooks/pre-commit").path, 0o755)
        let before = snapshot(repo.url)
        let tmp = repo.dir.url.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = ["doctor"]
        p.currentDirectoryURL = repo.url
        var env = repo.environment
        env["TMPDIR"] = tmp.path
        p.environment = env
        p.standardOutput = Pipe()
        let err = Pipe()
        p.standardError = err
        try p.run()
        var planted = false
        for _ in 0..<100 {
            Thread.sleep(forTimeInterval: 0.05)
            if (try FileManager.default.contentsOfDirectory(atPath: tmp.path)).contains(where: { $0.hasPrefix("wow-guard-doctor-") }) { planted = true; break }
        }
        XCTAssertTrue(planted, "doctor stages its canaries in a temporary directory")
        Thread.sleep(forTimeInterval: 0.3)
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 130)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp.path), [], "nothing survives an interrupt")
        XCTAssertEqual(snapshot(repo.url), before)
        // After a kill (no chance to clean up), the next run removes what the dead one left.
        try FileManager.default.createDirectory(at: tmp.appendingPathComponent("wow-guard-doctor-999999-abcdef/objects"), withIntermediateDirectories: true)
        try repo.write(".git/hooks/pre-commit", "#!/bin/sh\nexit 0\n")
        _ = try repo.run(CLI.binary, ["doctor"], extraEnv: ["TMPDIR": tmp.path])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp.path), [])
    }

    /// The README quick start in a fresh HOME and repository.
    func testQuickStartAcceptance() throws {
        let repo = try GitRepo()
        try repo.write("README.md", "# app\n")
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "init")
        try FileManager.default.createDirectory(at: repo.url.appendingPathComponent(".claude"), withIntermediateDirectories: true)
        // 1. init, 2. install (auto-detect).
        XCTAssertEqual(try guardRun(repo, "init").status, 0)
        let install = try guardRun(repo, "install")
        XCTAssertEqual(install.status, 0, install.stderr)
        try repo.git("add", ".wow-guard.toml", ".claude")
        try repo.git("commit", "-q", "-m", "guard")
        // 3. A commit with a secret is rejected.
        let token = TestSecrets.githubToken()
        try repo.write("config.env", "GITHUB_TOKEN=\(token)\n")
        try repo.git("add", "config.env")
        let rejected = try repo.tryGit("commit", "-q", "-m", "secret", extraEnv: pathEnv)
        XCTAssertNotEqual(rejected.status, 0)
        XCTAssertTrue(rejected.stderr.contains("config.env:1") && rejected.stderr.contains("github-token"), rejected.stderr)
        XCTAssertFalse(rejected.stderr.contains(token))
        // 4. An agent hook call is answered (as Claude Code runs the installed command).
        let settings = try String(contentsOf: repo.url.appendingPathComponent(".claude/settings.json"), encoding: .utf8)
        XCTAssertTrue(settings.contains("wow-guard hook"))
        let call = #"{"session_id":"s","cwd":"\#(repo.url.path)","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"rm -rf ~"}}"#
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "wow-guard hook"]
        p.currentDirectoryURL = repo.url
        var env = repo.environment
        env["PATH"] = pathEnv["PATH"]
        p.environment = env
        let inp = Pipe(), out = Pipe()
        p.standardInput = inp
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        inp.fileHandleForWriting.write(Data(call.utf8))
        try inp.fileHandleForWriting.close()
        let reply = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertTrue(reply.contains("\"permissionDecision\":\"deny\""), reply)
        // 5. allow --reason makes the commit pass.
        let fp = Fingerprint.make(ruleID: "github-token", secret: token)
        XCTAssertEqual(try guardRun(repo, "allow", fp, "--reason", "test token, revoked").status, 0)
        try repo.git("add", ".wow-guard.toml")
        let passed = try repo.tryGit("commit", "-q", "-m", "allowed", extraEnv: pathEnv)
        XCTAssertEqual(passed.status, 0, passed.stderr)
        // 6. baseline, then an unrelated edit: the baseline file stays byte-identical.
        try repo.write("legacy.yaml", "url: \(TestSecrets.dbURL())\n")
        XCTAssertEqual(try guardRun(repo, "baseline").status, 0)
        let baseline = repo.url.appendingPathComponent(".wow-guard-baseline.toml")
        let first = try Data(contentsOf: baseline)
        try repo.git("add", "legacy.yaml", ".wow-guard-baseline.toml")
        XCTAssertEqual(try repo.tryGit("commit", "-q", "-m", "baseline", extraEnv: pathEnv).status, 0, "accepted findings do not block")
        try repo.write("README.md", "# app\n\nMore text.\n")
        try repo.write("legacy.yaml", "# moved down\n" + (try String(contentsOf: repo.url.appendingPathComponent("legacy.yaml"), encoding: .utf8)))
        XCTAssertEqual(try guardRun(repo, "baseline").status, 0)
        XCTAssertEqual(try Data(contentsOf: baseline), first)
        XCTAssertEqual(try guardRun(repo, "scan").status, 0)
        // 7. doctor: all green; 8. break core.hooksPath: doctor names it.
        let green = try guardRun(repo, "doctor")
        XCTAssertEqual(green.status, 0, green.stdout)
        XCTAssertTrue(green.stdout.contains("All green"), green.stdout)
        try repo.git("config", "core.hooksPath", "/dev/null/hooks")
        let broken = try guardRun(repo, "doctor")
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stdout.contains("core.hooksPath (/dev/null/hooks)"), broken.stdout)
    }
}
