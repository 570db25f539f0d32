import Testing
import XCTest
@testable import WowGuardCore

final class TOMLTests: XCTestCase {
    func testParsesTheSubsetConfigsUse() throws {
        let t = try TOML.parse("""
            # comment
            title = "a \\"quoted\\" \\u00e9"
            literal = 'C:\\path\\(x)'
            multi = '''
            line1
            line2'''
            n = 1_000
            f = 3.5
            yes = true
            list = [ "a", 'b',  # comment
                     "c", ]
            inline = { a = 1, b.c = "x" }
            [allowlist]
            paths = ["x/**"]
            [[rules.custom]]
            id = "one"
            [[rules.custom]]
            id = "two"
            [a.b]
            k = "v"
            """)
        XCTAssertEqual(t["title"]?.value, .string("a \"quoted\" é"))
        XCTAssertEqual(t["literal"]?.value, .string("C:\\path\\(x)"))
        XCTAssertEqual(t["multi"]?.value, .string("line1\nline2"))
        XCTAssertEqual(t["n"]?.value, .integer(1000))
        XCTAssertEqual(t["f"]?.value, .float(3.5))
        XCTAssertEqual(t["yes"]?.value, .bool(true))
        XCTAssertEqual(t["list"]?.value, .array([.string("a"), .string("b"), .string("c")]))
        XCTAssertEqual(t["list"]?.line, 10)
        guard case .table(let rules)? = t["rules"]?.value, case .array(let custom)? = rules["custom"]?.value else {
            return XCTFail("rules.custom missing")
        }
        XCTAssertEqual(custom.count, 2)
        guard case .table(let a)? = t["a"]?.value, case .table(let b)? = a["b"]?.value else { return XCTFail("a.b missing") }
        XCTAssertEqual(b["k"]?.value, .string("v"))
        XCTAssertEqual(b["k"]?.line, 20)
    }

    func testErrorsCarryLineNumbers() {
        let cases: [(String, Int)] = [
            ("a = 1\nb = \n", 2),
            ("a = \"unterminated\n", 1),
            ("a = 1\na = 2\n", 2),
            ("[t]\n[t]\n", 2),
            ("x = [1, 2\n\n", 3),
            ("k = bareword\n", 1),
            ("a = \"bad \\q escape\"\n", 1),
            ("[x\n", 1),
        ]
        for (text, line) in cases {
            XCTAssertThrowsError(try TOML.parse(text), text) { error in
                XCTAssertEqual((error as? TOML.ParseError)?.line, line, "\(text): \(error)")
            }
        }
    }

    func testHostileInputIsBounded() {
        // Deep nesting and long inputs terminate (error or value), never hang or crash.
        _ = try? TOML.parse(String(repeating: "[", count: 10_000))
        _ = try? TOML.parse("a = " + String(repeating: "[", count: 2_000) + String(repeating: "]", count: 2_000))
        _ = try? TOML.parse(String(repeating: "\"", count: 100_001))
    }
}

final class ConfigTests: XCTestCase {
    func testFullConfig() throws {
        let c = try Config.parse("""
            [allowlist]
            description = "fixtures"
            paths = ["Tests/Fixtures/**", "*.pem"]
            fingerprints = ["github-token:0123456789abcdef"]
            regexes = ['^sk_test_']
            stopwords = ["Dummy"]

            [rules]
            disable = ["generic-password", "acme-key"]

            [[rules.custom]]
            id = "acme-key"
            description = "ACME internal key"
            keywords = ["acme_"]
            pattern = '(acme_[a-z0-9]{24})'
            secret_group = 1
            entropy = 3.0
            severity = "critical"
            examples = ["key = acme_0a1b2c3d4e5f6a7b8c9d0e1f"]
            counter_examples = ["acme_short"]
            """, file: ".wow-guard.toml")
        XCTAssertTrue(c.allowlist.allowsPath("Tests/Fixtures/a/b.txt"))
        XCTAssertTrue(c.allowlist.allowsPath("deep/dir/key.pem"))
        XCTAssertFalse(c.allowlist.allowsPath("Sources/a.swift"))
        XCTAssertEqual(c.allowlist.stopwords, ["dummy"])
        XCTAssertEqual(c.disabledRules, ["generic-password", "acme-key"])
        XCTAssertEqual(c.customRules.map(\.id), ["acme-key"])
        XCTAssertEqual(c.customRules.first?.severity, .critical)
        XCTAssertFalse(c.rules().contains { $0.id == "generic-password" })
        XCTAssertFalse(c.rules().contains { $0.id == "acme-key" }, "disabled custom rule is off")
    }

    func testSecretsBlockLevel() throws {
        XCTAssertEqual(try Config.parse("", file: "c").blockConfidence, .medium, "default")
        let high = try Config.parse("[secrets]\nblock = \"high\"\n", file: "c")
        XCTAssertEqual(high.blockConfidence, .high)
        // The repository's level wins over the user's; unset keeps the user's.
        XCTAssertEqual(high.merged(over: try Config.parse("[secrets]\nblock = \"low\"\n", file: "u")).blockConfidence, .high)
        XCTAssertEqual(Config().merged(over: high).blockConfidence, .high)
        XCTAssertThrowsError(try Config.parse("[secrets]\nblock = \"sometimes\"\n", file: "c")) { e in
            XCTAssertEqual((e as? ConfigError)?.line, 2)
        }
        XCTAssertThrowsError(try Config.parse("[secrets]\nblok = \"high\"\n", file: "c"))
    }

