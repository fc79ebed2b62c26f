import Yams

/// Every problem found in one index file.
public struct IndexProblems: Error, Sendable {
    public var problems: [IndexProblem]
    public init(_ problems: [IndexProblem]) { self.problems = problems }
}

/// Reads an index from YAML and validates it (spec §1): every problem in the
/// file is reported with its line, not just the first.
public enum IndexReader {
    public static func read(yaml text: String) throws(IndexProblems) -> Index {
        // A UTF-8 byte-order mark (as Windows editors write) is not part of the document.
        let yaml = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw IndexProblems([syntaxProblem(error, in: yaml)])
        }
        guard let root else {
            throw IndexProblems([IndexProblem(line: 1, subject: "index", code: "empty-file",
                                              english: "the file is empty",
                                              vietnamese: "tệp rỗng")])
        }
        var reading = Reading()
        let index = reading.readIndex(root)
        if let index, reading.problems.isEmpty { return index }
        throw IndexProblems(reading.problems.sorted { $0.line < $1.line })
    }

    private static func syntaxProblem(_ error: any Error, in yaml: String) -> IndexProblem {
        var (line, detail): (Int, YAMLSyntax) = switch error as? YamlError {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            (mark.line, YAMLSyntax(problem: problem))
        case let .duplicatedKeysInMapping(duplicates, context):
            (context.mark.line, .duplicateKey(duplicates.map { "'\($0)'" }.joined(separator: ", ")))
        case .reader:
            (1, .notText)
        default:
            (1, .other)
        }
        // libyaml calls a tab in the indentation a character that cannot start a token: say what it is.
        let text = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        if detail == .cannotStartToken, line >= 1, line <= text.count, text[line - 1].prefix { $0 == " " || $0 == "\t" }.contains("\t") {
            detail = .tab
        }
        return IndexProblem(line: line, subject: "index", code: "yaml-syntax",
                            english: "not valid YAML: \(detail.text(.english))",
                            vietnamese: "không đúng cú pháp YAML: \(detail.text(.vietnamese))")
    }
}

/// What the YAML parser (libyaml, through Yams) found wrong, said in both languages: its own
/// messages are English and technical ("did not find expected '-' indicator"), so each known
/// one is put in words an index's author understands, with what usually causes it.
enum YAMLSyntax: Equatable {
    case sequenceEntry, colonInValue, cannotStartToken, expectedKey, expectedValue, expectedColon, unexpectedEnd, tab
    case escape, flowSequence, flowMapping, blockSequence, undefinedAlias, duplicateKey(String), notText, other

    init(problem: String) {
        let known: [(String, YAMLSyntax)] = [
            ("did not find expected '-' indicator", .sequenceEntry), ("mapping values are not allowed", .colonInValue),
            ("found character that cannot start any token", .cannotStartToken), ("did not find expected key", .expectedKey),
            ("did not find expected node content", .expectedValue), ("could not find expected ':'", .expectedColon),
            ("found unexpected end of stream", .unexpectedEnd), ("tab character", .tab), ("unknown escape character", .escape),
            ("expected ',' or ']'", .flowSequence), ("expected ',' or '}'", .flowMapping),
            ("block sequence entries are not allowed", .blockSequence), ("undefined alias", .undefinedAlias),
        ]
        self = known.first { problem.contains($0.0) }?.1 ?? .other
    }

    func text(_ language: Language) -> String {
        switch self {
        case let .duplicateKey(keys): YAMLSyntaxText.duplicateKey.text(language, keys)
        default: YAMLSyntaxText(rawValue: "\(self)")!.text(language)
        }
    }
}

/// ``YAMLSyntax`` in both languages.
public enum YAMLSyntaxText: String, Phrasebook {
    case sequenceEntry, colonInValue, cannotStartToken, expectedKey, expectedValue, expectedColon, unexpectedEnd, tab, escape, flowSequence, flowMapping, blockSequence, undefinedAlias, duplicateKey, notText, other

    public var vietnamese: String {
        switch self {
        case .sequenceEntry: "thiếu dấu '-' ở đầu một mục của danh sách (các mục phải thụt lề thẳng hàng nhau)"
        case .colonInValue: "dấu ':' không đúng chỗ (giá trị có dấu ':' phải đặt trong ngoặc kép, hoặc thụt lề sai)"
        case .cannotStartToken: "có ký tự không được đứng đầu giá trị (như @ hoặc `): hãy đặt giá trị trong ngoặc kép"
        case .expectedKey: "thiếu tên trường ở đây (thụt lề không thẳng hàng với các trường bên trên?)"
        case .expectedValue: "thiếu giá trị"
        case .expectedColon: "thiếu dấu ':' sau tên trường"
        case .unexpectedEnd: "tệp kết thúc giữa chừng (thiếu dấu ngoặc hoặc dấu nháy đóng?)"
        case .tab: "thụt lề bằng phím Tab: YAML chỉ nhận dấu cách"
        case .escape: "ký tự sau dấu \\ không hợp lệ trong chuỗi ngoặc kép"
        case .flowSequence: "thiếu dấu ',' hoặc ']' trong danh sách [ … ]"
        case .flowMapping: "thiếu dấu ',' hoặc '}' trong { … }"
        case .blockSequence: "mục danh sách '-' không đúng chỗ (thụt lề sai?)"
        case .undefinedAlias: "tham chiếu * tới một mục chưa được đặt tên"
        case .duplicateKey: "trường bị lặp: %@"
        case .notText: "tệp có ký tự điều khiển hoặc không phải văn bản UTF-8"
        case .other: "cấu trúc tệp không đọc được ở dòng này"
        }
    }

