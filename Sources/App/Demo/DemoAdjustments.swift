import ChiSoCore
import Foundation

/// The bonus and deduction items of the demo's published 2025 results: a few agencies proposed
/// bonus items that the council confirmed, a few were criticised in writing (a deduction with its
/// document), and one — the department the demo draws best — had a leader disciplined: its final
/// still reaches "Xuất sắc" by score, but the index's condition on the top class (no disciplinary
/// deduction) classes it "Tốt", so the pages show the case.
enum DemoAdjustments {
    struct Adjustment {
        var code: String
        var value: String
        /// Proposed by the agency (a bonus item), or recorded by the council (a deduction).
        var proposed: Bool
        var note: String?
        var reason: String?
        var document: (number: String, issuedOn: CivilDate, issuer: String)?
    }

    /// The department the demo draws best in 2025 among `codes` (the first draw of its generator is its quality).
    static func showcase(among codes: [String]) -> String? {
        codes.max { a, b in
            var ra = DemoRandom(seed: a + "2025"), rb = DemoRandom(seed: b + "2025")
            return ra.unit() < rb.unit()
        }
    }

    static func entries(agency: String, showcase: String?, index: Index, random: inout DemoRandom) -> [Adjustment] {
        let codes = Set(index.bonus.map(\.code) + index.deductions.map(\.code))
        var result: [Adjustment] = []
        if agency == showcase {
            result += [
                Adjustment(code: "B1", value: "1", proposed: true, note: "Cờ thi đua của Chính phủ, Quyết định số 112/QĐ-TTg ngày 20/01/2025"),
                Adjustment(code: "B3", value: "2", proposed: true, note: "Hai mô hình được UBND tỉnh nhân rộng"),
                Adjustment(code: "D2", value: "1", proposed: false, reason: "Phó Giám đốc bị kỷ luật khiển trách trong năm đánh giá",
                           document: ("25/QĐ-UBND", CivilDate(year: 2025, month: 9, day: 12)!, "UBND tỉnh")),
            ]
            return result.filter { codes.contains($0.code) }
        }
        // Others: now and then a bonus item proposed and confirmed, or a written criticism.
        if random.unit() < 0.2, let bonus = index.bonus.first(where: { $0.code == "B2" }) {
            result.append(Adjustment(code: bonus.code, value: "1", proposed: true, note: "Được khen thưởng theo quyết định trong năm 2025"))
        }
        if random.unit() < 0.15, codes.contains("D1") {
            result.append(Adjustment(code: "D1", value: "1", proposed: false, reason: "Chậm triển khai nhiệm vụ được giao, bị UBND tỉnh phê bình",
                                     document: ("\(40 + Int(random.unit() * 50))/TB-UBND", CivilDate(year: 2025, month: 6, day: 18)!, "UBND tỉnh")))
        }
        return result
    }
}
