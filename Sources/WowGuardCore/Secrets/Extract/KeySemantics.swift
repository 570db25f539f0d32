/// What a key name says about its value.
public struct KeyMeaning: Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        /// password, passwd, pwd, passphrase, `DB_PASS`, `--password`, `PGPASSWORD`.
        case password
        /// secret, token, API key, access key, credentials, private key, client secret, bearer.
        case secret
        /// A bare `key`, `auth`, `salt`, `nonce`, `seed`: a secret only if the value clearly is one.
        case weak
    }
    public var kind: Kind
    /// Words after the secret noun that are neither neutral (`_value`, `_b64`) nor negative: the
    /// key may well name something else (`token_exchange`), so the finding is less sure.
    public var unsure: Bool
    /// The noun itself, lower-case (to spot values that repeat it: `password = "my-password-1"`).
    public var noun: String
    /// All words of the key (to spot values that repeat one: `JIRA_PASSWORD = "jira"`).
    public var words: [String] = []
}

/// Key semantics: splits a key name into words (snake_case, kebab-case, camelCase, dotted paths,
/// lower-case compounds such as `dbpassword` or `apitoken`) and finds the secret noun and the
/// words around it. Negative names (`password_field`, `token_type`, `*_path`, `*_url`, `hashed_*`,
/// `public_key`, `max_tokens`) are not secrets; a keyword inside a longer word (`groupAssociation`,
/// `tokenizer`, `bypass`) is not a keyword.
public enum KeySemantics {
    static let passwordNouns: Set<String> = ["password", "passwd", "passphrase", "pwd", "pass", "pw", "passcode", "pword",
                                             "pswd", "psw", "passw", "passwort", "contrasena", "senha", "mdp", "motdepasse"]
    static let secretNouns: Set<String> = ["secret", "secrets", "token", "tokens", "credential", "credentials", "creds", "apikey",
                                           "apikeys", "privatekey", "accesskey", "secretkey", "bearer", "appsecret", "clientsecret",
                                           "authtoken", "accesstoken", "refreshtoken", "apitoken", "apisecret", "sessionkey",
                                           "signingkey", "masterkey", "encryptionkey", "licensekey", "secretid"]
    static let weakNouns: Set<String> = ["key", "keys", "auth", "authorization", "salt", "nonce", "seed", "hmac"]
    /// Words that turn a bare `key` into a secret noun (`api_key`, `signing-key`, `SECRET_KEY`).
    static let keyQualifiers: Set<String> = ["api", "access", "secret", "private", "signing", "sign", "encryption", "encrypt",
                                             "master", "license", "licence", "app", "application", "client", "service", "account",
                                             "admin", "auth", "hmac", "webhook", "session", "shared", "deploy",
                                             "subscription", "integration", "partner", "merchant", "write", "server", "root",
                                             "storage", "crypto", "cipher", "aes", "jwt", "mac", "devkey", "dev", "prod", "live",
                                             "management", "ingest", "ingestion", "admin", "rest", "sdk", "project", "org", "user",
                                             "personal", "bot", "cloud", "s3", "sk", "gpg", "pgp", "ssh", "ssl", "tls"]
    /// Words that may follow the noun without changing its meaning.
    static let neutral: Set<String> = ["value", "val", "str", "string", "b64", "base64", "hex", "raw", "plain", "plaintext",
                                       "clear", "cleartext", "bytes", "data", "secret", "key", "token", "prod", "production",
                                       "dev", "development", "staging", "stage", "test", "testing", "live", "sandbox", "local",
                                       "default", "s", "1", "2", "3", "0", "v1", "v2", "old", "new", "current", "override",
                                       "encoded", "enc", "env", "confirm", "confirmation", "again", "repeat", "retype"] as Set<String>
    /// Words after the noun that name something else.
    static let negativeAfter: Set<String> = [
        "type", "types", "name", "names", "url", "uri", "urls", "uris", "endpoint", "endpoints", "path", "paths", "file", "files",
        "filename", "filepath", "dir", "directory", "folder", "id", "ids", "len", "length", "count", "size", "kind", "format",
        "expiry", "expires", "expiration", "expire", "exp", "expiresin", "expired", "ttl", "lifetime", "timeout", "age", "prefix",
        "suffix", "header", "headers", "field", "fields", "param", "params", "parameter", "parameters", "label", "labels", "ref",
        "refs", "reference", "store", "storage", "provider", "providers", "version", "policy", "policies", "mode", "enabled",
        "enable", "disabled", "required", "rotation", "min", "max", "minimum", "maximum", "regex", "regexp", "pattern", "validator",
        "validation", "hash", "hashed", "hashes", "digest", "sha", "sha1", "sha256", "sha512", "md5", "bcrypt", "encrypted",
        "encryption", "algorithm", "algorithms", "alg", "algo", "method", "methods", "strength", "hint", "prompt", "reset",
        "manager", "generator", "input", "placeholder", "text", "message", "msg", "error", "errors", "var", "variable", "source",
        "location", "index", "idx", "start", "end", "pos", "position", "offset", "class", "struct", "request", "response", "resp",
        "req", "handler", "helper", "util", "utils", "callback", "fn", "func", "function", "cb", "check", "verify", "verifier",
        "valid", "invalid", "lookup", "cache", "audience", "issuer", "scope", "scopes", "usage", "list", "map", "dict", "template",
        "tmpl", "config", "configuration", "settings", "options", "opts", "info", "details", "meta", "metadata", "state", "status",
        "flag", "flags", "mask", "budget", "window", "limit", "limits", "service", "client", "command", "cmd", "arg", "args",
        "option", "spec", "schema", "model", "view", "page", "form", "box", "dialog", "button", "label", "input", "widget",
        "editor", "visible", "visibility", "changed", "change", "changes", "complexity", "rules", "rule", "requirements", "history", "key", "keys", "secret", "creds", "kind", "iterations",
        "rounds", "cost", "salt", "selector", "last", "used", "updated", "created", "at", "date", "time", "timestamp", "locator", "xpath", "css", "element", "elem", "el", "id", "lexer", "parser",
        "stream", "iterator", "iter", "buffer", "reader", "writer", "response", "exchange", "introspection", "revocation",
        "revoke", "refresh", "auth", "authentication", "login", "signin", "sign", "hook", "hooks", "ring", "bucket", "counter",
        "counts", "estimate", "estimator", "budget", "usage", "price", "cost", "filter", "location", "secretref", "sources"]
    /// Words before the noun that name something else.
    static let negativeBefore: Set<String> = [
        "hash", "hashed", "csrf", "xsrf", "next", "prev", "previous", "page", "paging", "pagination", "continuation", "cursor",
        "sync", "public", "publishable", "pub", "max", "min", "num", "number", "total", "input", "output", "completion", "prompt",
        "reset", "forgot", "forgotten", "show", "hide", "toggle", "is", "has", "use", "uses", "enable", "enabled", "require",
        "requires", "required", "allow", "no", "empty", "invalid", "wrong", "bad", "incorrect", "expired", "missing", "validate",
        "verify", "check", "parse", "get", "fetch", "read", "load", "save", "update", "generate", "gen", "create", "make",
        "with", "without", "cancel", "cancellation", "lex", "lexer", "parser", "syntax", "eof", "start", "end", "peek", "consume", "expect", "expected", "unexpected", "skip", "emit", "split", "tokenize", "count",
        "token", "sha", "sha1", "sha256", "sha512", "md5", "bcrypt", "encrypted", "hmac", "masked", "redacted",
        "placeholder", "dummy", "fake", "mock", "bypass", "compass", "len", "length", "on", "ask", "request", "need", "needs", "send", "store", "delete", "remove", "revoke",
        "handle", "handler", "on", "did", "will", "should", "must", "can", "cannot", "to", "from", "by", "for", "of", "the",
        "password", "passwd", "pwd", "pass", "secret"]
    /// Words before a bare `key` or `token` that make it an identifier, not a secret (`cache_key`,
    /// `sort_key`, `Sec-WebSocket-Key`, `ClientToken` of idempotent AWS calls, `page_token`).
    static let identifierBefore: Set<String> = ["cache", "lookup", "primary", "foreign", "sort", "partition", "routing",
                                                "idempotency", "dedup", "dedupe", "object", "row", "column", "index", "map",
                                                "dict", "registry", "translation", "i18n", "locale", "message", "list", "unique",
                                                "composite", "file", "bucket", "kv", "query", "field", "attribute", "attr",
                                                "property", "prop", "json", "yaml", "table", "group", "node", "item", "entry",
                                                "record", "event", "metric", "socket", "websocket", "response", "accept",
                                                "change", "creation", "purchase", "action", "lock", "lease", "upload", "resume",
                                                "marker", "delta", "cursor", "cached", "verification", "verify", "continuation", "pagination", "paging", "page",
                                                "shard", "stream", "sequence", "seq", "hash", "range", "sharding",
                                                "lifecycle", "notification", "component", "view", "widget", "layout", "state",
                                                "store", "redis", "memcache", "memcached", "setting", "settings",
                                                "config", "option", "options", "param", "header", "menu", "route", "font", "color",
                                                "theme", "style", "css", "dom", "element", "react", "vue", "child", "parent",
                                                "dictionary", "hashmap", "tree", "heap", "grouping", "join", "merge", "diff",
                                                "patch", "version", "schema", "model", "meta", "metadata", "translate", "label"]
    /// Lower-case compounds that contain a noun but are other words.
    static let notCompounds: Set<String> = ["bypass", "compass", "encompass", "surpass", "overpass", "underpass", "trespass",
                                            "impass", "passage", "passenger", "passive", "passport", "passthrough", "passthru",
                                            "tokenizer", "tokenize", "tokenized", "tokenizing", "tokenization", "secretary",
                                            "keyboard", "keychain", "keyword", "keywords", "keypath", "keypair", "monkey",
                                            "turkey", "hotkey", "donkey", "jockey", "hockey", "whiskey", "authors", "author",
                                            "authority", "authorities", "authored", "authenticate", "authentication",
                                            "authenticated", "authenticator", "authorize", "authorized", "authorizer",
                                            "passed", "passes", "passing", "passable", "saltstack", "seeding", "seeded",
                                            "pinned", "pinning", "spinner", "keyed", "keystore", "keyring", "keyset", "keyframe"]

