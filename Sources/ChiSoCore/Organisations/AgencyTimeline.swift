/// The agencies of an installation through time: when each began and ended, the names it had,
/// and the reorganisations (merges, splits, renames, dissolutions) that link predecessors to
/// successors.
///
/// An agency is active on a day `d` when it began on or before `d` (or has no start) and ended
/// after `d` (or has not ended): a change effective on 1/3/2025 ends its sources on that day
/// (their last day is 28/2) and starts the agencies it forms on that day.
public struct AgencyTimeline: Sendable {
    public struct FormerName: Sendable, Hashable, Codable {
        public var name: String
        /// The first day the agency no longer had this name.
        public var until: CivilDate

        public init(name: String, until: CivilDate) {
            self.name = name
            self.until = until
        }
    }

    public struct Member: Sendable, Hashable {
        public var code: String
        /// The current (or last) name.
        public var name: String
        public var group: String
        public var began: CivilDate?
        public var ended: CivilDate?
        /// Earlier names, in any order.
        public var formerNames: [FormerName]

        public init(code: String, name: String, group: String, began: CivilDate? = nil, ended: CivilDate? = nil,
                    formerNames: [FormerName] = []) {
            self.code = code
            self.name = name
            self.group = group
            self.began = began
            self.ended = ended
            self.formerNames = formerNames
        }

        public func isActive(on day: CivilDate) -> Bool {
            (began.map { $0 <= day } ?? true) && (ended.map { day < $0 } ?? true)
        }

        /// The name it had on `day` (its current name after its last change, or before it began).
        public func name(on day: CivilDate) -> String {
            formerNames.filter { day < $0.until }.min { $0.until < $1.until }?.name ?? name
        }
    }

    public enum ChangeKind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Several agencies become one: a new agency, or one of them that absorbs the others.
        case merge
        /// One agency becomes several.
        case split
        /// An agency takes a new name; its code and history stay.
        case rename
        /// An agency ends without a successor.
        case dissolve
    }

    /// One reorganisation: `from` are the agencies that end (an absorbing successor named in
    /// `to` continues), `to` the agencies that carry on their work.
    public struct Change: Sendable, Hashable {
        public var kind: ChangeKind
        public var effective: CivilDate
        public var from: [String]
        public var to: [String]

        public init(kind: ChangeKind, effective: CivilDate, from: [String], to: [String]) {
            self.kind = kind
            self.effective = effective
            self.from = from
            self.to = to
        }

        /// The predecessor → successor links the change makes (none for a rename or a dissolution).
        public var links: [(predecessor: String, successor: String)] {
            guard kind == .merge || kind == .split else { return [] }
            return from.flatMap { old in to.filter { $0 != old }.map { (old, $0) } }
        }
    }

    public internal(set) var members: [String: Member]
    public internal(set) var changes: [Change]

    public init(members: [Member], changes: [Change]) {
        self.members = Dictionary(members.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.changes = changes.sorted { $0.effective < $1.effective }
    }

    /// The agencies active on `day`, by group then code, as they were named that day.
    public func active(on day: CivilDate) -> [Member] {
        members.values.filter { $0.isActive(on: day) }
            .map { member in var named = member; named.name = member.name(on: day); return named }
            .sorted { ($0.group, $0.code) < ($1.group, $1.code) }
    }

    public func isActive(_ code: String, on day: CivilDate) -> Bool { members[code]?.isActive(on: day) ?? false }

    /// The agencies whose work `code` took over, directly, in the order the changes name them.
    public func predecessors(of code: String) -> [String] {
        unique(changes.flatMap { $0.links.filter { $0.successor == code }.map(\.predecessor) })
    }

    /// The agencies that took over `code`'s work, directly.
    public func successors(of code: String) -> [String] {
        unique(changes.flatMap { $0.links.filter { $0.predecessor == code }.map(\.successor) })
    }

    /// The agencies whose results stand for `code` on `day` (a day of an earlier period): `code`
    /// itself when it was active then, and every agency that was active then and whose work
    /// reached `code` through changes after `day` (predecessors of predecessors, over any number
    /// of years). Each once, nearest first.
    public func forerunners(of code: String, on day: CivilDate) -> [String] {
        var found: [String] = []
        var seen: Set<String> = [code]
        var frontier = [code]
        if isActive(code, on: day) { found.append(code) }
        while !frontier.isEmpty {
            var next: [String] = []
            for current in frontier {
                for change in changes where change.effective > day {
                    for link in change.links where link.successor == current && !seen.contains(link.predecessor) {
                        seen.insert(link.predecessor)
                        if isActive(link.predecessor, on: day) { found.append(link.predecessor) } else { next.append(link.predecessor) }
                    }
                }
            }
            frontier = next
        }
        return found
    }

    /// The ancestry of `code`: each predecessor, transitively, with how many changes back it lies.
    public func ancestry(of code: String) -> [(code: String, generation: Int)] {
        var result: [(String, Int)] = []
        var seen: Set<String> = [code]
        var frontier = [code]
        var generation = 0
        while !frontier.isEmpty {
            generation += 1
            let next = frontier.flatMap { predecessors(of: $0) }.filter { seen.insert($0).inserted }
            result += next.map { ($0, generation) }
            frontier = next
        }
        return result
    }

    private func unique(_ codes: [String]) -> [String] {
        var seen: Set<String> = []
        return codes.filter { seen.insert($0).inserted }
    }
}
