import CLibgit2
import WowGuardSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Repository {
    /// The files git knows in the work tree, relative to its root: tracked files (from the index)
    /// plus untracked files that `.gitignore` does not exclude. Submodules and symbolic links are
    /// left out (they hold no text of this repository). Only paths under `prefix` (a work-tree
    /// relative directory, "" for all) are returned.
    public func workTreeFiles(under prefix: String) throws(GitError) -> [String] {
        let dirPrefix = prefix.isEmpty || prefix.hasSuffix("/") ? prefix : prefix + "/"
        var out: [String] = []
        var seen = Set<String>()
        func add(_ p: String) {
            if (dirPrefix.isEmpty || p.hasPrefix(dirPrefix)) && seen.insert(p).inserted { out.append(p) }
        }
        var idx: OpaquePointer?
        try check(git_repository_index(&idx, repo), "cannot read the index")
        defer { git_index_free(idx) }
        let count = git_index_entrycount(idx)
        for i in 0..<count {
            guard let e = git_index_get_byindex(idx, i)?.pointee, let path = e.path else { continue }
            let mode = e.mode & 0o170000
            if mode == 0o160000 || mode == 0o120000 { continue }
            add(String(cString: path))
        }
        var opts = git_status_options()
        try check(git_status_options_init(&opts, UInt32(GIT_STATUS_OPTIONS_VERSION)), "status options")
        opts.show = GIT_STATUS_SHOW_WORKDIR_ONLY
        opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue
        var list: OpaquePointer?
        try check(git_status_list_new(&list, repo, &opts), "cannot list untracked files")
        defer { git_status_list_free(list) }
        for i in 0..<git_status_list_entrycount(list) {
            guard let entry = git_status_byindex(list, i)?.pointee, entry.status.rawValue & GIT_STATUS_WT_NEW.rawValue != 0,
                  let delta = entry.index_to_workdir?.pointee, let path = delta.new_file.path else { continue }
            add(String(cString: path))
        }
        return out
    }
}

extension Repository {
    /// Directories below `prefix` (work-tree relative) that git would look into but that cannot be
    /// listed, with the reason. libgit2's status walk passes over them silently, so a scan would
    /// look complete when it is not. Ignored directories, `.git` and nested repositories are skipped.
    public func unreadableDirectories(under prefix: String) -> [(path: String, reason: String)] {
        guard let workdir else { return [] }
        let root = workdir.hasSuffix("/") ? String(workdir.dropLast()) : workdir
        var out: [(String, String)] = []
        var stack = [prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix]
        while let rel = stack.popLast() {
            let full = rel.isEmpty ? root : root + "/" + rel
            guard let d = opendir(full) else {
                out.append((rel + "/", String(cString: strerror(errno))))
                continue
            }
            var subdirs: [String] = []
            while let e = readdir(d) {
                let name = Posix.entryName(e)
                if name == "." || name == ".." || name == ".git" { continue }
                var isDir = e.pointee.d_type == UInt8(DT_DIR)
                if e.pointee.d_type == UInt8(DT_UNKNOWN) {
                    var st = stat()
                    isDir = lstat(full + "/" + name, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
                }
                if isDir { subdirs.append(rel.isEmpty ? name : rel + "/" + name) }
            }
            closedir(d)
            for sub in subdirs {
                var ignored: Int32 = 0
                if git_ignore_path_is_ignored(&ignored, repo, sub + "/") == 0 && ignored == 1 { continue }
                if access(root + "/" + sub + "/.git", F_OK) == 0 { continue }
                stack.append(sub)
            }
        }
        return out.sorted { $0.0 < $1.0 }
    }
}
