import ChiSoCore
import Foundation

/// The dashboards: the province's (every group) and an agency's own.
enum DashboardPage {
    static func empty(_ context: PageContext) -> HTMLNode {
        let vi = context.language == .vietnamese
        return Layout.page(context, title: vi ? "Tổng quan kết quả" : "Results dashboard") {
            p {
                vi ? "Chưa có kết quả nào để tổng hợp. Trong kỳ đang chạy, xem " : "No results to show yet. While a period runs, see "
                a(.href("/monitoring")) { vi ? "Theo dõi điểm" : "Monitoring" }
                "."
            }
        }
    }

    static func periodChooser(_ context: PageContext, periods: [PeriodModel], period: PeriodModel) -> HTMLNode {
        let vi = context.language == .vietnamese
        return form(.method("get"), .action("/dashboard"), .class("filters")) {
            div(.class("field")) {
                label(.for("period")) { vi ? "Kỳ đánh giá" : "Period" }
                select(.id("period"), .name("period")) {
                    for item in periods { option(.value(item.id!.uuidString), Attribute.when(item.id == period.id, .selected)) { item.name } }
                }
            }
            button(.type("submit")) { vi ? "Xem" : "Show" }
        }
    }

    /// Heat-map band of a share, for colour (with the number always printed).
    static func band(_ share: DecimalNumber?) -> String {
        guard let share else { return "heat na" }
        if share >= DecimalNumber(90) { return "heat h5" }
        if share >= DecimalNumber(80) { return "heat h4" }
        if share >= DecimalNumber(70) { return "heat h3" }
        if share >= DecimalNumber(50) { return "heat h2" }
        return "heat h1"
    }

    static func province(_ context: PageContext, periods: [PeriodModel], period: PeriodModel, groups: [DashboardController.GroupView],
                         previousPeriod: PeriodModel?) -> HTMLNode {
        let vi = context.language == .vietnamese
        let language = context.language
        return Layout.page(context, title: vi ? "Tổng quan kết quả" : "Results dashboard") {
            periodChooser(context, periods: periods, period: period)
            if period.status != .published {
                p(.class("notice")) { vi ? "Kỳ chưa công bố: chỉ gồm các hồ sơ đã chốt kết quả." : "Not published: finalised assessments only." }
            }
            for (number, view) in groups.enumerated() where !view.results.members.isEmpty {
                let group = view.results
                let fields = group.index.nodes.filter { $0.depth == 0 }
                h2 { "\(vi ? "Khối" : "Group") \(group.group) · \(group.index.title)" }
                p { a(.href("/periods/\(period.id!)/results#group-\(group.group)")) { vi ? "Bảng xếp hạng và tải về" : "Ranking and downloads" } }
                let counts = Dictionary(grouping: group.report.scores, by: \.classPosition).mapValues(\.count)
                Charts.bars(group.index.classes.enumerated().map { position, scoreClass in
                    Charts.Bar(label: scoreClass.title, value: DecimalNumber(counts[position] ?? 0), text: String(counts[position] ?? 0))
                }, scale: DecimalNumber(max(group.members.count, 1)), title: vi ? "Phân bố xếp loại" : "Classes", id: "classes-\(number)")
                h3 { vi ? "Bản đồ nhiệt: tỷ lệ điểm đạt theo lĩnh vực (%)" : "Heat map: share of points by field (%)" }
                div(.class("table-wrap")) {
                    table(.class("heatmap")) {
                        thead {
                            tr {
                                th(.scope("col"), .class("num")) { vi ? "Hạng" : "Rank" }
                                th(.scope("col")) { vi ? "Đơn vị" : "Agency" }
                                for field in fields { th(.scope("col"), .class("num"), .title(field.title)) { field.code } }
                                th(.scope("col"), .class("num")) { vi ? "Tổng" : "Final" }
                                th(.scope("col"), .class("num")) { vi ? "Minh chứng" : "Evidence" }
                                if let previousPeriod { th(.scope("col"), .class("num")) { vi ? "So với \(previousPeriod.name)" : "Since \(previousPeriod.name)" } }
                            }
                        }
                        tbody {
                            for entry in group.ranked {
                                let position = entry.position
                                tr {
                                    td(.class("num")) { String(entry.rank) }
                                    td { a(.href("/assessments/\(group.members[position].assessment.id!)/results")) { group.members[position].agency.name } }
                                    for share in view.shares[position] {
                                        td(.class("num \(band(share))")) { share.map { Formats.score($0, language, places: 1) } ?? "—" }
                                    }
                                    td(.class("num")) { strong { Formats.score(group.report.scores[position].final, language) } }
                                    let evidence = view.evidence[position]
                                    td(.class("num")) { evidence.need == 0 ? "—" : "\(evidence.have)/\(evidence.need)" }
                                    if previousPeriod != nil {
                                        td(.class("num")) { ResultsPages.change(group.report.scores[position].final, view.previous[position], language) }
                                    }
                                }
                            }
                        }
                    }
                }
                p(.class("guidance")) {
                    (vi ? "Lĩnh vực: " : "Fields: ") + fields.map { "\($0.code) \($0.title)" }.joined(separator: "; ") + ". "
                    vi ? "Minh chứng: số tiêu chí bắt buộc có tài liệu kiểm chứng đã có tệp / cần có." : "Evidence: criteria that require evidence and have it / that require it."
                }
                DifferencesTable.view(context, against: .final, rows: view.gaps)
            }
        }
    }

