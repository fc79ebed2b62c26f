import Foundation

/// How an officer writes an index's cells, read and written: numbers with a
/// decimal comma (`1,5`; a point is taken too), rules by name, tiers as
/// `≥100%: 8; ≥90%: 6; ≥80%: 4`, levels as `A: 2; B: 1,5`, counts as
/// `0,5 điểm/lần; tối đa 3`, class conditions as `D2 ≤ 0; 1.4.2 ≥ 100%`.
///
/// Reading is lenient where a person would be (`>=` for `≥`, English words,
/// the spec's type names, any case); writing gives one canonical text, so a
/// table made from an index and read back is the same table.
public enum IndexNotation {
    // MARK: Numbers

    /// A number as a person types it: `1,5` or `1.5`, spaces around.
    public static func number(_ text: some StringProtocol) -> DecimalNumber? {
        var cleaned = text.trimmingCharacters(in: .whitespaces)
        if cleaned.contains(","), !cleaned.contains(".") { cleaned = cleaned.replacingOccurrences(of: ",", with: ".") }
        return DecimalNumber(cleaned)
    }

    /// `1,5`: the shortest exact text, with a decimal comma.
    public static func text(_ number: DecimalNumber) -> String {
        number.normalized.description.replacingOccurrences(of: ".", with: ",")
    }

    /// A cell's number as YAML takes it (`1.5`), or `nil` when the cell is not a number.
    static func yamlNumber(_ text: String) -> String? {
        number(text).map { $0.normalized.description }
    }

    // MARK: Rules

    /// Names of the leaf rules: the canonical Vietnamese one first, then the others read.
    public static let ruleNames: [(type: String, names: [String])] = [
        ("manual", ["Chấm điểm", "scored by hand", "tự chấm"]),
        ("yesno", ["Đạt/Không đạt", "yes or no", "có/không"]),
        ("tiers", ["Theo bậc", "tiers", "bậc"]),
        ("ratio", ["Tỷ lệ so với chỉ tiêu", "ratio to a target", "tỷ lệ"]),
        ("count", ["Cộng theo số lần", "per occurrence", "đếm"]),
        ("deduct", ["Trừ theo số lần", "deduct per occurrence", "trừ điểm"]),
        ("percent", ["Theo phần trăm", "percentage", "phần trăm"]),
        ("levels", ["Theo mức", "levels", "mức"]),
    ]

    /// Names of the bonus and deduction rules.
    public static let adjustmentRuleNames: [(type: String, names: [String])] = [
        ("count", ["Theo số lần", "per occurrence", "đếm"]),
        ("manual", ["Chấm điểm", "scored by hand", "tự chấm"]),
    ]

    public static func type(_ text: String, in names: [(type: String, names: [String])]) -> String? {
        let key = fold(text)
        guard !key.isEmpty else { return nil }
        return names.first { entry in fold(entry.type) == key || entry.names.contains { fold($0) == key } }?.type
    }

    public static func name(of type: String, in names: [(type: String, names: [String])]) -> String {
        names.first { $0.type == type }?.names.first ?? type
    }

    /// The rule names a cell may hold, for a message.
    public static func choices(_ names: [(type: String, names: [String])]) -> String {
        names.map { $0.names[0] }.joined(separator: ", ")
    }

    /// The parameters of a leaf's rule in words.
    public static func parameters(of rule: Rule) -> String {
        switch rule {
        case let .manual(step): step == Rule.defaultStep ? "" : "bước \(text(step))"
        case .yesno, .percent: ""
        case let .tiers(tiers): tiers.map { "≥\(text($0.min))%: \(text($0.points))" }.joined(separator: "; ")
        case let .ratio(target): "chỉ tiêu \(text(target))%"
        case let .count(per, cap): "\(text(per)) điểm/lần" + (cap.map { "; tối đa \(text($0))" } ?? "")
        case let .deduct(per): "\(text(per)) điểm/lần"
        case let .levels(levels): levels.map { "\($0.code): \(text($0.points))" }.joined(separator: "; ")
        }
    }

