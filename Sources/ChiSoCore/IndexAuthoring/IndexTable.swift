/// An index as the people who write it see it: the annex table of a Decision.
///
/// Every cell is text as a person typed it (`1,5`, `≥100%: 8; ≥90%: 6`), so a
/// table may be wrong while someone is still writing it: ``validate()`` turns it
/// into an ``Index`` with ChiSoCore's own reader, or names every problem by
/// sheet, row and column. The Excel workbook (``IndexWorkbook``), the browser
/// editor's drafts and `chiso index convert` all go through this one form.
public struct IndexTable: Sendable, Hashable, Codable {
    /// The general settings (sheet "Thông tin chung").
    public var settings: Settings
    /// One row per node, in tree order; ``CriterionRow/level`` shows the tree.
    public var criteria: [CriterionRow]
    public var classes: [ClassRow]
    public var bonus: [AdjustmentRow]
    public var deductions: [AdjustmentRow]

    public init(settings: Settings = Settings(), criteria: [CriterionRow] = [], classes: [ClassRow] = [],
                bonus: [AdjustmentRow] = [], deductions: [AdjustmentRow] = []) {
        self.settings = settings
        self.criteria = criteria
        self.classes = classes
        self.bonus = bonus
        self.deductions = deductions
    }

    public struct Settings: Sendable, Hashable, Codable {
        public var id = ""
        public var title = ""
        public var scale = ""
        /// `rescale` or `none`, or their words (``IndexNotation/naPolicy(_:)``).
        public var naPolicy = ""
        public var bonusCap = ""
        public var deductionCap = ""

        public init(id: String = "", title: String = "", scale: String = "", naPolicy: String = "",
                    bonusCap: String = "", deductionCap: String = "") {
            self.id = id
            self.title = title
            self.scale = scale
            self.naPolicy = naPolicy
            self.bonusCap = bonusCap
            self.deductionCap = deductionCap
        }
    }

    /// A field, criterion or sub-criterion.
    public struct CriterionRow: Sendable, Hashable, Codable {
        /// 1 for a field (lĩnh vực), 2 for its criteria, and so on.
        public var level: String
        public var code: String
        public var title: String
        public var max: String
        /// How a leaf is scored, in words or by its type name; empty for a group.
        public var rule: String
        /// The rule's parameters, written as an officer writes them (``IndexNotation``).
        public var parameters: String
        public var evidence: String
        /// Agency tags, separated by commas.
        public var notApplicableFor: String
        public var allowNA: String
        public var appraiser: String
        public var source: String
        public var guidance: String
        /// The code of the node this one continues in the version it was made from:
        /// the criterion mapping between the two versions starts from it.
        public var origin: String

        public init(level: String = "1", code: String = "", title: String = "", max: String = "", rule: String = "",
                    parameters: String = "", evidence: String = "", notApplicableFor: String = "", allowNA: String = "",
                    appraiser: String = "", source: String = "", guidance: String = "", origin: String = "") {
            self.level = level
            self.code = code
            self.title = title
            self.max = max
            self.rule = rule
            self.parameters = parameters
            self.evidence = evidence
            self.notApplicableFor = notApplicableFor
            self.allowNA = allowNA
            self.appraiser = appraiser
            self.source = source
            self.guidance = guidance
            self.origin = origin
        }
    }

    /// A class (xếp loại) with its conditions.
    public struct ClassRow: Sendable, Hashable, Codable {
        public var code: String
        public var title: String
        public var min: String
        public var leaderRating: String
        /// `D2 ≤ 0; 1.4.2 ≥ 100%` (spec §3.5).
        public var requires: String

        public init(code: String = "", title: String = "", min: String = "", leaderRating: String = "", requires: String = "") {
            self.code = code
            self.title = title
            self.min = min
            self.leaderRating = leaderRating
            self.requires = requires
        }
    }

    /// A bonus or deduction item.
    public struct AdjustmentRow: Sendable, Hashable, Codable {
        public var code: String
        public var title: String
        public var rule: String
        public var parameters: String
        public var source: String
        public var guidance: String

        public init(code: String = "", title: String = "", rule: String = "", parameters: String = "",
                    source: String = "", guidance: String = "") {
            self.code = code
            self.title = title
            self.rule = rule
            self.parameters = parameters
            self.source = source
            self.guidance = guidance
        }
    }
}
