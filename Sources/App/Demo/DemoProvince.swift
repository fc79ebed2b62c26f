import ChiSoCore
import Crypto
import Fluent
import Foundation
import Vapor

/// The invented demo province ("tỉnh minh hoạ"): its departments and
/// communes, one account per role (and an editor and a head per agency),
/// the two shipped indexes, published 2024 and 2025 periods on either side
/// of the 2025 reform (``DemoReform``: merged departments and communes), and
/// the open 2026 period with partly filled self-assessments. Loading twice
/// changes nothing.
enum DemoProvince {
    static let password = "ChiSo@2026"

    struct Account: Sendable {
        var username: String
        var displayName: String
        var agencyCode: String
        var roles: Set<Role>
    }

    /// The accounts printed by `chiso demo` (agency editors and heads follow a pattern).
    static let namedAccounts: [Account] = [
        Account(username: "admin", displayName: "Quản trị hệ thống", agencyCode: "SNV", roles: [.admin]),
        Account(username: "sonoivu", displayName: "Nguyễn Thị Lan (Sở Nội vụ)", agencyCode: "SNV", roles: [.organizer]),
        Account(username: "thamdinh.stp", displayName: "Trần Văn Minh (Sở Tư pháp)", agencyCode: "STP", roles: [.appraiser]),
        Account(username: "thamdinh.stc", displayName: "Lê Thu Hà (Sở Tài chính)", agencyCode: "STC", roles: [.appraiser]),
        Account(username: "thamdinh.vpub", displayName: "Phạm Quốc Huy (Văn phòng UBND tỉnh)", agencyCode: "VPUB", roles: [.appraiser]),
        Account(username: "chutich.hd", displayName: "Hoàng Minh Đức (Chủ tịch Hội đồng)", agencyCode: "SNV", roles: [.chair]),
        Account(username: "lanhdao", displayName: "Võ Thanh Sơn (Phó Chủ tịch UBND tỉnh)", agencyCode: "VPUB", roles: [.leader]),
        Account(username: "chutich.ubnd", displayName: "Trần Văn Bình (Chủ tịch UBND tỉnh)", agencyCode: "VPUB", roles: [.leader]),
        Account(username: "xem.sct", displayName: "Đặng Thu Trang (Sở Công Thương)", agencyCode: "SCT", roles: [.viewer]),
        Account(username: "nhiemvu.vpub", displayName: "Bùi Hải Yến (Văn phòng UBND tỉnh)", agencyCode: "VPUB", roles: [.taskOfficer]),
    ]

    static func editorUsername(_ agencyCode: String) -> String { agencyCode.lowercased() + ".daumoi" }
    static func headUsername(_ agencyCode: String) -> String { agencyCode.lowercased() + ".thutruong" }

    struct Summary: Sendable {
        var loaded: Bool
        var agencies: Int
        var users: Int
    }

