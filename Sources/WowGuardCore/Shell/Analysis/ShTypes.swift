/// Marks the part of an expanded word whose value is not known statically (`$UNSET`, `$(tool)`).
enum ShMark {
    static let unknown = "\u{1}"
    static let unknownByte: UInt8 = 1
    /// A file found under a directory (`find DIR -exec … {}`): any name, but not the directory itself.
    static let found = "\u{2}"
    static let foundByte: UInt8 = 2
}

enum ShValue {
    case string(String)
    case array([String])

    var scalar: String {
        switch self {
        case .string(let s): s
        case .array(let a): a.first ?? ""
        }
    }
}

/// Where a command's input comes from, or what its output is: decides whether a shell or an
/// interpreter at the end of a pipe runs downloaded, decoded or network-controlled code.
indirect enum ShSource {
    case none
    case unknown
    case literal(String)
    case download(String)
    /// base64 -d, xxd -r, gunzip, rev … of another source; `text` when it could be computed.
    case decoded(ShSource, text: String?)
    case environment
    /// The value of a secret-named variable from the environment (`$GITHUB_TOKEN`).
    case secret(String)
    case credential(String)
    case network(String)
    case file(String)
    case shellOutput
    case foundPaths
    /// pgrep / pidof output for a pattern.
    case pids(String)

    private var rank: Int {
        switch self {
        case .download: 10
        case .network: 9
        case .credential: 8
        case .environment: 7
        case .secret: 7
        case .decoded: 6
        case .shellOutput: 5
        case .pids: 4
        case .unknown: 3
        case .foundPaths: 3
        case .file: 2
        case .literal: 1
        case .none: 0
        }
    }

    /// Output of two commands in sequence.
    func combined(with other: ShSource) -> ShSource {
        if case .literal(let a) = self, case .literal(let b) = other { return .literal(a + b) }
        if case .none = self { return other }
        if case .none = other { return self }
        if case .literal = other, case .file = self { return self }
        if case .literal = self, case .file = other { return other }
        return other.rank > rank ? other : (rank > other.rank ? self : other)
    }

    var isDownload: Bool {
        switch self {
        case .download: true
        case .decoded(let inner, _): inner.isDownload
        default: false
        }
    }
}

/// One field after expansion.
struct ShField {
    var text = ""
    /// Unquoted glob characters were present.
    var glob = false
    /// Some part was quoted (an empty quoted field still counts as an argument).
    var quoted = false
    /// Outputs of the command and process substitutions inside.
    var sources: [ShSource] = []
    /// The field is a process substitution (`<(…)`).
    var procsub = false
    /// `>(…)` bodies: they read what the command writes.
    var outputProcs: [ShNode] = []

    init(text: String = "", glob: Bool = false, quoted: Bool = false) {
        self.text = text
        self.glob = glob
        self.quoted = quoted
    }

    var hasUnknown: Bool { text.utf8.contains(ShMark.unknownByte) }
}

struct ShXRedirect {
    var fd: Int?
    var op: ShRedirOp
    var target: ShField
    /// Heredoc / here-string text.
    var body: String?
}

enum ShLang: String {
    case shell, python, node, ruby, perl, php, lua, powershell, applescript, awk, r
}

/// A command about to run: resolved name, expanded arguments and redirections.
struct ShInvocation {
    /// Resolved, lower-cased base name (`/usr/bin/rm`, `\rm`, `r''m` → `rm`).
    var name: String
    /// The command word as expanded (a path for `./x.sh`).
    var word: String
    var args: [ShField]
    var redirects: [ShXRedirect]
    /// `VAR=x cmd` and `env VAR=x cmd`.
    var assigns: [String: String]
    var stdin: ShSource
    var privileged = false
    /// The command name is not known (`$X`, `$(…)`).
    var dynamic = false
    var nameField: ShField
    /// Source text, for messages.
    var subject: String

    var argTexts: [String] { args.map(\.text) }
}

/// Shell state while walking a command line.
struct ShEnv {
    var vars: [String: ShValue] = [:]
    /// nil: unknown (after `cd "$X"`).
    var cwd: String?
    /// `$0`, `$1`, …; nil when unknown.
    var positional: [String]? = nil
    var functions: [String: ShNode] = [:]
    var aliases: [String: String] = [:]
    var stdin: ShSource = .none
    var calls: [String] = []
    /// Variables whose value came from a download, decoder, the network or secrets.
    var taint: [String: ShSource] = [:]
}
