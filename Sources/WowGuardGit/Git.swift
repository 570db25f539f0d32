import CLibgit2
import WowGuardCore
import WowGuardSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A libgit2 failure, with libgit2's own message.
public struct GitError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    static func last(_ what: String, _ code: Int32) -> GitError {
        if let e = git_error_last(), let m = e.pointee.message {
            return GitError("\(what): \(String(cString: m))")
        }
        return GitError("\(what) failed (libgit2 error \(code))")
    }
}

@inline(__always) func check(_ code: Int32, _ what: @autoclosure () -> String) throws(GitError) {
    if code < 0 { throw GitError.last(what(), code) }
}

/// libgit2 is initialised once, and only by git commands (it costs ~3 ms: it loads the CA bundle).
enum Libgit2 {
    static let initialized: Bool = {
        git_libgit2_init()
        _ = wowguard_disable_strict_hash_verification()
        return true
    }()
}

func env(_ name: String) -> String? { Posix.env(name) }

func absolutePath(_ p: String, relativeTo base: String) -> String { Posix.absolute(p, relativeTo: base) }

func currentDirectory() -> String { Posix.cwd() }

/// An open repository. Honours what git tells a hook through the environment:
/// `GIT_DIR`, `GIT_WORK_TREE` and `GIT_INDEX_FILE` (the temporary index of `git commit -a` and
/// `git commit <path>`: reading `.git/index` there would scan the wrong content).
public final class Repository {
    let repo: OpaquePointer
    public let workdir: String?
    public let gitDir: String

    /// Opens the repository containing `path` (or the one named by `GIT_DIR`).
    public init(discoverFrom path: String = ".", useEnvironment: Bool = true) throws(GitError) {
        _ = Libgit2.initialized
        let cwd = currentDirectory()
        var r: OpaquePointer?
        if useEnvironment, let gitDir = env("GIT_DIR") {
            try check(git_repository_open(&r, absolutePath(gitDir, relativeTo: cwd)), "cannot open the repository at GIT_DIR=\(gitDir)")
            if let wt = env("GIT_WORK_TREE") {
                try check(git_repository_set_workdir(r, absolutePath(wt, relativeTo: cwd), 0), "cannot use GIT_WORK_TREE=\(wt)")
            }
        } else {
            let rc = git_repository_open_ext(&r, absolutePath(path, relativeTo: cwd), 0, nil)
            if rc == GIT_ENOTFOUND.rawValue { throw GitError("not a git repository (or any parent up to /): \(path)") }
            try check(rc, "cannot open the git repository at \(path)")
        }
        repo = r!
        // Objects git was told to keep elsewhere (GIT_OBJECT_DIRECTORY, GIT_ALTERNATE_OBJECT_DIRECTORIES):
        // a hook must see the blobs git is committing from there too (`wow-guard doctor` keeps its
        // canaries out of the repository this way).
        if useEnvironment {
            var odb: OpaquePointer?
            if git_repository_odb(&odb, repo) == 0, let odb {
                let dirs = ([env("GIT_OBJECT_DIRECTORY")] + (env("GIT_ALTERNATE_OBJECT_DIRECTORIES")?.split(separator: ":").map(String.init) ?? []))
                for d in dirs.compactMap({ $0 }) where !d.isEmpty { _ = git_odb_add_disk_alternate(odb, absolutePath(d, relativeTo: cwd)) }
                git_odb_free(odb)
            }
        }
        workdir = git_repository_workdir(repo).map { String(cString: $0) }
        gitDir = String(cString: git_repository_path(repo))
    }

    deinit { git_repository_free(repo) }

    public var isBare: Bool { git_repository_is_bare(repo) == 1 }

    /// The index being committed: `GIT_INDEX_FILE` when git set one, else the repository's.
    func index(useEnvironment: Bool) throws(GitError) -> OpaquePointer {
        var idx: OpaquePointer?
        if useEnvironment, let file = env("GIT_INDEX_FILE") {
            let path = absolutePath(file, relativeTo: currentDirectory())
            try check(git_index_open(&idx, path), "cannot open the index GIT_INDEX_FILE=\(file)")
            // A standalone index needs the repository to resolve objects.
            _ = git_index_read(idx, 1)
            return idx!
        }
        try check(git_repository_index(&idx, repo), "cannot read the index")
        return idx!
    }

