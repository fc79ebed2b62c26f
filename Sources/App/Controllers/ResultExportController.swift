import ChiSoCore
import Fluent
import Foundation
import Vapor

/// Downloads of a period's results, one group at a time: the ranking as CSV
/// (exactly what `chiso score` prints for the same files), Excel and PDF;
/// the full score matrix; and the spec's inputs and agency list, so that
/// anyone can recompute the ranking with `chiso score`.
enum ResultExportController {
    struct GroupQuery: Content {
        var group: String?
    }

    /// The period and the requested group (the first when none is named), if this user may see its results.
    static func group(_ request: Request) async throws -> (PeriodModel, GroupResults) {
        let period = try await ResultsController.findPeriod(request)
        try request.authorize(.viewResults, .results(ResultsTarget(published: period.status == .published, agencyID: nil)))
        let groups = try await PeriodResults.load(period: period, store: request.assessments)
        let wanted = try request.query.decode(GroupQuery.self).group
        guard let group = wanted.map({ name in groups.first { $0.group == name } }) ?? groups.first else { throw Abort(.notFound) }
        return (period, group)
    }

    /// `xep-hang-nam-2026-so.csv`: ASCII, safe in any header.
    static func fileName(_ stem: String, _ period: PeriodModel, _ group: String, _ ext: String) -> String {
        let folded = "\(stem)-\(period.name)-\(group)".folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
        let safe = folded.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
        return String(safe).split(separator: "-").joined(separator: "-") + "." + ext
    }

    static func download(_ bytes: [UInt8], type: String, name: String) -> Response {
        let response = Response(status: .ok, body: .init(data: Data(bytes)))
        response.headers.replaceOrAdd(name: .contentType, value: type)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; sandbox")
        return response
    }

    static let csvType = "text/csv; charset=utf-8"
    /// A UTF-8 byte-order mark first, so that Excel opens the Vietnamese text as UTF-8 (`chiso score` skips it, spec §5).
    static func csvBytes(_ text: String) -> [UInt8] { [0xEF, 0xBB, 0xBF] + Array(text.utf8) }
    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    // MARK: CSV

    static func rankingCSV(_ request: Request) async throws -> Response {
        let (period, group) = try await group(request)
        return download(csvBytes(group.report.csv()), type: csvType, name: fileName("xep-hang", period, group.group, "csv"))
    }

    static func inputsCSV(_ request: Request) async throws -> Response {
        let (period, group) = try await group(request)
        var writer = CSVWriter()
        writer.row(["agency", "criterion", "value", "evidence"])
        for row in inputRows(group) { writer.row(row) }
        return download(csvBytes(writer.text), type: csvType, name: fileName("du-lieu-dau-vao", period, group.group, "csv"))
    }

    static func agenciesCSV(_ request: Request) async throws -> Response {
        let (period, group) = try await group(request)
        var writer = CSVWriter()
        writer.row(["code", "name", "group", "tags"])
        for agency in group.agencies { writer.row([agency.code, agency.name, agency.group, agency.tags.joined(separator: ";")]) }
        return download(csvBytes(writer.text), type: csvType, name: fileName("don-vi", period, group.group, "csv"))
    }

    /// The final inputs of spec §5, one row per agency and leaf or item that has a value or evidence.
    static func inputRows(_ group: GroupResults) -> [[String]] {
        var rows: [[String]] = []
        let index = group.index
        let codes = index.nodes.filter(\.isLeaf).map(\.code) + index.bonus.map(\.code) + index.deductions.map(\.code)
        let items = index.itemsByCode()
        let sourced = Set(codes.filter { code in items[code].flatMap(index.source(of:)) != nil })
        for member in group.members {
            let entries = Dictionary(member.entries.map { ($0.criterionCode, $0) }, uniquingKeysWith: { first, _ in first })
            for code in codes {
                // As the final sheet reads it: the appraisers' input, else the agency's (never for a sourced leaf or item).
                let input = entries[code].flatMap { entry in
                    entry.appraisedAt != nil ? entry.appraisedInput : (sourced.contains(code) ? nil : entry.selfInput)
                }
                let text = input?.trimmingCharacters(in: .whitespaces) ?? ""
                let evidence = member.evidenceCounts[code] ?? 0
                guard !text.isEmpty || evidence > 0 else { continue }
                rows.append([member.agency.code, code, text, String(evidence)])
            }
        }
        return rows
    }

    // MARK: Excel

    typealias Cell = XLSXWorkbook.Cell

    /// A score as the annexes show it: rounded half away from zero to 2 decimals, like the CSV.
    static func points(_ value: DecimalNumber, bold: Bool = false) -> Cell {
        .number(value.rounded(places: 2), style: bold ? .number2Bold : .number2)
    }

