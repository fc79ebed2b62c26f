import Testing
@testable import ChiSoCore

/// Versions of an index (issue 18): the criterion mapping, the comparison of two versions, the dry run of a draft.
@Suite("Index versions: mapping, comparison, dry run")
struct IndexVersionTests {
    static func communes() throws -> Index { try IndexTableTests.shipped("xa-2026.yaml") }

    /// The communes' index cloned, with 1.1.1's max and tiers changed (and 1.1.2 lowered to match),
    /// 1.1.2 renumbered 1.1.9, 1.1.3 removed (its points to a new 1.1.8).
    static func draft() throws -> (IndexTable, Index) {
        var table = IndexTable(try communes()).cloned()
        let first = table.criteria.firstIndex { $0.code == "1.1.1" }!
        table.criteria[first].max = "6"
        table.criteria[first].parameters = "≥100%: 6; ≥90%: 3"
        let second = table.criteria.firstIndex { $0.code == "1.1.2" }!
        table.criteria[second].code = "1.1.9"
        table.criteria[second].max = "3"
        let third = table.criteria.firstIndex { $0.code == "1.1.3" }!
        table.criteria[third] = IndexTable.CriterionRow(level: "3", code: "1.1.8", title: "Chỉ tiêu mới", max: "3", rule: "Đạt/Không đạt")
        table.settings.id = "xa-2027"
        let validation = table.validate()
        return (table, try #require(validation.index, "\(validation.problems.map { $0.formatted(.english) })"))
    }

    @Test("A clone remembers its origins: renumbered nodes map to their new code, a replaced one to nothing")
    func mappingFromOrigins() throws {
        let (table, _) = try Self.draft()
        let mapping = CriterionMapping.origins(of: table, from: try Self.communes())
        #expect(mapping.targets(of: "1.1.1") == ["1.1.1"])
        #expect(mapping.targets(of: "1.1.2") == ["1.1.9"])
        #expect(mapping.targets(of: "1.1.3") == [])
        #expect(mapping.sources(of: "1.1.8") == [])
        #expect(mapping.targets(of: "D2") == ["D2"])
    }

    @Test("Inputs are carried one to many and many to one; evidence is summed")
    func carry() {
        var mapping = CriterionMapping(targets: [:])
        mapping.set("a", to: ["x", "y"])
        mapping.set("b", to: ["z"])
        mapping.set("c", to: ["z"])
        mapping.set("d", to: [])
        let (inputs, evidence) = mapping.carry(
            [StoredInput(code: "a", selfInput: "1", appraisedInput: "2", appraised: true),
             StoredInput(code: "c", selfInput: "5", appraisedInput: nil, appraised: false),
             StoredInput(code: "d", selfInput: "9", appraisedInput: "9", appraised: true)],
            evidence: ["a": 1, "b": 2, "c": 3])
        #expect(inputs.map(\.code) == ["x", "y", "z"])
        #expect(inputs[0].appraisedInput == "2")
        #expect(inputs[2].selfInput == "5")
        #expect(evidence == ["x": 1, "y": 1, "z": 5])
    }

    @Test("The comparison lists what was added, removed, renumbered and changed, in tree order")
    func comparison() throws {
        let (table, draft) = try Self.draft()
        let old = try Self.communes()
        let comparison = IndexComparison(old: old, new: draft, mapping: CriterionMapping.origins(of: table, from: old))
        let byCode = Dictionary(comparison.rows.compactMap { row in (row.newCode ?? row.oldCodes.first).map { ($0, row) } },
                                uniquingKeysWith: { first, _ in first })
        #expect(byCode["1.1.1"]?.kind == .changed)
        #expect(byCode["1.1.1"]?.changes.map(\.property) == [.max, .rule])
        #expect(byCode["1.1.1"]?.changes.first?.after == "6")
        #expect(byCode["1.1.9"]?.kind == .renumbered)
        #expect(byCode["1.1.9"]?.oldCodes == ["1.1.2"])
        #expect(byCode["1.1.8"]?.kind == .added)
        #expect(byCode["1.1.3"]?.kind == .removed)
        // In the tree's order: 1.1.3 removed where it stood, after 1.1.2 (now 1.1.9) and before the new 1.1.8.
        let order = comparison.rows.map { $0.newCode ?? "-" + $0.oldCodes[0] }
        #expect(order.prefix(4) == ["1.1.1", "1.1.9", "-1.1.3", "1.1.8"], "\(order)")
        #expect(comparison.unchanged == old.allCodes.count - 3)
        #expect(comparison.settings.isEmpty)
        // An index against itself: nothing to list.
        let same = IndexComparison(old: old, new: old, mapping: .identical(from: old, to: old))
        #expect(same.rows.isEmpty && same.settings.isEmpty)
        let sheet = comparison.workbook(oldName: "v1", newName: "v2").sheets[0]
        #expect(sheet.rows.count > 4)
    }

    @Test("A dry run with the same index changes nothing; with the draft, scores move and say why")
    func dryRun() throws {
        let old = try Self.communes()
        let (table, draft) = try Self.draft()
        func member(_ code: String, _ inputs: [String: String]) -> IndexDryRun.Member {
            IndexDryRun.Member(agency: Agency(code: code, name: "Xã \(code)", group: "xa"),
                               inputs: inputs.map { StoredInput(code: $0.key, selfInput: $0.value, appraisedInput: $0.value, appraised: true) },
                               evidence: [:])
        }
        let members = [member("A", ["1.1.1": "100", "1.1.2": "95", "1.1.3": "100"]), member("B", ["1.1.1": "92", "1.1.2": "95", "1.1.3": "100"])]
        let same = IndexDryRun(old: old, draft: old, mapping: .identical(from: old, to: old), members: members)
        #expect(same.rows.allSatisfy { $0.before.final == $0.after.final && $0.movement == 0 && $0.reasons.isEmpty })
        let run = IndexDryRun(old: old, draft: draft, mapping: CriterionMapping.origins(of: table, from: old), members: members)
        let a = run.rows[0], b = run.rows[1]
        // A: 1.1.1 5 → 6, 1.1.2 (4 points of 4) → 1.1.9 (3 of 3), 1.1.3's 3 points gone, 1.1.8 missing.
        #expect(a.reasons.contains { $0.newCode == "1.1.1" && $0.before == DecimalNumber(5) && $0.after == DecimalNumber(6) })
        #expect(a.reasons.contains { $0.newCode == nil && $0.oldCodes == ["1.1.3"] })
        #expect(a.missing.contains("1.1.8"))
        #expect(!a.missing.contains("1.1.9"))
        // B: 92% was 3 of 5 under the old tiers, 3 of 6 now.
        #expect(!b.reasons.contains { $0.newCode == "1.1.1" })
        #expect(a.after.rank == 1 && b.after.rank == 2)
    }
}
