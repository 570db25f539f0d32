import CLibgit2
import WowGuardCore

/// One commit of a history scan, with the files it changed.
public struct CommitChanges: Sendable {
    public var id: String
    public var author: String
    public var date: String
    public var files: [ChangedFile]
}

extension Repository {
    /// Walks commits newest first (`HEAD`, or every branch with `branches`), stopping at `since`
    /// (exclusive), and calls `body` with each commit's added lines against its first parent.
    /// A blob already scanned (same content at the same path) is not scanned again.
    public func walkHistory(since: String?, branches: Bool, _ body: (CommitChanges) -> Void) throws(GitError) {
        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, repo), "cannot start a history walk")
        defer { git_revwalk_free(walk) }
        git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue)
        if branches {
            try check(git_revwalk_push_glob(walk, "refs/heads/*"), "cannot list branches")
        } else {
            let rc = git_revwalk_push_head(walk)
            if rc == GIT_ENOTFOUND.rawValue || rc == GIT_EUNBORNBRANCH.rawValue { return }
            try check(rc, "cannot read HEAD")
        }
        if let since {
            var obj: OpaquePointer?
            try check(git_revparse_single(&obj, repo, since), "cannot resolve --since \(since)")
            defer { git_object_free(obj) }
            try check(git_revwalk_hide(walk, git_object_id(obj)), "cannot hide \(since)")
        }
        var seenBlobs = Set<String>()
        var oid = git_oid()
        while git_revwalk_next(&oid, walk) == 0 {
            var commit: OpaquePointer?
            try check(git_commit_lookup(&commit, repo, &oid), "cannot read a commit")
            defer { git_commit_free(commit) }
            var tree: OpaquePointer?
            try check(git_commit_tree(&tree, commit), "cannot read a commit's tree")
            defer { git_tree_free(tree) }
            var parentTrees: [OpaquePointer?] = []
            for p in 0..<git_commit_parentcount(commit) {
                var parent: OpaquePointer?
                var t: OpaquePointer?
                if git_commit_parent(&parent, commit, p) == 0 {
                    _ = git_commit_tree(&t, parent)
                    git_commit_free(parent)
                }
                parentTrees.append(t)
            }
            defer { for t in parentTrees { if let t { git_tree_free(t) } } }
            var opts = git_diff_options()
            try check(git_diff_options_init(&opts, UInt32(GIT_DIFF_OPTIONS_VERSION)), "diff options")
            opts.context_lines = 0
            var diff: OpaquePointer?
            try check(git_diff_tree_to_tree(&diff, repo, parentTrees.first ?? nil, tree, &opts), "cannot diff a commit")
            defer { git_diff_free(diff) }
            let files: [ChangedFile]
            if parentTrees.count > 1 {
                // A merge adds only what none of its parents had (a conflict resolution, an "evil"
                // merge). Content that came from a merged branch is reported at the branch commit that
                // added it, which the walk reaches later.
                files = try mergeChanges(diff!, tree: tree!, otherParents: Array(parentTrees.dropFirst()), options: &opts)
            } else {
                // A blob already scanned at the same path adds nothing new.
                files = try DiffReader.changedFiles(diff!, repo: repo, seenBlobs: &seenBlobs)
            }
            let author = git_commit_author(commit)!.pointee
            let name = author.name.map { String(cString: $0) } ?? ""
            let email = author.email.map { String(cString: $0) } ?? ""
            body(CommitChanges(id: oidString(git_commit_id(commit)!), author: "\(name) <\(email)>",
                               date: isoDate(author.when), files: files))
        }
    }
}

extension Repository {
    /// The added lines of a merge against its first parent, without files identical to another
    /// parent's version and without lines that another parent's version already has.
    func mergeChanges(_ firstDiff: OpaquePointer, tree: OpaquePointer, otherParents: [OpaquePointer?],
                      options: inout git_diff_options) throws(GitError) -> [ChangedFile] {
        // Paths that differ from each other parent (no patches built: deltas only).
        var differing: [Set<String>] = []
        for p in otherParents {
            var d: OpaquePointer?
            try check(git_diff_tree_to_tree(&d, repo, p, tree, &options), "cannot diff a merge")
            defer { git_diff_free(d) }
            var paths = Set<String>()
            for i in 0..<git_diff_num_deltas(d) {
                if let delta = git_diff_get_delta(d, i)?.pointee, let path = delta.new_file.path { paths.insert(String(cString: path)) }
            }
            differing.append(paths)
        }
        // Files equal to some other parent's version: skipped before their patches are built.
        var skip = Set<String>()
        for i in 0..<git_diff_num_deltas(firstDiff) {
            guard let delta = git_diff_get_delta(firstDiff, i)?.pointee, let cPath = delta.new_file.path else { continue }
            let path = String(cString: cPath)
            if differing.contains(where: { !$0.contains(path) }) {
                var id = delta.new_file.id
                skip.insert(path + "@" + oidString(&id))
            }
        }
        var out: [ChangedFile] = []
        for var file in try DiffReader.changedFiles(firstDiff, repo: repo, seenBlobs: &skip) {
            // Lines another parent's version of the file already has came from that parent.
            var known = Set<String>()
            for p in otherParents { known.formUnion(blobLines(p, path: file.path)) }
            var hunks: [AddedHunk] = []
            for h in file.hunks {
                var current: AddedHunk?
                for (k, line) in h.lines.enumerated() {
                    if known.contains(line) {
                        if let c = current { hunks.append(c); current = nil }
                    } else if var c = current {
                        c.lines.append(line)
                        current = c
                    } else {
                        current = AddedHunk(startLine: h.startLine + k, lines: [line])
                    }
                }
                if let c = current { hunks.append(c) }
            }
            file.hunks = hunks
            if !hunks.isEmpty { out.append(file) }
        }
        return out
    }

    /// The lines of the file at `path` in `tree` (empty when it has none).
    func blobLines(_ tree: OpaquePointer?, path: String) -> Set<String> {
        guard let tree else { return [] }
        var entry: OpaquePointer?
        guard git_tree_entry_bypath(&entry, tree, path) == 0, let entry else { return [] }
        defer { git_tree_entry_free(entry) }
        var blob: OpaquePointer?
        guard git_blob_lookup(&blob, repo, git_tree_entry_id(entry)) == 0, let blob else { return [] }
        defer { git_blob_free(blob) }
        guard let raw = git_blob_rawcontent(blob) else { return [] }
        let text = String(decoding: UnsafeRawBufferPointer(start: raw, count: Int(git_blob_rawsize(blob))), as: UTF8.self)
        var lines = Set<String>()
        for l in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.insert(l.hasSuffix("\r") ? String(l.dropLast()) : String(l))
        }
        return lines
    }
}

func oidString(_ oid: UnsafePointer<git_oid>) -> String {
    var buf = [CChar](repeating: 0, count: 41)
    git_oid_tostr(&buf, 41, oid)
    return String(cString: buf)
}

/// `git_time` (seconds + minutes offset) as ISO 8601 with the author's offset.
func isoDate(_ t: git_time) -> String {
    let offset = Int(t.offset)
    var secs = Int(t.time) + offset * 60
    let days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400
    secs -= days * 86400
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    var y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    if m <= 2 { y += 1 }
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    let sign = offset >= 0 ? "+" : "-"
    let ao = abs(offset)
    return "\(y)-\(two(m))-\(two(d))T\(two(secs / 3600)):\(two(secs % 3600 / 60)):\(two(secs % 60))\(sign)\(two(ao / 60)):\(two(ao % 60))"
}
