/// A piece of executable shell code found in a file, with the file line it starts on.
public struct ScriptSnippet: Sendable, Equatable {
    public enum Origin: String, Sendable {
        case shellScript = "shell script"
        case dockerfile = "Dockerfile RUN"
        case ciStep = "CI step"
        case packageScript = "package.json script"
        case installHook = "package.json install hook"
        case makeRecipe = "Makefile recipe"
        case justRecipe = "justfile recipe"
        case preCommitEntry = "pre-commit hook entry"
        case pythonSetup = "setup.py command"
    }

    public var text: String
    public var line: Int
    public var origin: Origin
    /// Columns removed from the start of each line of `text` (a YAML block scalar's indentation),
    /// so that findings can name the column in the file.
    public var indent: Int = 0

    public init(text: String, line: Int, origin: Origin, indent: Int = 0) {
        self.text = text
        self.line = line
        self.origin = origin
        self.indent = indent
    }
}

/// Finds the code that will run in a file, by format. Prose, docs, comments and string literals
/// elsewhere are data: a README explaining why `curl … | sh` is dangerous yields nothing.
public enum ScriptExtractor {
    public enum Kind: Sendable, Equatable {
        case shell, dockerfile, ciYAML, packageJSON, makefile, justfile, preCommitConfig, setupPy
    }