    public static func parameters(of rule: AdjustmentRule) -> String {
        switch rule {
        case let .count(per, cap): "\(text(per)) điểm/lần" + (cap.map { "; tối đa \(text($0))" } ?? "")
        case let .manual(max, step): "tối đa \(text(max))" + (step == Rule.defaultStep ? "" : "; bước \(text(step))")
        }
    }

    /// A parameter cell that cannot be read, with what it should look like.
    struct Unreadable: Error {
        var english: String
        var vietnamese: String
    }

    /// The YAML fields of a rule's parameters (`tiers: [{min: 100, points: 8}]`), in order.
    static func yamlFields(type: String, parameters: String, adjustment: Bool) throws(Unreadable) -> [(key: String, value: String)] {
        let parts = parts(parameters)
        switch (type, adjustment) {
        case ("yesno", false), ("percent", false):
            guard parts.isEmpty else {
                throw Unreadable(english: "this rule takes no parameters; leave the cell empty",
                                 vietnamese: "cách chấm này không có tham số; để trống ô này")
            }
            return []
        case ("manual", false):
            return try keyed(parts, keys: ["step": ["bước", "step"]], example: ("step 0.25", "bước 0,25"))
        case ("ratio", false):
            if parts.count == 1, let target = numberIn(parts[0]) { return [("target", target)] }
            if parts.isEmpty { return [] }
            throw Unreadable(english: "write the target as \"target 95%\"", vietnamese: "viết chỉ tiêu như \"chỉ tiêu 95%\"")
        case ("count", _), ("deduct", false):
            var fields: [(key: String, value: String)] = []
            for part in parts {
                let words = fold(part)
                if words.hasPrefix("tối đa") || words.hasPrefix("at most") || words.hasPrefix("cap"), type == "count" {
                    guard let cap = numberIn(part) else { throw perExample(type) }
                    fields.append(("cap", cap))
                } else if let per = numberIn(part), !fields.contains(where: { $0.key == "per" }) {
                    fields.append(("per", per))
                } else {
                    throw perExample(type)
                }
            }
            return fields
        case ("manual", true):
            return try keyed(parts, keys: ["max": ["tối đa", "at most", "max"], "step": ["bước", "step"]],
                             example: ("at most 3; step 0.5", "tối đa 3; bước 0,5"))
        case ("tiers", false):
            return [("tiers", try pairs(parts, left: "min", right: "points", leftIsCode: false,
                                        example: ("≥100%: 8; ≥90%: 6; ≥80%: 4", "≥100%: 8; ≥90%: 6; ≥80%: 4")))]
        case ("levels", false):
            return [("levels", try pairs(parts, left: "code", right: "points", leftIsCode: true,
                                         example: ("A: 2; B: 1.5; C: 1", "A: 2; B: 1,5; C: 1")))]
        default:
            return []
        }
    }

    private static func perExample(_ type: String) -> Unreadable {
        type == "count"
            ? Unreadable(english: "write the points per occurrence and any cap, as \"1 point each; at most 3\"",
                         vietnamese: "viết số điểm mỗi lần và mức tối đa nếu có, như \"1 điểm/lần; tối đa 3\"")
            : Unreadable(english: "write the points deducted per occurrence, as \"0.5 points each\"",
                         vietnamese: "viết số điểm trừ mỗi lần, như \"0,5 điểm/lần\"")
    }

    /// `bước 0,25`, `tối đa 3; bước 0,5`: each part a keyword and a number.
    private static func keyed(
        _ parts: [String], keys: [String: [String]], example: (english: String, vietnamese: String)
    ) throws(Unreadable) -> [(key: String, value: String)] {
        var fields: [(key: String, value: String)] = []
        for part in parts {
            let words = fold(part)
            guard let key = keys.keys.sorted().first(where: { key in keys[key]!.contains { words.hasPrefix($0) } }),
                  !fields.contains(where: { $0.key == key }), let value = numberIn(part) else {
                throw Unreadable(english: "write this as \"\(example.english)\"", vietnamese: "viết như \"\(example.vietnamese)\"")
            }
            fields.append((key, value))
        }
        return fields
    }

