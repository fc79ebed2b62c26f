import ChiSoCore
import Fluent
import Foundation
import Vapor

/// The decision that announced a period's results (``PeriodDecisionModel``), as pages and
/// exports cite it and sign with it.
struct PeriodDecision: Sendable, Equatable {
    var number: String
    var signedOn: CivilDate
    var issuer: String
    var signer: String
    /// "KT. CHỦ TỊCH" (may be empty).
    var signerAuthority: String
    /// "PHÓ CHỦ TỊCH".
    var signerPosition: String
    /// The signed PDF's name, when one was attached.
    var fileName: String? = nil

    /// "Quyết định số 125/QĐ-UBND ngày 15/01/2027 của UBND tỉnh Minh Hoạ".
    func citation(_ language: Lang) -> String {
        language.phrases(PublicationText.self)(.citation, number, signedOn.vietnamese, issuer)
    }

    static func of(period periodID: UUID, on db: any Database) async throws -> PeriodDecision? {
        try await PeriodDecisionModel.query(on: db).filter(\.$period.$id == periodID).first().flatMap(PeriodDecision.init)
    }
}

extension PeriodDecision {
    /// The stored decision (nil if its date does not read: it always does, written by ``PublicationController``).
    init?(_ row: PeriodDecisionModel) {
        guard let day = CivilDate.parse(row.signedOn) else { return nil }
        self.init(number: row.number, signedOn: day, issuer: row.issuer, signer: row.signer, signerAuthority: row.signerAuthority,
                  signerPosition: row.signerPosition, fileName: row.$file.id == nil ? nil : row.fileName)
    }
}

/// What an official document says of where it comes from: the installation's identity and, once
/// the period is published, the decision that announced it. Before that, every page is a draft
/// ("DỰ THẢO").
struct OfficialOrigin: Sendable {
    var identity: InstallationIdentity
    var decision: PeriodDecision?

    var isDraft: Bool { decision == nil }

    /// What a draft prints at the top of every page ("DỰ THẢO"); nothing once published.
    var pageMark: String? { isDraft ? Lang.vietnamese.phrases(PublicationText.self)(.draftMark) : nil }

    /// The place and date the document is dated with: the decision's day, or today's for a draft.
    func placeAndDate(madeOn: Date) -> String {
        identity.placeAndDate(decision?.signedOn ?? CivilDate(madeOn))
    }

    static func of(_ period: PeriodModel, on request: Request) async throws -> OfficialOrigin {
        let decision = period.status == .published ? try await PeriodDecision.of(period: period.requireID(), on: request.db) : nil
        return OfficialOrigin(identity: request.application.identity, decision: decision)
    }
}
