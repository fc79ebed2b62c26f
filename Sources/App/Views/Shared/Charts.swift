import ChiSoCore
import Foundation

/// Charts drawn by the server as SVG: no script, readable by screen readers
/// (a title and a text alternative), printable in black and white. Empty SVG
/// elements get an explicit end tag: inside `<svg>` an HTML parser does not
/// know them as void, so `<line>` alone would swallow what follows.
enum Charts {
    struct Point {
        var label: String
        var value: DecimalNumber
    }

    /// Screen coordinates only; scores themselves stay exact.
    private static func number(_ value: DecimalNumber) -> Double { Double(value.fixed(4)) ?? 0 }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    /// A line of monthly scores from 0 to `scale`, with each point labelled.
    /// `id` must be unique on the page.
    static func trend(_ points: [Point], scale: DecimalNumber, title: String, id: String, language: Lang) -> HTMLNode {
        let width = 560.0, height = 220.0, left = 40.0, right = 16.0, top = 16.0, bottom = 36.0
        let top100 = max(number(scale), 1)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let step = points.count > 1 ? plotWidth / Double(points.count - 1) : 0
        func x(_ i: Int) -> Double { points.count > 1 ? left + Double(i) * step : left + plotWidth / 2 }
        func y(_ value: DecimalNumber) -> Double { top + plotHeight * (1 - min(max(number(value) / top100, 0), 1)) }
        let description = points.map { "\($0.label): \(Formats.score($0.value, language))" }.joined(separator: "; ")
        return figure(.class("chart")) {
            H.el("svg", [Attribute(name: "viewBox", value: "0 0 \(Int(width)) \(Int(height))"), .role("img"),
                         .aria("labelledby", "\(id)-title \(id)-desc"), Attribute(name: "xmlns", value: "http://www.w3.org/2000/svg")]) {
                H.el("title", [.id("\(id)-title")]) { title }
                H.el("desc", [.id("\(id)-desc")]) { description }
                // Grid lines at 0, 50 % and 100 % of the scale.
                for fraction in [0.0, 0.5, 1.0] {
                    let lineY = top + plotHeight * (1 - fraction)
                    H.el("line", [Attribute(name: "x1", value: format(left)), Attribute(name: "x2", value: format(width - right)),
                                    Attribute(name: "y1", value: format(lineY)), Attribute(name: "y2", value: format(lineY)),
                                    .class("grid")]) {}
                    H.el("text", [Attribute(name: "x", value: format(left - 6)), Attribute(name: "y", value: format(lineY + 4)),
                                  Attribute(name: "text-anchor", value: "end"), .class("axis")]) {
                        Formats.score(DecimalNumber.quotient(scale * DecimalNumber(Int(fraction * 2)), DecimalNumber(2), places: 0), language, places: 0)
                    }
                }
                if points.count > 1 {
                    H.el("polyline", [Attribute(name: "points", value: points.enumerated().map { "\(format(x($0.offset))),\(format(y($0.element.value)))" }
                        .joined(separator: " ")), .class("line")]) {}
                }
                for (i, point) in points.enumerated() {
                    H.el("circle", [Attribute(name: "cx", value: format(x(i))), Attribute(name: "cy", value: format(y(point.value))),
                                    Attribute(name: "r", value: "4"), .class("dot")]) {
                        H.el("title", []) { "\(point.label): \(Formats.score(point.value, language))" }
                    }
                    // The last label ends at its point, so that a long one ("Năm 2025") stays inside the chart.
                    let anchor = i == points.count - 1 && points.count > 1 ? "end" : "middle"
                    H.el("text", [Attribute(name: "x", value: format(x(i))), Attribute(name: "y", value: format(height - bottom + 18)),
                                  Attribute(name: "text-anchor", value: anchor), .class("axis")]) { point.label }
                    H.el("text", [Attribute(name: "x", value: format(x(i))), Attribute(name: "y", value: format(y(point.value) - 8)),
                                  Attribute(name: "text-anchor", value: "middle"), .class("value")]) { Formats.score(point.value, language) }
                }
            }
        }
    }

    /// A small line for a table cell; its label says the figures.
    static func sparkline(_ values: [DecimalNumber], scale: DecimalNumber, label: String) -> HTMLNode {
        guard values.count > 1 else { return .empty }
        let width = 80.0, height = 20.0
        let top100 = max(number(scale), 1)
        let points = values.enumerated().map { offset, value in
            "\(format(Double(offset) * width / Double(values.count - 1))),\(format(height - 2 - (height - 4) * min(max(number(value) / top100, 0), 1)))"
        }
        return H.el("svg", [Attribute(name: "viewBox", value: "0 0 \(Int(width)) \(Int(height))"), .class("sparkline"), .role("img"),
                            .aria("label", label), Attribute(name: "xmlns", value: "http://www.w3.org/2000/svg")]) {
            H.el("polyline", [Attribute(name: "points", value: points.joined(separator: " ")), .class("line")]) {}
        }
    }

    struct Bar {
        var label: String
        var value: DecimalNumber
        /// Text shown after the bar (the value, formatted).
        var text: String
    }

    /// Horizontal bars from 0 to `scale`, each labelled with its value.
    static func bars(_ bars: [Bar], scale: DecimalNumber, title: String, id: String) -> HTMLNode {
        let labelWidth = 200.0, barWidth = 300.0, row = 26.0, width = labelWidth + barWidth + 70
        let height = Double(bars.count) * row + 8
        let top = max(number(scale), 1)
        return figure(.class("chart")) {
            H.el("svg", [Attribute(name: "viewBox", value: "0 0 \(Int(width)) \(Int(height))"), .role("img"),
                         .aria("labelledby", "\(id)-title \(id)-desc"), Attribute(name: "xmlns", value: "http://www.w3.org/2000/svg")]) {
                H.el("title", [.id("\(id)-title")]) { title }
                H.el("desc", [.id("\(id)-desc")]) { bars.map { "\($0.label): \($0.text)" }.joined(separator: "; ") }
                for (i, bar) in bars.enumerated() {
                    let y = 4 + Double(i) * row
                    let length = barWidth * min(max(number(bar.value) / top, 0), 1)
                    H.el("text", [Attribute(name: "x", value: format(labelWidth - 8)), Attribute(name: "y", value: format(y + 16)),
                                  Attribute(name: "text-anchor", value: "end"), .class("axis")]) { String(bar.label.prefix(32)) }
                    H.el("rect", [Attribute(name: "x", value: format(labelWidth)), Attribute(name: "y", value: format(y + 3)),
                                  Attribute(name: "width", value: format(length)), Attribute(name: "height", value: format(row - 8)),
                                  .class("bar")]) {}
                    H.el("text", [Attribute(name: "x", value: format(labelWidth + length + 6)), Attribute(name: "y", value: format(y + 16)),
                                  .class("value")]) { bar.text }
                }
            }
        }
    }
}
