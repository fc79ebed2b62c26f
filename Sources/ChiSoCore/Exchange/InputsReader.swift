/// Reads score inputs (spec §5; CSV, or the same table as an .xlsx workbook): `agency,criterion,value,evidence`, one row
/// per agency and leaf (or bonus/deduction item). Every row is checked
/// against its rule, applicable or not; every error of every row is
/// reported with the line where the record starts.
public enum InputsReader {
    /// One ``ScoreSheet`` per agency, in the order of `agencies`.
    public static func read(_ bytes: [UInt8], index: Index, agencies: [Agency]) throws(LineProblems) -> [ScoreSheet] {
        let items = index.itemsByCode()
        let isLeaf = index.nodes.map(\.isLeaf)
        var agencyPositions: [String: Int] = [:]
        agencyPositions.reserveCapacity(agencies.count)
        for (position, agency) in agencies.enumerated() { agencyPositions[agency.code] = position }

        var sheets = [ScoreSheet](repeating: ScoreSheet(for: index), count: agencies.count)
        let slotCount = ScoreSheet.slotCount(for: index)
        // Line of the row that first set (agency, item): duplicates name it.
        var firstLines = [Int32](repeating: 0, count: agencies.count * slotCount)
        var unknownRowLines: [String: Int] = [:]
        var notApplicable: [Int: [Int: (tag: String, declaredAt: Int)]] = [:]
        var problems: [LineProblem] = []
        var positions: [String: Int]?

        try SpreadsheetRows.forEachRecord(in: bytes) { line, fields throws(LineProblems) in
            guard let columns = positions else {
                let header = CSVReader.columns(header: fields, line: line, required: ["agency", "criterion", "value"],
                                               optional: ["evidence"])
                if !header.problems.isEmpty { throw LineProblems(header.problems) }
                positions = header.positions
                return
            }
            if fields.allSatisfy({ $0.isEmpty }) { return }
            guard fields.count == columns.count else {
                problems.append(LineProblem(line: line, english: "expected \(columns.count) fields, found \(fields.count)",
                                            vietnamese: "cần \(columns.count) ô, có \(fields.count) ô"))
                return
            }
            func cell(_ name: String) -> String { columns[name].map { fields[$0].trimmingSpaces } ?? "" }
            let agencyCode = cell("agency"), criterion = cell("criterion"), text = cell("value")

            func report(_ english: String, _ vietnamese: String) {
                problems.append(LineProblem(line: line, english: english, vietnamese: vietnamese))
            }

            // Who and what.
            let agency = agencyPositions[agencyCode]
            if agencyCode.isEmpty {
                report("the agency is empty", "mã đơn vị đang để trống")
            } else if agency == nil {
                report("unknown agency \(agencyCode)", "không có đơn vị mã \(agencyCode) trong danh sách")
            }
            var item: ItemReference?
            if criterion.isEmpty {
                report("the criterion is empty", "mã tiêu chí đang để trống")
            } else if let found = items[criterion] {
                if case let .criterion(position) = found, !isLeaf[position] {
                    report("criterion \(criterion) is a group; give inputs for its sub-criteria",
                           "tiêu chí \(criterion) là nhóm; hãy nhập cho các tiêu chí thành phần của nó")
                } else {
                    item = found
                }
            } else {
                report("unknown criterion \(criterion)", "không có tiêu chí mã \(criterion) trong bộ chỉ số")
            }

            // Duplicates.
            var isFirst = false
            if let agency, let item {
                let offset = agency * slotCount + ScoreSheet.slot(item, in: index)
                if firstLines[offset] != 0 {
                    report("duplicate of line \(firstLines[offset]) (agency \(agencyCode), criterion \(criterion))",
                           "trùng với dòng \(firstLines[offset]) (đơn vị \(agencyCode), tiêu chí \(criterion))")
                } else {
                    firstLines[offset] = Int32(clamping: line)
                    isFirst = true
                }
            } else if !agencyCode.isEmpty, !criterion.isEmpty {
                let key = agencyCode + "\u{1F}" + criterion
                if let first = unknownRowLines[key] {
                    report("duplicate of line \(first)", "trùng với dòng \(first)")
                } else {
                    unknownRowLines[key] = line
                }
            }

            // The value, against its rule.
            var value: InputValue?
            if !text.isEmpty, let item {
                let reading = InputReading.read(text, for: item, in: index)
                if case .success(.notApplicable) = reading, case let .criterion(position) = item,
                   !index.nodes[position].allowNA, let agency {
                    // InputReading.mayBeNotApplicable, with the agency's tags read once per agency.
                    if notApplicable[agency] == nil {
                        notApplicable[agency] = index.notApplicableByTags(agencies[agency].tags)
                    }
                    if notApplicable[agency]?[position] == nil {
                        report("criterion \(criterion): NA is not allowed (the criterion applies to agency \(agencyCode) and does not allow N/A)",
                               "tiêu chí \(criterion): không được nhập NA (tiêu chí áp dụng cho đơn vị \(agencyCode) và không cho phép \"không áp dụng\")")
                    }
                }
                switch reading {
                case let .success(read): value = read
                case let .failure(problem):
                    report("criterion \(criterion): \(problem.english)", "tiêu chí \(criterion): \(problem.vietnamese)")
                }
            }

            // Evidence files attached.
            var evidence = 0
            let evidenceText = cell("evidence")
            if !evidenceText.isEmpty {
                if let count = DecimalNumber(evidenceText)?.intValue, count >= 0 {
                    evidence = count
                } else {
                    report("evidence must be a whole number ≥ 0, not \"\(evidenceText)\"",
                           "số tài liệu kiểm chứng phải là số nguyên ≥ 0, không phải \"\(evidenceText)\"")
                }
            }

            if isFirst, let agency, let item {
                sheets[agency][item] = Entry(value: value, evidence: evidence)
            }
        }
        if positions == nil {
            problems.append(LineProblem(line: 1, english: "the file is empty (expected a header agency,criterion,value,evidence)",
                                        vietnamese: "tệp rỗng (cần dòng tiêu đề agency,criterion,value,evidence)"))
        }
        if !problems.isEmpty { throw LineProblems(problems) }
        return sheets
    }
}