    /// Splits `DB_PASSWORD`, `dbPassword`, `db-password`, `spring.datasource.password` into lower-case words.
    static func words(_ key: UnsafeRawBufferPointer) -> [String] {
        var out: [String] = []
        var cur: [UInt8] = []
        var prevLower = false, prevDigit = false
        func flush() { if !cur.isEmpty { out.append(String(decoding: cur, as: UTF8.self)); cur.removeAll(keepingCapacity: true) } }
        for b in key {
            let upper = b >= 0x41 && b <= 0x5A, lower = b >= 0x61 && b <= 0x7A, digit = b >= 0x30 && b <= 0x39
            if !(upper || lower || digit) { flush(); prevLower = false; prevDigit = false; continue }
            if upper && (prevLower || prevDigit) { flush() }
            cur.append(upper ? b + 32 : b)
            prevLower = lower
            prevDigit = digit
        }
        flush()
        return out
    }

    /// Splits a lower-case compound around a noun it contains (`dbpassword` → `db`, `password`;
    /// `passwordhash` → `password`, `hash`). Nil if `word` holds no noun (or is a known other word).
    static func splitCompound(_ word: String) -> [String]? {
        if notCompounds.contains(word) { return nil }
        for noun in ["password", "passwd", "passphrase", "secret", "token", "apikey", "credentials", "credential", "privatekey",
                     "accesskey", "secretkey", "pwd"] {
            guard let r = find(noun, in: word) else { continue }
            let before = String(word.utf8.prefix(r.lowerBound))!, after = String(word.utf8.dropFirst(r.upperBound))!
            if after.isEmpty || after == "s" || neutral.contains(after) || negativeAfter.contains(after) {
                if !before.isEmpty && before.count > 14 { return nil }
                var parts: [String] = []
                if !before.isEmpty { parts.append(before) }
                parts.append(noun)
                if !after.isEmpty && after != "s" { parts.append(after) }
                return parts
            }
        }
        // Short nouns only as a suffix: dbpass, rootpw, adminkey? (not key: too many words end in "key").
        for noun in ["pass", "pw"] where word.hasSuffix(noun) && word.count > noun.count && word.count <= noun.count + 8 {
            return [String(word.dropLast(noun.count)), noun]
        }
        return nil
    }

