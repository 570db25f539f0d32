/// Pattern pieces shared by the rule files that need a vendor keyword next to an unprefixed value.
enum KeywordContext {
    static let uuid = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    static let hex32 = "[0-9a-fA-F]{32}"
    static let hex40 = "[0-9a-fA-F]{40}"
    static let hex64 = "[0-9a-fA-F]{64}"

    /// A name that contains `vendor` and then `kind` (e.g. `HEROKU_API_KEY`, `"datadog.appKey"`),
    /// an assignment (`=`, `:`, `:=`, `=>`, optionally quoted), then `value` as capture group 1.
    /// The name part is case-insensitive; `value` is matched case-sensitively.
    static func assigned(vendor: String, kind: String, value: String,
                         after: String = #"(?![A-Za-z0-9_\-])"#) -> String {
        #"(?i)(?<![A-Za-z0-9])(?:"# + vendor + #")[A-Za-z0-9_.\-]{0,25}?(?:"# + kind
            + #")[A-Za-z0-9_.\-]{0,20}["'\]]{0,2}\s{0,5}(?:=>|:=|[:=])\s{0,5}["'`]?((?-i:"# + value + "))" + after
    }
}

/// Run-time builders for example tokens (never literals in the source, so the repository's own
/// secret scan does not flag its own rule files).
enum SynthFormats {
    static func hex(_ n: Int, _ seed: UInt64) -> String { Synthetic.string(n, alphabet: Synthetic.lowerHex, seed: seed) }
    static func upperHex(_ n: Int, _ seed: UInt64) -> String { Synthetic.string(n, alphabet: Synthetic.upperHex, seed: seed) }
    static func b62(_ n: Int, _ seed: UInt64) -> String { Synthetic.string(n, alphabet: Synthetic.base62, seed: seed) }
    static func b64(_ n: Int, _ seed: UInt64) -> String { Synthetic.string(n, alphabet: Synthetic.base64, seed: seed) }
    static func b64url(_ n: Int, _ seed: UInt64) -> String { Synthetic.string(n, alphabet: Synthetic.base64url, seed: seed) }
    static func lowerAlnum(_ n: Int, _ seed: UInt64) -> String { Synthetic.string(n, alphabet: Synthetic.lowerAlnum, seed: seed) }
    static func upperAlnum(_ n: Int, _ seed: UInt64) -> String { Synthetic.string(n, alphabet: Synthetic.upperAlnum, seed: seed) }
    static func digits(_ n: Int, _ seed: UInt64) -> String { Synthetic.string(n, alphabet: "0123456789", seed: seed) }

    static func uuid(_ seed: UInt64) -> String {
        let h = Array(hex(32, seed))
        return String(h[0..<8]) + "-" + String(h[8..<12]) + "-" + String(h[12..<16]) + "-" + String(h[16..<20]) + "-" + String(h[20..<32])
    }

    static func base64(_ text: String, url: Bool = false, pad: Bool = true) -> String {
        base64(Array(text.utf8), url: url, pad: pad)
    }

    static func base64(_ bytes: [UInt8], url: Bool = false, pad: Bool = true) -> String {
        let table = Array(url ? Synthetic.base64url.utf8 : Synthetic.base64.utf8)
        // Synthetic's alphabets are a–z, A–Z, 0–9 order; base64 needs A–Z, a–z, 0–9.
        let upper = Array(table[26..<52]), lower = Array(table[0..<26]), rest = Array(table[52...])
        let alphabet = upper + lower + rest
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let b0 = UInt32(bytes[i])
            let b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0
            let b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let n = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            if i + 1 < bytes.count { out.append(alphabet[Int(n >> 6 & 63)]) } else if pad { out.append(UInt8(ascii: "=")) }
            if i + 2 < bytes.count { out.append(alphabet[Int(n & 63)]) } else if pad { out.append(UInt8(ascii: "=")) }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A JSON Web Token with the given header and payload JSON and a random 43-character signature.
    static func jwt(header: String = #"{"alg":"HS256","typ":"JWT"}"#, payload: String, seed: UInt64) -> String {
        base64(header, url: true, pad: false) + "." + base64(payload, url: true, pad: false) + "." + b64url(43, seed)
    }
}

/// Checks on decoded credentials.
enum CredentialChecks {
    static let trivial: Set<String> = ["password", "pass", "passwd", "secret", "admin", "root", "test", "user",
                                       "guest", "changeme", "default", "token", "username", "login"]