    /// The ranking as the annex to the announcing decision (``AnnexSheet``): bold headers tall
    /// enough for their wrapped titles, frozen panes, numbers with 2 decimals, the signature block.
    static func rankingXLSX(_ request: Request) async throws -> Response {
        let (period, group) = try await group(request)
        let origin = try await OfficialOrigin.of(period, on: request)
        let headers = ["Hạng", "Mã", "Đơn vị", "Điểm đạt", "Điểm tối đa áp dụng", "Điểm chuẩn hoá", "Điểm thưởng", "Điểm trừ", "Tổng điểm",
                       "Xếp loại", "Đề xuất xếp loại người đứng đầu", "Ghi chú"]
        var annex = AnnexSheet(origin: origin, width: headers.count)
        annex.heading(title: "Kết quả đánh giá, xếp hạng chất lượng hoạt động", subtitle: "\(group.index.title) · \(period.name)")
        annex.append(headers.map(Cell.header), height: 48)
        let headerRow = annex.rows.count - 1
        let explanation = ScoreExplanation(index: group.index, language: .vietnamese)
        for entry in group.ranked {
            let score = group.report.scores[entry.position]
            let scoreClass = group.index.classes[score.classPosition]
            let agency = group.members[entry.position].agency
            annex.append([
                .integer(entry.rank), .text(agency.code), .text(agency.name), points(score.raw), points(score.applicableMax),
                points(score.normalized), points(score.bonus), points(score.deduction), points(score.final, bold: true),
                .text(scoreClass.title), .text(scoreClass.leaderRating.flatMap(IndividualRating.init(rawValue:))?.title(.vietnamese) ?? ""),
                // Where a condition on a class moved the agency down, why.
                .text(explanation.explainClass(in: score) ?? "", style: .wrapped),
            ])
        }
        annex.append([])
        // Agencies whose assessment was closed without a result (they left the period): named, not ranked.
        for assessment in group.closed.sorted(by: { $0.agency.code < $1.agency.code }) {
            annex.append([Cell.text(PeriodAdminText.notRankedHeading.vietnamese, style: .italic), .text(assessment.agency.code),
                          .text(PeriodAdminText.notRankedRow.text(.vietnamese, assessment.agency.name, assessment.closedReason ?? ""), style: .wrapped)])
        }
        annex.append([Cell.text("Đề xuất xếp loại người đứng đầu là đề xuất để cấp có thẩm quyền xem xét, quyết định.", style: .italic)])
        annex.signature()
        let sheet = annex.sheet(name: "Xếp hạng \(group.group)", columnWidths: [7, 12, 38, 10, 12, 12, 10, 10, 11, 14, 30, 50],
                                frozenRows: headerRow + 1, frozenColumns: 3, printTitleRows: headerRow...headerRow)
        let bytes = try XLSXWorkbook(sheets: [sheet]).bytes()
        return download(bytes, type: xlsxType, name: fileName("xep-hang", period, group.group, "xlsx"))
    }

