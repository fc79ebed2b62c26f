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
        let vi = context.language == .vietnamese
        let back = "/assessments/\(model.assessmentID)#leaf-\(model.node.code)"
        return Layout.page(context, title: vi ? "Dùng tệp đã tải lên cho \(model.node.code)" : "Use an uploaded file for \(model.node.code)") {
            p { "\(model.agencyName) — \(model.periodName)" }
            p { strong { model.node.code }; " " + model.node.title }
            if model.files.isEmpty {
                p { vi ? "Chưa có tệp nào khác trong hồ sơ này." : "There is no other file in this assessment yet." }
            } else {
                form(.method("post"), .action("/assessments/\(model.assessmentID)/entries/\(model.node.code)/evidence/attach")) {
                    Layout.csrfField(context)
                    fieldset {
                        legend { vi ? "Tệp đã tải lên" : "Files already uploaded" }
                        for (number, link) in model.files.enumerated() {
                            label {
                                input(.type("radio"), .name("linkID"), .value(link.id.uuidString), .required, Attribute.when(number == 0, .checked))
                                "\(link.fileName) (\(vi ? "tiêu chí" : "criterion") \(link.criterionCode))"
                            }
                        }
                    }
                    button(.type("submit")) { vi ? "Đính kèm" : "Attach" }
                    " "
                    a(.href(back)) { context.t(.cancel) }
                }
            }
            if model.files.isEmpty { p { a(.href(back)) { vi ? "Quay lại hồ sơ" : "Back to the assessment" } } }
        }
    }
}
