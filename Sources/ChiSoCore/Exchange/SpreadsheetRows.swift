import Foundation

/// Rows of an uploaded table, whichever form it came in: an Excel workbook
/// (.xlsx, recognised by its ZIP signature, first worksheet) or CSV text.
public enum SpreadsheetRows {
    /// The widest import table accepted (task exports, surveys, inputs and agency lists use under 20 columns).
    public static let maxColumns = 200

    /// True for a ZIP (an .xlsx) or an OLE file (an old .xls, refused by the reader with its own message).
    public static func isWorkbook(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
    }

    /// Every non-blank row with its line (CSV) or row number (.xlsx).
    public static func read(_ bytes: [UInt8]) throws(LineProblems) -> [(line: Int, fields: [String])] {
        var rows: [(line: Int, fields: [String])] = []
        try forEachRecord(in: bytes) { line, fields throws(LineProblems) in
            if fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                rows.append((line, fields))
            }
        }
        return rows
    }

    /// Calls `body` with each record, as ``CSVReader/forEachRecord(in:_:)``
    /// does for CSV. A workbook row shorter than the first row (its trailing
    /// cells empty) is padded with empty fields, as CSV would have them.
    public static func forEachRecord(
        in bytes: [UInt8], _ body: (_ line: Int, _ fields: [String]) throws(LineProblems) -> Void
    ) throws(LineProblems) {
        guard isWorkbook(bytes) else {
            try CSVReader.forEachRecord(in: bytes, body)
            return
        }
        var width: Int?
        // Import tables are a few columns wide: a cell far to the right is refused while the sheet is read,
        // before its row is padded out to it (200,000 rows reaching column XFD would be gigabytes).
        for row in try XLSXReader.rows(of: bytes, limits: XLSXReader.Limits(columns: maxColumns)) {
            var fields = row.fields
            if let width, fields.count < width { fields += Array(repeating: "", count: width - fields.count) }
            if width == nil { width = fields.count }
            try body(row.line, fields)
        }
    }
}
