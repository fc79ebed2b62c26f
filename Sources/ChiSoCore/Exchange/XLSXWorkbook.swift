/// An Excel workbook to write (.xlsx, Office Open XML SpreadsheetML): sheets
/// of typed cells with a small set of styles, merged cells, frozen panes and
/// print settings, as the provincial result annexes need. ``bytes()`` (in
/// XLSXWriter.swift) gives the file.
///
/// Numbers are written exactly as their decimal text (`85.5`, never
/// `85.499999999999993`) and shown by their style's number format; texts
/// are kept as they are (leading zeros, spaces at either end, line breaks),
/// less the characters XML 1.0 cannot hold, which are dropped.
public struct XLSXWorkbook: Sendable {
    public var sheets: [Sheet]

    public init(sheets: [Sheet]) {
        self.sheets = sheets
    }

    /// One cell: its value and how it looks.
    public struct Cell: Sendable, Hashable {
        public var value: Value
        public var style: Style

        public init(_ value: Value, style: Style = .plain) {
            self.value = value
            self.style = style
        }

        public enum Value: Sendable, Hashable {
            case text(String)
            case number(DecimalNumber)
            case empty
        }

        /// How a cell looks. Fonts are Times New Roman, as Vietnamese
        /// administrative documents are set: 12 pt, and 14 pt for a title.
        public enum Style: Sendable, Hashable, CaseIterable {
            case plain
            case bold
            /// Bold and larger: a sheet's title lines.
            case title
            case italic
            /// A table's column heading: bold, centred, wrapped, with a thin
            /// border and a light fill.
            case header
            /// A number shown with two decimals (`0.00`).
            case number2
            case number2Bold
            /// A number shown without decimals (`0`).
            case integer
            /// Text wrapped within the column's width, aligned to the top.
            case wrapped
            /// Centred (across merged cells) and wrapped: an official
            /// document's header lines, title and signature block.
            case centredBold, centredItalic, centredTitle
        }

        /// A cell with nothing in it (and no style).
        public static let empty = Cell(.empty)

        public static func text(_ text: String, style: Style = .plain) -> Cell {
            Cell(.text(text), style: style)
        }

        /// A number, shown with two decimals unless another style is given.
        public static func number(_ number: DecimalNumber, style: Style = .number2) -> Cell {
            Cell(.number(number), style: style)
        }

        /// A whole number such as a rank or a count, shown without decimals.
        public static func integer(_ integer: Int) -> Cell {
            Cell(.number(DecimalNumber(integer)), style: .integer)
        }

        public static func bold(_ text: String) -> Cell {
            Cell(.text(text), style: .bold)
        }

        public static func title(_ text: String) -> Cell {
            Cell(.text(text), style: .title)
        }

        public static func header(_ text: String) -> Cell {
            Cell(.text(text), style: .header)
        }
    }

    /// A rectangle of cells, 0-based and inclusive: rows `0...1` and columns
    /// `0...5` are A1:F2.
    public struct CellRange: Sendable, Hashable {
        public var rows: ClosedRange<Int>
        public var columns: ClosedRange<Int>

        public init(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
            self.rows = rows
            self.columns = columns
        }
    }

    /// One worksheet.
    public struct Sheet: Sendable {
        /// The tab's name. Excel allows at most 31 characters, none of
        /// `[ ] : * ? / \` and no apostrophe at either end: the writer turns
        /// slashes into hyphens, drops the rest, shortens the name, and numbers
        /// a name already taken in the workbook ("Kết quả (2)").
        public var name: String
        /// Rows from the first, cells from column A.
        public var rows: [[Cell]]
        /// Widths of the columns from A, in Excel's character units; columns
        /// past the end, or with a width that is not positive, keep the default.
        public var columnWidths: [Double]
        /// Heights of the rows from the first, in points (a line of 12 pt text
        /// takes 15.75); rows past the end, or with a height that is not
        /// positive, keep the default height of one line. LibreOffice does not
        /// grow such rows to fit wrapped text or line breaks: give their height.
        public var rowHeights: [Double]
        /// Cells merged into one (national header lines across a table, say):
        /// the first cell's value shows across the range. Ranges must not
        /// overlap; a range of one cell is no merge and is left out.
        public var merges: [CellRange]
        /// Rows kept in view while scrolling down (frozen panes), from the top.
        public var frozenRows: Int
        /// Columns kept in view while scrolling right, from column A.
        public var frozenColumns: Int
        /// Rows (0-based) printed again at the top of every page.
        public var printTitleRows: ClosedRange<Int>?
        /// Printed on A4 across (landscape) rather than upright; either way
        /// scaled to fit the page's width.
        public var landscape: Bool
        /// Printed in bold at the top centre of every page ("DỰ THẢO" on a
        /// draft); every printed page also says "Trang n/N" at its foot.
        public var pageMark: String?

        public init(name: String, rows: [[Cell]] = [], columnWidths: [Double] = [], rowHeights: [Double] = [],
                    merges: [CellRange] = [], frozenRows: Int = 0, frozenColumns: Int = 0,
                    printTitleRows: ClosedRange<Int>? = nil, landscape: Bool = false, pageMark: String? = nil) {
            self.name = name
            self.rows = rows
            self.columnWidths = columnWidths
            self.rowHeights = rowHeights
            self.merges = merges
            self.frozenRows = frozenRows
            self.frozenColumns = frozenColumns
            self.printTitleRows = printTitleRows
            self.landscape = landscape
            self.pageMark = pageMark
        }
    }

    /// Why a workbook cannot be written: each would make Excel refuse or
    /// "repair" the file. Sheets are named as given; rows and columns count from 0.
    public enum Problem: Error, Sendable, Hashable {
        /// A workbook needs at least one sheet.
        case noSheets
        /// A cell, merge, frozen pane or print title row before the first row
        /// or column, or past Excel's last (row 1,048,576, column XFD).
        case outOfBounds(sheet: String)
        /// A cell's text is longer than Excel's 32,767 characters.
        case textTooLong(sheet: String, row: Int, column: Int)
        /// Two merges share cells.
        case overlappingMerges(sheet: String, CellRange, CellRange)
    }
}
