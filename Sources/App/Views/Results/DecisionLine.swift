import ChiSoCore
import Foundation

/// The line that says which decision announced a period's results, with its signed PDF when
/// attached; before publication, that the figures are a draft. Shown on every results page.
enum DecisionLine {
    static func view(_ context: PageContext, periodID: UUID, decision: PeriodDecision?) -> HTMLNode {
        let say = context.phrases(PublicationText.self)
        guard let decision else {
            return p(.class("notice draft"), .role("note")) { strong { say(.draftMark) }; " — " + say(.draftNotice) }
        }
        return p(.class("decision")) {
            say(.announcedBy, decision.citation(context.language))
            if decision.fileName != nil {
                " "
                a(.href(SiteURL.publicDecision(.value(periodID)).path)) { say(.signedFile) }
            }
        }
    }
}