    /// The tree of `spec` (e.g. `HEAD`), or nil when HEAD is unborn (first commit).
    func tree(_ spec: String) throws(GitError) -> OpaquePointer? {
        var obj: OpaquePointer?
        let rc = git_revparse_single(&obj, repo, spec + "^{tree}")
        if rc == GIT_ENOTFOUND.rawValue || rc == GIT_EUNBORNBRANCH.rawValue { return nil }
        try check(rc, "cannot resolve \(spec)")
        return obj
    }

    /// Added lines of the staged change (index against `HEAD^{tree}`; the empty tree when unborn).
    public func stagedChanges(useEnvironment: Bool = true, useCacheTree: Bool = true) throws(GitError) -> [ChangedFile] {
        let head = try tree("HEAD")
        defer { if let head { git_object_free(head) } }
        if useCacheTree, let head, let fast = try narrowedStagedChanges(head: head, useEnvironment: useEnvironment) { return fast }
        let idx = try index(useEnvironment: useEnvironment)
        defer { git_index_free(idx) }
        return try diff(head, idx, paths: nil)
    }

    /// The staged change found with the index's cache-tree, reading the index file directly (no
    /// libgit2 index: it hashes, validates and maps every entry); nil when that cannot be done
    /// (no cache-tree, conflicts, an index format this reader does not know).
    func narrowedStagedChanges(head: OpaquePointer, useEnvironment: Bool) throws(GitError) -> [ChangedFile]? {
        let file = useEnvironment ? env("GIT_INDEX_FILE").map { absolutePath($0, relativeTo: currentDirectory()) } : nil
        guard let index = CacheTree.readIndex(file ?? absolutePath("index", relativeTo: gitDir)),
              let paths = CacheTree.candidatePaths(index, head: head, repo: repo) else { return nil }
        if paths.isEmpty { return [] }
        guard let small = CacheTree.smallIndex(index, candidates: paths) else { return nil }
        defer { git_index_free(small) }
        // The diff looks up each file's `diff` attribute, which reads `.gitattributes` from the
        // work tree and else from the repository's index: loading that index (every entry hashed,
        // validated and mapped) was half of a pre-commit. The small index stands in for it.
        _ = git_repository_set_index(repo, small)
        return try diff(head, small, paths: paths)
    }

    /// Added lines of `idx` against `head`, limited to `paths` when given.
    func diff(_ head: OpaquePointer?, _ idx: OpaquePointer, paths: [String]?) throws(GitError) -> [ChangedFile] {
        var opts = git_diff_options()
        try check(git_diff_options_init(&opts, UInt32(GIT_DIFF_OPTIONS_VERSION)), "diff options")
        opts.context_lines = 0
        opts.interhunk_lines = 0
        var cStrings: [UnsafeMutablePointer<CChar>?] = (paths ?? []).map { strdup($0) }
        defer { for c in cStrings { free(c) } }
        var diff: OpaquePointer?
        let rc: Int32 = cStrings.withUnsafeMutableBufferPointer { buf in
            if paths != nil {
                opts.pathspec = git_strarray(strings: buf.baseAddress, count: buf.count)
                opts.flags |= GIT_DIFF_DISABLE_PATHSPEC_MATCH.rawValue
            }
            return git_diff_tree_to_index(&diff, repo, head, idx, &opts)
        }
        try check(rc, "cannot diff the index against HEAD")
        defer { git_diff_free(diff) }
        return try DiffReader.changedFiles(diff!, repo: repo)
    }

    /// The hooks directory git really uses: `core.hooksPath` (relative to the work tree root),
    /// else the common git directory's `hooks/` (shared by linked worktrees).
    public func hooksDirectory() throws(GitError) -> String {
        var cfg: OpaquePointer?
        if git_repository_config_snapshot(&cfg, repo) == 0, let cfg {
            defer { git_config_free(cfg) }
            var value: UnsafePointer<CChar>?
            if git_config_get_string(&value, cfg, "core.hooksPath") == 0, let value {
                var p = String(cString: value)
                if p.hasPrefix("~/"), let home = env("HOME") { p = home + String(p.dropFirst(1)) }
                return absolutePath(p, relativeTo: workdir ?? gitDir)
            }
        }
        let common = String(cString: git_repository_commondir(repo))
        return absolutePath("hooks", relativeTo: common)
    }
}

/// Reads added lines from a libgit2 diff, after rename/copy detection.
enum DiffReader {
    /// Largest blob loaded whole for context.
    static let contextLimit = 2 * 1024 * 1024

