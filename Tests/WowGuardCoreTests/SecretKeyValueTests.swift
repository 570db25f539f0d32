import XCTest
@testable import WowGuardCore

/// The generic secret engine: extractor, key semantics, value classifier and confidence levels.
/// Values are generated per run (RuleKit seeds from a test-local id), never committed.
final class SecretKeyValueTests: XCTestCase {
    let scanner = SecretScanner(rules: RuleRegistry.all, jit: false)

    func v(_ i: Int, _ a: RuleKit.Alphabet = .base62, _ n: Int = 20) -> String { RuleKit.value("kv-tests", i, a, n) }

    func found(_ text: String, path: String, minimum: Confidence = .low) -> [Finding] {
        scanner.scan(text, path: path).filter { $0.confidence >= minimum }
    }

    /// Credentials in every common format: found at the default blocking level (medium), with the
    /// value (not the key) as the secret.
    func testFindsCredentialsAcrossFormats() {
        let cases: [(String, String, String)] = [
            ("config.yml", "database:\n  password: \(v(1, .lowerAlnum, 10))\n", v(1, .lowerAlnum, 10)),
            (".env", "PASSWORD=\(v(2, .lowerAlnum, 10))\n", v(2, .lowerAlnum, 10)),
            ("app.properties", "db.password = \(v(3, .base62, 9))\n", v(3, .base62, 9)),
            ("settings.ini", "[db]\npasswd=\(v(4, .base62, 8))\n", v(4, .base62, 8)),
            ("values.json", "{\"config\": \"{\\\"apitoken\\\": \\\"\(v(5, .base62, 26))\\\"}\"}", v(5, .base62, 26)),
            ("tokens.yaml", "tokens:\n  - \(v(6, .lowerHex, 40))\n", v(6, .lowerHex, 40)),
            ("tokens.yaml", "api_keys: [\(v(7, .base62, 30)), \(v(8, .base62, 30))]\n", v(7, .base62, 30)),
            ("web.config", "<add key=\"ApiKey\" value=\"\(v(9, .base62, 32))\" />\n", v(9, .base62, 32)),
            ("pom.xml", "<password>\(v(10, .base62, 12))</password>\n", v(10, .base62, 12)),
            ("client.py", "client = Client(api_key=\"\(v(11, .lowerAlnum, 32))\")\n", v(11, .lowerAlnum, 32)),
            ("Main.java", "ds.setPassword(\"\(v(12, .base62, 11))\");\n", v(12, .base62, 11)),
            ("deploy.sh", "mysqladmin --password=\(v(13, .base62, 12)) status\n", v(13, .base62, 12)),
            ("main.go", "cfg := Config{Token: \"\(v(14, .base62, 28))\"}\n", v(14, .base62, 28)),
            ("k8s.yaml", "env:\n  - name: DB_PASSWORD\n    value: \(v(15, .base62, 12))\n", v(15, .base62, 12)),
            ("a.swift", "let apiKey = \"\(RuleKit.uuid("kv-tests", 16))\"\n", RuleKit.uuid("kv-tests", 16)),
            ("cred.yml", "credentials:\n  github: \(v(17, .base62, 36))\n", v(17, .base62, 36)),
            ("Dockerfile", "ENV ADMIN_PASSWORD \(v(18, .base62, 14))\n", v(18, .base62, 14)),
        ]
        for (path, text, secret) in cases {
            let f = found(text, path: path, minimum: .medium)
            XCTAssertTrue(f.contains { $0.secret == secret }, "\(path): missed \(secret) in \(text)\n  found: \(f.map { "\($0.ruleID)=\($0.secret) \($0.confidence)" })")
        }
    }

    /// Ordinary code and configuration that merely mentions the words (users reported the first two).
    func testMustNotFind() {
        let cases: [(String, String)] = [
            ("Model.swift", "let groupAssociation = \"\(v(30, .base62, 14))\"\n"),
            ("Model.swift", "groupAssociation = try container.decode(Group.self, forKey: .group)\n"),
            ("Session.swift", "        token = nextToken\n        secretKey = derivedKey\n"),
            ("Session.swift", "        self.accessToken = accessToken\n        apiKey = config.apiKey\n"),
            ("Lexer.swift", "    var currentToken: Token = .eof\n    let tokenKind = TokenKind.identifier\n"),
            ("Auth.swift", "    let password = try await keychain.password(for: account)\n"),
            ("Crypto.swift", "let privateKey = P256.Signing.PrivateKey()\nlet secretKey = SymmetricKey(size: .bits256)\n"),
            ("postgresql.conf", "password_encryption = 'scram-sha-256'\n"),
            ("docker.env", "ADMIN_SHA256_PASSWORD=\(v(31, .lowerHex, 64))\n"),
            ("shadow.yml", "password: \"$6$rounds=4096$\(v(32, .base62, 16))\"\n"),
            ("form.html", "<input type=\"password\" name=\"password\" placeholder=\"Password\">\n"),
            ("ui.js", "passwordInput.placeholder = \"Enter your password\";\n"),
            ("settings.py", "PASSWORD_HASHERS = [\"django.contrib.auth.hashers.PBKDF2PasswordHasher\"]\n"),
            ("Package.swift", ".package(url: \"https://github.com/apple/swift-crypto.git\", from: \"3.0.0\"),\n"),
            ("a.yaml", "secretName: my-app-secrets\ntokenTTL: 3600\nauth: oauth2\n"),
            ("a.ts", "const maxTokens = 4096;\nconst tokenizer = new Tokenizer(vocab);\n"),
            ("README.md", "Set `API_KEY=<your key>` and `PASSWORD=changeme` before running.\n"),
            ("app.yml", "password: ${DB_PASSWORD}\ntoken: \"{{ .Values.token }}\"\n"),
            ("bypass.c", "int bypass = compass_heading(passes);\n"),
            ("a.swift", "case .password: return passwordField.text\n"),
            ("a.kt", "val keyPath = \"com.example.app.keys.signing\"\n"),
        ]
        for (path, text) in cases {
            let f = found(text, path: path, minimum: .medium)
            XCTAssertTrue(f.isEmpty, "\(path): false positive on \(text)\n  found: \(f.map { "\($0.ruleID)=\($0.secret) \($0.confidence)" })")
        }
    }

