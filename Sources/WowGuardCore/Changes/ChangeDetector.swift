/// A run of consecutive added lines in a changed file, with the new file's line number of the first.
public struct AddedHunk: Sendable, Equatable {
    public var startLine: Int
    public var lines: [String]
    public init(startLine: Int, lines: [String]) {
        self.startLine = startLine
        self.lines = lines
    }
}

/// One file of a change (a staged diff or a commit): its path (relative to the repository root),
/// the lines it adds, and — when the adapter can provide it cheaply — the whole new text, for
/// detectors that need surrounding context to parse multi-line constructs.
public struct ChangedFile: Sendable {
    public var path: String
    public var hunks: [AddedHunk]
    public var newText: String?
    public init(path: String, hunks: [AddedHunk], newText: String? = nil) {
        self.path = path
        self.hunks = hunks
        self.newText = newText
    }
}

/// The seam between git adapters and detectors: a detector looks at a changed file and reports
/// findings on added lines only (line numbers of the new file).
public protocol ChangeDetector: Sendable {
    func detect(_ file: ChangedFile) -> [Finding]
}

/// Secrets in added lines. Each hunk is scanned as one text, so multi-line secrets (private keys)
/// that span several added lines are found.
public struct SecretChangeDetector: ChangeDetector {
    public let scanner: SecretScanner

    public init(scanner: SecretScanner) { self.scanner = scanner }

    public func detect(_ file: ChangedFile) -> [Finding] {
        if scanner.allowlist.allowsPath(file.path) { return [] }
        let scratch = SecretScanner.Scratch()
        var out: [Finding] = []
        for hunk in file.hunks {
            var text = hunk.lines.joined(separator: "\n")
            let found = text.withUTF8 { scanner.scan(UnsafeRawBufferPointer($0), path: file.path, scratch: scratch) }
            for var f in found {
                f.line += hunk.startLine - 1
                f.endLine += hunk.startLine - 1
                out.append(f)
            }
        }
        return out
    }
}