    /// Byte offsets of the first occurrence of `needle` in `hay` (both ASCII).
    static func find(_ needle: String, in hay: String) -> Range<Int>? {
        let h = Array(hay.utf8), n = Array(needle.utf8)
        guard h.count >= n.count else { return nil }
        for i in 0...(h.count - n.count) where h[i] == n[0] && Array(h[i..<(i + n.count)]) == n { return i..<(i + n.count) }
        return nil
    }

    public static func meaning(of key: UnsafeRawBufferPointer) -> KeyMeaning? {
        guard var m = rawMeaning(of: key) else { return nil }
        m.words = words(key)
        return m
    }

    static func rawMeaning(of key: UnsafeRawBufferPointer) -> KeyMeaning? {
        var ws: [String] = []
        var raw = words(key)
        // `base64_url`, `Base64Url`: an encoding, not a URL.
        if let i = raw.firstIndex(of: "url"), i > 0, raw[i - 1] == "base64" { raw.remove(at: i) }
        for w in raw {
            if passwordNouns.contains(w) || secretNouns.contains(w) || weakNouns.contains(w) || keyQualifiers.contains(w)
                || negativeAfter.contains(w) || negativeBefore.contains(w) || w.count < 5 {
                ws.append(w)
            } else if let parts = splitCompound(w) {
                ws += parts
            } else {
                ws.append(w)
            }
        }
        return meaning(words: ws)
    }