    func testConfidenceLevels() {
        // A random value under a strong key: high.
        XCTAssertEqual(found("client_secret = \"\(v(40, .base62, 32))\"", path: "a.py").first?.confidence, .high)
        // A short password with letters and digits: medium.
        XCTAssertEqual(found("password: \(v(41, .lowerAlnum, 6))1", path: "a.yml").first?.confidence, .medium)
        // A bare `key` with a random value: medium; with a short one: nothing.
        XCTAssertEqual(found("\"key\": \"\(v(42, .base62, 32))\"", path: "a.json").first?.confidence, .medium)
        XCTAssertTrue(found("\"key\": \"\(v(43, .base62, 8))\"", path: "a.json").isEmpty)
        // An encrypted private key is not usable without its passphrase: low.
        let pem = "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + RuleKit.pemBody("kv-tests", 44, lines: 4) + "\n-----END ENCRYPTED PRIVATE KEY-----\n"
        XCTAssertEqual(found(pem, path: "key.pem").first?.confidence, .low)
        // The jwt.io sample is a signed token whose key is public: low.
        XCTAssertEqual(found("token: \(RuleFamilies.jwtIOExample)", path: "a.yml").first?.confidence, .low)
        // Vendor formats stay high.
        XCTAssertEqual(found("-----BEGIN PRIVATE KEY-----\n" + RuleKit.pemBody("kv-tests", 45, lines: 4) + "\n-----END PRIVATE KEY-----\n", path: "k.pem").first?.confidence, .high)
    }

    func testMinimumConfidenceFiltersFindings() {
        let text = "\"key\": \"\(v(50, .base62, 32))\"\nclient_secret = \"\(v(51, .base62, 32))\"\n"
        let all = SecretScanner(rules: RuleRegistry.all, jit: false, minimumConfidence: .low).scan(text, path: "a.json")
        let high = SecretScanner(rules: RuleRegistry.all, jit: false, minimumConfidence: .high).scan(text, path: "a.json")
        XCTAssertEqual(all.count, 2)
        XCTAssertEqual(high.map(\.secret), [v(51, .base62, 32)])
    }

    func testConfidenceInReports() {
        let f = found("password: \(v(70, .lowerAlnum, 7))1", path: "a.yml")
        XCTAssertEqual(f.first?.confidence, .medium)
        let stats = ScanStats(files: 1, bytes: 10, durationMS: 1)
        XCTAssertTrue(Report.json(f, stats: stats).contains("\"confidence\":\"medium\""))
        XCTAssertTrue(Report.sarif(f, rules: RuleRegistry.all.map { RuleInfo($0, family: "test") }).contains("\"confidence\":\"medium\""))
        XCTAssertTrue(Report.text(f, stats: stats, color: false).contains("medium confidence"))
    }

    func testKeySemantics() {
        func m(_ k: String) -> KeyMeaning.Kind? {
            var s = k
            return s.withUTF8 { KeySemantics.meaning(of: UnsafeRawBufferPointer($0)) }?.kind
        }
        XCTAssertEqual(m("DB_PASSWORD"), .password)
        XCTAssertEqual(m("dbpassword"), .password)
        XCTAssertEqual(m("smtpPass"), .password)
        XCTAssertEqual(m("PGPASSWORD"), .password)
        XCTAssertEqual(m("client_secret"), .secret)
        XCTAssertEqual(m("X-Api-Key"), .secret)
        XCTAssertEqual(m("apitoken"), .secret)
        XCTAssertEqual(m("key"), .weak)
        for k in ["groupAssociation", "password_field", "token_type", "secret_path", "access_token_url", "passwordHash",
                  "hashed_token", "public_key", "max_tokens", "tokenizer", "bypass", "nextToken", "csrf_token", "keyboard",
                  "passwordMinLength", "author", "secretary", "password_encryption"] {
            XCTAssertNil(m(k), "\(k) should not be a secret key")
        }
    }

    /// No input makes the extractor slow: adversarial lines are scanned in linear time (bounded work per hit).
    func testExtractorIsBoundedOnHostileInput() {
        let hostile = [
            String(repeating: "password=", count: 20_000),
            String(repeating: "\"token\": [", count: 20_000),
            "secret:\n" + String(repeating: "  - \n", count: 20_000),
            String(repeating: "a", count: 200_000) + "password" + String(repeating: "b", count: 200_000),
            "key\": \"" + String(repeating: "\\\\\"", count: 50_000),
        ]
        for h in hostile {
            // Completes (no hang, no crash); findings, if any, are bounded by the input's hits.
            let f = scanner.scan(h, path: "x.json")
            XCTAssertLessThan(f.count, 100_000)
        }
    }

    func testNaturalnessSeparatesWordsFromRandomTokens() {
        for w in ["groupAssociation", "localhost", "DEFAULT_PASSWORD", "correcthorsebattery", "postgres"] {
            XCTAssertLessThan(Naturalness.bitsPerChar(Array(w.utf8)), 4.7, w)
        }
        for i in 0..<20 {
            XCTAssertGreaterThan(Naturalness.bitsPerChar(Array(v(60 + i, .base62, 20).utf8)), 5.6)
        }
    }
}
