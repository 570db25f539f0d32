import CLibgit2

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