    func testCustomRuleFindsAndItsExamplesAreChecked() throws {
        let c = try Config.parse("""
            [[rules.custom]]
            id = "acme-key"
            keywords = ["acme_"]
            pattern = '(acme_[a-z0-9]{24})'
            examples = ["acme_0a1b2c3d4e5f6a7b8c9d0e1f"]
            """, file: "c.toml")
        let s = SecretScanner(rules: c.rules(catalog: []), allowlist: c.allowlist)
        XCTAssertEqual(s.scan("x = acme_9z8y7x6w5v4u3t2s1r0q9p8o", path: "a").map(\.ruleID), ["acme-key"])
        XCTAssertThrowsError(try Config.parse("""
            [[rules.custom]]
            id = "acme-key"
            keywords = ["acme_"]
            pattern = '(acme_[a-z0-9]{24})'
            examples = ["acme_short"]
            """, file: "c.toml")) { XCTAssertTrue("\($0)".contains("c.toml:1: custom rule 'acme-key': example does not trigger"), "\($0)") }
    }

    func testErrors() {
        let cases: [(String, String)] = [
            ("[allowlist]\npaths = \"x\"\n", "c.toml:2: 'allowlist.paths' must be an array of strings"),
            ("[allowlist]\npaths = [1]\n", "c.toml:2: 'allowlist.paths' must contain only strings"),
            ("[allowlist]\npaths = [\"a/**b\"]\n", "c.toml:2: '**' must be a whole path segment"),
            ("[rules]\nenable = []\n", "c.toml:2: unknown key 'enable' in [rules]"),
            ("[[rules.custom]]\nid = \"x\"\npattern = '('\n", "c.toml:3: invalid pattern of rule 'x'"),
            ("[[rules.custom]]\nid = \"github-token\"\nkeywords = [\"abc\"]\npattern = 'abc'\n", "c.toml:1: rule id 'github-token' already exists"),
            ("[[rules.custom]]\nid = \"x\"\npattern = 'abc'\n", "c.toml:1: custom rule 'x' needs 'keywords'"),
            ("[[rules.custom]]\nid = \"x\"\nkeywords = [\"ab\"]\npattern = 'abc'\n", "c.toml:3: keyword 'ab' of rule 'x' is shorter than 3 bytes"),
            ("[[rules.custom]]\nid = \"x\"\npattern = 'a'\nseverity = \"huge\"\n", "c.toml:4: 'severity' must be one of"),
            ("[[rules.custom]]\nid = \"x\"\npattern = '(a)'\nsecret_group = 3\n", "c.toml:4: 'secret_group' 3 but the pattern has 1 groups"),
            ("allowlist = 3\n", "c.toml:1: 'allowlist' must be a table"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try Config.parse(text, file: "c.toml"), text) { error in
                XCTAssertTrue("\(error)".hasPrefix(expected), "expected \(expected), got \(error)")
            }
        }
    }

    func testMergeCombinesUserAndRepo() throws {
        let user = try Config.parse("[allowlist]\npaths = [\"vendor/**\"]\nstopwords = [\"internal\"]\n", file: "u")
        let repo = try Config.parse("[allowlist]\npaths = [\"fixtures/\"]\n[rules]\ndisable = [\"generic-secret\"]\n", file: "r")
        let m = repo.merged(over: user)
        XCTAssertTrue(m.allowlist.allowsPath("vendor/x"))
        XCTAssertTrue(m.allowlist.allowsPath("fixtures/x/y"))
        XCTAssertEqual(m.allowlist.stopwords, ["internal"])
        XCTAssertEqual(m.disabledRules, ["generic-secret"])
    }
}

/// Glob matching, as Swift Testing parameterised cases.
struct GlobTests {
    @Test(arguments: [
        ("tests/fixtures/**", "tests/fixtures/a.txt", true),
        ("tests/fixtures/**", "tests/fixtures/a/b/c.txt", true),
        ("tests/fixtures/**", "src/tests/fixtures/a.txt", false),
        ("**/fixtures/**", "src/tests/fixtures/a.txt", true),
        ("*.pem", "a/b/key.pem", true),
        ("*.pem", "key.pem.txt", false),
        ("docs/", "docs/x/y.md", true),
        ("src/*.swift", "src/a.swift", true),
        ("src/*.swift", "src/x/a.swift", false),
        ("file?.txt", "dir/file1.txt", true),
        ("[ab].txt", "b.txt", true),
        ("[!ab].txt", "b.txt", false),
        ("./README.md", "README.md", true),
    ])
    func matching(pattern: String, path: String, expected: Bool) throws {
        #expect(try Glob(pattern).matches(path) == expected)
    }

    @Test func badGlobsAreErrors() {
        #expect(throws: Glob.Error.self) { try Glob("a/[bc") }
        #expect(throws: Glob.Error.self) { try Glob("a/**b") }
        #expect(throws: Glob.Error.self) { try Glob("") }
    }
}
