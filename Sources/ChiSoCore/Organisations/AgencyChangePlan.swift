/// A reorganisation as the administrator asks for it: the change, the agencies it creates, and
/// for a rename the new name. ``AgencyTimeline/problems(_:)`` says what is wrong with it;
/// ``AgencyTimeline/applying(_:)`` gives the timeline after it.
public struct AgencyChangePlan: Sendable, Hashable {
    public var change: AgencyTimeline.Change
    /// Agencies formed by the change (their `began` is set to the effective date).
    public var newMembers: [AgencyTimeline.Member]
    public var newName: String?

    public init(change: AgencyTimeline.Change, newMembers: [AgencyTimeline.Member] = [], newName: String? = nil) {
        self.change = change
        self.newMembers = newMembers
        self.newName = newName
    }

    /// The agencies that end on the effective date (an absorbing successor continues).
    public var ending: [String] {
        switch change.kind {
        case .rename: []
        case .dissolve, .split: change.from
        case .merge: change.from.filter { !change.to.contains($0) }
        }
    }
}

/// What is wrong with a planned reorganisation, in both languages.
public enum OrganisationProblem: Sendable, Hashable, Error {
    case unknownAgency(String)
    case notActive(String, CivilDate)
    case mergeNeedsTwo
    case mergeNeedsOneSuccessor
    case absorbingSuccessorNotMerged(String)
    case splitNeedsOneSource
    case splitNeedsTwo
    case onlyOneAgency
    case noSuccessorsAllowed
    case newNameRequired
    case sameName
    case renamedAfter(CivilDate)
    case codeTaken(String)
    case codeRequired
    case nameRequired(String)
    case groupRequired(String)
    case unusedNewAgency(String)
    case listedTwice(String)

    public func message(_ language: Language) -> String {
        func say(_ text: OrganisationText, _ values: String...) -> String { Placeholders.fill(text.text(language), values) }
        switch self {
        case let .unknownAgency(code): return say(.unknownAgency, code)
        case let .notActive(code, day): return say(.notActive, code, day.vietnamese)
        case .mergeNeedsTwo: return say(.mergeNeedsTwo)
        case .mergeNeedsOneSuccessor: return say(.mergeNeedsOneSuccessor)
        case let .absorbingSuccessorNotMerged(code): return say(.absorbingSuccessorNotMerged, code)
        case .splitNeedsOneSource: return say(.splitNeedsOneSource)
        case .splitNeedsTwo: return say(.splitNeedsTwo)
        case .onlyOneAgency: return say(.onlyOneAgency)
        case .noSuccessorsAllowed: return say(.noSuccessorsAllowed)
        case .newNameRequired: return say(.newNameRequired)
        case .sameName: return say(.sameName)
        case let .renamedAfter(day): return say(.renamedAfter, day.vietnamese)
        case let .codeTaken(code): return say(.codeTaken, code)
        case .codeRequired: return say(.codeRequired)
        case let .nameRequired(code): return say(.nameRequired, code)
        case let .groupRequired(code): return say(.groupRequired, code)
        case let .unusedNewAgency(code): return say(.unusedNewAgency, code)
        case let .listedTwice(code): return say(.listedTwice, code)
        }
    }
}

extension AgencyTimeline {
    /// Every problem of `plan` against this timeline (empty: it may be applied).
    public func problems(_ plan: AgencyChangePlan) -> [OrganisationProblem] {
        let change = plan.change
        let day = change.effective
        var problems: [OrganisationProblem] = []
        let newCodes = plan.newMembers.map(\.code)
        for code in Set(change.from + change.to) where (change.from + change.to).filter({ $0 == code }).count > 1 {
            if !(change.kind == .merge && change.to == [code]) { problems.append(.listedTwice(code)) }
        }
        for code in change.from {
            if members[code] == nil { problems.append(.unknownAgency(code)) }
            else if !isActive(code, on: day) { problems.append(.notActive(code, day)) }
        }
        for member in plan.newMembers {
            if member.code.isEmpty { problems.append(.codeRequired) }
            else if members[member.code] != nil || newCodes.filter({ $0 == member.code }).count > 1 { problems.append(.codeTaken(member.code)) }
            if member.name.isEmpty { problems.append(.nameRequired(member.code)) }
            if member.group.isEmpty { problems.append(.groupRequired(member.code)) }
            if !change.to.contains(member.code) { problems.append(.unusedNewAgency(member.code)) }
        }
        for code in change.to where !newCodes.contains(code) {
            if members[code] == nil { problems.append(.unknownAgency(code)) }
            else if !isActive(code, on: day) { problems.append(.notActive(code, day)) }
        }
        switch change.kind {
        case .merge:
            if Set(change.from).count < 2 { problems.append(.mergeNeedsTwo) }
            if change.to.count != 1 { problems.append(.mergeNeedsOneSuccessor) }
            else if let successor = change.to.first, !newCodes.contains(successor), !change.from.contains(successor) {
                problems.append(.absorbingSuccessorNotMerged(successor))
            }
        case .split:
            if change.from.count != 1 { problems.append(.splitNeedsOneSource) }
            if Set(change.to).count < 2 { problems.append(.splitNeedsTwo) }
        case .rename, .dissolve:
            if change.from.count != 1 { problems.append(.onlyOneAgency) }
            if !change.to.isEmpty || !plan.newMembers.isEmpty { problems.append(.noSuccessorsAllowed) }
            if change.kind == .rename, let code = change.from.first, let member = members[code] {
                let name = (plan.newName ?? "").trimmingSpaces
                if name.isEmpty { problems.append(.newNameRequired) }
                else if name == member.name(on: day) { problems.append(.sameName) }
                if let last = member.formerNames.map(\.until).max(), day <= last { problems.append(.renamedAfter(last)) }
            }
        }
        return problems
    }

    /// The timeline after `plan` (which must have no ``problems(_:)``).
    public func applying(_ plan: AgencyChangePlan) -> AgencyTimeline {
        var next = self
        let day = plan.change.effective
        for code in plan.ending { next.members[code]?.ended = day }
        for var member in plan.newMembers {
            member.began = day
            next.members[member.code] = member
        }
        if plan.change.kind == .rename, let code = plan.change.from.first, let member = members[code], let name = plan.newName {
            next.members[code]?.formerNames.append(FormerName(name: member.name(on: day), until: day))
            next.members[code]?.name = name.trimmingSpaces
        }
        next.changes.append(plan.change)
        next.changes.sort { $0.effective < $1.effective }
        return next
    }
}
