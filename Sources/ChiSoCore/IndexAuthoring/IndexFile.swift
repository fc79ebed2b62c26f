/// An index file in either of its formats: YAML (the spec's, §1) or an Excel
/// workbook (``IndexWorkbook``). The web's upload and download and
/// `chiso index check` / `convert` read and write through here.
public enum IndexFile {
    public enum Format: String, Sendable, CaseIterable {
        case yaml, xlsx

        /// The format a file name's extension says (`.yaml`, `.yml`, `.xlsx`), any case.
        public init?(fileName: String) {
            let name = fileName.lowercased()
            if name.hasSuffix(".yaml") || name.hasSuffix(".yml") { self = .yaml }
            else if name.hasSuffix(".xlsx") { self = .xlsx }
            else { return nil }
        }

        /// The format a file's name says, else its content's: a ZIP package is a workbook, anything else is read as YAML.
        public init(fileName: String, content bytes: [UInt8]) {
            self = Format(fileName: fileName) ?? (SpreadsheetRows.isWorkbook(bytes) ? .xlsx : .yaml)
        }
    }

    /// An index file read and validated.
    public struct Read: Sendable {
        public var index: Index
        /// The index as YAML: the file itself when it was YAML (comments kept), else written from the table.
        public var yaml: String
        public var table: IndexTable

        public init(index: Index, yaml: String, table: IndexTable) {
            self.index = index
            self.yaml = yaml
            self.table = table
        }
    }

    /// Why a file is not an index: every problem, by line (YAML) or by cell (workbook).
    public enum Problems: Error, Sendable {
        case yaml([IndexProblem])
        case table([IndexTableProblem])

        /// One line per problem: `FILE:LINE: node 1.2: …` or `FILE: Tiêu chí, dòng 14, cột E (Cách chấm): …`.
        public func formatted(file: String, language: Language) -> [String] {
            switch self {
            case let .yaml(problems): problems.map { $0.formatted(file: file, language: language) }
            case let .table(problems): problems.map { "\(file): \($0.formatted(language))" }
            }
        }

        public var count: Int {
            switch self {
            case let .yaml(problems): problems.count
            case let .table(problems): problems.count
            }
        }
    }

    public static func read(_ bytes: [UInt8], format: Format) throws(Problems) -> Read {
        switch format {
        case .yaml:
            let yaml = String(decoding: bytes, as: UTF8.self)
            do {
                let index = try IndexReader.read(yaml: yaml)
                return Read(index: index, yaml: yaml, table: IndexTable(index))
            } catch {
                throw .yaml(error.problems)
            }
        case .xlsx:
            let reading: IndexWorkbook.Reading
            do {
                reading = try IndexWorkbook.read(bytes)
            } catch {
                throw .table(error.problems)
            }
            let validation = reading.table.validate(rows: reading.rows)
            guard let index = validation.index else { throw .table(validation.problems) }
            return Read(index: index, yaml: validation.yaml, table: reading.table)
        }
    }

    /// An index written in a format: YAML in the spec's shape, or the annex workbook.
    public static func write(_ table: IndexTable, format: Format) throws -> [UInt8] {
        switch format {
        case .yaml: Array(yaml(table).utf8)
        case .xlsx: try IndexWorkbook.bytes(table)
        }
    }

    /// The YAML of a table that validates, with a heading comment.
    public static func yaml(_ table: IndexTable) -> String {
        "# \(table.settings.title)\n" + table.validate().yaml
    }
}
