import XCTest
@testable import WowGuardCore

final class HostClassifierTests: XCTestCase {
    func testMetadataInEveryEncoding() {
        let metadata = [
            "169.254.169.254", "2852039166", "0xa9fea9fe", "0xA9FEA9FE", "0251.0376.0251.0376", "0xa9.0xfe.0xa9.0xfe",
            "169.254.43518", "169.16689662", "0251.254.169.254", "[::ffff:169.254.169.254]", "::ffff:a9fe:a9fe",
            "[::ffff:a9fe:a9fe]", "::ffff:0:169.254.169.254", "::169.254.169.254", "64:ff9b::169.254.169.254",
            "169.254.169.254.", "169.254.169.254..", "%31%36%39.254.169.254", "１６９．２５４．１６９．２５４", "169。254。169。254",
            "①⑥⑨.②⑤④.①⑥⑨.②⑤④", "metadata.google.internal", "METADATA.GOOGLE.INTERNAL.", "metadata", "metadata.goog",
            "instance-data", "instance-data.ec2.internal", "100.100.100.200", "169.254.170.2", "169.254.170.23",
            "fd00:ec2::254", "[fd00:ec2::254]", "fd00:ec2:0:0:0:0:0:254", "168.63.129.16", "192.0.0.192",
            "169.254.169.254.nip.io", "app.169.254.169.254.sslip.io", "169-254-169-254.nip.io", "a9fea9fe.nip.io",
        ]
        for h in metadata { XCTAssertEqual(HostClassifier.classify(h), .metadata, h) }
    }

    func testOtherClasses() {
        let cases: [(String, HostClass)] = [
            ("localhost", .loopback), ("LOCALHOST", .loopback), ("app.localhost", .loopback), ("127.0.0.1", .loopback),
            ("127.1", .loopback), ("2130706433", .loopback), ("0x7f000001", .loopback), ("017700000001", .loopback),
            ("::1", .loopback), ("[::1]", .loopback), ("::ffff:127.0.0.1", .loopback), ("localtest.me", .loopback),
            ("0.0.0.0", .unspecified), ("0", .unspecified), ("::", .unspecified), ("", .unspecified),
            ("10.1.2.3", .privateNetwork), ("172.16.0.1", .privateNetwork), ("172.31.255.255", .privateNetwork),
            ("192.168.1.1", .privateNetwork), ("100.64.0.1", .privateNetwork), ("fd12::1", .privateNetwork),
            ("printer.local", .privateNetwork), ("10.0.0.5.nip.io", .privateNetwork),
            ("169.254.1.1", .linkLocal), ("fe80::1", .linkLocal), ("[fe80::1%25eth0]", .linkLocal), ("169.254.169.253", .linkLocal),
            ("172.32.0.1", .publicHost), ("8.8.8.8", .publicHost), ("example.com", .publicHost), ("2001:db8::1", .publicHost),
            ("1e100.net", .publicHost), ("08.08.08.08", .publicHost), ("256.1.1.1", .publicHost), ("1.2.3.4.5", .publicHost),
            ("metadata.example.com", .publicHost), ("169.254.169.254.example.com", .publicHost),
        ]
        for (h, c) in cases { XCTAssertEqual(HostClassifier.classify(h), c, h) }
    }

    func testParsers() {
        XCTAssertEqual(HostClassifier.parseIPv4("1.2.3.4"), 0x0102_0304)
        XCTAssertEqual(HostClassifier.parseIPv4("0x7f.1"), 0x7F00_0001)
        XCTAssertNil(HostClassifier.parseIPv4("1.2.3.256"))
        XCTAssertNil(HostClassifier.parseIPv4("09.1.1.1"))
        XCTAssertNil(HostClassifier.parseIPv4("4294967296"))
        XCTAssertEqual(HostClassifier.parseIPv6("::1"), [0, 0, 0, 0, 0, 0, 0, 1])
        XCTAssertEqual(HostClassifier.parseIPv6("1::2:3"), [1, 0, 0, 0, 0, 0, 2, 3])
        XCTAssertNil(HostClassifier.parseIPv6("1::2::3"))
        XCTAssertNil(HostClassifier.parseIPv6("12345::1"))
    }

    func testURLHostCandidates() {
        XCTAssertEqual(ShURL.hosts(in: "http://x@169.254.169.254/"), ["169.254.169.254"])
        XCTAssertEqual(ShURL.hosts(in: "http://169.254.169.254:80@example.com/"), ["example.com"])
        XCTAssertTrue(ShURL.hosts(in: "http://169.254.169.254\\@evil.com/").contains("169.254.169.254"))
        XCTAssertEqual(ShURL.hosts(in: "https://[::ffff:a9fe:a9fe]:8080/x"), ["::ffff:a9fe:a9fe"])
        XCTAssertEqual(ShURL.hosts(in: "localhost:3000/health"), ["localhost"])
        XCTAssertEqual(ShURL.hosts(in: "http:/\\169.254.169.254/"), ["169.254.169.254"])
        XCTAssertEqual(ShURL.fileName("https://x.io/a/install.sh?v=1"), "install.sh")
        XCTAssertEqual(ShURL.fileName("https://x.io/"), "index.html")
    }
}
