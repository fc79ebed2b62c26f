import Foundation

/// A piece of information an export of the task-tracking system may hold,
/// one column each.
public enum TaskField: String, Sendable, CaseIterable {
    case sourceID, document, documentDate, issuer, agency, content, deadline
    case extensionDocument, extensionDate, extendedDeadline, completedOn, completionNote

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.sourceID, .vietnamese): "Mã nhiệm vụ (hệ thống nguồn)"
        case (.sourceID, .english): "Task ID (source system)"
        case (.document, .vietnamese): "Số, ký hiệu văn bản giao"
        case (.document, .english): "Assigning document number"
        case (.documentDate, .vietnamese): "Ngày văn bản"
        case (.documentDate, .english): "Document date"
        case (.issuer, .vietnamese): "Cơ quan ban hành"
        case (.issuer, .english): "Issuing authority"
        case (.agency, .vietnamese): "Đơn vị được giao"
        case (.agency, .english): "Assigned agency"
        case (.content, .vietnamese): "Nội dung nhiệm vụ"
        case (.content, .english): "Task content"
        case (.deadline, .vietnamese): "Hạn xử lý"
        case (.deadline, .english): "Deadline"
        case (.extensionDocument, .vietnamese): "Văn bản gia hạn"
        case (.extensionDocument, .english): "Extension document"
        case (.extensionDate, .vietnamese): "Ngày văn bản gia hạn"
        case (.extensionDate, .english): "Extension document date"
        case (.extendedDeadline, .vietnamese): "Hạn sau gia hạn"
        case (.extendedDeadline, .english): "Extended deadline"
        case (.completedOn, .vietnamese): "Ngày hoàn thành"
        case (.completedOn, .english): "Completion date"
        case (.completionNote, .vietnamese): "Ghi chú/kết quả hoàn thành"
        case (.completionNote, .english): "Completion note/result"
        }
    }

    /// A task cannot be imported without these.
    public var isRequired: Bool {
        switch self {
        case .sourceID, .document, .agency, .content, .deadline: true
        default: false
        }
    }

    /// The most characters a cell of this field may hold (`nil`: dates).
    public var maxLength: Int? {
        switch self {
        case .sourceID: 100
        case .document, .extensionDocument, .issuer: 200
        case .content, .completionNote: 4000
        case .agency: nil // checked against the agency list instead
        case .documentDate, .deadline, .extensionDate, .extendedDeadline, .completedOn: nil
        }
    }

    /// Header texts that never name this field even when they contain one of
    /// its names: "Đơn vị phối hợp" (coordinating agencies) is not the agency in charge.
    var excludedNames: [String] {
        self == .agency ? ["phối hợp", "coordinating", "supporting"] : []
    }

    /// Header texts that name this field in exports, besides its labels
    /// and raw value; compared after ``ColumnMapping/normalizedWords(_:)``.
    var synonyms: [String] {
        switch self {
        case .sourceID:
            ["mã nhiệm vụ", "mã nv", "mã số nhiệm vụ", "số hiệu nhiệm vụ", "mã công việc", "id", "task id", "task code",
             "source id", "task number"]
        case .document:
            ["số ký hiệu", "số, ký hiệu", "số ký hiệu văn bản", "văn bản giao", "văn bản giao nhiệm vụ", "số văn bản",
             "văn bản", "số hiệu văn bản", "document", "document number", "document no", "assigning document"]
        case .documentDate:
            ["ngày văn bản", "ngày văn bản giao", "ngày ban hành", "ngày ký", "ngày giao", "ngày giao nhiệm vụ",
             "document date", "date issued", "issued on", "assigned on"]
        case .issuer:
            ["cơ quan ban hành", "cơ quan giao", "đơn vị giao", "cấp giao", "người ký", "người giao", "nơi ban hành",
             "issuer", "issued by", "assigned by", "authority"]
        case .agency:
            ["đơn vị chủ trì", "cơ quan chủ trì", "đơn vị", "cơ quan", "đơn vị được giao", "cơ quan được giao",
             "đơn vị thực hiện", "đơn vị xử lý", "mã đơn vị", "agency", "agency code", "assignee", "assigned to",
             "department", "unit"]
        case .content:
            ["nội dung", "nội dung nhiệm vụ", "nội dung công việc", "nội dung giao", "tên nhiệm vụ", "nhiệm vụ",
             "trích yếu", "content", "task", "task content", "description", "title"]
        case .deadline:
            ["hạn xử lý", "thời hạn", "hạn hoàn thành", "thời hạn hoàn thành", "thời hạn xử lý", "hạn giải quyết",
             "hạn", "hạn ban đầu", "deadline", "due", "due date", "due on", "original deadline"]
        case .extensionDocument:
            ["văn bản gia hạn", "số văn bản gia hạn", "văn bản điều chỉnh hạn", "extension document", "extension"]
        case .extensionDate:
            ["ngày văn bản gia hạn", "ngày gia hạn", "extension date", "extension document date"]
        case .extendedDeadline:
            ["hạn sau gia hạn", "hạn xử lý sau gia hạn", "hạn gia hạn", "hạn mới", "thời hạn mới", "hạn điều chỉnh",
             "extended deadline", "new deadline", "extended to"]
        case .completedOn:
            ["ngày hoàn thành", "ngày hoàn thành thực tế", "hoàn thành ngày", "ngày kết thúc", "completed",
             "completed on", "completion date", "date completed", "done on", "finished on"]
        case .completionNote:
            ["ghi chú", "kết quả", "kết quả hoàn thành", "kết quả thực hiện", "tình hình thực hiện", "ghi chú kết quả",
             "note", "notes", "remarks", "result", "completion note"]
        }
    }
}

