import ChiSoCore
import Foundation

/// An Excel sheet laid out as the annex to the decision that announces a period's results: the
/// issuing body and the national motto side by side, the place and date, the title, the line
/// "(Kèm theo Quyết định số … )" and, after the table, the signature block, all from the
/// installation's identity and the publication record (``OfficialOrigin``). Before publication
/// the sheet is a draft: "DỰ THẢO" under the title and at the top of every printed page.
struct AnnexSheet {
    typealias Cell = XLSXWorkbook.Cell
    typealias Range = XLSXWorkbook.CellRange

    let origin: OfficialOrigin
    /// The table's width in columns (the header spans it).
    let width: Int
    let madeOn: Date

    var rows: [[Cell]] = []
    var merges: [Range] = []
    var heights: [Double] = []

    init(origin: OfficialOrigin, width: Int, madeOn: Date = Date()) {
        self.origin = origin
        self.width = max(width, 4)
        self.madeOn = madeOn
    }

    private var left: ClosedRange<Int> { 0...(max(2, width * 2 / 5) - 1) }
    private var right: ClosedRange<Int> { (left.upperBound + 1)...(width - 1) }

    /// One row with `a` across the left part and `b` across the right part.
    private mutating func split(_ a: Cell, _ b: Cell, height: Double = 0) {
        let row = rows.count
        var cells = Array(repeating: Cell.empty, count: width)
        cells[left.lowerBound] = a
        cells[right.lowerBound] = b
        rows.append(cells)
        heights.append(height)
        merges += [Range(rows: row...row, columns: left), Range(rows: row...row, columns: right)]
    }

    /// One row with `cell` across the whole width.
    private mutating func across(_ cell: Cell, height: Double = 0) {
        let row = rows.count
        rows.append([cell])
        heights.append(height)
        merges.append(Range(rows: row...row, columns: 0...(width - 1)))
    }

    /// The heading: issuing body and motto, place and date, title, the decision (or the draft mark), subtitle.
    mutating func heading(title: String, subtitle: String) {
        let say = Lang.vietnamese.phrases(PublicationText.self)
        let report = Lang.vietnamese.phrases(ReportText.self)
        split(.text(origin.identity.issuingBodyLine, style: .centredBold), .text(report(.socialistRepublic), style: .centredBold))
        split(.empty, .text(report(.nationalMotto), style: .centredBold))
        split(.empty, .text(origin.placeAndDate(madeOn: madeOn), style: .centredItalic))
        rows.append([])
        heights.append(0)
        across(.text(title.uppercased(), style: .centredTitle), height: 36)
        if let decision = origin.decision {
            across(.text(say(.annexOf, decision.citation(.vietnamese)), style: .centredItalic), height: 30)
        } else {
            across(.text("\(say(.draftMark)) — \(say(.draftNotice))", style: .centredBold))
        }
        across(.text(subtitle, style: .centredItalic))
        rows.append([])
        heights.append(0)
    }

    /// A table row (heading rows get `height` for their wrapped titles).
    mutating func append(_ cells: [Cell], height: Double = 0) {
        rows.append(cells)
        heights.append(height)
    }

    /// The signature block under the table, on the right: authority, position, room to sign, name.
    /// A draft has none.
    mutating func signature() {
        guard let decision = origin.decision else { return }
        rows.append([])
        heights.append(0)
        if !decision.signerAuthority.isEmpty { split(.empty, .text(decision.signerAuthority.uppercased(), style: .centredBold)) }
        split(.empty, .text(decision.signerPosition.uppercased(), style: .centredBold))
        split(.empty, .text("(Đã ký)", style: .centredItalic), height: 48)
        split(.empty, .text(decision.signer, style: .centredBold))
    }

    /// The sheet, with the draft mark on every printed page when unpublished.
    func sheet(name: String, columnWidths: [Double], frozenRows: Int, frozenColumns: Int, printTitleRows: ClosedRange<Int>) -> XLSXWorkbook.Sheet {
        XLSXWorkbook.Sheet(name: name, rows: rows, columnWidths: columnWidths, rowHeights: heights, merges: merges,
                           frozenRows: frozenRows, frozenColumns: frozenColumns, printTitleRows: printTitleRows, landscape: true,
                           pageMark: origin.pageMark)
    }
}
