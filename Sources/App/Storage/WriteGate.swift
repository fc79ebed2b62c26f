import Fluent
import Vapor

/// One writer at a time on SQLite. SQLite allows a single writer; a read
/// transaction that later writes can be refused with "database is locked"
/// when another connection committed meanwhile, which no busy timeout
/// cures. Every write therefore goes through ``Request/write(_:)``, which
/// queues writers here (in arrival order) and runs each in one transaction.
/// PostgreSQL needs no gate: it has row locks and MVCC.
actor WriteGate {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}

extension Application {
    private struct WriteGateKey: StorageKey {
        typealias Value = WriteGate
    }

    /// Set when the database is SQLite.
    var writeGate: WriteGate? {
        get { storage[WriteGateKey.self] }
        set { storage[WriteGateKey.self] = newValue }
    }

    /// Runs `body` in one transaction, behind the write gate on SQLite.
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let gate = writeGate else { return try await db.transaction(body) }
        await gate.acquire()
        do {
            let result = try await db.transaction(body)
            await gate.release()
            return result
        } catch {
            await gate.release()
            throw error
        }
    }
}

extension Request {
    /// Every change a request makes goes through here: one transaction, so
    /// that nothing half-written reaches the database.
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await application.write(body)
    }
}
