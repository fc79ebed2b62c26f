/// A small type-safe HTML builder. Text and attribute values are always
/// escaped; markup comes only from the element functions below (and
/// ``HTMLNode/trusted(_:)`` for server-made SVG), so a value typed by a user
/// can never become markup.
struct HTMLNode: Sendable {
    fileprivate enum Kind: Sendable {
        /// An element is one shared object, so that a node is copied by one reference count.
        case element(Element)
        case text(String)
        case trusted(String)
        /// A builder block's nodes: rendered in place, never wrapped in markup.
        case group([HTMLNode])
    }

    fileprivate final class Element: Sendable {
        let name: String
        let attributes: [Attribute?]
        /// The builder's nodes as built (groups are rendered in place, not flattened into a new array).
        let children: [HTMLNode]
        let isVoid: Bool
        let isInline: Bool

        init(name: String, attributes: [Attribute?], children: [HTMLNode], isVoid: Bool, isInline: Bool) {
            self.name = name
            self.attributes = attributes
            self.children = children
            self.isVoid = isVoid
            self.isInline = isInline
        }
    }

    fileprivate let kind: Kind

    static func text(_ string: String) -> HTMLNode { HTMLNode(kind: .text(string)) }
    /// Markup made by the server itself (never from user input).
    static func trusted(_ markup: String) -> HTMLNode { HTMLNode(kind: .trusted(markup)) }
    static func group(_ nodes: [HTMLNode]) -> HTMLNode { HTMLNode(kind: .group(nodes)) }
    static let empty = HTMLNode(kind: .group([]))

    static func element(_ name: String, _ attributes: [Attribute], _ children: [HTMLNode], isVoid: Bool = false) -> HTMLNode {
        element(name, attributes, children: children, isVoid: isVoid, isInline: isInline(name))
    }

    fileprivate static func element(_ name: String, _ attributes: [Attribute?], children: [HTMLNode], isVoid: Bool, isInline: Bool) -> HTMLNode {
        HTMLNode(kind: .element(Element(name: name, attributes: attributes, children: children, isVoid: isVoid, isInline: isInline)))
    }

    /// Inline elements stay on their line in the output; the others start and end lines.
    static func isInline(_ name: String) -> Bool { inline.contains(name) }

    /// Whether rendering writes anything (an empty group, or groups of them, write nothing).
    fileprivate var isEmpty: Bool {
        if case let .group(members) = kind { return members.allSatisfy(\.isEmpty) }
        return false
    }

