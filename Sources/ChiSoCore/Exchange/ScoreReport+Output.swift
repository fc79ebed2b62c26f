/// The two outputs of `chiso score` (spec §5): CSV, and JSON with the
/// per-node breakdown.
extension ScoreReport {
    public static let csvHeader = ["group", "rank", "agency", "name", "raw", "applicable_max", "normalized", "bonus",
                                   "deduction", "final", "class"]

    /// One row per agency, grouped and ranked; numbers with a `.` and 2 decimals.
    public func csv() -> String {
        var writer = CSVWriter()
        writer.row(ScoreReport.csvHeader)
        for entry in ranking {
            let agency = agencies[entry.position], score = scores[entry.position]
            writer.row([
                entry.group, String(entry.rank), agency.code, agency.name, score.raw.fixed(2),
                score.applicableMax.fixed(2), score.normalized.fixed(2), score.bonus.fixed(2),
                score.deduction.fixed(2), score.final.fixed(2), index.classes[score.classPosition].code,
            ])
        }
        return writer.text
    }

    /// The same rows as a JSON array, each with the breakdown of every node
    /// (nested as in the index), bonus and deduction items, and the reason
    /// for every figure in `language`. Needs a report made with breakdowns.
    public func json(language: Language = .vietnamese) -> String {
        let explanation = ScoreExplanation(index: index, language: language)
        var out = JSONWriter()
        out.beginArray()
        for entry in ranking {
            let agency = agencies[entry.position], score = scores[entry.position]
            let scoreClass = index.classes[score.classPosition]
            out.beginObject()
            out.field("group", string: entry.group)
            out.field("rank", raw: String(entry.rank))
            out.field("agency", string: agency.code)
            out.field("name", string: agency.name)
            out.field("raw", raw: score.raw.fixed(2))
            out.field("applicable_max", raw: score.applicableMax.fixed(2))
            out.field("normalized", raw: score.normalized.fixed(2))
            out.field("bonus", raw: score.bonus.fixed(2))
            out.field("deduction", raw: score.deduction.fixed(2))
            out.field("final", raw: score.final.fixed(2))
            out.field("class", string: scoreClass.code)
            out.field("class_title", string: scoreClass.title)
            out.field("class_by_score", string: index.classes[score.classByScore].code)
            out.key("failed_conditions")
            out.beginArray()
            for failed in score.failedConditions {
                let condition = index.classes[failed.classPosition].requires[failed.condition]
                out.beginObject()
                out.field("class", string: index.classes[failed.classPosition].code)
                out.field("code", string: condition.code)
                switch condition.test {
                case let .minShare(percent): out.field("minShare", raw: percent.description)
                case let .maxPoints(points): out.field("maxPoints", raw: points.description)
                }
                out.field("why", string: explanation.condition(condition, score))
                out.endObject()
            }
            out.endArray()
            if let why = explanation.explainClass(in: score) {
                out.field("class_why", string: why)
            } else {
                out.field("class_why", raw: "null")
            }
            out.key("missing")
            out.beginArray()
            for position in score.missing { out.value(string: index.nodes[position].code) }
            out.endArray()
            out.key("criteria")
            out.beginArray()
            for root in index.roots { writeNode(root, score, explanation, &out) }
            out.endArray()
            writeItems("bonus_items", index.bonus, score.bonusItems, explanation, &out)
            writeItems("deduction_items", index.deductions, score.deductionItems, explanation, &out)
            out.endObject()
        }
        out.endArray()
        return out.text + "\n"
    }

    private func writeNode(_ position: Int, _ score: AgencyScore, _ explanation: ScoreExplanation, _ out: inout JSONWriter) {
        let node = index.nodes[position], result = score.nodes[position]
        out.beginObject()
        out.field("code", string: node.code)
        out.field("title", string: node.title)
        out.field("max", raw: node.max.description)
        out.field("applicable", raw: result.applicable ? "true" : "false")
        out.field("applicable_max", raw: result.applicableMax.description)
        out.field("points", raw: result.points.description)
        if let leaf = node.leaf {
            out.field("rule", string: leaf.rule.typeName)
            if let input = result.input {
                out.field("input", string: explanation.inputText(input, rule: leaf.rule))
            } else {
                out.field("input", raw: "null")
            }
            out.field("evidence", raw: String(result.evidence))
        }
        out.field("why", string: explanation.explain(node: position, in: score))
        if !node.children.isEmpty {
            out.key("children")
            out.beginArray()
            for child in node.children { writeNode(child, score, explanation, &out) }
            out.endArray()
        }
        out.endObject()
    }

    private func writeItems(_ key: String, _ items: [AdjustmentItem], _ results: [ItemScore], _ explanation: ScoreExplanation, _ out: inout JSONWriter) {
        out.key(key)
        out.beginArray()
        for (item, result) in zip(items, results) {
            out.beginObject()
            out.field("code", string: item.code)
            out.field("title", string: item.title)
            if let input = result.input {
                out.field("input", string: explanation.inputText(input, rule: nil))
            } else {
                out.field("input", raw: "null")
            }
            out.field("points", raw: result.points.description)
            out.field("why", string: explanation.explain(item: item, result))
            out.endObject()
        }
        out.endArray()
    }
}
