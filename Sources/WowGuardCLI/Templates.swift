/// Files `wow-guard init` writes. `Templates/` in the repository holds the same text (a test keeps them equal).
enum Templates {
    static let configFile = "Templates/wow-guard.toml"
    static let config = #"""
# .wow-guard.toml — per-repository configuration for wow-guard (https://github.com/wow-guard/wow-guard).
# Written by `wow-guard init`. Every key is optional. Unknown keys, wrong types, bad globs and bad
# regexes are errors that name this file and the line. A user-level file with the same format,
# $XDG_CONFIG_HOME/wow-guard/config.toml (default ~/.config/wow-guard/config.toml), is merged
# under this one (lists are combined). Reference: docs/configuration.md.
#
# Findings accepted as they are live in .wow-guard-baseline.toml (`wow-guard baseline`), not here.

[allowlist]
# Why these exceptions exist (shown to reviewers; not used for matching).
description = "Test fixtures with synthetic credentials"
# Globs relative to the repository root: `**` = any directories, `*` within a name,
# a pattern without `/` matches at any depth, a trailing `/` means "everything below".
# Files matching a glob are not scanned at all.
paths = [
  # "tests/fixtures/**",
]
# Fingerprints printed with each finding (`rule-id:hash`): stable across edits elsewhere.
# `wow-guard allow FINGERPRINT --reason "…"` adds one with its reason as a comment.
fingerprints = []
# PCRE2 regexes: a secret matching one of them is not a finding.
regexes = []
# A secret containing one of these words (case-insensitive) is not a finding.
stopwords = []

[rules]
# Rule ids to switch off: secret, shell, policy, script and Unicode rules alike
# (`wow-guard rules --all` lists them, `wow-guard explain RULE` shows one).
disable = []

# Custom secret rules have the same shape as built-in ones; their examples are checked when the file loads.
# [[rules.custom]]
# id = "acme-api-key"
# description = "ACME internal API key"
# keywords = ["acme_"]                  # lower case, 3+ bytes; one must be on the line of a match
# pattern = '(acme_[a-z0-9]{32})'       # PCRE2; use 'literal strings' for regexes
# secret_group = 1                      # the capture group that holds the secret (0 = whole match)
# entropy = 3.5                         # minimum Shannon entropy of the secret (optional)
# severity = "high"                     # low | medium | high | critical
# multiline = false                     # the match may span lines (private keys)
# allow_patterns = []                   # PCRE2; a secret matching one is not a finding of this rule
# examples = ["key = acme_q7x2m9k4v8w3z6t1p5r0n2b7c4d9f3h8"]  # random-looking: placeholders never trigger
# counter_examples = ["acme_short"]

"""#
}
