import GRDB

extension RunStore {
    /// `PRAGMA application_id` of a Cascade run store ("CSCD"): tells it apart from other SQLite files.
    static let applicationID: Int32 = 0x4353_4344

    /// The schema, one registered migration per version (docs/run-store.md). Migrations are
    /// append-only: a released migration is never edited; a change is a new migration.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.create(table: "runs") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull().check(sql: "kind IN ('run', 'montecarlo', 'sweep', 'attribute')")
                t.column("created_at", .text).notNull()
                t.column("scenario", .text).notNull()
                t.column("scenario_path", .text).notNull()
                t.column("seed", .text).notNull()
                t.column("engine_version", .text).notNull()
                t.column("overrides", .jsonText).notNull()
                t.column("arguments", .jsonText).notNull()
                t.column("output_folder", .text).notNull()
                t.column("document", .text).notNull()
                t.column("summary", .jsonText).notNull()
                t.column("paths", .integer)
                for column in ["bad_debt_usd", "liquidations", "liquidated_debt_usd", "zero_bid_auctions",
                               "delay_p50_blocks", "delay_p90_blocks", "delay_max_blocks", "cascade_depth",
                               "var95_usd", "var99_usd", "es95_usd", "es99_usd", "lar95_usd", "lar99_usd", "p_insolvency"] {
                    t.column(column, .double)
                }
            }
            try db.create(table: "run_inputs") { t in
                t.column("run_id", .integer).notNull().references("runs", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("path", .text).notNull()
                t.column("keccak256", .text).notNull()
                t.primaryKey(["run_id", "position"])
            }
            try db.create(table: "run_paths") { t in
                t.column("run_id", .integer).notNull().references("runs", onDelete: .cascade)
                t.column("path", .integer).notNull()
                t.column("seed", .text).notNull()
                t.column("bad_debt_usd", .double).notNull()
                t.column("liquidated_debt_usd", .double).notNull()
                t.column("liquidations", .integer).notNull()
                t.column("zero_bid_auctions", .integer).notNull()
                t.column("delay_p50_blocks", .integer)
                t.column("delay_p90_blocks", .integer)
                t.column("delay_max_blocks", .integer)
                t.column("cascade_depth", .integer).notNull()
                t.column("endogenous_share", .double).notNull()
                t.primaryKey(["run_id", "path"])
            }
        }
        return migrator
    }
}
