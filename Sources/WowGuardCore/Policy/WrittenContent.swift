/// Code an agent writes or edits, in any language the interpreter analysis reads (Python,
/// JavaScript/TypeScript, Ruby, Perl, PHP, Lua, awk) and Jupyter notebooks (`!` lines, `%%bash`
/// cells, Python cells): code that deletes home, reads credentials and sends them, or opens a
/// shell to the network is judged like the same code run from the shell. Shell scripts, CI files
/// and other formats go through `ExecutableContent` (the script detectors).
public enum WrittenContent {
    public static func verdicts(path: String, texts: [String], context: GuardContext) -> [Verdict] {
        let shell = context.shellContext
        var out: [Verdict] = []
        let lowerPath = path.lowercased()
        for text in texts where !text.isEmpty {
            if lowerPath.hasSuffix(".ipynb") {
                for cell in notebookCells(text) { out += cellVerdicts(cell, shell) }
            } else if let lang = ShellAnalyzer.language(ofPath: path) {
                out += ShellAnalyzer.analyzeWrittenCode(text, language: lang, context: shell)
            } else if let first = text.split(separator: "\n", maxSplits: 1).first, first.hasPrefix("#!") {
                for (marker, lang) in [("python", "python"), ("node", "node"), ("ruby", "ruby"), ("perl", "perl"), ("php", "php"), ("lua", "lua")]
                where first.contains(marker) {
                    out += ShellAnalyzer.analyzeWrittenCode(text, language: lang, context: shell)
                    break
                }
            }
            if Paths.baseName(path) == ".npmrc" {
                for line in text.split(separator: "\n") {
                    let l = line.trimmingWhitespace().lowercased()
                    if (l.hasPrefix("node-options") && (l.contains("--require") || l.contains("-r ") || l.contains("--import") || l.contains("--loader")))
                        || l.hasPrefix("script-shell") || l.hasPrefix("onload-script") {
                        out.append(PolicyRules.autorun.verdict(path, reason: "writes an .npmrc setting that runs code with every npm command (\(l.prefix(60)))"))
                    }
                }
            }
        }
        return out
    }

    /// The code cells of a notebook: the `source` of each cell of an `.ipynb` document, or the text itself (NotebookEdit's `new_source`).
    static func notebookCells(_ text: String) -> [String] {
        let t = text.trimmingWhitespace()
        guard t.hasPrefix("{"), let doc = try? JSONValue.parse(t), case .array(let cells)? = doc["cells"] else { return [text] }
        return cells.prefix(2000).compactMap { cell -> String? in
            if let type = cell["cell_type"]?.string, type != "code" { return nil }
            if let s = cell["source"]?.string { return s }
            if case .array(let parts)? = cell["source"] { return parts.compactMap(\.string).joined() }
            return nil
        }
    }

    /// A notebook cell: `%%bash`/`%%sh` cells are shell, `!cmd` and `%sx cmd` lines are shell, the rest is Python.
    static func cellVerdicts(_ cell: String, _ context: ShellContext) -> [Verdict] {
        var lines = cell.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = lines.first?.trimmingWhitespace() ?? ""
        for magic in ["%%bash", "%%sh", "%%zsh", "%%script bash", "%%script sh", "%%script zsh", "%%system", "%%!"] where first.hasPrefix(magic) {
            lines.removeFirst()
            return ShellAnalyzer.analyzeWrittenCode(lines.joined(separator: "\n"), language: "shell", context: context)
        }
        var shell: [String] = [], python: [String] = []
        for line in lines {
            let l = line.drop { $0 == " " || $0 == "\t" }
            if l.hasPrefix("!") { shell.append(String(l.dropFirst())) }
            else if l.hasPrefix("%sx ") || l.hasPrefix("%system ") { shell.append(String(l.drop { $0 != " " })) }
            else if l.hasPrefix("%") { continue }
            else { python.append(line) }
        }
        var out: [Verdict] = []
        if !shell.isEmpty { out += ShellAnalyzer.analyzeWrittenCode(shell.joined(separator: "\n"), language: "shell", context: context) }
        if !python.isEmpty { out += ShellAnalyzer.analyzeWrittenCode(python.joined(separator: "\n"), language: "python", context: context) }
        return out
    }
}
