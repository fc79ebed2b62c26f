@testable import ChiSoCore

/// A deterministic pseudo-random generator (SplitMix64), so that a failing
/// property names a seed that reproduces it.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: Int) { state = UInt64(bitPattern: Int64(seed)) &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random index (as YAML, so the reader is exercised too), agencies and
/// valid inputs: every rule type, nested groups, caps, N/A by tags and NA.
struct RandomWorld {
    var yaml = ""
    var agencies: [Agency] = []
    /// (agency, code, value, evidence) rows.
    var rows: [(agency: String, code: String, value: String, evidence: Int)] = []
    var scale = DecimalNumber.zero
    var bonusCap: DecimalNumber?
    /// Leaf codes with their YAML (to add extra nodes in properties).
    var leafCodes: [String] = []

    static let tags = ["khong-tthc", "dvsn", "bien-gioi"]

    init(seed: Int, naPolicy: String? = nil) {
        var rng = SplitMix(seed: seed)
        var lines: [String] = []
        var counter = 0
        var leaves: [(code: String, rule: String, max: DecimalNumber, allowNA: Bool, extra: [String])] = []

        func amount(_ rng: inout SplitMix) -> DecimalNumber {
            DecimalNumber(significand: Int128(Int.random(in: 1...40, using: &rng)), scale: 0) * DecimalNumber.of("0.25")
        }

        func leaf(depth: Int, _ rng: inout SplitMix) -> DecimalNumber {
            counter += 1
            let code = "L\(counter)"
            let max = amount(&rng)
            let pad = String(repeating: "  ", count: depth)
            let rules = ["manual", "yesno", "tiers", "ratio", "count", "deduct", "percent", "levels"]
            let type = rules.randomElement(using: &rng)!
            var rule: String
            switch type {
            case "manual": rule = "{type: manual, step: 0.25}"
            case "tiers":
                rule = "{type: tiers, tiers: [{min: 100, points: \(max)}, {min: 90, points: \(max * DecimalNumber.of("0.5"))}, {min: 50, points: 0.1}]}"
                if max < DecimalNumber.of("0.1") { rule = "{type: tiers, tiers: [{min: 100, points: \(max)}]}" }
            case "ratio": rule = "{type: ratio, target: \(["100", "80", "50", "33.3"].randomElement(using: &rng)!)}"
            case "count": rule = "{type: count, per: 0.5\(Bool.random(using: &rng) ? ", cap: 1" : "")}"
            case "deduct": rule = "{type: deduct, per: 0.75}"
            case "levels": rule = "{type: levels, levels: [{code: A, points: \(max)}, {code: B, points: \(max * DecimalNumber.of("0.4"))}, {code: C, points: 0}]}"
            default: rule = "{type: \(type)}"
            }
            let allowNA = Int.random(in: 0..<5, using: &rng) == 0
            var extra: [String] = []
            if allowNA { extra.append("allowNA: true") }
            if Int.random(in: 0..<5, using: &rng) == 0 { extra.append("evidence: required") }
            if Int.random(in: 0..<8, using: &rng) == 0 { extra.append("notApplicableFor: [\(RandomWorld.tags.randomElement(using: &rng)!)]") }
            lines.append("\(pad)- code: \"\(code)\"")
            lines.append("\(pad)  title: Tiêu chí \(code)")
            lines.append("\(pad)  max: \(max)")
            lines.append("\(pad)  rule: \(rule)")
            for field in extra { lines.append("\(pad)  \(field)") }
            leaves.append((code, type, max, allowNA, extra))
            return max
        }

        func group(depth: Int, _ rng: inout SplitMix) -> DecimalNumber {
            counter += 1
            let code = "G\(counter)"
            let pad = String(repeating: "  ", count: depth)
            lines.append("\(pad)- code: \"\(code)\"")
            lines.append("\(pad)  title: Nhóm \(code)")
            let maxLine = lines.count
            lines.append("")
            if Int.random(in: 0..<6, using: &rng) == 0 {
                lines.append("\(pad)  notApplicableFor: [\(RandomWorld.tags.randomElement(using: &rng)!)]")
            }
            lines.append("\(pad)  children:")
            var sum = DecimalNumber.zero
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                sum = sum + (depth < 4 && Int.random(in: 0..<3, using: &rng) == 0 ? group(depth: depth + 2, &rng) : leaf(depth: depth + 2, &rng))
            }
            // Sometimes a cap below the children's sum.
            let max = Bool.random(using: &rng) && sum > 1 ? sum - DecimalNumber.of("0.5") : sum
            lines[maxLine] = "\(pad)  max: \(max)"
            return max
        }