    /// `≥100%: 8; ≥90%: 6` or `A: 2; B: 1,5`: a YAML flow list of mappings.
    private static func pairs(
        _ parts: [String], left: String, right: String, leftIsCode: Bool, example: (english: String, vietnamese: String)
    ) throws(Unreadable) -> String {
        var items: [String] = []
        for part in parts {
            guard let colon = part.lastIndex(of: ":") else {
                throw Unreadable(english: "\"\(part)\" cannot be read: write \"\(example.english)\"",
                                 vietnamese: "không đọc được \"\(part)\": viết như \"\(example.vietnamese)\"")
            }
            let head = String(part[..<colon]).trimmingCharacters(in: .whitespaces)
            let tail = String(part[part.index(after: colon)...])
            let leftValue: String? = leftIsCode ? (head.isEmpty ? nil : YAMLText.quoted(head)) : numberIn(head)
            guard let leftValue, let points = numberIn(tail) else {
                throw Unreadable(english: "\"\(part)\" cannot be read: write \"\(example.english)\"",
                                 vietnamese: "không đọc được \"\(part)\": viết như \"\(example.vietnamese)\"")
            }
            items.append("{\(left): \(leftValue), \(right): \(points)}")
        }
        return "[" + items.joined(separator: ", ") + "]"
    }

    /// The one number in a part (`≥ 90 %`, `chỉ tiêu 95%`, `0,5 điểm/lần`), as YAML takes it.
    static func numberIn(_ part: some StringProtocol) -> String? {
        let characters = Array(part)
        guard let start = characters.firstIndex(where: { $0.isASCII && $0.isNumber }) else { return nil }
        var end = start
        while end < characters.count, (characters[end].isASCII && characters[end].isNumber) || characters[end] == "," || characters[end] == "." {
            end += 1
        }
        var digits = String(characters[start..<end])
        while digits.last == "," || digits.last == "." { digits.removeLast() }
        // A second number in the same part is not ours to guess at.
        if characters[end...].contains(where: { $0.isASCII && $0.isNumber }) { return nil }
        return yamlNumber(digits)
    }

    /// A cell split at `;` or line breaks, each part trimmed, empty parts left out.
    static func parts(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == ";" || $0.isNewline }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    // MARK: Class conditions

    public static func conditions(of classCondition: [ClassCondition]) -> String {
        classCondition.map { condition in
            switch condition.test {
            case let .minShare(share): "\(condition.code) ≥ \(text(share))%"
            case let .maxPoints(points): "\(condition.code) ≤ \(text(points))"
            }
        }.joined(separator: "; ")
    }

    /// `D2 ≤ 0; 1.4.2 ≥ 100%` as YAML flow mappings.
    static func yamlConditions(_ text: String) throws(Unreadable) -> [String] {
        var conditions: [String] = []
        for part in parts(text) {
            let normalized = part.replacingOccurrences(of: "<=", with: "≤").replacingOccurrences(of: ">=", with: "≥")
            let test: String
            let separator: Character
            if normalized.contains("≤") { (test, separator) = ("maxPoints", "≤") }
            else if normalized.contains("≥") { (test, separator) = ("minShare", "≥") }
            else {
                throw Unreadable(english: "\"\(part)\" cannot be read: write \"D2 ≤ 0\" (at most 0 points on D2) or \"1.4.2 ≥ 100%\" (full points on 1.4.2)",
                                 vietnamese: "không đọc được \"\(part)\": viết \"D2 ≤ 0\" (mục D2 không quá 0 điểm) hoặc \"1.4.2 ≥ 100%\" (tiêu chí 1.4.2 đạt đủ điểm)")
            }
            let halves = normalized.split(separator: separator, maxSplits: 1)
            let code = halves.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard halves.count == 2, !code.isEmpty, let value = numberIn(halves[1]) else {
                throw Unreadable(english: "\"\(part)\" cannot be read: write \"D2 ≤ 0\" or \"1.4.2 ≥ 100%\"",
                                 vietnamese: "không đọc được \"\(part)\": viết \"D2 ≤ 0\" hoặc \"1.4.2 ≥ 100%\"")
            }
            conditions.append("{code: \(YAMLText.quoted(code)), \(test): \(value)}")
        }
        return conditions
    }

