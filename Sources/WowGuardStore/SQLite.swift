import CSQLite
import WowGuardSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A thin SQLite connection: prepared statements, bound values, rows.
final class SQLiteDB {
    let handle: OpaquePointer

    struct Failure: Error, CustomStringConvertible {
        var code: Int32
        var message: String
        var description: String { message }
        /// The file is not a database, or is damaged.
        var isCorrupt: Bool { code == SQLITE_CORRUPT || code == SQLITE_NOTADB }
        var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
        var isReadOnly: Bool { code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM || code == SQLITE_IOERR }
    }

    enum Value { case int(Int64), real(Double), text(String), blob([UInt8]), null }

    init(path: String, readOnly: Bool = false) throws(Failure) {
        var db: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let msg = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close_v2(db) }
            throw Failure(code: rc, message: "\(path): \(msg)")
        }
        handle = db
        // The hook is one short-lived process per tool call: keep the WAL file between processes
        // (reset, not deleted and created again). The last connection still checkpoints when it
        // closes: a process that opens the file without another one holding it rebuilds the WAL
        // index by reading the whole WAL, so the WAL must stay short.
        var on: Int32 = 1
        sqlite3_file_control(db, "main", SQLITE_FCNTL_PERSIST_WAL, &on)
    }

    deinit { sqlite3_close_v2(handle) }

    func fail(_ rc: Int32) -> Failure {
        Failure(code: rc, message: String(cString: sqlite3_errmsg(handle)))
    }

    /// Waits up to `ms` for a lock another process holds, retrying every 0.1–0.9 ms (jittered).
    /// SQLite's own handler backs off to sleeps of 100 ms: under 50 concurrent hook processes on
    /// 2 cores a writer could lose the race a dozen times in a row and give up after 250 ms, though
    /// the lock was free most of that time (2 rows in 1,000 lost, Benchmarks/stress).
    func busyTimeout(_ ms: Int32) {
        guard ms > 0 else { sqlite3_busy_timeout(handle, 0); return }
        busyWait = BusyWait(budgetNs: UInt64(ms) * 1_000_000)
        sqlite3_busy_handler(handle, { ctx, count in
            guard let ctx else { return 0 }
            let wait = Unmanaged<BusyWait>.fromOpaque(ctx).takeUnretainedValue()
            // Once a wait has run out, the lock is held for long: later statements of this
            // connection do not wait again (a hook call waits at most one budget in all).
            guard !wait.exhausted else { return 0 }
            let now = Posix.now()
            if count == 0 { wait.deadline = now + wait.budgetNs }
            guard now < wait.deadline else { wait.exhausted = true; return 0 }
            wait.seed = wait.seed &* 6364136223846793005 &+ 1442695040888963407
            usleep(UInt32(100 + (wait.seed >> 33) % 800))
            return 1
        }, Unmanaged.passUnretained(busyWait!).toOpaque())
    }

    /// The busy handler's state (kept alive by the connection).
    final class BusyWait {
        let budgetNs: UInt64
        var deadline: UInt64 = 0
        var exhausted = false
        var seed: UInt64
        init(budgetNs: UInt64) {
            self.budgetNs = budgetNs
            seed = UInt64(UInt32(bitPattern: getpid())) &* 0x9E3779B97F4A7C15 ^ Posix.now()
        }
    }
    private var busyWait: BusyWait?

    func exec(_ sql: String) throws(Failure) {
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw fail(rc) }
    }

    /// Runs `sql` with `args`; `row` sees each result row.
    func query(_ sql: String, _ args: [Value] = [], row: (Row) -> Void = { _ in }) throws(Failure) {
        var stmt: OpaquePointer?
        var rc = sqlite3_prepare_v2(handle, sql, -1, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw fail(rc) }
        defer { sqlite3_finalize(stmt) }
        for (i, a) in args.enumerated() {
            let idx = Int32(i + 1)
            switch a {
            case .int(let v): rc = sqlite3_bind_int64(stmt, idx, v)
            case .real(let v): rc = sqlite3_bind_double(stmt, idx, v)
            case .text(let v): rc = sqlite3_bind_text(stmt, idx, v, -1, SQLITE_TRANSIENT_SWIFT)
            case .blob(let v): rc = v.withUnsafeBytes { sqlite3_bind_blob(stmt, idx, $0.baseAddress, Int32(v.count), SQLITE_TRANSIENT_SWIFT) }
            case .null: rc = sqlite3_bind_null(stmt, idx)
            }
            guard rc == SQLITE_OK else { throw fail(rc) }
        }
        while true {
            rc = sqlite3_step(stmt)
            if rc == SQLITE_ROW { row(Row(stmt: stmt)); continue }
            if rc == SQLITE_DONE { return }
            throw fail(rc)
        }
    }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    struct Row {
        let stmt: OpaquePointer
        func int(_ i: Int32) -> Int64 { sqlite3_column_int64(stmt, i) }
        func real(_ i: Int32) -> Double { sqlite3_column_double(stmt, i) }
        func text(_ i: Int32) -> String? {
            guard let p = sqlite3_column_text(stmt, i) else { return nil }
            return String(cString: p)
        }
        func blob(_ i: Int32) -> [UInt8] {
            let n = Int(sqlite3_column_bytes(stmt, i))
            guard n > 0, let p = sqlite3_column_blob(stmt, i) else { return [] }
            return Array(UnsafeRawBufferPointer(start: p, count: n))
        }
    }
}

/// SQLITE_TRANSIENT (the C macro does not import): SQLite copies the bound value.
let SQLITE_TRANSIENT_SWIFT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
