import ChiSoCore
import Fluent
import Foundation
import Vapor

/// What needs the user now, for the home page: returned or released
/// assessments of their agency, explanations due, appraisal work waiting,
/// assessments ready to release or finalise, periods ready to publish.
enum InboxQueries {
    struct Item: Sendable {
        var text: String
        var link: String
        /// Shown first and highlighted.
        var urgent: Bool
    }

    static func items(for user: CurrentUser, language: Lang, now: Date = Date(), on request: Request) async throws -> [Item] {
        let say = language.phrases(InboxText.self)
        var items: [Item] = []
        // Agency people need their own agency's assessments only; the council side every one.
        var query = AssessmentModel.query(on: request.db).with(\.$agency).with(\.$period)
            .filter(\.$state !~ [AssessmentState.published.rawValue])
        if !user.roles.contains(where: { [.appraiser, .chair, .organizer].contains($0) }) { query = query.filter(\.$agency.$id == user.agencyID) }
        let active = try await query.all()

        if user.roles.contains(.editor) || user.roles.contains(.head) || user.roles.contains(.viewer) {
            for assessment in active where assessment.$agency.id == user.agencyID {
                let id = assessment.id!
                let link = SiteURL.assessment(.value(id), .show).path
                let period = assessment.period
                switch AssessmentState(rawValue: assessment.state) {
                case .returned?:
                    let reason = try await AssessmentTransitions.returnReason(agencyCode: assessment.agency.code, periodName: period.name,
                                                                              on: request.db)
                    items.append(Item(text: say(.returned, period.name) + (reason.map { ": \($0)" } ?? ""),
                                      link: link, urgent: true))
                case .draft?:
                    let days = Formats.daysLeft(until: period.selfAssessmentDeadline, now: now)
                    let text = days >= 0
                        ? say(.selfAssessmentDaysLeft, period.name, "\(days)", Formats.date(period.selfAssessmentDeadline))
                        : say(.selfAssessmentOverdue, period.name, Formats.date(period.selfAssessmentDeadline))
                    items.append(Item(text: text, link: link, urgent: days <= 3))
                case .released?:
                    let days = Formats.daysLeft(until: period.explanationDeadline, now: now)
                    items.append(Item(text: say(.releasedExplainBefore, period.name, Formats.date(period.explanationDeadline), "\(max(days, 0))"),
                                      link: SiteURL.assessment(.value(id), .appraisal).path, urgent: days <= 2))
                default: break
                }
            }
        }
        // The agency's assigned tasks: overdue ones, and those due within a week.
        if user.roles.contains(.editor) || user.roles.contains(.head) {
            let today = CivilDate(now)
            let tasks = try await SourceData.tasks(of: [user.agencyID], on: request.db)[user.agencyID] ?? []
            let overdue = tasks.filter { $0.status(on: today) == .openOverdue }.count
            let soon = tasks.filter { $0.status(on: today) == .openWithinDeadline && today.days(until: $0.effectiveDeadline) <= 7 }.count
            let agency = user.agencyCode.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? user.agencyCode
            if overdue > 0 {
                items.append(Item(text: say(.agencyTasksOverdue, "\(overdue)"),
                                  link: SiteURL.tasks.path + "?agency=\(agency)&status=openOverdue", urgent: true))
            }
            if soon > 0 {
                items.append(Item(text: say(.agencyTasksDueSoon, "\(soon)"),
                                  link: SiteURL.tasks.path + "?agency=\(agency)&status=openWithinDeadline", urgent: false))
            }
        }
        if user.roles.contains(.taskOfficer) {
            let today = CivilDate(now)
            let overdue = try await SourceData.tasks(of: nil, on: request.db).values.joined().filter { $0.status(on: today) == .openOverdue }.count
            if overdue > 0 {
                items.append(Item(text: say(.provinceTasksOverdue, "\(overdue)"),
                                  link: SiteURL.tasks.path + "?status=openOverdue", urgent: false))
            }
        }
        if user.roles.contains(.appraiser) || user.roles.contains(.chair) {
            // The same assessments as the queue: those with something this user appraises, never their own agency's.
            let waiting = try await AppraisalController.queueRows(for: user, on: request)
            if !waiting.isEmpty {
                items.append(Item(text: say(.awaitingAppraisal, "\(waiting.count)"),
                                  link: SiteURL.appraisalQueue.path, urgent: false))
            }
        }
        if user.roles.contains(.chair) {
            let toFinalise = active.filter { $0.state == AssessmentState.reexamining.rawValue ||
                ($0.state == AssessmentState.released.rawValue && $0.period.explanationDeadline < now) }
            if !toFinalise.isEmpty {
                items.append(Item(text: say(.readyToFinalise, "\(toFinalise.count)"),
                                  link: SiteURL.council.path, urgent: false))
            }
        }
        if user.roles.contains(.organizer) {
            let submitted = active.filter { $0.state == AssessmentState.submitted.rawValue }
            if !submitted.isEmpty {
                items.append(Item(text: say(.submitted, "\(submitted.count)"), link: SiteURL.council.path, urgent: false))
            }
        }
        return items.sorted { $0.urgent && !$1.urgent }
    }
}
