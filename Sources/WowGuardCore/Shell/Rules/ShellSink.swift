/// The narrow interface rule packs report through: a rule and the text it is about. Packs that
/// need nothing else from the analysis take only this.
struct ShellSink {
    private(set) var verdicts: [Verdict] = []
    private var seen: Set<String> = []

    mutating func report(_ rule: ShellRule, _ subject: String) {
        let s = ShText.display(subject)
        guard seen.insert(rule.id + "\u{0}" + s).inserted else { return }
        verdicts.append(rule.verdict(s))
    }

    /// Verdicts of another analyzer (PowerShell), once per rule and subject.
    mutating func append(_ more: [Verdict]) {
        for v in more where seen.insert(v.ruleID + "\u{0}" + v.subject).inserted { verdicts.append(v) }
    }
}
