import WowGuardCore
import WowGuardSystem

/// A planned change of one file: `install --print` shows it, `install` applies it.
public struct Change: Sendable, Equatable {
    public var path: String
    /// The file before (nil: it does not exist) and after (nil: it is removed).
    public var before: String?
    public var after: String?
    /// What the user should know (hooks switched on, a directory left behind, …).
    public var notes: [String]

    public var isNoOp: Bool { before == after }

    /// Writes the change (creating directories; removing an emptied file and its empty folder).
    public func apply() throws(Posix.Error) {
        guard !isNoOp else { return }
        let dir = path.lastIndex(of: "/").map { String(path[..<$0]) }
        if let after {
            if let dir, !dir.isEmpty { try Posix.makeDirectories(dir) }
            try Posix.writeAtomically(path, after)
        } else {
            try Posix.remove(path)
            if let dir, !dir.isEmpty { Posix.removeDirectoryIfEmpty(dir) }
        }
    }
}

public struct SettingsError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

extension AgentAdapter {
    /// The absolute settings path for a scope, or nil when the agent has no such scope.
    public func settingsFile(scope: InstallScope, host: HookHost) -> String? {
        guard let rel = settingsPath(scope: scope), let base = host.base(scope) else { return nil }
        return base + "/" + rel
    }

    /// The change that installs wow-guard's hook entries (idempotent: an up-to-date install is a no-op).
    public func install(scope: InstallScope, host: HookHost, binary: String) throws(SettingsError) -> [Change] {
        guard let path = settingsFile(scope: scope, host: host) else {
            throw SettingsError(description: "\(displayName) has no \(scope.rawValue)-level hook settings that wow-guard can install into")
        }
        let before = try SettingsFile.read(path)
        let cmd = command(scope: scope, binary: binary)
        let entries = registrations.map { ($0.event, entry($0, command: cmd)) }
        var text: String
        var notes: [String] = []
        if let before, !before.trimmingWhitespace().isEmpty {
            text = SettingsFile.removingOurs(from: before)
            for (event, e) in entries { text = SettingsFile.appending(e, toArray: ["hooks", event], in: text) }
        } else {
            var root = JSONValue.object(newFileFields)
            var hooks = JSONValue.object([])
            for (event, e) in entries { hooks.set(event, .array((hooks[event]?.array ?? []) + [e])) }
            root.set("hooks", hooks)
            text = root.serialized(indent: 2) + "\n"
        }
        for edit in extraInstallEdits(host: host) {
            text = SettingsFile.setting(edit.value, at: edit.path, in: text)
            notes.append(edit.note)
        }
        // Nothing changes when the same entries are already there (only possibly reordered).
        if let before, SettingsFile.normalized(before) == SettingsFile.normalized(text) { text = before }
        return [Change(path: path, before: before, after: text, notes: notes)]
    }

    /// The change that removes exactly wow-guard's entries; an emptied file is removed.
    public func uninstall(scope: InstallScope, host: HookHost) throws(SettingsError) -> [Change] {
        guard let path = settingsFile(scope: scope, host: host), let before = try SettingsFile.read(path) else { return [] }
        let text = SettingsFile.removingOurs(from: before)
        guard text != before else { return [Change(path: path, before: before, after: before, notes: [])] }
        // A file left with nothing but what a new file of ours starts with goes away.
        let remaining = (try? JSONValue.parse(text)) ?? .object([])
        var stub = JSONValue.object([])
        for (k, v) in newFileFields where remaining[k] == v { stub.set(k, v) }
        return [Change(path: path, before: before, after: remaining == stub ? nil : text, notes: [])]
    }

    /// The hook commands configured in this agent's settings (both scopes), for `doctor`.
    public func configuredHooks(host: HookHost) -> [ConfiguredHook] {
        var out: [ConfiguredHook] = []
        for scope in InstallScope.allCases {
            guard let path = settingsFile(scope: scope, host: host), let text = (try? SettingsFile.read(path)) ?? nil,
                  let json = try? JSONValue.parse(text), case .object(let events)? = json["hooks"] else { continue }
            for (event, list) in events {
                for item in list.array ?? [] {
                    for c in SettingsFile.commands(in: item) { out.append(ConfiguredHook(agent: kind, settingsFile: path, event: event, command: c)) }
                }
            }
        }
        return out
    }
}

