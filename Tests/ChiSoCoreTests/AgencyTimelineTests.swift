import Testing
@testable import ChiSoCore

@Suite("Agency timeline: merges, splits, renames, dissolutions")
struct AgencyTimelineTests {
    static func day(_ text: String) -> CivilDate { CivilDate.parse(text)! }

    /// A province before the 2025 reform: four departments and three communes.
    static let before = AgencyTimeline(members: [
        .init(code: "SO-TC", name: "Sở Tài chính", group: "so"),
        .init(code: "SO-KHDT", name: "Sở Kế hoạch và Đầu tư", group: "so"),
        .init(code: "SO-GTVT", name: "Sở Giao thông vận tải", group: "so"),
        .init(code: "SO-XD", name: "Sở Xây dựng", group: "so"),
        .init(code: "XA-A", name: "Xã An Bình", group: "xa"),
        .init(code: "XA-B", name: "Xã Bình Minh", group: "xa"),
        .init(code: "XA-C", name: "Xã Cát Tiên", group: "xa"),
    ], changes: [])

    static func merge(_ from: [String], into to: String, on day: String, new: [AgencyTimeline.Member] = []) -> AgencyChangePlan {
        AgencyChangePlan(change: .init(kind: .merge, effective: Self.day(day), from: from, to: [to]), newMembers: new)
    }

    @Test("A merger into a new agency ends its sources the day before it takes effect and links them")
    func mergeIntoNew() throws {
        let plan = Self.merge(["SO-TC", "SO-KHDT"], into: "SO-TC-2025", on: "01/03/2025",
                              new: [.init(code: "SO-TC-2025", name: "Sở Tài chính (mới)", group: "so")])
        #expect(Self.before.problems(plan) == [])
        let after = Self.before.applying(plan)
        #expect(after.active(on: Self.day("28/02/2025")).map(\.code) == ["SO-GTVT", "SO-KHDT", "SO-TC", "SO-XD", "XA-A", "XA-B", "XA-C"])
        #expect(after.active(on: Self.day("01/03/2025")).map(\.code) == ["SO-GTVT", "SO-TC-2025", "SO-XD", "XA-A", "XA-B", "XA-C"])
        #expect(after.predecessors(of: "SO-TC-2025") == ["SO-TC", "SO-KHDT"])
        #expect(after.successors(of: "SO-KHDT") == ["SO-TC-2025"])
        #expect(after.successors(of: "SO-GTVT") == [])
        #expect(after.forerunners(of: "SO-TC-2025", on: Self.day("31/12/2024")) == ["SO-TC", "SO-KHDT"])
        // After the merger the new agency stands for itself.
        #expect(after.forerunners(of: "SO-TC-2025", on: Self.day("31/12/2025")) == ["SO-TC-2025"])
    }

    @Test("An absorbing merger keeps the receiving agency and ends the others")
    func absorbingMerge() throws {
        let plan = Self.merge(["SO-TC", "SO-KHDT"], into: "SO-TC", on: "01/03/2025")
        #expect(Self.before.problems(plan) == [])
        let after = Self.before.applying(plan)
        #expect(after.isActive("SO-TC", on: Self.day("01/06/2025")))
        #expect(!after.isActive("SO-KHDT", on: Self.day("01/03/2025")))
        #expect(after.predecessors(of: "SO-TC") == ["SO-KHDT"])
        #expect(after.forerunners(of: "SO-TC", on: Self.day("31/12/2024")) == ["SO-TC", "SO-KHDT"])
    }

    @Test("A split: one agency ends, several carry on; a rename keeps the code and the old name with its dates")
    func splitAndRename() throws {
        let split = AgencyChangePlan(change: .init(kind: .split, effective: Self.day("01/07/2025"), from: ["XA-C"], to: ["XA-C1", "XA-B"]),
                                     newMembers: [.init(code: "XA-C1", name: "Xã Cát Tiên 1", group: "xa")])
        #expect(Self.before.problems(split) == [])
        var after = Self.before.applying(split)
        #expect(after.successors(of: "XA-C") == ["XA-C1", "XA-B"])
        #expect(after.forerunners(of: "XA-C1", on: Self.day("31/12/2024")) == ["XA-C"])
        #expect(after.forerunners(of: "XA-B", on: Self.day("31/12/2024")) == ["XA-B", "XA-C"])

        let rename = AgencyChangePlan(change: .init(kind: .rename, effective: Self.day("15/08/2025"), from: ["XA-B"], to: []),
                                      newName: "Phường Bình Minh")
        #expect(after.problems(rename) == [])
        after = after.applying(rename)
        #expect(after.members["XA-B"]?.name(on: Self.day("14/08/2025")) == "Xã Bình Minh")
        #expect(after.members["XA-B"]?.name(on: Self.day("15/08/2025")) == "Phường Bình Minh")
        #expect(after.active(on: Self.day("01/01/2025")).first { $0.code == "XA-B" }?.name == "Xã Bình Minh")
        #expect(after.isActive("XA-B", on: Self.day("01/01/2026")))
        // A second rename must come after the first.
        let early = AgencyChangePlan(change: .init(kind: .rename, effective: Self.day("01/08/2025"), from: ["XA-B"], to: []), newName: "Phường BM")
        #expect(after.problems(early) == [.renamedAfter(Self.day("15/08/2025"))])
    }

