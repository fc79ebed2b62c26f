/// Reads the agency list (spec §2): `code,name,group,tags`, tags separated by
/// `;`. Every bad row is reported with its line.
public enum AgencyListReader {
    public static func read(_ bytes: [UInt8]) throws(LineProblems) -> [Agency] {
        var agencies: [Agency] = []
        var problems: [LineProblem] = []
        var firstLine: [String: Int] = [:]
        var positions: [String: Int]?

        try SpreadsheetRows.forEachRecord(in: bytes) { line, fields throws(LineProblems) in
            guard let columns = positions else {
                let header = CSVReader.columns(header: fields, line: line, required: ["code", "name", "group"],
                                               optional: ["tags"])
                if !header.problems.isEmpty { throw LineProblems(header.problems) }
                positions = header.positions
                return
            }
            if fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { return }
            guard fields.count == columns.count else {
                problems.append(LineProblem(
                    line: line,
                    english: "expected \(columns.count) fields, found \(fields.count)",
                    vietnamese: "cần \(columns.count) ô, có \(fields.count) ô"))
                return
            }
            func cell(_ name: String) -> String { columns[name].map { fields[$0].trimmingSpaces } ?? "" }
            let code = cell("code"), name = cell("name"), group = cell("group")
            var rowOK = true
            if code.isEmpty {
                problems.append(LineProblem(line: line, english: "the agency code is empty", vietnamese: "mã đơn vị đang để trống"))
                rowOK = false
            } else if let first = firstLine[code] {
                problems.append(LineProblem(line: line, english: "agency code \(code) is already used at line \(first)",
                                            vietnamese: "mã đơn vị \(code) đã dùng ở dòng \(first)"))
                rowOK = false
            } else {
                firstLine[code] = line
            }
            if name.isEmpty {
                problems.append(LineProblem(line: line, english: "agency \(code): the name is empty",
                                            vietnamese: "đơn vị \(code): tên đang để trống"))
                rowOK = false
            }
            if group.isEmpty {
                problems.append(LineProblem(line: line, english: "agency \(code): the group is empty",
                                            vietnamese: "đơn vị \(code): khối đang để trống"))
                rowOK = false
            }
            let tags = cell("tags").split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            for (what, whatVI, text) in [("code", "mã", code), ("name", "tên", name), ("group", "khối", group)]
                + tags.map({ ("tag", "nhãn", $0) }) where SpreadsheetFormula.looksLikeFormula(text) {
                problems.append(LineProblem(
                    line: line,
                    english: "agency \(code): the \(what) \"\(text)\" begins with \(SpreadsheetFormula.describeStart(text)), which a spreadsheet would run as a formula",
                    vietnamese: "đơn vị \(code): \(whatVI) \"\(text)\" bắt đầu bằng \(SpreadsheetFormula.describeStart(text)), bảng tính sẽ chạy nó như một công thức"))
                rowOK = false
            }
            if rowOK { agencies.append(Agency(code: code, name: name, group: group, tags: tags)) }
        }
        if positions == nil {
            problems.append(LineProblem(line: 1, english: "the file is empty (expected a header code,name,group,tags)",
                                        vietnamese: "tệp rỗng (cần dòng tiêu đề code,name,group,tags)"))
        }
        if !problems.isEmpty { throw LineProblems(problems) }
        return agencies
    }
}
