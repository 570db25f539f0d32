/// Destroying data in databases: SQL handed to psql/mysql/sqlite3/… as arguments, heredocs or
/// pipes (DROP DATABASE denied; DROP TABLE, TRUNCATE, DELETE/UPDATE without WHERE ask),
/// redis FLUSHALL/FLUSHDB, mongo dropDatabase, dropdb, framework database resets.
enum DatabaseRules {
    static let dropDatabase = ShellRule("db.drop-database", .deny, "drops a whole database or schema",
        examples: ["psql -c 'DROP DATABASE production'", "psql -h db.internal -U admin -c \"drop schema public cascade\""], counterExamples: ["psql -c 'SELECT * FROM users LIMIT 10'", "psql -c \"DELETE FROM sessions WHERE expires_at < now()\""])
    static let dropTable = ShellRule("db.drop-table", .ask, "drops a table",
        examples: ["psql -c 'DROP TABLE users'", "echo 'DROP TABLE users;' | psql"], counterExamples: ["psql -c 'SELECT * FROM users LIMIT 10'", "psql -c \"DELETE FROM sessions WHERE expires_at < now()\""])
    static let truncate = ShellRule("db.truncate", .ask, "empties a table (TRUNCATE)",
        examples: ["psql -c 'TRUNCATE orders'", "mysql app <<< 'TRUNCATE TABLE logs'"], counterExamples: ["psql -c 'SELECT * FROM users LIMIT 10'", "psql -c \"DELETE FROM sessions WHERE expires_at < now()\""])
    static let deleteAll = ShellRule("db.delete-all", .ask, "DELETE without WHERE removes every row",
        examples: ["psql -c 'DELETE FROM users'", "sqlite3 app.db 'DELETE FROM sessions;'"], counterExamples: ["psql -c 'SELECT * FROM users LIMIT 10'", "psql -c \"DELETE FROM sessions WHERE expires_at < now()\""])
    static let updateAll = ShellRule("db.update-all", .ask, "UPDATE without WHERE changes every row",
        examples: ["sqlite3 app.db \"UPDATE users SET admin=1\""], counterExamples: ["sqlite3 app.db '.tables'"])
    static let redisFlushAll = ShellRule("db.redis-flushall", .deny, "FLUSHALL deletes every key in every redis database",
        examples: ["redis-cli FLUSHALL", "redis-cli -h cache.internal flushall"], counterExamples: ["redis-cli GET user:1", "redis-cli ping"])
    static let redisFlushDB = ShellRule("db.redis-flushdb", .ask, "FLUSHDB deletes every key in the redis database",
        examples: ["redis-cli -n 2 FLUSHDB"], counterExamples: ["redis-cli GET user:1", "redis-cli ping"])
    static let mongoDropDatabase = ShellRule("db.mongo-drop-database", .deny, "drops a whole MongoDB database",
        examples: ["mongosh --eval 'db.dropDatabase()'"], counterExamples: ["rm -rf ~/.cache/pip"])
    static let mongoDrop = ShellRule("db.mongo-drop", .ask, "drops a MongoDB collection or deletes all its documents",
        examples: ["mongo app --eval 'db.users.drop()'"], counterExamples: ["rm -rf ~/.cache/pip"])
    static let dropdb = ShellRule("db.dropdb", .deny, "drops a whole database (dropdb / mysqladmin drop)",
        examples: ["dropdb production", "mysqladmin -u root drop app"], counterExamples: ["rm -rf ~/.cache/pip"])
    static let frameworkReset = ShellRule("db.reset", .ask, "drops and recreates the application's database",
        examples: ["npx prisma migrate reset --force", "bin/rails db:drop"], counterExamples: ["npx prisma migrate dev", "npx tsc --noEmit"])
    static let hostedReset = ShellRule("db.hosted-reset", .deny, "resets a hosted production database or app",
        examples: ["heroku pg:reset DATABASE_URL --confirm app"], counterExamples: ["rm -rf ~/.cache/pip"])

    static let all = [dropDatabase, dropTable, truncate, deleteAll, updateAll, redisFlushAll, redisFlushDB, mongoDropDatabase,
                      mongoDrop, dropdb, frameworkReset, hostedReset]

    static func stdinText(_ inv: ShInvocation) -> String? {
        switch inv.stdin {
        case .literal(let t): t
        case .decoded(_, let t?): t
        default: nil
        }
    }