    /// Loads the province unless it is there already.
    static func load(on app: Application, resources: URL, now: Date = Date()) async throws -> Summary {
        if try await UserModel.query(on: app.db).filter(\.$username == "admin").first() != nil {
            return Summary(loaded: false, agencies: try await AgencyModel.query(on: app.db).count(),
                           users: try await UserModel.query(on: app.db).count())
        }
        let agencyRows = try AgencyListReader.read(Array(DemoResources.text("samples/agencies-so.csv", in: resources).utf8))
            + AgencyListReader.read(Array(DemoResources.text("samples/agencies-xa.csv", in: resources).utf8))
        let yaml = [
            "so": try DemoResources.text("indexes/so-2026.yaml", in: resources),
            "xa": try DemoResources.text("indexes/xa-2026.yaml", in: resources),
        ]
        // One bcrypt hash for every demo account (they share the demo password).
        let hash = try await app.threadPool.runIfActive { try Passwords.hash(password) }
        let summary = try await app.write { db in
            let origin = Audit.Origin.system
            // Agencies.
            var agencies: [String: AgencyModel] = [:]
            for row in agencyRows + DemoReform.ended {
                let model = AgencyModel(code: row.code, name: row.name, group: row.group, tags: row.tags)
                try await model.create(on: db)
                agencies[row.code] = model
            }
            try await DemoReform.record(agencies: agencies, on: db)
            /// The agencies active on a day, as the list of agencies.
            func rows(activeOn day: CivilDate) -> [Agency] {
                (agencyRows + DemoReform.ended).filter { row in
                    let agency = agencies[row.code]!
                    return !agency.isRetired(on: day) && (agency.began.map { $0 <= day } ?? true)
                }
            }
            // Accounts.
            var users: [UserModel] = []
            for account in namedAccounts {
                guard let agency = agencies[account.agencyCode] else { throw DemoError.invalidData("no agency \(account.agencyCode)") }
                users.append(UserModel(username: account.username, displayName: account.displayName, passwordHash: hash,
                                       agencyID: try agency.requireID(), roles: account.roles, mustChangePassword: false))
            }
            for row in agencyRows {
                let agencyID = try agencies[row.code]!.requireID()
                users.append(UserModel(username: editorUsername(row.code), displayName: "Cán bộ đầu mối \(row.name)",
                                       passwordHash: hash, agencyID: agencyID, roles: [.editor], mustChangePassword: false))
                users.append(UserModel(username: headUsername(row.code), displayName: "Thủ trưởng \(row.name)",
                                       passwordHash: hash, agencyID: agencyID, roles: [.head], mustChangePassword: false))
            }
            try await users.create(on: db)
            let organizerID = users.first { $0.username == "sonoivu" }?.id
            let chairID = users.first { $0.username == "chutich.hd" }?.id

            // Indexes: the shipped 2026 ones, and 2025 and 2024 editions of them for the years before.
            var versions: [String: IndexVersionModel] = [:]
            var parsed: [String: Index] = [:]
            for (group, text) in yaml {
                for year in ["2024", "2025", "2026"] {
                    let source = year == "2026" ? text : edition(text, year: year)
                    let index = try IndexReader.read(yaml: source)
                    let version = IndexVersionModel(code: index.id, version: 1, title: index.title, yaml: source,
                                                    sha256: SHA256.hash(data: Data(source.utf8)).hexDigits,
                                                    leafCount: index.leafPositions.count, uploadedBy: organizerID)
                    try await version.create(on: db)
                    versions["\(group)-\(year)"] = version
                    parsed["\(group)-\(year)"] = index
                }
            }

            // One small PDF as the evidence behind every demo leaf (stored once: content-addressed).
            let evidence = try await EvidenceStore.store(DemoEvidence.pdf, on: db)

            // 2024 (under the departments and communes before the reform) and 2025: finished and published.
            func day(_ year: Int, _ month: Int, _ day: Int) -> Date { Formats.endOfDay(year: year, month: month, day: day)! }
            let earlier = PeriodModel(name: "Năm 2024", kind: .year, year: 2024, number: nil, status: .draft,
                                      selfAssessmentDeadline: day(2024, 12, 15), appraisalDeadline: day(2025, 1, 20),
                                      explanationDeadline: day(2025, 2, 5))
            try await earlier.create(on: db)
            let past = PeriodModel(name: "Năm 2025", kind: .year, year: 2025, number: nil, status: .draft,
                                   selfAssessmentDeadline: day(2025, 12, 15), appraisalDeadline: day(2026, 1, 20),
                                   explanationDeadline: day(2026, 2, 5))
            try await past.create(on: db)
            let current = PeriodModel(name: "Năm 2026", kind: .year, year: 2026, number: nil, status: .draft,
                                      selfAssessmentDeadline: day(2026, 12, 15), appraisalDeadline: day(2027, 1, 20),
                                      explanationDeadline: day(2027, 2, 5))
            try await current.create(on: db)
            // Each opened when it was: the agencies active then are assessed.
            for (period, year, opened) in [(earlier, "2024", day(2024, 6, 1)), (past, "2025", day(2025, 9, 1)), (current, "2026", now)] {
                var assignments: [PeriodIndexModel] = []
                for group in ["so", "xa"] {
                    let assignment = PeriodIndexModel(periodID: try period.requireID(), group: group,
                                                      indexVersionID: try versions["\(group)-\(year)"]!.requireID())
                    try await assignment.create(on: db)
                    assignments.append(assignment)
                }
                try await PeriodController.openPeriod(period, assignments: assignments, on: db, origin: origin, now: opened)
            }
            for period in [earlier, past] {
                period.status = .published
                try await period.update(on: db)
            }
            // The organiser declared last year's task, survey and rating data complete before it was finalised;
            // this year's are still being kept, so their criteria are provisional.
            let pastSets = Set(parsed.filter { $0.key.hasSuffix("-2025") }.values.flatMap(\.dataSets)).sorted()
            let declarations = try [earlier, past].flatMap { period in
                try pastSets.map { set in
                    SourceDeclarationModel(periodID: try period.requireID(), dataSet: set,
                                           checkedOn: CivilDate(year: period.year + 1, month: 1, day: 12)!, declaredBy: organizerID, declaredAt: now)
                }
            }
            // …and published it with the provincial People's Committee's decision.
            let decision = PeriodDecisionModel(periodID: try past.requireID(), number: "215/QĐ-UBND", signedOn: "2026-01-20",
                                               issuer: "UBND tỉnh Minh Hoạ", signer: "Trần Văn Bình", signerAuthority: "KT. CHỦ TỊCH",
                                               signerPosition: "PHÓ CHỦ TỊCH", recordedBy: organizerID, recordedAt: now)
            let earlierDecision = PeriodDecisionModel(periodID: try earlier.requireID(), number: "18/QĐ-UBND", signedOn: "2025-01-22",
                                                      issuer: "UBND tỉnh Minh Hoạ", signer: "Trần Văn Bình", signerAuthority: "KT. CHỦ TỊCH",
                                                      signerPosition: "PHÓ CHỦ TỊCH", recordedBy: organizerID, recordedAt: now)

            // Tasks, survey results and leader ratings: the data behind sourced criteria.
            let today = CivilDate(now)
            let demoTasks = DemoSources.tasks(agencies: agencyRows.map { agencies[$0.code]! }, today: today)
            var taskModels: [TaskModel] = []
            for task in demoTasks {
                taskModels.append(TaskModel(sourceID: task.sourceID, document: task.document, documentDate: task.documentDate,
                                            issuer: task.issuer, agencyID: try agencies[task.agency]!.requireID(), content: task.content,
                                            deadline: task.deadline, completedOn: task.completedOn, completionNote: task.completionNote))
            }
            for batch in stride(from: 0, to: taskModels.count, by: 500) {
                try await Array(taskModels[batch..<min(batch + 500, taskModels.count)]).create(on: db)
            }
            for (task, model) in zip(demoTasks, taskModels) {
                guard let deadline = task.extendedDeadline, let document = task.extensionDocument else { continue }
                try await TaskExtensionModel(taskID: try model.requireID(), document: document, documentDate: task.extensionDate,
                                             newDeadline: deadline).create(on: db)
            }
            let tasksByAgency = Dictionary(grouping: demoTasks.map(\.assignedTask), by: \.agency)
            // Leaders' criteria: the chair's own ("Chủ tịch UBND tỉnh đánh giá") to the chair, the others to the vice-chair.
            let viceChairID = try users.first { $0.username == "lanhdao" }!.requireID()
            let provinceChairID = try users.first { $0.username == "chutich.ubnd" }!.requireID()
            func rater(_ node: Criterion) -> UUID { node.title.hasPrefix("Chủ tịch") ? provinceChairID : viceChairID }
            for period in [earlier, past, current] {
                for (key, index) in parsed where key.hasSuffix("-\(period.year)") {
                    for node in index.nodes where node.leaf?.source == .leaders {
                        try await LeaderAssignmentModel(periodID: try period.requireID(), indexCode: index.id, criterionCode: node.code,
                                                        userID: rater(node)).create(on: db)
                    }
                }
            }
            var figures: [String: SourceFigures] = [:]
            let showcase = DemoAdjustments.showcase(among: agencyRows.filter { $0.group == "so" }.map(\.code))
            for (period, opened) in [(earlier, CivilDate(year: 2024, month: 6, day: 1)!), (past, CivilDate(year: 2025, month: 9, day: 1)!),
                                     (current, CivilDate(now))] {
                let year = period.year
                let range = period.range!
                for row in rows(activeOn: opened) {
                    let index = parsed["\(row.group)-\(year)"]!
                    let agencyID = try agencies[row.code]!.requireID()
                    var sources = SourceFigures(tasks: TaskTally.tally(tasksByAgency[row.code] ?? [], in: range, asOf: range.asOf(today)))
                    for node in index.nodes where node.leaf?.source == .survey {
                        let excellent = year == 2025 && row.code == showcase
                        let percentage = excellent ? DecimalNumber(98) : DemoSources.survey(agency: row.code, year: year, criterion: node.code)
                        sources.surveys[node.code] = percentage
                        try await SurveyResultModel(periodID: try period.requireID(), agencyID: agencyID, criterionCode: node.code,
                                                    percentage: percentage.description,
                                                    surveyName: node.code == "4.3" ? "Phiếu đánh giá phối hợp của các sở, ngành \(year)" : "Khảo sát SIPAS \(year)",
                                                    sampleSize: DemoSources.sampleSize(agency: row.code)).create(on: db)
                    }
                    for node in index.nodes where node.leaf?.source == .leaders {
                        let best: String? = if case let .levels(levels)? = node.leaf?.rule, year == 2025, row.code == showcase { levels.first?.code } else { nil }
                        guard let level = best ?? DemoSources.rating(agency: row.code, year: year, criterion: node) else { continue }
                        sources.leaderLevels[node.code] = level
                        try await LeaderRatingModel(periodID: try period.requireID(), agencyID: agencyID, criterionCode: node.code,
                                                    level: level, ratedBy: rater(node), ratedAt: now).create(on: db)
                    }
                    figures["\(row.code)-\(year)"] = sources
                }
            }

            // Entries.
            let assessments = try await AssessmentModel.query(on: db).with(\.$agency).with(\.$period).all()
            var entries: [CriterionEntryModel] = []
            var links: [EvidenceLinkModel] = []
            var documents: [DeductionDocumentModel] = []
            for assessment in assessments {
                let agency = assessment.agency
                let year = assessment.period.year
                let isPast = year < 2026
                let index = parsed["\(agency.group)-\(year)"]!
                var random = DemoRandom(seed: agency.code + String(year))
                // The showcase of a condition on the top class did excellent work in 2025 (see DemoAdjustments).
                let drawn = 0.55 + 0.42 * random.unit()
                let excellent = year == 2025 && agency.code == showcase
                let quality = excellent ? 1.0 : drawn
                // In 2026, a few agencies have submitted (one is being appraised, one has its preliminary
                // result); of the others about two in three have started, each part way through.
                let stage = isPast ? nil : DemoProvince.stage2026[agency.code]
                let share = isPast || stage != nil ? 1.0 : (random.unit() < 0.67 ? 0.3 + 0.6 * random.unit() : 0)
                var sheetSelf = ScoreSheet(for: index), sheetFinal = ScoreSheet(for: index)
                let sources = figures["\(agency.code)-\(year)"] ?? SourceFigures(tasks: nil)
                for position in index.leafPositions where random.unit() < share || index.nodes[position].leaf?.source != nil {
                    let node = index.nodes[position]
                    // A sourced leaf takes the data's figure; the agency types the others.
                    let sourced = node.leaf?.source != nil
                    let drawnText = DemoInputs.value(for: node, quality: quality, random: &random)
                    guard let text = sourced ? sources.inputText(for: node) : excellent ? DemoInputs.best(for: node) : drawnText
                    else { continue }
                    let entry = CriterionEntryModel(assessmentID: try assessment.requireID(), criterionCode: node.code)
                    entry.selfInput = sourced ? nil : text
                    entry.revision = 1
                    let hasEvidence = random.unit() < 0.92 || excellent
                    if hasEvidence {
                        let link = EvidenceLinkModel()
                        link.$assessment.id = try assessment.requireID()
                        link.criterionCode = node.code
                        link.$file.id = try evidence.requireID()
                        link.fileName = "\(agency.code)-\(node.code)-kiem-chung.pdf"
                        links.append(link)
                    }
                    let value = try InputReading.read(text, for: .criterion(position), in: index).get()
                    sheetSelf[.criterion(position)] = Entry(value: value, evidence: hasEvidence ? 1 : 0)
                    if isPast || stage == .released || (stage == .appraising && random.unit() < 0.5) {
                        // Appraisal takes a little off here and there.
                        let adjusted = random.unit() < 0.12 && !excellent ? DemoInputs.lower(text, for: node) : text
                        entry.appraisedInput = adjusted
                        if adjusted != text { entry.appraisalComment = "Tài liệu kiểm chứng chưa đầy đủ, điều chỉnh theo kết quả thẩm định." }
                        let finalValue = try InputReading.read(adjusted, for: .criterion(position), in: index).get()
                        sheetFinal[.criterion(position)] = Entry(value: finalValue, evidence: hasEvidence ? 1 : 0)
                        entry.appraisedAt = isPast ? Formats.endOfDay(year: year + 1, month: 1, day: 10) : now
                        entry.$appraisedBy.id = chairID
                    } else {
                        sheetFinal[.criterion(position)] = sheetSelf[.criterion(position)]
                    }
                    entries.append(entry)
                }
                if isPast {
                    // Bonus proposals the council confirmed, deductions it recorded, and the late-submission
                    // deduction the workflow gives (every 2025 submission was on time) — confirmed like the rest.
                    let decided = Formats.endOfDay(year: year + 1, month: 1, day: 10)
                    var adjustments = DemoAdjustments.entries(agency: agency.code, showcase: showcase, index: index, random: &random)
                    for item in index.bonus + index.deductions where item.source == .submissionLate {
                        adjustments.append(.init(code: item.code, value: "0", proposed: false))
                    }
                    for adjustment in adjustments {
                        guard let item = index.itemsByCode()[adjustment.code] else { continue }
                        let entry = CriterionEntryModel(assessmentID: try assessment.requireID(), criterionCode: adjustment.code)
                        if adjustment.proposed {
                            entry.selfInput = adjustment.value
                            entry.selfNote = adjustment.note
                        }
                        entry.appraisedInput = adjustment.value
                        entry.appraisalComment = adjustment.reason
                        entry.appraisedAt = decided
                        entry.$appraisedBy.id = chairID
                        entry.revision = 1
                        entries.append(entry)
                        let value = try InputReading.read(adjustment.value, for: item, in: index).get()
                        if adjustment.proposed { sheetSelf[item] = Entry(value: value) }
                        sheetFinal[item] = Entry(value: value)
                        if let document = adjustment.document {
                            documents.append(DeductionDocumentModel(assessmentID: try assessment.requireID(), criterionCode: adjustment.code,
                                                                    number: document.number, issuedOn: document.issuedOn.iso,
                                                                    issuer: document.issuer, recordedBy: chairID, recordedAt: decided ?? now))
                        }
                    }
                }
                let scorer = Scorer(index: index)
                if let stage {
                    assessment.state = stage.rawValue
                    assessment.submittedAt = now
                    assessment.firstSubmittedAt = now
                    try await assessment.update(on: db)
                }
                if isPast {
                    let finalScore = scorer.score(tags: agency.tagList, sheet: sheetFinal)
                    assessment.state = AssessmentState.published.rawValue
                    assessment.finalScore = finalScore.final.fixed(2)
                    assessment.classCode = index.classes[finalScore.classPosition].code
                    assessment.submittedAt = Formats.endOfDay(year: year, month: 12, day: 10)
                    assessment.firstSubmittedAt = assessment.submittedAt
                    try await assessment.update(on: db)
                }
            }
            for batch in stride(from: 0, to: entries.count, by: 500) {
                try await Array(entries[batch..<min(batch + 500, entries.count)]).create(on: db)
            }
            for batch in stride(from: 0, to: links.count, by: 500) {
                try await Array(links[batch..<min(batch + 500, links.count)]).create(on: db)
            }
            if !documents.isEmpty { try await documents.create(on: db) }
            try await declarations.create(on: db)
            try await decision.create(on: db)
            try await earlierDecision.create(on: db)
            try await InstallationIdentity.demoProvince.save(by: nil, origin: origin, on: db)
            try await InstallationIdentity.saveGroupNames(["so": .init(vietnamese: "sở, ban, ngành", english: "departments"),
                                                           "xa": .init(vietnamese: "xã, phường", english: "communes and wards")],
                                                          origin: origin, on: db)
            try await Audit.record(on: db, origin, action: "demo.load", targetType: "province", target: "demo",
                                   after: ["agencies": String(agencies.count), "users": String(users.count),
                                           "entries": String(entries.count)], at: now)
            return Summary(loaded: true, agencies: agencies.count, users: users.count)
        }
        // The monthly history of the open year, as the snapshot job would have kept it.
        let today = CivilDate(now)
        for month in 2...12 {
            guard let first = CivilDate(year: 2026, month: month, day: 1), first <= today else { break }
            try await MonthlySnapshots.take(on: first, replace: true, store: app.assessments, logger: app.logger)
        }
        return summary
    }

