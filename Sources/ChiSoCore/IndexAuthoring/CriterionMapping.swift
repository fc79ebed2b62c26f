import Foundation

/// How the criteria of one index version continue in another: each old code
/// with the new codes it became (one to one, one to many, none); several old
/// codes may become one. Year-over-year figures and the dry run of a draft go
/// through it; where nobody wrote one, codes continue as themselves.
public struct CriterionMapping: Sendable, Hashable {
    /// Old code → new codes, in the new index's order; an empty list: no counterpart.
    public private(set) var targets: [String: [String]]

    public init(targets: [String: [String]]) {
        self.targets = targets
    }

    /// Every code of `old` (nodes, bonus and deduction items) that `new` has too, to itself.
    public static func identical(from old: Index, to new: Index) -> CriterionMapping {
        let newCodes = Set(new.allCodes)
        return CriterionMapping(targets: Dictionary(old.allCodes.map { ($0, newCodes.contains($0) ? [$0] : []) },
                                                    uniquingKeysWith: { first, _ in first }))
    }

    /// The mapping a draft's rows remember (``IndexTable/CriterionRow/origin``, codes of the version it was
    /// cloned from); bonus and deduction items continue by code.
    public static func origins(of table: IndexTable, from old: Index) -> CriterionMapping {
        var targets = Dictionary(old.allCodes.map { ($0, [String]()) }, uniquingKeysWith: { first, _ in first })
        for row in table.criteria {
            let origin = row.origin.trimmingCharacters(in: .whitespaces)
            let code = row.code.trimmingCharacters(in: .whitespaces)
            guard !origin.isEmpty, !code.isEmpty, targets[origin] != nil else { continue }
            targets[origin]!.append(code)
        }
        let items = Set((table.bonus + table.deductions).map { $0.code.trimmingCharacters(in: .whitespaces) })
        for item in old.bonus + old.deductions where items.contains(item.code) { targets[item.code] = [item.code] }
        return CriterionMapping(targets: targets)
    }

    /// The new codes an old code became (empty: none).
    public func targets(of oldCode: String) -> [String] { targets[oldCode] ?? [] }

    /// The old codes a new code continues, in no particular order but stable (sorted).
    public func sources(of newCode: String) -> [String] {
        targets.filter { $0.value.contains(newCode) }.map(\.key).sorted(by: Ranking.codePointOrder)
    }

    /// Sets what an old code became.
    public mutating func set(_ oldCode: String, to newCodes: [String]) {
        targets[oldCode] = newCodes
    }

    /// Stored inputs of the old index carried to the new one: a new code takes the input of the first of
    /// its sources that has one (inputs that no longer read under the new rule count as missing when
    /// scored); evidence counts are summed over the sources.
    public func carry(_ inputs: [StoredInput], evidence: [String: Int]) -> (inputs: [StoredInput], evidence: [String: Int]) {
        let byCode = Dictionary(inputs.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var carried: [String: StoredInput] = [:]
        var counts: [String: Int] = [:]
        for old in targets.keys.sorted(by: Ranking.codePointOrder) {
            for new in targets[old] ?? [] {
                counts[new, default: 0] += evidence[old] ?? 0
                if carried[new] == nil, let input = byCode[old] {
                    carried[new] = StoredInput(code: new, selfInput: input.selfInput, appraisedInput: input.appraisedInput,
                                               appraised: input.appraised)
                }
            }
        }
        return (carried.values.sorted { Ranking.codePointOrder($0.code, $1.code) }, counts)
    }
}

extension Index {
    /// Every code: criterion nodes in tree order, then bonus, then deduction items.
    public var allCodes: [String] { nodes.map(\.code) + bonus.map(\.code) + deductions.map(\.code) }
}
