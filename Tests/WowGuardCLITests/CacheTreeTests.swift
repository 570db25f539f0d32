import Foundation
import XCTest
import WowGuardCore
@testable import WowGuardGit
import CLibgit2

/// Pre-commit's diff narrowed by the index's cache-tree gives exactly what the full diff gives.
final class CacheTreeTests: XCTestCase {
    func summary(_ files: [ChangedFile]) -> [String] {
        files.map { f in f.path + ":" + f.hunks.map { "\($0.startLine)+" + $0.lines.joined(separator: "|") }.joined(separator: ";") }.sorted()
    }

    func testNarrowedDiffEqualsTheFullDiff() throws {
        let repo = try GitRepo()
        for d in ["a", "a/b", "a/b/c", "d", "e/f"] {
            for k in 0..<3 { try repo.write("\(d)/file\(k).txt", "line one of \(d)/\(k)\nline two\n") }
        }
        try repo.write("top.txt", "top\n")
        _ = try repo.git("add", "-A")
        _ = try repo.git("commit", "-q", "-m", "base")
        let scenarios: [(String, () throws -> Void)] = [
            ("nothing staged", {}),
            ("deep edit", { try repo.write("a/b/c/file1.txt", "line one of a/b/c/1\nline two\nadded deep\n") }),
            ("new dir", { try repo.write("n/m/new.txt", "brand new\n") }),
            ("root file", { try repo.write("top.txt", "top\nmore\n"); try repo.write("root2.txt", "r2\n") }),
            ("delete", { try FileManager.default.removeItem(at: repo.url.appendingPathComponent("d/file0.txt")) }),
            ("rename", { _ = try repo.git("mv", "e/f/file2.txt", "a/renamed.txt"); try repo.write("a/renamed.txt", "line one of e/f/2\nline two\nplus\n") }),
            ("delete dir", { try FileManager.default.removeItem(at: repo.url.appendingPathComponent("a/b/c")) }),
            ("mode", { chmod(repo.url.appendingPathComponent("d/file1.txt").path, 0o755) }),
            ("index v4", { _ = try repo.git("update-index", "--index-version", "4"); try repo.write("e/f/file0.txt", "changed in v4\n"); try repo.write("a/b/new.txt", "new in v4\n") }),
            ("many dirs", { for k in 0..<5 { try repo.write("a/b/file\(k).txt", "rewritten \(k)\n") }; try repo.write("d/file2.txt", "x\n") }),
        ]
        for (name, change) in scenarios {
            try change()
            _ = try repo.git("add", "-A")
            let r = try Repository(discoverFrom: repo.url.path, useEnvironment: false)
            let fast = try r.stagedChanges(useEnvironment: false, useCacheTree: true)
            let full = try r.stagedChanges(useEnvironment: false, useCacheTree: false)
            XCTAssertEqual(summary(fast), summary(full), name)
            let head = try XCTUnwrap(try r.tree("HEAD"))
            XCTAssertNotNil(try r.narrowedStagedChanges(head: head, useEnvironment: false), "\(name): the narrowed diff ran")
            git_object_free(head)
            if name != "nothing staged" && name != "delete" && name != "delete dir" && name != "mode" { XCTAssertFalse(full.isEmpty, name) }
            _ = try repo.git("commit", "-q", "-m", name, "--allow-empty")
        }
    }
}