/// Which column (0-based) of an export holds which field.
public struct ColumnMapping: Sendable, Hashable {
    public var columns: [TaskField: Int]

    public init(columns: [TaskField: Int] = [:]) {
        self.columns = columns
    }

    /// Required fields without a column, in ``TaskField`` order.
    public var missingRequiredFields: [TaskField] {
        TaskField.allCases.filter { $0.isRequired && columns[$0] == nil }
    }

    /// A first mapping for the user to confirm, from the export's header.
    ///
    /// Header cells and the known names of every field (their labels in
    /// both languages, raw value and synonyms such as "hạn xử lý", "thời
    /// hạn", "deadline") are compared as ``normalizedWords(_:)``. A cell
    /// equal to a name matches it best; a cell containing a name as whole
    /// words matches it less, the more so the longer the name. Pairs are
    /// then taken best first, each column and each field at most once, so
    /// "Ngày văn bản gia hạn" goes to the extension date even though it
    /// contains "văn bản gia hạn" and "ngày văn bản". A few names exclude a
    /// field: "Đơn vị phối hợp" is never the agency in charge.
    public static func guess(header: [String]) -> ColumnMapping {
        var candidates: [(score: Int, column: Int, field: Int)] = []
        for (column, cell) in header.enumerated() {
            let words = normalizedWords(cell)
            guard !words.isEmpty else { continue }
            for (fieldPosition, field) in TaskField.allCases.enumerated()
            where !(excludedWords[field] ?? []).contains(where: words.containsContiguous) {
                var best = 0
                for name in nameWords[field] ?? [] {
                    let length = name.reduce(name.count - 1) { $0 + $1.count } // letters and spaces
                    if words == name {
                        best = max(best, exactMatchBonus + length)
                    } else if words.containsContiguous(name) {
                        best = max(best, length)
                    }
                }
                if best > 0 { candidates.append((best, column, fieldPosition)) }
            }
        }
        candidates.sort { ($0.score, -$0.column, -$0.field) > ($1.score, -$1.column, -$1.field) }
        var mapping = ColumnMapping()
        var takenColumns: Set<Int> = []
        for candidate in candidates {
            let field = TaskField.allCases[candidate.field]
            guard mapping.columns[field] == nil, !takenColumns.contains(candidate.column) else { continue }
            mapping.columns[field] = candidate.column
            takenColumns.insert(candidate.column)
        }
        return mapping
    }