    // MARK: Yes or no, sources, tags, policy

    static let yes = ["có", "x", "yes", "true", "bắt buộc", "required", "đúng"]
    static let no = ["", "không", "no", "false", "không bắt buộc", "optional", "sai"]

    /// `true` or `false`, `nil` when the cell says neither.
    public static func flag(_ text: String) -> Bool? {
        let key = fold(text)
        if yes.contains(key) { return true }
        if no.contains(key) { return false }
        return nil
    }

    public static let sourceNames: [(source: InputSource, names: [String])] = [
        (.tasksOnTimeRate, ["Tỷ lệ nhiệm vụ đúng hạn", "share of tasks done on time"]),
        (.tasksDoneLate, ["Số nhiệm vụ hoàn thành trễ hạn", "tasks done late"]),
        (.tasksOverdue, ["Số nhiệm vụ quá hạn", "tasks overdue"]),
        (.survey, ["Điều tra xã hội học", "survey results"]),
        (.leaders, ["Lãnh đạo tỉnh đánh giá", "rated by the provincial leaders"]),
        (.submissionLate, ["Nộp tự đánh giá trễ hạn", "self-assessment submitted late"]),
    ]

    public static func sourceName(_ source: InputSource) -> String {
        sourceNames.first { $0.source == source }?.names.first ?? source.rawValue
    }

    /// The source a cell names, by its code or its words; `nil` for an empty cell, `.failure` for an unknown one.
    static func source(_ text: String) -> Result<InputSource, Unreadable>? {
        let key = fold(text)
        guard !key.isEmpty else { return nil }
        if let source = sourceNames.first(where: { fold($0.source.rawValue) == key || $0.names.contains { fold($0) == key } })?.source {
            return .success(source)
        }
        let names = sourceNames.map { $0.names[0] }.joined(separator: ", ")
        let englishNames = sourceNames.map { $0.names[1] }.joined(separator: ", ")
        return .failure(Unreadable(english: "no data source \"\(text)\"; write one of: \(englishNames) (or leave it empty)",
                                   vietnamese: "không có nguồn dữ liệu \"\(text)\"; ghi một trong: \(names) (hoặc để trống)"))
    }

    public static let naPolicyNames: [(policy: NAPolicy, names: [String])] = [
        (.rescale, ["Quy đổi về thang điểm", "rescale to the scale"]),
        (.none, ["Giữ nguyên điểm", "keep the points"]),
    ]

    public static func naPolicyName(_ policy: NAPolicy) -> String {
        naPolicyNames.first { $0.policy == policy }?.names.first ?? policy.rawValue
    }

    public static func naPolicy(_ text: String) -> NAPolicy? {
        let key = fold(text)
        return naPolicyNames.first { fold($0.policy.rawValue) == key || $0.names.contains { fold($0) == key } }?.policy
    }

    /// Tags separated by commas or semicolons.
    static func tags(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isNewline })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Lowercased, spaces collapsed: how two spellings of a word are compared.
    public static func fold(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// Texts written into YAML.
enum YAMLText {
    /// A double-quoted YAML scalar: any text, exactly.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension IndexNotation {
    /// Codes separated by commas, semicolons or line breaks, each trimmed.
    public static func codes(_ text: String) -> [String] { tags(text) }
}

extension IndexNotation {
    /// The name of a choice in a language: its names list the canonical Vietnamese first, then the English.
    public static func label(_ names: [String], _ language: Language) -> String {
        language == .english && names.count > 1 ? names[1] : names[0]
    }
}
