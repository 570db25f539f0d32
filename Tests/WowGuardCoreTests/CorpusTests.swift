import Foundation
import XCTest
import WowGuardCore

/// Scans a freshly generated corpus of realistic files (≥ 1,000 planted secrets in ≥ 10 formats, plus
/// hard negatives in the same files) and measures recall and precision of the full rule catalog.
///
/// Values are random on every run. To reproduce a run, set `WOWGUARD_CORPUS_SEED` (any number or text);
/// to look at the files, set `WOWGUARD_CORPUS_DUMP=/some/dir` (writes the files and PLANTED.tsv); to list
/// every miss and false positive, set `WOWGUARD_CORPUS_VERBOSE=1`.
final class CorpusTests: XCTestCase {
    static let minimumRecall = 0.97
    static let minimumPrecision = 0.97

    struct Evaluation {
        var files = 0
        var planted = 0
        var found = 0
        var findings = 0
        var truePositiveFindings = 0
        var plantedByKind: [SecretKind: Int] = [:]
        var missesByKind: [SecretKind: [(PlantedSecret, String)]] = [:]
        var plantedByFormat: [String: Int] = [:]
        var foundByFormat: [String: Int] = [:]
        var falsePositives: [(Finding, String)] = []
        /// Provider secrets found, but only by generic rules (the specific rule missed them).
        var genericOnlyByKind: [SecretKind: Int] = [:]

        var recall: Double { planted == 0 ? 0 : Double(found) / Double(planted) }
        var precision: Double { findings == 0 ? 0 : Double(truePositiveFindings) / Double(findings) }
    }

    static func evaluate(_ corpus: Corpus, with scanner: SecretScanner) -> Evaluation {
        var e = Evaluation()
        e.files = corpus.files.count
        let genericRules = Set(RuleRegistry.all.filter(\.generic).map(\.id))
        for file in corpus.files {
            let findings = scanner.scan(file.text, path: file.path)
            e.findings += findings.count
            for p in file.planted {
                e.planted += 1
                e.plantedByKind[p.kind, default: 0] += 1
                e.plantedByFormat[file.format, default: 0] += 1
                let covering = findings.filter { $0.path == p.path && $0.line <= p.line && p.line <= $0.endLine }
                if !covering.isEmpty {
                    e.found += 1
                    e.foundByFormat[file.format, default: 0] += 1
                    if p.kind.selfIdentifying && covering.allSatisfy({ genericRules.contains($0.ruleID) }) {
                        e.genericOnlyByKind[p.kind, default: 0] += 1
                    }
                } else {
                    e.missesByKind[p.kind, default: []].append((p, file.lines[p.line - 1]))
                }
            }
            for f in findings {
                if file.planted.contains(where: { f.line <= $0.span.upperBound && $0.span.lowerBound <= f.endLine }) {
                    e.truePositiveFindings += 1
                } else {
                    e.falsePositives.append((f, file.lines[f.line - 1]))
                }
            }
        }
        return e
    }

    /// The line with `secret` (its first line, for multi-line secrets) redacted, trimmed and clipped.
    static func redacted(_ line: String, _ secret: String) -> String {
        var l = line
        let first = secret.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? secret
        if !first.isEmpty { l = l.replacingOccurrences(of: first, with: Redaction.redact(first)) }
        l = l.trimmingCharacters(in: .whitespaces)
        return l.count > 150 ? String(l.prefix(150)) + "…" : l
    }

    /// Every miss and false positive (WOWGUARD_CORPUS_VERBOSE=1).
    static func details(_ e: Evaluation) -> String {
        var out: [String] = []
        for (kind, misses) in e.missesByKind.sorted(by: { $0.key < $1.key }) {
            for (p, line) in misses {
                let pf = Placeholders.isPlaceholder(p.secret) ? " [placeholder-filtered]" : ""
                out.append("MISS \(kind.rawValue) \(p.path):\(p.line):\(pf) \(redacted(line, p.secret))")
            }
        }
        for (f, line) in e.falsePositives { out.append("FP \(f.ruleID) \(f.path):\(f.line): \(redacted(line, f.secret))") }
        return out.joined(separator: "\n")
    }

