/// What a user may do is decided by their roles (and agency): see ``Policy``.
enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    case admin
    /// Sở Nội vụ: publishes indexes, runs periods.
    case organizer
    /// Cán bộ đầu mối: enters the agency's self-assessment.
    case editor
    /// Thủ trưởng: approves and submits the agency's self-assessment.
    case head
    /// Thành viên thẩm định: appraises assigned criteria.
    case appraiser
    /// Chủ tịch Hội đồng thẩm định.
    case chair
    /// Lãnh đạo UBND tỉnh: reads everything, rates agencies.
    case leader
    /// Reads the agency's own results.
    case viewer
    /// Văn phòng UBND tỉnh: keeps the register of assigned tasks.
    case taskOfficer

    static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    static func encode(_ roles: Set<Role>) -> String {
        roles.sorted().map(\.rawValue).joined(separator: ",")
    }

    static func decode(_ text: String) -> Set<Role> {
        Set(text.split(separator: ",").compactMap { Role(rawValue: String($0)) })
    }

    /// Roles that work on every agency's data, not only their own.
    var seesAllAgencies: Bool {
        switch self {
        case .admin, .organizer, .appraiser, .chair, .leader: true
        case .editor, .head, .viewer, .taskOfficer: false
        }
    }
}
