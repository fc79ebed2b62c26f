import Fluent

/// 024: accounts in bulk. A user's e-mail address (optional), and the one-time passwords of an
/// import, kept only as long as it takes to print them: sealed with a key the server does not keep
/// (it travels in the administrator's page), each form taken once, gone after an hour.
struct CreateAccountImports: AsyncMigration {
    var name: String { "024_CreateAccountImports" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema).field("email", .string).update()
        try await database.schema(CredentialSheetModel.schema)
            .id()
            .field("created_by", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("sealed", .data, .required)
            .field("accounts", .int, .required)
            .field("pdf_taken", .bool, .required)
            .field("file_taken", .bool, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CredentialSheetModel.schema).delete()
        try await database.schema(UserModel.schema).deleteField("email").update()
    }
}