    @Test("A dissolution ends the agency without successors")
    func dissolve() {
        let plan = AgencyChangePlan(change: .init(kind: .dissolve, effective: Self.day("01/10/2025"), from: ["XA-A"], to: []))
        let after = Self.before.applying(plan)
        #expect(after.isActive("XA-A", on: Self.day("30/09/2025")))
        #expect(!after.isActive("XA-A", on: Self.day("01/10/2025")))
        #expect(after.successors(of: "XA-A") == [])
        #expect(after.forerunners(of: "XA-A", on: Self.day("31/12/2025")) == [])
    }

    @Test("Chains over several years: three communes → one (2025), renamed, then merged again (2027)")
    func chains() {
        var timeline = Self.before.applying(Self.merge(["XA-A", "XA-B", "XA-C"], into: "XA-ABC", on: "01/07/2025",
                                                       new: [.init(code: "XA-ABC", name: "Xã An Cát", group: "xa")]))
        timeline = timeline.applying(.init(change: .init(kind: .rename, effective: Self.day("01/01/2026"), from: ["XA-ABC"], to: []),
                                           newName: "Phường An Cát"))
        timeline = timeline.applying(.init(change: .init(kind: .merge, effective: Self.day("01/01/2027"), from: ["XA-ABC", "SO-XD"],
                                                         to: ["XA-ABC"])))
        #expect(timeline.forerunners(of: "XA-ABC", on: Self.day("31/12/2024")) == ["XA-A", "XA-B", "XA-C", "SO-XD"])
        #expect(timeline.forerunners(of: "XA-ABC", on: Self.day("31/12/2026")) == ["XA-ABC", "SO-XD"])
        #expect(timeline.ancestry(of: "XA-ABC").map(\.code) == ["XA-A", "XA-B", "XA-C", "SO-XD"])
        #expect(timeline.ancestry(of: "XA-ABC").map(\.generation) == [1, 1, 1, 1])
        let asOf2026 = timeline.active(on: Self.day("30/06/2026"))
        #expect(asOf2026.map(\.code) == ["SO-GTVT", "SO-KHDT", "SO-TC", "SO-XD", "XA-ABC"])
        #expect(asOf2026.last?.name == "Phường An Cát")
    }

    @Test("Every refusal names what is wrong")
    func problems() {
        let t = Self.before
        #expect(t.problems(Self.merge(["SO-TC"], into: "SO-TC", on: "01/03/2025")) == [.mergeNeedsTwo])
        #expect(t.problems(Self.merge(["SO-TC", "SO-NONE"], into: "SO-TC", on: "01/03/2025")) == [.unknownAgency("SO-NONE")])
        #expect(t.problems(Self.merge(["SO-TC", "SO-KHDT"], into: "SO-XD", on: "01/03/2025")) == [.absorbingSuccessorNotMerged("SO-XD")])
        #expect(t.problems(Self.merge(["SO-TC", "SO-KHDT"], into: "SO-XD", on: "01/03/2025", new: [.init(code: "SO-XD", name: "X", group: "so")]))
            == [.codeTaken("SO-XD")])
        #expect(t.problems(Self.merge(["SO-TC", "SO-KHDT"], into: "N", on: "01/03/2025", new: [.init(code: "N", name: "", group: "")]))
            == [.nameRequired("N"), .groupRequired("N")])
        let ended = t.applying(.init(change: .init(kind: .dissolve, effective: Self.day("01/01/2025"), from: ["XA-A"], to: [])))
        #expect(ended.problems(Self.merge(["XA-A", "XA-B"], into: "XA-B", on: "01/03/2025")) == [.notActive("XA-A", Self.day("01/03/2025"))])
        #expect(t.problems(.init(change: .init(kind: .split, effective: Self.day("01/03/2025"), from: ["XA-A"], to: ["XA-B"]))) == [.splitNeedsTwo])
        #expect(t.problems(.init(change: .init(kind: .rename, effective: Self.day("01/03/2025"), from: ["XA-A"], to: []), newName: "Xã An Bình"))
            == [.sameName])
        #expect(t.problems(.init(change: .init(kind: .dissolve, effective: Self.day("01/03/2025"), from: ["XA-A"], to: ["XA-B"])))
            == [.noSuccessorsAllowed])
        for problem in [OrganisationProblem.mergeNeedsTwo, .notActive("X", Self.day("01/03/2025"))] {
            #expect(!problem.message(.vietnamese).isEmpty && problem.message(.vietnamese) != problem.message(.english))
        }
        #expect(OrganisationProblem.notActive("X", Self.day("01/03/2025")).message(.vietnamese).contains("01/03/2025"))
    }
}
