import Yams

/// A YAML mapping read field by field, remembering where each field was.
///
/// The index reader uses it so that every value it reads carries its line,
/// and so that a field nobody asked for (a typo such as `notAplicableFor`)
/// is reported instead of silently ignored.
struct YAMLFields {
    let line: Int
    private(set) var entries: [(key: String, keyLine: Int, value: Node)] = []

    init?(_ node: Node) {
        guard case let .mapping(mapping) = node else { return nil }
        line = mapping.mark?.line ?? 0
        for (key, value) in mapping {
            entries.append((key.string ?? "", key.mark?.line ?? line, value))
        }
    }

    subscript(key: String) -> Node? {
        entries.first { $0.key == key }?.value
    }

    func has(_ key: String) -> Bool { self[key] != nil }

    /// Line of a field's value, or of the mapping when the field is absent.
    func line(of key: String) -> Int {
        entries.first { $0.key == key }.map { $0.value.mark?.line ?? $0.keyLine } ?? line
    }

    /// Fields other than `allowed`, with their lines, in file order.
    func unknownKeys(allowed: Set<String>) -> [(key: String, line: Int)] {
        entries.filter { !allowed.contains($0.key) }.map { ($0.key, $0.keyLine) }
    }
}

extension Node {
    var line: Int { mark?.line ?? 0 }

    /// The scalar's text exactly as written (so `1.10` stays `1.10`), or `nil`
    /// for a mapping, a sequence or a YAML null.
    var scalarText: String? {
        guard case let .scalar(scalar) = self else { return nil }
        if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
        return scalar.string
    }

    var isSequence: Bool {
        if case .sequence = self { return true }
        return false
    }

    var isMapping: Bool {
        if case .mapping = self { return true }
        return false
    }

    var items: [Node] {
        if case let .sequence(sequence) = self { return Array(sequence) }
        return []
    }
}