    /// The full score matrix: first sheet the final inputs exactly as spec §5 (so that the file
    /// can be given to `chiso score --inputs`), second the points of every node for every agency at
    /// the contract's precision (points to 4 decimals, exact sums), with raw, applicable max,
    /// normalized, bonus, deduction and final, so that its cells add up to what it reports.
    static func matrixXLSX(_ request: Request) async throws -> Response {
        let (period, group) = try await group(request)
        let origin = try await OfficialOrigin.of(period, on: request)
        let index = group.index
        var inputs: [[Cell]] = [["agency", "criterion", "value", "evidence"].map(Cell.header)]
        for row in inputRows(group) { inputs.append([.text(row[0]), .text(row[1]), .text(row[2]), .integer(Int(row[3]) ?? 0)]) }
        // The spec's inputs table as it is (chiso score reads it); a draft's mark only where it prints.
        let inputSheet = XLSXWorkbook.Sheet(name: "Dữ liệu đầu vào", rows: inputs, columnWidths: [16, 12, 14, 10], frozenRows: 1,
                                            printTitleRows: 0...0, pageMark: origin.pageMark)

        let totals = ["Điểm đạt", "Điểm tối đa áp dụng", "Điểm chuẩn hoá", "Điểm thưởng", "Điểm trừ", "Tổng điểm", "Xếp loại"]
        var annex = AnnexSheet(origin: origin, width: min(2 + index.nodes.count + totals.count, 14))
        annex.heading(title: "Bảng điểm chi tiết đánh giá chất lượng hoạt động", subtitle: "\(index.title) · \(period.name)")
        annex.append([Cell.header("Mã"), Cell.header("Đơn vị")] + index.nodes.map { Cell.header($0.code) } + totals.map(Cell.header), height: 48)
        let codeRow = annex.rows.count - 1
        annex.append([Cell.header(""), Cell.header("Tiêu chí")] + index.nodes.map { Cell.header($0.title) }
            + Array(repeating: Cell.header(""), count: totals.count), height: 90)
        annex.append([Cell.text(""), Cell.text("Điểm tối đa", style: .italic)] + index.nodes.map { exact($0.max) }
            + [.empty, .empty, exact(index.scale), .empty, .empty, exact(index.scale), .empty])
        for entry in group.ranked {
            let score = group.report.scores[entry.position]
            let agency = group.members[entry.position].agency
            annex.append([.text(agency.code), .text(agency.name)]
                + score.nodes.map { $0.applicable ? exact($0.points) : Cell.text("KAD") }
                + [exact(score.raw), exact(score.applicableMax), exact(score.normalized), exact(score.bonus), exact(score.deduction),
                   points(score.final, bold: true), .text(index.classes[score.classPosition].title)])
        }
        annex.append([])
        annex.append([Cell.text("KAD: không áp dụng cho đơn vị. Điểm tiêu chí, thưởng, trừ và điểm chuẩn hoá làm tròn 4 chữ số thập phân; "
            + "Điểm đạt là tổng điểm các tiêu chí cấp 1 áp dụng; Điểm chuẩn hoá = Điểm đạt × \(index.scale.text(.vietnamese)) / Điểm tối đa áp dụng"
            + (index.naPolicy == .rescale ? "" : " (bộ chỉ số không chuẩn hoá: bằng Điểm đạt)")
            + "; Tổng điểm = Điểm chuẩn hoá + Điểm thưởng − Điểm trừ, làm tròn 2 chữ số.", style: .italic)])
        annex.signature()
        let matrix = annex.sheet(name: "Bảng điểm", columnWidths: [12, 34] + Array(repeating: 9, count: index.nodes.count) + [10, 11, 11, 10, 10, 11, 14],
                                 frozenRows: codeRow + 3, frozenColumns: 2, printTitleRows: codeRow...(codeRow + 2))
        let bytes = try XLSXWorkbook(sheets: [inputSheet, matrix]).bytes()
        return download(bytes, type: xlsxType, name: fileName("bang-diem", period, group.group, "xlsx"))
    }

    /// A figure as the contract computes it (at most 4 decimals), unrounded for display.
    static func exact(_ value: DecimalNumber) -> Cell { .number(value, style: .plain) }

    // MARK: The index as uploaded

    static func indexYAML(_ request: Request) async throws -> Response {
        try request.authorize(.viewIndexes)
        guard let id = request.parameters.get("indexID", as: UUID.self), let version = try await IndexVersionModel.find(id, on: request.db)
        else { throw Abort(.notFound) }
        return download(Array(version.yaml.utf8), type: "application/yaml; charset=utf-8", name: "\(version.code)-v\(version.version).yaml")
    }

    // MARK: PDF

    static func rankingPDF(_ request: Request) async throws -> Response {
        let (period, group) = try await group(request)
        var csrf: String?
        let origin = try await OfficialOrigin.of(period, on: request)
        let html = ReportPages.ranking(request.pageContext(csrfCookie: &csrf), period: period, group: group, origin: origin, madeOn: Date()).render()
        return try await pdf(html, name: fileName("xep-hang", period, group.group, "pdf"), on: request)
    }

    static func scoreSheetPDF(_ request: Request) async throws -> Response {
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        try request.authorize(.viewResults, .results(ResultsTarget(published: record.state == .published, agencyID: record.agency.id)))
        let model = try await ResultsController.agencyModel(record, on: request)
        var csrf: String?
        let origin = try await OfficialOrigin.of(record.period, on: request)
        let html = ReportPages.scoreSheet(request.pageContext(csrfCookie: &csrf), model: model, origin: origin, madeOn: Date()).render()
        return try await pdf(html, name: fileName("phieu-diem-\(record.agency.code)", record.period, record.agency.group, "pdf"), on: request)
    }

    static func pdf(_ html: String, name: String, on request: Request) async throws -> Response {
        let say = request.language.phrases(ResultsText.self)
        do {
            let bytes = try await PDFRenderer.render(html: "<!DOCTYPE html>\n" + html, chromium: request.application.settings.chromium,
                                                     on: request.application.threadPool)
            return download(bytes, type: "application/pdf", name: name)
        } catch PDFRenderer.Failure.chromiumMissing {
            throw APIError(status: .serviceUnavailable, code: "pdf_unavailable", reason: say(.pdfUnavailable))
        } catch let PDFRenderer.Failure.failed(message) {
            request.logger.error("PDF rendering failed: \(message)")
            throw APIError(status: .internalServerError, code: "pdf_failed", reason: say(.pdfFailed))
        }
    }
}
