import Fluent
import Foundation

/// The one-time passwords of one account import, sealed (AES-GCM) with a key only the importing
/// administrator's page holds (migration 024). Each form (PDF, file) is given once; the row goes
/// when both are taken or after an hour.
final class CredentialSheetModel: Model, @unchecked Sendable {
    static let schema = "credential_sheets"

    @ID(key: .id) var id: UUID?
    @Parent(key: "created_by") var createdBy: UserModel
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "sealed") var sealed: Data
    @Field(key: "accounts") var accounts: Int
    @Field(key: "pdf_taken") var pdfTaken: Bool
    @Field(key: "file_taken") var fileTaken: Bool

    init() {}

    init(createdBy: UUID, createdAt: Date, sealed: Data, accounts: Int) {
        self.$createdBy.id = createdBy
        self.createdAt = createdAt
        self.sealed = sealed
        self.accounts = accounts
        self.pdfTaken = false
        self.fileTaken = false
    }
}
