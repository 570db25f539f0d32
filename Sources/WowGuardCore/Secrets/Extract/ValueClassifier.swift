/// Everything the classifier knows about one candidate pair.
public struct PairContext: Sendable {
    public var meaning: KeyMeaning
    public var quoting: ValueQuoting
    public var form: PairForm
    public var file: FileKind
    /// The path is a test, fixture, example or docs location.
    public var sampleLocation: Bool
    /// The statement declares a variable in code (`let x = …`).
    public var declaration: Bool = false

    public init(meaning: KeyMeaning, quoting: ValueQuoting, form: PairForm, file: FileKind, sampleLocation: Bool) {
        self.meaning = meaning
        self.quoting = quoting
        self.form = form
        self.file = file
        self.sampleLocation = sampleLocation
    }
}

/// The shape of a value, computed once.
public struct ValueShape: Sendable {
    public var length = 0
    public var lower = 0, upper = 0, digits = 0, symbols = 0, spaces = 0
    public var hexOnly = true
    public var bits = 0.0
    public var distinct = 0

    public var classes: Int { (lower > 0 ? 1 : 0) + (upper > 0 ? 1 : 0) + (digits > 0 ? 1 : 0) + (symbols > 0 ? 1 : 0) }
    /// Classes counting only punctuation other than the identifier separators `_`, `-`, `.`.
    public var strongClasses: Int { (lower > 0 ? 1 : 0) + (upper > 0 ? 1 : 0) + (digits > 0 ? 1 : 0) + (punct > 0 ? 1 : 0) }
    public var punct = 0
    public var letters: Int { lower + upper }

    public init(_ v: [UInt8]) {
        length = v.count
        var seen = [Bool](repeating: false, count: 256)
        for b in v {
            if !seen[Int(b)] { seen[Int(b)] = true; distinct += 1 }
            switch b {
            case 0x61...0x7A: lower += 1; if b > 0x66 { hexOnly = false }
            case 0x41...0x5A: upper += 1; if b > 0x46 { hexOnly = false }
            case 0x30...0x39: digits += 1
            case 0x20, 0x09: spaces += 1; hexOnly = false
            default:
                symbols += 1
                if b != 0x2D { hexOnly = false }
                if b != 0x2D && b != 0x5F && b != 0x2E { punct += 1 }
            }
        }
        bits = Naturalness.bitsPerChar(v)
    }
}

/// The value classifier: instead of one entropy threshold, it weighs what the key says (password,
/// secret, weak), the value's shape (length, character classes, identifier, word, path, URL, number,
/// version, hash, UUID, template, expression, function call, variable reference), its naturalness
/// (bits per character under a code-vocabulary model), the file kind and location (docs, tests,
/// examples) and known placeholders. It answers nil (not a secret) or a confidence.
public enum ValueClassifier {
    /// Values of the local development set-ups and documentation that nobody would call secret.
    static let trivial: Set<String> = [
        "password", "passwd", "pass", "pwd", "secret", "token", "apikey", "api_key", "key", "postgres", "mysql", "root",
        "admin", "administrator", "guest", "test", "testing", "tester", "user", "username", "default", "changeit",
        "changeme", "redis", "rabbitmq", "mongo", "mongodb", "sa", "oracle", "letmein", "welcome",
        "foobar", "foo", "bar", "baz", "true", "false", "yes", "no", "on", "off", "null", "nil", "none", "undefined",
        "required", "optional", "string", "str", "int", "integer", "bool", "boolean", "object", "any", "text", "number",
        "bearer", "basic", "token", "secret", "empty", "blank", "unset", "unknown", "n/a", "na", "tbd", "todo", "xxx",
        "value", "myvalue", "mypassword", "mysecret", "mytoken", "secretkey", "secret_key", "s3cret", "example", "sample",
        "demo", "public", "private", "local", "localhost", "dev", "development", "prod", "production", "staging", "master",
        "main", "hidden", "masked", "redacted", "password123", "admin123", "root123", "test123", "pass123", "123456",
        "12345678", "1234", "abc123", "abcdef", "secret1", "password1", "pa55word", "p@ssword", "p@ssw0rd", "topsecret",
        "supersecret", "notsecret", "insecure", "unsafe", "docker", "vagrant", "ubuntu", "debian", "centos", "pi", "raspberry",
        "keystone", "openstack", "nova", "glance", "neutron", "cinder", "swift", "heat", "db", "database", "app", "application",
        "web", "api", "service", "server", "client", "system", "manager", "operator", "backup", "monitor", "replication",
        "repl", "readonly", "readwrite", "rw", "ro", "scram-sha-256", "md5", "sha256", "trust", "peer", "ident", "plain",
        "prompt", "ask", "env", "environment", "file", "vault", "keyring", "keychain", "auto", "random", "generate",
        "generated", "secret-value", "xxxx", "****", "...", "…", "nope", "wrong", "something", "anything", "nothing",
        "whatever", "encoded", "invalid", "incorrect", "spam", "eggs", "bacon", "ham", "ohno", "oops", "bogus", "error",
        "fail", "failed", "failure", "irrelevant", "blah", "asdf", "lala", "dummy", "nonsense", "garbage", "bad", "kbdint", "keyboard-interactive", "publickey", "gssapi", "hidden",
        "private", "confidential", "sensitive", "unknown", "missing", "notset", "not-set", "setme", "set-me", "fixme",
    ]

