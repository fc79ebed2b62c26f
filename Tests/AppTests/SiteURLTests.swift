import Foundation
import Testing
@testable import App

/// Each page's path is defined once, in SiteURL: registered from its pattern, linked from its values.
@Suite("Typed URLs")
struct SiteURLTests {
    @Test("One definition gives the route's pattern and the link")
    func patternAndLink() throws {
        let id = try #require(UUID(uuidString: "00000000-0000-0000-0000-0000000000a1"))
        #expect(SiteURL.assessment(.key, .entry(.key)).pathComponents == ["assessments", ":assessmentID", "entries", ":code"])
        #expect(SiteURL.assessment(.value(id), .entry(.value("1.2"))).path == "/assessments/\(id.uuidString)/entries/1.2")
        #expect(SiteURL.home.path == "/")
        #expect(SiteURL.period(.value(id), .rankingCSV).path == "/periods/\(id.uuidString)/results/ranking.csv")
        #expect(SiteURL.admin(.userPassword(.key)).pathComponents == ["admin", "users", ":userID", "password"])
    }

    @Test("No path literal in views, controllers or middleware: links come from SiteURL (the API's from APIOperations)")
    func noPathLiterals() throws {
        let app = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/App")
        var literals: [String] = []
        var read = 0
        for folder in ["Views", "Controllers", "Middleware"] {
            let files = try #require(FileManager.default.enumerator(at: app.appendingPathComponent(folder), includingPropertiesForKeys: nil))
            for case let file as URL in files where file.pathExtension == "swift" && !file.path.contains("/Controllers/API/") {
                read += 1
                let text = try String(contentsOf: file, encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where line.range(of: #""/[a-z]"#, options: .regularExpression) != nil && !line.contains("\"/api/") {
                    literals.append("\(file.lastPathComponent):\(number + 1)")
                }
            }
        }
        #expect(read > 50)
        #expect(literals.isEmpty, "\(literals)")
    }
}
