import ChiSoCore
import Foundation

/// A document to print (PDF by headless Chromium): the national header
/// lines of an official annex, the content, and where it came from. The
/// stylesheet is inlined because Chromium reads the page from a file.
enum PrintLayout {
    static let printStyles = """
    @page { size: A4; margin: 14mm 12mm 16mm; }
    body.print { font-size: 10.5pt; color: #000; }
    body.print main { max-width: none; padding: 0; }
    body.print h1 { font-size: 14pt; text-align: center; margin: 10pt 0 2pt; text-transform: uppercase; }
    body.print .subtitle { text-align: center; margin: 0 0 10pt; font-style: italic; }
    .national { display: flex; justify-content: space-between; text-align: center; font-size: 10.5pt; }
    .national p { margin: 0; }
    .national strong { display: block; }
    body.print table { font-size: 9.5pt; page-break-inside: auto; }
    body.print tr { page-break-inside: avoid; }
    body.print th { background: #e8e8e8; }
    body.print a { color: #000; text-decoration: none; }
    body.print .hide-small { display: table-cell; }
    .made { margin-top: 12pt; font-size: 9pt; color: #333; }
    """

    static func document(language: Lang, title: String, subtitle: String, province: String, madeOn: Date,
                         @HTMLBuilder content: () -> HTMLNode) -> HTMLNode {
        let say = language.phrases(ReportText.self)
        let body = content()
        return H.el("html", [.lang(language.rawValue)]) {
            H.el("head", []) {
                H.void("meta", [.charset("utf-8")])
                H.el("title", []) { title }
                H.el("style", []) { HTMLNode.trusted(Assets.stylesheet + "\n" + printStyles) }
            }
            H.el("body", [.class("print")]) {
                div(.class("national")) {
                    p { strong { say(.peoplesCommittee) }; strong { province.uppercased() } }
                    p {
                        strong { say(.socialistRepublic) }
                        strong { say(.nationalMotto) }
                    }
                }
                main {
                    h1 { title }
                    p(.class("subtitle")) { subtitle }
                    body
                    p(.class("made")) { say(.madeWithChiSo, Formats.date(madeOn)) }
                }
            }
        }
    }
}