    /// Files whose format may hold executable code: known script formats, and extension-less
    /// files (a shebang decides).
    static func wantsContext(_ path: String) -> Bool {
        if ScriptExtractor.kind(path: path, firstLine: nil) != nil { return true }
        let name = path.split(separator: "/").last ?? Substring(path)
        return !name.contains(".")
    }

    /// - Parameter seenBlobs: when given, deltas whose `path@blob` is in it are skipped (history
    ///   scans read each blob once), and the others are added.
    static func changedFiles(_ diff: OpaquePointer, repo: OpaquePointer,
                             seenBlobs: UnsafeMutablePointer<Set<String>>? = nil) throws(GitError) -> [ChangedFile] {
        var find = git_diff_find_options()
        try check(git_diff_find_options_init(&find, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)), "find options")
        find.flags = GIT_DIFF_FIND_RENAMES.rawValue | GIT_DIFF_FIND_COPIES.rawValue
        try check(git_diff_find_similar(diff, &find), "rename detection")
        var files: [ChangedFile] = []
        let n = git_diff_num_deltas(diff)
        for i in 0..<n {
            guard let d = git_diff_get_delta(diff, i)?.pointee else { continue }
            switch d.status {
            case GIT_DELTA_DELETED, GIT_DELTA_UNMODIFIED, GIT_DELTA_IGNORED, GIT_DELTA_UNREADABLE: continue
            default: break
            }
            // Submodules and symlinks add no text (their "content" is a commit id or a link target).
            let mode = UInt32(d.new_file.mode)
            if mode == GIT_FILEMODE_COMMIT.rawValue || mode == GIT_FILEMODE_LINK.rawValue { continue }
            if let seenBlobs {
                var id = d.new_file.id
                let key = (d.new_file.path.map { String(cString: $0) } ?? "") + "@" + oidString(&id)
                if !seenBlobs.pointee.insert(key).inserted { continue }
            }
            var patch: OpaquePointer?
            guard git_patch_from_diff(&patch, diff, i) == 0, let patch else { continue }
            defer { git_patch_free(patch) }
            guard let delta = git_patch_get_delta(patch)?.pointee else { continue }
            if delta.flags & GIT_DIFF_FLAG_BINARY.rawValue != 0 { continue }
            let path = delta.new_file.path.map { String(cString: $0) } ?? ""
            var hunks: [AddedHunk] = []
            let hunkCount = git_patch_num_hunks(patch)
            for h in 0..<hunkCount {
                let lineCount = git_patch_num_lines_in_hunk(patch, h)
                var current: AddedHunk?
                for l in 0..<lineCount {
                    var linePtr: UnsafePointer<git_diff_line>?
                    guard git_patch_get_line_in_hunk(&linePtr, patch, h, Int(l)) == 0, let line = linePtr?.pointee else { continue }
                    guard line.origin == CChar(UInt8(ascii: "+")) else {
                        if let c = current { hunks.append(c); current = nil }
                        continue
                    }
                    // Strip the line ending on bytes ("\r\n" is one Character in Swift).
                    var len = line.content_len
                    let text = line.content.map {
                        $0.withMemoryRebound(to: UInt8.self, capacity: len) { p -> String in
                            while len > 0 && (p[len - 1] == 0x0A || p[len - 1] == 0x0D) { len -= 1 }
                            return String(decoding: UnsafeBufferPointer(start: p, count: len), as: UTF8.self)
                        }
                    } ?? ""
                    let no = Int(line.new_lineno)
                    if var c = current, c.startLine + c.lines.count == no {
                        c.lines.append(text)
                        current = c
                    } else {
                        if let c = current { hunks.append(c) }
                        current = AddedHunk(startLine: no, lines: [text])
                    }
                }
                if let c = current { hunks.append(c) }
            }
            if !hunks.isEmpty {
                // Script formats need the whole new text to parse multi-line constructs.
                var newText: String?
                if wantsContext(path) {
                    var blob: OpaquePointer?
                    var id = delta.new_file.id
                    if git_blob_lookup(&blob, repo, &id) == 0, let blob {
                        let size = Int(git_blob_rawsize(blob))
                        if size <= contextLimit, let raw = git_blob_rawcontent(blob) {
                            newText = String(decoding: UnsafeRawBufferPointer(start: raw, count: size), as: UTF8.self)
                        }
                        git_blob_free(blob)
                    }
                }
                files.append(ChangedFile(path: path, hunks: hunks, newText: newText))
            }
        }
        return files
    }
}
