import WowGuardCore
import WowGuardSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Installs and removes the pre-commit hook in the hooks directory git really uses, chaining to
/// (and on removal restoring) a hook that was there before.
public enum HookInstaller {
    public static let previousSuffix = ".wow-guard-previous"

    public enum Outcome: Equatable, Sendable {
        case installed(path: String, keptPrevious: Bool)
        case updated(path: String)
        case removed(path: String, restoredPrevious: Bool)
        case notInstalled(path: String)
    }

    /// A line of the installed hook naming the directories `install` created, so that
    /// `uninstall` removes them again (when still empty) and leaves no trace.
    static let createdPrefix = "# wow-guard created: "

    public static func install(repository: Repository, binary: String) throws(GitError) -> Outcome {
        let dir = try repository.hooksDirectory()
        let created = try makeDirectories(dir)
        let hook = dir + "/pre-commit"
        let previous = hook + previousSuffix
        var script = HookScripts.preCommit.replacingOccurrences(of: HookScripts.binPlaceholder, with: binary)
        if let existing = read(hook) {
            if existing.contains(HookScripts.marker) {
                // Keep the record of directories an earlier install created.
                for line in existing.split(separator: "\n") where line.hasPrefix(createdPrefix) { script += line + "\n" }
                try write(hook, script)
                return .updated(path: hook)
            }
            if exists(previous) {
                throw GitError("\(hook) is not wow-guard's, and \(previous) already exists; move one of them away first")
            }
            guard rename(hook, previous) == 0 else { throw GitError("cannot keep the existing hook as \(previous): \(errorText())") }
            try write(hook, script)
            return .installed(path: hook, keptPrevious: true)
        }
        for d in created { script += createdPrefix + d + "\n" }
        try write(hook, script)
        return .installed(path: hook, keptPrevious: false)
    }

    public static func uninstall(repository: Repository) throws(GitError) -> Outcome {
        let dir = try repository.hooksDirectory()
        let hook = dir + "/pre-commit"
        let previous = hook + previousSuffix
        guard let existing = read(hook), existing.contains(HookScripts.marker) else { return .notInstalled(path: hook) }
        guard unlink(hook) == 0 else { throw GitError("cannot remove \(hook): \(errorText())") }
        if exists(previous) {
            guard rename(previous, hook) == 0 else { throw GitError("cannot restore \(previous): \(errorText())") }
            return .removed(path: hook, restoredPrevious: true)
        }
        // Directories install created, deepest first, while they are empty.
        let created = existing.split(separator: "\n").filter { $0.hasPrefix(createdPrefix) }.map { String($0.dropFirst(createdPrefix.count)) }
        for d in created.sorted(by: { $0.count > $1.count }) { _ = rmdir(d) }
        return .removed(path: hook, restoredPrevious: false)
    }

    static func errorText() -> String { Posix.errnoText() }

    static func exists(_ path: String) -> Bool { Posix.exists(path) }

    static func read(_ path: String) -> String? { (try? Posix.readText(path)) ?? nil }

    static func write(_ path: String, _ text: String) throws(GitError) {
        do { try Posix.writeAtomically(path, text, mode: 0o755) } catch { throw GitError(error.description) }
    }

    /// Creates `path` and its missing parents; returns the directories it created.
    @discardableResult
    static func makeDirectories(_ path: String) throws(GitError) -> [String] {
        var current = ""
        var created: [String] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            current += "/" + part
            if mkdir(current, 0o755) == 0 { created.append(current) } else if errno != EEXIST {
                throw GitError("cannot create \(current): \(errorText())")
            }
        }
        return created
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        let parts = split(separator: target, omittingEmptySubsequences: false)
        return parts.joined(separator: replacement)
    }
}
