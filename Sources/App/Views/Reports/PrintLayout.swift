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
    .national .dated { display: block; margin-top: 6pt; font-weight: normal; }
    .signature { margin: 18pt 0 0 auto; width: 45%; text-align: center; page-break-inside: avoid; }
    .signature strong, .signature em { display: block; }
    .signature em { margin: 6pt 0 36pt; font-weight: normal; }
    .draft-line { color: #8a1c1c; }
    .draft-mark { position: fixed; top: 40%; left: 0; right: 0; margin: 0; text-align: center; font-size: 72pt; font-weight: bold;
                  color: rgba(160, 0, 0, 0.12); transform: rotate(-30deg); z-index: 10; pointer-events: none; }
    """

    /// The document: the issuing body and the national motto, the place and date, the title, the
    /// decision it is annexed to (or, before publication, "DỰ THẢO" under the title and across every
    /// printed page), the content, the signature block from the publication record, and where it came from.
    static func document(language: Lang, title: String, subtitle: String, origin: OfficialOrigin, madeOn: Date,
                         @HTMLBuilder content: () -> HTMLNode) -> HTMLNode {
        let say = language.phrases(ReportText.self)
        let publication = language.phrases(PublicationText.self)
        let body = content()
        return H.el("html", [.lang(language.rawValue)]) {
            H.el("head", []) {
                H.void("meta", [.charset("utf-8")])
                H.el("title", []) { title }
                H.el("style", []) { HTMLNode.trusted(Assets.stylesheet + "\n" + printStyles) }
            }
            H.el("body", [.class(origin.isDraft ? "print draft" : "print")]) {
                if origin.isDraft {
                    // Fixed: Chromium prints it on every page.
                    p(.class("draft-mark"), .aria("hidden", "true")) { publication(.draftMark) }
                }
                div(.class("national")) {
                    p { strong { origin.identity.issuingBodyLine } }
                    p {
                        strong { say(.socialistRepublic) }
                        strong { say(.nationalMotto) }
                        H.el("em", [.class("dated")]) { origin.placeAndDate(madeOn: madeOn) }
                    }
                }
                main {
                    h1 { title }
                    if let decision = origin.decision {
                        p(.class("subtitle")) { publication(.annexOf, decision.citation(language)) }
                    } else {
                        p(.class("subtitle draft-line")) { strong { publication(.draftMark) }; " — " + publication(.draftNotice) }
                    }
                    p(.class("subtitle")) { subtitle }
                    body
                    if let decision = origin.decision {
                        div(.class("signature")) {
                            if !decision.signerAuthority.isEmpty { strong { decision.signerAuthority.uppercased() } }
                            strong { decision.signerPosition.uppercased() }
                            H.el("em", []) { "(Đã ký)" }
                            strong { decision.signer }
                        }
                    }
                    p(.class("made")) { say(.madeWithChiSo, Formats.date(madeOn)) }
                }
            }
        }
    }
}
