import ChiSoCore
import Foundation

/// The demo province's data behind sourced criteria: tasks assigned by the
/// provincial People's Committee in 2025 and 2026 (most done on time, some
/// late, some overdue, a few extended), survey results and leader ratings.
/// Deterministic, relative to the day the demo is loaded.
enum DemoSources {
    static let contents = [
        "Tham mưu UBND tỉnh ban hành kế hoạch thực hiện chương trình chuyển đổi số",
        "Báo cáo kết quả thực hiện Nghị quyết của HĐND tỉnh về phát triển kinh tế - xã hội",
        "Rà soát, đề xuất phương án đơn giản hoá thủ tục hành chính",
        "Xây dựng đề án nâng cao chất lượng dịch vụ công trực tuyến",
        "Tổng hợp, trả lời kiến nghị cử tri trước kỳ họp HĐND tỉnh",
        "Kiểm tra, xử lý dứt điểm đơn thư khiếu nại kéo dài",
        "Báo cáo tình hình giải ngân vốn đầu tư công",
        "Tham mưu sơ kết công tác cải cách hành chính",
        "Rà soát văn bản quy phạm pháp luật thuộc lĩnh vực quản lý",
        "Đề xuất giải pháp tháo gỡ khó khăn cho doanh nghiệp",
        "Hoàn thiện hồ sơ trình phê duyệt quy hoạch chuyên ngành",
        "Triển khai số hoá hồ sơ, kết quả giải quyết thủ tục hành chính",
        "Báo cáo công tác phòng, chống tham nhũng, tiêu cực",
        "Tổ chức đối thoại với người dân, doanh nghiệp",
    ]

    /// About 1,200 tasks for the demo agencies, in 2025 and 2026.
    static func tasks(agencies: [AgencyModel], today: CivilDate) -> [ImportedTask] {
        var result: [ImportedTask] = []
        var number = 1000
        for agency in agencies {
            var random = DemoRandom(seed: "tasks-" + agency.code)
            let perYear = agency.group == "so" ? 16 : 8
            // How reliable this agency is.
            let reliability = 0.6 + 0.38 * random.unit()
            for year in [2025, 2026] {
                for item in 0..<perYear {
                    number += 1
                    let month = 1 + (item * 12) / perYear
                    let assigned = CivilDate(year: year, month: month, day: 1 + Int(random.next() % 25))!
                    let deadline = assigned.adding(days: 20 + Int(random.next() % 60))
                    var extended: CivilDate?
                    if random.unit() < 0.08 { extended = deadline.adding(days: 30) }
                    let due = extended ?? deadline
                    var completed: CivilDate?
                    let roll = random.unit()
                    if due < today {
                        if roll < reliability { completed = due.adding(days: -Int(random.next() % 15)) }
                        else if roll < reliability + (1 - reliability) * 0.6 { completed = due.adding(days: 3 + Int(random.next() % 30)) }
                        if let done = completed, done > today { completed = nil }
                    } else if roll < 0.35 {
                        let early = assigned.adding(days: 5 + Int(random.next() % 15))
                        completed = early <= today ? early : nil
                    }
                    result.append(ImportedTask(
                        line: 0, sourceID: "VPUB-\(year)-\(number)",
                        document: "\(number)/UBND-\(random.pick(["KT", "TH", "NC", "VX"]))",
                        documentDate: assigned, issuer: random.unit() < 0.7 ? "UBND tỉnh" : "Chủ tịch UBND tỉnh",
                        agency: agency.code, content: "\(random.pick(contents)) năm \(year)", deadline: deadline,
                        extensionDocument: extended.map { _ in "\(number + 5000)/UBND-TH" },
                        extensionDate: extended.map { _ in deadline.adding(days: -5) }, extendedDeadline: extended,
                        completedOn: completed, completionNote: completed == nil ? "" : "Đã báo cáo kết quả bằng văn bản."))
                }
            }
        }
        return result
    }

    /// The satisfaction percentage of an agency in a year.
    static func survey(agency: String, year: Int, criterion: String) -> DecimalNumber {
        var random = DemoRandom(seed: "survey-\(agency)-\(year)-\(criterion)")
        return DecimalNumber(significand: Int128(7200 + Int(random.next() % 2700)), scale: 2)
    }

    /// How many people answered the survey about an agency.
    static func sampleSize(agency: String) -> Int {
        var random = DemoRandom(seed: "sample-\(agency)")
        return 300 + Int(random.next() % 400)
    }

    /// A leader's level for an agency (the first, best level most often); nil: not rated yet.
    static func rating(agency: String, year: Int, criterion: Criterion) -> String? {
        guard case let .levels(levels) = criterion.leaf?.rule, !levels.isEmpty else { return nil }
        var random = DemoRandom(seed: "rating-\(agency)-\(year)-\(criterion.code)")
        if year == 2026, random.unit() < 0.5 { return nil }
        let roll = random.unit()
        return levels[roll < 0.45 ? 0 : roll < 0.85 ? min(1, levels.count - 1) : min(2, levels.count - 1)].code
    }
}