extension ConfiguredHook {
    public var isWowGuard: Bool { SettingsFile.isOurCommand(command) }

    /// Whether the command's program would be found when the agent runs it: on PATH, or a path
    /// (`"$CLAUDE_PROJECT_DIR"/bin/wow-guard` expanded with the project root).
    public func resolves(host: HookHost, projectDir: String?) -> Bool {
        var words = ConfiguredHook.words(command)
        while let w = words.first, w.contains("="), !w.hasPrefix("/"), !w.hasPrefix("$") { words.removeFirst() }
        guard var program = words.first else { return false }
        for v in ["$CLAUDE_PROJECT_DIR", "${CLAUDE_PROJECT_DIR}", "$GEMINI_PROJECT_DIR", "${GEMINI_PROJECT_DIR}"] where program.hasPrefix(v) {
            guard let projectDir else { return false }
            program = projectDir + program.dropFirst(v.count)
        }
        if program.hasPrefix("~/"), let home = host.home { program = home + program.dropFirst(1) }
        if program.contains("/") {
            let abs = program.hasPrefix("/") ? program : (projectDir ?? host.cwd) + "/" + program
            return Posix.isExecutableFile(abs)
        }
        return host.which(program) != nil
    }
}

extension ConfiguredHook {
    /// Shell words of a simple command line (quotes removed; enough to find the program).
    static func words(_ line: String) -> [String] {
        var out: [String] = []
        var cur = ""
        var quote: Character?
        var any = false
        for ch in line {
            if let q = quote {
                if ch == q { quote = nil } else { cur.append(ch) }
            } else if ch == "'" || ch == "\"" {
                quote = ch
                any = true
            } else if ch == " " || ch == "\t" {
                if any || !cur.isEmpty { out.append(cur) }
                cur = ""
                any = false
            } else if ch == ";" || ch == "|" || ch == "&" {
                break
            } else {
                cur.append(ch)
            }
        }
        if any || !cur.isEmpty { out.append(cur) }
        return out
    }
}

/// Edits of agents' JSON settings as text: entries are appended and removed in place, so that
/// everything else in the file (other hooks, formatting, key order) stays byte for byte.
enum SettingsFile {
    static func read(_ path: String) throws(SettingsError) -> String? {
        let text: String?
        do { text = try Posix.readText(path) } catch { throw SettingsError(description: error.description) }
        guard let text, !text.trimmingWhitespace().isEmpty else { return text }
        do {
            let v = try JSONValue.parse(text)
            guard v.isObject else { throw SettingsError(description: "\(path) is not a JSON object; fix it by hand first (nothing was changed)") }
        } catch let e as JSONValue.ParseError {
            throw SettingsError(description: "\(path): \(e.description); fix it by hand first (nothing was changed)")
        } catch let e as SettingsError { throw e } catch { throw SettingsError(description: "\(path): \(error)") }
        return text
    }

    static func isOurCommand(_ c: String) -> Bool {
        // `wow-guard hook …`, `/path/to/wow-guard hook`, `"$CLAUDE_PROJECT_DIR"/bin/wow-guard hook`.
        let words = ConfiguredHook.words(c)
        guard let i = words.firstIndex(where: { $0 == "wow-guard" || $0.hasSuffix("/wow-guard") }) else { return false }
        return words.count > i + 1 && words[i + 1] == "hook"
    }

    /// Commands of one settings entry: `command` (Claude-style groups nest them under `hooks`),
    /// Copilot's `bash` / `powershell`.
    static func commands(in entry: JSONValue) -> [String] {
        var out: [String] = []
        for key in ["command", "bash", "powershell"] { if let c = entry[key]?.string { out.append(c) } }
        for inner in entry["hooks"]?.array ?? [] { out += commands(in: inner) }
        return out
    }

    static func isOurs(_ entry: JSONValue) -> Bool {
        let cs = commands(in: entry)
        return !cs.isEmpty && cs.allSatisfy(isOurCommand)
    }

    static func normalized(_ text: String) -> JSONValue? { try? JSONValue.parse(text) }

