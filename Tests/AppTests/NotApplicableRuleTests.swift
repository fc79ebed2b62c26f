import ChiSoCore
import Fluent
import Foundation
import Testing
import Vapor
@testable import App

/// The N/A rule is one function of the core: the web save refuses exactly what `chiso score` refuses,
/// for the same input and agency.
@Suite("The N/A rule, web and command line alike", .serialized)
struct NotApplicableRuleTests {
    static let yaml = Fixture.indexYAML(id: "test-na", title: "N/A theo nhãn", field: ("I", "Lĩnh vực I", 10), leaves: [
        "{code: \"1.1\", title: Cho phép NA, max: 3, rule: {type: yesno}, allowNA: true}",
        "{code: \"1.2\", title: Không áp dụng cho đơn vị không có TTHC, max: 3, rule: {type: yesno}, notApplicableFor: [khong-tthc]}",
        "{code: \"1.3\", title: Luôn áp dụng, max: 4, rule: {type: yesno}}",
    ])

    @Test("NA on every leaf, for an agency with the tag and one without: the page and chiso score agree, leaf by leaf")
    func sameRefusals() async throws {
        try await TestApp.run { app, _ in
            let index = try IndexReader.read(yaml: Self.yaml)
            let sxd = try #require(try await AgencyModel.query(on: app.db).filter(\.$code == "SXD").first())
            sxd.tags = "khong-tthc"
            try await sxd.save(on: app.db)
            let period = try await Fixture.openPeriod(
                Fixture.year2027(),
                indexYAML: Self.yaml, on: app)
            let records = try await app.assessments.period(period)
            let editors = ["SNV": "t.editor", "SXD": "t.sxd.editor"]
            var refusedByWeb: [String: Bool] = [:], refusedByCLI: [String: Bool] = [:]
            for record in records {
                let editor = Browser(app)
                try await editor.signIn(try #require(editors[record.agency.code]))
                let agencies = records.map(\.agency.scoringAgency)
                for code in ["1.1", "1.2", "1.3"] {
                    let key = "\(record.agency.code) \(code)"
                    let saved = try await editor.post("/assessments/\(record.id)/entries/\(code)", [("na", "on"), ("revision", "0")])
                    #expect(saved.status == .seeOther || saved.status == .unprocessableEntity, "\(key): \(saved.status)")
                    refusedByWeb[key] = saved.status == .unprocessableEntity
                    let csv = "agency,criterion,value\n\(record.agency.code),\(code),NA\n"
                    do {
                        _ = try InputsReader.read(Array(csv.utf8), index: index, agencies: agencies)
                        refusedByCLI[key] = false
                    } catch {
                        refusedByCLI[key] = true
                    }
                }
            }
            #expect(refusedByWeb == refusedByCLI)
            // And what the rule says: 1.1 allows N/A, 1.2 is N/A for the tagged agency only, 1.3 never.
            #expect(refusedByWeb == ["SNV 1.1": false, "SXD 1.1": false, "SNV 1.2": true, "SXD 1.2": false, "SNV 1.3": true, "SXD 1.3": true])
        }
    }
}
