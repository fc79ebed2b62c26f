import Foundation
import Vapor

/// Prints an HTML document to an A4 PDF with headless Chromium (Debian's
/// package): the same markup as the pages, with the print stylesheet, so
/// Vietnamese text keeps its diacritics (fonts-noto-core).
enum PDFRenderer {
    enum Failure: Error {
        /// No Chromium on this server (`CHISO_CHROMIUM`).
        case chromiumMissing
        case failed(String)
    }

    static let timeout: TimeInterval = 60

    static func render(html: String, chromium: String?, on threadPool: NIOThreadPool) async throws -> [UInt8] {
        guard let chromium, FileManager.default.isExecutableFile(atPath: chromium) else { throw Failure.chromiumMissing }
        return try await threadPool.runIfActive {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chiso-pdf-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let page = folder.appendingPathComponent("page.html"), output = folder.appendingPathComponent("page.pdf")
            try Data(html.utf8).write(to: page)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chromium)
            process.arguments = [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-pdf-header-footer",
                "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--print-to-pdf=\(output.path)", page.absoluteString,
            ]
            process.environment = ["HOME": folder.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
            process.standardOutput = FileHandle.nullDevice
            // Chromium can log a lot: to a file, so that a full pipe never blocks it.
            let log = folder.appendingPathComponent("chromium.log")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            let logHandle = try FileHandle(forWritingTo: log)
            defer { try? logHandle.close() }
            process.standardError = logHandle
            try process.run()
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning {
                if Date() > deadline {
                    process.terminate()
                    throw Failure.failed("Chromium did not finish in \(Int(timeout)) s")
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
            let bytes = (try? Data(contentsOf: output)).map { Array($0) } ?? []
            guard process.terminationStatus == 0, bytes.starts(with: Array("%PDF-".utf8)) else {
                let message = String(decoding: ((try? Data(contentsOf: log)) ?? Data()).suffix(2000), as: UTF8.self)
                throw Failure.failed("Chromium exit \(process.terminationStatus): \(message)")
            }
            return bytes
        }
    }
}
