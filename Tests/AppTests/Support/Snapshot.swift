import Foundation
import Testing

/// Compares rendered HTML with `__Snapshots__/NAME.html` beside the tests.
/// A missing snapshot is written and the test fails once (so that it is
/// reviewed and committed); `CHISO_RECORD_SNAPSHOTS=1` rewrites them all,
/// and fails too: a run that records never passes, so CI cannot rewrite
/// what it should compare.
func assertSnapshot(_ html: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")
    let file = folder.appendingPathComponent("\(name).html")
    let record = ProcessInfo.processInfo.environment["CHISO_RECORD_SNAPSHOTS"] == "1"
    if record || !FileManager.default.fileExists(atPath: file.path) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try html.write(to: file, atomically: true, encoding: .utf8)
        Issue.record(record ? "Rewrote the snapshot \(name).html (CHISO_RECORD_SNAPSHOTS=1): review the change and run again without it."
                            : "Recorded a new snapshot \(name).html: review and commit it.", sourceLocation: sourceLocation)
        return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    if expected != html {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = html.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        Issue.record("""
        Snapshot \(name).html differs at line \(first + 1):
        expected: \(first < expectedLines.count ? String(expectedLines[first]) : "<end>")
        actual:   \(first < actualLines.count ? String(actualLines[first]) : "<end>")
        (CHISO_RECORD_SNAPSHOTS=1 swift test rewrites snapshots)
        """, sourceLocation: sourceLocation)
    }
}
