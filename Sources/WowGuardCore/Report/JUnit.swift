extension Report {
    /// JUnit XML (the format CI systems show as test results): one test case per finding, failed;
    /// a clean scan is one passing case; an incomplete scan adds one case in error.
    public static func junit(_ findings: [Finding], stats: ScanStats) -> String {
        var cases: [String] = []
        for f in findings {
            var text = "\(f.path):\(f.line):\(f.column): \(f.description)\nrule: \(f.ruleID)\nseverity: \(f.severity.rawValue)\n"
                + "fingerprint: \(f.fingerprint)\nmatch: \(f.redactedSecret)"
            if let c = f.commit { text += "\ncommit: \(c)" + (f.author.map { "\nauthor: \($0)" } ?? "") }
            cases.append("    <testcase classname=\"\(xml(f.path))\" name=\"\(xml("\(f.ruleID) at line \(f.line)"))\" time=\"0\">\n"
                + "      <failure message=\"\(xml(f.description))\" type=\"\(xml(f.ruleID))\">\(xml(text))</failure>\n"
                + "    </testcase>")
        }
        if findings.isEmpty {
            cases.append("    <testcase classname=\"wow-guard\" name=\"no findings\" time=\"0\"/>")
        }
        if stats.incomplete {
            cases.append("    <testcase classname=\"wow-guard\" name=\"every path readable\" time=\"0\">\n"
                + "      <error message=\"\(stats.unreadable.count) paths could not be read\" type=\"unreadable\">"
                + xml(stats.unreadable.joined(separator: "\n")) + "</error>\n    </testcase>")
        }
        let failures = findings.count
        let errors = stats.incomplete ? 1 : 0
        let seconds = "\(stats.durationMS / 1000).\(String(stats.durationMS % 1000 + 1000).dropFirst())"
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="wow-guard" tests="\(cases.count)" failures="\(failures)" errors="\(errors)" time="\(seconds)">
              <testsuite name="wow-guard scan" tests="\(cases.count)" failures="\(failures)" errors="\(errors)" skipped="0" time="\(seconds)">
            \(cases.joined(separator: "\n"))
              </testsuite>
            </testsuites>

            """
    }

    /// Escapes text for XML attributes and content; drops characters XML 1.0 cannot carry.
    static func xml(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t", "\r": out.unicodeScalars.append(u)
            default:
                let v = u.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { out += "?" } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}
