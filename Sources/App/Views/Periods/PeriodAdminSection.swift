import ChiSoCore
import Foundation

/// The period page's administration (the organiser): deadlines and their changes, agencies that
/// join or leave the period, closing it early (``PeriodAdminController``).
enum PeriodAdminSection {
    struct DeadlineDraft: Sendable {
        var form: PeriodAdminController.DeadlineForm
        var errors: [String: String]
    }

    struct Model: Sendable {
        var changes: [PeriodDeadlineChangeModel]
        /// Active agencies of a group the period assesses, without an assessment in it.
        var notInPeriod: [AgencyModel]
        /// Assessments, not final nor closed, of agencies that have ended.
        var leaving: [AssessmentModel]
        /// Assessments closed without a result.
        var closed: [AssessmentModel]
        var deadlineDraft: DeadlineDraft?
    }

    static func deadlineName(_ deadline: PeriodDeadlineChangeModel.Deadline, _ say: Phrases<PeriodAdminText>) -> String {
        switch deadline {
        case .selfAssessment: say(.selfDeadlineName)
        case .appraisal: say(.appraisalDeadlineName)
        case .explanation: say(.explanationDeadlineName)
        }
    }

    static func render(_ context: PageContext, period: PeriodModel, model: Model, canManage: Bool) -> HTMLNode {
        let say = context.phrases(PeriodAdminText.self)
        let t = context.t
        let periodID = period.id!
        let draft = model.deadlineDraft
        return div(.id("administration")) {
            if period.status == .closed, let reason = period.closedReason {
                p(.class("notice"), .role("status"), .id("closed-banner")) { say(.closedBanner, reason) }
            }
            if !model.changes.isEmpty {
                section(.id("deadline-changes")) {
                    h3 { say(.deadlineHistory) }
                    ul {
                        for change in model.changes {
                            li {
                                say(.deadlineRow, deadlineName(change.deadline, say), Formats.date(change.before), Formats.date(change.after),
                                    change.reason, change.changedBy, Formats.date(change.changedAt))
                            }
                        }
                    }
                }
            }
            if canManage && (period.status == .draft || period.status == .open) {
                details(Attribute.when(draft != nil, .open), .id("deadlines")) {
                    summary { say(.changeDeadlinesButton) }
                    form(.method("post"), .action(SiteURL.period(.value(periodID), .deadlines).path)) {
                        Layout.csrfField(context)
                        Fields.text(t(.selfDeadline), name: "selfDeadline", id: "deadline-selfDeadline",
                                    value: draft?.form.selfDeadline ?? Formats.isoDate(period.selfAssessmentDeadline), type: "date",
                                    error: draft?.errors["selfDeadline"])
                        Fields.text(t(.appraisalDeadline), name: "appraisalDeadline", id: "deadline-appraisalDeadline",
                                    value: draft?.form.appraisalDeadline ?? Formats.isoDate(period.appraisalDeadline), type: "date",
                                    error: draft?.errors["appraisalDeadline"])
                        Fields.text(t(.explanationDeadline), name: "explanationDeadline", id: "deadline-explanationDeadline",
                                    value: draft?.form.explanationDeadline ?? Formats.isoDate(period.explanationDeadline), type: "date",
                                    error: draft?.errors["explanationDeadline"])
                        Fields.text(say(.deadlineReasonLabel), name: "reason", id: "deadline-reason", value: draft?.form.reason,
                                    error: draft?.errors["reason"], required: true)
                        button(.type("submit")) { say(.changeDeadlinesButton) }
                    }
                }
            }
            if canManage && period.status == .open && (!model.notInPeriod.isEmpty || !model.leaving.isEmpty) {
                section(.id("membership")) {
                    h2 { say(.membershipHeading) }
                    if !model.notInPeriod.isEmpty {
                        h3 { say(.notInPeriodHeading) }
                        p { say(.notInPeriodHelp) }
                        ul {
                            for agency in model.notInPeriod {
                                li {
                                    form(.method("post"), .action(SiteURL.period(.value(periodID), .agencies).path), .class("inline")) {
                                        Layout.csrfField(context)
                                        input(.type("hidden"), .name("agencyID"), .value(agency.id!.uuidString))
                                        "\(agency.code) — \(agency.name) "
                                        button(.type("submit"), .class("secondary")) { say(.addButton, agency.code) }
                                    }
                                }
                            }
                        }
                    }
                    if !model.leaving.isEmpty {
                        h3 { say(.leavingHeading) }
                        p { say(.leavingHelp) }
                        for assessment in model.leaving {
                            form(.method("post"), .action(SiteURL.assessment(.value(assessment.id!), .close).path)) {
                                Layout.csrfField(context)
                                Fields.text(say(.closeReasonLabel, assessment.agency.code), name: "reason", id: "close-\(assessment.agency.code)",
                                            value: nil, required: true,
                                            hint: "\(assessment.agency.name), " + say(.endedAgencyNote, assessment.agency.ended?.vietnamese ?? ""))
                                button(.type("submit"), .class("danger")) { say(.closeButton, assessment.agency.code) }
                            }
                        }
                    }
                }
            }
            if !model.closed.isEmpty {
                section(.id("not-ranked")) {
                    h3 { say(.notRankedHeading) }
                    ul { for assessment in model.closed { li { say(.notRankedRow, "\(assessment.agency.code) (\(assessment.agency.name))", assessment.closedReason ?? "") } } }
                }
            }
            if canManage && period.status == .open {
                details(.id("close-early")) {
                    summary { say(.closeEarlyHeading) }
                    p { say(.closeEarlyHelp) }
                    form(.method("post"), .action(SiteURL.period(.value(periodID), .close).path)) {
                        Layout.csrfField(context)
                        Fields.text(say(.reasonLabel), name: "reason", id: "close-early-reason", value: nil, required: true)
                        button(.type("submit"), .class("danger")) { say(.closeEarlyButton) }
                    }
                }
            }
        }
    }
}