        var total = DecimalNumber.zero
        var body: [String] = []
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            lines = []
            total = total + (Bool.random(using: &rng) ? group(depth: 0, &rng) : leaf(depth: 0, &rng))
            body += lines
        }
        scale = total
        let policy = naPolicy ?? (Bool.random(using: &rng) ? "rescale" : "none")
        bonusCap = Bool.random(using: &rng) ? DecimalNumber(Int.random(in: 0...5, using: &rng)) : nil
        var header = [
            "id: random", "title: Ngẫu nhiên", "scale: \(scale)", "naPolicy: \(policy)",
            "classes:", "  - {code: XS, title: Xuất sắc, min: 90}", "  - {code: K, title: Khá, min: 70}",
            "  - {code: Y, title: Yếu, min: 0}",
        ]
        if let bonusCap { header.append("bonusCap: \(bonusCap)") }
        if Bool.random(using: &rng) { header.append("deductionCap: \(Int.random(in: 0...5, using: &rng))") }
        header.append("criteria:")
        let footer = [
            "bonus:", "  - {code: B1, title: Thưởng, rule: {type: count, per: 1.5, cap: 3}}",
            "  - {code: B2, title: Thưởng tay, rule: {type: manual, max: 2, step: 0.5}}",
            "deductions:", "  - {code: D1, title: Trừ, rule: {type: count, per: 2}}",
        ]
        yaml = (header + body + footer).joined(separator: "\n") + "\n"
        leafCodes = leaves.map(\.code)

        let groups = ["so", "xa", "dv"]
        for position in 0..<Int.random(in: 1...12, using: &rng) {
            let tags = RandomWorld.tags.filter { _ in Int.random(in: 0..<4, using: &rng) == 0 }
            agencies.append(Agency(code: "A\(Int.random(in: 0...99, using: &rng))-\(position)", name: "Đơn vị \(position)",
                                   group: groups.randomElement(using: &rng)!, tags: tags))
        }
        for agency in agencies {
            for leaf in leaves where Int.random(in: 0..<10, using: &rng) > 0 {
                let value: String
                if leaf.allowNA, Int.random(in: 0..<4, using: &rng) == 0 {
                    value = "NA"
                } else {
                    switch leaf.rule {
                    case "manual":
                        let quarters = Int.random(in: 0...Int(leaf.max.significand(atScale: 2) / 25), using: &rng)
                        value = (DecimalNumber(quarters) * DecimalNumber.of("0.25")).description
                    case "yesno": value = ["có", "không", "1", "0", "Đạt", "không đạt", "yes", "NO"].randomElement(using: &rng)!
                    case "tiers", "percent": value = ["100", "95,5", "90", "89.99", "50", "0", "33.335", "12.3456"].randomElement(using: &rng)!
                    case "ratio": value = ["100", "120", "87.5", "1/3", "2/3", "7/9", "0", "1/16", "33.3"].randomElement(using: &rng)!
                    case "count", "deduct": value = String(Int.random(in: 0...9, using: &rng))
                    default: value = ["A", "B", "C"].randomElement(using: &rng)!
                    }
                }
                rows.append((agency.code, leaf.code, value, Int.random(in: 0...2, using: &rng)))
            }
            if Bool.random(using: &rng) { rows.append((agency.code, "B1", String(Int.random(in: 0...3, using: &rng)), 0)) }
            if Bool.random(using: &rng) { rows.append((agency.code, "B2", ["0", "0.5", "2"].randomElement(using: &rng)!, 0)) }
            if Bool.random(using: &rng) { rows.append((agency.code, "D1", String(Int.random(in: 0...4, using: &rng)), 0)) }
        }
        // NA input only where allowed: NA for a leaf that is N/A by tags is fine too.
    }

    var agencyCSV: String {
        var writer = CSVWriter()
        writer.row(["code", "name", "group", "tags"])
        for agency in agencies { writer.row([agency.code, agency.name, agency.group, agency.tags.joined(separator: ";")]) }
        return writer.text
    }

    func inputCSV(_ rows: [(agency: String, code: String, value: String, evidence: Int)]) -> String {
        var writer = CSVWriter()
        writer.row(["agency", "criterion", "value", "evidence"])
        for row in rows { writer.row([row.agency, row.code, row.value, String(row.evidence)]) }
        return writer.text
    }

    func run(yaml: String? = nil, rows: [(agency: String, code: String, value: String, evidence: Int)]? = nil) -> ScoreRun.Outcome {
        ScoreRun.run(index: ScoreRun.File(path: "index.yaml", bytes: Array((yaml ?? self.yaml).utf8)),
                     agencies: ScoreRun.File(path: "agencies.csv", bytes: Array(agencyCSV.utf8)),
                     inputs: ScoreRun.File(path: "inputs.csv", bytes: Array(inputCSV(rows ?? self.rows).utf8)))
    }

    func report() throws -> ScoreReport {
        let index = try IndexReader.read(yaml: yaml)
        let sheets = try InputsReader.read(Array(inputCSV(rows).utf8), index: index, agencies: agencies)
        return ScoreReport(index: index, agencies: agencies, sheets: sheets)
    }
}
