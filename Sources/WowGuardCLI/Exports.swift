// Every file of the CLI (and code merged from other branches that still expects `Posix` here)
// sees the system helpers without importing them itself.
@_exported import WowGuardSystem