    /// The kind of a file, from its path and (for extension-less scripts) its first line.
    public static func kind(path: String, firstLine: Substring?) -> Kind? {
        let name = Paths.baseName(path)
        let lower = name.lowercased()
        // Byte-level search: String.contains is Unicode-aware and slow, and this runs per changed file.
        let dir = Array(path.lowercased().utf8)
        func inDir(_ part: String) -> Bool { ByteSearch.contains(dir, part) }
        if lower == "dockerfile" || lower == "containerfile" || lower.hasSuffix(".dockerfile") || lower.hasPrefix("dockerfile.")
            || lower.hasPrefix("containerfile.") { return .dockerfile }
        if lower == "package.json" { return .packageJSON }
        if lower == "makefile" || lower == "gnumakefile" || lower.hasSuffix(".mk") { return .makefile }
        if lower == "justfile" || lower == ".justfile" { return .justfile }
        if lower == ".pre-commit-config.yaml" || lower == ".pre-commit-config.yml" { return .preCommitConfig }
        if lower == "setup.py" { return .setupPy }
        if lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") {
            if inDir(".github/workflows/") || inDir(".github/actions/") || lower == "action.yml" || lower == "action.yaml"
                || lower == ".gitlab-ci.yml" || inDir(".gitlab/ci/") || lower.hasPrefix("azure-pipelines")
                || inDir(".circleci/") || lower == "bitbucket-pipelines.yml" || lower == ".travis.yml"
                || inDir(".buildkite/") || lower == "cloudbuild.yaml" || lower == "cloudbuild.yml"
                || lower == ".drone.yml" || lower == "taskfile.yml" || lower == "taskfile.yaml" || inDir(".woodpecker") {
                return .ciYAML
            }
            return nil
        }
        for ext in [".sh", ".bash", ".zsh", ".ksh", ".command"] where lower.hasSuffix(ext) { return .shell }
        // Git hooks kept in the repository (husky, .githooks) and extension-less scripts with a shebang.
        if inDir(".husky/") || inDir(".githooks/") || inDir("git-hooks/") {
            if !lower.contains(".") { return .shell }
        }
        if let first = firstLine, first.hasPrefix("#!") {
            for shell in ["/sh", "/bash", "/zsh", "/dash", "/ksh", "env sh", "env bash", "env zsh", "env -S bash"] where first.contains(shell) {
                return .shell
            }
        }
        return nil
    }

    public static func snippets(path: String, text: String) -> [ScriptSnippet] {
        let firstLine = text.utf8.prefix(2).elementsEqual("#!".utf8) ? TextLines.split(String(decoding: text.utf8.prefix(256), as: UTF8.self)).first : nil
        guard let kind = kind(path: path, firstLine: firstLine) else { return [] }
        let lines = TextLines.split(text)
        switch kind {
        case .shell: return ShellStatements.split(lines, startLine: 1, origin: .shellScript)
        case .dockerfile: return dockerfile(lines)
        case .ciYAML: return YAMLScripts.extract(lines, keys: ["run", "script", "before_script", "after_script", "command", "commands", "cmd", "pre", "post", "steps_script"], origin: .ciStep)
        case .preCommitConfig: return YAMLScripts.extract(lines, keys: ["entry"], origin: .preCommitEntry)
        case .packageJSON: return packageJSON(text, lines: lines)
        case .makefile: return makefile(lines)
        case .justfile: return justfile(lines)
        case .setupPy: return setupPy(lines)
        }
    }

    // MARK: Dockerfile

    static func dockerfile(_ lines: [Substring]) -> [ScriptSnippet] {
        var out: [ScriptSnippet] = []
        var i = 0
        while i < lines.count {
            let trimmed = lines[i].drop(while: { $0 == " " || $0 == "\t" })
            guard trimmed.count >= 4, trimmed.prefix(4).uppercased() == "RUN ", !trimmed.hasPrefix("#") else { i += 1; continue }
            let start = i
            var body = String(trimmed.dropFirst(4))
            // Options like --mount=… --network=… come first.
            while body.hasPrefix("--"), let space = body.firstIndex(of: " ") { body = String(body[space...].drop(while: { $0 == " " })) }
            var text = body
            // Line continuations.
            while text.hasSuffix("\\"), i + 1 < lines.count {
                text.removeLast()
                i += 1
                let next = lines[i]
                if next.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("#") { text += "\n"; continue }
                text += "\n" + next
            }
            // Heredoc form: RUN <<EOF … EOF
            if let r = text.firstRange(of: "<<"), text[r.upperBound...].first.map({ $0 != "<" }) ?? false {
                let word = text[r.upperBound...].drop(while: { $0 == "-" || $0 == "\"" || $0 == "'" }).prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                if !word.isEmpty {
                    var j = i + 1
                    var body: [Substring] = []
                    while j < lines.count, lines[j].trimmingWhitespace() != String(word) { body.append(lines[j]); j += 1 }
                    out.append(ScriptSnippet(text: body.joined(separator: "\n"), line: i + 2, origin: .dockerfile))
                    i = j + 1
                    continue
                }
            }
            // Exec form: RUN ["sh", "-c", "…"]
            if text.hasPrefix("["), let json = try? JSONValue.parse(text), let argv = json.array?.compactMap(\.string), !argv.isEmpty {
                text = argv.count >= 3 && ["sh", "bash", "/bin/sh", "/bin/bash"].contains(argv[0]) && argv[1] == "-c"
                    ? argv[2] : argv.map(ShellWords.quote).joined(separator: " ")
            }
            out.append(ScriptSnippet(text: text, line: start + 1, origin: .dockerfile))
            i += 1
        }
        return out
    }

    // MARK: package.json

    static let installHooks: Set<String> = ["preinstall", "install", "postinstall", "prepare", "preprepare", "postprepare",
                                            "prepublish", "preuninstall", "uninstall", "postuninstall"]

    static func packageJSON(_ text: String, lines: [Substring]) -> [ScriptSnippet] {
        guard let json = try? JSONValue.parse(text), case .object(let scripts)? = json["scripts"] else { return [] }
        var out: [ScriptSnippet] = []
        for (name, value) in scripts {
            guard let command = value.string else { continue }
            // The line of `"name":` inside the scripts block (first occurrence after "scripts").
            let key = JSON.quote(name)
            var line = 1
            var inScripts = false
            for (n, l) in lines.enumerated() {
                if l.contains("\"scripts\"") { inScripts = true }
                if inScripts && l.contains(key) { line = n + 1; break }
            }
            out.append(ScriptSnippet(text: command, line: line, origin: installHooks.contains(name) ? .installHook : .packageScript))
        }
        return out
    }

    // MARK: Makefile, justfile

    static func makefile(_ lines: [Substring]) -> [ScriptSnippet] {
        var out: [ScriptSnippet] = []
        var i = 0
        while i < lines.count {
            guard lines[i].hasPrefix("\t") else { i += 1; continue }
            let start = i
            var text = String(lines[i].dropFirst())
            while text.hasSuffix("\\"), i + 1 < lines.count {
                text.removeLast()
                i += 1
                text += "\n" + lines[i].drop(while: { $0 == "\t" })
            }
            // Recipe prefixes (@ silent, - ignore errors, + always) and make's $$ escape.
            text = String(text.drop(while: { $0 == "@" || $0 == "-" || $0 == "+" || $0 == " " }))
            text = makeToShell(text)
            if !text.hasPrefix("#") { out.append(ScriptSnippet(text: text, line: start + 1, origin: .makeRecipe)) }
            i += 1
        }
        return out
    }

    /// make expands `$(VAR)`, `${VAR}` and automatic variables before the shell sees the recipe;
    /// `$$` is a literal `$`. Variables become their names (`$(SWIFT) build` → `SWIFT build`).
    static func makeToShell(_ recipe: String) -> String {
        var out = ""
        var chars = Array(recipe)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            guard c == "$", let next = chars.first else { out.append(c); continue }
            if next == "$" { out.append("$"); chars = chars.dropFirst(); continue }
            if next == "(" || next == "{" {
                let close: Character = next == "(" ? ")" : "}"
                if let end = chars.firstIndex(of: close) {
                    let name = chars[chars.index(after: chars.startIndex)..<end]
                    if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "_.-".contains($0) }) {
                        out += String(name)
                        chars = chars[chars.index(after: end)...]
                        continue
                    }
                }
                out.append(c)
                continue
            }
            if "@<^?*+|%".contains(next) { out += "make_target"; chars = chars.dropFirst(); continue }
            out.append(c)
        }
        return out
    }

    static func justfile(_ lines: [Substring]) -> [ScriptSnippet] {
        var out: [ScriptSnippet] = []
        var inRecipe = false
        for (n, line) in lines.enumerated() {
            if line.isEmpty { continue }
            if line.first == " " || line.first == "\t" {
                if inRecipe {
                    let cmd = line.drop(while: { $0 == " " || $0 == "\t" || $0 == "@" || $0 == "-" })
                    if !cmd.hasPrefix("#") { out.append(ScriptSnippet(text: String(cmd), line: n + 1, origin: .justRecipe)) }
                }
                continue
            }
            // `name args:` starts a recipe; `x := y` and `set …` do not.
            inRecipe = line.contains(":") && !line.contains(":=") && !line.hasPrefix("set ") && !line.hasPrefix("#")
        }
        return out
    }

    // MARK: setup.py

    static func setupPy(_ lines: [Substring]) -> [ScriptSnippet] {
        var out: [ScriptSnippet] = []
        for (n, line) in lines.enumerated() {
            for call in ["os.system(", "os.popen(", "subprocess.call(", "subprocess.run(", "subprocess.check_call(",
                         "subprocess.check_output(", "subprocess.Popen(", "commands.getoutput("] {
                guard let r = line.firstRange(of: call) else { continue }
                let isShellCall = call.hasPrefix("os.") || call.hasPrefix("commands.") || line.contains("shell=True")
                guard isShellCall, let literal = PythonLiteral.firstString(line[r.upperBound...]) else { continue }
                out.append(ScriptSnippet(text: literal, line: n + 1, origin: .pythonSetup))
            }
        }
        return out
    }
}

/// POSIX shell quoting, for argv turned back into a command line.
public enum ShellWords {
    public static func quote(_ s: String) -> String {
        if !s.isEmpty && s.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:,@%+".contains($0) }) { return s }
        return "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}

enum PythonLiteral {
    /// The first string literal in `s` ('…', "…", with a possible r/f/b prefix), unescaped simply.
    static func firstString(_ s: Substring) -> String? {
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == "\"" || c == "'" {
                var out = ""
                var j = s.index(after: i)
                while j < s.endIndex, s[j] != c {
                    if s[j] == "\\", s.index(after: j) < s.endIndex { j = s.index(after: j) }
                    out.append(s[j])
                    j = s.index(after: j)
                }
                return out
            }
            if c == ")" { return nil }
            i = s.index(after: i)
        }
        return nil
    }
}