    /// Where some agencies stand in 2026, so that every role finds work in the demo.
    static let stage2026: [String: AssessmentState] = [
        "STP": .submitted, "SXD": .submitted, "XA-BINHMINH": .submitted,
        "SYT": .appraising, "XA-CAMGIANG": .appraising,
        "SCT": .released,
    ]

    /// An earlier year's edition of a 2026 index: the same tree under that year's id and title.
    static func edition(_ yaml: String, year: String) -> String {
        yaml.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("id: ") || line.hasPrefix("title: ") ? line.replacingOccurrences(of: "2026", with: year) : String(line)
        }.joined(separator: "\n")
    }
}

/// A deterministic generator (SplitMix64 seeded from text), so that every machine gets the same
/// demo province (and the tests the same random data).
struct DemoRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: String) {
        state = 1469598103934665603
        for byte in seed.utf8 { state = (state ^ UInt64(byte)) &* 1099511628211 }
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// In [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}

/// Plausible inputs for each rule type: good ones with probability `quality`.
enum DemoInputs {
    static func value(for node: Criterion, quality: Double, random: inout DemoRandom) -> String {
        let good = random.unit() < quality
        switch node.leaf!.rule {
        case .yesno: return good ? random.pick(["có", "đạt", "1"]) : random.pick(["không", "0"])
        case .tiers, .percent: return good ? random.pick(["100", "98,5", "95"]) : random.pick(["92", "88", "85,5", "79"])
        case .ratio: return good ? random.pick(["100", "96", "120"]) : "\(30 + Int(random.next() % 18))/50"
        case .count: return good ? random.pick(["1", "2", "3"]) : random.pick(["0", "1"])
        case .deduct: return good ? "0" : random.pick(["1", "2", "3"])
        case let .levels(levels): return good ? levels[0].code : levels[min(levels.count - 1, 1 + Int(random.next() % 2))].code
        case let .manual(step):
            let steps = (node.max.significand(atScale: 4) / step.significand(atScale: 4))
            let chosen = good ? steps : steps * 2 / 3
            return (step * Int(chosen)).vietnamese()
        }
    }

