import Foundation

/// Finds the repository's `Resources/` folder (shipped indexes and sample
/// agency lists): `CHISO_RESOURCES`, else the working directory or one of
/// the executable's parent folders (so `swift run chiso demo` works from
/// the repository).
enum DemoResources {
    static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        var candidates: [URL] = []
        if let configured = environment["CHISO_RESOURCES"], !configured.isEmpty {
            candidates.append(URL(fileURLWithPath: configured))
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Resources"))
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(folder.appendingPathComponent("Resources"))
            folder = folder.deletingLastPathComponent()
        }
        for candidate in candidates
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("indexes/so-2026.yaml").path) {
            return candidate
        }
        throw DemoError.resourcesNotFound(candidates.map(\.path))
    }

    static func text(_ relativePath: String, in folder: URL) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(relativePath), encoding: .utf8)
    }
}

enum DemoError: Error, CustomStringConvertible {
    case resourcesNotFound([String])
    case invalidData(String)

    var description: String {
        switch self {
        case let .resourcesNotFound(paths):
            "Không tìm thấy thư mục Resources (chứa indexes/so-2026.yaml). Chạy lệnh từ thư mục gốc của dự án hoặc đặt CHISO_RESOURCES. Đã tìm: \(paths.joined(separator: ", "))"
        case let .invalidData(detail):
            "Dữ liệu minh hoạ không hợp lệ: \(detail)"
        }
    }
}