    /// Published credentials of emulators and documentation (Azurite's account key, …).
    static let knownPublic: Set<String> = [azuriteKey]
    static let hashPrefixes = ASCII.Needles(["sha256:", "sha512:", "sha1:", "md5:", "{ssha}", "{sha}", "{bcrypt}", "{noop}", "pbkdf2", "argon2", "scrypt:"])
    static let codeWordNeedles = ASCII.Needles(codeWords)
    static let fileExtensions = ASCII.Needles([".pem", ".key", ".json", ".yaml", ".yml", ".txt", ".env", ".p12", ".pfx", ".crt", ".cer", ".js", ".py",
                                               ".swift", ".jks", ".keystore", ".der", ".gpg", ".asc", ".xml", ".html", ".sh", ".toml", ".ini", ".conf", ".cfg",
                                               ".log", ".db", ".sqlite", ".png", ".jpg", ".svg"])
    static let elisions = ASCII.Needles(["...", "…"])
    static let references = ASCII.Needles(["{{", "}}", "${", "$(", "#{", "%(", "%s", "{0}", "{}", "\\(", "<%", "://", "$env:",
                                           "%env", "env(", "getenv", "environ", "$_", "\\n", "lookup(", "vault:", "ref+",
                                           "op://", "secretref", "file:", "\\x", "\\u", "[filtered]"])
    static let keyWords = ASCII.Needles(["password", "passwd", "secret", "token", "apikey", "api_key", "api-key", "changeme", "placeholder"])
    static let vendorPrefixNeedles = ASCII.Needles(vendorPrefixes)
    static let codeWords: [String] = ["self.", "this.", "config.", "settings.", "options.", "opts.", "params.", "args.",
                                      "props.", "env.", "os.", "process.", "request.", "req.", "ctx.", "context."]

