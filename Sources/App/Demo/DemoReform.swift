import ChiSoCore
import Fluent
import Foundation

/// The demo province through the 2025 reform, as departments were merged nationally: Kế hoạch và
/// Đầu tư into Tài chính, Lao động – Thương binh và Xã hội into Nội vụ, Giao thông vận tải into Xây
/// dựng, Thông tin và Truyền thông into Khoa học và Công nghệ (each from 1/3/2025), Tài nguyên và
/// Môi trường with Nông nghiệp và Phát triển nông thôn into the new Sở Nông nghiệp và Môi trường;
/// and three communes into the new xã Đồng Tâm (from 1/7/2025). Their 2024 results stand behind
/// today's agencies on the year-over-year pages.
enum DemoReform {
    /// The agencies that ended with the reform (their 2024 results are in the demo).
    static let ended: [Agency] = [
        Agency(code: "SKHDT", name: "Sở Kế hoạch và Đầu tư", group: "so", tags: []),
        Agency(code: "SLDTBXH", name: "Sở Lao động – Thương binh và Xã hội", group: "so", tags: []),
        Agency(code: "SGTVT", name: "Sở Giao thông vận tải", group: "so", tags: []),
        Agency(code: "STTTT", name: "Sở Thông tin và Truyền thông", group: "so", tags: []),
        Agency(code: "STNMT", name: "Sở Tài nguyên và Môi trường", group: "so", tags: []),
        Agency(code: "SNNPTNT", name: "Sở Nông nghiệp và Phát triển nông thôn", group: "so", tags: []),
        Agency(code: "XA-TAMDUONG", name: "UBND xã Tam Dương", group: "xa", tags: ["noi-dia"]),
        Agency(code: "XA-DONGLAC", name: "UBND xã Đông Lạc", group: "xa", tags: []),
        Agency(code: "XA-TAMHUNG", name: "UBND xã Tam Hưng", group: "xa", tags: ["noi-dia"]),
    ]

    static let departments = CivilDate(year: 2025, month: 3, day: 1)!
    static let communes = CivilDate(year: 2025, month: 7, day: 1)!

    /// The reorganisations, with the decisions that made them.
    static let changes: [(change: AgencyTimeline.Change, note: String)] = [
        (.init(kind: .merge, effective: departments, from: ["STC", "SKHDT"], to: ["STC"]), "Quyết định 512/QĐ-UBND ngày 25/02/2025"),
        (.init(kind: .merge, effective: departments, from: ["SNV", "SLDTBXH"], to: ["SNV"]), "Quyết định 513/QĐ-UBND ngày 25/02/2025"),
        (.init(kind: .merge, effective: departments, from: ["SXD", "SGTVT"], to: ["SXD"]), "Quyết định 514/QĐ-UBND ngày 25/02/2025"),
        (.init(kind: .merge, effective: departments, from: ["SKHCN", "STTTT"], to: ["SKHCN"]), "Quyết định 515/QĐ-UBND ngày 25/02/2025"),
        (.init(kind: .merge, effective: departments, from: ["STNMT", "SNNPTNT"], to: ["SNNMT"]), "Quyết định 516/QĐ-UBND ngày 25/02/2025"),
        (.init(kind: .merge, effective: communes, from: ["XA-TAMDUONG", "XA-DONGLAC", "XA-TAMHUNG"], to: ["XA-DONGTAM"]),
         "Nghị quyết 1680/NQ-UBTVQH15 ngày 16/6/2025"),
    ]

    /// The agencies formed by the reform, and their first day.
    static var formed: [String: CivilDate] {
        var formed: [String: CivilDate] = [:]
        for (change, _) in changes { for code in change.to where !change.from.contains(code) { formed[code] = change.effective } }
        return formed
    }

    /// Sets the agencies' first and last days and records the changes (the agencies exist already).
    static func record(agencies: [String: AgencyModel], on db: any Database) async throws {
        for (code, day) in formed {
            agencies[code]?.beganOn = day.iso
            try await agencies[code]?.update(on: db)
        }
        for (change, note) in changes {
            let plan = AgencyChangePlan(change: change)
            for code in plan.ending {
                agencies[code]?.endedOn = change.effective.iso
                try await agencies[code]?.update(on: db)
            }
            try await AgencyHistory.record(change, note: note, by: "admin", agencies: agencies, on: db)
        }
    }
}