    public var english: String {
        switch self {
        case .sequenceEntry: "a list item does not start with '-' (items must be indented alike)"
        case .colonInValue: "a ':' where none may be (quote a value that contains ':', or check the indentation)"
        case .cannotStartToken: "a character that cannot start a value (such as @ or `): quote the value"
        case .expectedKey: "a field name is missing here (indented unlike the fields above?)"
        case .expectedValue: "a value is missing"
        case .expectedColon: "a ':' is missing after a field name"
        case .unexpectedEnd: "the file ends too early (a closing bracket or quote missing?)"
        case .tab: "indented with a tab: YAML takes spaces only"
        case .escape: "an invalid character after \\ in a double-quoted text"
        case .flowSequence: "a ',' or ']' is missing in a [ … ] list"
        case .flowMapping: "a ',' or '}' is missing in { … }"
        case .blockSequence: "a '-' list item where none may be (indentation?)"
        case .undefinedAlias: "a * reference to an anchor not defined"
        case .duplicateKey: "duplicate key %@"
        case .notText: "the file has control characters or is not UTF-8 text"
        case .other: "the file's structure cannot be read at this line"
        }
    }
}


/// One pass over a YAML document, collecting problems as it goes.
private struct Reading {
    var problems: [IndexProblem] = []
    /// Criteria read so far: YAML aliases can make a small file name millions
    /// of nodes (each alias repeats a whole subtree), so reading stops here.
    var criteriaRead = 0
    static let maxCriteria = 5000
    /// First line of every code used by a criterion, bonus or deduction item.
    var codeLines: [String: Int] = [:]

    mutating func report(_ line: Int, _ subject: String, _ code: String, _ english: String, _ vietnamese: String) {
        problems.append(IndexProblem(line: line, subject: subject, code: code, english: english, vietnamese: vietnamese))
    }

    // MARK: Index

    static let indexKeys: Set<String> = [
        "id", "title", "scale", "naPolicy", "bonusCap", "deductionCap", "classes", "criteria", "bonus", "deductions",
    ]

    mutating func readIndex(_ root: Node) -> Index? {
        guard let fields = YAMLFields(root) else {
            report(root.line, "index", "not-a-mapping",
                   "the file must be a mapping with id, title, scale, classes and criteria",
                   "tệp phải là một ánh xạ gồm id, title, scale, classes và criteria")
            return nil
        }
        reportUnknown(fields, allowed: Reading.indexKeys, subject: "index")

        let id = text(fields, "id", subject: "index", required: true)
        if let id, !id.isEmpty, !id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
            report(fields.line(of: "id"), "index", "bad-id",
                   "id \"\(id)\" may contain only a-z, 0-9 and -",
                   "id \"\(id)\" chỉ được gồm a-z, 0-9 và dấu -")
        }
        let title = text(fields, "title", subject: "index", required: true)
        let scale = number(fields, "scale", subject: "index", required: true, mustBePositive: true)