    /// Ranks any exact match above every partial one.
    private static let exactMatchBonus = 10_000

    /// Every field's names, as words.
    private static let nameWords: [TaskField: [[String]]] = Dictionary(uniqueKeysWithValues: TaskField.allCases.map { field in
        let names = [field.label(.vietnamese), field.label(.english), field.rawValue] + field.synonyms
        return (field, names.map(normalizedWords).filter { !$0.isEmpty })
    })

    /// Every field's excluded names, as words.
    private static let excludedWords: [TaskField: [[String]]] = Dictionary(uniqueKeysWithValues: TaskField.allCases.map {
        ($0, $0.excludedNames.map(normalizedWords))
    })

    /// The words of a header cell, for comparing: NFC-equivalent forms
    /// alike, lowercased, Vietnamese diacritics folded (`đ` → `d`), every
    /// run of other characters (spaces, punctuation) a word break.
    /// `"Số, ký hiệu  văn bản"` → `["so", "ky", "hieu", "van", "ban"]`.
    public static func normalizedWords(_ text: String) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        // A header names a field in a few words: the rest of a long cell is not read
        // (Foundation's normalisation is quadratic on long text).
        for scalar in String(text.prefix(200)).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar == "đ" {
                word.append("d")
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.append(scalar)
            } else if !word.isEmpty {
                words.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { words.append(String(word)) }
        return words
    }
}

extension Array where Element == String {
    /// True when `part` occurs in `self` as consecutive elements.
    fileprivate func containsContiguous(_ part: [String]) -> Bool {
        guard !part.isEmpty, part.count <= count else { return false }
        return (0...(count - part.count)).contains { start in self[start..<(start + part.count)].elementsEqual(part) }
    }
}

/// One task read from a row of an export: text trimmed, dates read, the
/// agency resolved to its code.
public struct ImportedTask: Sendable, Hashable {
    /// The line (CSV) or row (XLSX) the task was read from.
    public var line: Int
    /// The task's identifier in the tracking system.
    public var sourceID: String
    public var document: String
    public var documentDate: CivilDate?
    /// Empty when the export does not say.
    public var issuer: String
    /// The agency's code.
    public var agency: String
    public var content: String
    /// The original deadline.
    public var deadline: CivilDate
    /// Present exactly when ``extendedDeadline`` is.
    public var extensionDocument: String?
    public var extensionDate: CivilDate?
    public var extendedDeadline: CivilDate?
    public var completedOn: CivilDate?
    /// Empty when the export does not say.
    public var completionNote: String

    public init(
        line: Int, sourceID: String, document: String, documentDate: CivilDate? = nil, issuer: String = "",
        agency: String, content: String, deadline: CivilDate, extensionDocument: String? = nil,
        extensionDate: CivilDate? = nil, extendedDeadline: CivilDate? = nil, completedOn: CivilDate? = nil,
        completionNote: String = ""
    ) {
        self.line = line
        self.sourceID = sourceID
        self.document = document
        self.documentDate = documentDate
        self.issuer = issuer
        self.agency = agency
        self.content = content
        self.deadline = deadline
        self.extensionDocument = extensionDocument
        self.extensionDate = extensionDate
        self.extendedDeadline = extendedDeadline
        self.completedOn = completedOn
        self.completionNote = completionNote
    }

    /// The task as statuses and tallies see it, identified by its source ID.
    public var assignedTask: AssignedTask {
        var extensions: [DeadlineExtension] = []
        if let extensionDocument, let extendedDeadline {
            extensions.append(DeadlineExtension(document: extensionDocument, documentDate: extensionDate,
                                                newDeadline: extendedDeadline))
        }
        return AssignedTask(id: sourceID, agency: agency, deadline: deadline, extensions: extensions,
                            completedOn: completedOn)
    }
}

