import ChiSoCore
import Foundation

/// A period's final ranking per group, and one agency's final result with
/// its breakdown and the proposals for its head and deputies.
enum ResultsPages {
    struct AgencyModel {
        var record: AssessmentRecord
        var selfScore: AgencyScore
        var preliminary: AgencyScore
        var final: AgencyScore
        var rank: Int
        var groupSize: Int
        /// Leaves re-examined after an explanation.
        var reexamined: Set<String>
        var proposal: LeaderProposal
        var deputies: [DeputyModel]
        var previous: (PeriodModel, Index, AgencyScore)?
    }

    static func change(_ now: DecimalNumber, _ before: DecimalNumber?, _ language: Lang) -> String {
        guard let before else { return "—" }
        let delta = now - before
        return (delta.isNegative ? "" : delta.isZero ? "±" : "+") + Formats.score(delta, language)
    }

    static func exportLinks(_ context: PageContext, period: PeriodModel, group: String, indexVersion: UUID) -> HTMLNode {
        let vi = context.language == .vietnamese
        let base = "/periods/\(period.id!)/results"
        let query = "?group=\(group.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? group)"
        return p(.class("exports")) {
            strong { vi ? "Tải về: " : "Download: " }
            a(.href("\(base)/ranking.xlsx\(query)")) { vi ? "Bảng xếp hạng (Excel)" : "Ranking (Excel)" }
            " · "
            a(.href("\(base)/ranking.pdf\(query)")) { vi ? "Báo cáo xếp hạng (PDF)" : "Ranking report (PDF)" }
            " · "
            a(.href("\(base)/ranking.csv\(query)")) { "CSV" }
            " · "
            a(.href("\(base)/matrix.xlsx\(query)")) { vi ? "Bảng điểm chi tiết (Excel)" : "Score matrix (Excel)" }
            " · "
            a(.href("\(base)/inputs.csv\(query)")) { vi ? "Dữ liệu đầu vào (CSV)" : "Inputs (CSV)" }
            " · "
            a(.href("\(base)/agencies.csv\(query)")) { vi ? "Danh sách đơn vị (CSV)" : "Agency list (CSV)" }
            " · "
            a(.href("/indexes/\(indexVersion)/yaml")) { vi ? "Bộ chỉ số (YAML)" : "Index (YAML)" }
        }
    }

