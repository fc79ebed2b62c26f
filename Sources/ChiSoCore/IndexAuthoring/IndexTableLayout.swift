/// The sheets and columns of an index table, as the workbook shows them and
/// as its problems name them ("Tiêu chí, dòng 14, cột E (Cách chấm)").
extension IndexTable {
    public enum Sheet: String, Sendable, Hashable, Codable, CaseIterable {
        case settings, criteria, classes, bonus, deductions

        public func name(_ language: Language) -> String {
            switch (self, language) {
            case (.settings, .vietnamese): "Thông tin chung"
            case (.settings, .english): "General"
            case (.criteria, .vietnamese): "Tiêu chí"
            case (.criteria, .english): "Criteria"
            case (.classes, .vietnamese): "Xếp loại"
            case (.classes, .english): "Classes"
            case (.bonus, .vietnamese): "Điểm thưởng"
            case (.bonus, .english): "Bonus"
            case (.deductions, .vietnamese): "Điểm trừ"
            case (.deductions, .english): "Deductions"
            }
        }

        /// The columns of the sheet, in order.
        public var columns: [Column] {
            switch self {
            case .settings: Column.settings
            case .criteria: Column.criteria
            case .classes: Column.classes
            case .bonus, .deductions: Column.adjustments
            }
        }
    }

    /// A column: the field it holds and its heading in both languages.
    public struct Column: Sendable, Hashable {
        public var field: String
        public var vietnamese: String
        public var english: String
        /// Width in the workbook, in characters.
        public var width: Double

        public func heading(_ language: Language) -> String { language == .vietnamese ? vietnamese : english }

        static let settings = [
            Column(field: "item", vietnamese: "Nội dung", english: "Item", width: 34),
            Column(field: "value", vietnamese: "Giá trị", english: "Value", width: 70),
        ]

        static let criteria = [
            Column(field: "level", vietnamese: "Cấp", english: "Level", width: 6),
            Column(field: "code", vietnamese: "Mã", english: "Code", width: 9),
            Column(field: "title", vietnamese: "Nội dung", english: "Content", width: 60),
            Column(field: "max", vietnamese: "Điểm tối đa", english: "Max points", width: 9),
            Column(field: "rule", vietnamese: "Cách chấm", english: "Scoring", width: 20),
            Column(field: "parameters", vietnamese: "Tham số", english: "Parameters", width: 30),
            Column(field: "evidence", vietnamese: "Minh chứng", english: "Evidence", width: 12),
            Column(field: "notApplicableFor", vietnamese: "Không áp dụng cho", english: "Not applicable for", width: 16),
            Column(field: "allowNA", vietnamese: "Đơn vị được tự khai không áp dụng", english: "Agency may declare N/A", width: 14),
            Column(field: "appraiser", vietnamese: "Cơ quan thẩm định", english: "Appraising agency", width: 12),
            Column(field: "source", vietnamese: "Nguồn dữ liệu", english: "Data source", width: 22),
            Column(field: "guidance", vietnamese: "Hướng dẫn", english: "Guidance", width: 40),
            Column(field: "origin", vietnamese: "Mã ở phiên bản trước", english: "Code in the previous version", width: 12),
        ]

        static let classes = [
            Column(field: "code", vietnamese: "Mã", english: "Code", width: 8),
            Column(field: "title", vietnamese: "Xếp loại", english: "Class", width: 24),
            Column(field: "min", vietnamese: "Điểm từ", english: "From points", width: 10),
            Column(field: "leaderRating", vietnamese: "Đánh giá người đứng đầu", english: "Head's rating", width: 16),
            Column(field: "requires", vietnamese: "Điều kiện", english: "Conditions", width: 40),
        ]

        static let adjustments = [
            Column(field: "code", vietnamese: "Mã", english: "Code", width: 8),
            Column(field: "title", vietnamese: "Nội dung", english: "Content", width: 60),
            Column(field: "rule", vietnamese: "Cách tính", english: "Scoring", width: 16),
            Column(field: "parameters", vietnamese: "Tham số", english: "Parameters", width: 28),
            Column(field: "source", vietnamese: "Nguồn dữ liệu", english: "Data source", width: 22),
            Column(field: "guidance", vietnamese: "Hướng dẫn", english: "Guidance", width: 40),
        ]
    }