    /// Credentials of the RFC 7617 (HTTP Basic) and RFC 6749 (OAuth 2.0) examples, lower-cased.
    static let documentedExamples: Set<String> = ["aladdin:open sesame", "aladdin:opensesame", "s6bhdrkqt3:gx1fbat3bv"]

    /// `b64` decodes to printable `user:password` with a non-placeholder password of 4+ characters.
    static func basicCredential(_ b64: String) -> Bool {
        guard b64.utf8.count % 4 == 0 || !b64.hasSuffix("="), let bytes = Base64.decodeURL(b64), bytes.count >= 6 else { return false }
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return false }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let colon = text.firstIndex(of: ":"), !documentedExamples.contains(text.lowercased()) else { return false }
        let password = String(text[text.index(after: colon)...])
        if password.count < 4 || trivial.contains(password.lowercased()) { return false }
        return !Placeholders.isPlaceholder(password) && !Placeholders.isPlaceholder(text)
    }

    /// `b64` is well-formed base64 of 8+ bytes whose text (if it is text) is not a placeholder.
    static func base64Secret(_ b64: String) -> Bool {
        guard b64.utf8.count % 4 == 0, let bytes = Base64.decodeURL(b64), bytes.count >= 8 else { return false }
        let printable = bytes.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if printable {
            let text = String(decoding: bytes, as: UTF8.self)
            if Placeholders.isPlaceholder(text) || text.contains("://") { return false }
        }
        return true
    }

    /// Mixed letters and digits (random tokens have both; words and identifiers usually do not).
    static func lettersAndDigits(_ s: String) -> Bool {
        var letters = false, digits = false
        for b in s.utf8 {
            if (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) { letters = true }
            if b >= 0x30 && b <= 0x39 { digits = true }
        }
        return letters && digits
    }
}

extension RuleFamilies {
    /// The public example token of jwt.io, assembled from its parts.
    static let jwtIOExample = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + "."
        + "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ" + "."
        + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"