    static func report(_ e: Evaluation, corpus: Corpus, seed: UInt64?, generation: Double, scan: Double) -> String {
        func f3(_ x: Double) -> String { String(format: "%.3f", x) }
        let summary = "corpus: \(e.planted) secrets in \(e.files) files (\(corpus.formats.count) formats): recall \(f3(e.recall)), precision \(f3(e.precision))"
        var out: [String] = []
        out.append(summary)
        out.append("  values: \(seed.map { "WOWGUARD_CORPUS_SEED=\($0)" } ?? "fresh random values"); \(e.findings) findings, "
                   + "\(e.falsePositives.count) false positives; generated in \(String(format: "%.2f", generation)) s, scanned in \(String(format: "%.2f", scan)) s")
        let formats = corpus.formats.sorted().map { fmt in
            let p = e.plantedByFormat[fmt] ?? 0
            return p == 0 ? "\(fmt) -" : "\(fmt) \(e.foundByFormat[fmt] ?? 0)/\(p)"
        }
        out.append("  found by format: " + formats.joined(separator: ", "))
        if e.genericOnlyByKind.isEmpty {
            out.append("  provider secrets found only by generic rules: none")
        } else {
            out.append("  provider secrets found only by generic rules: " + e.genericOnlyByKind.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
                .map { "\($0.key.rawValue) \($0.value)/\(e.plantedByKind[$0.key] ?? 0)" }.joined(separator: ", "))
        }
        let missed = e.missesByKind.sorted { $0.value.count > $1.value.count || ($0.value.count == $1.value.count && $0.key < $1.key) }
        if missed.isEmpty {
            out.append("  misses: none")
        } else {
            // Diagnostic only: random values that happen to contain a placeholder fragment ("tbd", "none", …)
            // are dropped by the shared placeholder filter before any rule-specific check.
            let filtered = e.missesByKind.values.joined().filter { Placeholders.isPlaceholder($0.0.secret) }.count
            out.append("  misses by kind (missed/planted, one example; \(filtered) of \(e.planted - e.found) misses trip Placeholders.isPlaceholder):")
            for (kind, misses) in missed {
                let (p, line) = misses[0]
                let pf = misses.filter { Placeholders.isPlaceholder($0.0.secret) }.count
                out.append("    \(kind.rawValue.padding(toLength: 32, withPad: " ", startingAt: 0)) \(misses.count)/\(e.plantedByKind[kind] ?? 0)"
                           + (pf > 0 ? " [\(pf) placeholder-filtered]" : "") + "  \(p.path):\(p.line): \(redacted(line, p.secret))")
            }
        }
        if e.falsePositives.isEmpty {
            out.append("  false positives: none")
        } else {
            var byRule: [String: Int] = [:]
            for (f, _) in e.falsePositives { byRule[f.ruleID, default: 0] += 1 }
            out.append("  false positives by rule: " + byRule.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
                .map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            // Up to 20 examples, spread over rules (round-robin) so one noisy rule does not hide the others.
            var queues: [String: [(Finding, String)]] = [:]
            for fp in e.falsePositives { queues[fp.0.ruleID, default: []].append(fp) }
            var examples: [(Finding, String)] = []
            let rules = queues.keys.sorted()
            var round = 0
            while examples.count < 20 && rules.contains(where: { (queues[$0]?.count ?? 0) > round }) {
                for rule in rules where examples.count < 20 {
                    if let q = queues[rule], q.count > round { examples.append(q[round]) }
                }
                round += 1
            }
            out.append("  false-positive examples:")
            for (f, line) in examples {
                out.append("    \(f.ruleID) \(f.path):\(f.line): \(redacted(line, f.secret))")
            }
        }
        out.append(summary)
        return out.joined(separator: "\n")
    }

    func testScannerRecallAndPrecisionOnGeneratedCorpus() throws {
        var rng = CorpusRNG.fromEnvironment()
        let t0 = Date()
        let corpus = CorpusGenerator.generate(using: &rng)
        let generation = Date().timeIntervalSince(t0)
        if let dir = ProcessInfo.processInfo.environment["WOWGUARD_CORPUS_DUMP"], !dir.isEmpty {
            try CorpusGenerator.write(corpus, to: dir)
        }

        let scanner = SecretScanner(rules: RuleRegistry.all, jit: true)
        let t1 = Date()
        let e = Self.evaluate(corpus, with: scanner)
        let scan = Date().timeIntervalSince(t1)

        if ProcessInfo.processInfo.environment["WOWGUARD_CORPUS_VERBOSE"] != nil { print(Self.details(e)) }
        print(Self.report(e, corpus: corpus, seed: rng.seed, generation: generation, scan: scan))

        XCTAssertGreaterThanOrEqual(e.planted, 1000)
        XCTAssertGreaterThanOrEqual(corpus.formats.count, 10)
        XCTAssertGreaterThanOrEqual(e.recall, Self.minimumRecall,
                                    "recall \(e.recall) below \(Self.minimumRecall): \(e.planted - e.found) of \(e.planted) planted secrets missed")
        XCTAssertGreaterThanOrEqual(e.precision, Self.minimumPrecision,
                                    "precision \(e.precision) below \(Self.minimumPrecision): \(e.falsePositives.count) of \(e.findings) findings are false positives")
    }

    /// The same corpus at the default blocking level of the hooks (`Config.defaultBlock`): what a
    /// commit or an agent write would be blocked on must keep the same recall and precision.
    func testGeneratedCorpusAtDefaultBlockingLevel() {
        var rng = CorpusRNG.fromEnvironment()
        let corpus = CorpusGenerator.generate(using: &rng)
        let scanner = SecretScanner(rules: RuleRegistry.all, jit: true, minimumConfidence: Config.defaultBlock)
        let e = Self.evaluate(corpus, with: scanner)
        print("corpus at >= \(Config.defaultBlock.rawValue): recall \(e.recall), precision \(e.precision)")
        if ProcessInfo.processInfo.environment["WOWGUARD_CORPUS_VERBOSE"] != nil { print(Self.details(e)) }
        XCTAssertGreaterThanOrEqual(e.recall, Self.minimumRecall, "recall at the blocking level: \(e.planted - e.found) of \(e.planted) missed")
        XCTAssertGreaterThanOrEqual(e.precision, Self.minimumPrecision, "precision at the blocking level: \(e.falsePositives.count) false positives")
    }

    /// The generator itself: enough secrets of every kind, in enough formats, each where it is recorded,
    /// in its real format (checksums, JWT headers, key lengths).
    func testGeneratedCorpusIsWellFormed() {
        var rng = CorpusRNG.fromEnvironment()
        let corpus = CorpusGenerator.generate(using: &rng)
        let planted = corpus.planted
        XCTAssertGreaterThanOrEqual(planted.count, 1000)
        XCTAssertGreaterThanOrEqual(corpus.formats.count, 10)
        XCTAssertEqual(Set(corpus.files.map(\.path)).count, corpus.files.count, "duplicate paths")

        var perKind: [SecretKind: Int] = [:]
        for p in planted { perKind[p.kind, default: 0] += 1 }
        for kind in SecretKind.allCases {
            XCTAssertGreaterThanOrEqual(perKind[kind] ?? 0, 10, "too few \(kind.rawValue)")
        }
        XCTAssertEqual(Set(planted.map(\.secret)).count, planted.count, "a secret value was planted twice")

        let files = Dictionary(uniqueKeysWithValues: corpus.files.map { ($0.path, $0) })
        for p in planted {
            guard let file = files[p.path] else { XCTFail("no file \(p.path)"); continue }
            XCTAssertTrue(p.span.contains(p.line) && p.span.upperBound <= file.lines.count, "\(p.path): bad span \(p.span)")
            XCTAssertTrue(file.lines[p.line - 1].contains(p.probe), "\(p.path):\(p.line) does not hold its \(p.kind.rawValue)")
            switch p.kind {
            case .githubClassic:
                XCTAssertTrue(Checksums.hasValidCRC32Suffix(p.secret, prefixLength: 4), p.secret)
            case .npm:
                XCTAssertTrue(Checksums.hasValidCRC32Suffix(p.secret, prefixLength: 4), p.secret)
            case .jwt:
                let header = p.secret.split(separator: ".").first.flatMap { Base64.decodeURL($0) }.map { String(decoding: $0, as: UTF8.self) }
                XCTAssertTrue(header?.hasPrefix("{\"alg\":") == true, "bad JWT header: \(header ?? "nil")")
            case .azureStorage:
                let key = p.secret.components(separatedBy: "AccountKey=").last?.components(separatedBy: ";").first ?? ""
                XCTAssertEqual(key.count, 88)
                XCTAssertEqual(Base64.decodeURL(key)?.count, 64)
            case .anthropic:
                XCTAssertEqual(p.secret.count, 108)
            case .privateKey, .gcpServiceAccount:
                XCTAssertTrue(p.secret.hasPrefix("-----BEGIN ") && p.secret.contains("PRIVATE KEY-----\n"))
            default:
                break
            }
        }
    }
}
