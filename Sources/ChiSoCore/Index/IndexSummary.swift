/// What `chiso index check` prints for a valid index: how many fields,
/// criteria and leaves, the total max, and which rule types are used.
public struct IndexSummary: Sendable {
    public let index: Index
    public let fields: Int
    /// Groups below the top level.
    public let criteria: Int
    public let leaves: Int
    public let totalMax: DecimalNumber
    /// Rule type names with how many leaves use each, in the spec's order.
    public let ruleTypes: [(name: String, count: Int)]

    public init(_ index: Index) {
        self.index = index
        fields = index.roots.count
        criteria = index.nodes.filter { $0.depth > 0 && !$0.isLeaf }.count
        let leafRules = index.nodes.compactMap { $0.leaf?.rule.typeName }
        leaves = leafRules.count
        totalMax = index.roots.reduce(.zero) { $0 + index.nodes[$1].max }
        ruleTypes = Rule.typeNames.compactMap { name in
            let count = leafRules.filter { $0 == name }.count
            return count > 0 ? (name, count) : nil
        }
    }

    public func text(language: Language = .english) -> String {
        let types = ruleTypes.map { "\($0.name) ×\($0.count)" }.joined(separator: ", ")
        let classes = index.classes.map { scoreClass in
            let conditions = scoreClass.requires.map { condition in
                switch condition.test {
                case let .minShare(percent): "\(condition.code) ≥ \(percent.text(language))%"
                case let .maxPoints(points): "\(condition.code) ≤ \(points.text(language))"
                }
            }
            let requires = conditions.isEmpty ? "" : " [" + conditions.joined(separator: "; ") + "]"
            return "\(scoreClass.code) ≥ \(scoreClass.min.text(language))\(requires)"
        }.joined(separator: ", ")
        if language == .vietnamese {
            return """
            \(index.id): \(index.title)
              lĩnh vực: \(fields), tiêu chí: \(criteria), tiêu chí thành phần: \(leaves)
              tổng điểm tối đa: \(totalMax.vietnamese()) (thang điểm \(index.scale.vietnamese()), naPolicy \(index.naPolicy.rawValue))
              loại quy tắc: \(types)
              điểm thưởng: \(index.bonus.count) mục\(index.bonusCap.map { ", tối đa \($0.vietnamese())" } ?? ""); điểm trừ: \(index.deductions.count) mục\(index.deductionCap.map { ", tối đa \($0.vietnamese())" } ?? "")
              xếp loại: \(classes)
            hợp lệ

            """
        }
        return """
        \(index.id): \(index.title)
          fields: \(fields), criteria: \(criteria), leaves: \(leaves)
          total max: \(totalMax) (scale \(index.scale), naPolicy \(index.naPolicy.rawValue))
          rule types: \(types)
          bonus: \(index.bonus.count) items\(index.bonusCap.map { ", cap \($0)" } ?? ""); deductions: \(index.deductions.count) items\(index.deductionCap.map { ", cap \($0)" } ?? "")
          classes: \(classes)
        OK

        """
    }
}
