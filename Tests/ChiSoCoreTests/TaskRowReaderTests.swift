import Testing
@testable import ChiSoCore

/// Reading a task-tracking export: guessing the columns, then every row.
@Suite("Task export rows")
struct TaskRowReaderTests {
    func date(_ day: Int, _ month: Int, _ year: Int = 2026) -> CivilDate { CivilDate(year: year, month: month, day: day)! }

    /// The columns of `header` each field is guessed to be in (`nil` for none).
    func guessed(_ header: [String]) -> [TaskField: String] {
        ColumnMapping.guess(header: header).columns.mapValues { header[$0] }
    }

    // MARK: Header guessing

    let vietnamese = ["Mã nhiệm vụ", "Số, ký hiệu văn bản giao", "Ngày văn bản", "Cơ quan ban hành", "Đơn vị chủ trì",
                      "Nội dung nhiệm vụ", "Hạn xử lý", "Văn bản gia hạn", "Ngày văn bản gia hạn", "Hạn sau gia hạn",
                      "Ngày hoàn thành", "Ghi chú"]

    @Test("A Vietnamese header maps every field to its column")
    func vietnameseHeader() {
        let mapping = ColumnMapping.guess(header: vietnamese)
        #expect(mapping.columns == Dictionary(uniqueKeysWithValues: TaskField.allCases.enumerated().map { ($1, $0) }))
        #expect(mapping.missingRequiredFields.isEmpty)
    }