    /// The rows of the settings sheet, in order: the field each holds and its label.
    public static let settingRows: [(field: String, vietnamese: String, english: String)] = [
        ("id", "Mã bộ chỉ số", "Index code"),
        ("title", "Tên bộ chỉ số", "Title"),
        ("scale", "Thang điểm", "Scale"),
        ("naPolicy", "Khi tiêu chí không áp dụng", "When a criterion does not apply"),
        ("bonusCap", "Điểm thưởng tối đa", "Bonus cap"),
        ("deductionCap", "Điểm trừ tối đa", "Deduction cap"),
    ]

    /// The spreadsheet row of each table row, per sheet: the heading is row 1, and a
    /// workbook read from a file keeps the rows its author numbered (empty rows skipped).
    public struct RowNumbers: Sendable, Hashable, Codable {
        public var bySheet: [Sheet: [Int]] = [:]
        /// Per sheet, the spreadsheet column (from 0) of each of ``Sheet/columns``, when
        /// the author ordered them otherwise.
        public var columns: [Sheet: [Int]] = [:]

        public init(bySheet: [Sheet: [Int]] = [:], columns: [Sheet: [Int]] = [:]) {
            self.bySheet = bySheet
            self.columns = columns
        }

        /// The spreadsheet column of the `field`th column of a sheet.
        public func column(_ sheet: Sheet, _ field: Int) -> Int {
            if let columns = columns[sheet], field < columns.count, columns[field] >= 0 { return columns[field] }
            return field
        }

        /// The row of the `position`th row of a sheet (from 0).
        public func row(_ sheet: Sheet, _ position: Int) -> Int {
            if let rows = bySheet[sheet], position < rows.count { return rows[position] }
            return position + 2
        }
    }
}

/// One thing wrong with an index table, named by its cell.
public struct IndexTableProblem: Sendable, Hashable, Error {
    /// `nil` for the file as a whole (not a workbook, damaged).
    public var sheet: IndexTable.Sheet?
    /// The spreadsheet row (the heading is row 1); `nil` for the sheet as a whole.
    public var row: Int?
    /// The column (from 0); `nil` for the row as a whole.
    public var column: Int?
    /// Which of the sheet's columns (``IndexTable/Sheet/columns``) the cell is, for its heading;
    /// `nil` for a problem of the layout (a heading nobody knows).
    public var field: Int?
    /// A stable, machine-readable name (`duplicate-code`, `bad-parameters`).
    public var code: String
    public var english: String
    public var vietnamese: String

    public init(sheet: IndexTable.Sheet?, row: Int?, column: Int?, field: Int? = nil, code: String, english: String, vietnamese: String) {
        self.sheet = sheet
        self.row = row
        self.column = column
        self.field = field
        self.code = code
        self.english = english
        self.vietnamese = vietnamese
    }

    /// `E`, `M`: the column as the spreadsheet names it.
    public var columnLetter: String? { column.map { Self.letter($0) } }

    static func letter(_ column: Int) -> String {
        var number = column + 1
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    /// "Tiêu chí, dòng 14, cột E (Cách chấm)".
    public func location(_ language: Language) -> String {
        let vietnamese = language == .vietnamese
        guard let sheet else { return vietnamese ? "Tệp" : "File" }
        var parts = [sheet.name(language)]
        if let row, row > 0 { parts.append((vietnamese ? "dòng " : "row ") + String(row)) }
        if column != nil, let letter = columnLetter {
            let heading = field.map { $0 < sheet.columns.count ? " (\(sheet.columns[$0].heading(language)))" : "" } ?? ""
            parts.append((vietnamese ? "cột " : "column ") + letter + heading)
        }
        return parts.joined(separator: ", ")
    }

    public func message(_ language: Language) -> String {
        language == .vietnamese ? vietnamese : english
    }

    /// "Tiêu chí, dòng 14, cột E (Cách chấm): …".
    public func formatted(_ language: Language) -> String {
        "\(location(language)): \(message(language))"
    }
}
