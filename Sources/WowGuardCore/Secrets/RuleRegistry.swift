/// Namespace for rule families; each family lives in its own file under `Rules/`.
public enum RuleFamilies {}

/// The built-in rule catalog, family by family. Order matters only for ties: when two specific
/// rules match the same text, the one listed first wins.
public enum RuleRegistry {
    public static let families: [(name: String, rules: [SecretRule])] = [
        ("private-keys", RuleFamilies.privateKeys),
        ("aws", RuleFamilies.aws),
        ("github", RuleFamilies.github),
        ("gitlab", RuleFamilies.gitlab),
        ("slack", RuleFamilies.slack),
        ("stripe", RuleFamilies.stripe),
        ("google", RuleFamilies.google),
        ("azure", RuleFamilies.azure),
        ("ai-providers", RuleFamilies.aiProviders),
        ("package-registries", RuleFamilies.packageRegistries),
        ("messaging", RuleFamilies.messaging),
        ("cloud-platforms", RuleFamilies.cloudPlatforms),
        ("commerce", RuleFamilies.commerce),
        ("infrastructure", RuleFamilies.infrastructure),
        ("observability", RuleFamilies.observability),
        ("collaboration", RuleFamilies.collaboration),
        ("tokens", RuleFamilies.tokens),
        ("urls", RuleFamilies.urls),
        ("formats", RuleFamilies.formats),
        ("generic", RuleFamilies.generic),
    ]

    public static let all: [SecretRule] = families.flatMap(\.rules)
}
