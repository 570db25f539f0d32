import CPCRE2

/// An error compiling a pattern, with PCRE2's message and the offset in the pattern.
public struct PatternError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var offset: Int
    public var description: String { "\(message) at offset \(offset)" }
}

/// A PCRE2 pattern over bytes (no UTF mode: invalid UTF-8 is scanned as bytes).
/// Compiled once; matching is thread-safe with one `PCREScratch` per thread.
public final class PCREPattern: @unchecked Sendable {
    let code: OpaquePointer
    public let captureCount: Int

    /// - Parameters:
    ///   - multiline: `^`/`$` match at line starts/ends (the subject is a whole file).
    ///   - jit: JIT-compile; pays off for long subjects (scans), costs ~0.1 ms per pattern.
    public init(_ pattern: String, caseless: Bool = false, multiline: Bool = true, jit: Bool = true) throws(PatternError) {
        var options: UInt32 = 0
        if caseless { options |= UInt32(PCRE2_CASELESS) }
        if multiline { options |= UInt32(PCRE2_MULTILINE) }
        var errorCode: Int32 = 0
        var errorOffset = 0
        let compiled: OpaquePointer? = pattern.withCString { p in
            p.withMemoryRebound(to: UInt8.self, capacity: pattern.utf8.count) { bytes in
                pcre2_compile_8(bytes, pattern.utf8.count, options, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw PatternError(message: PCREPattern.message(for: errorCode), offset: errorOffset)
        }
        code = compiled
        if jit { _ = pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE)) }
        var count: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        captureCount = Int(count)
    }

    deinit { pcre2_code_free_8(code) }

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = pcre2_get_error_message_8(code, &buffer, buffer.count)
        return n > 0 ? String(decoding: buffer.prefix(Int(n)), as: UTF8.self) : "PCRE2 error \(code)"
    }

    /// Finds the first match in `subject[start..<end]` (look-behind may see before `start`).
    /// Returns the ovector pairs (group 0 first; unset groups are `-1..<-1`), or nil.
    /// Backtracking is bounded by the scratch's match limits: a pathological input fails to
    /// match instead of hanging.
    @inline(__always)
    public func firstMatch(in subject: UnsafeRawBufferPointer, from start: Int, to end: Int,
                           scratch: PCREScratch) -> [Range<Int>]? {
        guard start <= end, let base = subject.baseAddress else { return nil }
        let rc = pcre2_match_8(code, base.assumingMemoryBound(to: UInt8.self), end, start, 0,
                               scratch.matchData, scratch.matchContext)
        guard rc > 0 else { return nil }
        let ov = pcre2_get_ovector_pointer_8(scratch.matchData)!
        let unset = wg_pcre2_unset()
        var groups: [Range<Int>] = []
        groups.reserveCapacity(Int(rc))
        for i in 0..<(captureCount + 1) {
            let s = ov[2 * i], e = ov[2 * i + 1]
            if i >= Int(rc) || s == unset || e == unset || e < s { groups.append(-1 ..< -1) } else { groups.append(s..<e) }
        }
        return groups
    }

    /// Convenience for short strings (config regexes, allow patterns).
    public func matches(_ text: String, scratch: PCREScratch) -> Bool {
        var t = text
        return t.withUTF8 { buf in
            firstMatch(in: UnsafeRawBufferPointer(buf), from: 0, to: buf.count, scratch: scratch) != nil
        }
    }
}

/// Per-thread match state: match data and a match context with backtracking limits.
public final class PCREScratch {
    let matchData: OpaquePointer
    let matchContext: OpaquePointer

    public init(maxGroups: Int = 32, matchLimit: UInt32 = 2_000_000, depthLimit: UInt32 = 10_000) {
        matchData = pcre2_match_data_create_8(UInt32(maxGroups), nil)
        matchContext = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(matchContext, matchLimit)
        pcre2_set_depth_limit_8(matchContext, depthLimit)
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(matchContext)
    }
}

/// A pattern compiled on first use (thread-safe). Most rules never run on a given input
/// because the keyword prefilter rules them out, so the hook path only pays for the few it needs.
public final class LazyPattern: @unchecked Sendable {
    public let source: String
    let caseless: Bool
    let jit: Bool
    private let state = Locked<PCREPattern?>(nil)

    public init(_ source: String, caseless: Bool = false, jit: Bool) {
        self.source = source
        self.caseless = caseless
        self.jit = jit
    }

    public func get() -> PCREPattern {
        state.withLock { cached in
            if let cached { return cached }
            // Built-in and config patterns are validated at load time; a failure here is a bug.
            let compiled = try! PCREPattern(source, caseless: caseless, jit: jit)
            cached = compiled
            return compiled
        }
    }
}