/// Something wrong with an export's mapping (line 0) or with a cell of one
/// of its rows. The message is about the field; ``located(_:)`` gives the
/// whole sentence: `Dòng 5, cột G (Hạn xử lý): đang để trống`.
public struct TaskProblem: Sendable, Hashable {
    /// The row's line, or 0 for a problem of the mapping as a whole.
    public var line: Int
    /// The cell's column, 0-based, when the field has one.
    public var column: Int?
    public var field: TaskField?
    public var english: String
    public var vietnamese: String

    public init(line: Int, column: Int?, field: TaskField?, english: String, vietnamese: String) {
        self.line = line
        self.column = column
        self.field = field
        self.english = english
        self.vietnamese = vietnamese
    }

    public func message(_ language: Language) -> String {
        language == .vietnamese ? vietnamese : english
    }

    /// `Dòng 5, cột G (Hạn xử lý): đang để trống`, `Line 5, column G
    /// (Deadline): is empty`; for the mapping, `Hạn xử lý: chưa chọn cột …`.
    public func located(_ language: Language) -> String {
        var place: [String] = []
        if line > 0 { place.append(TaskRowText.lineNumber.text(language, "\(line)")) }
        if let column { place.append(TaskRowText.columnPrefix.text(language) + TaskProblem.columnLetters(column)) }
        var head = place.joined(separator: ", ")
        if let field { head += head.isEmpty ? field.label(language) : " (\(field.label(language)))" }
        return head.isEmpty ? message(language) : head + ": " + message(language)
    }

    /// The spreadsheet name of a 0-based column: 0 → `A`, 25 → `Z`, 26 → `AA`.
    public static func columnLetters(_ column: Int) -> String {
        var letters: [Character] = []
        var rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(digit))))
            rest = (rest - 1) / 26
        }
        return String(letters.reversed())
    }
}

/// Reads the rows of an imported task export (CSV or XLSX, already split
/// into cells) into tasks.
///
/// Every problem of every row is reported, with its line and column; rows
/// without problems come back as tasks even when other rows have some (the
/// caller decides whether to import a partly bad file). Rows whose cells
/// are all empty are skipped.
public enum TaskRowReader {
    /// Reads `rows` (those after the header) through `mapping`.
    ///
    /// `agencyCodes` are the known agency codes. An agency cell may hold the
    /// code (matched exactly) or the agency's exact name (`agencyNames`:
    /// name → code), compared after NFC normalisation, ignoring case.
    /// A mapping without a column for a required field reads nothing: the
    /// answer is then one problem (line 0) per such field.
    public static func read(
        rows: [(line: Int, fields: [String])], mapping: ColumnMapping, agencyCodes: Set<String>,
        agencyNames: [String: String]
    ) -> (tasks: [ImportedTask], problems: [TaskProblem]) {
        let missing = mapping.missingRequiredFields
        guard missing.isEmpty else {
            return ([], missing.map { field in
                TaskProblem(line: 0, column: nil, field: field, english: "no column chosen (the field is required)",
                            vietnamese: "chưa chọn cột (trường bắt buộc)")
            })
        }
        // Swift compares and hashes strings by canonical equivalence, so lowercased keys are NFC-insensitive.
        var codesByName: [String: String] = [:]
        for (name, code) in agencyNames { codesByName[name.trimmingSpaces.lowercased()] = code }

        var tasks: [ImportedTask] = []
        var problems: [TaskProblem] = []
        var firstLines: [String: Int] = [:]
        for (line, fields) in rows where !fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) {
            var row = RowReading(line: line, fields: fields, mapping: mapping)

            let sourceID = row.text(.sourceID)
            if !sourceID.isEmpty {
                if let first = firstLines[sourceID] {
                    row.report(.sourceID, "the task ID \"\(sourceID)\" already appears at line \(first)",
                               "mã nhiệm vụ \"\(sourceID)\" trùng với dòng \(first)")
                } else {
                    firstLines[sourceID] = line
                }
            }
            let document = row.text(.document)
            let documentDate = row.date(.documentDate)
            let issuer = row.text(.issuer)
            let agencyText = row.text(.agency)
            let agency = agencyCodes.contains(agencyText) ? agencyText : codesByName[agencyText.lowercased()]
            if !agencyText.isEmpty, agency == nil {
                row.report(.agency, "no agency \"\(agencyText)\" in the list (write its code or its exact name)",
                           "không có đơn vị \"\(agencyText)\" trong danh sách (ghi mã hoặc đúng tên đơn vị)")
            }
            let content = row.text(.content)
            let deadline = row.date(.deadline)
            let extensionDocument = row.text(.extensionDocument)
            let extensionDate = row.date(.extensionDate)
            let extendedDeadline = row.date(.extendedDeadline)
            if extensionDocument.isEmpty, !row.isEmpty(.extendedDeadline) || !row.isEmpty(.extensionDate) {
                row.report(.extensionDocument, "is missing: the row gives an extended deadline or an extension date",
                           "đang để trống trong khi dòng có hạn sau gia hạn hoặc ngày văn bản gia hạn")
            }
            if !extensionDocument.isEmpty, row.isEmpty(.extendedDeadline) {
                row.report(.extendedDeadline, "is missing: the row gives an extension document",
                           "đang để trống trong khi dòng có văn bản gia hạn")
            }
            let completedOn = row.date(.completedOn)
            let completionNote = row.text(.completionNote)

            if row.problems.isEmpty, let agency, let deadline {
                tasks.append(ImportedTask(
                    line: line, sourceID: sourceID, document: document, documentDate: documentDate, issuer: issuer,
                    agency: agency, content: content, deadline: deadline,
                    extensionDocument: extensionDocument.isEmpty ? nil : extensionDocument,
                    extensionDate: extensionDate, extendedDeadline: extendedDeadline, completedOn: completedOn,
                    completionNote: completionNote))
            }
            problems += row.problems
        }
        return (tasks, problems)
    }
}

