import Fluent

/// 017: which provincial leader gives the level of each `leaders` criterion of an index in a
/// period (the chair's own criterion, the vice-chair's for the group): a leader rates only the
/// criteria assigned to them.
struct CreateLeaderAssignments: AsyncMigration {
    var name: String { "017_CreateLeaderAssignments" }

    func prepare(on database: any Database) async throws {
        try await database.schema(LeaderAssignmentModel.schema)
            .id()
            .field("period_id", .uuid, .required, .references(PeriodModel.schema, .id, onDelete: .cascade))
            .field("index_code", .string, .required)
            .field("criterion_code", .string, .required)
            .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
            .field("created_at", .datetime)
            .unique(on: "period_id", "index_code", "criterion_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LeaderAssignmentModel.schema).delete()
    }
}
