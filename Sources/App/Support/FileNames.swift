import Foundation

/// The one cleaning of a file name a client sent, wherever one is stored,
/// shown or sent back (evidence, task reports, imports, indexes): no
/// folders (`/` or `\`), no control or format characters (NUL, ESC, DEL,
/// the right-to-left override U+202E, …), no quotes, no leading dot (it becomes `_`), at most
/// ``Limits/name`` characters. Given the type the content was recognised as,
/// the name also ends with an extension of that type ("bao-cao.exe" that is
/// a PDF becomes "bao-cao.pdf"), so that no one is misled about what they open.
enum FileNames {
    static func clean(_ raw: String, contentType: String? = nil, fallback: String = "tai-lieu") -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = last.unicodeScalars.filter { scalar in
            !CharacterSet.controlCharacters.contains(scalar) && !CharacterSet.illegalCharacters.contains(scalar)
                && scalar != "\"" && scalar.properties.generalCategory != .format
        }
        var name = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespaces)
        if name.hasPrefix(".") { name = "_" + name.dropFirst() } // no hidden files
        if name.isEmpty { name = fallback }
        name = String(name.prefix(Limits.name))
        guard let contentType, let extensions = extensions[contentType] else { return name }
        let current = (name as NSString).pathExtension.lowercased()
        if extensions.contains(current) { return name }
        let stem = current.isEmpty ? name : (name as NSString).deletingPathExtension
        return String(stem.prefix(Limits.name - 6)) + "." + extensions[0]
    }

    /// The extensions each accepted type may carry, the usual one first.
    static let extensions: [String: [String]] = [
        "application/pdf": ["pdf"],
        "image/png": ["png"],
        "image/jpeg": ["jpg", "jpeg"],
        "application/zip": ["zip", "docx", "xlsx", "pptx", "odt", "ods", "odp"],
        "application/x-ole-storage": ["doc", "xls", "ppt"],
    ]
}
