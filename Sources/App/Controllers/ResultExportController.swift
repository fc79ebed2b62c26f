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
        let groups = try await PeriodResults.load(period: period, on: request.db, indexes: request.application.indexCache)
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
    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    // MARK: CSV

    static func rankingCSV(_ request: Request) async throws -> Response {
        let (period, group) = try await group(request)
        return download(Array(group.report.csv().utf8), type: csvType, name: fileName("xep-hang", period, group.group, "csv"))
    }

    static func inputsCSV(_ request: Request) async throws -> Response {
        let (period, group) = try await group(request)
        var writer = CSVWriter()
        writer.row(["agency", "criterion", "value", "evidence"])
        for row in inputRows(group) { writer.row(row) }
        return download(Array(writer.text.utf8), type: csvType, name: fileName("du-lieu-dau-vao", period, group.group, "csv"))
    }

    static func agenciesCSV(_ request: Request) async throws -> Response {
        let (period, group) = try await group(request)
        var writer = CSVWriter()
        writer.row(["code", "name", "group", "tags"])
        for agency in group.agencies { writer.row([agency.code, agency.name, agency.group, agency.tags.joined(separator: ";")]) }
        return download(Array(writer.text.utf8), type: csvType, name: fileName("don-vi", period, group.group, "csv"))
    }

    /// The final inputs of spec §5, one row per agency and leaf or item that has a value or evidence.
    static func inputRows(_ group: GroupResults) -> [[String]] {
        var rows: [[String]] = []
        let index = group.index
        let codes = index.nodes.filter(\.isLeaf).map(\.code) + index.bonus.map(\.code) + index.deductions.map(\.code)
        let sourced = Set(index.nodes.filter { $0.leaf?.source != nil }.map(\.code))
        for member in group.members {
            let entries = Dictionary(member.entries.map { ($0.criterionCode, $0) }, uniquingKeysWith: { first, _ in first })
            for code in codes {
                // As the final sheet reads it: the appraisers' input, else the agency's (never for a sourced leaf).
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
        let html = ReportPages.ranking(request.pageContext(csrfCookie: &csrf), period: period, group: group,
                                       province: request.application.settings.province, madeOn: Date()).render()
        return try await pdf(html, name: fileName("xep-hang", period, group.group, "pdf"), on: request)
    }

    static func scoreSheetPDF(_ request: Request) async throws -> Response {
        let record = try await AssessmentRecord.load(request.parameters.get("assessmentID", as: UUID.self), on: request)
        try request.authorize(.viewResults, .results(ResultsTarget(published: record.state == .published, agencyID: record.agency.id)))
        let model = try await ResultsController.agencyModel(record, on: request)
        var csrf: String?
        let html = ReportPages.scoreSheet(request.pageContext(csrfCookie: &csrf), model: model,
                                          province: request.application.settings.province, madeOn: Date()).render()
        return try await pdf(html, name: fileName("phieu-diem-\(record.agency.code)", record.period, record.agency.group, "pdf"), on: request)
    }

    static func pdf(_ html: String, name: String, on request: Request) async throws -> Response {
        let vi = request.language == .vietnamese
        do {
            let bytes = try await PDFRenderer.render(html: "<!DOCTYPE html>\n" + html, chromium: request.application.settings.chromium,
                                                     on: request.application.threadPool)
            return download(bytes, type: "application/pdf", name: name)
        } catch PDFRenderer.Failure.chromiumMissing {
            throw APIError(status: .serviceUnavailable, code: "pdf_unavailable", reason: vi
                ? "Máy chủ chưa cài Chromium nên chưa xuất được PDF (cài gói chromium hoặc đặt CHISO_CHROMIUM). Bảng Excel và CSV vẫn tải được."
                : "This server has no Chromium, so PDFs cannot be made (install the chromium package or set CHISO_CHROMIUM). Excel and CSV still work.")
        } catch let PDFRenderer.Failure.failed(message) {
            request.logger.error("PDF rendering failed: \(message)")
            throw APIError(status: .internalServerError, code: "pdf_failed", reason: vi ? "Không tạo được tệp PDF, vui lòng thử lại." : "The PDF could not be made; please try again.")
        }
    }
}
