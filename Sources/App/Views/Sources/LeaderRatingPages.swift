import ChiSoCore
import Foundation

/// The leaders' page: one form per group, a row per agency and a column per criterion assigned to
/// this leader; the other leaders' criteria named with who rates them.
enum LeaderRatingPages {
    struct Model {
        var period: PeriodModel
        var groups: [LeaderRatingController.Group]
        var assignments: [String: LeaderAssignmentModel]
        var ratings: [LeaderRatingModel]
        var userID: UUID
        /// A refused form's levels as chosen, and the problems by field.
        var typed: [String: String]
        var errors: [String: String]

        func assignment(_ group: LeaderRatingController.Group, _ criterion: Criterion) -> LeaderAssignmentModel? {
            assignments["\(group.index.id)/\(criterion.code)"]
        }

        func mine(_ group: LeaderRatingController.Group) -> [Criterion] {
            group.criteria.filter { assignment(group, $0)?.$user.id == userID }
        }
    }

    static func ratings(_ context: PageContext, model: Model) -> HTMLNode {
        let say = context.phrases(SourceDataText.self)
        let published = model.period.status == .published
        return Layout.page(context, title: say(.ratingsTitle, model.period.name)) {
            if model.groups.isEmpty {
                p { say(.noLeaderCriteria) }
            } else if model.groups.allSatisfy({ model.mine($0).isEmpty }) {
                p(.class("notice"), .role("status")) { say(.noneAssignedToYou) }
            } else {
                p(.class("guidance")) { say(.ratingsGuidance) }
            }
            Fields.errors(model.errors.values.sorted())
            for group in model.groups {
                groupSection(context, model: model, group: group, published: published)
            }
        }
    }

    static func groupSection(_ context: PageContext, model: Model, group: LeaderRatingController.Group, published: Bool) -> HTMLNode {
        let say = context.phrases(SourceDataText.self)
        let mine = model.mine(group)
        let others = group.criteria.filter { criterion in !mine.contains { $0.code == criterion.code } }
        return section(.id("group-\(group.name)"), .class("card rating")) {
            h2 { say(.groupCaption, context.identity.groupName(group.name, context.language), group.index.title) }
            if !others.isEmpty {
                ul(.class("others")) {
                    for criterion in others {
                        li {
                            "\(criterion.code) \(criterion.title): "
                            model.assignment(group, criterion).map { say(.ratedByLeader, $0.user.displayName) } ?? say(.notAssignedYet)
                        }
                    }
                }
            }
            if !mine.isEmpty {
                form(.method("post"), .action(SiteURL.period(.value(model.period.id!), .ratings).path)) {
                    Layout.csrfField(context)
                    input(.type("hidden"), .name("group"), .value(group.name))
                    div(.class("table-wrap")) {
                        table {
                            thead {
                                tr {
                                    th(.scope("col")) { say(.agency) }
                                    for criterion in mine { th(.scope("col")) { "\(criterion.code) \(criterion.title)" } }
                                }
                            }
                            tbody {
                                for agency in group.agencies {
                                    tr {
                                        th(.scope("row")) { agency.name }
                                        for criterion in mine { cell(context, model: model, agency: agency, criterion: criterion, disabled: published) }
                                    }
                                }
                            }
                        }
                    }
                    if !published { button(.type("submit")) { say(.saveGroup, context.identity.groupName(group.name, context.language)) } }
                }
            }
        }
    }

    static func cell(_ context: PageContext, model: Model, agency: AgencyModel, criterion: Criterion, disabled: Bool) -> HTMLNode {
        let say = context.phrases(SourceDataText.self)
        let field = "level-\(agency.code)-\(criterion.code)"
        let current = model.ratings.first { $0.$agency.id == agency.id && $0.criterionCode == criterion.code }
        let chosen = model.typed[field] ?? current?.level ?? ""
        let error = model.errors[field]
        return td(.class(error == nil ? "" : "invalid")) {
            H.el("label", [.for(field), .class("visually-hidden")]) { "\(criterion.code) — \(agency.name)" }
            select(.id(field), .name(field), Attribute.when(disabled, .disabled)) {
                option(.value("")) { say(.notRated) }
                if case let .levels(levels) = criterion.leaf!.rule {
                    for level in levels {
                        option(.value(level.code), Attribute.when(chosen == level.code, .selected)) {
                            "\(level.code) (\(level.points.text(context.language)) \(say(.points)))"
                        }
                    }
                }
            }
            if let error { small(.class("error")) { error } }
            if let current, error == nil {
                br()
                small { say(.ratedBy, current.ratedBy.displayName, Formats.dateTime(current.ratedAt)) }
            }
        }
    }
}
