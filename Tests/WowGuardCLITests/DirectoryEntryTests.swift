import Foundation
import XCTest
import WowGuardSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `Posix.entryName` reads a directory entry's name where the kernel put it. The copy it replaced
/// read 256 bytes from every entry and ran past readdir's buffer at its last entry (found by
/// AddressSanitizer in `make sanitize`); under ASan this test fails with the old code, and in every
/// build it checks that names of every length come back whole.
final class DirectoryEntryTests: XCTestCase {
    func testEveryNameLengthIsReadWholeUpToTheLastEntry() throws {
        let dir = try TempDir()
        // Names of 1 to 255 bytes, the last ones long, so that some entry ends a buffer.
        var expected: Set<String> = []
        for n in 1...255 {
            let name = String(repeating: "abcdefghij", count: 26).prefix(n - 1) + String(n % 10)
            expected.insert(String(name))
            XCTAssertTrue(FileManager.default.createFile(atPath: dir.url.appendingPathComponent(String(name)).path, contents: nil))
        }
        let d = try XCTUnwrap(opendir(dir.url.path))
        defer { closedir(d) }
        var seen: Set<String> = []
        while let e = readdir(d) {
            let name = Posix.entryName(e)
            if name != "." && name != ".." { seen.insert(name) }
        }
        XCTAssertEqual(seen, expected)
    }
}