    // MARK: - Text edits

    /// Removes every wow-guard entry (and any group, event list or `hooks` object left empty by it).
    static func removingOurs(from text: String) -> String {
        var t = text
        for _ in 0..<10_000 {
            guard let next = removingOneOfOurs(t) else { return t }
            t = next
        }
        return t
    }

    private static func removingOneOfOurs(_ text: String) -> String? {
        let s = Spans(text)
        guard let root = s.object(at: s.skip(0)), let hooksMember = root.members.first(where: { $0.key == "hooks" }),
              let hooks = s.object(at: hooksMember.value) else { return nil }
        for (mi, event) in hooks.members.enumerated() {
            guard let list = s.array(at: event.value) else { continue }
            for (ei, element) in list.elements.enumerated() {
                guard let value = try? JSONValue.parse(s.text(element.start, element.end)) else { continue }
                if isOurs(value) {
                    if list.elements.count > 1 { return s.removing(ei, of: list) }
                    // The list would be empty: drop the event, and `hooks` when it was the last one.
                    if hooks.members.count > 1 { return s.removing(mi, of: hooks) }
                    return s.removing(root.members.firstIndex(where: { $0.key == "hooks" })!, of: root)
                }
                // A Claude-style group holding our command beside others: remove ours only.
                if let inner = s.object(at: element.start), let hm = inner.members.first(where: { $0.key == "hooks" }),
                   let innerList = s.array(at: hm.value), innerList.elements.count > 1 {
                    for (ii, h) in innerList.elements.enumerated() {
                        if let hv = try? JSONValue.parse(s.text(h.start, h.end)), isOurs(hv) { return s.removing(ii, of: innerList) }
                    }
                }
            }
        }
        return nil
    }

    /// Appends `value` to the array at `path` (creating the objects and the array as needed).
    static func appending(_ value: JSONValue, toArray path: [String], in text: String) -> String {
        insert(value, path: path, in: text, asArrayElement: true)
    }

    /// Sets `path` to `value` unless it already holds it (creating the objects as needed).
    static func setting(_ value: JSONValue, at path: [String], in text: String) -> String {
        insert(value, path: path, in: text, asArrayElement: false)
    }

    private static func insert(_ value: JSONValue, path: [String], in text: String, asArrayElement: Bool) -> String {
        let s = Spans(text)
        guard var container = s.object(at: s.skip(0)) else { return text }
        for (depth, key) in path.enumerated() {
            let last = depth == path.count - 1
            guard let member = container.members.first(where: { $0.key == key }) else {
                // Build what is missing from here down, as one new member.
                var v = asArrayElement ? JSONValue.array([value]) : value
                for k in path[(depth + 1)...].reversed() { v = .object([(k, v)]) }
                return s.inserting(member: key, value: v, into: container)
            }
            if last {
                if asArrayElement, let arr = s.array(at: member.value) { return s.inserting(element: value, into: arr) }
                if !asArrayElement {
                    if let existing = try? JSONValue.parse(s.text(member.value, member.end)), existing == value { return text }
                    return s.replacing(member.value, member.end, with: value, indentOf: member.start)
                }
                return text
            }
            guard let next = s.object(at: member.value) else { return text }
            container = next
        }
        return text
    }
}

/// Byte spans of a (valid) JSON text's objects and arrays.
struct Spans {
    let b: [UInt8]
    init(_ text: String) { b = Array(text.utf8) }

    struct Member { var key: String; var start: Int; var value: Int; var end: Int }
    struct Element { var start: Int; var end: Int }
    struct Container { var open: Int; var close: Int; var members: [Member]; var elements: [Element]
        var spans: [Element] { members.isEmpty ? elements : members.map { Element(start: $0.start, end: $0.end) } }
    }

    func text(_ from: Int, _ to: Int) -> String { String(decoding: b[from..<to], as: UTF8.self) }

    func skip(_ i: Int) -> Int {
        var i = i
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        return i
    }