    @Test("The same header without diacritics, in other words, with other spacing and case")
    func vietnameseWithoutDiacritics() {
        let header = ["STT", "Ma NV", "So ky hieu", "NGAY VAN BAN", "Co quan ban hanh", "Don vi  chu tri", "Noi dung",
                      "Thoi han", "Van ban gia han", "Ngay gia han", "Han moi", "Ngay hoan thanh", "Ket qua"]
        #expect(guessed(header) == [
            .sourceID: "Ma NV", .document: "So ky hieu", .documentDate: "NGAY VAN BAN", .issuer: "Co quan ban hanh",
            .agency: "Don vi  chu tri", .content: "Noi dung", .deadline: "Thoi han", .extensionDocument: "Van ban gia han",
            .extensionDate: "Ngay gia han", .extendedDeadline: "Han moi", .completedOn: "Ngay hoan thanh",
            .completionNote: "Ket qua",
        ])
    }

    @Test("An English header")
    func englishHeader() {
        let header = ["Task ID", "Document", "Document date", "Issuer", "Agency", "Content", "Deadline",
                      "Extension document", "Extension date", "Extended deadline", "Completed on", "Note"]
        #expect(ColumnMapping.guess(header: header).columns
            == Dictionary(uniqueKeysWithValues: TaskField.allCases.enumerated().map { ($1, $0) }))
        #expect(guessed(["ID", "Due date", "Assignee", "Description", "Document no.", "Date completed", "Remarks"]) == [
            .sourceID: "ID", .deadline: "Due date", .agency: "Assignee", .content: "Description",
            .document: "Document no.", .completedOn: "Date completed", .completionNote: "Remarks",
        ])
    }

    @Test("Decomposed (NFD) text, labels of the application itself, unknown and coordinating columns")
    func otherHeaders() {
        // "Mã nhiệm vụ" and "Hạn xử lý" typed with combining marks.
        #expect(guessed(["Ma\u{300} nhie\u{323}\u{302}m vu\u{323}", "Ha\u{323}n xu\u{31B}\u{309} ly\u{301}"])
            == [.sourceID: "Ma\u{300} nhie\u{323}\u{302}m vu\u{323}", .deadline: "Ha\u{323}n xu\u{31B}\u{309} ly\u{301}"])
        let labels = TaskField.allCases.map { $0.label(.vietnamese) }
        #expect(ColumnMapping.guess(header: labels).columns
            == Dictionary(uniqueKeysWithValues: TaskField.allCases.enumerated().map { ($1, $0) }))
        #expect(guessed(["STT", "Trích yếu", "Số văn bản", "Đơn vị phối hợp", "Cơ quan chủ trì", "Hạn hoàn thành",
                         "Trạng thái", "Ngày hoàn thành thực tế"]) == [
            .content: "Trích yếu", .document: "Số văn bản", .agency: "Cơ quan chủ trì", .deadline: "Hạn hoàn thành",
            .completedOn: "Ngày hoàn thành thực tế",
        ])
        // Coordinating agencies are never the agency in charge; a column is used once.
        #expect(guessed(["Đơn vị phối hợp", "Thời hạn"]) == [.deadline: "Thời hạn"])
        #expect(guessed(["Hạn xử lý", "Thời hạn"]) == [.deadline: "Hạn xử lý"])
        #expect(guessed([]).isEmpty)
        #expect(ColumnMapping.normalizedWords("Số, ký hiệu  văn bản (ĐƠN VỊ)") == ["so", "ky", "hieu", "van", "ban", "don", "vi"])
    }

    // MARK: Rows

    let mapping = ColumnMapping.guess(header: [
        "Mã nhiệm vụ", "Số, ký hiệu văn bản giao", "Ngày văn bản", "Cơ quan ban hành", "Đơn vị chủ trì",
        "Nội dung nhiệm vụ", "Hạn xử lý", "Văn bản gia hạn", "Ngày văn bản gia hạn", "Hạn sau gia hạn",
        "Ngày hoàn thành", "Ghi chú",
    ])
    let codes: Set<String> = ["SNV", "STP"]
    let names = ["Sở Nội vụ": "SNV", "Sở Tư pháp": "STP"]

    func read(_ rows: [(line: Int, fields: [String])]) -> (tasks: [ImportedTask], problems: [TaskProblem]) {
        TaskRowReader.read(rows: rows, mapping: mapping, agencyCodes: codes, agencyNames: names)
    }

    @Test("Good rows: trimmed text, dates read, agency by code or by name")
    func goodRows() {
        let result = read([
            (2, ["NV-001", "12/UBND-TH", "05/01/2026", "UBND tỉnh", "SNV", "Xây dựng kế hoạch CCHC", "31/01/2026",
                 "", "", "", "30/01/2026", "Đã hoàn thành"]),
            // The name in another case, decomposed; an extension; still open.
            (3, [" NV-002 ", "15/UBND-KT", "2026-01-10", "", "sở tư pha\u{301}p", "  Rà soát văn bản  ", "28/2/2026",
                 "45/UBND-TH", "25/02/2026", "31/03/2026", "", ""]),
            (4, ["", "  ", "", "", "", "", "", "", "", "", "", ""]),
            (5, ["NV-003", "20/QĐ-UBND", "", "", "Sở Nội vụ", "Báo cáo quý", "2026-03-15T00:00:00"]),
        ])
        #expect(result.problems.isEmpty)
        #expect(result.tasks == [
            ImportedTask(line: 2, sourceID: "NV-001", document: "12/UBND-TH", documentDate: date(5, 1), issuer: "UBND tỉnh",
                         agency: "SNV", content: "Xây dựng kế hoạch CCHC", deadline: date(31, 1), completedOn: date(30, 1),
                         completionNote: "Đã hoàn thành"),
            ImportedTask(line: 3, sourceID: "NV-002", document: "15/UBND-KT", documentDate: date(10, 1), agency: "STP",
                         content: "Rà soát văn bản", deadline: date(28, 2), extensionDocument: "45/UBND-TH",
                         extensionDate: date(25, 2), extendedDeadline: date(31, 3)),
            ImportedTask(line: 5, sourceID: "NV-003", document: "20/QĐ-UBND", agency: "SNV", content: "Báo cáo quý",
                         deadline: date(15, 3)),
        ])
        let extended = result.tasks[1].assignedTask
        #expect(extended.id == "NV-002" && extended.agency == "STP")
        #expect(extended.effectiveDeadline == date(31, 3))
        #expect(extended.extensions == [DeadlineExtension(document: "45/UBND-TH", documentDate: date(25, 2), newDeadline: date(31, 3))])
        #expect(result.tasks[0].assignedTask.status(on: date(1, 2)) == .doneOnTime)
    }

    @Test("Every problem of every bad row, with its line and column; good rows still come back")
    func badRows() {
        let longID = String(repeating: "X", count: 101)
        let longContent = String(repeating: "ộ", count: 4005)
        let result = read([
            (2, ["NV-001", "12/UBND-TH", "05/01/2026", "", "SNV", "Nhiệm vụ tốt", "31/01/2026", "", "", "", "", ""]),
            (5, ["", "13/UBND-TH", "", "", "Sở ABC", "Nội dung", "31/02/2026", "", "", "", "", ""]),
            (6, ["NV-001", "14/UBND-TH", "", "", "SNV", "Trùng mã", "10/02/2026", "", "", "28/02/2026", "", ""]),
            (7, ["NV-007", "15/UBND-TH", "2026/01/05", "", "STP", "Gia hạn thiếu hạn", "10/02/2026", "50/UBND-TH", "", "",
                 "hôm qua", ""]),
            (8, [longID, "", "", "", "SNV", " ", "10/02/2026", "", "", "", "", ""]),
            (9, ["NV-009", "16/UBND-TH", "01/01/2026"]),
            (10, ["NV-010", "17/UBND-TH", "", "", "SNV", longContent, "10/02/2026", "", "01/03/2026", "", "", ""]),
            (11, ["NV-011", "18/UBND-TH", "", "", "STP", "Nhiệm vụ tốt nữa", "10/02/2026", "", "", "", "", ""]),
        ])
        #expect(result.tasks.map(\.line) == [2, 11])
        let found = result.problems.map { "\($0.line) \($0.column.map(TaskProblem.columnLetters) ?? "-") \($0.field?.rawValue ?? "-")" }
        #expect(found == [
            "5 A sourceID", "5 E agency", "5 G deadline",
            "6 A sourceID", "6 H extensionDocument",
            "7 C documentDate", "7 J extendedDeadline", "7 K completedOn",
            "8 A sourceID", "8 B document", "8 F content",
            "9 E agency", "9 F content", "9 G deadline",
            "10 F content", "10 H extensionDocument",
        ])
        let messages = result.problems.map { $0.located(.vietnamese) }
        #expect(messages[0] == "Dòng 5, cột A (Mã nhiệm vụ (hệ thống nguồn)): đang để trống")
        #expect(messages[1] == "Dòng 5, cột E (Đơn vị được giao): không có đơn vị \"Sở ABC\" trong danh sách (ghi mã hoặc đúng tên đơn vị)")
        #expect(messages[2].hasPrefix("Dòng 5, cột G (Hạn xử lý): \"31/02/2026\" không phải là ngày hợp lệ"))
        #expect(messages[3] == "Dòng 6, cột A (Mã nhiệm vụ (hệ thống nguồn)): mã nhiệm vụ \"NV-001\" trùng với dòng 2")
        #expect(messages[6] == "Dòng 7, cột J (Hạn sau gia hạn): đang để trống trong khi dòng có văn bản gia hạn")
        #expect(messages[7].contains("\"hôm qua\""))
        #expect(messages[8] == "Dòng 8, cột A (Mã nhiệm vụ (hệ thống nguồn)): quá dài (101 ký tự, tối đa 100)")
        #expect(messages[14] == "Dòng 10, cột F (Nội dung nhiệm vụ): quá dài (4005 ký tự, tối đa 4000)")
        #expect(result.problems[4].located(.english)
            == "Line 6, column H (Extension document): is missing: the row gives an extended deadline or an extension date")
        #expect(result.problems[0].message(.english) == "is empty")
    }

    @Test("A duplicate names the first line even when that row was bad")
    func duplicateOfBadRow() {
        let result = read([
            (3, ["NV-1", "", "", "", "SNV", "a", "10/02/2026"]),
            (4, ["NV-1", "1/UBND", "", "", "SNV", "b", "10/02/2026"]),
        ])
        #expect(result.tasks.isEmpty)
        #expect(result.problems.map(\.line) == [3, 4])
        #expect(result.problems[1].english == "the task ID \"NV-1\" already appears at line 3")
    }

    @Test("A mapping without a required field reads nothing and names each missing field")
    func incompleteMapping() {
        let partial = ColumnMapping(columns: [.sourceID: 0, .document: 1, .completedOn: 2])
        #expect(partial.missingRequiredFields == [.agency, .content, .deadline])
        let result = TaskRowReader.read(rows: [(2, ["NV-1", "1/UBND", "01/01/2026"])], mapping: partial,
                                        agencyCodes: codes, agencyNames: names)
        #expect(result.tasks.isEmpty)
        #expect(result.problems.map(\.field) == [.agency, .content, .deadline])
        #expect(result.problems.allSatisfy { $0.line == 0 && $0.column == nil })
        #expect(result.problems[2].located(.vietnamese) == "Hạn xử lý: chưa chọn cột (trường bắt buộc)")
        #expect(result.problems[2].located(.english) == "Deadline: no column chosen (the field is required)")
    }

    @Test func columnLetters() {
        #expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(TaskProblem.columnLetters)
            == ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"])
    }

    @Test func fieldLabels() {
        #expect(TaskField.allCases.map { $0.label(.vietnamese) } == [
            "Mã nhiệm vụ (hệ thống nguồn)", "Số, ký hiệu văn bản giao", "Ngày văn bản", "Cơ quan ban hành",
            "Đơn vị được giao", "Nội dung nhiệm vụ", "Hạn xử lý", "Văn bản gia hạn", "Ngày văn bản gia hạn",
            "Hạn sau gia hạn", "Ngày hoàn thành", "Ghi chú/kết quả hoàn thành",
        ])
        #expect(TaskField.allCases.filter(\.isRequired) == [.sourceID, .document, .agency, .content, .deadline])
    }
}
