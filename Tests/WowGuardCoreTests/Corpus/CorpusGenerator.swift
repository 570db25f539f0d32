import Foundation
import WowGuardCore

// A generated corpus of realistic files with planted secrets (in their real public formats) and hard
// negatives (documentation examples, placeholders, references, hashes, public keys, ciphertext…).
// Values are fresh on every run; set WOWGUARD_CORPUS_SEED to reproduce a run.

// MARK: - Randomness

/// The system generator (fresh values every run) unless a seed is given, then SplitMix64.
struct CorpusRNG: RandomNumberGenerator {
    private var state: UInt64
    private let seeded: Bool
    private var system = SystemRandomNumberGenerator()
    let seed: UInt64?

    init(seed: UInt64?) {
        self.seed = seed
        state = seed ?? 0
        seeded = seed != nil
    }

    /// Seeded from `WOWGUARD_CORPUS_SEED` (a number, or any text, hashed) if set, else system randomness.
    static func fromEnvironment() -> CorpusRNG {
        guard let raw = ProcessInfo.processInfo.environment["WOWGUARD_CORPUS_SEED"]?
            .trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return CorpusRNG(seed: nil) }
        if let v = UInt64(raw) { return CorpusRNG(seed: v) }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in raw.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return CorpusRNG(seed: h)
    }

    mutating func next() -> UInt64 {
        guard seeded else { return system.next() }
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    mutating func pick<T>(_ options: [T]) -> T { options[Int.random(in: 0..<options.count, using: &self)] }

    mutating func string(_ count: Int, _ alphabet: [Character]) -> String {
        var s = ""
        s.reserveCapacity(count)
        for _ in 0..<count { s.append(alphabet[Int.random(in: 0..<alphabet.count, using: &self)]) }
        return s
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(UInt8.random(in: 0...255, using: &self)) }
        return out
    }

    /// `count` decimal digits, the first non-zero.
    mutating func digits(_ count: Int) -> String {
        let first = String(int(1...9))
        return first + string(count - 1, Alpha.digits)
    }
}

// MARK: - Alphabets and encodings

enum Alpha {
    static let upper = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    static let lower = Array("abcdefghijklmnopqrstuvwxyz")
    static let digits = Array("0123456789")
    static let letters = upper + lower
    static let base62 = upper + lower + digits
    static let base64 = base62 + ["+", "/"]
    static let base64url = base62 + ["-", "_"]
    static let lowerHex = Array("0123456789abcdef")
    static let upperHex = Array("0123456789ABCDEF")
    static let upperAlnum = upper + digits
    static let lowerAlnum = lower + digits
    static let awsKeyID = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    static let bech32Upper = Array("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L")
    static let passwordSymbols = base62 + Array("!@#^&*-_=+.~")
    static let urlPassword = base62 + Array("-_.~")
}

enum Encode {
    private static let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    private static let urlTable = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    static func base64(_ bytes: [UInt8], url: Bool = false, padded: Bool = true) -> String {
        let t = url ? urlTable : table
        var out = ""
        out.reserveCapacity(bytes.count * 4 / 3 + 4)
        var i = 0
        while i + 3 <= bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(t[Int(n >> 18 & 63)]); out.append(t[Int(n >> 12 & 63)])
            out.append(t[Int(n >> 6 & 63)]); out.append(t[Int(n & 63)])
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out.append(t[Int(n >> 18 & 63)]); out.append(t[Int(n >> 12 & 63)])
            if padded { out += "==" }
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out.append(t[Int(n >> 18 & 63)]); out.append(t[Int(n >> 12 & 63)]); out.append(t[Int(n >> 6 & 63)])
            if padded { out += "=" }
        }
        return out
    }

    static func base64(_ text: String, url: Bool = false, padded: Bool = true) -> String {
        base64(Array(text.utf8), url: url, padded: padded)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        var s = ""
        s.reserveCapacity(bytes.count * 2)
        for b in bytes { s.append(Alpha.lowerHex[Int(b >> 4)]); s.append(Alpha.lowerHex[Int(b & 15)]) }
        return s
    }

    static func wrap(_ s: String, width: Int) -> [String] {
        var out: [String] = []
        var i = s.startIndex
        while i < s.endIndex {
            let j = s.index(i, offsetBy: width, limitedBy: s.endIndex) ?? s.endIndex
            out.append(String(s[i..<j]))
            i = j
        }
        return out
    }

    static func xmlEscaped(_ s: String) -> String { s.replacingOccurrences(of: "&", with: "&amp;") }
}

// MARK: - Secret kinds

enum SecretKind: String, CaseIterable, Comparable {
    case githubClassic = "github-classic-token"
    case npm = "npm-token"
    case githubFineGrained = "github-fine-grained-pat"
    case awsAccessKeyID = "aws-access-key-id"
    case awsSecretKey = "aws-secret-access-key"
    case gitlab = "gitlab-pat"
    case slackToken = "slack-token"
    case slackWebhook = "slack-webhook"
    case stripe = "stripe-secret-key"
    case googleAPIKey = "google-api-key"
    case gcpServiceAccount = "gcp-service-account"
    case azureStorage = "azure-storage-connection-string"
    case openAI = "openai-api-key"
    case anthropic = "anthropic-api-key"
    case huggingFace = "huggingface-token"
    case pypi = "pypi-token"
    case twilio = "twilio-api-key"
    case sendgrid = "sendgrid-api-key"
    case mailgun = "mailgun-api-key"
    case digitalOcean = "digitalocean-token"
    case shopify = "shopify-access-token"
    case vault = "vault-token"
    case databricks = "databricks-token"
    case telegram = "telegram-bot-token"
    case square = "square-access-token"
    case newRelic = "new-relic-user-key"
    case grafana = "grafana-service-account-token"
    case linear = "linear-api-key"
    case doppler = "doppler-token"
    case age = "age-secret-key"
    case pulumi = "pulumi-access-token"
    case postman = "postman-api-key"
    case heroku = "heroku-api-key"
    case atlassian = "atlassian-api-token"
    case jwt = "jwt"
    case privateKey = "private-key"
    case databaseURL = "database-url"
    case basicAuthURL = "basic-auth-url"
    case dockerAuth = "docker-config-auth"
    case genericPassword = "generic-password"
    case genericSecret = "generic-secret"

    static func < (a: SecretKind, b: SecretKind) -> Bool { a.rawValue < b.rawValue }

    /// Kinds any file template can host. AWS secret keys come paired with their key id; service
    /// accounts and docker auths need their own file shape.
    static let general: [SecretKind] = allCases.filter { ![.awsSecretKey, .gcpServiceAccount, .dockerAuth].contains($0) }

    /// The value alone identifies the kind (a prefix, a structure). The others are only secrets because
    /// of the name they are assigned to, so they are always planted with that name on the same line.
    var selfIdentifying: Bool { ![.awsSecretKey, .genericPassword, .genericSecret].contains(self) }
}

/// An identifier given in SCREAMING_SNAKE_CASE, rendered in each language's convention.
struct Name {
    let words: [String]
    init(_ screaming: String) { words = screaming.lowercased().split(separator: "_").map(String.init) }
    private static func cap(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
    var screaming: String { words.joined(separator: "_").uppercased() }
    var snake: String { words.joined(separator: "_") }
    var camel: String { (words.first ?? "") + words.dropFirst().map(Name.cap).joined() }
    var pascal: String { words.map(Name.cap).joined() }
    var dotted: String { words.joined(separator: ".") }
    var kebab: String { words.joined(separator: "-") }
}

struct Secret {
    let kind: SecretKind
    let value: String
    let name: Name
    /// The AWS secret access key planted next to an access key id.
    let paired: String?
}

// MARK: - Records

/// One planted secret. `line` must be covered by a finding for the secret to count as found (for a
/// PEM block, its BEGIN line); a finding anywhere in `span` is not a false positive.
struct PlantedSecret {
    let path: String
    let format: String
    let line: Int
    let span: ClosedRange<Int>
    let kind: SecretKind
    let secret: String
    /// Text the `line` must contain (generator self-check).
    let probe: String
}

struct CorpusFile {
    let path: String
    let format: String
    let lines: [String]
    let planted: [PlantedSecret]
    var text: String { lines.joined(separator: "\n") + "\n" }
}

struct Corpus {
    let files: [CorpusFile]
    var planted: [PlantedSecret] { files.flatMap(\.planted) }
    var formats: Set<String> { Set(files.map(\.format)) }
}

struct Plant {
    var offset: Int
    var end: Int
    var spanStart: Int
    var kind: SecretKind
    var secret: String
    var probe: String

    init(_ offset: Int, end: Int? = nil, spanStart: Int? = nil, kind: SecretKind, secret: String, probe: String? = nil) {
        self.offset = offset
        self.end = end ?? offset
        self.spanStart = spanStart ?? offset
        self.kind = kind
        self.secret = secret
        self.probe = probe ?? secret
    }

    func shifted(_ n: Int) -> Plant {
        var p = self
        p.offset += n; p.end += n; p.spanStart += n
        return p
    }
}

/// A run of lines, possibly holding planted secrets (offsets relative to the first line).
struct Item {
    var lines: [String]
    var plants: [Plant]

    init(_ lines: [String], plants: [Plant] = []) {
        self.lines = lines
        self.plants = plants
    }

    func indented(_ prefix: String) -> Item {
        prefix.isEmpty ? self : Item(lines.map { $0.isEmpty ? $0 : prefix + $0 }, plants: plants)
    }

    func wrapped(_ before: [String], _ after: [String]) -> Item {
        Item(before + lines + after, plants: plants.map { $0.shifted(before.count) })
    }

    static func + (a: Item, b: Item) -> Item {
        Item(a.lines + b.lines, plants: a.plants + b.plants.map { $0.shifted(a.lines.count) })
    }
}

struct FileBuilder {
    let path: String
    let format: String
    private(set) var lines: [String] = []
    private(set) var planted: [PlantedSecret] = []

    init(_ path: String, _ format: String) {
        self.path = path
        self.format = format
    }

    mutating func add(_ ls: String...) { lines += ls }
    mutating func add(lines ls: [String]) { lines += ls }

    mutating func add(_ item: Item, indent: String = "", trailing: String = "") {
        var it = item.indented(indent)
        if !trailing.isEmpty, !it.lines.isEmpty { it.lines[it.lines.count - 1] += trailing }
        let base = lines.count + 1
        for p in it.plants {
            planted.append(PlantedSecret(path: path, format: format, line: base + p.offset,
                                         span: (base + p.spanStart)...(base + p.end),
                                         kind: p.kind, secret: p.secret, probe: p.probe))
        }
        lines += it.lines
    }

    mutating func add(_ items: [Item], indent: String = "", trailing: String = "") {
        for it in items { add(it, indent: indent, trailing: trailing) }
    }

    func build() -> CorpusFile { CorpusFile(path: path, format: format, lines: lines, planted: planted) }
}

/// Deals secret kinds evenly: every general kind once per round, in random order.
struct KindBag {
    private var pool: [SecretKind] = []

    mutating func draw(_ n: Int, _ r: inout CorpusRNG, where ok: (SecretKind) -> Bool = { _ in true }) -> [SecretKind] {
        var out: [SecretKind] = []
        var rounds = 0
        while out.count < n && rounds < 50 {
            if pool.isEmpty { pool = SecretKind.general.shuffled(using: &r) }
            if let i = pool.firstIndex(where: { ok($0) && !out.contains($0) }) {
                out.append(pool.remove(at: i))
            } else {
                pool += SecretKind.general.shuffled(using: &r)
                rounds += 1
            }
        }
        return out
    }
}

// MARK: - Word lists

enum Words {
    static let companies = ["acme", "globex", "initech", "hooli", "umbrella", "vandelay", "wonka", "tyrell", "stark", "wayne"]
    static let projects = ["billing", "checkout", "orders", "ledger", "inventory", "notifier", "gateway", "reports", "search",
                           "identity", "payments", "scheduler", "analytics", "mailer", "catalog", "warehouse", "telemetry", "onboarding"]
    static let users = ["deploy", "ci-bot", "svc_build", "jenkins", "release", "app", "etl", "backup", "ops", "buildkite",
                        "automation", "svc-orders", "reporting", "django", "rails", "api"]
    static let people = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "oscar", "peggy", "trent", "victor", "wendy"]
    static let regions = ["eu-west-1", "us-east-1", "us-west-2", "ap-southeast-2", "eu-central-1"]
    static let cities = ["Berlin", "Lisbon", "Toronto", "Osaka", "Nairobi", "Austin", "Utrecht", "Porto"]
    static let namespaces = ["prod", "production", "staging", "payments", "platform", "default", "data"]
    static let packages = ["lodash", "express", "react", "react-dom", "axios", "chalk", "debug", "ms", "semver", "uuid", "yargs", "zod",
                           "commander", "dotenv", "jsonwebtoken", "pg", "redis", "ws", "tslib", "typescript", "esbuild", "vitest",
                           "@babel/core", "@babel/parser", "@types/node", "@types/express", "@nestjs/core", "rxjs", "minimist", "glob"]
    static let goModules = ["github.com/spf13/cobra", "github.com/stretchr/testify", "golang.org/x/crypto", "golang.org/x/net",
                            "github.com/google/uuid", "go.uber.org/zap", "github.com/jackc/pgx/v5", "google.golang.org/grpc",
                            "github.com/prometheus/client_golang", "gopkg.in/yaml.v3"]
}

// MARK: - Values in their real public formats

enum Make {
    static func crc32Token(_ prefix: String, _ r: inout CorpusRNG) -> String {
        let body = r.string(30, Alpha.base62)
        return prefix + body + Checksums.base62(Checksums.crc32(Array(body.utf8)), width: 6)
    }

    /// A `ghp_` token whose last six characters are not its checksum.
    static func badChecksumGitHubToken(_ r: inout CorpusRNG) -> String {
        while true {
            let t = "ghp_" + r.string(36, Alpha.base62)
            if !Checksums.hasValidCRC32Suffix(t, prefixLength: 4) { return t }
        }
    }

    static func uuid(_ r: inout CorpusRNG) -> String {
        let h = Array(r.string(32, Alpha.lowerHex))
        let variant = r.pick(Array("89ab"))
        return String(h[0..<8]) + "-" + String(h[8..<12]) + "-4" + String(h[13..<16]) + "-" + String(variant) + String(h[17..<20]) + "-" + String(h[20..<32])
    }

