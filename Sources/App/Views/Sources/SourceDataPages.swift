import ChiSoCore
import Foundation

/// Survey results and leader ratings of a period.
enum SourceDataPages {
    static func surveys(_ context: PageContext, period: PeriodModel, results: [SurveyResultModel], canImport: Bool,
                        problems: [String], limit: String) -> HTMLNode {
        let vi = context.language == .vietnamese
        return Layout.page(context, title: vi ? "Kết quả điều tra xã hội học · \(period.name)" : "Survey results · \(period.name)") {
            if results.isEmpty {
                p { vi ? "Chưa có kết quả điều tra nào cho kỳ này." : "No survey results for this period yet." }
            } else {
                div(.class("table-wrap")) {
                    table {
                        thead {
                            tr {
                                th(.scope("col")) { vi ? "Đơn vị" : "Agency" }
                                th(.scope("col")) { vi ? "Tiêu chí" : "Criterion" }
                                th(.scope("col"), .class("num")) { vi ? "Tỷ lệ hài lòng" : "Satisfaction" }
                                th(.scope("col")) { vi ? "Cuộc điều tra" : "Survey" }
                                th(.scope("col"), .class("num")) { vi ? "Cỡ mẫu" : "Sample" }
                            }
                        }
                        tbody {
                            for result in results {
                                tr {
                                    td { "\(result.agency.code) — \(result.agency.name)" }
                                    td { result.criterionCode }
                                    td(.class("num")) {
                                        ((try? DecimalNumber.parse(result.percentage)).map { vi ? $0.vietnamese() : $0.description } ?? result.percentage) + "%"
                                    }
                                    td { result.surveyName }
                                    td(.class("num")) { String(result.sampleSize) }
                                }
                            }
                        }
                    }
                }
            }
            if canImport {
                h2 { vi ? "Nhập kết quả điều tra" : "Import survey results" }
                p {
                    vi ? "Tệp CSV (UTF-8) hoặc Excel (.xlsx) có dòng tiêu đề: agency,criterion,percentage,survey,sample_size. Cột criterion để trống khi bộ chỉ số của đơn vị chỉ có một tiêu chí lấy kết quả điều tra. Nhập lại thay kết quả cũ của cùng đơn vị và tiêu chí."
                        : "A CSV (UTF-8) or Excel (.xlsx) file with the header agency,criterion,percentage,survey,sample_size. Leave criterion empty when the agency's index has a single survey criterion. Importing again replaces the same agency and criterion."
                }
                p { limit }
                Fields.errors(problems)
                form(.method("post"), .action("/periods/\(period.id!)/surveys"), .enctype("multipart/form-data")) {
                    Layout.csrfField(context)
                    div(.class("field")) {
                        label(.for("file")) { vi ? "Tệp kết quả" : "Results file" }
                        input(.type("file"), .id("file"), .name("file"), .accept(".csv,.xlsx"), .required)
                    }
                    button(.type("submit")) { vi ? "Nhập tệp" : "Import" }
                }
            }
        }
    }

    static func ratings(_ context: PageContext, period: PeriodModel, subjects: [SourceDataController.Subject], ratings: [LeaderRatingModel],
                        errors: [String: String]) -> HTMLNode {
        let vi = context.language == .vietnamese
        return Layout.page(context, title: vi ? "Lãnh đạo tỉnh đánh giá · \(period.name)" : "Leader ratings · \(period.name)") {
            if subjects.isEmpty {
                p { vi ? "Bộ chỉ số của kỳ này không có tiêu chí do lãnh đạo tỉnh đánh giá." : "This period's indexes have no criterion rated by leaders." }
            }
            Fields.errors(errors.values.sorted())
            for subject in subjects {
                form(.method("post"), .action("/periods/\(period.id!)/ratings/\(subject.agency.id!)"), .class("card rating"),
                     .id("agency-\(subject.agency.code)")) {
                    Layout.csrfField(context)
                    h2 { "\(subject.agency.code) — \(subject.agency.name)" }
                    for criterion in subject.leaderCriteria {
                        let current = ratings.first { $0.$agency.id == subject.agency.id && $0.criterionCode == criterion.code }
                        let id = "level-\(subject.agency.code)-\(criterion.code)"
                        div(.class(errors["\(subject.agency.id!)-\(criterion.code)"] == nil ? "field" : "field invalid")) {
                            label(.for(id)) { "\(criterion.code) \(criterion.title)" }
                            select(.id(id), .name("level-\(criterion.code)")) {
                                option(.value("")) { vi ? "(chưa đánh giá)" : "(not rated)" }
                                if case let .levels(levels) = criterion.leaf!.rule {
                                    for level in levels {
                                        option(.value(level.code), Attribute.when(current?.level == level.code, .selected)) {
                                            "\(level.code) (\(vi ? level.points.vietnamese() : level.points.description) \(vi ? "điểm" : "points"))"
                                        }
                                    }
                                }
                            }
                            if let current {
                                small { vi ? "Đã đánh giá: \(current.ratedBy.displayName), \(Formats.dateTime(current.ratedAt))"
                                    : "Rated by \(current.ratedBy.displayName), \(Formats.dateTime(current.ratedAt))" }
                            }
                        }
                    }
                    if period.status != .published { button(.type("submit")) { vi ? "Lưu" : "Save" } }
                }
            }
        }
    }
}
