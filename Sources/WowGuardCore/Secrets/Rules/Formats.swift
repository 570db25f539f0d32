/// Credential formats without a vendor prefix that the generic key/value rules do not see:
/// passwords on command lines, bearer tokens outside an `Authorization` header, NATS NKEY seeds,
/// JWK private keys. Confidence comes from the value classifier's view of the secret.
extension RuleFamilies {
    /// High for random-looking values, medium for shorter or more natural ones.
    static func assessRandomness(_ minHigh: Int) -> @Sendable (String) -> Confidence {
        { s in
            let shape = ValueShape(Array(s.utf8))
            let hex = shape.hexOnly && shape.digits > 0 && shape.letters > 0
            if shape.length >= minHigh && (shape.bits >= 5.6 || (hex && shape.length >= 20) || shape.classes >= 3) { return .high }
            return .medium
        }
    }

    /// The classifier's rejections (variables, templates, words, paths) for values outside a key/value pair.
    static func plausibleValue(_ kind: KeyMeaning.Kind) -> @Sendable (String) -> Bool {
        { raw in
            let s = percentDecoded(raw)
            let ctx = PairContext(meaning: KeyMeaning(kind: kind, unsure: false, noun: "~"), quoting: .quoted, form: .flag,
                                  file: .config, sampleLocation: false)
            return ValueClassifier.classify(Array(s.utf8), ctx) != nil
        }
    }

    /// The value classifier's confidence for a value outside a key/value pair (low if it rejects it).
    static func classifierConfidence(_ kind: KeyMeaning.Kind) -> @Sendable (String) -> Confidence {
        { raw in
            let s = percentDecoded(raw)
            let ctx = PairContext(meaning: KeyMeaning(kind: kind, unsure: false, noun: "~"), quoting: .quoted, form: .flag,
                                  file: .config, sampleLocation: false)
            return ValueClassifier.classify(Array(s.utf8), ctx) ?? .low
        }
    }

    /// `%XX` escapes decoded (URL user-info); invalid escapes stay as written.
    static func percentDecoded(_ s: String) -> String {
        guard s.contains("%") else { return s }
        let b = Array(s.utf8)
        var out: [UInt8] = []
        var i = 0
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: c - 0x30
            case 0x41...0x46: c - 0x37
            case 0x61...0x66: c - 0x57
            default: nil
            }
        }
        while i < b.count {
            if b[i] == 0x25, i + 2 < b.count, let h = hex(b[i + 1]), let l = hex(b[i + 2]) { out.append(h << 4 | l); i += 3 } else { out.append(b[i]); i += 1 }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let formats: [SecretRule] = [
        SecretRule(
            id: "cli-password",
            description: "Password passed on a command line (mysql -p…, sshpass -p, --password …)",
            keywords: ["mysql", "mariadb", "sshpass", "mongo", "redis-cli", "psql", "smbclient", "rabbitmqctl"],
            pattern: #"(?<![A-Za-z0-9_\-])(?|(?:mysql|mariadb|mysqldump|mysqladmin|mysqlimport|mysqlsh)\b[^\n|;&]{0,200}?\s(?:-p|--password=|--password\s+)["']?([^\s"'`|;&$<>(){}]{4,128})|sshpass\s[^\n|;&]{0,40}?-p\s*["']?([^\s"'`|;&$<>(){}]{4,128})|(?:redis-cli|mongo|mongosh|mongodump|mongorestore|smbclient|rabbitmqctl|psql)\b[^\n|;&]{0,200}?\s(?:-a\s+|--pass(?:word)?(?:=|\s+)|-p\s+|-U\s+\S+%)["']?([^\s"'`|;&$<>(){}]{4,128}))"#,
            severity: .high, validator: .custom(plausibleValue(.password)), assess: assessRandomness(8),
            examples: [
                "mysql -u root -p\(RuleKit.value("cli-password", 0, .base62, 12)) -h db.internal shop",
                "sshpass -p '\(RuleKit.value("cli-password", 1, .base62, 10))' ssh deploy@10.0.0.5",
                "mysqldump --user=app --password=\(RuleKit.value("cli-password", 2, .lowerAlnum, 9)) shop > dump.sql",
                "redis-cli -h cache -a \(RuleKit.value("cli-password", 3, .base62, 16)) ping",
            ],
            counterExamples: [
                "mysql -u root -p$MYSQL_ROOT_PASSWORD",
                "mysql -u root -p\"${DB_PASS}\" shop",
                "sshpass -p \"$PASS\" ssh host",
                "mysql -u root -p shop",
                "mysqldump --password=<password> shop",
            ]),
        SecretRule(
            id: "bearer-token",
            description: "Bearer token (in a header, a YAML list, docs or code)",
            keywords: ["bearer"],
            pattern: #"(?i)(?<![A-Za-z0-9_])bearer[ \t]{1,3}([A-Za-z0-9._~+/\-]{10,4000}={0,3})(?![A-Za-z0-9._~+/\-=])"#,
            minEntropy: 3.0, severity: .high, validator: .custom(plausibleValue(.secret)), generic: true,
            assess: assessRandomness(24),
            examples: [
                "  - Bearer \(RuleKit.value("bearer-token", 0, .lowerHex, 40))",
                "curl -H \"X-Forwarded-Auth: Bearer \(RuleKit.value("bearer-token", 1, .base62, 32))\" https://api.corp.io",
                "conn.headers[\"auth\"] = \"Bearer \(RuleKit.value("bearer-token", 2, .base64url, 48))\"",
            ],
            counterExamples: [
                "  - Bearer <token>",
                "Bearer ${ACCESS_TOKEN}",
                "The Bearer authentication scheme is described in RFC 6750",
                "Bearer YOUR_ACCESS_TOKEN_HERE",
                "return \"Bearer \" + accessTokenProvider.currentToken",
            ]),
        SecretRule(
            id: "nats-nkey-seed",
            description: "NATS NKEY seed (user, account, operator or server private seed)",
            keywords: ["nkey", "seed", "nats", "creds"],
            pattern: #"(?<![A-Z0-9])(S[UAONCXP][A-Z2-7]{56})(?![A-Z0-9])"#,
            minEntropy: 3.5, severity: .critical, multiline: true,
            examples: [
                "-----BEGIN USER NKEY SEED-----\nSU\(RuleKit.value("nats-nkey-seed", 0, .custom("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), 56))\n------END USER NKEY SEED------",
                "nats:\n  seed: SA\(RuleKit.value("nats-nkey-seed", 1, .custom("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), 56))",
            ],
            counterExamples: [
                "nats:\n  nkey: UD\(RuleKit.value("nats-nkey-seed", 2, .custom("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), 54))",
                "seed: SUXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
            ]),
        SecretRule(
            id: "jwk-private-key",
            description: "JSON Web Key with its private part (\"d\")",
            keywords: ["\"d\""],
            pattern: #""d"\s{0,3}:\s{0,3}"([A-Za-z0-9_\-]{32,700})""#,
            minEntropy: 4.0, severity: .critical,
            examples: [
                "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"\(RuleKit.value("jwk-private-key", 0, .base64url, 43))\",\"d\":\"\(RuleKit.value("jwk-private-key", 1, .base64url, 43))\"}",
                "  \"d\": \"\(RuleKit.value("jwk-private-key", 2, .base64url, 86))\",",
            ],
            counterExamples: [
                "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"\(RuleKit.value("jwk-private-key", 3, .base64url, 43))\"}",
                "\"d\": \"M 10 10 L 20 20\"",
            ]),
    ]
}