    /// The markup, indented one element per line for readable snapshots.
    func render() -> String {
        var out: [UInt8] = []
        render(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The markup as UTF-8 bytes: what responses send, without building a String first.
    func render(into out: inout [UInt8]) {
        switch kind {
        case let .text(string):
            HTMLNode.escape(string, quotes: false, into: &out)
        case let .trusted(markup):
            out.append(contentsOf: markup.utf8)
        case let .group(nodes):
            for node in nodes { node.render(into: &out) }
        case let .element(element):
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: element.name.utf8)
            for case let attribute? in element.attributes {
                out.append(UInt8(ascii: " "))
                out.append(contentsOf: attribute.name.utf8)
                if let value = attribute.value {
                    out.append(UInt8(ascii: "="))
                    out.append(UInt8(ascii: "\""))
                    HTMLNode.escape(value, quotes: true, into: &out)
                    out.append(UInt8(ascii: "\""))
                }
            }
            out.append(UInt8(ascii: ">"))
            if element.isVoid {
                if !element.isInline { out.append(UInt8(ascii: "\n")) }
                return
            }
            if !element.isInline, element.children.contains(where: { !$0.isEmpty }) { out.append(UInt8(ascii: "\n")) }
            for child in element.children { child.render(into: &out) }
            out.append(UInt8(ascii: "<"))
            out.append(UInt8(ascii: "/"))
            out.append(contentsOf: element.name.utf8)
            out.append(UInt8(ascii: ">"))
            if !element.isInline { out.append(UInt8(ascii: "\n")) }
        }
    }

    private static let inline: Set<String> = [
        "a", "span", "strong", "em", "small", "code", "label", "option", "button", "abbr", "time", "title", "th", "td",
        "h1", "h2", "h3", "p", "li", "dt", "dd", "legend", "summary", "textarea",
    ]

    static func escape(_ string: String, quotes: Bool) -> String {
        var out: [UInt8] = []
        escape(string, quotes: quotes, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `string` escaped for HTML text (or, with `quotes`, an attribute value).
    /// Runs of bytes that need no escaping are copied at once; the bytes
    /// escaped are all ASCII, so UTF-8 sequences are never split.
    static func escape(_ string: String, quotes: Bool, into out: inout [UInt8]) {
        var string = string
        string.withUTF8 { bytes in
            var runStart = 0
            for position in 0..<bytes.count {
                let replacement: StaticString
                switch bytes[position] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\"") where quotes: replacement = "&quot;"
                case UInt8(ascii: "'") where quotes: replacement = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                runStart = position + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
    }
}

/// An HTML attribute; `value` nil for a boolean attribute (`required`).
struct Attribute: Sendable {
    let name: String
    let value: String?

    static func `class`(_ value: String) -> Attribute { Attribute(name: "class", value: value) }
    static func id(_ value: String) -> Attribute { Attribute(name: "id", value: value) }
    static func href(_ value: String) -> Attribute { Attribute(name: "href", value: value) }
    static func src(_ value: String) -> Attribute { Attribute(name: "src", value: value) }
    static func type(_ value: String) -> Attribute { Attribute(name: "type", value: value) }
    static func name(_ value: String) -> Attribute { Attribute(name: "name", value: value) }
    static func value(_ value: String) -> Attribute { Attribute(name: "value", value: value) }
    static func `for`(_ value: String) -> Attribute { Attribute(name: "for", value: value) }
    static func action(_ value: String) -> Attribute { Attribute(name: "action", value: value) }
    static func method(_ value: String) -> Attribute { Attribute(name: "method", value: value) }
    static func enctype(_ value: String) -> Attribute { Attribute(name: "enctype", value: value) }
    static func accept(_ value: String) -> Attribute { Attribute(name: "accept", value: value) }
    static func placeholder(_ value: String) -> Attribute { Attribute(name: "placeholder", value: value) }
    static func autocomplete(_ value: String) -> Attribute { Attribute(name: "autocomplete", value: value) }
    static func inputmode(_ value: String) -> Attribute { Attribute(name: "inputmode", value: value) }
    static func rel(_ value: String) -> Attribute { Attribute(name: "rel", value: value) }
    static func lang(_ value: String) -> Attribute { Attribute(name: "lang", value: value) }
    static func title(_ value: String) -> Attribute { Attribute(name: "title", value: value) }
    static func role(_ value: String) -> Attribute { Attribute(name: "role", value: value) }
    static func scope(_ value: String) -> Attribute { Attribute(name: "scope", value: value) }
    static func content(_ value: String) -> Attribute { Attribute(name: "content", value: value) }
    static func charset(_ value: String) -> Attribute { Attribute(name: "charset", value: value) }
    static func datetime(_ value: String) -> Attribute { Attribute(name: "datetime", value: value) }
    static func min(_ value: String) -> Attribute { Attribute(name: "min", value: value) }
    static func max(_ value: String) -> Attribute { Attribute(name: "max", value: value) }
    /// The form a control belongs to when it is not inside it, and the address it submits that form to.
    static func form(_ value: String) -> Attribute { Attribute(name: "form", value: value) }
    static func formaction(_ value: String) -> Attribute { Attribute(name: "formaction", value: value) }
    static func rows(_ value: Int) -> Attribute { Attribute(name: "rows", value: String(value)) }
    static func colspan(_ value: Int) -> Attribute { Attribute(name: "colspan", value: String(value)) }
    /// The most characters the browser lets a person type (the server's limit, Support/Limits.swift, holds anyway).
    static func maxlength(_ value: Int) -> Attribute { Attribute(name: "maxlength", value: String(value)) }
    static func aria(_ name: String, _ value: String) -> Attribute { Attribute(name: "aria-" + name, value: value) }
    static func data(_ name: String, _ value: String) -> Attribute { Attribute(name: "data-" + name, value: value) }
    static let required = Attribute(name: "required", value: nil)
    static let autofocus = Attribute(name: "autofocus", value: nil)
    static let checked = Attribute(name: "checked", value: nil)
    static let selected = Attribute(name: "selected", value: nil)
    static let disabled = Attribute(name: "disabled", value: nil)
    static let multiple = Attribute(name: "multiple", value: nil)
    static let open = Attribute(name: "open", value: nil)
    static let hidden = Attribute(name: "hidden", value: nil)

    /// `attribute` when `condition` holds, else nothing.
    static func when(_ condition: Bool, _ attribute: Attribute) -> Attribute? { condition ? attribute : nil }
}

/// Builds children as nodes: a block is a group, which an element keeps as its
/// children and renders in place (no array per child, no flattening copy).
@resultBuilder
enum HTMLBuilder {
    static func buildExpression(_ node: HTMLNode) -> HTMLNode { node }
    static func buildExpression(_ text: String) -> HTMLNode { .text(text) }
    static func buildExpression(_ nodes: [HTMLNode]) -> HTMLNode { .group(nodes) }
    static func buildBlock() -> HTMLNode { .empty }
    static func buildBlock(_ part: HTMLNode) -> HTMLNode { part }
    static func buildBlock(_ parts: HTMLNode...) -> HTMLNode { .group(parts) }
    static func buildOptional(_ part: HTMLNode?) -> HTMLNode { part ?? .empty }
    static func buildEither(first: HTMLNode) -> HTMLNode { first }
    static func buildEither(second: HTMLNode) -> HTMLNode { second }
    static func buildArray(_ parts: [HTMLNode]) -> HTMLNode { .group(parts) }
}

extension HTMLNode {
    /// A builder's result as an element's children: a block's nodes as they are (no copy into a new array).
    fileprivate var children: [HTMLNode] {
        if case let .group(members) = kind { return members }
        return [self]
    }
}

/// `div(.class("card")) { "text"; p { … } }`.
enum H {
    static func el(_ name: String, _ attributes: [Attribute?], @HTMLBuilder _ children: () -> HTMLNode) -> HTMLNode {
        el(name, attributes, inline: HTMLNode.isInline(name), children)
    }

    /// The element functions below say whether they are inline (no lookup by name for each element).
    static func el(_ name: String, _ attributes: [Attribute?], inline: Bool, @HTMLBuilder _ children: () -> HTMLNode) -> HTMLNode {
        HTMLNode.element(name, attributes, children: children().children, isVoid: false, isInline: inline)
    }

    static func void(_ name: String, _ attributes: [Attribute?], inline: Bool? = nil) -> HTMLNode {
        HTMLNode.element(name, attributes, children: [], isVoid: true, isInline: inline ?? HTMLNode.isInline(name))
    }
}

// Elements, by name. Each takes attributes and a builder of children.
func div(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("div", a, inline: false, c) }
func span(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("span", a, inline: true, c) }
func p(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("p", a, inline: true, c) }
func a(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("a", a, inline: true, c) }
func h1(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("h1", a, inline: true, c) }
func h2(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("h2", a, inline: true, c) }
func h3(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("h3", a, inline: true, c) }
func section(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("section", a, inline: false, c) }
func nav(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("nav", a, inline: false, c) }
func header(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("header", a, inline: false, c) }
func footer(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("footer", a, inline: false, c) }
func main(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("main", a, inline: false, c) }
func ul(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("ul", a, inline: false, c) }
func ol(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("ol", a, inline: false, c) }
func li(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("li", a, inline: true, c) }
func dl(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("dl", a, inline: false, c) }
func dt(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("dt", a, inline: true, c) }
func dd(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("dd", a, inline: true, c) }
func table(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("table", a, inline: false, c) }
func figure(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("figure", a, inline: false, c) }
func caption(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("caption", a, inline: false, c) }
func thead(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("thead", a, inline: false, c) }
func tbody(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("tbody", a, inline: false, c) }
func tr(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("tr", a, inline: false, c) }
func th(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("th", a, inline: true, c) }
func td(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("td", a, inline: true, c) }
func form(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("form", a, inline: false, c) }
func fieldset(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("fieldset", a, inline: false, c) }
func legend(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("legend", a, inline: true, c) }
func label(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("label", a, inline: true, c) }
func button(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("button", a, inline: true, c) }
func select(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("select", a, inline: false, c) }
func option(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("option", a, inline: true, c) }
func textarea(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("textarea", a, inline: true, c) }
func small(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("small", a, inline: true, c) }
func strong(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("strong", a, inline: true, c) }
func code(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("code", a, inline: true, c) }
func pre(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("pre", a, inline: false, c) }
func details(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("details", a, inline: false, c) }
func summary(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("summary", a, inline: true, c) }
func time(_ a: Attribute?..., @HTMLBuilder content c: () -> HTMLNode = { .empty }) -> HTMLNode { H.el("time", a, inline: true, c) }
func input(_ a: Attribute?...) -> HTMLNode { H.void("input", a, inline: false) }
func br() -> HTMLNode { H.void("br", [], inline: false) }
