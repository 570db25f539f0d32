/// docs/rule-catalog.md, generated from the rule catalog (`wow-guard generate-docs`; a test fails
/// when the file and the code drift apart). One heading per rule, so that SARIF `helpUri`s and
/// `wow-guard explain` can link to it. Examples are not listed (secret examples are token-shaped);
/// `wow-guard explain RULE` shows them redacted.
public enum RuleCatalogDoc {
    public static func markdown() -> String {
        var out = """
            # Rule catalog

            Every rule id wow-guard can report, generated from `RuleCatalog` by `wow-guard generate-docs`
            (a test fails when this file drifts from the code). `wow-guard rules --all` lists the same
            rules; `wow-guard explain RULE` shows one with its examples and how to fix or allow it;
            `[rules] disable = ["ID"]` in .wow-guard.toml switches one off.

            | kind | rules |
            | --- | --- |

            """
        for kind in RuleKind.allCases {
            let n = RuleCatalog.all.filter { $0.kind == kind }.count
            if n > 0 { out += "| \(kind.rawValue) | \(n) |\n" }
        }
        for kind in RuleKind.allCases {
            let entries = RuleCatalog.all.filter { $0.kind == kind }
            guard !entries.isEmpty else { continue }
            out += "\n## \(kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst()) rules\n"
            var family: String?
            for e in entries {
                if e.family != family {
                    family = e.family
                    out += "\n_Family: \(e.family)_\n"
                }
                var level: [String] = []
                if let d = e.decision { level.append("agent hook: \(d.rawValue)") }
                if let s = e.severity { level.append("severity: \(s.rawValue)") }
                out += "\n### \(e.id)\n\n\(e.description)" + (level.isEmpty ? "" : " (\(level.joined(separator: ", ")))") + "\n"
            }
        }
        return out
    }
}
