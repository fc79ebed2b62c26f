import ChiSoCore
import Fluent
import Foundation
import Testing
import Vapor
@testable import App

/// The store, without HTTP: one assessment or a whole period's, and every score from the loaded record.
@Suite("Assessment store", .serialized)
struct AssessmentStoreTests {
    /// What two loads of one assessment must agree on.
    static func summary(_ record: AssessmentRecord) -> [String] {
        [record.id.uuidString, record.agency.code, record.period.name, record.state.rawValue, record.exception?.id?.uuidString ?? "-",
         record.entries.map { "\($0.criterionCode)=\($0.selfInput ?? "")/\($0.appraisedInput ?? "")" }.sorted().joined(separator: ","),
         record.evidenceCounts.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ","),
         record.links.map(\.id.uuidString).joined(separator: ","),
        ] + ScoreStage.allCases.map { record.score($0).final.description }
    }

    @Test("One assessment, or the period's: the same record, the same scores at every stage")
    func oneOrPeriod() async throws {
        try await TestApp.run { app, fixture in
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            #expect(try await editor.post("/assessments/\(fixture.ownAssessment)/entries/1.2", [("value", "3/4"), ("revision", "0")]).status == .seeOther)
            let store = app.assessments
            let own = try await store.load(fixture.ownAssessment)
            #expect(own.entries.count == 1 && own.evidenceCounts["1.1"] == 1)
            // 1.1 (yes/no, evidence attached) not answered: 0; 1.2: 6 × 3/4 = 4,5 of 10.
            #expect(own.score(.selfAssessed).final.description == "4.5")
            let period = try #require(try await PeriodModel.find(fixture.period, on: app.db))
            let all = try await store.period(period)
            #expect(all.map(\.agency.code) == ["SNV", "SXD"])
            let fromPeriod = try #require(all.first { $0.id == fixture.ownAssessment })
            #expect(Self.summary(fromPeriod) == Self.summary(own))
            for record in all {
                #expect(Self.summary(try await store.load(record.id)) == Self.summary(record), "\(record.agency.code)")
            }
            // Only some states.
            #expect(try await store.period(period, states: [.published]).isEmpty)
            #expect(try await store.period(period, states: [.draft]).count == all.filter { $0.state == .draft }.count)
            // A change scored before it is saved, without touching what is stored.
            let item = ItemReference.criterion(try #require(own.index.nodes.firstIndex { $0.code == "1.2" }))
            #expect(own.score(.selfAssessed, with: [item: Entry(value: .fraction(DecimalNumber(1), DecimalNumber(1)), evidence: 0)]).final.description == "6")
            #expect(try await store.load(fixture.ownAssessment).score(.selfAssessed).final.description == "4.5")
            // A save's record: the leaf alone.
            let leaf = try await store.load(fixture.ownAssessment, leaf: "1.2")
            #expect(leaf.entries.map(\.criterionCode) == ["1.2"] && leaf.links.isEmpty && leaf.evidenceCounts == ["1.2": 0])
            await #expect(throws: Abort.self) { try await store.load(UUID()) }
        }
    }

    @Test("The demo province: every stored final score and class is what the store re-scores from the stored inputs")
    func storedFinalsAreRescored() async throws {
        try await TestApp.runEmpty { app in
            _ = try await DemoProvince.load(on: app, resources: try DemoResources.folder())
            var finals = 0, withItems = 0, movedDown: [String] = []
            for period in try await PeriodModel.query(on: app.db).all() {
                for record in try await app.assessments.period(period) where record.state.hasFinalResult {
                    let score = record.score(.final)
                    #expect(record.model.finalScore == score.final.fixed(2), "\(record.agency.code) \(period.name)")
                    #expect(record.model.classCode == record.index.classes[score.classPosition].code, "\(record.agency.code) \(period.name)")
                    finals += 1
                    if score.bonus > 0 || score.deduction > 0 { withItems += 1 }
                    if score.final >= 90, !score.failedConditions.isEmpty { movedDown.append(record.agency.code) }
                }
            }
            #expect(finals > 20)
            // Bonus and deduction entries for several agencies, and one whose final reaches "Xuất sắc"
            // but who is classed lower by a condition on the top class.
            #expect(withItems >= 5)
            #expect(movedDown.count == 1)
        }
    }
}
