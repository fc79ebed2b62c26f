extension IndexTable {
    /// The table of an index, every cell in the canonical notation: the table
    /// validates back to the same index (same scores on any inputs).
    public init(_ index: Index) {
        let text = IndexNotation.text
        settings = Settings(
            id: index.id, title: index.title, scale: text(index.scale),
            naPolicy: IndexNotation.naPolicyName(index.naPolicy),
            bonusCap: index.bonusCap.map(text) ?? "", deductionCap: index.deductionCap.map(text) ?? "")
        criteria = index.nodes.map { node in
            CriterionRow(
                level: String(node.depth + 1), code: node.code, title: node.title, max: text(node.max),
                rule: node.leaf.map { IndexNotation.name(of: $0.rule.typeName, in: IndexNotation.ruleNames) } ?? "",
                parameters: node.leaf.map { IndexNotation.parameters(of: $0.rule) } ?? "",
                evidence: node.leaf?.evidenceRequired == true ? "Bắt buộc" : "",
                notApplicableFor: node.notApplicableFor.joined(separator: ", "),
                allowNA: node.allowNA ? "Có" : "", appraiser: node.appraiser ?? "",
                source: node.leaf?.source.map(IndexNotation.sourceName) ?? "", guidance: node.guidance ?? "")
        }
        classes = index.classes.map { item in
            ClassRow(code: item.code, title: item.title, min: text(item.min), leaderRating: item.leaderRating ?? "",
                     requires: IndexNotation.conditions(of: item.requires))
        }
        func row(_ item: AdjustmentItem) -> AdjustmentRow {
            let type = switch item.rule {
            case .count: "count"
            case .manual: "manual"
            }
            return AdjustmentRow(code: item.code, title: item.title,
                                 rule: IndexNotation.name(of: type, in: IndexNotation.adjustmentRuleNames),
                                 parameters: IndexNotation.parameters(of: item.rule),
                                 source: item.source.map(IndexNotation.sourceName) ?? "", guidance: item.guidance ?? "")
        }
        bonus = index.bonus.map(row)
        deductions = index.deductions.map(row)
    }

    /// A draft made from this version: every node remembers the code it had here.
    public func cloned() -> IndexTable {
        var copy = self
        for position in copy.criteria.indices { copy.criteria[position].origin = copy.criteria[position].code }
        return copy
    }
}
