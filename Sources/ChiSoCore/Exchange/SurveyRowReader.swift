import Foundation

/// One agency's result in a satisfaction survey, for one `survey` criterion.
public struct SurveyResult: Sendable, Hashable {
    public var line: Int
    public var agency: String
    public var criterion: String
    public var percentage: DecimalNumber
    public var survey: String
    public var sampleSize: Int
}

/// Reads imported survey results: a header row with the columns `agency`,
/// `criterion` (optional), `percentage`, `survey`, `sample_size`, then one
/// row per agency and criterion. Every bad row is reported with its line.
public enum SurveyRowReader {
    static let columns = ["agency", "criterion", "percentage", "survey", "sample_size"]

    /// `criteria`: for each agency code, the codes of the `survey` criteria of
    /// its index. A row may leave `criterion` empty when there is only one.
    public static func read(rows: [(line: Int, fields: [String])], criteria: [String: [String]])
        -> (results: [SurveyResult], problems: [LineProblem]) {
        guard let header = rows.first else {
            return ([], [LineProblem(line: 1, english: "the file is empty", vietnamese: "tệp trống")])
        }
        var problems: [LineProblem] = []
        var position: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            if columns.contains(key) {
                position[key] = index
            } else {
                problems.append(LineProblem(line: header.line, english: "unknown column \"\(name)\" (expected \(columns.joined(separator: ",")))",
                                            vietnamese: "cột không hợp lệ \"\(name)\" (cần \(columns.joined(separator: ",")))"))
            }
        }
        for name in columns where name != "criterion" && position[name] == nil {
            problems.append(LineProblem(line: header.line, english: "missing column \(name)", vietnamese: "thiếu cột \(name)"))
        }
        guard problems.isEmpty else { return ([], problems) }

        var results: [SurveyResult] = []
        var seen: [String: Int] = [:]
        for (line, fields) in rows.dropFirst() {
            func cell(_ name: String) -> String {
                guard let index = position[name], index < fields.count else { return "" }
                return fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            func problem(_ english: String, _ vietnamese: String) {
                problems.append(LineProblem(line: line, english: english, vietnamese: vietnamese))
            }
            let agency = cell("agency")
            var criterion = cell("criterion")
            let options = criteria[agency]
            if agency.isEmpty {
                problem("agency is empty", "thiếu mã đơn vị")
            } else if options == nil {
                problem("unknown agency \"\(agency)\"", "không có đơn vị mã \"\(agency)\"")
            } else if criterion.isEmpty {
                if options!.count == 1 {
                    criterion = options![0]
                } else if options!.isEmpty {
                    problem("the index of \(agency) has no survey criterion", "bộ chỉ số của \(agency) không có tiêu chí lấy kết quả điều tra")
                } else {
                    problem("criterion is needed: \(agency)'s index has several survey criteria (\(options!.joined(separator: ", ")))",
                            "cần ghi tiêu chí: bộ chỉ số của \(agency) có nhiều tiêu chí điều tra (\(options!.joined(separator: ", ")))")
                }
            } else if !options!.contains(criterion) {
                problem("\(criterion) is not a survey criterion of \(agency)'s index", "\(criterion) không phải tiêu chí lấy kết quả điều tra của \(agency)")
            }
            let percentText = cell("percentage")
            let percentage = try? DecimalNumber.parse(percentText)
            if percentage == nil || percentage! < .zero || percentage! > DecimalNumber(100) {
                problem("percentage must be a number from 0 to 100, not \"\(percentText)\"", "tỷ lệ phải là số từ 0 đến 100, không phải \"\(percentText)\"")
            }
            let survey = cell("survey")
            if survey.isEmpty { problem("survey name is empty", "thiếu tên cuộc điều tra") }
            let sampleText = cell("sample_size")
            let sample = Int(sampleText)
            if sample == nil || sample! < 1 {
                problem("sample_size must be a whole number ≥ 1, not \"\(sampleText)\"", "cỡ mẫu phải là số nguyên ≥ 1, không phải \"\(sampleText)\"")
            }
            if !agency.isEmpty, !criterion.isEmpty {
                let key = agency + "\u{0}" + criterion
                if let earlier = seen[key] {
                    problem("\(agency) \(criterion) repeats line \(earlier)", "\(agency) \(criterion) trùng với dòng \(earlier)")
                } else {
                    seen[key] = line
                }
            }
            if problems.last?.line != line, let percentage, let sample {
                results.append(SurveyResult(line: line, agency: agency, criterion: criterion, percentage: percentage, survey: survey,
                                            sampleSize: sample))
            }
        }
        return (results, problems)
    }
}