    /// End (exclusive) of the value starting at `i`.
    func end(_ i: Int) -> Int {
        guard i < b.count else { return i }
        switch b[i] {
        case UInt8(ascii: "\""):
            var j = i + 1
            while j < b.count, b[j] != UInt8(ascii: "\"") { j += b[j] == UInt8(ascii: "\\") ? 2 : 1 }
            return min(j + 1, b.count)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var j = i
            while j < b.count {
                let c = b[j]
                if c == UInt8(ascii: "\"") { j = end(j); continue }
                if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") { depth += 1 }
                if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") { depth -= 1; if depth == 0 { return j + 1 } }
                j += 1
            }
            return j
        default:
            var j = i
            while j < b.count, !",}] \n\r\t".utf8.contains(b[j]) { j += 1 }
            return j
        }
    }

    func object(at i: Int) -> Container? {
        guard i < b.count, b[i] == UInt8(ascii: "{") else { return nil }
        var members: [Member] = []
        var j = skip(i + 1)
        while j < b.count, b[j] != UInt8(ascii: "}") {
            let keyEnd = end(j)
            let key = text(j + 1, keyEnd - 1)
            let v = skip(skip(keyEnd) + 1)
            let e = end(v)
            members.append(Member(key: key, start: j, value: v, end: e))
            j = skip(e)
            if j < b.count, b[j] == UInt8(ascii: ",") { j = skip(j + 1) }
        }
        return Container(open: i, close: j, members: members, elements: [])
    }

    func array(at i: Int) -> Container? {
        guard i < b.count, b[i] == UInt8(ascii: "[") else { return nil }
        var elements: [Element] = []
        var j = skip(i + 1)
        while j < b.count, b[j] != UInt8(ascii: "]") {
            let e = end(j)
            elements.append(Element(start: j, end: e))
            j = skip(e)
            if j < b.count, b[j] == UInt8(ascii: ",") { j = skip(j + 1) }
        }
        return Container(open: i, close: j, members: [], elements: elements)
    }

    func splice(_ from: Int, _ to: Int, _ with: String) -> String {
        text(0, from) + with + text(to, b.count)
    }

    /// Leading whitespace of the line holding byte `i`.
    func lineIndent(_ i: Int) -> String {
        var start = i
        while start > 0, b[start - 1] != 0x0A { start -= 1 }
        var e = start
        while e < b.count, b[e] == 0x20 || b[e] == 0x09 { e += 1 }
        return text(start, e)
    }

    /// The whitespace right before byte `i` (back to the previous non-blank byte).
    func whitespace(before i: Int) -> String {
        var s = i
        while s > 0, [0x20, 0x0A, 0x0D, 0x09].contains(b[s - 1]) { s -= 1 }
        return text(s, i)
    }

    func serialized(_ v: JSONValue, indent: String) -> String {
        v.serialized(indent: 2).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent)
    }

    func inserting(piece: (String) -> String, into c: Container) -> String {
        let spans = c.spans
        guard let last = spans.last else {
            let outer = lineIndent(c.open)
            let inner = outer + "  "
            return splice(c.open + 1, c.close, "\n" + inner + piece(inner) + "\n" + outer)
        }
        let ws = whitespace(before: last.start)
        let indent = ws.contains("\n") ? String(ws[ws.index(after: ws.lastIndex(of: "\n")!)...]) : lineIndent(last.start)
        return splice(last.end, last.end, "," + (ws.isEmpty ? " " : ws) + piece(indent))
    }

    func inserting(member key: String, value: JSONValue, into c: Container) -> String {
        inserting(piece: { indent in JSONValue.string(key).serialized() + ": " + serialized(value, indent: indent) }, into: c)
    }

    func inserting(element value: JSONValue, into c: Container) -> String {
        inserting(piece: { indent in serialized(value, indent: indent) }, into: c)
    }

    func replacing(_ from: Int, _ to: Int, with value: JSONValue, indentOf i: Int) -> String {
        splice(from, to, serialized(value, indent: lineIndent(i)))
    }

    /// Removes the i-th member or element with exactly the separator an append added.
    func removing(_ i: Int, of c: Container) -> String {
        let spans = c.spans
        if spans.count == 1 { return splice(c.open + 1, c.close, "") }
        if i > 0 { return splice(spans[i - 1].end, spans[i].end, "") }
        return splice(spans[0].start, spans[1].start, "")
    }
}
