import Fluent
import NIOConcurrencyHelpers
import Vapor

/// One writer at a time on SQLite, with group commit. SQLite allows a
/// single writer; a read transaction that later writes can be refused with
/// "database is locked" when another connection committed meanwhile, which
/// no busy timeout cures. Every write therefore goes through
/// ``Request/write(_:)``, which queues it here.
///
/// The writes waiting while one transaction runs are then run together, in
/// arrival order, in the next transaction: one BEGIN and one COMMIT (one
/// disk flush) for all of them, which is what lets many agencies save at
/// once on the deadline day. Each caller is answered only after the COMMIT.
/// When that shared transaction fails, nothing of it was written, and each
/// of its writes is run again in a transaction of its own, so that one
/// failing write never takes the others down with it.
///
/// PostgreSQL needs no gate: it has row locks, MVCC and its own group commit.
actor WriteGate {
    private struct Job {
        let body: @Sendable (any Database) async throws -> Void
        let continuation: CheckedContinuation<Void, any Error>
    }

    /// The most writes one transaction takes.
    static let batchLimit = 256

    private var pending: [Job] = []
    private var draining = false
    /// Transactions run and writes committed, for tests and benchmarks.
    private(set) var transactions = 0
    private(set) var writes = 0

    func run(on db: any Database, _ body: @escaping @Sendable (any Database) async throws -> Void) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            pending.append(Job(body: body, continuation: continuation))
            if !draining {
                draining = true
                Task { await self.drain(db) }
            }
        }
    }

    private func drain(_ db: any Database) async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(Self.batchLimit))
            pending.removeFirst(batch.count)
            do {
                try await db.transaction { transaction in
                    for job in batch { try await job.body(transaction) }
                }
                transactions += 1
                writes += batch.count
                for job in batch { job.continuation.resume() }
            } catch {
                guard batch.count > 1 else {
                    batch[0].continuation.resume(throwing: error)
                    continue
                }
                // Rolled back as a whole: each write again, alone.
                for job in batch {
                    do {
                        try await db.transaction { transaction in try await job.body(transaction) }
                        transactions += 1
                        writes += 1
                        job.continuation.resume()
                    } catch {
                        job.continuation.resume(throwing: error)
                    }
                }
            }
        }
        draining = false
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

    /// Runs `body` in one transaction (on SQLite, behind the write gate, possibly
    /// together with other writes: `body` must not assume it is alone in its transaction).
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let gate = writeGate else { return try await db.transaction(body) }
        let result = NIOLockedValueBox<T?>(nil)
        try await gate.run(on: db) { transaction in
            let value = try await body(transaction)
            result.withLockedValue { $0 = value }
        }
        return result.withLockedValue { $0 }!
    }
}

extension Request {
    /// Every change a request makes goes through here: one transaction, so
    /// that nothing half-written reaches the database.
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await application.write(body)
    }
}
