import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

@Suite("Evidence upload", .serialized)
struct EvidenceUploadTests {
    static func pdf(_ size: Int) -> [UInt8] {
        var bytes = Array("%PDF-1.4\n".utf8)
        var generator = SplitMixBytes(seed: UInt64(size))
        while bytes.count < size { bytes.append(generator.next()) }
        return bytes
    }

    @Test("A PDF larger than one chunk is stored in chunks, content-addressed, and reads back identical; the same file is stored once")
    func storedInChunks() async throws {
        try await TestApp.run { app, fixture in
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            _ = try await editor.get("/assessments/\(fixture.ownAssessment)")
            let content = Self.pdf(700 * 1024)
            let page = try await editor.upload("/assessments/\(fixture.ownAssessment)/entries/1.2/evidence", field: "file",
                                               fileName: "Báo cáo năm.pdf", content: content)
            #expect(page.status == .seeOther, "\(page.body)")
            let link = try #require(try await EvidenceLinkModel.query(on: app.db).filter(\.$criterionCode == "1.2").with(\.$file).first())
            #expect(link.fileName == "Báo cáo năm.pdf")
            #expect(link.file.size == content.count)
            #expect(link.file.chunkCount == 3)
            #expect(link.file.contentType == "application/pdf")
            let download = try await editor.get("/evidence/\(link.id!)")
            #expect(download.status == .ok)
            #expect(download.bytes == content)
            // Uploaded again (another leaf): a second link, one stored file.
            _ = try await editor.get("/assessments/\(fixture.ownAssessment)")
            #expect(try await editor.upload("/assessments/\(fixture.ownAssessment)/entries/1.1/evidence", field: "file",
                                            fileName: "ban-sao.pdf", content: content).status == .seeOther)
            #expect(try await EvidenceFileModel.query(on: app.db).filter(\.$size == content.count).count() == 1)
            #expect(try await EvidenceFileModel.query(on: app.db).filter(\.$sha256, .custom("LIKE"), "pending:%").count() == 0)
        }
    }

    @Test("A renamed executable is refused by its content and nothing is stored")
    func renamedExecutable() async throws {
        try await TestApp.run { app, fixture in
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            _ = try await editor.get("/assessments/\(fixture.ownAssessment)")
            let before = try await EvidenceFileModel.query(on: app.db).count()
            let exe = Array("MZ\u{90}\u{0}\u{3}\u{0}\u{0}\u{0}This program cannot be run in DOS mode".utf8)
            let page = try await editor.upload("/assessments/\(fixture.ownAssessment)/entries/1.2/evidence", field: "file",
                                               fileName: "bao-cao.pdf", content: exe)
            #expect(page.status == .unsupportedMediaType)
            #expect(page.body.contains("Chỉ nhận tài liệu PDF, ảnh (PNG, JPEG), Word, Excel hoặc ZIP"))
            let elf = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + Array(repeating: UInt8(0), count: 100)
            _ = try await editor.get("/assessments/\(fixture.ownAssessment)")
            #expect(try await editor.upload("/assessments/\(fixture.ownAssessment)/entries/1.2/evidence", field: "file",
                                            fileName: "anh.png", content: elf).status == .unsupportedMediaType)
            #expect(try await EvidenceFileModel.query(on: app.db).count() == before)
            #expect(try await EvidenceChunkModel.query(on: app.db).count() == 1) // the fixture's only
        }
    }

    @Test("An oversized file is refused with the limit, and what was written of it is removed")
    func oversized() async throws {
        try await TestApp.run { app, fixture in
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            _ = try await editor.get("/assessments/\(fixture.ownAssessment)")
            let page = try await editor.upload("/assessments/\(fixture.ownAssessment)/entries/1.2/evidence", field: "file",
                                               fileName: "lon.pdf", content: Self.pdf(1024 * 1024 + 10))
            #expect(page.status == .payloadTooLarge)
            #expect(page.body.contains("Tệp vượt quá dung lượng cho phép (1 MB)."))
            #expect(try await EvidenceChunkModel.query(on: app.db).count() == 1)
            #expect(try await EvidenceFileModel.query(on: app.db).count() == 1)
        }
    }

    @Test("A file name holding a path keeps only its last part")
    func pathInName() async throws {
        try await TestApp.run { app, fixture in
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            _ = try await editor.get("/assessments/\(fixture.ownAssessment)")
            #expect(try await editor.upload("/assessments/\(fixture.ownAssessment)/entries/1.2/evidence", field: "file",
                                            fileName: "../../etc/passwd.pdf", content: Self.pdf(100)).status == .seeOther)
            let link = try #require(try await EvidenceLinkModel.query(on: app.db).filter(\.$criterionCode == "1.2").first())
            #expect(link.fileName == "passwd.pdf")
            #expect(FileNames.clean("C:\\Users\\a\\.bashrc") == "_bashrc")
            #expect(FileNames.clean("..") == "_.")
            #expect(FileNames.clean("") == "tai-lieu")
        }
    }

    @Test("Without the CSRF field first, the upload is refused before the file is read")
    func csrf() async throws {
        try await TestApp.run { app, fixture in
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            let page = try await editor.upload("/assessments/\(fixture.ownAssessment)/entries/1.2/evidence", field: "file",
                                               fileName: "a.pdf", content: Self.pdf(100), csrf: false)
            #expect(page.status == .forbidden)
            #expect(try await EvidenceFileModel.query(on: app.db).count() == 1)
        }
    }

    @Test("A file is attached to a second leaf without uploading again, and removed from one")
    func attachAndDetach() async throws {
        try await TestApp.run { app, fixture in
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            // The assessment page links to a page listing the files of the other leaves.
            let assessment = try await editor.get("/assessments/\(fixture.ownAssessment)")
            #expect(assessment.body.contains("href=\"/assessments/\(fixture.ownAssessment)/entries/1.2/evidence/attach\""))
            #expect(!assessment.body.contains("href=\"/assessments/\(fixture.ownAssessment)/entries/1.1/evidence/attach\""))
            let picker = try await editor.get("/assessments/\(fixture.ownAssessment)/entries/1.2/evidence/attach")
            #expect(picker.status == .ok)
            #expect(picker.body.contains("value=\"\(fixture.ownEvidence.uuidString)\""))
            #expect(try await editor.post("/assessments/\(fixture.ownAssessment)/entries/1.2/evidence/attach",
                                          [("linkID", fixture.ownEvidence.uuidString)]).status == .seeOther)
            // Once on both leaves, the file is no longer offered for 1.2.
            let after = try await editor.get("/assessments/\(fixture.ownAssessment)/entries/1.2/evidence/attach")
            #expect(!after.body.contains("value=\"\(fixture.ownEvidence.uuidString)\""))
            let links = try await EvidenceLinkModel.query(on: app.db).filter(\.$assessment.$id == fixture.ownAssessment).all()
            #expect(Set(links.map(\.criterionCode)) == ["1.1", "1.2"])
            #expect(Set(links.map(\.$file.id)).count == 1)
            _ = try await editor.get("/assessments/\(fixture.ownAssessment)")
            #expect(try await editor.post("/assessments/\(fixture.ownAssessment)/evidence/\(fixture.ownEvidence)/delete").status == .seeOther)
            #expect(try await EvidenceLinkModel.query(on: app.db).filter(\.$assessment.$id == fixture.ownAssessment).count() == 1)
            // Another agency's file cannot be attached.
            _ = try await editor.get("/assessments/\(fixture.ownAssessment)")
            #expect(try await editor.post("/assessments/\(fixture.ownAssessment)/entries/1.2/evidence/attach",
                                          [("linkID", fixture.otherEvidence.uuidString)]).status == .badRequest)
        }
    }
}

/// Deterministic filler bytes.
struct SplitMixBytes {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt8 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        return UInt8(truncatingIfNeeded: z ^ (z >> 27))
    }
}