    static let tokens: [SecretRule] = [
        SecretRule(
            id: "jwt",
            description: "JSON Web Token (signed)",
            keywords: ["eyj"],
            pattern: #"(?<![A-Za-z0-9_\-.])(eyJ[A-Za-z0-9_\-]{10,4000}\.eyJ[A-Za-z0-9_\-]{4,16000}\.[A-Za-z0-9_\-]{16,4000})(?![A-Za-z0-9_\-.=])"#,
            minEntropy: 4.0, severity: .medium, validator: .jwt,
            // The jwt.io example token itself is a documented sample whose signing key is public: low.
            // Other tokens with its payload ({"sub":"1234567890","name":"John Doe",…}) are signed with
            // someone's own key: medium.
            assess: { s in
                if s == jwtIOExample { return .low }
                return s.contains(".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lI") || s.contains(".eyJuYW1lIjoiSm9obiBEb2Ui") ? .medium : .high
            },
            examples: [
                "token = \"\(SynthFormats.jwt(payload: #"{"sub":"\#(SynthFormats.uuid(2000))","iat":1716239022,"role":"admin"}"#, seed: 2001))\"",
                "SUPABASE_SERVICE_ROLE_KEY=\(SynthFormats.jwt(payload: #"{"iss":"supabase","ref":"\#(SynthFormats.lowerAlnum(20, 2002))","role":"service_role","iat":1700000000,"exp":2000000000}"#, seed: 2003))",
                "id_token: \(SynthFormats.jwt(header: #"{"alg":"RS256","kid":"\#(SynthFormats.hex(16, 2004))","typ":"JWT"}"#, payload: #"{"aud":"\#(SynthFormats.b62(12, 2005))","exp":1900000000}"#, seed: 2006))",
                // Low confidence (a documented sample), still reported at `--confidence low`.
                "Authorization: Bearer \(jwtIOExample)",
                "token: \(SynthFormats.jwt(header: #"{"alg":"ES256","typ":"JWT"}"#, payload: #"{"name":"John Doe","admin":true}"#, seed: 2008))",
            ],
            counterExamples: [
                // Header without "alg": not a JWT.
                "x = \(SynthFormats.base64(#"{"typ":"JWT"}"#, url: true, pad: false)).\(SynthFormats.base64(#"{"sub":"1"}"#, url: true, pad: false)).\(SynthFormats.b64url(43, 2007))",
                "eyJhbGciOiJIUzI1NiJ9.eyJ...signature",
                "const t = 'eyJ' + payload",
            ]),
        SecretRule(
            id: "http-basic-auth-header",
            description: "HTTP Authorization header with Basic credentials",
            keywords: ["authorization"],
            pattern: #"(?i)authorization["']?\s{0,3}(?:=>|[:=,])\s{0,3}["'`]?basic\s{1,3}([A-Za-z0-9+/]{8,1000}={0,2})(?![A-Za-z0-9+/=])"#,
            minEntropy: 3.0, severity: .high, validator: .custom(CredentialChecks.basicCredential),
            examples: [
                "curl -H \"Authorization: Basic \(SynthFormats.base64("deploy:" + SynthFormats.b62(18, 2010)))\" https://api.internal",
                "headers = {'Authorization': 'Basic \(SynthFormats.base64("svc-bot:" + SynthFormats.b64(22, 2011)))'}",
                "Authorization: basic \(SynthFormats.base64("admin@corp.io:" + SynthFormats.b62(14, 2012)))",
            ],
            counterExamples: [
                "Authorization: Basic \(SynthFormats.base64("user:password"))",
                "Authorization: Basic \(SynthFormats.base64("admin:changeme"))",
                "Authorization: Basic <base64 user:pass>",
                "Authorization: Basic ${CREDS}",
                "Authorization: Basic \(SynthFormats.base64("Aladdin:opensesame"))",
                "BasicAuth is described in RFC 7617",
            ]),
        SecretRule(
            id: "http-bearer-auth-header",
            description: "HTTP Authorization header with a Bearer token",
            keywords: ["bearer"],
            pattern: #"(?i)authorization["']?\s{0,3}(?:=>|[:=,])\s{0,3}["'`]?bearer\s{1,3}([A-Za-z0-9._~+/\-]{20,4000}={0,3})(?![A-Za-z0-9._~+/\-=])"#,
            minEntropy: 3.5, severity: .high, validator: .custom(CredentialChecks.lettersAndDigits),
            examples: [
                "curl -H 'Authorization: Bearer \(SynthFormats.b62(40, 2020))' https://api.vendor.io/v1/items",
                "headers: { \"Authorization\": \"Bearer \(SynthFormats.b64url(48, 2021))\" }",
                "req.Header.Set(\"Authorization\", \"Bearer \(SynthFormats.hex(64, 2022))\")",
            ],
            counterExamples: [
                "Authorization: Bearer <token>",
                "headers = {\"Authorization\": f\"Bearer {token}\"}",
                "Authorization: Bearer ${ACCESS_TOKEN}",
                "Authorization: Bearer $(gcloud auth print-access-token)",
                "Authorization: Bearer YOUR_ACCESS_TOKEN_HERE",
                "The bearer token is sent in the Authorization header",
            ]),
        SecretRule(
            id: "docker-config-auth",
            description: "Docker config.json registry credentials (base64 user:password)",
            keywords: ["\"auth\""],
            pattern: #"(?i)"auth"\s{0,3}:\s{0,3}"([A-Za-z0-9+/]{8,2000}={0,2})""#,
            minEntropy: 3.0, severity: .high, validator: .custom(CredentialChecks.basicCredential),
            examples: [
                "{\"auths\": {\"registry.corp.io\": {\"auth\": \"\(SynthFormats.base64("ci:" + SynthFormats.b62(24, 2030)))\"}}}",
                "      \"auth\": \"\(SynthFormats.base64("_json_key:" + SynthFormats.b64url(30, 2031)))\"",
            ],
            counterExamples: [
                "{\"auths\": {\"ghcr.io\": {\"auth\": \"\(SynthFormats.base64("user:password"))\"}}}",
                "{\"auths\": {\"ghcr.io\": {}}, \"credsStore\": \"desktop\"}",
                "\"auth\": \"\"",
                "\"auth\": \"oauth2\"",
            ]),
        SecretRule(
            id: "netrc-password",
            description: "Password in a .netrc machine entry",
            keywords: ["login"],
            pattern: #"(?<![A-Za-z0-9])machine\s{1,5}[^\s]{1,253}\s{1,5}login\s{1,5}[^\s]{1,128}\s{1,5}password\s{1,5}([^\s"'`]{4,128})"#,
            minEntropy: 2.5, severity: .high, allowPatterns: [trivialPasswords, #"^[{\[(]"#],
            examples: [
                "machine api.heroku.com login me@corp.io password \(SynthFormats.b62(20, 2040))",
                "machine git.internal.net login ci-bot password \(SynthFormats.b64(24, 2041))",
            ],
            counterExamples: [
                "machine example.com login user password password",
                "machine host login user password $NETRC_PASSWORD",
                "return f'machine {hostname} login {self.username} password {self.password}'",
                "The machine learning model",
            ]),
        SecretRule(
            id: "curl-user-credentials",
            description: "Credentials passed to curl with -u/--user",
            keywords: [" -u ", "--user"],
            pattern: #"curl\s(?:[^\n]{0,300}?\s)?(?:-u|--user)(?:\s{1,3}|=)["']?[^:\s"'$]{1,64}:([^\s"'@]{6,128})["']?(?=\s|$)"#,
            minEntropy: 2.8, severity: .high, allowPatterns: [trivialPasswords],
            examples: [
                "curl -s -u deploy:\(SynthFormats.b62(18, 2050)) https://nexus.corp/repository/",
                "curl --user \"admin:\(SynthFormats.b64(20, 2051))\" -X POST https://jenkins.local/job/x/build",
            ],
            counterExamples: [
                "curl -u user:password https://localhost",
                "curl -u \"$USER:$PASS\" https://host",
                "curl -u admin:${TOKEN} https://host",
                "curl -u sk_test_key: https://api.stripe.com",
            ]),
        SecretRule(
            id: "docker-login-password",
            description: "Password passed to docker login on the command line",
            keywords: ["docker login"],
            pattern: #"docker\s{1,3}login\s[^\n]{0,200}?(?:-p|--password)(?:=|\s{1,3})["']?([^\s"']{8,200})"#,
            minEntropy: 3.0, severity: .high, allowPatterns: [trivialPasswords],
            examples: [
                "docker login -u ci -p \(SynthFormats.b62(22, 2060)) registry.corp.io",
                "docker login registry.gitlab.com --username bot --password '\(SynthFormats.b64url(26, 2061))'",
            ],
            counterExamples: [
                "docker login -u ci -p $REGISTRY_PASSWORD registry.corp.io",
                "echo $PW | docker login -u ci --password-stdin",
                "docker login -u ci -p \"${{ secrets.REGISTRY_TOKEN }}\"",
            ]),
        SecretRule(
            id: "api-key-header",
            description: "API key or token sent in an X-API-Key / X-Auth-Token style header",
            keywords: ["x-api-key", "x-auth-token", "x-access-token", "x-api-token"],
            pattern: #"(?i)x-(?:api-key|api-token|auth-token|access-token)["']?\s{0,3}(?:=>|[:=,])\s{0,3}["'`]?([A-Za-z0-9_\-.+/=]{20,200})(?![A-Za-z0-9_\-.+/=])"#,
            minEntropy: 3.5, severity: .high, validator: .custom(CredentialChecks.lettersAndDigits),
            examples: [
                "curl -H \"X-API-Key: \(SynthFormats.b62(32, 2070))\" https://api.partner.io",
                "headers = {'x-auth-token': '\(SynthFormats.hex(40, 2071))'}",
            ],
            counterExamples: [
                "curl -H \"X-API-Key: $API_KEY\" https://api.partner.io",
                "headers = {'x-api-key': 'YOUR_API_KEY_GOES_HERE'}",
                "x-api-key: <your key>",
            ]),
    ]
}