    static func meaning(words ws: [String]) -> KeyMeaning? {
        guard !ws.isEmpty else { return nil }
        // The last noun decides (`secret_token` is a token, `token_secret` a secret).
        var nounAt = -1
        var kind = KeyMeaning.Kind.weak
        for (i, w) in ws.enumerated().reversed() {
            if passwordNouns.contains(w) { nounAt = i; kind = .password; break }
            if secretNouns.contains(w) { nounAt = i; kind = .secret; break }
            if w == "key" || w == "keys" {
                if i > 0 && (keyQualifiers.contains(ws[i - 1]) || secretNouns.contains(ws[i - 1])) { nounAt = i; kind = .secret; break }
                if i > 0 && passwordNouns.contains(ws[i - 1]) { nounAt = i; kind = .password; break }
                nounAt = i; kind = .weak; break
            }
            // Key material named for its role: a secret like any other.
            if w == "nonce" || w == "salt" || w == "seed" { nounAt = i; kind = .secret; break }
            if weakNouns.contains(w) { nounAt = i; kind = .weak; break }
        }
        guard nounAt >= 0 else { return nil }
        if ["key", "keys", "token", "tokens"].contains(ws[nounAt]), ws[..<nounAt].contains(where: { identifierBefore.contains($0) }) { return nil }
        // Vault's AppRole `secret_id` is the secret half of the pair.
        if ws[nounAt] == "secret" && nounAt + 1 < ws.count && ws[nounAt + 1] == "id" && nounAt + 2 == ws.count {
            return KeyMeaning(kind: .secret, unsure: false, noun: "secret")
        }
        var unsure = false
        for w in ws[(nounAt + 1)...] {
            if neutral.contains(w) || w.allSatisfy(\.isNumber) { continue }
            if negativeAfter.contains(w) { return nil }
            unsure = true
        }
        // Words before the noun: a negative word right before it negates it (`hashed_password`,
        // `next_token`, `public_key`); further away it does not (`get_db_password` is still a getter…
        // but that is a function name followed by `(`, which the extractor never pairs).
        if nounAt > 0 {
            let prev = ws[nounAt - 1]
            if negativeBefore.contains(prev) && !(kind == .secret && (prev == "token" || prev == "secret" || prev == "password")) {
                // `api_secret_key`: "secret" before "key" was consumed as qualifier; other negatives stop here.
                return nil
            }
            for w in ws[..<(nounAt - 1)] where ["sha1", "sha256", "sha512", "md5", "hash", "hashed", "bcrypt", "public", "publishable",
                                                 "csrf", "xsrf", "max", "min", "num", "is", "has", "show", "forgot", "reset"].contains(w) {
                return nil
            }
        }
        return KeyMeaning(kind: kind, unsure: unsure, noun: ws[nounAt])
    }
}
