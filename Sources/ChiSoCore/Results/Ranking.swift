/// Competition ranking within groups (spec §3.5).
///
/// Agencies are ranked only against their own group, by final score, highest
/// first. Equal finals share a rank and the next rank skips (1, 2, 2, 4);
/// agencies of equal final are listed by code in plain Unicode code-point
/// order. Groups come in the order they were first seen.
public enum Ranking {
    public struct Entry: Sendable, Hashable {
        /// Position of the agency in the list that was ranked.
        public var position: Int
        public var group: String
        public var rank: Int
    }

    /// `agencies[i]` scored `finals[i]`; returns every agency once, grouped
    /// and ranked.
    public static func rank(agencies: [Agency], finals: [DecimalNumber]) -> [Entry] {
        precondition(agencies.count == finals.count)
        var groupOrder: [String] = []
        var members: [String: [Int]] = [:]
        for (position, agency) in agencies.enumerated() {
            if members[agency.group] == nil { groupOrder.append(agency.group) }
            members[agency.group, default: []].append(position)
        }
        var entries: [Entry] = []
        entries.reserveCapacity(agencies.count)
        for group in groupOrder {
            let ordered = members[group, default: []].sorted { a, b in
                if finals[a] != finals[b] { return finals[a] > finals[b] }
                return codePointOrder(agencies[a].code, agencies[b].code)
            }
            var rank = 0
            for (offset, position) in ordered.enumerated() {
                if offset == 0 || finals[position] != finals[ordered[offset - 1]] { rank = offset + 1 }
                entries.append(Entry(position: position, group: group, rank: rank))
            }
        }
        return entries
    }

    /// Plain Unicode code-point order (UTF-8 byte order is the same order),
    /// not Swift's canonical-equivalence `<`.
    public static func codePointOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