/// The cells of one row, read field by field, collecting problems.
private struct RowReading {
    let line: Int
    let fields: [String]
    let mapping: ColumnMapping
    var problems: [TaskProblem] = []

    init(line: Int, fields: [String], mapping: ColumnMapping) {
        self.line = line
        self.fields = fields
        self.mapping = mapping
    }

    mutating func report(_ field: TaskField, _ english: String, _ vietnamese: String) {
        problems.append(TaskProblem(line: line, column: mapping.columns[field], field: field,
                                    english: english, vietnamese: vietnamese))
    }

    /// The trimmed cell of `field`; empty when the field has no column or the row is short.
    func cell(_ field: TaskField) -> String {
        guard let column = mapping.columns[field], fields.indices.contains(column) else { return "" }
        return fields[column].trimmingSpaces
    }

    func isEmpty(_ field: TaskField) -> Bool { cell(field).isEmpty }

    /// The cell's text, reported when a required field is empty or the text is too long.
    mutating func text(_ field: TaskField) -> String {
        let text = cell(field)
        if text.isEmpty, field.isRequired {
            report(field, "is empty", "đang để trống")
        } else if let limit = field.maxLength, text.count > limit {
            report(field, "is too long (\(text.count) characters, at most \(limit))",
                   "quá dài (\(text.count) ký tự, tối đa \(limit))")
        }
        return text
    }

    /// The cell's date, `nil` when empty (reported if required) or not a date (reported).
    mutating func date(_ field: TaskField) -> CivilDate? {
        let text = cell(field)
        if text.isEmpty {
            if field.isRequired { report(field, "is empty", "đang để trống") }
            return nil
        }
        guard let date = CivilDate.parse(text) else {
            report(field, "\"\(text)\" is not a date (write day/month/year such as 27/10/2023, or 2023-10-27)",
                   "\"\(text)\" không phải là ngày hợp lệ (ghi ngày/tháng/năm như 27/10/2023, hoặc 2023-10-27)")
            return nil
        }
        return date
    }
}