    static func period(_ context: PageContext, period: PeriodModel, groups: [GroupResults],
                       previous: (PeriodModel, [String: GroupResults])?, deputies: [UUID: [DeputyModel]]) -> HTMLNode {
        let vi = context.language == .vietnamese
        let language = context.language
        return Layout.page(context, title: vi ? "Kết quả \(period.name)" : "Results \(period.name)") {
            if period.status != .published {
                p(.class("notice")) {
                    vi ? "Kỳ đánh giá chưa công bố: kết quả dưới đây chỉ gồm các hồ sơ đã chốt và chưa được công khai cho đơn vị."
                        : "Not published: only finalised assessments are shown, and agencies cannot see them yet."
                }
            }
            p {
                vi ? "Đề xuất xếp loại người đứng đầu theo xếp loại của đơn vị; đây là đề xuất để cấp có thẩm quyền quyết định."
                    : "The head's proposed rating follows the agency's class: proposals for the competent authority to decide."
            }
            for group in groups {
                h2(.id("group-\(group.group)")) { "\(vi ? "Khối" : "Group") \(group.group) · \(group.index.title)" }
                if group.members.isEmpty {
                    p { vi ? "Chưa có hồ sơ nào được chốt kết quả." : "No assessment is finalised yet." }
                } else {
                    div(.class("table-wrap")) {
                        table {
                            thead {
                                tr {
                                    th(.scope("col"), .class("num")) { vi ? "Hạng" : "Rank" }
                                    th(.scope("col")) { vi ? "Đơn vị" : "Agency" }
                                    th(.scope("col"), .class("num")) { vi ? "Điểm" : "Score" }
                                    th(.scope("col")) { vi ? "Xếp loại" : "Class" }
                                    th(.scope("col"), .class("hide-small")) { vi ? "Đề xuất người đứng đầu" : "Head's proposal" }
                                    if let (previousPeriod, _) = previous {
                                        th(.scope("col"), .class("num")) { vi ? "So với \(previousPeriod.name)" : "Since \(previousPeriod.name)" }
                                    }
                                }
                            }
                            tbody {
                                for entry in group.ranked {
                                    let member = group.members[entry.position]
                                    let score = group.report.scores[entry.position]
                                    let scoreClass = group.index.classes[score.classPosition]
                                    tr {
                                        td(.class("num")) { String(entry.rank) }
                                        td { a(.href("/assessments/\(member.assessment.id!)/results")) { member.agency.name } }
                                        td(.class("num")) { Formats.score(score.final, language) }
                                        td { scoreClass.title }
                                        td(.class("hide-small")) {
                                            scoreClass.leaderRating.flatMap(IndividualRating.init(rawValue:))?.title(language) ?? "—"
                                        }
                                        if let (_, byAgency) = previous {
                                            let before = byAgency[member.agency.code].flatMap { old in
                                                old.position(of: member.agency.id!).map { old.report.scores[$0].final }
                                            }
                                            td(.class("num")) { change(score.final, before, language) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    exportLinks(context, period: period, group: group.group, indexVersion: group.indexVersion.id!)
                }
                if !group.pending.isEmpty {
                    p(.class("na")) {
                        (vi ? "Chưa chốt kết quả: " : "Not finalised yet: ") + group.pending.map(\.agency.name).sorted().joined(separator: ", ")
                    }
                }
            }
        }
    }

    static func agency(_ context: PageContext, model: AgencyModel) -> HTMLNode {
        let vi = context.language == .vietnamese
        let language = context.language
        let record = model.record
        let index = record.index
        let explanation = ScoreExplanation(index: index, language: language)
        let scoreClass = index.classes[model.final.classPosition]
        return Layout.page(context, title: "\(record.agency.name) · \(record.period.name)") {
            div(.class("summary")) {
                div(.class("card")) {
                    p { vi ? "Điểm cuối cùng" : "Final score" }
                    p(.class("total")) { strong { Formats.score(model.final.final, language) } }
                    p { "\(scoreClass.title) · \(vi ? "hạng" : "rank") \(model.rank)/\(model.groupSize) \(vi ? "trong khối" : "in the group")" }
                }
                div(.class("card")) {
                    p { vi ? "Tự chấm → thẩm định sơ bộ → cuối cùng" : "Self → preliminary → final" }
                    p(.class("total")) {
                        strong { "\(Formats.score(model.selfScore.final, language)) → \(Formats.score(model.preliminary.final, language)) → \(Formats.score(model.final.final, language))" }
                    }
                }
                if let (period, _, score) = model.previous {
                    div(.class("card")) {
                        p { vi ? "So với \(period.name)" : "Since \(period.name)" }
                        p(.class("total")) { strong { change(model.final.final, score.final, language) } }
                        p { "\(vi ? "năm trước" : "then"): \(Formats.score(score.final, language))" }
                    }
                }
            }
            p {
                a(.href("/assessments/\(record.id)/results/scoresheet.pdf")) { vi ? "Phiếu điểm (PDF)" : "Score sheet (PDF)" }
                " · "
                a(.href("/assessments/\(record.id)/whatif")) { vi ? "Thử thay đổi số liệu (không lưu)" : "What if… (nothing is saved)" }
            }
            proposals(context, model: model)
            h2 { vi ? "Chi tiết từng tiêu chí" : "Criterion by criterion" }
            breakdown(context, model: model, explanation: explanation)
        }
    }

    static func proposals(_ context: PageContext, model: AgencyModel) -> HTMLNode {
        let vi = context.language == .vietnamese
        let language = context.language
        return section(.class("card proposals")) {
            h2 { vi ? "Đề xuất xếp loại người đứng đầu và cấp phó" : "Proposed ratings of the head and deputies" }
            p(.class("guidance")) {
                vi ? "Hệ thống chỉ đề xuất theo quy định; cấp có thẩm quyền xem xét, quyết định. Người đứng đầu không được xếp cao hơn xếp loại của đơn vị; cấp phó theo tỷ lệ điểm đạt được ở các lĩnh vực được phân công (≥ 90%, ≥ 80%, ≥ 50%) và không cao hơn người đứng đầu."
                    : "The system only proposes; the competent authority decides. The head is not rated above the agency's class; a deputy follows the share of points on their fields (≥ 90 %, ≥ 80 %, ≥ 50 %) and never above the head."
            }
            dl(.class("compare")) {
                dt { vi ? "Người đứng đầu" : "Head" }
                dd { model.proposal.head?.title(language) ?? (vi ? "(bộ chỉ số không quy định)" : "(the index sets none)") }
                for proposal in model.proposal.deputies {
                    dt { proposal.deputy.name + (proposal.deputy.position.isEmpty ? "" : ", \(proposal.deputy.position)") }
                    dd {
                        (proposal.proposed?.title(language) ?? (vi ? "chưa đề xuất được" : "no proposal"))
                        " — " + (vi ? "lĩnh vực " : "fields ") + proposal.deputy.fields.joined(separator: ", ")
                        if let share = proposal.share {
                            ": \(Formats.score(proposal.achieved, language))/\(Formats.score(proposal.possible, language)) \(vi ? "điểm" : "points") (\(Formats.score(share, language))%)"
                        }
                        if proposal.cappedByHead { vi ? ", hạ theo mức của người đứng đầu" : ", lowered to the head's" }
                        if !proposal.unknownFields.isEmpty {
                            (vi ? "; mã không có trong bộ chỉ số: " : "; codes not in the index: ") + proposal.unknownFields.joined(separator: ", ")
                        }
                    }
                }
            }
            if model.deputies.isEmpty {
                p { vi ? "Chưa khai báo cấp phó của đơn vị." : "No deputies are recorded for this agency." }
            }
            p { a(.href("/agencies/\(model.record.agency.id!)/deputies")) { vi ? "Cấp phó và lĩnh vực phân công" : "Deputies and their fields" } }
        }
    }

    static func breakdown(_ context: PageContext, model: AgencyModel, explanation: ScoreExplanation) -> HTMLNode {
        let vi = context.language == .vietnamese
        let language = context.language
        let record = model.record
        let index = record.index
        func points(_ score: AgencyScore, _ position: Int) -> String {
            score.nodes[position].applicable ? Formats.score(score.nodes[position].points, language) : context.t(.notApplicable)
        }
        return div(.class("table-wrap")) {
            table(.class("tree")) {
                thead {
                    tr {
                        th(.scope("col")) { vi ? "Tiêu chí" : "Criterion" }
                        th(.scope("col"), .class("num")) { vi ? "Tối đa" : "Max" }
                        th(.scope("col"), .class("num")) { vi ? "Tự chấm" : "Self" }
                        th(.scope("col"), .class("num")) { vi ? "Thẩm định sơ bộ" : "Preliminary" }
                        th(.scope("col"), .class("num")) { vi ? "Cuối cùng" : "Final" }
                        th(.scope("col"), .class("hide-small")) { vi ? "Lý do chênh lệch · cách tính" : "Why it differs · how computed" }
                    }
                }
                tbody {
                    for (position, node) in index.nodes.enumerated() {
                        let entry = record.entry(node.code)
                        let differs = model.selfScore.nodes[position].points != model.final.nodes[position].points
                            || model.preliminary.nodes[position].points != model.final.nodes[position].points
                        tr(.class(node.isLeaf ? "leaf" : "group"), .id("leaf-\(node.code)")) {
                            td(.class("depth-\(min(node.depth, 3))")) { "\(node.code) \(node.title)" }
                            td(.class("num")) { vi ? node.max.vietnamese() : node.max.description }
                            td(.class("num")) { points(model.selfScore, position) }
                            td(.class("num")) { points(model.preliminary, position) }
                            td(.class(differs ? "num changed" : "num")) { points(model.final, position) }
                            td(.class("hide-small")) {
                                if node.isLeaf {
                                    if differs, let comment = entry?.appraisalComment { strong { comment }; br() }
                                    if let text = entry?.explanation, model.reexamined.contains(node.code) {
                                        (vi ? "Giải trình: " : "Explanation: ") + text
                                        br()
                                    }
                                    explanation.explain(node: position, in: model.final)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
