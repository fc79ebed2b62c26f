import ChiSoCore
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Who issues this installation's documents: the province, the issuing body and the place used in
/// dates, as the administrator set them (``InstallationIdentityModel``). Every page and export
/// reads the application's cached copy (``IdentityCache``).
struct InstallationIdentity: Sendable, Equatable {
    var province: String
    var issuingBody: String
    var place: String
    /// The database holds the invented demo province: pages say so.
    var demo: Bool
    /// The ranking groups' names by code (Vietnamese, English), set apart from the rest (``saveGroupNames``).
    var groupNames: [String: GroupName] = [:]

    struct GroupName: Sendable, Equatable {
        var vietnamese: String
        var english: String
    }

    /// A group as pages name it: its name in the language (the Vietnamese one when no English one is
    /// given), or its code when it has none.
    func groupName(_ code: String, _ language: Lang) -> String {
        guard let name = groupNames[code] else { return code }
        return language == .english && !name.english.isEmpty ? name.english : name.vietnamese
    }

    static let unset = InstallationIdentity(province: "", issuingBody: "", place: "", demo: false)
    /// The demo's: what `chiso demo` sets.
    static let demoProvince = InstallationIdentity(province: "Tỉnh Minh Hoạ", issuingBody: "UBND TỈNH MINH HOẠ", place: "Minh Hoạ", demo: true)

    var isSet: Bool { !province.isEmpty && !issuingBody.isEmpty && !place.isEmpty }

    /// The issuing body as documents print it; dots where none is set yet, as on a blank form.
    var issuingBodyLine: String { issuingBody.isEmpty ? "………………" : issuingBody.uppercased() }

    /// "Minh Hoạ, ngày 07 tháng 12 năm 2026", as Vietnamese documents date themselves.
    func placeAndDate(_ day: CivilDate) -> String {
        let place = place.isEmpty ? "………" : place
        let pad = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return "\(place), ngày \(pad(day.day)) tháng \(pad(day.month)) năm \(day.year)"
    }

    static func load(on db: any Database) async throws -> InstallationIdentity {
        var identity = InstallationIdentity.unset
        if let row = try await InstallationIdentityModel.query(on: db).first() {
            identity = InstallationIdentity(province: row.province, issuingBody: row.issuingBody, place: row.place, demo: row.demo)
        }
        for group in try await AgencyGroupModel.query(on: db).all() {
            identity.groupNames[group.code] = GroupName(vietnamese: group.name, english: group.englishName)
        }
        return identity
    }

    /// Stores the identity (the one row), with its audit row, in the caller's transaction.
    /// Names the ranking groups (an empty name removes it: the code is shown), each change audited.
    static func saveGroupNames(_ names: [String: GroupName], origin: Audit.Origin, on db: any Database) async throws {
        let existing = Dictionary(try await AgencyGroupModel.query(on: db).all().map { ($0.code, $0) }) { first, _ in first }
        for (code, name) in names.sorted(by: { $0.key < $1.key }) {
            let row = existing[code]
            let before = row.map { ["name": $0.name, "english_name": $0.englishName] }
            if name.vietnamese.isEmpty {
                guard let row else { continue }
                try await row.delete(on: db)
            } else {
                guard row?.name != name.vietnamese || row?.englishName != name.english else { continue }
                let stored = row ?? AgencyGroupModel(code: code, name: "", englishName: "")
                stored.name = name.vietnamese
                stored.englishName = name.english
                try await stored.save(on: db)
            }
            try await Audit.record(on: db, origin, action: "installation.group_name", targetType: "group", target: code, before: before,
                                   after: ["name": name.vietnamese, "english_name": name.english])
        }
    }

    func save(by userID: UUID?, origin: Audit.Origin, on db: any Database) async throws {
        let row = try await InstallationIdentityModel.query(on: db).first()
        let before = row.map { ["province": $0.province, "issuing_body": $0.issuingBody, "place": $0.place, "demo": String($0.demo)] }
        let stored = row ?? InstallationIdentityModel(province: "", issuingBody: "", place: "", demo: false, updatedBy: nil)
        stored.province = province
        stored.issuingBody = issuingBody
        stored.place = place
        stored.demo = demo
        stored.$updatedBy.id = userID
        stored.updatedAt = Date()
        try await stored.save(on: db)
        try await Audit.record(on: db, origin, action: "installation.identity", targetType: "installation", target: "identity", before: before,
                               after: ["province": province, "issuing_body": issuingBody, "place": place, "demo": String(demo)])
    }
}

/// The identity as this process last read it: refreshed from the database at most every
/// ``maxAge`` (another instance may have changed it) and at once after a change made here.
final class IdentityCache: Sendable {
    static let maxAge: TimeInterval = 30
    private let state = NIOLockedValueBox<(identity: InstallationIdentity, readAt: Date?)>((.unset, nil))

    var current: InstallationIdentity { state.withLockedValue { $0.identity } }

    var isStale: Bool {
        state.withLockedValue { $0.readAt.map { Date().timeIntervalSince($0) > Self.maxAge } ?? true }
    }

    func set(_ identity: InstallationIdentity) {
        state.withLockedValue { $0 = (identity, Date()) }
    }

    func reload(on db: any Database) async throws {
        set(try await InstallationIdentity.load(on: db))
    }
}

extension Application {
    private struct IdentityCacheKey: StorageKey { typealias Value = IdentityCache }

    /// Made in `configure` before the app serves, so that concurrent requests share one.
    var identityCache: IdentityCache {
        get {
            if let cache = storage[IdentityCacheKey.self] { return cache }
            let cache = IdentityCache()
            storage[IdentityCacheKey.self] = cache
            return cache
        }
    }

    /// The installation's identity (cached; see ``IdentityCache``).
    var identity: InstallationIdentity { identityCache.current }
}

/// Keeps ``IdentityCache`` fresh: before a request, if the copy is older than its limit, it is read again.
struct IdentityRefresh: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let cache = request.application.identityCache
        if cache.isStale { try? await cache.reload(on: request.db) }
        return try await next.respond(to: request)
    }
}