    public static func classify(_ value: [UInt8], _ ctx: PairContext) -> Confidence? {
        let v = value
        guard v.count >= 3, v.count <= 1000 else { return nil }
        let s = String(decoding: v, as: UTF8.self)
        let lb = ASCII.lower(v)
        let lower = String(decoding: lb, as: UTF8.self)
        if trivial.contains(lower) || knownPublic.contains(s) { return nil }
        let first = v[0], last = v[v.count - 1]
        // Variable references, templates, placeholders, expressions.
        if first == 0x25 || first == 0x3C || first == 0x7B || first == 0x5B || first == 0x28 { return nil }
        // `$VAR`, `${…}`, `$(…)`, `$1` are references; a quoted `$4to@L8=MC` in JSON is a value.
        if first == 0x24 && (ctx.quoting == .none || ctx.file == .shell || v.count < 2 || !(v[1] >= 0x30 && v[1] <= 0x39) || v.contains(0x7B) || v.contains(0x28)) { return nil }
        // Sigils before a name: `@param`, `:bind`, `?`, `&anchor`, `*alias`, `!tag`, `***`.
        if first == 0x40 || first == 0x3A || first == 0x3F || first == 0x26 || first == 0x2A || first == 0x21 {
            if v.count <= 2 || isIdentifier(Array(v.dropFirst())) || v.allSatisfy({ $0 == first }) { return nil }
        }
        if last == 0x28 || last == 0x25 || last == 0x3E { return nil }
        // Truncated or elided samples: `eyJ2Ijoi...`, `ya29.c.b0Aae…`.
        if elisions.any(in: lb) { return nil }
        // JSON Web Tokens (and bare JWT headers) are the `jwt` rule's call: it checks the header and signature.
        if lower.hasPrefix("eyj") { return nil }
        // Postgres md5 password hashes, AWS access key ids (the public half).
        if lower.hasPrefix("md5") && v.count == 35 { return nil }
        if v.count == 20, ["akia", "asia", "agpa", "aida", "aroa", "aipa", "anpa", "anva"].contains(where: { lower.hasPrefix($0) }),
           v.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }) { return nil }
        if isSampleWords(lb) || hasPassAffix(lb) { return nil }
        if isSequential(v) { return nil }
        // Weak nouns that name key material (nonce, salt, seed) are secrets of their own kind.
        if vendorPrefixNeedles.anyPrefix(of: lb) { return nil }
        // A trivial word with digits or punctuation around it: `Admin123!`, `root1234`, `test_123`.
        let lettersOnly = String(lower.filter { $0 >= "a" && $0 <= "z" })
        if lettersOnly.count >= 3 && trivial.contains(lettersOnly) { return nil }
        if let text = decodedText(v), Naturalness.bitsPerChar(text) < 5.0 || text.contains(0x3A) || isSequential(text) { return nil }
        if Placeholders.isPlaceholder(bytes: v) { return nil }
        if references.any(in: lb) { return nil }
        // A value that names its own key (`password = "mypassword1"`) is a sample.
        if ctx.meaning.noun.utf8.count >= 4 && ASCII.contains(lb, Array(ctx.meaning.noun.utf8)) { return nil }
        // …or another word of its key (`CI_JIRA_PASSWORD = "jira"`, `CRATEDB_PASSWORD`, `"crate"`): a default.
        let valueLetters = lb.filter { $0 >= 0x61 && $0 <= 0x7A }
        if valueLetters.count >= 3 {
            for w in ctx.meaning.words where w.utf8.count >= 3 {
                let wb = Array(w.utf8)
                if ASCII.contains(wb, valueLetters) || (valueLetters.count <= wb.count + 3 && ASCII.contains(valueLetters, wb)) { return nil }
            }
        }
        if keyWords.any(in: lb) { return nil }
        // Crypt and hash strings (`$6$…`, `$2b$…`): not the secret, a digest of it.
        if first == 0x24 && v.count > 3 && v[1...].contains(0x24) { return nil }
        if hashPrefixes.anyPrefix(of: lb) { return nil }
        let shape = ValueShape(v)
        if shape.spaces > 0 { return nil }  // messages, prompts, SQL
        if shape.letters == 0 { return nil }  // numbers, dates, punctuation
        if shape.distinct <= 3 && shape.length >= 6 { return nil }
        if isVersionOrDate(v) { return nil }
        if isCodeReference(v, lower: lower, ctx: ctx) { return nil }
        // Bare values with brackets or an inner `=` are expressions (`InitVar[str]`, `salt=(2**256`).
        if ctx.quoting == .none, v.contains(where: { $0 == 0x28 || $0 == 0x5B || $0 == 0x5D }) || (v.dropLast(2).contains(0x3D)) { return nil }
        if isPathOrFileName(v, lower: lower, shape: shape) { return nil }
        // A bare word in code is an expression: a variable, a constant, a call.
        if ctx.quoting == .none && ctx.form != .flag && ctx.form != .element && ctx.form != .query && (ctx.file == .code || ctx.declaration) { return nil }
        // Emails, host names: not secrets on their own.
        if v.contains(0x40) && shape.symbols <= 3 && v.contains(0x2E) && !v.contains(0x3A) { return nil }
        if isHostName(v, shape: shape) { return nil }

        let hex = shape.hexOnly && shape.digits > 0 && shape.letters > 0
        let uuid = isUUID(v)
        let random = shape.bits >= 5.6 || (hex && shape.length >= 20 && !uuid)
        let mixed = shape.bits >= 4.7 || (shape.strongClasses >= 3 && shape.bits >= 4.3)
        let identifier = isIdentifier(v)
        // The second argument of `f("password", "x")` is as often another field name as a value.
        if ctx.form == .argument && identifier && shape.digits == 0 && (v.contains(0x5F) || shape.upper > 0) && shape.bits < 4.7 { return nil }
        // A bare identifier outside configuration files is a variable or constant name.
        if identifier && ctx.quoting == .none && (ctx.file == .code || ctx.file == .docs || ctx.file == .unknown) && shape.bits < 5.0 { return nil }

        var level: Confidence?
        switch ctx.meaning.kind {
        case .password:
            if shape.length < 4 { return nil }
            // A password is whatever the password field holds, words included (`tiger`, `pygmalion`);
            // only long random ones are high. Hex of a digest's length is a hash, not a password.
            if hex && [32, 40, 56, 64, 96, 128].contains(shape.length) { level = .low }
            else if shape.length >= 10 && (random || shape.strongClasses >= 3) { level = .high }
            else if shape.length >= 4 { level = .medium }
            else { level = .low }
        case .secret:
            if shape.length < 6 || (shape.length < 8 && shape.strongClasses < 2) { return nil }
            if uuid { level = .medium }
            else if identifier && shape.bits < 4.7 && shape.digits == 0 { return nil }
            else if shape.length >= 16 && random && (shape.classes >= 2 || hex) { level = .high }
            else if shape.length >= 10 && (random || (mixed && shape.digits > 0)) { level = .medium }
            else if hex && shape.length >= 8 && ["nonce", "salt", "seed", "iv"].contains(ctx.meaning.noun) { level = .medium }
            else if shape.bits >= 4.4 && shape.digits > 0 { level = .low }
            else { return nil }
        case .weak:
            if shape.length < 12 || identifier && shape.digits == 0 { return nil }
            if uuid { level = .low }
            else if shape.length >= 20 && random && shape.classes >= 2 { level = .medium }
            else if shape.length >= 16 && random { level = .low }
            else { return nil }
        }
        guard var c = level else { return nil }
        if ctx.meaning.unsure { c = c.lowered }
        // A token in a URL of documentation is a badge or an example link.
        if ctx.form == .query && ctx.file == .docs { c = .low }
        return c
    }

    /// Words that mark a made-up value: `testpass`, `mypass`, `badpw`, `pass456`, `fake-secret`.
    static let sampleWords = ["test", "pass", "fake", "dummy", "sample", "example", "secret", "demo", "mock", "passwd", "pwd"]
    static let sampleAffixes = ["my", "pw", "bad", "wrong", "new", "old", "foo", "bar", "user", "your", "some", "any", "invalid"]

    static let sampleVocabulary: Set<String> = Set(sampleWords + sampleAffixes + [
        "a", "an", "the", "not", "no", "is", "for", "to", "of", "other", "client", "server", "app", "api", "key", "token",
        "testing", "tests", "password", "passphrase", "users", "admin", "root", "guest", "xyz",
        "temp", "tmp", "default", "value", "here", "me", "change", "wrong", "incorrect", "db", "database", "mysql",
        "postgres", "redis", "sql", "dev", "local", "localhost", "x", "xx", "xxx", "more", "another", "second", "first",
        "third", "one", "two", "three", "new", "old", "current", "next", "prev", "login", "auth", "basic", "nope", "yes"])

    static let sampleTrie = ASCII.Trie(Array(sampleVocabulary))

    /// The value's letters are made of sample vocabulary only (`testpass`, `mypass`, `badpw`, `notauser`,
    /// `pass456`, `fake-secret`), at least four letters of them.
    static func isSampleWords(_ lower: [UInt8]) -> Bool {
        let letters = lower.filter { $0 >= 0x61 && $0 <= 0x7A }
        guard letters.count >= 4, letters.count <= 40 else { return false }
        // Word segmentation by dynamic programming over the letters, with a trie: O(letters × longest word).
        var ok = [Bool](repeating: false, count: letters.count + 1)
        ok[0] = true
        for i in 0..<letters.count where ok[i] {
            sampleTrie.prefixes(of: letters, from: i) { ok[$0] = true }
        }
        return ok[letters.count]
    }

    /// A word of the value begins or ends with `pass`/`pwd` (`l2gpass`, `static_pass`, `BOGUSPASS`,
    /// `withPwd`): a made-up password names itself.
    static func hasPassAffix(_ lower: [UInt8]) -> Bool {
        var start = 0
        for i in 0...lower.count {
            if i < lower.count && lower[i] >= 0x61 && lower[i] <= 0x7A { continue }
            let run = Array(lower[start..<i])
            if run.count >= 3 && (passAffixes.anyPrefix(of: run) || passAffixes.anySuffix(of: run)) { return true }
            start = i + 1
        }
        return false
    }
    static let passAffixes = ASCII.Needles(["pass", "pwd"])

    /// Base64 (standard or URL-safe, 12+ characters) that decodes to printable ASCII: its decoded text.
    static func decodedText(_ v: [UInt8]) -> [UInt8]? {
        guard v.count >= 12, v.count <= 400 else { return nil }
        var pad = 0
        for b in v {
            let ok = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2B || b == 0x2F || b == 0x2D || b == 0x5F
            if b == 0x3D { pad += 1; continue }
            if !ok || pad > 0 { return nil }
        }
        guard let bytes = Base64.decodeURL(String(decoding: v, as: UTF8.self)), bytes.count >= 6 else { return nil }
        for b in bytes {
            guard (b >= 0x20 && b < 0x7F) || b == 0x0A || b == 0x09 || b == 0x0D else { return nil }
        }
        return bytes
    }

    /// Prefixes of vendor token formats: their own rules judge them (length, checksum); a value with one
    /// that its rule did not accept is a sample (`glpat-abc123`, `xoxb-1234-abcd`, `sk_test_123`).
    static let vendorPrefixes = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "gldt-", "glrt-", "xoxb-",
                                 "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xapp-", "sk_live_", "sk_test_", "rk_live_", "rk_test_",
                                 "pk_live_", "pk_test_", "whsec_", "npm_", "pypi-", "hf_", "sk-ant-", "sk-proj-", "aiza", "ya29.",
                                 "shpat_", "shpss_", "dop_v1_", "glsa_", "sq0atp-", "sk_", "pk_", "lin_api_", "ntn_", "dapi"]

    /// Runs of consecutive characters (`abc123`, `1bcdefghij`, `aB3dE5fG`): typed by hand, not generated.
    static func isSequential(_ v: [UInt8]) -> Bool {
        guard v.count >= 6 else { return false }
        var seq = 0, run = 0, longest = 0
        for i in 1..<v.count {
            let a = v[i - 1] | 0x20, b = v[i] | 0x20
            let alnum = ((a >= 0x61 && a <= 0x7A) || (a >= 0x30 && a <= 0x39)) && ((b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39))
            if alnum && b == a &+ 1 { seq += 1; run += 1; longest = max(longest, run) } else { run = 0 }
        }
        if longest >= 4 || (seq >= 4 && seq * 2 >= v.count - 1) { return true }
        // Counting patterns with a stride: `00112233…`, `f0f1f2f3…`, `0102030405…`.
        guard v.count >= 12 else { return false }
        var stride2 = 0, stride1 = 0
        for i in 0..<(v.count - 2) where v[i + 2] == v[i] || v[i + 2] == v[i] &+ 1 { stride2 += 1 }
        for i in 0..<(v.count - 1) where v[i + 1] == v[i] || v[i + 1] == v[i] &+ 1 { stride1 += 1 }
        return stride2 * 10 >= (v.count - 2) * 9 || stride1 * 10 >= (v.count - 1) * 8
    }

    static func isUUID(_ v: [UInt8]) -> Bool {
        guard v.count == 36 else { return false }
        for (i, b) in v.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 { if b != 0x2D { return false }; continue }
            let h = (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46)
            if !h { return false }
        }
        return true
    }

    /// A plain identifier: letters, digits, `_` (no other punctuation).
    static func isIdentifier(_ v: [UInt8]) -> Bool {
        guard let f = v.first, !(f >= 0x30 && f <= 0x39) else { return false }
        return v.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }

    static func isVersionOrDate(_ v: [UInt8]) -> Bool {
        // 1.2.3, v2.0.1-beta, 2024-01-01, 10:30
        var i = 0
        if i < v.count && (v[i] == 0x76 || v[i] == 0x56) { i += 1 }
        var sawDigit = false, sawDot = false
        while i < v.count {
            let b = v[i]
            if b >= 0x30 && b <= 0x39 { sawDigit = true } else if b == 0x2E || b == 0x2D || b == 0x3A { sawDot = true } else { break }
            i += 1
        }
        if sawDigit && sawDot && i == v.count { return true }
        // ISO dates and times: 2016-09-08T21:47:36Z
        if v.count >= 10, v[4] == 0x2D, v[7] == 0x2D, v[0...3].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return true }
        // 1.2.3-beta2, 2.0.0-rc.1
        guard sawDigit && sawDot && i >= v.count - 12 else { return false }
        let rest = String(decoding: v[i...], as: UTF8.self).lowercased()
        return ["-alpha", "-beta", "-rc", "-dev", "-pre", "-snapshot", "-final", "-release", "alpha", "beta", "rc"].contains { rest.hasPrefix($0) }
    }

    /// `settings.API_KEY`, `self.token`, `P256._ARCV1.Credential`, `SCREAMING_CASE`, `getToken()`.
    static func isCodeReference(_ v: [UInt8], lower: String, ctx: PairContext) -> Bool {
        if codeWordNeedles.anyPrefix(of: Array(lower.utf8)) { return true }
        if RuleFamilies.isMemberAccess(v) && ctx.quoting == .none { return true }
        if RuleFamilies.isMemberAccess(v) {
            // Quoted dotted identifiers: `"com.example.app"`, `"auth.token.header"`.
            let shape = Naturalness.bitsPerChar(v)
            if shape < 5.0 { return true }
        }
        // SCREAMING_SNAKE constants (a variable name as value): no lower-case letters, has `_`, natural.
        if v.contains(0x5F), !v.contains(where: { $0 >= 0x61 && $0 <= 0x7A }), Naturalness.bitsPerChar(v) < 4.6 { return true }
        // A call: `name(…)`, `a.b(…)`.
        if let open = v.firstIndex(of: 0x28), open > 0, isIdentifier(Array(v[..<open]).filter { $0 != 0x2E }), v.last == 0x29 { return true }
        return false
    }

    static func isPathOrFileName(_ v: [UInt8], lower: String, shape: ValueShape) -> Bool {
        if lower.hasPrefix("/") || lower.hasPrefix("./") || lower.hasPrefix("../") || lower.hasPrefix("~/") || lower.hasPrefix("c:\\") { return true }
        if v.contains(0x2F) || v.contains(0x5C) {
            // A path, unless the slashes are base64 inside a random blob.
            if shape.bits < 5.2 { return true }
            let slashes = v.filter { $0 == 0x2F }.count
            if slashes >= 2 && v.split(separator: 0x2F).allSatisfy({ Naturalness.bitsPerChar($0) < 5.0 }) { return true }
        }
        if fileExtensions.anySuffix(of: Array(lower.utf8)) { return true }
        return false
    }

    static func isHostName(_ v: [UInt8], shape: ValueShape) -> Bool {
        guard v.contains(0x2E), shape.bits < 5.0 else { return false }
        return v.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x3A }
    }

    /// Tests, fixtures, examples, docs: where sample values live.
    public static func isSampleLocation(_ path: String) -> Bool {
        let p = path.lowercased()
        for f in ["test", "spec", "fixture", "example", "sample", "mock", "docs/", "doc/", "demo"] where p.contains(f) { return true }
        return false
    }
}
