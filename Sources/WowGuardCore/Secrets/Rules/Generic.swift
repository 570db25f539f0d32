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

    /// Keywords that anchor the key/value extractor for passwords. Short ones (`pw`) only with an operator.
    static let passwordAnchors = ["pass", "pwd", "psw", "pw=", "pw:", "pw\"", "pw'", "pw ="]
    /// Keywords that anchor the key/value extractor for secrets, tokens, API keys. A key that ends in
    /// `key` is found by the key's end (`key"`, `key:`, `key=`), so `keyboard` and `keyPath` cost nothing.
    static let secretAnchors = ["secret", "token", "api_key", "apikey", "api-key", "access_key", "accesskey", "access-key",
                                "credential", "creds", "private_key", "privatekey", "key\"", "key'", "key:", "key=", "key =",
                                "key\\", "key>", "_key", "-key", "auth", "salt", "nonce", "seed", "hmac"]

    static let generic: [SecretRule] = [
        SecretRule(
            id: "generic-password",
            description: "Password assigned to a quoted literal in code or configuration",
            keywords: passwordAnchors, pattern: "", secretGroup: 0, severity: .high, generic: true,
            keyValue: KeyValueRule(kinds: [.password], quoted: true),
            examples: [
                "password = \"\(RuleKit.value("generic-password", 0, .base62, 12))\"",
                "  smtp_pass: '\(RuleKit.value("generic-password", 1, .base64, 14))'",
                "\"adminPassword\": \"\(RuleKit.value("generic-password", 2, .base62, 18))\",",
                "$config['db_pwd'] = '\(RuleKit.value("generic-password", 3, .base62, 13))';",
                "val password = \"\(RuleKit.value("generic-password", 4, .base62, 15))\"",
                "LDAP_BIND_PASSWORD: str = \"\(RuleKit.value("generic-password", 5, .base62, 16))\"",
                "conn.login(user, password=\"\(RuleKit.value("generic-password", 6, .base62, 16))\")",
                "let config = \"{\\\"db_password\\\": \\\"\(RuleKit.value("generic-password", 7, .base62, 10))\\\"}\"",
                "<property name=\"password\" value=\"\(RuleKit.value("generic-password", 9, .base62, 12))\"/>",
                "cursor.execute(\"ALTER USER app PASSWORD '\(RuleKit.value("generic-password", 10, .base62, 12))'\")",
                "user.setPassword(\"\(RuleKit.value("generic-password", 11, .lowerAlnum, 9))\")",
                "  password: \"\(RuleKit.value("generic-password", 12, .lowerAlnum, 7))\"",
            ],
            counterExamples: [
                "password = \"password\"",
                "password: \"{{ .Values.db.password }}\"",
                "password: \"<your password>\"",
                "password_file = \"/run/secrets/db_password\"",
                "passwordHash = \"\(RuleKit.value("generic-password", 50, .lowerHex, 40))\"",
                "XCTAssertEqual(user.password, \"hunter2\")",
                "password = \"my-password-123\"",
                "mail-password: 'ENC[AES256_GCM,data:\(RuleKit.value("generic-password", 51, .base64, 24)),type:str]'",
                "groupAssociation = \"\(RuleKit.value("generic-password", 52, .base62, 14))\"",
                "let bypassCache = \"\(RuleKit.value("generic-password", 53, .base62, 14))\"",
                "password_encryption = 'scram-sha-256'",
                "ADMIN_SHA256_PASSWORD=\"\(RuleKit.value("generic-password", 54, .lowerHex, 64))\"",
                "password: \"$6$rounds=5000$\(RuleKit.value("generic-password", 55, .base62, 16))\"",
                "label.text = \"Enter your password\"",
                "passwordField.placeholder = \"Password\"",
                "let passwordKey = \"com.example.app.password\"",
            ]),
        SecretRule(
            id: "generic-password-assignment",
            description: "Password assigned in a .env, INI, properties, YAML or shell file, or on a command line",
            keywords: passwordAnchors, pattern: "", secretGroup: 0, severity: .high, generic: true,
            keyValue: KeyValueRule(kinds: [.password], quoted: false),
            examples: [
                "DB_PASSWORD=\(RuleKit.value("generic-password-assignment", 0, .base62, 16))",
                "export MYSQL_ROOT_PASSWORD=\(RuleKit.value("generic-password-assignment", 1, .base62, 18))",
                "  redis_pass: \(RuleKit.value("generic-password-assignment", 2, .base62, 20))  # rotated monthly",
                "spring.datasource.password=\(RuleKit.value("generic-password-assignment", 3, .base62, 14))",
                "password: \(RuleKit.value("generic-password-assignment", 4, .lowerAlnum, 10))",
                "PGPASSWORD=\(RuleKit.value("generic-password-assignment", 5, .lowerAlnum, 9)) psql -h db -U app",
                "ldapsearch --password \(RuleKit.value("generic-password-assignment", 6, .base62, 12)) -b dc=corp",
                "<password>\(RuleKit.value("generic-password-assignment", 8, .base62, 11))</password>",
                "RUN ./install.sh --admin-password=\(RuleKit.value("generic-password-assignment", 7, .base62, 12))",
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
                "let password = \(RuleKit.value("generic-password-assignment", 50, .lowerAlnum, 12))",
                "PASSWORD=$(cat /run/secrets/pw)",
                "password: !vault |",
            ]),
        SecretRule(
            id: "generic-secret",
            description: "Secret, token or API key assigned to a quoted literal in code or configuration",
            keywords: secretAnchors, pattern: "", secretGroup: 0, severity: .high, generic: true,
            keyValue: KeyValueRule(kinds: [.secret, .weak], quoted: true),
            examples: [
                "client_secret = \"\(RuleKit.value("generic-secret", 0, .base62, 24))\"",
                "\"apiKey\": \"\(RuleKit.value("generic-secret", 1, .base64url, 28))\"",
                "const SECRET_KEY = '\(RuleKit.value("generic-secret", 2, .base64, 30))';",
                "webhook_secret := \"\(RuleKit.value("generic-secret", 3, .base62, 20))\"",
                "const apiKey: string = \"\(RuleKit.value("generic-secret", 4, .base62, 24))\";",
                "settings = {\"internal_api_secret\": \"\(RuleKit.value("generic-secret", 5, .lowerHex, 32))\"}",
                "\"config\": \"{\\\"apitoken\\\": \\\"\(RuleKit.value("generic-secret", 6, .base62, 24))\\\"}\"",
                "tokens: [\"\(RuleKit.value("generic-secret", 7, .base62, 24))\", \"\(RuleKit.value("generic-secret", 8, .base62, 24))\"]",
                "api_key = \"\(RuleKit.uuid("generic-secret", 9))\"",
                "Client(api_key=\"\(RuleKit.value("generic-secret", 10, .lowerAlnum, 32))\")",
                "  \"key\": \"\(RuleKit.value("generic-secret", 11, .base62, 32))\",",
                "<add key=\"ApiKey\" value=\"\(RuleKit.value("generic-secret", 12, .base62, 32))\" />",
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
                "hashed_token: \"\(RuleKit.value("generic-secret", 50, .lowerHex, 64))\"",
                "\"integrity\": \"sha512-\(RuleKit.value("generic-secret", 51, .base64, 86))==\"",
                "\"public_key\": \"\(RuleKit.value("generic-secret", 52, .base64, 44))\"",
                "let tokenizer = \"\(RuleKit.value("generic-secret", 53, .base62, 24))\"",
                "\"key\": \"CFBundleShortVersionString\"",
                "max_tokens = \"4096\"",
                "\"author\": \"Jane Doe <jane@corp.io>\"",
            ]),
        SecretRule(
            id: "generic-secret-assignment",
            description: "Secret, token or API key assigned in a .env, INI, properties, YAML or shell file",
            keywords: secretAnchors, pattern: "", secretGroup: 0, severity: .high, generic: true,
            keyValue: KeyValueRule(kinds: [.secret, .weak], quoted: false),
            examples: [
                "API_KEY=\(RuleKit.value("generic-secret-assignment", 0, .base62, 32))",
                "  auth_token: \(RuleKit.value("generic-secret-assignment", 1, .lowerHex, 40))",
                "export STRIPE_SECRET=\(RuleKit.value("generic-secret-assignment", 2, .base62, 26))",
                "app.client-secret = \(RuleKit.value("generic-secret-assignment", 3, .base62, 22))",
                "tokens:\n  - \(RuleKit.value("generic-secret-assignment", 4, .lowerHex, 40))\n  - \(RuleKit.value("generic-secret-assignment", 5, .lowerHex, 40))",
                "credentials:\n  github: \(RuleKit.value("generic-secret-assignment", 6, .base62, 36))",
                "deploy --api-token \(RuleKit.value("generic-secret-assignment", 7, .base62, 32))",
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
                "let secretKey = \(RuleKit.value("generic-secret-assignment", 50, .base62, 24))",
                "token = try container.decode(String.self, forKey: .token)",
                "credentials:\n  username: deploy-bot-\(RuleKit.value("generic-secret-assignment", 51, .lowerAlnum, 8))\n  region: eu-west-1",
                "SECRET_KEY_BASE=\(RuleKit.value("generic-secret-assignment", 52, .lowerAlnum, 5))",
            ]),
    ]
}
