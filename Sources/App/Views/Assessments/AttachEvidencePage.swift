import ChiSoCore
import Foundation

/// Choosing a file already uploaded to this assessment to attach to one more
/// leaf, without uploading it again. A page of its own, so that the
/// assessment page does not repeat the list of files under every leaf.
enum AttachEvidencePage {
    struct Model {
        var assessmentID: UUID
        var agencyName: String
        var periodName: String
        var node: Criterion
        /// One link per file, from the other leaves.
        var files: [EvidenceLink]
    }

    static func view(_ context: PageContext, model: Model) -> HTMLNode {
        let say = context.phrases(AssessmentText.self)
        let back = SiteURL.assessment(.value(model.assessmentID), .show).path + "#leaf-\(model.node.code)"
        return Layout.page(context, title: say(.attachTitle, model.node.code)) {
            p { "\(model.agencyName) — \(model.periodName)" }
            p { strong { model.node.code }; " " + model.node.title }
            if model.files.isEmpty {
                p { say(.noOtherFile) }
            } else {
                form(.method("post"), .action(SiteURL.assessment(.value(model.assessmentID), .attachEvidence(.value(model.node.code))).path)) {
                    Layout.csrfField(context)
                    fieldset {
                        legend { say(.filesAlreadyUploaded) }
                        for (number, link) in model.files.enumerated() {
                            label {
                                input(.type("radio"), .name("linkID"), .value(link.id.uuidString), .required, Attribute.when(number == 0, .checked))
                                "\(link.fileName) (\(say(.criterion)) \(link.criterionCode))"
                            }
                        }
                    }
                    button(.type("submit")) { say(.attach) }
                    " "
                    a(.href(back)) { context.t(.cancel) }
                }
            }
            if model.files.isEmpty { p { a(.href(back)) { say(.backToAssessment) } } }
        }
    }
}
