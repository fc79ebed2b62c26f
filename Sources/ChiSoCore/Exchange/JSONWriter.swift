/// A small streaming JSON writer: numbers go out exactly as the decimal
/// text given (never through a binary float), strings are escaped per RFC 8259.
struct JSONWriter {
    private(set) var text = ""
    /// Whether the container being written already has an element.
    private var hasElement: [Bool] = []
    private var afterKey = false

    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        if let last = hasElement.last {
            if last { text.append(",") }
            hasElement[hasElement.count - 1] = true
        }
    }

    mutating func beginArray() { separate(); text.append("["); hasElement.append(false) }
    mutating func endArray() { hasElement.removeLast(); text.append("]") }
    mutating func beginObject() { separate(); text.append("{"); hasElement.append(false) }
    mutating func endObject() { hasElement.removeLast(); text.append("}") }

    mutating func key(_ name: String) {
        separate()
        JSONWriter.appendString(name, to: &text)
        text.append(":")
        afterKey = true
    }

    mutating func value(string: String) { separate(); JSONWriter.appendString(string, to: &text) }
    mutating func value(raw: String) { separate(); text.append(raw) }

    mutating func field(_ name: String, string: String) { key(name); value(string: string) }
    mutating func field(_ name: String, raw: String) { key(name); value(raw: raw) }

    static func appendString(_ string: String, to text: inout String) {
        text.append("\"")
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text.append("\\\"")
            case "\\": text.append("\\\\")
            case "\n": text.append("\\n")
            case "\r": text.append("\\r")
            case "\t": text.append("\\t")
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text.append("\"")
    }
}