    static func check(_ inv: ShInvocation, _ a: inout ShellAnalysis, _ env: ShEnv, _ depth: Int) {
        let args = inv.argTexts
        let lower = args.map { $0.lowercased() }
        var sql: [String] = []
        switch inv.name {
        case "psql":
            let p = ShArgs(args, shortWithArg: Set("cdfhLopPRTUvF"), longWithArg: ["--command", "--dbname", "--file", "--host", "--port", "--username", "--set", "--variable", "--output"]).parse()
            sql = p.allValues("-c", "--command")
            if sql.isEmpty, p.value("-f", "--file") == nil, let t = stdinText(inv) { sql.append(t) }
        case "mysql", "mariadb":
            let p = ShArgs(args, shortWithArg: Set("eDhPpuSo"), longWithArg: ["--execute", "--database", "--host", "--port", "--user", "--socket"]).parse()
            sql = p.allValues("-e", "--execute")
            if sql.isEmpty, let t = stdinText(inv) { sql.append(t) }
        case "sqlite3", "sqlite", "duckdb", "litecli":
            let p = ShArgs(args, shortWithArg: ["c", "s"], longWithArg: ["-cmd", "-separator", "-init", "-newline", "-nullvalue"]).parse()
            sql = p.allValues("-c", "-cmd")
            if p.operands.count > 1 { sql.append(p.operands.dropFirst().joined(separator: " ")) }
            if let t = stdinText(inv) { sql.append(t) }
            for (k, t) in args.enumerated() where t == "-cmd" && k + 1 < args.count { sql.append(args[k + 1]) }
        case "clickhouse-client", "clickhouse":
            let p = ShArgs(args, shortWithArg: ["q", "h", "u", "d"], longWithArg: ["--query", "--host", "--user", "--database"]).parse()
            sql = p.allValues("-q", "--query")
            if sql.isEmpty, let t = stdinText(inv) { sql.append(t) }
        case "cockroach":
            if args.first == "sql" {
                sql = ShArgs(args, shortWithArg: ["e"], longWithArg: ["--execute", "--url", "--database"]).parse().allValues("-e", "--execute")
            }
        case "sqlcmd", "usql", "pgcli", "mycli", "snowsql", "bq", "trino", "presto":
            let p = ShArgs(args, shortWithArg: ["Q", "q", "c", "e", "S", "d", "U", "P"], longWithArg: ["--query", "--execute", "--command"]).parse()
            sql = p.allValues("-Q", "-q", "-c", "-e", "--query", "--execute", "--command")
            if inv.name == "bq", args.first == "query" { sql += p.operands.dropFirst() }
            if inv.name == "bq", lower.first == "rm", args.contains(where: { $0.hasPrefix("-") && $0.contains("r") }) { a.report(dropDatabase, inv.subject) }
            if sql.isEmpty, let t = stdinText(inv) { sql.append(t) }
        case "mongosh", "mongo":
            var js = ShArgs(args, longWithArg: ["--eval", "--host", "--port", "--username", "--password"]).parse().allValues("--eval")
            if let t = stdinText(inv) { js.append(t) }
            for t in js { mongo(t, inv.subject, &a) }
        case "redis-cli", "valkey-cli", "keydb-cli", "dragonfly-cli":
            let p = ShArgs(args, shortWithArg: Set("hpsaunrideDt"), longWithArg: ["--user", "--pass", "--tls", "--cacert", "--sni", "--cert", "--key"]).parse(stopAtOperand: true)
            redis(p.operands, inv.subject, &a)
            if let t = stdinText(inv) {
                for line in t.split(separator: "\n") { redis(ShText.words(String(line)), inv.subject, &a) }
            }
        case "dropdb":
            a.report(dropdb, inv.subject)
        case "mysqladmin":
            if lower.contains("drop") { a.report(dropdb, inv.subject) }
        case "prisma":
            if lower.contains("migrate") && lower.contains("reset") || lower.contains("--force-reset") { a.report(frameworkReset, inv.subject) }
        case "rails", "rake", "bin/rails":
            if lower.contains(where: { ["db:drop", "db:reset", "db:schema:load", "db:purge", "db:migrate:reset", "db:truncate_all", "db:seed:replant"].contains($0) }) {
                a.report(frameworkReset, inv.subject)
            }
        case "php":
            if args.first == "artisan", args.count > 1, ["migrate:fresh", "migrate:reset", "db:wipe", "migrate:refresh"].contains(lower[1]) { a.report(frameworkReset, inv.subject) }
        case "python", "django-admin":
            if let k = args.firstIndex(where: { $0.hasSuffix("manage.py") }) ?? (inv.name == "django-admin" ? -1 : nil), k + 1 < args.count,
               ["flush", "reset_db", "sqlflush", "reset_schema"].contains(args[k + 1]) {
                a.report(frameworkReset, inv.subject)
            }
        case "supabase":
            if lower.contains("db") && lower.contains("reset") { a.report(frameworkReset, inv.subject) }
        case "sequelize", "sequelize-cli", "typeorm", "drizzle-kit", "knex", "mikro-orm":
            if lower.contains(where: { ["db:drop", "schema:drop", "drop", "migrate:rollback", "schema:fresh"].contains($0) }) && (inv.name != "knex" || lower.contains("--all")) {
                a.report(frameworkReset, inv.subject)
            }
        case "heroku":
            if lower.contains(where: { ["pg:reset", "apps:destroy", "destroy", "pg:killall", "addons:destroy"].contains($0) }) { a.report(hostedReset, inv.subject) }
        case "fly", "flyctl":
            if lower.contains("destroy") || (lower.contains("apps") && lower.contains("destroy")) { a.report(hostedReset, inv.subject) }
        case "planetscale", "pscale":
            if lower.contains("delete") { a.report(hostedReset, inv.subject) }
        default:
            break
        }
        for s in sql {
            let r = ShSQL.scan(s)
            for (rule, text) in r.hits { a.report(rule, text) }
            for cmd in r.shell {
                var e = env
                _ = a.analyzeScript(cmd, &e, depth + 1)
            }
        }
    }

    static func redis(_ words: [String], _ subject: String, _ a: inout ShellAnalysis) {
        guard let first = words.first?.uppercased() else { return }
        if first == "FLUSHALL" { a.report(redisFlushAll, subject) }
        if first == "FLUSHDB" { a.report(redisFlushDB, subject) }
    }

    static func mongo(_ js: String, _ subject: String, _ a: inout ShellAnalysis) {
        let l = js.lowercased().filter { $0 != " " }
        if l.contains("dropdatabase(") { a.report(mongoDropDatabase, subject) }
        if l.contains(".drop()") || l.contains("deletemany({})") || l.contains(".remove({})") || l.contains("deletemany()") { a.report(mongoDrop, subject) }
    }
}