        var naPolicy = NAPolicy.rescale
        if let node = fields["naPolicy"] {
            if let value = node.scalarText, let policy = NAPolicy(rawValue: value) {
                naPolicy = policy
            } else {
                report(node.line, "index", "bad-na-policy",
                       "naPolicy must be rescale or none, not \(node.scalarText.map { "\"\($0)\"" } ?? "this")",
                       "naPolicy phải là rescale hoặc none, không phải \(node.scalarText.map { "\"\($0)\"" } ?? "giá trị này")")
            }
        }
        let bonusCap = number(fields, "bonusCap", subject: "index", required: false)
        let deductionCap = number(fields, "deductionCap", subject: "index", required: false)
        let classes = readClasses(fields)

        var nodes: [Criterion] = []
        var roots: [Int] = []
        if let criteria = fields["criteria"] {
            if criteria.isSequence, !criteria.items.isEmpty {
                for item in criteria.items {
                    if let position = readCriterion(item, depth: 0, parent: nil, into: &nodes) {
                        roots.append(position)
                    }
                }
            } else {
                report(criteria.line, "index", "no-criteria",
                       "criteria must be a non-empty list of fields",
                       "criteria phải là danh sách lĩnh vực, không được rỗng")
            }
        } else {
            report(fields.line, "index", "missing-field", "missing field criteria", "thiếu trường criteria")
        }

        if let scale, !roots.isEmpty, roots.count == countTopLevel(fields), roots.allSatisfy({ nodes[$0].max > .zero }) {
            let total = roots.reduce(DecimalNumber.zero) { $0 + nodes[$1].max }
            if total != scale {
                report(fields.line(of: "scale"), "index", "scale-mismatch",
                       "the top-level max values add up to \(total), not to scale \(scale)",
                       "tổng điểm tối đa các lĩnh vực là \(total.vietnamese()), không bằng scale \(scale.vietnamese())")
            }
        }

        let bonus = readAdjustments(fields, key: "bonus", kind: .bonus)
        let deductions = readAdjustments(fields, key: "deductions", kind: .deduction)
        var resolved: [ScoreClass]?
        if let classes { resolved = resolveConditions(classes, nodes: nodes, bonus: bonus, deductions: deductions) }

        guard let id, let title, let scale, let classes = resolved else { return nil }
        return Index(id: id, title: title, scale: scale, naPolicy: naPolicy, bonusCap: bonusCap,
                     deductionCap: deductionCap, classes: classes, nodes: nodes, roots: roots,
                     bonus: bonus, deductions: deductions)
    }

    /// Top-level entries that are mappings with a usable max (so that a
    /// broken node does not also produce a misleading sum error).
    private func countTopLevel(_ fields: YAMLFields) -> Int {
        fields["criteria"]?.items.count ?? 0
    }

    // MARK: Classes

    static let classKeys: Set<String> = ["code", "title", "min", "leaderRating", "requires"]
    static let conditionKeys: Set<String> = ["code", "minShare", "maxPoints"]

    /// A class condition as written, resolved once every code is known.
    struct PendingCondition {
        var classPosition: Int
        var subject: String
        var code: String
        var test: ClassCondition.Test
        var line: Int
    }

    var pendingConditions: [PendingCondition] = []
    static let leaderRatings = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]

    mutating func readClasses(_ fields: YAMLFields) -> [ScoreClass]? {
        guard let node = fields["classes"] else {
            report(fields.line, "index", "missing-field", "missing field classes", "thiếu trường classes")
            return nil
        }
        guard node.isSequence, !node.items.isEmpty else {
            report(node.line, "index", "no-classes", "classes must be a non-empty list",
                   "classes phải là danh sách xếp loại, không được rỗng")
            return nil
        }
        var classes: [ScoreClass] = []
        var seen: [String: Int] = [:]
        var complete = true
        for (place, item) in node.items.enumerated() {
            guard let entry = YAMLFields(item) else {
                report(item.line, "index", "not-a-mapping", "each class must be a mapping with code, title and min",
                       "mỗi xếp loại phải có code, title và min")
                complete = false
                continue
            }
            let code = text(entry, "code", subject: "class", required: true)
            let subject = code.map { "class \($0)" } ?? "class"
            reportUnknown(entry, allowed: Reading.classKeys, subject: subject)
            let title = text(entry, "title", subject: subject, required: true)
            let min = number(entry, "min", subject: subject, required: true)
            var rating: String?
            if entry.has("leaderRating") {
                rating = text(entry, "leaderRating", subject: subject, required: true)
                if let value = rating, !Reading.leaderRatings.contains(value) {
                    report(entry.line(of: "leaderRating"), subject, "bad-leader-rating",
                           "leaderRating must be one of \(Reading.leaderRatings.joined(separator: ", ")), not \"\(value)\"",
                           "leaderRating phải là một trong \(Reading.leaderRatings.joined(separator: ", ")), không phải \"\(value)\"")
                }
            }
            if let code {
                if let first = seen[code] {
                    report(entry.line(of: "code"), subject, "duplicate-class",
                           "class code \(code) is already used at line \(first)",
                           "mã xếp loại \(code) đã dùng ở dòng \(first)")
                } else {
                    seen[code] = entry.line(of: "code")
                }
            }
            if let requires = entry["requires"] {
                readConditions(requires, classPosition: classes.count, subject: subject)
                if place == node.items.count - 1 {
                    report(entry.line(of: "requires"), subject, "requires-on-last-class",
                           "the last class cannot have requires: every agency must get a class",
                           "xếp loại cuối cùng không được có requires: đơn vị nào cũng phải được xếp loại")
                }
            }
            guard let code, let title, let min else {
                complete = false
                continue
            }
            if let previous = classes.last, min >= previous.min {
                report(entry.line(of: "min"), subject, "classes-not-decreasing",
                       "class min values must strictly decrease: \(min) follows \(previous.min) (class \(previous.code))",
                       "điểm tối thiểu của các xếp loại phải giảm dần: \(min.vietnamese()) đứng sau \(previous.min.vietnamese()) (xếp loại \(previous.code))")
            }
            classes.append(ScoreClass(code: code, title: title, min: min, leaderRating: rating, line: entry.line))
        }
        guard complete else { return nil }
        if let last = classes.last, !last.min.isZero {
            report(last.line, "class \(last.code)", "last-class-not-zero",
                   "the last class must have min 0, not \(last.min)",
                   "xếp loại cuối cùng phải có min bằng 0, không phải \(last.min.vietnamese())")
        }
        return classes
    }

    // MARK: Criteria

    static let nodeKeys: Set<String> = [
        "code", "title", "max", "children", "rule", "guidance", "notApplicableFor", "allowNA", "appraiser",
        "evidence", "source",
    ]

    /// Reads one node and its subtree into `nodes`; returns its position.
    mutating func readCriterion(_ node: Node, depth: Int, parent: Int?, into nodes: inout [Criterion]) -> Int? {
        criteriaRead += 1
        guard criteriaRead <= Reading.maxCriteria else {
            if criteriaRead == Reading.maxCriteria + 1 {
                report(node.line, "node", "too-many-criteria",
                       "more than \(Reading.maxCriteria) criteria (YAML aliases repeat whole subtrees): an index has at most a few hundred",
                       "hơn \(Reading.maxCriteria) tiêu chí (bí danh YAML lặp lại cả nhánh): một bộ chỉ số chỉ có vài trăm tiêu chí")
            }
            return nil
        }
        guard let fields = YAMLFields(node) else {
            report(node.line, "node", "not-a-mapping",
                   "each criterion must be a mapping with code, title, max and children or rule",
                   "mỗi tiêu chí phải có code, title, max và children hoặc rule")
            return nil
        }
        let code = text(fields, "code", subject: "node", required: true)
        let subject = code.map { "node \($0)" } ?? "node"
        reportUnknown(fields, allowed: Reading.nodeKeys, subject: subject)
        if let code { claim(code, line: fields.line(of: "code"), subject: subject) }
        let title = text(fields, "title", subject: subject, required: true)
        let max = number(fields, "max", subject: subject, required: true, mustBePositive: true)
        let guidance = text(fields, "guidance", subject: subject, required: false)
        let appraiser = text(fields, "appraiser", subject: subject, required: false)
        let notApplicableFor = tags(fields, subject: subject)
        let allowNA = flag(fields, "allowNA", subject: subject)

        let childrenNode = fields["children"]
        let ruleNode = fields["rule"]
        let position = nodes.count
        nodes.append(Criterion(code: code ?? "", title: title ?? "", max: max ?? .zero, guidance: guidance,
                               notApplicableFor: notApplicableFor, allowNA: allowNA, appraiser: appraiser,
                               depth: depth, parent: parent, line: fields.line))

        if let childrenNode {
            if ruleNode != nil {
                report(fields.line(of: "rule"), subject, "group-with-rule",
                       "a group (with children) cannot also have a rule",
                       "nhóm tiêu chí (có children) không được có rule")
            }
            for key in ["allowNA", "evidence", "source"] where fields.has(key) {
                report(fields.line(of: key), subject, "leaf-only-field",
                       "\(key) is valid on leaves only, not on a group",
                       "\(key) chỉ dùng cho tiêu chí thành phần, không dùng cho nhóm")
            }
            guard childrenNode.isSequence, !childrenNode.items.isEmpty else {
                report(childrenNode.line, subject, "no-children",
                       "children must be a non-empty list",
                       "children phải là danh sách tiêu chí con, không được rỗng")
                return position
            }
            var children: [Int] = []
            for child in childrenNode.items {
                if let childPosition = readCriterion(child, depth: depth + 1, parent: position, into: &nodes) {
                    children.append(childPosition)
                }
            }
            nodes[position].children = children
            if let max, children.count == childrenNode.items.count, children.allSatisfy({ nodes[$0].max > .zero }) {
                let sum = children.reduce(DecimalNumber.zero) { $0 + nodes[$1].max }
                if max > sum {
                    report(fields.line(of: "max"), subject, "group-max-exceeds-children",
                           "max \(max) is greater than the sum of its children's max (\(sum))",
                           "điểm tối đa \(max.vietnamese()) lớn hơn tổng điểm tối đa các tiêu chí con (\(sum.vietnamese()))")
                }
            }
        } else if let ruleNode {
            let evidenceRequired = evidence(fields, subject: subject)
            let source = inputSource(fields, subject: subject)
            if let rule = readRule(ruleNode, max: max, subject: subject) {
                nodes[position].leaf = LeafSpec(rule: rule, evidenceRequired: evidenceRequired, source: source)
            } else {
                nodes[position].leaf = LeafSpec(rule: .yesno) // placeholder; the index is refused anyway
            }
        } else {
            report(fields.line, subject, "leaf-without-rule",
                   "a sub-criterion needs a rule (or a group needs children)",
                   "tiêu chí thành phần phải có rule (hoặc nhóm phải có children)")
            nodes[position].leaf = LeafSpec(rule: .yesno)
        }
        return position
    }

    static let ruleFields: [String: Set<String>] = [
        "manual": ["step"], "yesno": [], "tiers": ["tiers"], "ratio": ["target"],
        "count": ["per", "cap"], "deduct": ["per"], "percent": [], "levels": ["levels"],
    ]

    mutating func readRule(_ node: Node, max: DecimalNumber?, subject: String) -> Rule? {
        guard let fields = YAMLFields(node) else {
            report(node.line, subject, "bad-rule", "rule must be a mapping such as {type: yesno}",
                   "rule phải có dạng {type: yesno}")
            return nil
        }
        guard let type = text(fields, "type", subject: subject, required: true, label: "rule type") else { return nil }
        guard let allowed = Reading.ruleFields[type] else {
            report(fields.line(of: "type"), subject, "unknown-rule-type",
                   "unknown rule type \"\(type)\" (use \(Rule.typeNames.joined(separator: ", ")))",
                   "loại quy tắc \"\(type)\" không tồn tại (dùng \(Rule.typeNames.joined(separator: ", ")))")
            reportUnknown(fields, allowed: Set(["type"]).union(Reading.ruleFields.values.joined()), subject: subject)
            return nil
        }
        for (key, line) in fields.unknownKeys(allowed: allowed.union(["type"])) {
            report(line, subject, "unknown-field",
                   "unknown field \(key) in a \(type) rule" + Reading.suggestion(key, allowed, .english),
                   "trường \(key) không dùng trong quy tắc \(type)" + Reading.suggestion(key, allowed, .vietnamese))
        }
        switch type {
        case "manual":
            let step = number(fields, "step", subject: subject, required: false, mustBePositive: true) ?? Rule.defaultStep
            return .manual(step: step)
        case "yesno":
            return .yesno
        case "percent":
            return .percent
        case "ratio":
            let target = number(fields, "target", subject: subject, required: false, mustBePositive: true) ?? Rule.defaultTarget
            return .ratio(target: target)
        case "count":
            let per = number(fields, "per", subject: subject, required: true, mustBePositive: true)
            let cap = number(fields, "cap", subject: subject, required: false)
            return per.map { .count(per: $0, cap: cap) }
        case "deduct":
            let per = number(fields, "per", subject: subject, required: true, mustBePositive: true)
            return per.map { .deduct(per: $0) }
        case "tiers":
            return readTiers(fields, max: max, subject: subject).map { .tiers($0) }
        case "levels":
            return readLevels(fields, max: max, subject: subject).map { .levels($0) }
        default:
            return nil
        }
    }

    mutating func readTiers(_ rule: YAMLFields, max: DecimalNumber?, subject: String) -> [Tier]? {
        guard let (entries, complete) = listOfMappings(rule, "tiers", subject: subject, shape: "{min, points}",
                                                       vietnameseName: "mức") else { return nil }
        var tiers: [Tier] = []
        var read = complete
        for entry in entries {
            reportUnknown(entry, allowed: ["min", "points"], subject: subject, context: "a tier")
            let min = number(entry, "min", subject: subject, required: true)
            let points = number(entry, "points", subject: subject, required: true)
            guard let min, let points else {
                read = false
                continue
            }
            if let max, points > max {
                report(entry.line(of: "points"), subject, "tier-exceeds-max",
                       "tier points \(points) exceed the leaf's max \(max)",
                       "điểm của mức (\(points.vietnamese())) vượt điểm tối đa \(max.vietnamese())")
            }
            if let previous = tiers.last, min >= previous.min {
                report(entry.line(of: "min"), subject, "tiers-not-decreasing",
                       "tier min values must strictly decrease: \(min) follows \(previous.min)",
                       "ngưỡng min của các mức phải giảm dần: \(min.vietnamese()) đứng sau \(previous.min.vietnamese())")
            }
            tiers.append(Tier(min: min, points: points))
        }
        return read ? tiers : nil
    }

    mutating func readLevels(_ rule: YAMLFields, max: DecimalNumber?, subject: String) -> [Level]? {
        guard let (entries, complete) = listOfMappings(rule, "levels", subject: subject, shape: "{code, points}",
                                                       vietnameseName: "mức") else { return nil }
        var levels: [Level] = []
        var read = complete
        for entry in entries {
            reportUnknown(entry, allowed: ["code", "points"], subject: subject, context: "a level")
            let code = text(entry, "code", subject: subject, required: true, label: "level code")
            let points = number(entry, "points", subject: subject, required: true)
            guard let code, let points else {
                read = false
                continue
            }
            if levels.contains(where: { $0.code == code }) {
                report(entry.line(of: "code"), subject, "duplicate-level",
                       "level \(code) is listed twice", "mức \(code) bị lặp lại")
            }
            if let max, points > max {
                report(entry.line(of: "points"), subject, "level-exceeds-max",
                       "level \(code) gives \(points) points, more than the leaf's max \(max)",
                       "mức \(code) cho \(points.vietnamese()) điểm, vượt điểm tối đa \(max.vietnamese())")
            }
            levels.append(Level(code: code, points: points))
        }
        return read ? levels : nil
    }

    /// The entries of a rule's required list (`tiers`, `levels`): reports the
    /// list missing, not a list or empty, and every entry that is not a
    /// mapping (`complete` is then false). `nil` when there is no list to read.
    mutating func listOfMappings(
        _ rule: YAMLFields, _ key: String, subject: String, shape: String, vietnameseName: String
    ) -> (entries: [YAMLFields], complete: Bool)? {
        guard let node = rule[key] else {
            report(rule.line, subject, "missing-field", "a \(key) rule needs \(key): [\(shape), …]",
                   "quy tắc \(key) cần danh sách \(key): [\(shape), …]")
            return nil
        }
        guard node.isSequence, !node.items.isEmpty else {
            report(node.line, subject, "no-\(key)", "\(key) must be a non-empty list of \(shape)",
                   "\(key) phải là danh sách \(shape), không được rỗng")
            return nil
        }
        var entries: [YAMLFields] = []
        var complete = true
        for item in node.items {
            if let entry = YAMLFields(item) {
                entries.append(entry)
            } else {
                report(item.line, subject, "bad-\(key.dropLast())", "each \(key.dropLast()) must be \(shape)",
                       "mỗi \(vietnameseName) phải có dạng \(shape)")
                complete = false
            }
        }
        return (entries, complete)
    }

    // MARK: Class conditions

    /// Reads a class's `requires` list; the conditions are checked against
    /// the criteria and items once the whole file is read.
    mutating func readConditions(_ node: Node, classPosition: Int, subject: String) {
        guard node.isSequence else {
            report(node.line, subject, "not-a-list", "requires must be a list of {code, minShare} or {code, maxPoints}",
                   "requires phải là danh sách {code, minShare} hoặc {code, maxPoints}")
            return
        }
        for item in node.items {
            guard let entry = YAMLFields(item) else {
                report(item.line, subject, "bad-condition", "each condition must be {code, minShare} or {code, maxPoints}",
                       "mỗi điều kiện phải có dạng {code, minShare} hoặc {code, maxPoints}")
                continue
            }
            let code = text(entry, "code", subject: subject, required: true, label: "condition code")
            // Every problem of a condition names its class and its code.
            let subject = code.map { "\(subject), condition \($0)" } ?? subject
            reportUnknown(entry, allowed: Reading.conditionKeys, subject: subject, context: "a condition")
            let named = code.map { " (\($0))" } ?? ""
            let share = number(entry, "minShare", subject: subject, required: false, mustBePositive: true)
            let points = number(entry, "maxPoints", subject: subject, required: false)
            switch (entry.has("minShare"), entry.has("maxPoints")) {
            case (true, true), (false, false):
                report(entry.line, subject, "condition-test",
                       "a condition\(named) needs exactly one of minShare and maxPoints",
                       "điều kiện\(named) phải có đúng một trong hai: minShare hoặc maxPoints")
                continue
            default: break
            }
            if let share, share > .hundred {
                report(entry.line(of: "minShare"), subject, "condition-share",
                       "minShare of \(code ?? "a condition") must be at most 100, not \(share)",
                       "minShare của \(code ?? "điều kiện") không được vượt 100 (đang là \(share.vietnamese()))")
                continue
            }
            guard let code, let test = share.map(ClassCondition.Test.minShare) ?? points.map(ClassCondition.Test.maxPoints) else { continue }
            pendingConditions.append(PendingCondition(classPosition: classPosition, subject: subject, code: code,
                                                      test: test, line: entry.line))
        }
    }

    /// `classes` with their conditions resolved to the criteria and items
    /// they name; reports a condition that names an unknown code or the wrong
    /// kind of thing. `nil` when one of them is refused.
    mutating func resolveConditions(
        _ classes: [ScoreClass], nodes: [Criterion], bonus: [AdjustmentItem], deductions: [AdjustmentItem]
    ) -> [ScoreClass]? {
        var classes = classes
        let targets = Index.itemsByCode(nodes: nodes, bonus: bonus, deductions: deductions)
        var refused = false
        for condition in pendingConditions where classes.indices.contains(condition.classPosition) {
            let code = condition.code
            guard let target = targets[code] else {
                report(condition.line, condition.subject, "unknown-condition-code",
                       "the condition names \(code), which is no criterion, bonus or deduction item of this index",
                       "điều kiện nêu mã \(code), không phải tiêu chí, mục điểm thưởng hay điểm trừ nào của bộ chỉ số")
                refused = true
                continue
            }
            switch (condition.test, target) {
            case (.minShare, .criterion), (.maxPoints, .bonus), (.maxPoints, .deduction):
                classes[condition.classPosition].requires.append(
                    ClassCondition(code: code, target: target, test: condition.test, line: condition.line))
            case (.minShare, _):
                report(condition.line, condition.subject, "condition-kind",
                       "minShare applies to a criterion (group or leaf); \(code) is a bonus or deduction item: use maxPoints",
                       "minShare chỉ dùng cho tiêu chí (nhóm hoặc tiêu chí thành phần); \(code) là mục điểm thưởng/điểm trừ: dùng maxPoints")
                refused = true
            case (.maxPoints, .criterion):
                report(condition.line, condition.subject, "condition-kind",
                       "maxPoints applies to a bonus or deduction item; \(code) is a criterion: use minShare",
                       "maxPoints chỉ dùng cho mục điểm thưởng/điểm trừ; \(code) là tiêu chí: dùng minShare")
                refused = true
            }
        }
        return refused ? nil : classes
    }

    // MARK: Bonus and deductions

    static let adjustmentKeys: Set<String> = ["code", "title", "rule", "guidance", "max", "source"]

    mutating func readAdjustments(_ fields: YAMLFields, key: String, kind: AdjustmentItem.Kind) -> [AdjustmentItem] {
        guard let node = fields[key] else { return [] }
        guard node.isSequence else {
            report(node.line, "index", "not-a-list", "\(key) must be a list of items", "\(key) phải là danh sách")
            return []
        }
        var items: [AdjustmentItem] = []
        for item in node.items {
            guard let entry = YAMLFields(item) else {
                report(item.line, kind.rawValue, "not-a-mapping", "each \(kind.rawValue) item must have code, title and rule",
                       "mỗi mục \(kind == .bonus ? "điểm thưởng" : "điểm trừ") phải có code, title và rule")
                continue
            }
            let code = text(entry, "code", subject: kind.rawValue, required: true)
            let subject = code.map { "\(kind.rawValue) \($0)" } ?? kind.rawValue
            reportUnknown(entry, allowed: Reading.adjustmentKeys, subject: subject)
            if let code { claim(code, line: entry.line(of: "code"), subject: subject) }
            let title = text(entry, "title", subject: subject, required: true)
            let guidance = text(entry, "guidance", subject: subject, required: false)
            let itemMax = number(entry, "max", subject: subject, required: false, mustBePositive: true)
            let source = inputSource(entry, subject: subject)
            guard let ruleNode = entry["rule"] else {
                report(entry.line, subject, "missing-field", "missing field rule", "thiếu trường rule")
                continue
            }
            guard let rule = readAdjustmentRule(ruleNode, itemMax: itemMax, subject: subject),
                  let code, let title else { continue }
            items.append(AdjustmentItem(kind: kind, code: code, title: title, guidance: guidance, rule: rule,
                                        source: source, line: entry.line))
        }
        return items
    }

    mutating func readAdjustmentRule(_ node: Node, itemMax: DecimalNumber?, subject: String) -> AdjustmentRule? {
        guard let fields = YAMLFields(node) else {
            report(node.line, subject, "bad-rule", "rule must be a mapping such as {type: count, per: 1}",
                   "rule phải có dạng {type: count, per: 1}")
            return nil
        }
        guard let type = text(fields, "type", subject: subject, required: true, label: "rule type") else { return nil }
        switch type {
        case "count":
            reportUnknown(fields, allowed: ["type", "per", "cap"], subject: subject, context: "a count rule")
            let per = number(fields, "per", subject: subject, required: true, mustBePositive: true)
            let cap = number(fields, "cap", subject: subject, required: false)
            return per.map { .count(per: $0, cap: cap) }
        case "manual":
            reportUnknown(fields, allowed: ["type", "max", "step"], subject: subject, context: "a manual rule")
            let ruleMax = number(fields, "max", subject: subject, required: false, mustBePositive: true)
            let step = number(fields, "step", subject: subject, required: false, mustBePositive: true) ?? Rule.defaultStep
            if ruleMax != nil, itemMax != nil {
                report(fields.line(of: "max"), subject, "duplicate-max", "max is given twice (on the item and in its rule)",
                       "max được khai báo hai lần (ở mục và trong rule)")
            }
            guard let max = ruleMax ?? itemMax else {
                report(fields.line, subject, "missing-field", "a manual bonus or deduction item needs a max",
                       "mục điểm thưởng/điểm trừ loại manual cần có max")
                return nil
            }
            return .manual(max: max, step: step)
        default:
            report(fields.line(of: "type"), subject, "bad-adjustment-rule",
                   "a bonus or deduction item takes a rule of type count or manual, not \"\(type)\"",
                   "mục điểm thưởng/điểm trừ chỉ dùng quy tắc count hoặc manual, không phải \"\(type)\"")
            return nil
        }
    }

    // MARK: Field readers

    /// Records a code; reports it when it was already used anywhere in the file.
    mutating func claim(_ code: String, line: Int, subject: String) {
        if let first = codeLines[code] {
            report(line, subject, "duplicate-code",
                   "code \(code) is already used at line \(first)",
                   "mã \(code) đã được dùng ở dòng \(first)")
        } else {
            codeLines[code] = line
        }
    }

    mutating func text(_ fields: YAMLFields, _ key: String, subject: String, required: Bool, label: String? = nil) -> String? {
        let name = label ?? key
        guard let node = fields[key] else {
            if required {
                report(fields.line, subject, "missing-field", "missing field \(key)", "thiếu trường \(key)")
            }
            return nil
        }
        guard let value = node.scalarText, !value.trimmingSpaces.isEmpty else {
            if node.isMapping || node.isSequence {
                report(node.line, subject, "not-text", "\(name) must be text", "\(name) phải là văn bản")
            } else if required {
                report(node.line, subject, "empty-field", "\(name) is empty", "\(name) đang để trống")
            }
            return nil
        }
        return value
    }

    mutating func number(
        _ fields: YAMLFields, _ key: String, subject: String, required: Bool, mustBePositive: Bool = false
    ) -> DecimalNumber? {
        guard let node = fields[key] else {
            if required {
                report(fields.line, subject, "missing-field", "missing field \(key)", "thiếu trường \(key)")
            }
            return nil
        }
        let line = node.line
        guard let text = node.scalarText else {
            report(line, subject, "not-a-number", "\(key) must be a number", "\(key) phải là một số")
            return nil
        }
        let value: DecimalNumber
        do {
            value = try DecimalNumber.parse(text)
        } catch .tooManyDigits {
            report(line, subject, "too-many-digits",
                   "\(key) \"\(text)\" has too many digits (at most \(DecimalNumber.maxSignificantDigits), \(DecimalNumber.maxDecimalPlaces) after the point)",
                   "\(key) \"\(text)\" có quá nhiều chữ số (tối đa \(DecimalNumber.maxSignificantDigits), \(DecimalNumber.maxDecimalPlaces) chữ số thập phân)")
            return nil
        } catch {
            report(line, subject, "not-a-number", "\(key) \"\(text)\" is not a number", "\(key) \"\(text)\" không phải là số")
            return nil
        }
        if value.isNegative {
            report(line, subject, "negative-number", "\(key) must not be negative (\(text))",
                   "\(key) không được âm (\(text))")
            return nil
        }
        if mustBePositive, value.isZero {
            report(line, subject, "zero", "\(key) must be greater than 0", "\(key) phải lớn hơn 0")
            return nil
        }
        return value
    }

    mutating func flag(_ fields: YAMLFields, _ key: String, subject: String) -> Bool {
        guard let node = fields[key] else { return false }
        switch node.scalarText?.lowercased() {
        case "true": return true
        case "false": return false
        default:
            report(node.line, subject, "not-a-boolean", "\(key) must be true or false", "\(key) phải là true hoặc false")
            return false
        }
    }

    mutating func tags(_ fields: YAMLFields, subject: String) -> [String] {
        guard let node = fields["notApplicableFor"] else { return [] }
        guard node.isSequence else {
            report(node.line, subject, "not-a-list", "notApplicableFor must be a list of agency tags, such as [khong-tthc]",
                   "notApplicableFor phải là danh sách nhãn đơn vị, ví dụ [khong-tthc]")
            return []
        }
        var tags: [String] = []
        for item in node.items {
            if let tag = item.scalarText?.trimmingSpaces, !tag.isEmpty {
                tags.append(tag)
            } else {
                report(item.line, subject, "bad-tag", "each tag in notApplicableFor must be non-empty text",
                       "mỗi nhãn trong notApplicableFor phải là văn bản không rỗng")
            }
        }
        return tags
    }

    mutating func evidence(_ fields: YAMLFields, subject: String) -> Bool {
        guard let node = fields["evidence"] else { return false }
        switch node.scalarText {
        case "required": return true
        case "optional": return false
        default:
            report(node.line, subject, "bad-evidence", "evidence must be required or optional",
                   "evidence phải là required hoặc optional")
            return false
        }
    }

    mutating func inputSource(_ fields: YAMLFields, subject: String) -> InputSource? {
        guard let node = fields["source"] else { return nil }
        if let text = node.scalarText, let source = InputSource(rawValue: text) { return source }
        let names = InputSource.allCases.map(\.rawValue).joined(separator: ", ")
        report(node.line, subject, "unknown-source",
               "unknown source \(node.scalarText.map { "\"\($0)\"" } ?? "") (use \(names))",
               "nguồn dữ liệu \(node.scalarText.map { "\"\($0)\"" } ?? "") không tồn tại (dùng \(names))")
        return nil
    }

    mutating func reportUnknown(_ fields: YAMLFields, allowed: Set<String>, subject: String, context: String? = nil) {
        for (key, line) in fields.unknownKeys(allowed: allowed) {
            let whereText = context.map { " in \($0)" } ?? ""
            report(line, subject, "unknown-field",
                   "unknown field \(key)\(whereText)" + Reading.suggestion(key, allowed, .english),
                   "trường \(key) không hợp lệ" + Reading.suggestion(key, allowed, .vietnamese))
        }
    }

    /// " (did you mean notApplicableFor?)" for a near miss.
    static func suggestion(_ key: String, _ allowed: Set<String>, _ language: Language) -> String {
        let best = allowed.map { ($0, editDistance(key.lowercased(), $0.lowercased())) }.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        guard let best, best.1 <= 2 else { return "" }
        return IndexReaderText.didYouMean.text(language, best.0)
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension String {
    /// Without leading and trailing white space (including the no-break
    /// spaces that spreadsheets leave). Returns `self` untouched, without
    /// walking characters, in the common case of nothing to trim.
    var trimmingSpaces: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        func plain(_ byte: UInt8) -> Bool {
            byte < 0x80 && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r")
                && byte != UInt8(ascii: "\n") && byte != 0x0B && byte != 0x0C
        }
        if plain(first), plain(last) { return self }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
