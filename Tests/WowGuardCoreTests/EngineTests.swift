import XCTest
@testable import WowGuardCore

final class EngineTests: XCTestCase {
    let scanner = SecretScanner(rules: RuleRegistry.all, jit: true)

    func ghToken() -> String {
        let body = String((0..<30).map { _ in Array(Synthetic.base62).randomElement()! })
        return "ghp_" + body + Checksums.base62(Checksums.crc32(Array(body.utf8)), width: 6)
    }

    func testChecksumValidation() {
        let good = ghToken()
        XCTAssertTrue(Checksums.hasValidCRC32Suffix(good, prefixLength: 4))
        var bad = Array(good)
        bad[10] = bad[10] == "a" ? "b" : "a"
        XCTAssertFalse(Checksums.hasValidCRC32Suffix(String(bad), prefixLength: 4))
        XCTAssertEqual(Checksums.crc32(Array("123456789".utf8)), 0xCBF4_3926)  // the CRC-32 check value
    }

    func testSHA256KnownAnswer() {
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array(String(repeating: "a", count: 1000).utf8)).prefix(8), "41edece4")
    }

    func testSpecificRuleHidesGenericOnSameSecret() {
        let f = scanner.scan("api_token = \"\(ghToken())\"", path: "a.py")
        XCTAssertEqual(f.map(\.ruleID), ["github-token"])
    }

    func testLinesAndColumnsCountCharactersNotBytes() {
        let token = ghToken()
        let f = scanner.scan("// héllo wörld\nlet s = \"é\" ; let t = \"\(token)\"\n", path: "a.swift")
        XCTAssertEqual(f.count, 1)
        XCTAssertEqual(f.first?.line, 2)
        XCTAssertEqual(f.first?.column, 24)
        XCTAssertEqual(f.first?.secret, token)
    }

    func testMultiLinePrivateKeyReportsBeginAndEndLines() {
        let body = (0..<5).map { _ in String((0..<64).map { _ in Array(Synthetic.base64).randomElement()! }) }.joined(separator: "\n")
        let text = "config:\n  key: |\n    -----BEGIN RSA PRIVATE KEY-----\n" + body + "\n    -----END RSA PRIVATE KEY-----\n"
        let f = scanner.scan(text, path: "a.yaml")
        XCTAssertEqual(f.map(\.ruleID), ["private-key"])
        XCTAssertEqual(f.first?.line, 3)
        XCTAssertEqual(f.first?.endLine, 9)
    }

    func testInlineAllowMarker() {
        XCTAssertEqual(scanner.scan("t = \"\(ghToken())\" # wow-guard:allow", path: "a").count, 0)
        XCTAssertEqual(scanner.scan("t = \"\(ghToken())\"\n# wow-guard:allow", path: "a").count, 1, "marker applies to its own line only")
    }

    func testAllowlistRegexesAndStopwords() throws {
        let al = Allowlist(regexes: [try PCREPattern("^ghp_", jit: false)])
        XCTAssertTrue(SecretScanner(rules: RuleRegistry.all, allowlist: al).scan("t=\(ghToken())", path: "a").isEmpty)
        let sw = Allowlist(stopwords: ["INTERNAL"])
        let s = SecretScanner(rules: RuleRegistry.all, allowlist: sw)
        XCTAssertTrue(s.scan("password = \"internal-Q9x7Zk2Lm\"", path: "a").isEmpty)
        XCTAssertEqual(s.scan("password = \"externaL-Q9x7Zk2Lm\"", path: "a").count, 1)
    }

    func testPlaceholdersAreNotFindings() {
        for text in [
            "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
            "API_KEY=YOUR_API_KEY",
            "token: ${GITHUB_TOKEN}",
            "password: \"{{ vault_password }}\"",
            "api_key = os.environ[\"API_KEY\"]",
            "const token = process.env.TOKEN",
            "secret = \"xxxxxxxxxxxxxxxxxxxx\"",
            "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----",
        ] {
            XCTAssertEqual(scanner.scan(text, path: "a").map(\.ruleID), [], text)
        }
    }

    /// Hostile inputs finish (bounded backtracking, bounded windows); correctness of the result is secondary.
    func testPathologicalInputsTerminate() {
        let inputs = [
            String(repeating: "password=", count: 200_000),
            String(repeating: "-----BEGIN RSA PRIVATE KEY-----", count: 20_000),
            "-----BEGIN RSA PRIVATE KEY-----\n" + String(repeating: "A", count: 3_000_000),
            String(repeating: "token = \"", count: 100_000),
            String(repeating: "postgres://a:", count: 100_000),
            String(repeating: "a", count: 5_000_000) + "secret",
        ]
        for input in inputs { _ = scanner.scan(input, path: "x") }
    }

    func testRedaction() {
        XCTAssertEqual(Redaction.redact("ghp_abcdefghijklmnop1234"), "ghp_************")
        XCTAssertEqual(Redaction.redact("short12"), "*******")
        XCTAssertTrue(Redaction.redact("-----BEGIN RSA PRIVATE KEY-----\nAAAA").hasPrefix("-----BEGIN RSA PRIVATE KEY-----"))
    }

    func testKeywordMatcherFindsOverlappingKeywords() {
        let m = KeywordMatcher(keywords: ["her", "sher", "his", "hers", "rs!"])
        var hits: [(Int, Int)] = []
        var text = "uSHErs! he"
        text.withUTF8 { m.scan(UnsafeRawBufferPointer($0)) { hits.append(($0, $1)) } }
        XCTAssertEqual(hits.map(\.0).sorted(), [0, 1, 3, 4])
        XCTAssertEqual(hits.first { $0.0 == 3 }?.1, 6, "end offset of 'hers'")
        // Many keywords sharing hash buckets, and inputs shorter than a keyword.
        let words = (0..<500).map { "kw\($0)x" }
        let big = KeywordMatcher(keywords: words)
        var found = Set<Int>()
        var t2 = words.shuffled().joined(separator: " ").uppercased()
        t2.withUTF8 { big.scan(UnsafeRawBufferPointer($0)) { id, _ in found.insert(id) } }
        XCTAssertEqual(found.count, 500)
        var short = "kw"
        short.withUTF8 { big.scan(UnsafeRawBufferPointer($0)) { _, _ in XCTFail("no match in a short input") } }
    }
}

final class TextSafetyTests: XCTestCase {
    /// A long run of combining marks makes Unicode-aware string operations quadratic; every
    /// detector that works on Characters must stay fast on it (bounded work).
    func testLongCombiningRunsAreBoundedEverywhere() {
        let marks = String(repeating: "\u{05B9}\u{0593}", count: 100_000)
        let text = "{\"[[" + marks + "\n"
        XCTAssertEqual(TextSafety.boundingCombiningRuns("héllo wörld"), "héllo wörld")
        XCTAssertLessThanOrEqual(TextSafety.boundingCombiningRuns(text).unicodeScalars.count, 4 + TextSafety.maxCombiningRun + 1)
        // These return promptly (they took seconds to minutes before the cap).
        _ = ScriptDetector(allowlist: Allowlist()).scan(path: "fuzz-case", text: text)
        _ = ScriptDetector(allowlist: Allowlist()).scan(path: "x.sh", text: "echo a" + marks)
        _ = ShellAnalyzer.analyze("echo a" + String(marks.prefix(30_000)), context: ShellContext())
    }
}
