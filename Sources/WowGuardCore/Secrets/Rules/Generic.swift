extension RuleFamilies {
    /// Plausibility of a generic assignment's value: rejects identifiers, paths, URLs and file names,
    /// which is what most `token = something` lines in code actually hold.
    static func plausibleGenericValue(_ v: String) -> Bool {
        let bytes = Array(v.utf8)
        guard bytes.count >= 8 else { return false }
        if v.contains("://") { return false }
        var digits = 0, letters = 0, others = 0
        for b in bytes {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): letters += 1
            default: others += 1
            }
        }
        if letters == 0 { return false }  // numbers, dates, version strings
        if isMemberAccess(bytes) { return false }  // settings.API_KEY, P256._ARCV1.Credential
        // Identifiers, dotted names, paths and kebab names: no digits and low entropy.
        if digits == 0 {
            // Without digits, only random-looking mixed case counts: identifiers (SCREAMING_SNAKE,
            // snake_case, camelCase), dotted member accesses and paths do not.
            if v.contains(".") || v.contains("/") { return false }
            var upper = 0, transitions = 0, lastUpper: Bool?
            for b in bytes where (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) {
                let isUpper = b <= 0x5A
                if isUpper { upper += 1 }
                if let l = lastUpper, l != isUpper { transitions += 1 }
                lastUpper = isUpper
            }
            if upper == 0 || upper == letters || transitions * 4 < letters { return false }
        }
        // File names and type names.
        let lower = v.lowercased()
        for ext in [".pem", ".key", ".json", ".yaml", ".yml", ".txt", ".env", ".p12", ".crt", ".js", ".py", ".swift"] where lower.hasSuffix(ext) {
            return false
        }
        return true
    }

    /// `a.b.c` made of identifiers: code, not a value.
    static func isMemberAccess(_ bytes: [UInt8]) -> Bool {
        var segments = 1
        var atStart = true
        for b in bytes {
            let isLetter = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x24
            let isDigit = b >= 0x30 && b <= 0x39
            if b == 0x2E {
                if atStart { return false }
                segments += 1
                atStart = true
            } else if atStart {
                guard isLetter else { return false }
                atStart = false
            } else if !isLetter && !isDigit {
                return false
            }
        }
        return segments > 1 && !atStart
    }

    /// `=`, `:`, `:=`, `=>`, after an optional closing quote or bracket and an optional type
    /// annotation (`KEY: str = "…"`, `val key: String = "…"`, `const apiKey: string = "…"`).
    static let assignment = #"["'\]]{0,3}(?:\s{0,3}:\s{0,3}[A-Za-z_][A-Za-z0-9_.\[\]|?]{0,30}\s{0,3}(?==))?\s{0,5}(?:=>|:=|(?<![=!<>])=(?![=>~])|:(?!:))\s{0,5}"#
    /// A quoted literal value (code, JSON, YAML with quotes).
    static let quotedValue = #"["'`]([^"'`\s\\]{8,200})["'`]"#
    /// An unquoted value that ends the line (.env, properties, INI, YAML, shell), optionally before a comment.
    static let bareValue = #"([^\s"'`,;#(){}\[\]<>\\]{12,200})[ \t]*(?:[#;].*)?\r?$"#
    /// Key suffixes that name something other than the secret itself (`token_type`, `secret_name`, …).
    static let notSecretSuffix = #"(?![A-Za-z0-9_\-]{0,12}(?i:hash|type|name|url|uri|path|file|_id|len|count|size|kind|format|endpoint|expir|ttl|prefix|header|field|param|label|ref|store|provider|version|policy|mode|enabled|required|rotation|length|min|max|regex|pattern|validator)[A-Za-z0-9_\-]{0,10}["'\]]{0,3}\s{0,5}[:=])"#
    /// A key at the start of a line, as in `.env`, INI, YAML, shell `export`.
    static let lineStartKey = #"^[ \t]*(?:export[ \t]+|set[ \t]+|-[ \t]+|["'])?[A-Za-z0-9_.\-]{0,30}"#

    /// Key prefixes that name something other than a secret (`hashed_token`, `csrf_token`).
    static let notSecretPrefix = #"(?<!hash_)(?<!hashed_)(?<!hashed)(?<!csrf_)(?<!csrf)(?<!xsrf_)(?<!next)(?<!prev)"#

    static let secretKeywords = ["secret", "token", "api_key", "apikey", "api-key", "access_key", "accesskey", "access-key",
                                 "auth_key", "authkey", "credential", "private_key", "privatekey", "client_key"]

    static let passwordWords = #"(?:password|passwd|passphrase|pass|pwd)"#
    static let secretWords = #"(?:secret|token|api[_\-]?key|access[_\-]?key|auth[_\-]?key|credentials?|private[_\-]?key|client[_\-]?key)"#

    /// Values that contain the very words of the key (`token: "auth-token-123"`) are samples.
    static func genericValue(_ v: String) -> Bool {
        let lower = v.lowercased()
        for w in ["password", "passwd", "secret", "token", "apikey", "api_key", "api-key", "private"] where lower.contains(w) {
            return false
        }
        return plausibleGenericValue(v)
    }

    /// Unquoted values are also identifiers, member accesses and type names in code: demand a digit.
    static func genericBareValue(_ v: String) -> Bool {
        v.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } && genericValue(v)
    }

    static let generic: [SecretRule] = [
        SecretRule(
            id: "generic-password",
            description: "Password assigned to a quoted literal in code or configuration",
            keywords: ["pass", "pwd"],
            pattern: #"(?i)"# + notSecretPrefix + passwordWords + notSecretSuffix + #"[A-Za-z0-9_\-]{0,15}"# + assignment + quotedValue,
            minEntropy: 3.0, severity: .high, validator: .custom(genericValue), generic: true,
            examples: [
                "password = \"\(Synthetic.string(12, seed: 81))\"",
                "  smtp_pass: '\(Synthetic.string(14, alphabet: Synthetic.base64, seed: 82))'",
                "\"adminPassword\": \"\(Synthetic.string(18, seed: 83))\",",
                "$config['db_pwd'] = '\(Synthetic.string(13, seed: 84))';",
                "val password = \"\(Synthetic.string(15, seed: 85))\"",
                "LDAP_BIND_PASSWORD: str = \"\(Synthetic.string(16, seed: 78))\"",
                "conn.login(user, password=\"\(Synthetic.string(16, seed: 86))\")",
            ],
            counterExamples: [
                "password = \"password\"",
                "password: \"{{ .Values.db.password }}\"",
                "password: \"<your password>\"",
                "password_file = \"/run/secrets/db_password\"",
                "passwordHash = \"\(Synthetic.string(40, alphabet: Synthetic.lowerHex, seed: 87))\"",
                "XCTAssertEqual(user.password, \"hunter2\")",
                "password = \"my-password-123\"",
                "mail-password: 'ENC[AES256_GCM,data:\(Synthetic.string(24, alphabet: Synthetic.base64, seed: 76)),type:str]'",
            ]),
        SecretRule(
            id: "generic-password-assignment",
            description: "Password assigned in a .env, INI, properties, YAML or shell file",
            keywords: ["pass", "pwd"],
            pattern: #"(?im)"# + lineStartKey + passwordWords + notSecretSuffix + #"[A-Za-z0-9_\-]{0,15}"# + assignment + bareValue,
            minEntropy: 3.0, severity: .high, validator: .custom(genericBareValue), generic: true,
            examples: [
                "DB_PASSWORD=\(Synthetic.string(16, seed: 80))1",
                "export MYSQL_ROOT_PASSWORD=\(Synthetic.string(18, seed: 88))7",
                "  redis_pass: \(Synthetic.string(20, seed: 89))9  # rotated monthly",
                "spring.datasource.password=\(Synthetic.string(14, seed: 79))42",
            ],
            counterExamples: [
                "DB_PASSWORD=${DB_PASSWORD}",
                "db_password = os.environ[\"DB_PASSWORD\"]",
                "password = getpass.getpass()",
                "if password == expected_password:",
                "const password = process.env.PASSWORD;",
                "passwordMinLength = 12",
                "def login(password=DEFAULT_PASSWORD):",
                "password_hash = hash_password(password)",
                "    passwordField: UITextField2,",
                "let password: String",
            ]),
        SecretRule(
            id: "generic-secret",
            description: "Secret, token or API key assigned to a quoted literal in code or configuration",
            keywords: secretKeywords,
            pattern: #"(?i)"# + notSecretPrefix + secretWords + notSecretSuffix + #"[A-Za-z0-9_\-]{0,15}"# + assignment + quotedValue,
            minEntropy: 3.2, severity: .high, validator: .custom(genericValue), generic: true,
            examples: [
                "client_secret = \"\(Synthetic.string(24, seed: 91))\"",
                "\"apiKey\": \"\(Synthetic.string(28, alphabet: Synthetic.base64url, seed: 93))\"",
                "const SECRET_KEY = '\(Synthetic.string(30, alphabet: Synthetic.base64, seed: 94))';",
                "webhook_secret := \"\(Synthetic.string(20, seed: 95))\"",
                "const apiKey: string = \"\(Synthetic.string(24, seed: 77))\";",
                "headers = {\"X-Api-Key\": \"\(Synthetic.string(32, alphabet: Synthetic.lowerHex, seed: 97))\"}",
            ],
            counterExamples: [
                "api_key = \"xxxxxxxxxxxxxxxxxxxxxxxx\"",
                "secret: ${{ secrets.DEPLOY_KEY }}",
                "token = request.headers.get(\"Authorization\")",
                "token_type = \"bearer\"",
                "access_token_url = \"https://oauth.example.com/token\"",
                "secret_key_path = \"config/secret.key\"",
                "content: [\"token\": \"auth-token-123\"]",
                "self.token_kind = 'gybLinesOpen'",
                "hashed_token: \"\(Synthetic.string(64, alphabet: Synthetic.lowerHex, seed: 98))\"",
                "\"integrity\": \"sha512-\(Synthetic.string(86, alphabet: Synthetic.base64, seed: 96))==\"",
            ]),
        SecretRule(
            id: "generic-secret-assignment",
            description: "Secret, token or API key assigned in a .env, INI, properties, YAML or shell file",
            keywords: secretKeywords,
            pattern: #"(?im)"# + lineStartKey + secretWords + notSecretSuffix + #"[A-Za-z0-9_\-]{0,15}"# + assignment + bareValue,
            minEntropy: 3.2, severity: .high, validator: .custom(genericBareValue), generic: true,
            examples: [
                "API_KEY=\(Synthetic.string(32, seed: 90))3",
                "  auth_token: \(Synthetic.string(40, alphabet: Synthetic.lowerHex, seed: 92))",
                "export STRIPE_SECRET=\(Synthetic.string(26, seed: 99))5",
                "app.client-secret = \(Synthetic.string(22, seed: 100))8",
            ],
            counterExamples: [
                "API_KEY=YOUR_API_KEY",
                "secretName: my-app-secrets",
                "tokenizer = AutoTokenizer.from_pretrained(model_name)",
                "csrf_token = generate_csrf_token(session)",
                "api_key = settings.OPENAI_API_KEY",
                "public var nextToken: TokenSyntax?",
                "    issuerPrivateKey: ca1PrivateKey,",
                "let tokenEnd = expectedToken.endPosition.utf8Offset",
                "typealias XWingPrivateKeyImpl = OpenSSLXWingPrivateKeyImpl",
                "  access_key: P256._ARCV1.Credential",
            ]),
    ]
}
