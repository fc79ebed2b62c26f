import Foundation

/// A leaf rule's parameters as the fields of a form, one field per value (tiers and levels as rows),
/// read from the notation and written back to it: the editor shows each rule the form it needs.
public struct RuleForm: Sendable, Hashable {
    /// The rule's type name (`tiers`, `ratio`, …).
    public var type: String
    /// Single values by name: `step` (manual), `target` (ratio), `per` and `cap` (count, deduct).
    public var values: [String: String]
    /// Rows of two values: tiers (min, points) or levels (code, points).
    public var rows: [[String]]

    /// A bonus or deduction item's rule (`manual` then takes a max as well as a step).
    public var adjustment: Bool

    public init(type: String, adjustment: Bool = false, values: [String: String] = [:], rows: [[String]] = []) {
        self.type = type
        self.adjustment = adjustment
        self.values = values
        self.rows = rows
    }

    /// The single values a type takes, in order.
    public static func fields(of type: String, adjustment: Bool = false) -> [String] {
        switch type {
        case "manual": adjustment ? ["max", "step"] : ["step"]
        case "ratio": ["target"]
        case "count": ["per", "cap"]
        case "deduct": ["per"]
        default: []
        }
    }

    /// Whether the type's parameters are rows.
    public static func hasRows(_ type: String) -> Bool { type == "tiers" || type == "levels" }

    /// The form of a rule as written, or `nil` when the cell cannot be read as this type's parameters
    /// (the editor then shows the cell as text, so that nothing typed is lost).
    public init?(type: String, parameters: String, adjustment: Bool = false) {
        guard (try? IndexNotation.yamlFields(type: type, parameters: parameters, adjustment: adjustment)) != nil else { return nil }
        self.type = type
        self.adjustment = adjustment
        values = [:]
        rows = []
        let parts = IndexNotation.parts(parameters)
        switch type {
        case "tiers", "levels":
            rows = parts.map { part in
                let colon = part.lastIndex(of: ":")!
                var head = String(part[..<colon])
                if type == "tiers" {
                    head = head.replacingOccurrences(of: ">=", with: "").replacingOccurrences(of: "≥", with: "")
                        .replacingOccurrences(of: "%", with: "")
                }
                return [head.trimmingCharacters(in: .whitespaces), String(part[part.index(after: colon)...]).trimmingCharacters(in: .whitespaces)]
            }
        case "ratio":
            if let target = parts.first.flatMap(Self.number) { values["target"] = target }
        case "manual":
            for part in parts {
                let words = IndexNotation.fold(part)
                values[words.hasPrefix("tối đa") || words.hasPrefix("at most") || words.hasPrefix("max") ? "max" : "step"] = Self.number(part)
            }
        case "count", "deduct":
            for part in parts {
                let words = IndexNotation.fold(part)
                if words.hasPrefix("tối đa") || words.hasPrefix("at most") || words.hasPrefix("cap") {
                    values["cap"] = Self.number(part)
                } else {
                    values["per"] = Self.number(part)
                }
            }
        default:
            break
        }
    }

    /// The number in a part, as the notation writes it (`0,5`).
    private static func number(_ part: String) -> String? {
        IndexNotation.numberIn(part).flatMap { DecimalNumber($0) }.map(IndexNotation.text)
    }

    /// The parameters cell in the notation; rows and values left empty are left out.
    public var parameters: String {
        func value(_ name: String) -> String { (values[name] ?? "").trimmingCharacters(in: .whitespaces) }
        switch type {
        case "tiers", "levels":
            return rows.filter { $0.count == 2 && !($0[0].trimmingCharacters(in: .whitespaces).isEmpty && $0[1].trimmingCharacters(in: .whitespaces).isEmpty) }
                .map { row in
                    let head = row[0].trimmingCharacters(in: .whitespaces), points = row[1].trimmingCharacters(in: .whitespaces)
                    return type == "tiers" ? "≥\(head)%: \(points)" : "\(head): \(points)"
                }.joined(separator: "; ")
        case "ratio": return value("target").isEmpty ? "" : "chỉ tiêu \(value("target"))%"
        case "manual":
            return [value("max").isEmpty || !adjustment ? "" : "tối đa \(value("max"))", value("step").isEmpty ? "" : "bước \(value("step"))"]
                .filter { !$0.isEmpty }.joined(separator: "; ")
        case "count": return (value("per").isEmpty ? "" : "\(value("per")) điểm/lần") + (value("cap").isEmpty ? "" : "; tối đa \(value("cap"))")
        case "deduct": return value("per").isEmpty ? "" : "\(value("per")) điểm/lần"
        default: return ""
        }
    }
}
