/// Namespace for rule families; each family lives in its own file under `Rules/`.
public enum RuleFamilies {}

/// The built-in rule catalog, family by family.
public enum RuleRegistry {
    public static let families: [(name: String, rules: [SecretRule])] = [
        ("private-keys", RuleFamilies.privateKeys),
        ("aws", RuleFamilies.aws),
        ("github", RuleFamilies.github),
        ("urls", RuleFamilies.urls),
        ("generic", RuleFamilies.generic),
    ]

    public static let all: [SecretRule] = families.flatMap(\.rules)
}
