import Foundation

/// Rows of an uploaded table, whichever form it came in: an Excel workbook
/// (.xlsx, recognised by its ZIP signature, first worksheet) or CSV text.
public enum SpreadsheetRows {
    /// Every non-blank row with its line (CSV) or row number (.xlsx).
    public static func read(_ bytes: [UInt8]) throws(LineProblems) -> [(line: Int, fields: [String])] {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return try XLSXReader.rows(of: bytes)
        }
        var rows: [(line: Int, fields: [String])] = []
        try CSVReader.forEachRecord(in: bytes) { line, fields throws(LineProblems) in
            if fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                rows.append((line, fields))
            }
        }
        return rows
    }
}
