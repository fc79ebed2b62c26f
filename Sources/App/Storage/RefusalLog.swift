import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Refused requests in the audit log (`request.refused`, `login.throttled`):
/// who, from where, what they asked and why not. A flood must not fill the
/// disk, so each instance writes at most ``perSource`` rows a minute for one
/// user or address and ``overall`` rows a minute in all; the next row
/// written for that source says how many were left out meanwhile.
enum RefusalLog {
    static let perSource = 20
    static let overall = 300
    static let window: TimeInterval = 60

    /// One instance's counts for the current minute.
    final class Budget: Sendable {
        private struct State {
            var windowStart = Date.distantPast
            var total = 0
            var bySource: [String: Int] = [:]
            /// Left out since the source's last written row (kept across windows until written).
            var suppressed: [String: Int] = [:]
        }
        private let state = NIOLockedValueBox(State())

        /// Whether a row for `source` may be written now; if so, how many were left out before it.
        func admit(_ source: String, now: Date = Date()) -> (admitted: Bool, leftOut: Int) {
            state.withLockedValue { state in
                if now.timeIntervalSince(state.windowStart) >= RefusalLog.window {
                    state.windowStart = now
                    state.total = 0
                    state.bySource = [:]
                    if state.suppressed.count > 10_000 { state.suppressed = [:] } // bounded memory under a spray of addresses
                }
                guard state.total < RefusalLog.overall, state.bySource[source, default: 0] < RefusalLog.perSource else {
                    state.suppressed[source, default: 0] += 1
                    return (false, 0)
                }
                state.total += 1
                state.bySource[source, default: 0] += 1
                return (true, state.suppressed.removeValue(forKey: source) ?? 0)
            }
        }
    }

    /// Writes the row unless the budget is spent; never fails the request it describes.
    static func record(_ request: Request, action: String = "request.refused", target: String? = nil, details: [String: String]) async {
        let origin = request.auditOrigin
        let source = origin.userID?.uuidString ?? origin.clientAddress
        let (admitted, leftOut) = request.application.refusalBudget.admit(source)
        guard admitted else { return }
        var after = details
        if leftOut > 0 { after["left_out_before"] = String(leftOut) }
        let event = Audit.Event(origin: origin, action: action, targetType: "request",
                                target: target ?? "\(request.method.rawValue) \(String(request.url.path.prefix(Limits.name)))",
                                before: nil, after: after)
        do {
            try await request.write { db in try await Audit.record(event, on: db) }
        } catch {
            request.logger.report(error: error)
        }
    }
}

extension Application {
    private struct RefusalBudgetKey: StorageKey { typealias Value = RefusalLog.Budget }

    /// Made once in `configure`, shared by every request of this instance.
    var refusalBudget: RefusalLog.Budget {
        get { storage[RefusalBudgetKey.self] ?? RefusalLog.Budget() }
        set { storage[RefusalBudgetKey.self] = newValue }
    }
}