    /// The input that earns a leaf its max.
    static func best(for node: Criterion) -> String {
        switch node.leaf!.rule {
        case .yesno: return "có"
        case .tiers, .percent, .ratio: return "100"
        case let .count(per, cap):
            let needed = min(cap ?? node.max, node.max)
            var count = 0
            while per * count < needed { count += 1 }
            return String(count)
        case .deduct: return "0"
        case let .levels(levels): return levels[0].code
        case .manual: return node.max.vietnamese()
        }
    }

    /// A somewhat lower input for the same leaf (what an appraiser might decide).
    static func lower(_ text: String, for node: Criterion) -> String {
        switch node.leaf!.rule {
        case .yesno: return "không"
        case .tiers, .percent: return "85"
        case .ratio: return "40/50"
        case .count: return "0"
        case .deduct: return String((Int(text) ?? 0) + 1)
        case let .levels(levels): return levels[min(levels.count - 1, (levels.firstIndex { $0.code == text } ?? 0) + 1)].code
        case .manual: return "0"
        }
    }
}

/// A one-page PDF that says it is demo evidence.
enum DemoEvidence {
    static let pdf: [UInt8] = {
        let text = "ChiSo - tai lieu kiem chung minh hoa (demo evidence)"
        let stream = "BT /F1 14 Tf 50 780 Td (\(text)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (number, object) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(number + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { out += String(format: "%010d 00000 n \n", offset) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }()
}
