import ArgumentParser
import Foundation
import ChiSoCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading files and writing to the terminal, for the commands.
enum Console {
    /// The file's bytes, or a one-line message saying why it cannot be read.
    static func read(_ path: String) -> Result<[UInt8], ReadFailure> {
        guard let handle = fopen(path, "rb") else {
            return .failure(ReadFailure(message: "\(path): cannot read the file (\(String(cString: strerror(errno))))"))
        }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if count < chunk.count {
                if ferror(handle) != 0 {
                    return .failure(ReadFailure(message: "\(path): cannot read the file (\(String(cString: strerror(errno))))"))
                }
                break
            }
        }
        return .success(bytes)
    }

    /// Writes a whole file at once (to a temporary file renamed into place), so a failure leaves nothing half-written.
    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// The file's bytes; when it cannot be read, says why on standard error and exits 1.
    static func readOrExit(_ path: String) throws -> [UInt8] {
        switch read(path) {
        case let .success(bytes): return bytes
        case let .failure(failure):
            err([failure.message])
            throw ExitCode(1)
        }
    }

    struct ReadFailure: Error {
        var message: String
    }

    static func out(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    static func err(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        write(lines.joined(separator: "\n") + "\n", to: STDERR_FILENO)
    }

    /// All of `text` to a file descriptor, however many writes it takes.
    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                let written = Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if written <= 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}

extension Language: ExpressibleByArgument {}