    static func agency(_ context: PageContext, periods: [PeriodModel], period: PeriodModel, group view: DashboardController.GroupView,
                       position: Int, previousPeriod: PeriodModel?, previous: (Index, AgencyScore)?) -> HTMLNode {
        let vi = context.language == .vietnamese
        let language = context.language
        let group = view.results
        let member = group.members[position]
        let score = group.report.scores[position]
        let fields = group.index.nodes.enumerated().filter { $0.element.depth == 0 }
        return Layout.page(context, title: vi ? "Tổng quan · \(member.agency.name)" : "Dashboard · \(member.agency.name)") {
            periodChooser(context, periods: periods, period: period)
            div(.class("summary")) {
                div(.class("card")) {
                    p { period.name }
                    p(.class("total")) { strong { Formats.score(score.final, language) } }
                    p { "\(group.index.classes[score.classPosition].title) · \(vi ? "hạng" : "rank") \(group.rank(of: position))/\(group.members.count)" }
                }
                if let previousPeriod, let previous {
                    div(.class("card")) {
                        p { vi ? "So với \(previousPeriod.name)" : "Since \(previousPeriod.name)" }
                        p(.class("total")) { strong { ResultsPages.change(score.final, previous.1.final, language) } }
                    }
                }
            }
            h2 { vi ? "Tỷ lệ điểm đạt theo lĩnh vực: đơn vị và trung bình khối" : "Share of points by field: the agency and its group's average" }
            let averages: [DecimalNumber?] = fields.indices.map { column in
                let values = view.shares.compactMap { $0[column] }
                guard !values.isEmpty else { return nil }
                return DecimalNumber.quotient(values.reduce(DecimalNumber.zero, +), DecimalNumber(values.count), places: 1)
            }
            Charts.bars(fields.indices.flatMap { column -> [Charts.Bar] in
                let own = view.shares[position][column] ?? .zero
                let average = averages[column] ?? .zero
                return [
                    Charts.Bar(label: "\(fields[column].element.code) · \(vi ? "đơn vị" : "agency")", value: own, text: "\(Formats.score(own, language, places: 1))%"),
                    Charts.Bar(label: "\(fields[column].element.code) · \(vi ? "TB khối" : "group avg")", value: average,
                               text: "\(Formats.score(average, language, places: 1))%"),
                ]
            }, scale: DecimalNumber(100), title: vi ? "Tỷ lệ điểm đạt theo lĩnh vực" : "Share of points by field", id: "fields")
            div(.class("table-wrap")) {
                table {
                    thead {
                        tr {
                            th(.scope("col")) { vi ? "Lĩnh vực" : "Field" }
                            th(.scope("col"), .class("num")) { vi ? "Điểm" : "Points" }
                            th(.scope("col"), .class("num")) { vi ? "Tỷ lệ (%)" : "Share (%)" }
                            th(.scope("col"), .class("num")) { vi ? "TB khối (%)" : "Group avg (%)" }
                            if let previousPeriod { th(.scope("col"), .class("num")) { vi ? "Điểm \(previousPeriod.name)" : "Points \(previousPeriod.name)" } }
                        }
                    }
                    tbody {
                        for (column, field) in fields.enumerated() {
                            // The previous period's node with the same code.
                            let before = previous.flatMap { old in old.0.nodes.firstIndex { $0.code == field.element.code }.map { old.1.nodes[$0] } }
                            tr {
                                td { "\(field.element.code) \(field.element.title)" }
                                td(.class("num")) { Formats.score(score.nodes[field.offset].points, language) }
                                td(.class("num")) { view.shares[position][column].map { Formats.score($0, language, places: 1) } ?? "—" }
                                td(.class("num")) { averages[column].map { Formats.score($0, language, places: 1) } ?? "—" }
                                if previousPeriod != nil {
                                    td(.class("num")) { before.map { Formats.score($0.points, language) } ?? "—" }
                                }
                            }
                        }
                    }
                }
            }
            p { a(.href("/assessments/\(member.assessment.id!)/results")) { vi ? "Kết quả chi tiết và đề xuất xếp loại" : "Detailed result and rating proposals" } }
        }
    }
}