    static func jwt(_ r: inout CorpusRNG) -> String {
        let rs = r.chance(0.25)
        let header = rs ? #"{"alg":"RS256","typ":"JWT","kid":"\#(r.string(16, Alpha.lowerHex))"}"# : #"{"alg":"HS256","typ":"JWT"}"#
        let iat = 1_650_000_000 + r.int(0...120_000_000)
        var claims = [#""sub":"\#(uuid(&r))""#]
        if r.chance(0.6) { claims.append(#""name":"\#(r.pick(Words.people).capitalized) \#(r.pick(["Smith", "Okafor", "Tanaka", "Silva", "Novak"]))""#) }
        if r.chance(0.5) { claims.append(#""email":"\#(r.pick(Words.people))@\#(r.pick(Words.companies)).io""#) }
        if r.chance(0.5) { claims.append(#""role":"\#(r.pick(["admin", "service", "user", "deployer"]))""#) }
        claims.append(#""iat":\#(iat)"#)
        claims.append(#""exp":\#(iat + r.pick([900, 3600, 86400, 2_592_000]))"#)
        if r.chance(0.5) { claims.append(#""iss":"https://auth.\#(r.pick(Words.companies)).io/""#) }
        let payload = "{" + claims.joined(separator: ",") + "}"
        return Encode.base64(header, url: true, padded: false) + "." + Encode.base64(payload, url: true, padded: false)
            + "." + Encode.base64(r.bytes(rs ? 256 : 32), url: true, padded: false)
    }

    static func sshString(_ bytes: [UInt8]) -> [UInt8] {
        let n = UInt32(bytes.count)
        return [UInt8(n >> 24), UInt8(n >> 16 & 255), UInt8(n >> 8 & 255), UInt8(n & 255)] + bytes
    }

    static func pem(_ label: String, _ der: [UInt8], width: Int = 64) -> String {
        (["-----BEGIN \(label)-----"] + Encode.wrap(Encode.base64(der), width: width) + ["-----END \(label)-----"]).joined(separator: "\n")
    }

    /// RSA (PKCS#1), EC (SEC 1), OpenSSH or PKCS#8 private key with DER-shaped random content.
    static func privateKeyPEM(_ r: inout CorpusRNG, pkcs8Only: Bool = false) -> String {
        let kind = pkcs8Only ? 3 : r.int(0...4)
        switch kind {
        case 0:
            return pem("RSA PRIVATE KEY", [0x30, 0x82, 0x04, 0xA4, 0x02, 0x01, 0x00, 0x02, 0x82, 0x01, 0x01, 0x00] + r.bytes(1180))
        case 1:
            let der: [UInt8] = [0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20] + r.bytes(32)
                + [0xA0, 0x0A, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07, 0xA1, 0x44, 0x03, 0x42, 0x00, 0x04] + r.bytes(64)
            return pem("EC PRIVATE KEY", der)
        case 2:
            let pub = sshString(Array("ssh-ed25519".utf8)) + sshString(r.bytes(32))
            var body: [UInt8] = Array("openssh-key-v1".utf8) + [0]
            body += sshString(Array("none".utf8)) + sshString(Array("none".utf8)) + sshString([]) + [0, 0, 0, 1]
            body += sshString(pub) + [0, 0, 0, 0x88] + r.bytes(136)
            return pem("OPENSSH PRIVATE KEY", body, width: 70)
        default:
            if !pkcs8Only && r.chance(0.3) {
                let der: [UInt8] = [0x30, 0x81, 0x87, 0x02, 0x01, 0x00, 0x30, 0x13, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01,
                                    0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07, 0x04, 0x6D, 0x30, 0x6B, 0x02, 0x01, 0x01, 0x04, 0x20]
                    + r.bytes(32) + [0xA1, 0x44, 0x03, 0x42, 0x00, 0x04] + r.bytes(64)
                return pem("PRIVATE KEY", der)
            }
            let der: [UInt8] = [0x30, 0x82, 0x04, 0xBE, 0x02, 0x01, 0x00, 0x30, 0x0D, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D,
                                0x01, 0x01, 0x01, 0x05, 0x00, 0x04, 0x82, 0x04, 0xA8, 0x30, 0x82, 0x04, 0xA4, 0x02, 0x01, 0x00]
                + r.bytes(1185)
            return pem("PRIVATE KEY", der)
        }
    }

    /// Public material: an RSA or EC public key, or an X.509 certificate, with random content.
    static func publicPEM(_ r: inout CorpusRNG) -> String {
        switch r.int(0...3) {
        case 0:
            return pem("PUBLIC KEY", [0x30, 0x82, 0x01, 0x22, 0x30, 0x0D, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01,
                                      0x05, 0x00, 0x03, 0x82, 0x01, 0x0F, 0x00, 0x30, 0x82, 0x01, 0x0A, 0x02, 0x82, 0x01, 0x01, 0x00]
                       + r.bytes(256) + [0x02, 0x03, 0x01, 0x00, 0x01])
        case 1:
            return pem("PUBLIC KEY", [0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01, 0x06, 0x08,
                                      0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00, 0x04] + r.bytes(64))
        default:
            let n = r.int(700...1200)
            return pem("CERTIFICATE", [0x30, 0x82, UInt8(n >> 8), UInt8(n & 255), 0x30, 0x82, UInt8((n - 200) >> 8), UInt8((n - 200) & 255),
                                       0xA0, 0x03, 0x02, 0x01, 0x02, 0x02, 0x14] + r.bytes(n))
        }
    }

    static func sshPublicKey(_ r: inout CorpusRNG) -> String {
        let blob = sshString(Array("ssh-ed25519".utf8)) + sshString(r.bytes(32))
        return "ssh-ed25519 " + Encode.base64(blob) + " \(r.pick(Words.users))@\(r.pick(Words.projects))"
    }

    static func base64Image(_ r: inout CorpusRNG) -> String {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        return "data:image/png;base64," + Encode.base64(png + r.bytes(r.int(60...400)))
    }

    static func sopsValue(_ r: inout CorpusRNG) -> String {
        "ENC[AES256_GCM,data:\(Encode.base64(r.bytes(r.int(10...40)))),iv:\(Encode.base64(r.bytes(32))),tag:\(Encode.base64(r.bytes(16))),type:str]"
    }

    static func ansibleVaultLines(_ r: inout CorpusRNG) -> [String] {
        let inner = Encode.hex(r.bytes(32)) + "\n" + Encode.hex(r.bytes(32)) + "\n" + Encode.hex(r.bytes(16 * r.int(2...6)))
        return ["$ANSIBLE_VAULT;1.1;AES256"] + Encode.wrap(Encode.hex(Array(inner.utf8)), width: 80)
    }

    static func integrity(_ r: inout CorpusRNG) -> String { "sha512-" + Encode.base64(r.bytes(64)) }

    static func password(_ r: inout CorpusRNG) -> String {
        switch r.int(0...5) {
        case 0, 1: return r.string(r.int(12...24), Alpha.base62)
        case 2: return r.string(r.int(14...26), Alpha.passwordSymbols)
        case 3: return Encode.base64(r.bytes(r.pick([18, 24, 32])))
        case 4: return Encode.hex(r.bytes(16))
        default:
            let words = ["Copper", "Lantern", "Orbit", "Walrus", "Meadow", "Quartz", "Falcon", "Harbor", "Tundra", "Violet", "Ember", "Saffron"]
            return (0..<3).map { _ in r.pick(words) }.joined(separator: r.pick(["-", ".", "_"])) + r.pick(["-", "!", "#"]) + String(r.int(10...99))
        }
    }

    static func genericSecret(_ r: inout CorpusRNG) -> String {
        switch r.int(0...4) {
        case 0: return Encode.hex(r.bytes(r.pick([16, 20, 32])))
        case 1: return Encode.base64(r.bytes(r.pick([24, 32, 48])))
        case 2: return Encode.base64(r.bytes(32), url: true, padded: false)
        case 3: return r.string(r.int(24...48), Alpha.base62)
        default: return r.pick(["whsec_", "sec_", "live_", "prod_"]) + r.string(32, Alpha.base62)
        }
    }

    static func databaseURL(_ r: inout CorpusRNG) -> String {
        let user = r.pick(["app", "svc_orders", "admin", "reporting", "django", "rails", "api", "etl_loader", "root", "analytics"])
        let pw = r.string(r.int(12...28), Alpha.urlPassword)
        let db = r.pick(Words.projects)
        let co = r.pick(Words.companies)
        let pgHost = r.pick(["db.internal", "10.0.\(r.int(0...9)).\(r.int(2...250))", "\(db)-prod.\(r.string(12, Alpha.lowerAlnum)).\(r.pick(Words.regions)).rds.amazonaws.com",
                             "pg-primary.\(r.pick(Words.namespaces)).svc.cluster.local", "\(db).postgres.database.azure.com"])
        switch r.int(0...5) {
        case 0: return "postgres://\(user):\(pw)@\(pgHost):5432/\(db)" + (r.chance(0.4) ? "?sslmode=require" : "")
        case 1: return "postgresql://\(user):\(pw)@\(pgHost):5432/\(db)_production"
        case 2: return "mysql://\(user):\(pw)@mysql.\(co).internal:3306/\(db)"
        case 3: return "mongodb+srv://\(user):\(pw)@cluster0.\(r.string(5, Alpha.lowerAlnum)).mongodb.net/\(db)?retryWrites=true&w=majority"
        case 4: return r.chance(0.5) ? "redis://:\(pw)@redis.\(co).internal:6379/0" : "rediss://default:\(pw)@\(db)-cache.\(r.string(6, Alpha.lowerAlnum)).ng.0001.use1.cache.amazonaws.com:6380"
        default: return "\(r.pick(["amqp", "amqps"]))://\(user):\(pw)@rabbitmq.\(r.pick(Words.namespaces)).svc.cluster.local:5672/\(db)"
        }
    }

    static func basicAuthURL(_ r: inout CorpusRNG) -> String {
        let user = r.pick(Words.users)
        let pw = r.string(r.int(12...32), Alpha.urlPassword)
        let co = r.pick(Words.companies)
        let proj = r.pick(Words.projects)
        return r.pick([
            "https://\(user):\(pw)@pypi.\(co).io/simple/",
            "https://\(user):\(pw)@git.\(co).io/platform/\(proj).git",
            "https://\(user):\(pw)@nexus.\(co).internal/repository/maven-releases/",
            "https://\(user):\(pw)@\(co).jfrog.io/artifactory/api/npm/npm-virtual/",
            "https://\(user):\(pw)@registry.\(co).net/v2/",
            "http://\(user):\(pw)@proxy.\(co).corp:3128",
            "https://\(user):\(pw)@hooks.\(co).io/ci/notify",
        ])
    }

    static func value(_ kind: SecretKind, _ r: inout CorpusRNG) -> String {
        switch kind {
        case .githubClassic: return crc32Token(r.pick(["ghp_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_"]), &r)
        case .npm: return crc32Token("npm_", &r)
        case .githubFineGrained: return "github_pat_11" + r.string(20, Alpha.upperAlnum) + "_" + r.string(59, Alpha.base62)
        case .awsAccessKeyID: return "AKIA" + r.string(16, Alpha.awsKeyID)
        case .awsSecretKey: return r.string(40, Alpha.base64)
        case .gitlab: return "glpat-" + r.string(20, Alpha.base64url)
        case .slackToken:
            let a = r.digits(r.int(10...13)), b = r.digits(r.int(10...13))
            if r.chance(0.6) { return "xoxb-\(a)-\(b)-\(r.string(24, Alpha.base62))" }
            let c = r.digits(r.int(10...13))
            return "xoxp-\(a)-\(b)-\(c)-\(r.string(32, Alpha.lowerHex))"
        case .slackWebhook:
            let t = r.string(r.pick([8, 10]), Alpha.upperAlnum), b = r.string(r.pick([8, 10, 11]), Alpha.upperAlnum)
            return "https://hooks.slack.com/services/T\(t)/B\(b)/\(r.string(24, Alpha.base62))"
        case .stripe:
            let n = r.chance(0.5) ? r.pick([24, 99]) : r.int(24...99)
            return r.pick(["sk_live_", "sk_live_", "rk_live_"]) + r.string(n, Alpha.base62)
        case .googleAPIKey: return "AIza" + r.string(35, Alpha.base64url)
        case .azureStorage:
            let account = r.pick(Words.projects) + r.string(r.int(2...8), Alpha.lowerAlnum)
            let key = r.string(85, Alpha.base64) + String(r.pick(Array("AQgw"))) + "=="
            return "DefaultEndpointsProtocol=https;AccountName=\(account);AccountKey=\(key);EndpointSuffix=core.windows.net"
        case .openAI:
            let n = r.pick([74, 58])
            return "sk-proj-" + r.string(n, Alpha.base64url) + "T3BlbkFJ" + r.string(n, Alpha.base64url)
        case .anthropic: return "sk-ant-api03-" + r.string(93, Alpha.base64url) + "AA"
        case .huggingFace: return "hf_" + r.string(34, Alpha.letters)
        case .pypi: return "pypi-AgEIcHlwaS5vcmc" + r.string(r.int(50...170), Alpha.base64url)
        case .twilio: return "SK" + r.string(32, Alpha.lowerHex)
        case .sendgrid: return "SG." + r.string(22, Alpha.base64url) + "." + r.string(43, Alpha.base64url)
        case .mailgun: return "key-" + r.string(32, Alpha.lowerHex)
        case .digitalOcean: return "dop_v1_" + r.string(64, Alpha.lowerHex)
        case .shopify: return "shpat_" + r.string(32, Alpha.lowerHex)
        case .vault: return "hvs." + r.string(r.chance(0.7) ? 24 : r.int(90...100), Alpha.base62)
        case .databricks: return "dapi" + r.string(32, Alpha.lowerHex) + (r.chance(0.3) ? "-\(r.int(2...3))" : "")
        case .telegram: return r.digits(r.int(8...10)) + ":AA" + r.string(33, Alpha.base64url)
        case .square: return "EAAA" + r.string(60, Alpha.base64url)
        case .newRelic: return "NRAK-" + r.string(27, Alpha.upperAlnum)
        case .grafana: return "glsa_" + r.string(32, Alpha.base62) + "_" + r.string(8, Alpha.lowerHex)
        case .linear: return "lin_api_" + r.string(40, Alpha.base62)
        case .doppler: return "dp.pt." + r.string(43, Alpha.base62)
        case .age: return "AGE-SECRET-KEY-1" + r.string(58, Alpha.bech32Upper)
        case .pulumi: return "pul-" + r.string(40, Alpha.lowerHex)
        case .postman: return "PMAK-" + r.string(24, Alpha.lowerHex) + "-" + r.string(34, Alpha.lowerHex)
        case .heroku: return "HRKU-AA" + r.string(58, Alpha.base64url)
        case .atlassian: return "ATATT3xFfGF0" + r.string(171, Alpha.base64url) + "=" + r.string(8, Alpha.upperHex)
        case .jwt: return jwt(&r)
        case .privateKey: return privateKeyPEM(&r)
        case .gcpServiceAccount: return privateKeyPEM(&r, pkcs8Only: true)
        case .databaseURL: return databaseURL(&r)
        case .basicAuthURL: return basicAuthURL(&r)
        case .dockerAuth: return Encode.base64("\(r.pick(Words.users)):\(r.string(r.int(16...40), Alpha.base62))")
        case .genericPassword: return password(&r)
        case .genericSecret: return genericSecret(&r)
        }
    }

    static func names(_ kind: SecretKind) -> [String] {
        switch kind {
        case .githubClassic: return ["GITHUB_TOKEN", "GH_TOKEN", "GITHUB_PAT", "GH_ACCESS_TOKEN", "RELEASE_BOT_GH", "GITHUB_OAUTH"]
        case .npm: return ["NPM_TOKEN", "NODE_AUTH_TOKEN", "NPM_AUTH", "NPM_PUBLISH"]
        case .githubFineGrained: return ["GH_FINE_GRAINED_PAT", "GITHUB_TOKEN", "GH_PAT", "RENOVATE_TOKEN"]
        case .awsAccessKeyID: return ["AWS_ACCESS_KEY_ID"]
        case .awsSecretKey: return ["AWS_SECRET_ACCESS_KEY"]
        case .gitlab: return ["GITLAB_TOKEN", "GL_TOKEN", "CI_PUSH_TOKEN", "GITLAB_PRIVATE_TOKEN", "DANGER_GITLAB_API"]
        case .slackToken: return ["SLACK_BOT_TOKEN", "SLACK_TOKEN", "SLACK_USER_TOKEN", "SLACK_OAUTH"]
        case .slackWebhook: return ["SLACK_WEBHOOK_URL", "SLACK_WEBHOOK", "ALERTS_HOOK", "NOTIFY_URL"]
        case .stripe: return ["STRIPE_SECRET_KEY", "STRIPE_API_KEY", "STRIPE_KEY", "STRIPE_RESTRICTED_KEY"]
        case .googleAPIKey: return ["GOOGLE_API_KEY", "GOOGLE_MAPS_KEY", "FIREBASE_API_KEY", "YOUTUBE_KEY", "GEOCODER"]
        case .gcpServiceAccount: return ["GOOGLE_CREDENTIALS"]
        case .azureStorage: return ["AZURE_STORAGE_CONNECTION_STRING", "STORAGE_CONN", "BLOB_CONNECTION", "AZURE_WEB_JOBS_STORAGE"]
        case .openAI: return ["OPENAI_API_KEY", "OPENAI_KEY", "OPENAI_TOKEN", "LLM_KEY"]
        case .anthropic: return ["ANTHROPIC_API_KEY", "CLAUDE_KEY", "ANTHROPIC_KEY"]
        case .huggingFace: return ["HF_TOKEN", "HUGGINGFACE_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_HUB"]
        case .pypi: return ["PYPI_TOKEN", "TWINE_PASSWORD", "PYPI_API_TOKEN", "UV_PUBLISH"]
        case .twilio: return ["TWILIO_API_KEY", "TWILIO_KEY_SID", "TWILIO_SK"]
        case .sendgrid: return ["SENDGRID_API_KEY", "SENDGRID_KEY", "SMTP_PASSWORD", "MAIL_KEY"]
        case .mailgun: return ["MAILGUN_API_KEY", "MAILGUN_KEY", "MG_KEY"]
        case .digitalOcean: return ["DIGITALOCEAN_TOKEN", "DO_TOKEN", "DIGITALOCEAN_ACCESS_TOKEN", "DO_AUTH"]
        case .shopify: return ["SHOPIFY_ACCESS_TOKEN", "SHOPIFY_ADMIN_TOKEN", "SHOP_TOKEN", "SHOPIFY_API"]
        case .vault: return ["VAULT_TOKEN", "VAULT_AUTH", "VAULT_ROOT"]
        case .databricks: return ["DATABRICKS_TOKEN", "DATABRICKS_PAT", "DBX_AUTH"]
        case .telegram: return ["TELEGRAM_BOT_TOKEN", "TELEGRAM_TOKEN", "TG_BOT", "BOT_TOKEN"]
        case .square: return ["SQUARE_ACCESS_TOKEN", "SQUARE_TOKEN", "SQUARE_PROD"]
        case .newRelic: return ["NEW_RELIC_API_KEY", "NEWRELIC_USER_KEY", "NR_KEY"]
        case .grafana: return ["GRAFANA_TOKEN", "GRAFANA_SA_TOKEN", "GRAFANA_API_KEY", "GRAFANA_AUTH"]
        case .linear: return ["LINEAR_API_KEY", "LINEAR_TOKEN", "LINEAR_KEY"]
        case .doppler: return ["DOPPLER_TOKEN", "DOPPLER_SERVICE_TOKEN", "DOPPLER"]
        case .age: return ["SOPS_AGE_KEY", "AGE_KEY", "AGE_IDENTITY"]
        case .pulumi: return ["PULUMI_ACCESS_TOKEN", "PULUMI_TOKEN", "PULUMI"]
        case .postman: return ["POSTMAN_API_KEY", "POSTMAN_KEY", "PMAK"]
        case .heroku: return ["HEROKU_API_KEY", "HEROKU_TOKEN", "HEROKU_AUTH"]
        case .atlassian: return ["JIRA_API_TOKEN", "ATLASSIAN_TOKEN", "CONFLUENCE_TOKEN", "JIRA_AUTH"]
        case .jwt: return ["JWT", "AUTH_TOKEN", "ACCESS_TOKEN", "SESSION_JWT", "BEARER"]
        case .privateKey: return ["PRIVATE_KEY", "SSH_KEY", "DEPLOY_KEY", "TLS_KEY", "SIGNING_KEY", "JWT_PRIVATE_KEY"]
        case .databaseURL: return ["DATABASE_URL", "DB_URL", "MONGO_URI", "REDIS_URL", "BROKER_URL", "CELERY_BROKER"]
        case .basicAuthURL: return ["PIP_INDEX_URL", "REGISTRY_URL", "GIT_REMOTE", "PROXY_URL", "ARTIFACTORY_URL", "WEBHOOK_ENDPOINT"]
        case .dockerAuth: return ["AUTH"]
        case .genericPassword:
            return ["DB_PASSWORD", "PASSWORD", "ADMIN_PASSWORD", "SMTP_PASS", "REDIS_PASSWORD", "MYSQL_ROOT_PASSWORD",
                    "LDAP_BIND_PASSWORD", "KEYSTORE_PASS", "POSTGRES_PASSWORD", "RABBITMQ_DEFAULT_PASS", "MAIL_PASSWORD", "DB_PWD"]
        case .genericSecret:
            return ["API_KEY", "CLIENT_SECRET", "SECRET_KEY", "APP_SECRET", "WEBHOOK_SECRET", "AUTH_TOKEN", "SERVICE_API_KEY",
                    "JWT_SECRET", "SESSION_SECRET", "ENCRYPTION_KEY", "PARTNER_API_TOKEN", "OAUTH_CLIENT_SECRET", "ACCESS_KEY"]
        }
    }

    static func secret(_ kind: SecretKind, _ r: inout CorpusRNG) -> Secret {
        let v = value(kind, &r)
        let paired = kind == .awsAccessKeyID ? value(.awsSecretKey, &r) : nil
        return Secret(kind: kind, value: v, name: Name(r.pick(names(kind))), paired: paired)
    }
}

// MARK: - Rendering in each language

enum Dialect {
    case python, javascript, typescript, go, java, ruby, swift, php, csharp
    case shell, dockerfile
    case yamlMap, yamlEnvList, composeList, json, dotenv, toml, ini, properties, terraform, xml

    var isCode: Bool {
        switch self {
        case .python, .javascript, .typescript, .go, .java, .ruby, .swift, .php, .csharp: true
        default: false
        }
    }
}

enum Render {
    /// Can `v` stand unquoted in this dialect?
    static func bare(_ v: String, _ d: Dialect) -> Bool {
        switch d {
        case .shell, .dockerfile:
            return v.allSatisfy { $0.isLetter || $0.isNumber || "_./:@=+-~%,".contains($0) }
        case .yamlMap, .composeList, .yamlEnvList:
            guard let f = v.first, f.isLetter || f.isNumber else { return false }
            return !v.contains(": ") && !v.contains(" #") && v.allSatisfy { $0.isLetter || $0.isNumber || "_./:@=+-~%?&;,".contains($0) }
        case .dotenv:
            return !v.contains(where: { " #'\"$`\\".contains($0) })
        default:
            return true
        }
    }

    /// `name = "value"` in the dialect; returns the lines and which of them holds the value.
    static func assign(_ d: Dialect, _ n: Name, _ v: String, stmt: Bool, _ r: inout CorpusRNG) -> (lines: [String], at: Int) {
        let b = bare(v, d)
        let options: [String]
        switch d {
        case .python:
            options = stmt
                ? ["\(n.snake) = \"\(v)\"", "os.environ[\"\(n.screaming)\"] = \"\(v)\"", "settings.\(n.screaming) = '\(v)'", "client = Client(\(n.snake)=\"\(v)\")"]
                : ["\(n.screaming) = \"\(v)\"", "\(n.snake) = '\(v)'", "\(n.screaming): str = \"\(v)\""]
        case .javascript:
            options = stmt
                ? ["const \(n.camel) = \"\(v)\";", "process.env.\(n.screaming) = '\(v)';", "config.\(n.camel) = `\(v)`;"]
                : ["const \(n.screaming) = \"\(v)\";", "export const \(n.camel) = '\(v)';", "module.exports.\(n.camel) = \"\(v)\";"]
        case .typescript:
            options = stmt
                ? ["const \(n.camel): string = \"\(v)\";", "process.env.\(n.screaming) = \"\(v)\";", "this.\(n.camel) = '\(v)';"]
                : ["export const \(n.screaming): string = \"\(v)\";", "const \(n.camel) = \"\(v)\" as const;", "export const \(n.camel) = '\(v)';"]
        case .go:
            options = stmt
                ? ["\(n.camel) := \"\(v)\"", "os.Setenv(\"\(n.screaming)\", \"\(v)\")", "cfg.\(n.pascal) = \"\(v)\""]
                : ["const \(n.camel) = \"\(v)\"", "var \(n.pascal) = \"\(v)\"", "var \(n.camel) string = \"\(v)\""]
        case .java:
            options = stmt
                ? ["String \(n.camel) = \"\(v)\";", "System.setProperty(\"\(n.dotted)\", \"\(v)\");", "props.setProperty(\"\(n.dotted)\", \"\(v)\");"]
                : ["private static final String \(n.screaming) = \"\(v)\";", "static final String \(n.screaming) = \"\(v)\";", "private final String \(n.camel) = \"\(v)\";"]
        case .ruby:
            options = stmt
                ? ["\(n.snake) = '\(v)'", "config.\(n.snake) = \"\(v)\"", "ENV['\(n.screaming)'] = '\(v)'"]
                : ["\(n.screaming) = \"\(v)\"", "\(n.screaming) = '\(v)'.freeze", "ENV[\"\(n.screaming)\"] ||= \"\(v)\""]
        case .swift:
            options = stmt
                ? ["let \(n.camel) = \"\(v)\"", "setenv(\"\(n.screaming)\", \"\(v)\", 1)", "config.\(n.camel) = \"\(v)\""]
                : ["static let \(n.camel) = \"\(v)\"", "static let \(n.camel): String = \"\(v)\"", "static var \(n.camel) = \"\(v)\""]
        case .php:
            options = stmt
                ? ["$\(n.snake) = '\(v)';", "$config['\(n.snake)'] = '\(v)';", "putenv('\(n.screaming)=\(v)');"]
                : ["define('\(n.screaming)', '\(v)');", "const \(n.screaming) = '\(v)';", "$\(n.camel) = \"\(v)\";"]
        case .csharp:
            options = stmt
                ? ["var \(n.camel) = \"\(v)\";", "Environment.SetEnvironmentVariable(\"\(n.screaming)\", \"\(v)\");", "options.\(n.pascal) = \"\(v)\";"]
                : ["private const string \(n.pascal) = \"\(v)\";", "public static readonly string \(n.pascal) = \"\(v)\";", "internal const string \(n.screaming) = \"\(v)\";"]
        case .shell:
            options = b ? ["export \(n.screaming)=\"\(v)\"", "\(n.screaming)='\(v)'", "export \(n.screaming)=\(v)", "\(n.screaming)=\(v)"]
                        : ["export \(n.screaming)=\"\(v)\"", "\(n.screaming)='\(v)'"]
        case .dockerfile:
            options = b ? ["ENV \(n.screaming)=\(v)", "ENV \(n.screaming)=\"\(v)\"", "ARG \(n.screaming)=\(v)", "ENV \(n.screaming) \(v)"]
                        : ["ENV \(n.screaming)=\"\(v)\"", "ARG \(n.screaming)=\"\(v)\""]
        case .yamlMap:
            let key = r.pick([n.snake, n.screaming, n.camel, n.kebab])
            options = b ? ["\(key): \(v)", "\(key): \"\(v)\"", "\(key): '\(v)'"] : ["\(key): \"\(v)\"", "\(key): '\(v)'"]
        case .yamlEnvList:
            let value = b && r.chance(0.5) ? v : "\"\(v)\""
            return (["- name: \(n.screaming)", "  value: \(value)"], 1)
        case .composeList:
            options = b ? ["- \(n.screaming)=\(v)", "- \"\(n.screaming)=\(v)\""] : ["- \"\(n.screaming)=\(v)\""]
        case .json:
            options = ["\"\(n.camel)\": \"\(v)\"", "\"\(n.screaming)\": \"\(v)\"", "\"\(n.snake)\": \"\(v)\""]
        case .dotenv:
            options = b ? ["\(n.screaming)=\(v)", "\(n.screaming)=\"\(v)\"", "export \(n.screaming)=\(v)", "\(n.screaming)='\(v)'"]
                        : ["\(n.screaming)=\"\(v)\"", "\(n.screaming)='\(v)'"]
        case .toml:
            options = ["\(n.snake) = \"\(v)\"", "\(n.snake) = '\(v)'"]
        case .ini:
            options = ["\(n.snake) = \(v)", "\(n.snake)=\(v)"]
        case .properties:
            options = ["\(n.dotted)=\(v)", "\(n.dotted) = \(v)", "\(n.dotted): \(v)"]
        case .terraform:
            options = ["\(n.snake) = \"\(v)\""]
        case .xml:
            let x = Encode.xmlEscaped(v)
            options = ["<\(n.camel)>\(x)</\(n.camel)>", "<add key=\"\(n.pascal)\" value=\"\(x)\" />",
                       "<property name=\"\(n.dotted)\" value=\"\(x)\"/>", "<entry key=\"\(n.dotted)\">\(x)</entry>"]
        }
        return ([r.pick(options)], 0)
    }

    /// A multi-line value (a PEM block) in the dialect; returns the lines, the BEGIN line and the END line.
    static func block(_ d: Dialect, _ n: Name, _ pem: String, stmt: Bool, _ r: inout CorpusRNG) -> (lines: [String], at: Int, end: Int) {
        let pl = pem.split(separator: "\n").map(String.init)
        func inline(_ open: String, _ close: String) -> ([String], Int, Int) {
            var ls = pl
            ls[0] = open + ls[0]
            ls[ls.count - 1] += close
            return (ls, 0, ls.count - 1)
        }
        func separate(_ open: [String], _ close: String?, indent: String = "") -> ([String], Int, Int) {
            var ls = open + pl.map { indent + $0 }
            if let close { ls.append(close) }
            return (ls, open.count, open.count + pl.count - 1)
        }
        func escaped(_ open: String, _ close: String) -> ([String], Int, Int) {
            ([open + pl.joined(separator: "\\n") + close], 0, 0)
        }
        switch d {
        case .python: return r.chance(0.7) ? inline("\(n.screaming) = \"\"\"", "\"\"\"") : escaped("\(n.snake) = \"", "\\n\"")
        case .javascript: return inline(stmt ? "const \(n.camel) = `" : "const \(n.screaming) = `", "`;")
        case .typescript: return inline("export const \(n.camel) = `", "`;")
        case .go: return inline(stmt ? "\(n.camel) := `" : "const \(n.camel) = `", "`")
        case .java:
            return r.chance(0.6) ? separate([(stmt ? "String \(n.camel)" : "private static final String \(n.screaming)") + " = \"\"\""], "\"\"\";")
                                 : escaped("private static final String \(n.screaming) = \"", "\\n\";")
        case .ruby: return separate(["\(n.screaming) = <<~PEM"], "PEM", indent: "  ")
        case .swift: return separate([(stmt ? "let" : "static let") + " \(n.camel) = \"\"\""], "\"\"\"")
        case .php: return separate(["$\(n.camel) = <<<'PEM'"], "PEM;")
        case .csharp: return inline((stmt ? "var \(n.camel)" : "private const string \(n.pascal)") + " = @\"", "\";")
        case .shell:
            return r.chance(0.5) ? separate(["cat > ~/.ssh/\(n.snake) <<'EOF'"], "EOF") : inline("export \(n.screaming)=\"", "\"")
        case .dockerfile: return escaped("RUN echo -e \"", "\" > /root/.ssh/id_rsa && chmod 600 /root/.ssh/id_rsa")
        case .yamlMap: return separate(["\(r.pick([n.snake, n.kebab, n.camel])): |"], nil, indent: "  ")
        case .yamlEnvList: return separate(["- name: \(n.screaming)", "  value: |"], nil, indent: "    ")
        case .composeList: return escaped("- \"\(n.screaming)=", "\"")
        case .json: return escaped("\"\(n.camel)\": \"", "\\n\"")
        case .dotenv: return r.chance(0.5) ? inline("\(n.screaming)=\"", "\"") : escaped("\(n.screaming)=\"", "\\n\"")
        case .toml: return separate(["\(n.snake) = \"\"\""], "\"\"\"")
        case .ini: return escaped("\(n.snake) = ", "")
        case .properties: return escaped("\(n.dotted)=", "")
        case .terraform: return separate(["\(n.snake) = <<-EOF"], "EOF", indent: "  ")
        case .xml: return inline("<\(n.camel)>", "</\(n.camel)>")
        }
    }

    /// API endpoint and header a token is sent in.
    static func header(_ kind: SecretKind, _ r: inout CorpusRNG) -> (name: String, prefix: String, url: String)? {
        let co = r.pick(Words.companies)
        switch kind {
        case .githubClassic: return ("Authorization", r.pick(["token ", "Bearer "]), "https://api.github.com/user/repos")
        case .npm: return ("Authorization", "Bearer ", "https://registry.npmjs.org/-/whoami")
        case .githubFineGrained: return ("Authorization", "Bearer ", "https://api.github.com/repos/\(co)/infra/actions/runs")
        case .gitlab: return ("PRIVATE-TOKEN", "", "https://gitlab.com/api/v4/projects")
        case .slackToken: return ("Authorization", "Bearer ", "https://slack.com/api/chat.postMessage")
        case .stripe: return ("Authorization", "Bearer ", "https://api.stripe.com/v1/charges")
        case .openAI: return ("Authorization", "Bearer ", "https://api.openai.com/v1/chat/completions")
        case .anthropic: return ("x-api-key", "", "https://api.anthropic.com/v1/messages")
        case .huggingFace: return ("Authorization", "Bearer ", "https://huggingface.co/api/whoami-v2")
        case .sendgrid: return ("Authorization", "Bearer ", "https://api.sendgrid.com/v3/mail/send")
        case .digitalOcean: return ("Authorization", "Bearer ", "https://api.digitalocean.com/v2/droplets")
        case .shopify: return ("X-Shopify-Access-Token", "", "https://\(co)-store.myshopify.com/admin/api/2024-04/orders.json")
        case .vault: return ("X-Vault-Token", "", "https://vault.\(co).internal:8200/v1/secret/data/app")
        case .databricks: return ("Authorization", "Bearer ", "https://adb-\(r.digits(16)).\(r.int(1...19)).azuredatabricks.net/api/2.0/clusters/list")
        case .square: return ("Authorization", "Bearer ", "https://connect.squareup.com/v2/payments")
        case .newRelic: return ("Api-Key", "", "https://api.newrelic.com/graphql")
        case .grafana: return ("Authorization", "Bearer ", "https://grafana.\(co).io/api/dashboards/db")
        case .linear: return ("Authorization", "", "https://api.linear.app/graphql")
        case .doppler: return ("Authorization", "Bearer ", "https://api.doppler.com/v3/configs/config/secrets")
        case .pulumi: return ("Authorization", "token ", "https://api.pulumi.com/api/user/stacks")
        case .postman: return ("X-Api-Key", "", "https://api.getpostman.com/collections")
        case .heroku: return ("Authorization", "Bearer ", "https://api.heroku.com/apps")
        case .atlassian: return ("Authorization", "Bearer ", "https://\(co).atlassian.net/rest/api/3/myself")
        case .jwt: return ("Authorization", "Bearer ", "https://api.\(co).io/v1/me")
        default: return nil
        }
    }

    static func httpURL(_ s: Secret, _ r: inout CorpusRNG) -> String? {
        switch s.kind {
        case .slackWebhook, .basicAuthURL: return s.value
        case .telegram: return "https://api.telegram.org/bot\(s.value)/sendMessage"
        case .googleAPIKey:
            return r.pick(["https://maps.googleapis.com/maps/api/geocode/json?address=\(r.pick(Words.cities))&key=\(s.value)",
                           "https://www.googleapis.com/youtube/v3/search?part=snippet&q=release&key=\(s.value)"])
        default: return nil
        }
    }

    static func headerLine(_ d: Dialect, _ h: String, _ hv: String, _ url: String, _ r: inout CorpusRNG) -> String? {
        switch d {
        case .python: return r.pick(["resp = requests.get(\"\(url)\", headers={\"\(h)\": \"\(hv)\"}, timeout=10)",
                                     "session.headers.update({\"\(h)\": \"\(hv)\"})"])
        case .javascript, .typescript:
            return r.pick(["const res = await fetch(\"\(url)\", { headers: { \"\(h)\": \"\(hv)\" } });",
                           "axios.defaults.headers.common[\"\(h)\"] = \"\(hv)\";"])
        case .go: return "req.Header.Set(\"\(h)\", \"\(hv)\")"
        case .java: return r.pick(["conn.setRequestProperty(\"\(h)\", \"\(hv)\");",
                                   "HttpRequest req = HttpRequest.newBuilder(URI.create(\"\(url)\")).header(\"\(h)\", \"\(hv)\").build();"])
        case .ruby: return "req[\"\(h)\"] = \"\(hv)\""
        case .swift: return "request.setValue(\"\(hv)\", forHTTPHeaderField: \"\(h)\")"
        case .php: return "curl_setopt($ch, CURLOPT_HTTPHEADER, ['\(h): \(hv)']);"
        case .csharp: return "client.DefaultRequestHeaders.Add(\"\(h)\", \"\(hv)\");"
        case .shell: return r.pick(["curl -fsS -H \"\(h): \(hv)\" \(url)", "curl -sS \"\(url)\" -H '\(h): \(hv)' | jq .",
                                    "wget -qO- --header=\"\(h): \(hv)\" \(url)"])
        case .dockerfile: return "RUN curl -fsSL -H \"\(h): \(hv)\" \(url) -o /tmp/bootstrap.json"
        default: return nil
        }
    }

    static func httpLine(_ d: Dialect, _ u: String, _ r: inout CorpusRNG) -> String? {
        switch d {
        case .python: return "requests.post(\"\(u)\", json=payload, timeout=10)"
        case .javascript, .typescript: return "await fetch(\"\(u)\", { method: \"POST\", body: JSON.stringify(payload) });"
        case .go: return "resp, err := http.Post(\"\(u)\", \"application/json\", body)"
        case .java: return "HttpRequest hook = HttpRequest.newBuilder(URI.create(\"\(u)\")).POST(body).build();"
        case .ruby: return "Net::HTTP.post(URI(\"\(u)\"), payload.to_json, \"Content-Type\" => \"application/json\")"
        case .swift: return "let endpoint = URL(string: \"\(u)\")!"
        case .php: return "$response = file_get_contents('\(u)');"
        case .csharp: return "var response = await http.PostAsync(\"\(u)\", content);"
        case .shell:
            if u.hasSuffix(".git") { return "git clone --depth 1 \(u) vendor/src" }
            if u.contains("/simple/") { return "pip install --index-url \(u) \(r.pick(Words.projects))-client" }
            return "curl -fsS -X POST -H 'Content-type: application/json' --data \"$payload\" \"\(u)\""
        case .dockerfile: return "RUN curl -fsS \"\(u)\" -o /tmp/artifact"
        default: return nil
        }
    }

    static func connectionLine(_ d: Dialect, _ s: Secret, _ r: inout CorpusRNG) -> String? {
        let v = s.value
        let azure = s.kind == .azureStorage
        switch d {
        case .python: return azure ? "service = BlobServiceClient.from_connection_string(\"\(v)\")" : "engine = create_engine(\"\(v)\", pool_pre_ping=True)"
        case .javascript, .typescript:
            return azure ? "const blobService = BlobServiceClient.fromConnectionString(\"\(v)\");"
                         : r.pick(["await mongoose.connect(\"\(v)\");", "const pool = new Pool({ connectionString: \"\(v)\" });"])
        case .go: return azure ? "client, err := azblob.NewClientFromConnectionString(\"\(v)\", nil)" : "db, err := sql.Open(\"pgx\", \"\(v)\")"
        case .java: return azure ? "BlobServiceClient blobs = new BlobServiceClientBuilder().connectionString(\"\(v)\").buildClient();"
                                 : "Connection conn = DriverManager.getConnection(\"\(v)\");"
        case .ruby: return azure ? "client = Azure::Storage::Blob::BlobService.create_from_connection_string(\"\(v)\")"
                                 : "ActiveRecord::Base.establish_connection(\"\(v)\")"
        case .swift: return azure ? "let storage = try AzureStorage(connectionString: \"\(v)\")" : "let database = try await Database.connect(to: \"\(v)\")"
        case .php: return azure ? "$blobClient = BlobRestProxy::createBlobService('\(v)');" : "$db = new Connection('\(v)');"
        case .csharp: return azure ? "var blobService = new BlobServiceClient(\"\(v)\");" : "await using var conn = new NpgsqlConnection(\"\(v)\");"
        case .shell:
            if azure { return "az storage blob list --connection-string \"\(v)\" -c backups -o table" }
            if v.hasPrefix("redis") { return "redis-cli -u \"\(v)\" ping" }
            if v.hasPrefix("mongodb") { return "mongosh \"\(v)\" --eval 'db.stats()'" }
            if v.hasPrefix("amqp") { return "rabbitmqadmin --uri \"\(v)\" list queues" }
            return "psql \"\(v)\" -c 'select 1'"
        default: return nil
        }
    }

    /// Command lines that carry a token (shell only).
    static func cli(_ s: Secret, _ r: inout CorpusRNG) -> [String] {
        let v = s.value
        let co = r.pick(Words.companies), proj = r.pick(Words.projects)
        switch s.kind {
        case .githubClassic: return ["git clone https://x-access-token:\(v)@github.com/\(co)/\(proj).git", "echo \(v) | gh auth login --with-token"]
        case .gitlab: return ["git clone https://oauth2:\(v)@gitlab.com/\(co)/\(proj).git"]
        case .npm: return ["npm config set //registry.npmjs.org/:_authToken \(v)"]
        case .pypi: return ["twine upload --non-interactive -u __token__ -p \(v) dist/*", "uv publish --token \(v)"]
        case .twilio: return ["curl -X POST https://api.twilio.com/2010-04-01/Accounts/AC\(r.string(32, Alpha.lowerHex))/Messages.json -u \"\(v):$TWILIO_API_SECRET\" --data-urlencode \"Body=deploy finished\""]
        case .mailgun: return ["curl -s --user 'api:\(v)' https://api.mailgun.net/v3/mg.\(co).io/messages -F to=ops@\(co).io -F subject=alert"]
        case .age: return ["echo \"\(v)\" > ~/.config/sops/age/keys.txt"]
        case .vault: return ["vault login \(v)"]
        case .huggingFace: return ["huggingface-cli login --token \(v)"]
        case .doppler: return ["doppler run --token \(v) -- ./bin/server"]
        case .heroku: return ["git push https://heroku:\(v)@git.heroku.com/\(co)-\(proj).git HEAD:main"]
        case .digitalOcean: return ["doctl auth init --access-token \(v)"]
        case .atlassian: return ["curl -u ops@\(co).io:\(v) https://\(co).atlassian.net/rest/api/3/myself"]
        default: return []
        }
    }

    /// A line that uses the secret in context (a header, a URL, a connection, a CLI flag), if the dialect has one.
    static func context(_ d: Dialect, _ s: Secret, _ r: inout CorpusRNG) -> String? {
        var options: [String] = []
        if let h = header(s.kind, &r), let l = headerLine(d, h.name, h.prefix + s.value, h.url, &r) { options.append(l) }
        if let u = httpURL(s, &r), let l = httpLine(d, u, &r) { options.append(l) }
        if s.kind == .databaseURL || s.kind == .azureStorage, let l = connectionLine(d, s, &r) { options.append(l) }
        if d == .shell { options += cli(s, &r) }
        if d == .dockerfile { options += cli(s, &r).map { "RUN " + $0 } }
        return options.isEmpty ? nil : r.pick(options)
    }

    /// The secret, planted in the dialect: assigned, or used in context (statement positions only).
    static func secretItem(_ d: Dialect, _ s: Secret, stmt: Bool, _ r: inout CorpusRNG) -> Item {
        if s.kind == .privateKey {
            let b = block(d, s.name, s.value, stmt: stmt, &r)
            return Item(b.lines, plants: [Plant(b.at, end: b.end, kind: .privateKey, secret: s.value, probe: "-----BEGIN")])
        }
        if let paired = s.paired {
            let a = assign(d, Name("AWS_ACCESS_KEY_ID"), s.value, stmt: stmt, &r)
            let b = assign(d, Name("AWS_SECRET_ACCESS_KEY"), paired, stmt: stmt, &r)
            return Item(a.lines, plants: [Plant(a.at, kind: .awsAccessKeyID, secret: s.value)])
                + Item(b.lines, plants: [Plant(b.at, kind: .awsSecretKey, secret: paired)])
        }
        let probe = d == .xml ? Encode.xmlEscaped(s.value) : s.value
        let contextual = stmt || d == .shell || d == .dockerfile
        if contextual && r.chance(0.5), let line = context(d, s, &r) {
            return Item([line], plants: [Plant(0, kind: s.kind, secret: s.value, probe: probe)])
        }
        if d == .xml && s.kind == .googleAPIKey && r.chance(0.5) {
            return Item(["<meta-data android:name=\"com.google.android.geo.API_KEY\" android:value=\"\(s.value)\" />"],
                        plants: [Plant(0, kind: s.kind, secret: s.value)])
        }
        let a = assign(d, s.name, s.value, stmt: stmt, &r)
        return Item(a.lines, plants: [Plant(a.at, kind: s.kind, secret: s.value, probe: probe)])
    }

    // MARK: Hard negatives

    static let docExamples: [(String, String)] = [
        ("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"),
        ("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        ("AWS_ACCESS_KEY_ID", "AKIAI44QH8DHBEXAMPLE"),
        ("AWS_SECRET_ACCESS_KEY", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"),
        ("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"),
        ("DATABASE_URL", "postgres://user:password@localhost:5432/mydb"),
        ("DATABASE_URL", "postgresql://postgres:postgres@localhost:5432/app_dev"),
        ("REDIS_URL", "redis://localhost:6379/0"),
        ("GITHUB_TOKEN", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
        ("JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"),
        ("STRIPE_SECRET_KEY", "sk_test_4eC39HqLyjWDarjtT1zdp7dc"),
        ("REGISTRY_URL", "https://user:password@registry.example.com/v2/"),
    ]

    static let placeholders = [
        "YOUR_API_KEY", "your-api-key-here", "<token>", "<YOUR_SECRET>", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "changeme", "REPLACE_ME",
        "********", "sk_live_XXXXXXXXXXXXXXXXXXXXXXXX", "ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "<insert token here>",
        "AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "xoxb-your-bot-token", "your_password_here", "TODO",
    ]

    static func reference(_ d: Dialect, _ n: Name, stmt: Bool, _ r: inout CorpusRNG) -> [String] {
        switch d {
        case .python: return [r.pick(["\(n.snake) = os.environ[\"\(n.screaming)\"]", "\(n.snake) = os.getenv(\"\(n.screaming)\", \"\")",
                                      "\(n.snake) = settings.\(n.screaming)"])]
        case .javascript, .typescript: return [r.pick(["const \(n.camel) = process.env.\(n.screaming);",
                                                       "const \(n.camel) = process.env[\"\(n.screaming)\"] ?? \"\";"])]
        case .go: return [stmt ? "\(n.camel) := os.Getenv(\"\(n.screaming)\")" : "var \(n.camel) = os.Getenv(\"\(n.screaming)\")"]
        case .java: return [stmt ? "String \(n.camel) = System.getenv(\"\(n.screaming)\");" : "@Value(\"${\(n.dotted)}\") private String \(n.camel);"]
        case .ruby: return [r.pick(["\(n.snake) = ENV.fetch(\"\(n.screaming)\")", "\(n.snake) = Rails.application.credentials.\(n.snake)"])]
        case .swift: return [(stmt ? "let" : "static let") + " \(n.camel) = ProcessInfo.processInfo.environment[\"\(n.screaming)\"] ?? \"\""]
        case .php: return [r.pick(["$\(n.camel) = getenv('\(n.screaming)');", "$\(n.camel) = $_ENV['\(n.screaming)'] ?? null;"])]
        case .csharp: return [stmt ? "var \(n.camel) = Environment.GetEnvironmentVariable(\"\(n.screaming)\");"
                                   : "private static readonly string \(n.pascal) = Environment.GetEnvironmentVariable(\"\(n.screaming)\");"]
        case .shell: return [r.pick(["export \(n.screaming)=\"${\(n.screaming):?must be set}\"",
                                     "\(n.screaming)=\"$(vault kv get -field=value secret/\(n.kebab))\"",
                                     "\(n.screaming)=$(cat /run/secrets/\(n.snake))"])]
        case .dockerfile: return [r.pick(["ARG \(n.screaming)", "ENV \(n.screaming)=${\(n.screaming)}",
                                          "RUN --mount=type=secret,id=\(n.kebab) \(n.screaming)=$(cat /run/secrets/\(n.kebab)) ./configure.sh"])]
        case .yamlMap: return [r.pick(["\(n.snake): ${\(n.screaming)}", "\(n.snake): \"{{ .Values.\(n.camel) }}\"",
                                       "\(n.screaming): ${{ secrets.\(n.screaming) }}", "\(n.snake): \"{{ vault_\(n.snake) }}\""])]
        case .yamlEnvList: return ["- name: \(n.screaming)", "  valueFrom:", "    secretKeyRef:", "      name: app-secrets", "      key: \(n.kebab)"]
        case .composeList: return [r.pick(["- \(n.screaming)=${\(n.screaming)}", "- \(n.screaming)"])]
        case .json: return [r.pick(["\"\(n.camel)\": \"${\(n.screaming)}\"",
                                    "\"\(n.camel)\": \"@Microsoft.KeyVault(SecretUri=https://\(r.pick(Words.companies))-kv.vault.azure.net/secrets/\(n.kebab)/)\""])]
        case .dotenv: return [r.pick(["\(n.screaming)=${\(n.screaming)_FILE}", "\(n.screaming)=", "# \(n.screaming) is injected by the platform at runtime"])]
        case .toml: return [r.pick(["\(n.snake) = \"${\(n.screaming)}\"", "\(n.snake) = { env = \"\(n.screaming)\" }"])]
        case .ini: return [r.pick(["\(n.snake) = %(ENV_\(n.screaming))s", "\(n.snake) = ${\(n.screaming)}"])]
        case .properties: return [r.pick(["\(n.dotted)=${\(n.screaming)}", "\(n.dotted)=${\(n.screaming):}"])]
        case .terraform: return [r.pick(["\(n.snake) = var.\(n.snake)", "\(n.snake) = data.aws_secretsmanager_secret_version.\(n.snake).secret_string",
                                         "\(n.snake) = random_password.\(n.snake).result"])]
        case .xml: return [r.pick(["<\(n.camel)>${env.\(n.screaming)}</\(n.camel)>", "<add key=\"\(n.pascal)\" value=\"#{\(n.pascal)}#\" />"])]
        }
    }

    /// Lines of ordinary code that mention passwords and tokens without holding one.
    static func codeIdentifier(_ d: Dialect, _ r: inout CorpusRNG) -> String? {
        switch d {
        case .python:
            return r.pick(["password_hash = hash_password(password)", "token = request.headers.get(\"Authorization\", \"\").removeprefix(\"Bearer \")",
                           "PASSWORD_MIN_LENGTH = 12", "tokenizer = AutoTokenizer.from_pretrained(model_name)", "secret_key_path = \"config/secret.key\"",
                           "api_key = get_api_key(request)", "TOKEN_TTL_SECONDS = 3600", "csrf_token = generate_csrf_token(session)",
                           "access_token = resp.json()[\"access_token\"]", "password = getpass.getpass(\"Password: \")"])
        case .javascript, .typescript:
            return r.pick(["const token = req.headers.authorization?.split(\" \")[1];", "const passwordMinLength = 12;",
                           "const passwordHash = await bcrypt.hash(password, 12);", "const apiKey = getApiKey(req);",
                           "const secretName = `${env}/api/credentials`;", "const { accessToken } = await res.json();",
                           "if (!token) return res.status(401).end();"])
        case .go:
            return r.pick(["token := r.Header.Get(\"Authorization\")", "passwordMinLength := 12",
                           "hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)", "apiKey := cfg.APIKey",
                           "secretName := fmt.Sprintf(\"projects/%s/secrets/db-password/versions/latest\", project)",
                           "tokenSource := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: accessToken})"])
        case .java:
            return r.pick(["String token = request.getHeader(\"Authorization\");", "int passwordMinLength = 12;",
                           "String passwordHash = encoder.encode(rawPassword);", "String apiKey = properties.getApiKey();",
                           "char[] password = console.readPassword(\"Password: \");"])
        case .ruby:
            return r.pick(["token = request.headers[\"Authorization\"]", "password_digest = BCrypt::Password.create(password)",
                           "PASSWORD_MIN_LENGTH = 12", "api_key = Rails.configuration.x.api_key",
                           "secret = ActiveSupport::KeyGenerator.new(secret_key_base).generate_key(salt, 32)"])
        case .swift:
            return r.pick(["let token = request.headers.bearerAuthorization?.token", "let passwordMinLength = 12",
                           "let passwordHash = try Bcrypt.hash(password)", "let apiKey = try configuration.require(\"apiKey\")"])
        case .php:
            return r.pick(["$token = $request->header('Authorization');", "$passwordHash = password_hash($password, PASSWORD_DEFAULT);",
                           "$passwordMinLength = 12;", "$apiKey = config('services.mailgun.secret');"])
        case .csharp:
            return r.pick(["var token = Request.Headers[\"Authorization\"].ToString();", "const int PasswordMinLength = 12;",
                           "var passwordHash = BCrypt.Net.BCrypt.HashPassword(password);", "var apiKey = configuration[\"Api:Key\"];"])
        case .shell:
            return r.pick(["read -rsp \"Password: \" PASSWORD", "TOKEN=$(gh auth token)", "PASSWORD_FILE=/run/secrets/db_password",
                           "API_KEY=\"$(aws secretsmanager get-secret-value --secret-id prod/api-key --query SecretString --output text)\"",
                           "export VAULT_TOKEN=$(vault print token)"])
        case .dockerfile:
            return r.pick(["RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci", "ARG GITHUB_TOKEN"])
        default:
            return nil
        }
    }

    static func anyName(_ r: inout CorpusRNG) -> Name { Name(r.pick(Make.names(r.pick(SecretKind.general)))) }

    /// A line (or block) that looks secret-ish but is not a secret.
    static func negative(_ d: Dialect, stmt: Bool, allowVault: Bool = false, _ r: inout CorpusRNG) -> Item {
        func a(_ name: String, _ v: String, _ r: inout CorpusRNG) -> Item { Item(assign(d, Name(name), v, stmt: stmt, &r).lines) }
        switch r.int(0...12) {
        case 0:
            let (n, v) = r.pick(docExamples)
            return a(n, v, &r)
        case 1:
            return Item(assign(d, anyName(&r), r.pick(placeholders), stmt: stmt, &r).lines)
        case 2:
            return Item(reference(d, anyName(&r), stmt: stmt, &r))
        case 3:
            let v = r.pick(["pk_live_", "pk_test_"]) + r.string(r.pick([24, 99]), Alpha.base62)
            return a(r.pick(["STRIPE_PUBLISHABLE_KEY", "NEXT_PUBLIC_STRIPE_KEY", "STRIPE_PK", "VITE_STRIPE_PUBLIC_KEY"]), v, &r)
        case 4:
            return a(r.pick(["REQUEST_ID", "TENANT_ID", "SUBSCRIPTION_ID", "INSTALLATION_ID", "CORRELATION_ID", "PROJECT_UUID", "CLIENT_ID"]), Make.uuid(&r), &r)
        case 5:
            return a(r.pick(["GIT_COMMIT", "REVISION", "BUILD_SHA", "SOURCE_VERSION", "BASE_REF_SHA"]), Encode.hex(r.bytes(20)), &r)
        case 6:
            let v = r.chance(0.5) ? Encode.hex(r.bytes(32)) : "sha256:" + Encode.hex(r.bytes(32))
            return a(r.pick(["CHECKSUM", "SHA256", "ARTIFACT_DIGEST", "ETAG", "CONTENT_HASH", "CACHE_KEY", "IMAGE_DIGEST"]), v, &r)
        case 7:
            return a(r.pick(["LOGO_DATA_URI", "DEFAULT_AVATAR", "FAVICON", "EMPTY_STATE_IMAGE"]), Make.base64Image(&r), &r)
        case 8:
            return a(r.pick(["GITHUB_TOKEN", "INVALID_TOKEN", "REVOKED_TOKEN", "TOKEN_WITH_BAD_CHECKSUM", "MALFORMED_PAT"]), Make.badChecksumGitHubToken(&r), &r)
        case 9:
            if [.yamlMap, .json, .dotenv, .ini].contains(d) {
                return a(r.pick(Make.names(.genericPassword) + Make.names(.genericSecret)), Make.sopsValue(&r), &r)
            }
            if let c = codeIdentifier(d, &r), stmt { return Item([c]) }
            return Item(reference(d, anyName(&r), stmt: stmt, &r))
        case 10:
            if stmt, let c = codeIdentifier(d, &r) { return Item([c]) }
            return a(r.pick(["SSH_PUBLIC_KEY", "AUTHORIZED_KEY", "DEPLOY_PUBLIC_KEY"]), Make.sshPublicKey(&r), &r)
        case 11:
            let b = block(d, Name(r.pick(["PUBLIC_KEY", "TLS_CERT", "CA_CERT", "JWT_PUBLIC_KEY", "SIGNING_CERT"])), Make.publicPEM(&r), stmt: stmt, &r)
            return Item(b.lines)
        default:
            if allowVault && d == .yamlMap {
                let n = Name(r.pick(Make.names(.genericPassword) + Make.names(.genericSecret)))
                return Item(["vault_\(n.snake): !vault |"] + Make.ansibleVaultLines(&r).map { "  " + $0 })
            }
            if d == .json || d == .yamlMap { return a("INTEGRITY", Make.integrity(&r), &r) }
            return a(r.pick(["SSH_PUBLIC_KEY", "AUTHORIZED_KEY"]), Make.sshPublicKey(&r), &r)
        }
    }
}

// MARK: - File templates

enum Templates {
    typealias Maker = (String, inout CorpusRNG, inout KindBag) -> CorpusFile

    struct Template {
        let name: String
        let count: Int
        let make: Maker
    }

    static var all: [Template] {
        [
            Template(name: "python", count: 24, make: python),
            Template(name: "javascript", count: 12, make: javascript),
            Template(name: "typescript", count: 12, make: typescript),
            Template(name: "go", count: 12, make: go),
            Template(name: "java", count: 12, make: java),
            Template(name: "ruby", count: 11, make: ruby),
            Template(name: "swift", count: 10, make: swift),
            Template(name: "php", count: 11, make: php),
            Template(name: "csharp", count: 11, make: csharp),
            Template(name: "shell", count: 14, make: shell),
            Template(name: "dockerfile", count: 10, make: dockerfile),
            Template(name: "k8s", count: 12, make: kubernetes),
            Template(name: "compose", count: 11, make: compose),
            Template(name: "github-actions", count: 11, make: githubActions),
            Template(name: "app-yaml", count: 10, make: appYAML),
            Template(name: "appsettings", count: 12, make: appSettingsJSON),
            Template(name: "package.json", count: 6, make: packageJSON),
            Template(name: "dotenv", count: 16, make: dotenv),
            Template(name: "toml", count: 10, make: toml),
            Template(name: "ini", count: 10, make: ini),
            Template(name: "properties", count: 10, make: properties),
            Template(name: "terraform", count: 12, make: terraform),
            Template(name: "markdown", count: 12, make: markdown),
            Template(name: "xml", count: 11, make: xml),
            Template(name: "service-account", count: 14, make: serviceAccount),
            Template(name: "docker-config", count: 12, make: dockerConfig),
            Template(name: "npmrc", count: 8, make: npmrc),
            Template(name: "pem", count: 10, make: pemFile),
            Template(name: "package-lock", count: 4, make: packageLock),
            Template(name: "yarn.lock", count: 3, make: yarnLock),
            Template(name: "go.sum", count: 3, make: goSum),
            Template(name: "ansible-vault", count: 3, make: ansibleVault),
            Template(name: "sops", count: 4, make: sops),
            Template(name: "ca-bundle", count: 3, make: caBundle),
        ]
    }

    // MARK: Helpers

    static func cap(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    static func shuffledMix(_ items: [Item], filler: [String], _ r: inout CorpusRNG) -> [Item] {
        var all = items
        for f in filler where r.chance(0.6) { all.append(Item([f])) }
        all.shuffle(using: &r)
        return all
    }

    static func secrets(_ bag: inout KindBag, _ r: inout CorpusRNG, _ range: ClosedRange<Int> = 3...6,
                        where ok: (SecretKind) -> Bool = { _ in true }) -> [Secret] {
        let n = r.int(range)
        return bag.draw(n, &r, where: ok).map { Make.secret($0, &r) }
    }

    static func negatives(_ d: Dialect, _ range: ClosedRange<Int>, stmt: Bool, allowVault: Bool = false, _ r: inout CorpusRNG) -> [Item] {
        (0..<r.int(range)).map { _ in Render.negative(d, stmt: stmt, allowVault: allowVault, &r) }
    }

    struct CodeShape {
        var path: String
        var format: String
        var dialect: Dialect
        var header: [String]
        var declIndent = ""
        var declFooter: [String] = []
        var stmtOpen: [String]
        var stmtIndent: String
        var stmtClose: [String]
        var declFiller: [String]
        var stmtFiller: [String]
    }

    /// A source file: declarations at the top, then a function whose body uses secrets in context.
    static func codeFile(_ s: CodeShape, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        var b = FileBuilder(s.path, s.format)
        var decl: [Item] = [], stmt: [Item] = []
        for secret in secrets(&bag, &r) {
            if r.chance(0.5) { decl.append(Render.secretItem(s.dialect, secret, stmt: false, &r)) }
            else { stmt.append(Render.secretItem(s.dialect, secret, stmt: true, &r)) }
        }
        decl += negatives(s.dialect, 1...3, stmt: false, &r)
        stmt += negatives(s.dialect, 1...3, stmt: true, &r)
        b.add(lines: s.header)
        b.add(shuffledMix(decl, filler: s.declFiller, &r), indent: s.declIndent)
        b.add(lines: s.declFooter)
        b.add(lines: s.stmtOpen)
        b.add(shuffledMix(stmt, filler: s.stmtFiller, &r), indent: s.stmtIndent)
        b.add(lines: s.stmtClose)
        return b.build()
    }

    /// A flat file (one statement per line) with a header and footer.
    static func flatFile(_ path: String, _ format: String, _ d: Dialect, header: [String], footer: [String], filler: [String],
                         _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        var b = FileBuilder(path, format)
        var items = secrets(&bag, &r).map { Render.secretItem(d, $0, stmt: true, &r) }
        items += negatives(d, 2...4, stmt: true, &r)
        b.add(lines: header)
        b.add(shuffledMix(items, filler: filler, &r))
        b.add(lines: footer)
        return b.build()
    }

    // MARK: Code

    static func python(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        let proj = r.pick(Words.projects)
        let script = r.chance(0.4)
        let path = script ? "\(repo)/scripts/sync_\(proj).py" : "\(repo)/\(proj)/\(r.pick(["settings.py", "config.py", "clients.py"]))"
        let header: [String] = script
            ? ["#!/usr/bin/env python3", "\"\"\"Sync \(proj) data to the warehouse.\"\"\"", "import json", "import os", "import sys", "", "import requests", ""]
            : ["\"\"\"Settings for the \(proj) service.\"\"\"", "import os", "from pathlib import Path", "", "BASE_DIR = Path(__file__).resolve().parent.parent", ""]
        return codeFile(CodeShape(
            path: path, format: "python", dialect: .python, header: header, declFooter: [""],
            stmtOpen: script ? ["", "def main() -> int:", "    payload = {\"source\": \"\(proj)\"}"] : ["", "def configure(app):", "    payload = {}"],
            stmtIndent: "    ",
            stmtClose: script ? ["    return 0", "", "", "if __name__ == \"__main__\":", "    sys.exit(main())"] : ["    return app"],
            declFiller: ["DEBUG = False", "ALLOWED_HOSTS = [\"\(proj).acme.io\", \"localhost\"]", "TIME_ZONE = \"UTC\"",
                         "LOG_LEVEL = os.environ.get(\"LOG_LEVEL\", \"INFO\")", "REQUEST_TIMEOUT = 10", "RETRY_BACKOFF = [1, 2, 5, 10]"],
            stmtFiller: ["app.logger.info(\"configuring %s\", __name__)", "session = requests.Session()", "retries = 3",
                         "# TODO: move these to the secrets manager"]), &r, &bag)
    }

    static func javascript(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        codeFile(CodeShape(
            path: "\(repo)/src/\(r.pick(["config.js", "server.js", "worker.js", "lib/client.js"]))", format: "javascript", dialect: .javascript,
            header: ["'use strict';", "", "const express = require('express');", "const axios = require('axios');", ""],
            stmtOpen: ["", "async function main() {"], stmtIndent: "  ",
            stmtClose: ["}", "", "main().catch((err) => {", "  console.error(err);", "  process.exit(1);", "});"],
            declFiller: ["const PORT = process.env.PORT || 3000;", "const app = express();", "const TIMEOUT_MS = 5000;"],
            stmtFiller: ["const payload = { event: 'deploy', ts: Date.now() };", "app.use(express.json());", "console.log('starting worker');"]), &r, &bag)
    }

    static func typescript(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        codeFile(CodeShape(
            path: "\(repo)/src/\(r.pick(["config.ts", "clients/api.ts", "env.ts", "integrations.ts"]))", format: "typescript", dialect: .typescript,
            header: ["import { Injectable } from \"@nestjs/common\";", "import fetch from \"node-fetch\";", ""],
            stmtOpen: ["", "export async function bootstrap(url: string): Promise<void> {"], stmtIndent: "  ", stmtClose: ["}"],
            declFiller: ["export const API_VERSION = \"2024-06-01\";", "export const MAX_RETRIES = 5;", "type Env = \"dev\" | \"prod\";"],
            stmtFiller: ["const payload = { id: crypto.randomUUID() };", "logger.info(`bootstrapping ${url}`);"]), &r, &bag)
    }

    static func go(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        codeFile(CodeShape(
            path: "\(repo)/internal/config/\(r.pick(["config.go", "secrets.go", "clients.go"]))", format: "go", dialect: .go,
            header: ["package config", "", "import (", "\t\"net/http\"", "\t\"os\"", ")", ""],
            stmtOpen: ["", "func Load(req *http.Request, cfg *Config) error {"], stmtIndent: "\t", stmtClose: ["\treturn nil", "}"],
            declFiller: ["const defaultTimeout = 30 * time.Second", "var Version = \"dev\"", "// Config holds runtime settings."],
            stmtFiller: ["body := bytes.NewReader(payload)", "log.Printf(\"loading config for %s\", req.Host)"]), &r, &bag)
    }

    static func java(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        let co = r.pick(Words.companies), proj = r.pick(Words.projects)
        return codeFile(CodeShape(
            path: "\(repo)/src/main/java/com/\(co)/\(proj)/\(cap(proj))Config.java", format: "java", dialect: .java,
            header: ["package com.\(co).\(proj);", "", "import java.net.URI;", "import java.net.http.HttpRequest;", "import java.util.Properties;", "",
                     "public class \(cap(proj))Config {"],
            declIndent: "    ",
            stmtOpen: ["", "    public void init(Properties props) throws Exception {"], stmtIndent: "        ", stmtClose: ["    }", "}"],
            declFiller: ["private static final int TIMEOUT_SECONDS = 30;", "private static final Logger LOG = LoggerFactory.getLogger(\(cap(proj))Config.class);"],
            stmtFiller: ["LOG.info(\"initialising {}\", props.size());", "var body = HttpRequest.BodyPublishers.ofString(\"{}\");"]), &r, &bag)
    }

    static func ruby(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        let proj = r.pick(Words.projects)
        return codeFile(CodeShape(
            path: "\(repo)/config/initializers/\(proj).rb", format: "ruby", dialect: .ruby,
            header: ["# frozen_string_literal: true", "", "require \"net/http\"", "", "module \(cap(proj))"], declIndent: "  ",
            stmtOpen: ["", "  def self.configure(config)"], stmtIndent: "    ", stmtClose: ["  end", "end"],
            declFiller: ["TIMEOUT = 10", "REGION = \"\(r.pick(Words.regions))\""],
            stmtFiller: ["payload = { event: \"deploy\" }", "Rails.logger.info(\"configuring #{name}\")"]), &r, &bag)
    }

    static func swift(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        let proj = r.pick(Words.projects)
        return codeFile(CodeShape(
            path: "\(repo)/Sources/\(cap(proj))/\(r.pick(["Secrets.swift", "Config.swift", "APIClient.swift"]))", format: "swift", dialect: .swift,
            header: ["import Foundation", "", "enum Secrets {"], declIndent: "    ", declFooter: ["}"],
            stmtOpen: ["", "func configure(_ request: inout URLRequest, config: inout AppConfig) {"], stmtIndent: "    ", stmtClose: ["}"],
            declFiller: ["static let timeout: TimeInterval = 30", "static let region = \"\(r.pick(Words.regions))\""],
            stmtFiller: ["request.httpMethod = \"POST\"", "let payload = try JSONEncoder().encode(config)"]), &r, &bag)
    }

    static func php(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        codeFile(CodeShape(
            path: "\(repo)/config/\(r.pick(["services.php", "bootstrap.php", "wp-config.php"]))", format: "php", dialect: .php,
            header: ["<?php", "", "declare(strict_types=1);", "", "namespace App\\Config;", ""],
            stmtOpen: ["", "function bootstrap(array $config): void", "{"], stmtIndent: "    ", stmtClose: ["}"],
            declFiller: ["const APP_ENV = 'production';", "$timeout = 30;"],
            stmtFiller: ["$ch = curl_init();", "error_log('bootstrapping');"]), &r, &bag)
    }

    static func csharp(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        let co = cap(r.pick(Words.companies)), proj = cap(r.pick(Words.projects))
        return codeFile(CodeShape(
            path: "\(repo)/src/\(proj).Api/Settings.cs", format: "csharp", dialect: .csharp,
            header: ["using System;", "using System.Net.Http;", "using System.Threading.Tasks;", "", "namespace \(co).\(proj);", "",
                     "public static class Settings", "{"],
            declIndent: "    ",
            stmtOpen: ["", "    public static async Task ConfigureAsync(HttpClient client, Options options)", "    {"], stmtIndent: "        ",
            stmtClose: ["    }", "}"],
            declFiller: ["public const int TimeoutSeconds = 30;", "public static readonly Uri BaseUri = new(\"https://api.\(co.lowercased()).io/\");"],
            stmtFiller: ["client.Timeout = TimeSpan.FromSeconds(TimeoutSeconds);", "var content = new StringContent(\"{}\");"]), &r, &bag)
    }

    // MARK: Scripts and containers

    static func shell(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        let proj = r.pick(Words.projects)
        return flatFile("\(repo)/scripts/\(r.pick(["deploy.sh", "bootstrap.sh", "release.sh", "backup.sh"]))", "shell", .shell,
                        header: ["#!/usr/bin/env bash", "set -euo pipefail", "", "# Deploy \(proj) to \(r.pick(Words.namespaces))", "cd \"$(dirname \"$0\")/..\""],
                        footer: ["", "echo \"done\""],
                        filler: ["payload='{\"text\":\"deploy finished\"}'", "VERSION=$(git describe --tags --always)", "kubectl rollout status deploy/\(proj)",
                                 "echo \"deploying $VERSION\"", "mkdir -p ~/.ssh && chmod 700 ~/.ssh"], &r, &bag)
    }

    static func dockerfile(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        flatFile("\(repo)/\(r.pick(["Dockerfile", "docker/Dockerfile", "Dockerfile.prod"]))", "dockerfile", .dockerfile,
                 header: ["# syntax=docker/dockerfile:1.7", "FROM node:20-alpine@sha256:\(Encode.hex(r.bytes(32))) AS build", "WORKDIR /app",
                          "COPY package*.json ./"],
                 footer: ["RUN npm ci --omit=dev", "COPY . .", "EXPOSE 8080", "CMD [\"node\", \"server.js\"]"],
                 filler: ["ENV NODE_ENV=production", "RUN apk add --no-cache git openssh-client curl", "LABEL org.opencontainers.image.source=https://github.com/acme/app"],
                 &r, &bag)
    }

    // MARK: YAML

    static func kubernetes(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        let proj = r.pick(Words.projects), ns = r.pick(Words.namespaces), co = r.pick(Words.companies)
        var b = FileBuilder("\(repo)/k8s/\(r.pick(["secret.yaml", "deployment.yaml", "\(proj).yaml"]))", "yaml")
        var data: [Item] = [], env: [Item] = []
        for s in secrets(&bag, &r) {
            if s.kind.selfIdentifying && s.kind != .privateKey && s.paired == nil && r.chance(0.5) {
                env.append(Render.secretItem(.yamlEnvList, s, stmt: false, &r))
            } else {
                data.append(Render.secretItem(.yamlMap, s, stmt: false, &r))
            }
        }
        data += negatives(.yamlMap, 1...2, stmt: false, &r)
        env += negatives(.yamlEnvList, 1...2, stmt: false, &r)
        b.add("apiVersion: v1", "kind: Secret", "metadata:", "  name: \(proj)-secrets", "  namespace: \(ns)", "type: Opaque", "stringData:")
        b.add(shuffledMix(data, filler: ["LOG_LEVEL: info"], &r), indent: "  ")
        b.add("---", "apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: \(proj)", "  namespace: \(ns)", "spec:", "  replicas: 3",
              "  selector:", "    matchLabels:", "      app: \(proj)", "  template:", "    metadata:", "      labels:", "        app: \(proj)",
              "    spec:", "      containers:", "        - name: \(proj)", "          image: registry.\(co).io/\(proj)@sha256:\(Encode.hex(r.bytes(32)))",
              "          ports:", "            - containerPort: 8080", "          env:")
        env.append(Item(["- name: PORT", "  value: \"8080\""]))
        b.add(shuffledMix(env, filler: [], &r), indent: "            ")
        return b.build()
    }

    static func compose(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        let proj = r.pick(Words.projects), co = r.pick(Words.companies)
        let all = secrets(&bag, &r)
        let d: Dialect = all.contains { $0.kind == .privateKey } || r.chance(0.4) ? .yamlMap : .composeList
        var b = FileBuilder("\(repo)/\(r.pick(["docker-compose.yml", "compose.yaml", "docker-compose.prod.yml"]))", "yaml")
        let split = r.int(0...all.count)
        let api = all[..<split].map { Render.secretItem(d, $0, stmt: false, &r) } + negatives(d, 1...2, stmt: false, &r)
        let worker = all[split...].map { Render.secretItem(d, $0, stmt: false, &r) } + negatives(d, 1...2, stmt: false, &r)
        let filler = d == .yamlMap ? ["TZ: UTC", "LOG_LEVEL: info"] : ["- TZ=UTC", "- LOG_LEVEL=info"]
        b.add("services:", "  \(proj):", "    image: ghcr.io/\(co)/\(proj):\(r.int(1...3)).\(r.int(0...20)).\(r.int(0...9))", "    restart: unless-stopped",
              "    ports:", "      - \"8080:8080\"", "    environment:")
        b.add(shuffledMix(api, filler: filler, &r), indent: "      ")
        b.add("    depends_on:", "      - worker", "  worker:", "    build: ./worker", "    environment:")
        b.add(shuffledMix(worker, filler: filler, &r), indent: "      ")
        b.add("    volumes:", "      - data:/var/lib/\(proj)", "volumes:", "  data: {}")
        return b.build()
    }

    static func githubActions(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        var b = FileBuilder("\(repo)/.github/workflows/\(r.pick(["deploy.yml", "release.yml", "ci.yml", "nightly.yml"]))", "yaml")
        var env: [Item] = [], run: [Item] = []
        for s in secrets(&bag, &r) {
            if r.chance(0.5) { env.append(Render.secretItem(.yamlMap, s, stmt: false, &r)) } else { run.append(Render.secretItem(.shell, s, stmt: true, &r)) }
        }
        env += negatives(.yamlMap, 1...2, stmt: false, &r)
        run += negatives(.shell, 1...2, stmt: true, &r)
        b.add("name: \(r.pick(["Deploy", "Release", "CI", "Nightly"]))", "on:", "  push:", "    branches: [main]", "  workflow_dispatch:", "", "env:")
        b.add(shuffledMix(env, filler: ["NODE_VERSION: 20", "REGISTRY: ghcr.io"], &r), indent: "  ")
        b.add("", "jobs:", "  deploy:", "    runs-on: ubuntu-latest", "    permissions:", "      contents: read", "      id-token: write", "    steps:",
              "      - uses: actions/checkout@\(Encode.hex(r.bytes(20))) # v4.1.7",
              "      - uses: actions/setup-node@\(Encode.hex(r.bytes(20))) # v4.0.3", "        with:", "          node-version: ${{ env.NODE_VERSION }}",
              "      - name: Deploy", "        env:", "          DEPLOY_TOKEN: ${{ secrets.DEPLOY_TOKEN }}", "        run: |")
        b.add(shuffledMix(run, filler: ["npm ci", "npm run build", "echo \"deploying ${GITHUB_SHA}\""], &r), indent: "          ")
        return b.build()
    }

    static func appYAML(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        let proj = r.pick(Words.projects)
        let ansible = r.chance(0.4)
        var b = FileBuilder("\(repo)/\(ansible ? "group_vars/\(r.pick(Words.namespaces))/main.yml" : r.pick(["config/application.yml", "helm/values.yaml", "config/settings.yaml"]))", "yaml")
        let items = secrets(&bag, &r).map { Render.secretItem(.yamlMap, $0, stmt: false, &r) } + negatives(.yamlMap, 2...4, stmt: false, allowVault: true, &r)
        if ansible {
            b.add("---", "\(proj)_version: 1.\(r.int(0...20)).\(r.int(0...9))", "\(proj)_listen_port: 8080")
            b.add(shuffledMix(items, filler: ["\(proj)_user: \(proj)", "\(proj)_log_level: info"], &r))
        } else {
            b.add("# Configuration for \(proj)", "replicaCount: 2", "image:", "  repository: ghcr.io/\(r.pick(Words.companies))/\(proj)", "  tag: \"1.\(r.int(0...20)).0\"", "config:")
            b.add(shuffledMix(items, filler: ["logLevel: info", "region: \(r.pick(Words.regions))", "timeoutSeconds: 30"], &r), indent: "  ")
            b.add("resources:", "  limits:", "    memory: 512Mi")
        }
        return b.build()
    }

    // MARK: JSON

    static func appSettingsJSON(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        var b = FileBuilder("\(repo)/\(r.pick(["appsettings.Production.json", "appsettings.json", "config/default.json", "config/production.json"]))", "json")
        let items = secrets(&bag, &r).map { Render.secretItem(.json, $0, stmt: false, &r) } + negatives(.json, 2...4, stmt: false, &r)
        b.add("{", "  \"Logging\": {", "    \"LogLevel\": {", "      \"Default\": \"Information\",", "      \"Microsoft.AspNetCore\": \"Warning\"", "    }", "  },",
              "  \"AllowedHosts\": \"*\",")
        b.add(shuffledMix(items, filler: ["\"Region\": \"\(r.pick(Words.regions))\"", "\"TimeoutSeconds\": 30", "\"EnableSwagger\": false"], &r),
              indent: "  ", trailing: ",")
        b.add("  \"FeatureManagement\": {", "    \"NewCheckout\": true", "  }", "}")
        return b.build()
    }

    static func packageJSON(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        let proj = r.pick(Words.projects), co = r.pick(Words.companies)
        var b = FileBuilder("\(repo)/package.json", "json")
        let items = secrets(&bag, &r, 2...5).map { Render.secretItem(.json, $0, stmt: false, &r) } + negatives(.json, 1...3, stmt: false, &r)
        b.add("{", "  \"name\": \"@\(co)/\(proj)\"," , "  \"version\": \"\(r.int(0...3)).\(r.int(0...30)).\(r.int(0...9))\",", "  \"private\": true,",
              "  \"scripts\": {", "    \"build\": \"tsc -p .\",", "    \"test\": \"vitest run\",", "    \"start\": \"node dist/server.js\"", "  },", "  \"config\": {")
        b.add(shuffledMix(items, filler: [], &r), indent: "    ", trailing: ",")
        b.add("    \"port\": 8080", "  },", "  \"dependencies\": {", "    \"express\": \"^4.19.2\",", "    \"pg\": \"^8.11.3\"", "  }", "}")
        return b.build()
    }

    // MARK: Flat configuration

    static func dotenv(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        let proj = r.pick(Words.projects)
        return flatFile("\(repo)/\(r.pick([".env", ".env.production", ".env.local", "deploy/.env.staging", "docker/.env"]))", "dotenv", .dotenv,
                        header: ["# \(proj) environment", "NODE_ENV=production", "PORT=8080"], footer: [],
                        filler: ["LOG_LEVEL=info", "APP_URL=https://\(proj).\(r.pick(Words.companies)).io", "FEATURE_FLAGS=checkout_v2,new_search",
                                 "TZ=UTC", "DB_HOST=db.internal", "DB_PORT=5432", "DB_USER=app", "S3_BUCKET=\(proj)-assets", "WORKERS=4", ""], &r, &bag)
    }

    static func sectioned(_ path: String, _ format: String, _ d: Dialect, sections: [String], header: [String], filler: [String],
                          _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        var b = FileBuilder(path, format)
        var buckets = Array(repeating: [Item](), count: sections.count)
        for s in secrets(&bag, &r) { buckets[r.int(0...sections.count - 1)].append(Render.secretItem(d, s, stmt: true, &r)) }
        for n in negatives(d, 2...4, stmt: true, &r) { buckets[r.int(0...sections.count - 1)].append(n) }
        b.add(lines: header)
        for (i, section) in sections.enumerated() {
            b.add("", section)
            b.add(shuffledMix(buckets[i], filler: filler, &r))
        }
        return b.build()
    }

    static func toml(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        let proj = r.pick(Words.projects)
        return sectioned("\(repo)/\(r.pick(["config.toml", "settings.toml", "config/production.toml"]))", "toml", .toml,
                         sections: ["[database]", "[integrations]", "[\(proj).auth]"], header: ["# \(proj) configuration", "title = \"\(proj)\"", "port = 8080"],
                         filler: ["enabled = true", "timeout = 30", "region = \"\(r.pick(Words.regions))\""], &r, &bag)
    }

    static func ini(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        sectioned("\(repo)/\(r.pick(["config.ini", "setup.cfg", "deploy/app.ini", "credentials"]))", "ini", .ini,
                  sections: ["[default]", "[\(r.pick(Words.projects))]", "[profile \(r.pick(Words.users))]"], header: ["; generated by ops", "[DEFAULT]", "region = \(r.pick(Words.regions))"],
                  filler: ["output = json", "timeout = 30", "retries = 3"], &r, &bag)
    }

    static func properties(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        flatFile("\(repo)/\(r.pick(["src/main/resources/application.properties", "gradle.properties", "config/application-prod.properties"]))", "properties", .properties,
                 header: ["# Spring Boot configuration", "server.port=8080", "spring.application.name=\(r.pick(Words.projects))"], footer: [],
                 filler: ["spring.jpa.hibernate.ddl-auto=validate", "logging.level.root=INFO", "management.endpoints.web.exposure.include=health,info",
                          "spring.datasource.url=jdbc:postgresql://db.internal:5432/app", "org.gradle.jvmargs=-Xmx2g"], &r, &bag)
    }

    static func terraform(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        let proj = r.pick(Words.projects), ns = r.pick(Words.namespaces)
        var b = FileBuilder("\(repo)/infra/\(r.pick(["main.tf", "secrets.tf", "providers.tf", "terraform.tfvars"]))", "terraform")
        var top: [Item] = [], locals: [Item] = [], data: [Item] = []
        for s in secrets(&bag, &r) {
            if s.kind.selfIdentifying && s.kind != .privateKey && s.paired == nil && r.chance(0.35) {
                top.append(Item(["variable \"\(s.name.snake)\" {", "  type      = string", "  sensitive = true", "  default   = \"\(s.value)\"", "}"],
                                plants: [Plant(3, kind: s.kind, secret: s.value)]))
            } else if r.chance(0.5) {
                locals.append(Render.secretItem(.terraform, s, stmt: false, &r))
            } else {
                data.append(Render.secretItem(.terraform, s, stmt: false, &r))
            }
        }
        locals += negatives(.terraform, 1...2, stmt: false, &r)
        data += negatives(.terraform, 1...2, stmt: false, &r)
        b.add("terraform {", "  required_version = \">= 1.6\"", "}", "", "provider \"aws\" {", "  region = \"\(r.pick(Words.regions))\"", "}", "")
        for t in top { b.add(t); b.add("") }
        b.add("locals {")
        b.add(shuffledMix(locals, filler: ["environment = \"\(ns)\"", "app_name    = \"\(proj)\""], &r), indent: "  ")
        b.add("}", "", "resource \"kubernetes_secret\" \"\(proj)\" {", "  metadata {", "    name      = \"\(proj)\"", "    namespace = \"\(ns)\"", "  }", "  data = {")
        b.add(shuffledMix(data, filler: [], &r), indent: "    ")
        b.add("  }", "}")
        return b.build()
    }

    // MARK: Documents

    static func markdown(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        let proj = r.pick(Words.projects), co = cap(r.pick(Words.companies))
        var b = FileBuilder("\(repo)/\(r.pick(["README.md", "docs/setup.md", "docs/runbook.md", "CONTRIBUTING.md"]))", "markdown")
        var chunks: [Item] = []
        let fences: [(Dialect, String)] = [(.shell, "bash"), (.dotenv, "dotenv"), (.yamlMap, "yaml"), (.json, "json"), (.python, "python")]
        for s in secrets(&bag, &r) {
            let plain = s.kind.selfIdentifying && s.kind != .privateKey && s.paired == nil
            switch plain ? r.int(0...3) : 0 {
            case 1:
                chunks.append(Item(["For the staging environment use `\(s.value)`; rotate it after the demo."], plants: [Plant(0, kind: s.kind, secret: s.value)]))
            case 2:
                chunks.append(Item(["| Variable | Value |", "|----------|-------|", "| `\(s.name.screaming)` | `\(s.value)` |"],
                                   plants: [Plant(2, kind: s.kind, secret: s.value)]))
            default:
                let (d, lang) = r.pick(fences)
                let inner = Render.secretItem(d, s, stmt: true, &r)
                chunks.append(d == .json ? inner.indented("  ").wrapped(["```json", "{"], ["}", "```"]) : inner.wrapped(["```\(lang)"], ["```"]))
            }
        }
        for _ in 0..<r.int(2...4) {
            if r.chance(0.3) {
                chunks.append(Item([r.pick(["Replace `YOUR_API_KEY` with the key from the dashboard.", "Never commit real tokens; use `<token>` in examples.",
                                            "The docs use `AKIAIOSFODNN7EXAMPLE` as a sample access key id.",
                                            "Secrets are read from `process.env.API_TOKEN` at start-up."])]))
            } else {
                let (d, lang) = r.pick(fences)
                let inner = Render.negative(d, stmt: true, &r)
                chunks.append(d == .json ? inner.indented("  ").wrapped(["```json", "{"], ["}", "```"]) : inner.wrapped(["```\(lang)"], ["```"]))
            }
        }
        chunks.shuffle(using: &r)
        b.add("# \(cap(proj))", "", "Internal service that handles \(proj) for \(co).", "", "## Getting started", "")
        for c in chunks { b.add(c); b.add("") }
        b.add("## License", "", "Proprietary. (c) \(co) Inc.")
        return b.build()
    }

    static func xml(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        var b = FileBuilder("\(repo)/\(r.pick(["web.config", "src/main/resources/config.xml", "app/src/main/res/values/config.xml", "settings.xml"]))", "xml")
        let items = secrets(&bag, &r).map { Render.secretItem(.xml, $0, stmt: false, &r) } + negatives(.xml, 2...4, stmt: false, &r)
        b.add("<?xml version=\"1.0\" encoding=\"utf-8\"?>", "<configuration>", "  <appSettings>")
        b.add(shuffledMix(items, filler: ["<add key=\"Environment\" value=\"Production\" />", "<add key=\"TimeoutSeconds\" value=\"30\" />"], &r), indent: "    ")
        b.add("  </appSettings>", "  <system.web>", "    <compilation debug=\"false\" targetFramework=\"4.8\" />", "  </system.web>", "</configuration>")
        return b.build()
    }

    // MARK: Dedicated credential files

    static func serviceAccount(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        let project = "\(r.pick(Words.projects))-\(r.pick(["prod", "staging", "dev"]))-\(r.digits(6))"
        let account = r.pick(["deployer", "terraform", "ci-runner", "bq-reader", "firebase-adminsdk-\(r.string(5, Alpha.lowerAlnum))"])
        let email = "\(account)@\(project).iam.gserviceaccount.com"
        let pem = Make.value(.gcpServiceAccount, &r)
        let json = [
            "{",
            "  \"type\": \"service_account\",",
            "  \"project_id\": \"\(project)\",",
            "  \"private_key_id\": \"\(Encode.hex(r.bytes(20)))\",",
            "  \"private_key\": \"\(pem.replacingOccurrences(of: "\n", with: "\\n"))\\n\",",
            "  \"client_email\": \"\(email)\",",
            "  \"client_id\": \"\(r.digits(21))\",",
            "  \"auth_uri\": \"https://accounts.google.com/o/oauth2/auth\",",
            "  \"token_uri\": \"https://oauth2.googleapis.com/token\",",
            "  \"auth_provider_x509_cert_url\": \"https://www.googleapis.com/oauth2/v1/certs\",",
            "  \"client_x509_cert_url\": \"https://www.googleapis.com/robot/v1/metadata/x509/\(email.replacingOccurrences(of: "@", with: "%40"))\",",
            "  \"universe_domain\": \"googleapis.com\"",
            "}",
        ]
        // The whole document is the credential; the private key line is the one a finding must cover.
        let item = Item(json, plants: [Plant(4, end: json.count - 1, spanStart: 0, kind: .gcpServiceAccount, secret: pem, probe: "\"private_key\": \"-----BEGIN PRIVATE KEY-----")])
        if r.chance(0.65) {
            var b = FileBuilder("\(repo)/\(r.pick(["credentials", "secrets", "deploy/gcp", "."]))/\(project).json", "json")
            b.add(item)
            return b.build()
        }
        var b = FileBuilder("\(repo)/k8s/gcp-credentials.yaml", "yaml")
        b.add("apiVersion: v1", "kind: Secret", "metadata:", "  name: gcp-credentials", "  namespace: \(r.pick(Words.namespaces))", "type: Opaque", "stringData:",
              "  key.json: |")
        b.add(item, indent: "    ")
        return b.build()
    }

    static func dockerConfig(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        let co = r.pick(Words.companies)
        var registries = ["https://index.docker.io/v1/", "ghcr.io", "registry.gitlab.com", "quay.io", "\(co)cr.azurecr.io", "registry.\(co).io",
                          "europe-docker.pkg.dev", "harbor.\(co).internal"].shuffled(using: &r)
        registries = Array(registries.prefix(r.int(1...3)))
        var b = FileBuilder("\(repo)/\(r.pick([".docker/config.json", "ci/docker-config.json", "deploy/dockerconfig.json"]))", "json")
        var entries: [Item] = []
        for reg in registries {
            let user = r.pick(Words.users)
            let pass: String
            switch reg {
            case "ghcr.io": pass = Make.crc32Token("ghp_", &r)
            case "registry.gitlab.com": pass = Make.value(.gitlab, &r)
            default: pass = r.string(r.int(16...40), Alpha.base62)
            }
            let auth = Encode.base64("\(user):\(pass)")
            var lines = ["\"\(reg)\": {", "  \"auth\": \"\(auth)\""]
            if r.chance(0.3) { lines[1] += ","; lines.append("  \"email\": \"\(user)@\(co).io\"") }
            lines.append("}")
            entries.append(Item(lines, plants: [Plant(1, kind: .dockerAuth, secret: auth)]))
        }
        b.add("{", "  \"auths\": {")
        for (i, e) in entries.enumerated() { b.add(e, indent: "    ", trailing: i < entries.count - 1 ? "," : "") }
        b.add("  },")
        if r.chance(0.5) {
            b.add("  \"credHelpers\": {", "    \"\(r.digits(12)).dkr.ecr.\(r.pick(Words.regions)).amazonaws.com\": \"ecr-login\",",
                  "    \"gcr.io\": \"gcloud\"", "  },")
        }
        b.add("  \"HttpHeaders\": {", "    \"User-Agent\": \"Docker-Client/24.0.\(r.int(0...9)) (linux)\"", "  }", "}")
        return b.build()
    }

    static func npmrc(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        let co = r.pick(Words.companies)
        var b = FileBuilder("\(repo)/.npmrc", "npmrc")
        var items: [Item] = []
        let npm = Make.value(.npm, &r)
        items.append(Item(["//registry.npmjs.org/:_authToken=\(npm)"], plants: [Plant(0, kind: .npm, secret: npm)]))
        if r.chance(0.6) {
            let gh = Make.value(.githubClassic, &r)
            items.append(Item(["@\(co):registry=https://npm.pkg.github.com/", "//npm.pkg.github.com/:_authToken=\(gh)"], plants: [Plant(1, kind: .githubClassic, secret: gh)]))
        }
        if r.chance(0.3) {
            let url = "https://\(r.pick(Words.users)):\(r.string(r.int(12...24), Alpha.urlPassword))@nexus.\(co).internal/repository/npm-group/"
            items.append(Item(["registry=\(url)"], plants: [Plant(0, kind: .basicAuthURL, secret: url)]))
        }
        if r.chance(0.5) { items.append(Item(["//registry.npmjs.org/:_authToken=${NPM_TOKEN}"])) }
        items.append(Item(["always-auth=true"]))
        b.add(shuffledMix(items, filler: ["save-exact=true", "engine-strict=true", "fund=false"], &r))
        return b.build()
    }

    static func pemFile(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        let key = Make.value(.privateKey, &r)
        let ssh = key.contains("OPENSSH")
        var b = FileBuilder("\(repo)/\(ssh ? r.pick(["deploy/id_ed25519", ".ssh/id_ed25519", "keys/ci_deploy_key"]) : r.pick(["certs/server.pem", "config/jwt/private.pem", "tls/tls.key", "certs/bundle.pem"]))", "pem")
        let keyItem = Item(key.components(separatedBy: "\n"), plants: [Plant(0, end: key.components(separatedBy: "\n").count - 1, kind: .privateKey, secret: key, probe: "-----BEGIN")])
        if !ssh && r.chance(0.4) {
            b.add("Bag Attributes", "    localKeyID: \((0..<20).map { _ in Encode.hex(r.bytes(1)).uppercased() }.joined(separator: " "))",
                  "    friendlyName: \(r.pick(Words.projects))", "Key Attributes: <No Attributes>")
        }
        b.add(keyItem)
        if !ssh {
            for _ in 0..<r.int(0...2) { b.add(lines: Make.pem("CERTIFICATE", [0x30, 0x82, 0x03, 0x10] + r.bytes(r.int(700...1000))).components(separatedBy: "\n")) }
        }
        return b.build()
    }

    // MARK: Negative-only files

    static func packageLock(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        let proj = r.pick(Words.projects)
        var b = FileBuilder("\(repo)/package-lock.json", "json")
        b.add("{", "  \"name\": \"\(proj)\",", "  \"version\": \"1.0.0\",", "  \"lockfileVersion\": 3,", "  \"requires\": true,", "  \"packages\": {",
              "    \"\": {", "      \"name\": \"\(proj)\",", "      \"version\": \"1.0.0\"", "    },")
        let pkgs = Array(Words.packages.shuffled(using: &r).prefix(r.int(12...25)))
        for (i, p) in pkgs.enumerated() {
            let v = "\(r.int(0...9)).\(r.int(0...30)).\(r.int(0...20))"
            let base = p.split(separator: "/").last.map(String.init) ?? p
            let resolved = r.chance(0.1) ? "git+ssh://git@github.com/\(r.pick(Words.companies))/\(base).git#\(Encode.hex(r.bytes(20)))"
                                         : "https://registry.npmjs.org/\(p)/-/\(base)-\(v).tgz"
            b.add("    \"node_modules/\(p)\": {", "      \"version\": \"\(v)\",", "      \"resolved\": \"\(resolved)\",",
                  "      \"integrity\": \"\(r.chance(0.9) ? Make.integrity(&r) : "sha1-" + Encode.base64(r.bytes(20)))\",", "      \"license\": \"MIT\"",
                  i < pkgs.count - 1 ? "    }," : "    }")
        }
        b.add("  }", "}")
        return b.build()
    }

    static func yarnLock(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        var b = FileBuilder("\(repo)/yarn.lock", "lockfile")
        b.add("# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.", "# yarn lockfile v1", "")
        for p in Words.packages.shuffled(using: &r).prefix(r.int(12...25)) {
            let v = "\(r.int(0...9)).\(r.int(0...30)).\(r.int(0...20))"
            let base = p.split(separator: "/").last.map(String.init) ?? p
            b.add("", "\"\(p)@^\(v)\":", "  version \"\(v)\"", "  resolved \"https://registry.yarnpkg.com/\(p)/-/\(base)-\(v).tgz#\(Encode.hex(r.bytes(20)))\"",
                  "  integrity \(Make.integrity(&r))")
        }
        return b.build()
    }

    static func goSum(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        var b = FileBuilder("\(repo)/go.sum", "lockfile")
        for m in Words.goModules.shuffled(using: &r) {
            let v = "v\(r.int(0...2)).\(r.int(0...30)).\(r.int(0...9))"
            b.add("\(m) \(v) h1:\(Encode.base64(r.bytes(32)))", "\(m) \(v)/go.mod h1:\(Encode.base64(r.bytes(32)))")
        }
        return b.build()
    }

    static func ansibleVault(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        var b = FileBuilder("\(repo)/group_vars/\(r.pick(Words.namespaces))/vault.yml", "yaml")
        b.add(lines: Make.ansibleVaultLines(&r))
        return b.build()
    }

    static func sops(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        var b = FileBuilder("\(repo)/secrets/\(r.pick(Words.namespaces)).enc.yaml", "yaml")
        let names = Array((Make.names(.genericPassword) + Make.names(.genericSecret) + Make.names(.stripe)).shuffled(using: &r).prefix(r.int(3...7)))
        for n in names { b.add("\(Name(n).snake): \(Make.sopsValue(&r))") }
        let recipient = "age1" + r.string(58, Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l"))
        b.add("sops:", "    kms: []", "    age:", "        - recipient: \(recipient)", "          enc: |")
        let armored = Encode.wrap(Encode.base64(r.bytes(r.int(180...240))), width: 64)
        b.add(lines: (["-----BEGIN AGE ENCRYPTED FILE-----"] + armored + ["-----END AGE ENCRYPTED FILE-----"]).map { "            " + $0 })
        b.add("    lastmodified: \"2024-0\(r.int(1...9))-1\(r.int(0...9))T10:\(r.int(10...59)):00Z\"",
              "    mac: \(Make.sopsValue(&r))", "    unencrypted_suffix: _unencrypted", "    version: 3.8.1")
        return b.build()
    }

    static func caBundle(_ repo: String, _ r: inout CorpusRNG, _ bag: inout KindBag) -> CorpusFile {
        var b = FileBuilder("\(repo)/certs/ca-bundle.pem", "pem")
        for i in 0..<r.int(2...4) {
            if i > 0 { b.add("") }
            b.add("# \(cap(r.pick(Words.companies))) Root CA \(i + 1)")
            b.add(lines: Make.pem("CERTIFICATE", [0x30, 0x82, 0x03, 0x10] + r.bytes(r.int(700...1000))).components(separatedBy: "\n"))
        }
        return b.build()
    }
}

// MARK: - Generator

enum CorpusGenerator {
    static func generate(using r: inout CorpusRNG) -> Corpus {
        var bag = KindBag()
        var files: [CorpusFile] = []
        var n = 0
        for t in Templates.all {
            for _ in 0..<t.count {
                n += 1
                let repo = "\(r.pick(Words.companies))-\(r.pick(Words.projects))-\(String(format: "%03d", n))"
                files.append(t.make(repo, &r, &bag))
            }
        }
        return Corpus(files: files)
    }

    /// Writes the corpus under `directory` (for inspection: WOWGUARD_CORPUS_DUMP=/tmp/corpus).
    static func write(_ corpus: Corpus, to directory: String) throws {
        let fm = FileManager.default
        for f in corpus.files {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(f.path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try f.text.write(to: url, atomically: true, encoding: .utf8)
        }
        var manifest = "path\tline\tkind\n"
        for p in corpus.planted { manifest += "\(p.path)\t\(p.line)\t\(p.kind.rawValue)\n" }
        try manifest.write(to: URL(fileURLWithPath: directory).appendingPathComponent("PLANTED.tsv"), atomically: true, encoding: .utf8)
    }
}
