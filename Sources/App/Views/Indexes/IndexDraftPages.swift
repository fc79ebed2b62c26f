import ChiSoCore
import Foundation

/// The index editor: the general settings, the criteria as a tree (each row with its problems and its
/// actions, one row at a time as a form), classes, bonus and deduction items; and the dry run page.
enum IndexDraftPages {
    typealias Sheet = IndexTable.Sheet

    struct Model {
        var draft: IndexDraftModel
        var table: IndexTable
        var validation: IndexTable.Validation
        /// The row shown as a form.
        var editing: (Sheet, Int)?
        /// What the person typed in that form, after a refusal.
        var typed: [String: String]?
        /// Published periods, for the dry run.
        var periods: [PeriodModel]

        /// Problems by sheet and row position (from 0); those of a sheet as a whole under -1.
        var problems: [Sheet: [Int: [IndexTableProblem]]] {
            var byRow: [Sheet: [Int: [IndexTableProblem]]] = [:]
            for problem in validation.problems {
                let sheet = problem.sheet ?? .settings
                let position = sheet == .settings ? 0 : (problem.row.map { $0 - 2 } ?? -1)
                byRow[sheet, default: [:]][position, default: []].append(problem)
            }
            return byRow
        }

        func isEditing(_ sheet: Sheet, _ position: Int) -> Bool { editing.map { $0.0 == sheet && $0.1 == position } ?? false }

        /// A cell's value in the open form: as typed after a refusal, else as stored.
        func value(_ field: String, stored: String) -> String { typed?[field] ?? stored }

        var published: Bool { draft.$publishedVersion.id != nil }
    }

    static func editor(_ context: PageContext, model: Model) -> HTMLNode {
        let say = context.phrases(IndexAuthoringText.self)
        let table = model.table
        let draftID = model.draft.id!
        let problems = model.problems
        return Layout.page(context, title: say(.editorTitle, model.draft.title)) {
            p {
                say(.revisionLine, String(model.draft.revision), model.draft.updatedAt.map(Formats.dateTime) ?? "")
                if let base = model.draft.baseVersion { " · " + say(.basedOn, base.code, String(base.version)) }
            }
            if model.published, let version = model.draft.publishedVersion {
                p(.class("notice")) { say(.publishedAs, version.code, String(version.version)) }
            }
            let total = table.fieldTotal
            let scale = IndexNotation.number(table.settings.scale)
            p(.id("total"), .class(scale == total ? "" : "warning")) {
                say(.totalLine, total.text(context.language), scale?.text(context.language) ?? (table.settings.scale.isEmpty ? "—" : table.settings.scale))
            }
            if model.validation.problems.isEmpty {
                p(.class("notice"), .role("status"), .id("problems")) { say(.valid) }
            } else {
                div(.class("errors"), .id("problems")) {
                    p { strong { say(.invalidCount, String(model.validation.problems.count)) } }
                    ul {
                        for problem in model.validation.problems.prefix(60) {
                            li { a(.href("#" + anchor(problem))) { problem.formatted(context.language) } }
                        }
                    }
                }
            }
            div(.class("actions")) {
                a(.href(SiteURL.indexDraft(.value(draftID), .xlsx).path), .class("button secondary")) { say(.downloadDraft) }
                " "
                a(.href(SiteURL.indexDraft(.value(draftID), .dryRun).path), .class("button secondary")) { say(.dryRunLink) }
            }
            settingsForm(context, model: model, problems: problems[.settings]?[0] ?? [])
            criteriaSection(context, model: model, problems: problems[.criteria] ?? [:])
            listSection(context, model: model, sheet: .classes, heading: say(.classesHeading), problems: problems[.classes] ?? [:])
            listSection(context, model: model, sheet: .bonus, heading: say(.bonusHeading), problems: problems[.bonus] ?? [:])
            listSection(context, model: model, sheet: .deductions, heading: say(.deductionsHeading), problems: problems[.deductions] ?? [:])
            if !model.published {
                h2 { say(.publishButton) }
                form(.method("post"), .action(SiteURL.indexDraft(.value(draftID), .publish).path), .id("publish")) {
                    Layout.csrfField(context)
                    input(.type("hidden"), .name("revision"), .value(String(model.draft.revision)))
                    Fields.confirmation(say(.publishConfirm), id: "publish-confirm")
                    button(.type("submit")) { say(.publishButton) }
                }
                form(.method("post"), .action(SiteURL.indexDraft(.value(draftID), .delete).path)) {
                    Layout.csrfField(context)
                    Fields.confirmation(say(.deleteConfirm), id: "delete-confirm")
                    button(.type("submit"), .class("danger")) { say(.deleteDraft) }
                }
            }
        }
    }

    /// Where a problem is shown: its row, or its sheet.
    static func anchor(_ problem: IndexTableProblem) -> String {
        let sheet = problem.sheet ?? .settings
        if sheet == .settings { return "sheet-settings" }
        guard let row = problem.row, row >= 2 else { return "sheet-\(sheet.rawValue)" }
        return "row-\(sheet.rawValue)-\(row - 2)"
    }

    static func problemList(_ context: PageContext, _ problems: [IndexTableProblem]) -> HTMLNode {
        guard !problems.isEmpty else { return .empty }
        let say = context.phrases(IndexAuthoringText.self)
        return ul(.class("cell-problems")) {
            for problem in problems {
                li {
                    let column = problem.columnLetter.map { letter in
                        say(.columnLabel, letter)
                            + (problem.field.map { " (\(problem.sheet!.columns[$0].heading(context.language)))" } ?? "") + ": "
                    } ?? ""
                    column + problem.message(context.language)
                }
            }
        }
    }

    /// The hidden fields every change sends: the revision shown, the sheet and the row.
    static func rowFields(_ context: PageContext, model: Model, sheet: Sheet, position: Int) -> HTMLNode {
        .group([
            Layout.csrfField(context),
            input(.type("hidden"), .name("revision"), .value(String(model.draft.revision))),
            input(.type("hidden"), .name("sheet"), .value(sheet.rawValue)),
            input(.type("hidden"), .name("position"), .value(String(position))),
        ])
    }

    // MARK: Settings

    static func settingsForm(_ context: PageContext, model: Model, problems: [IndexTableProblem]) -> HTMLNode {
        let say = context.phrases(IndexAuthoringText.self)
        let settings = model.table.settings
        let editing = model.isEditing(.settings, 0)
        func value(_ field: String, _ stored: String) -> String { editing ? model.value(field, stored: stored) : stored }
        let labels = IndexTable.settingRows
        return section(.id("sheet-settings")) {
            h2 { say(.settingsHeading) }
            problemList(context, problems)
            form(.method("post"), .action(SiteURL.indexDraft(.value(model.draft.id!), .show).path), .id(editing ? "edit-form" : "settings-form")) {
                rowFields(context, model: model, sheet: .settings, position: 0)
                div(.class("editor-form")) {
                    div(.class("grid")) {
                        Fields.text(settingLabel(labels[0], context), name: "id", id: "settings-id", value: value("id", settings.id))
                        Fields.text(settingLabel(labels[1], context), name: "title", id: "settings-title", value: value("title", settings.title))
                        Fields.text(settingLabel(labels[2], context), name: "scale", id: "settings-scale", value: value("scale", settings.scale))
                        choice(settingLabel(labels[3], context), name: "naPolicy", id: "settings-naPolicy", value: value("naPolicy", settings.naPolicy),
                               options: IndexNotation.naPolicyNames.map { ($0.names[0], IndexNotation.label($0.names, context.language)) })
                        Fields.text(settingLabel(labels[4], context), name: "bonusCap", id: "settings-bonusCap", value: value("bonusCap", settings.bonusCap))
                        Fields.text(settingLabel(labels[5], context), name: "deductionCap", id: "settings-deductionCap",
                                    value: value("deductionCap", settings.deductionCap))
                    }
                    if !model.published { button(.type("submit"), .name("action"), .value("save")) { context.t(.save) } }
                }
            }
        }
    }

    static func settingLabel(_ row: (field: String, vietnamese: String, english: String), _ context: PageContext) -> String {
        IndexNotation.label([row.vietnamese, row.english], context.language)
    }

    /// A select of known values (value, label); a stored value none of them is stays as an option, so nothing typed is lost.
    static func choice(_ label: String, name: String, id: String, value: String, options: [(String, String)], hint: String? = nil) -> HTMLNode {
        let known = options.contains { IndexNotation.fold($0.0) == IndexNotation.fold(value) }
        return div(.class("field")) {
            H.el("label", [.for(id)]) { label }
            if let hint { small(.id("\(id)-hint")) { hint } }
            select(.id(id), .name(name), hint.map { _ in .aria("describedby", "\(id)-hint") }) {
                if !known { option(.value(value), .selected) { value.isEmpty ? "—" : value } }
                for (optionValue, text) in options {
                    option(.value(optionValue), Attribute.when(known && IndexNotation.fold(optionValue) == IndexNotation.fold(value), .selected)) { text }
                }
            }
        }
    }

    static func textArea(_ label: String, name: String, id: String, value: String, hint: String? = nil) -> HTMLNode {
        div(.class("field")) {
            H.el("label", [.for(id)]) { label }
            if let hint { small(.id("\(id)-hint")) { hint } }
            textarea(.id(id), .name(name), .rows(3), .maxlength(TextLimits.limit(for: name)), hint.map { _ in .aria("describedby", "\(id)-hint") }) { value }
        }
    }

    // MARK: Criteria

    static func criteriaSection(_ context: PageContext, model: Model, problems: [Int: [IndexTableProblem]]) -> HTMLNode {
        let say = context.phrases(IndexAuthoringText.self)
        let columns = Sheet.criteria.columns
        let rows = model.table.criteria
        return section(.id("sheet-criteria")) {
            h2 { say(.criteriaHeading) }
            problemList(context, problems[-1] ?? [])
            div(.class("table-wrap")) {
                table(.class("tree editor")) {
                    thead {
                        tr {
                            th(.scope("col")) { columns[1].heading(context.language) + " · " + columns[2].heading(context.language) }
                            th(.scope("col"), .class("num")) { columns[3].heading(context.language) }
                            th(.scope("col")) { columns[4].heading(context.language) }
                            th(.scope("col")) { columns[6].heading(context.language) }
                            th(.scope("col")) { say(.actionsColumn) }
                        }
                    }
                    tbody {
                        for (position, row) in rows.enumerated() {
                            let level = max(Int(row.level) ?? 1, 1)
                            let isGroup = position + 1 < rows.count && (Int(rows[position + 1].level) ?? 0) > level
                            let rowProblems = problems[position] ?? []
                            tr(.id("row-criteria-\(position)"),
                               .class([isGroup ? "group" : "leaf", rowProblems.isEmpty ? "" : "has-problems"].joined(separator: " "))) {
                                td(.class("depth-\(min(level - 1, 3))")) {
                                    (row.code.isEmpty ? "—" : row.code) + " " + row.title
                                    problemList(context, rowProblems)
                                }
                                td(.class("num")) { row.max }
                                td { [row.rule, row.parameters].filter { !$0.isEmpty }.joined(separator: ": ") }
                                td { [row.evidence, row.source].filter { !$0.isEmpty }.joined(separator: " · ") }
                                td { rowActions(context, model: model, sheet: .criteria, position: position, levels: true) }
                            }
                            if model.isEditing(.criteria, position) {
                                tr {
                                    td(Attribute(name: "colspan", value: "5")) { criterionForm(context, model: model, row: row, position: position) }
                                }
                            }
                        }
                    }
                }
            }
            if rows.isEmpty { p { say(.noRows) } }
            if !model.published { addRow(context, model: model, sheet: .criteria, at: rows.count) }
        }
    }

    static func addRow(_ context: PageContext, model: Model, sheet: Sheet, at position: Int) -> HTMLNode {
        let say = context.phrases(IndexAuthoringText.self)
        return form(.method("post"), .action(SiteURL.indexDraft(.value(model.draft.id!), .show).path)) {
            rowFields(context, model: model, sheet: sheet, position: position)
            button(.type("submit"), .name("action"), .value("insert"), .class("secondary")) { say(.addRow) }
        }
    }

    /// A row's buttons: edit (a link), move, indent and outdent (criteria), add below.
    static func rowActions(_ context: PageContext, model: Model, sheet: Sheet, position: Int, levels: Bool) -> HTMLNode {
        guard !model.published else { return .empty }
        let say = context.phrases(IndexAuthoringText.self)
        let path = SiteURL.indexDraft(.value(model.draft.id!), .show).path
        return form(.method("post"), .action(path), .class("row-actions")) {
            rowFields(context, model: model, sheet: sheet, position: position)
            // No fragment: the browser then honours the form's autofocus, which also scrolls it into view.
            a(.href(path + "?edit=\(sheet.rawValue):\(position)"), .class("button secondary")) { context.t(.edit) }
            button(.type("submit"), .name("action"), .value("up"), .class("secondary")) { say(.up) }
            button(.type("submit"), .name("action"), .value("down"), .class("secondary")) { say(.down) }
            if levels {
                button(.type("submit"), .name("action"), .value("indent"), .class("secondary")) { say(.indent) }
                button(.type("submit"), .name("action"), .value("outdent"), .class("secondary")) { say(.outdent) }
            }
            button(.type("submit"), .name("action"), .value("insert"), .class("secondary")) { say(.insert) }
        }
    }

    static func hint(forRule rule: String, _ say: Phrases<IndexAuthoringText>) -> String {
        switch IndexNotation.type(rule, in: IndexNotation.ruleNames) {
        case "manual": say(.hintManual)
        case "yesno": say(.hintYesNo)
        case "tiers": say(.hintTiers)
        case "ratio": say(.hintRatio)
        case "count": say(.hintCount)
        case "deduct": say(.hintDeduct)
        case "percent": say(.hintPercent)
        case "levels": say(.hintLevels)
        default: [say(.hintTiers), say(.hintLevels), say(.hintCount)].joined(separator: " · ")
        }
    }

    static func criterionForm(_ context: PageContext, model: Model, row: IndexTable.CriterionRow, position: Int) -> HTMLNode {
        let say = context.phrases(IndexAuthoringText.self)
        let columns = Sheet.criteria.columns
        func heading(_ field: String) -> String { columns.first { $0.field == field }!.heading(context.language) }
        func value(_ field: String, _ stored: String) -> String { model.value(field, stored: stored) }
        let rule = value("rule", row.rule)
        return form(.method("post"), .action(SiteURL.indexDraft(.value(model.draft.id!), .show).path), .class("editor-form"), .id("edit-form")) {
            rowFields(context, model: model, sheet: .criteria, position: position)
            p { strong { say(.levelLabel, row.level) } }
            div(.class("grid")) {
                Fields.text(heading("code"), name: "code", id: "edit-code", value: value("code", row.code), autofocus: true)
                Fields.text(heading("max"), name: "max", id: "edit-max", value: value("max", row.max))
                choice(heading("rule"), name: "rule", id: "edit-rule", value: rule,
                       options: [("", "—")] + IndexNotation.ruleNames.map { ($0.names[0], IndexNotation.label($0.names, context.language)) })
                choice(heading("evidence"), name: "evidence", id: "edit-evidence", value: value("evidence", row.evidence),
                       options: [("", say(.evidenceOptional)), ("Bắt buộc", say(.evidenceRequired))])
                choice(heading("allowNA"), name: "allowNA", id: "edit-allowNA", value: value("allowNA", row.allowNA),
                       options: [("", say(.no)), ("Có", say(.yes))])
                Fields.text(heading("notApplicableFor"), name: "notApplicableFor", id: "edit-notApplicableFor",
                            value: value("notApplicableFor", row.notApplicableFor), hint: say(.hintTags))
                Fields.text(heading("appraiser"), name: "appraiser", id: "edit-appraiser", value: value("appraiser", row.appraiser))
                choice(heading("source"), name: "source", id: "edit-source", value: value("source", row.source),
                       options: [("", say(.noSource))] + IndexNotation.sourceNames.map { ($0.names[0], IndexNotation.label($0.names, context.language)) })
                Fields.text(heading("origin"), name: "origin", id: "edit-origin", value: value("origin", row.origin), hint: say(.hintOrigin))
            }
            ruleParameters(context, heading: heading("parameters"), rule: rule,
                           parameters: model.typed.flatMap { typed in
                               typed["parameterForm"] != nil || typed["parameters"] != nil ? IndexDraftController.parameters(from: typed) : nil
                           } ?? row.parameters)
            textArea(heading("title"), name: "title", id: "edit-title", value: value("title", row.title))
            textArea(heading("guidance"), name: "guidance", id: "edit-guidance", value: value("guidance", row.guidance))
            formButtons(context, model: model, sheet: .criteria, position: position)
        }
    }

    /// The fields a rule's parameters need: a value each (step, target, points per time and cap), or rows
    /// (tiers, levels) with two empty rows to add more; the cell as text when it cannot be read that way.
    static func ruleParameters(_ context: PageContext, heading: String, rule: String, parameters: String, adjustment: Bool = false) -> HTMLNode {
        let say = context.phrases(IndexAuthoringText.self)
        let names = adjustment ? IndexNotation.adjustmentRuleNames : IndexNotation.ruleNames
        guard let type = IndexNotation.type(rule, in: names), let form = RuleForm(type: type, parameters: parameters, adjustment: adjustment) else {
            return fieldset(.class("parameters")) {
                legend { heading }
                Fields.text(say(.parametersAsText), name: "parameters", id: "edit-parameters", value: parameters,
                            hint: adjustment ? say(.hintAdjustment) : hint(forRule: rule, say))
                p(.class("guidance")) { say(.ruleChangeHint) }
            }
        }
        let labels: [String: IndexAuthoringText] = ["step": .paramStep, "target": .paramTarget, "per": .paramPer, "cap": .paramCap,
                                                    "max": .paramMax]
        return fieldset(.class("parameters"), .id("edit-parameters")) {
            legend { heading }
            input(.type("hidden"), .name("parameterForm"), .value(type))
            if RuleForm.hasRows(type) {
                let columns = type == "tiers" ? [say(.tierFrom), say(.tierPoints)] : [say(.levelCode), say(.levelPoints)]
                table(.class("parameter-rows")) {
                    thead { tr { th(.scope("col")) { columns[0] }; th(.scope("col")) { columns[1] } } }
                    tbody {
                        for (number, row) in (form.rows + [["", ""], ["", ""]]).enumerated() {
                            tr {
                                for column in 0..<2 {
                                    td {
                                        H.el("label", [.for("row-\(number)-\(column)"), .class("visually-hidden")]) { "\(columns[column]) \(number + 1)" }
                                        input(.type("text"), .id("row-\(number)-\(column)"), .name("row-\(number)-\(column)"), .value(row[column]),
                                              .maxlength(Limits.name), column == 0 && type == "tiers" ? .inputmode("decimal") : nil)
                                    }
                                }
                            }
                        }
                    }
                }
            } else if RuleForm.fields(of: type, adjustment: adjustment).isEmpty {
                p { say(.noParameters) }
            } else {
                div(.class("grid")) {
                    for name in RuleForm.fields(of: type, adjustment: adjustment) {
                        Fields.text(say(labels[name]!), name: "param-\(name)", id: "edit-param-\(name)", value: form.values[name])
                    }
                }
            }
            p(.class("guidance")) { say(.ruleChangeHint) }
        }
    }

    static func formButtons(_ context: PageContext, model: Model, sheet: Sheet, position: Int) -> HTMLNode {
        let say = context.phrases(IndexAuthoringText.self)
        return div(.class("form-buttons")) {
            button(.type("submit"), .name("action"), .value("save")) { context.t(.save) }
            a(.href(SiteURL.indexDraft(.value(model.draft.id!), .show).path + "#row-\(sheet.rawValue)-\(position)"), .class("button secondary")) {
                context.t(.cancel)
            }
            button(.type("submit"), .name("action"), .value("delete"), .class("danger")) { say(.delete) }
        }
    }

    // MARK: Classes, bonus and deductions

    static func listSection(_ context: PageContext, model: Model, sheet: Sheet, heading: String, problems: [Int: [IndexTableProblem]]) -> HTMLNode {
        let say = context.phrases(IndexAuthoringText.self)
        let columns = sheet.columns
        let rows: [[String]] = switch sheet {
        case .classes: model.table.classes.map { [$0.code, $0.title, $0.min, $0.leaderRating, $0.requires] }
        case .bonus: model.table.bonus.map { [$0.code, $0.title, $0.rule, $0.parameters, $0.source, $0.guidance] }
        case .deductions: model.table.deductions.map { [$0.code, $0.title, $0.rule, $0.parameters, $0.source, $0.guidance] }
        case .settings, .criteria: []
        }
        return section(.id("sheet-\(sheet.rawValue)")) {
            h2 { heading }
            problemList(context, problems[-1] ?? [])
            if rows.isEmpty {
                p { say(.noRows) }
            } else {
                div(.class("table-wrap")) {
                    table {
                        thead {
                            tr {
                                for column in columns { th(.scope("col")) { column.heading(context.language) } }
                                th(.scope("col")) { say(.actionsColumn) }
                            }
                        }
                        tbody {
                            for (position, cells) in rows.enumerated() {
                                let rowProblems = problems[position] ?? []
                                tr(.id("row-\(sheet.rawValue)-\(position)"), .class(rowProblems.isEmpty ? "" : "has-problems")) {
                                    for (column, cell) in cells.enumerated() {
                                        td {
                                            cell
                                            if column == 0 { problemList(context, rowProblems) }
                                        }
                                    }
                                    td { rowActions(context, model: model, sheet: sheet, position: position, levels: false) }
                                }
                                if model.isEditing(sheet, position) {
                                    tr {
                                        td(Attribute(name: "colspan", value: String(columns.count + 1))) {
                                            listForm(context, model: model, sheet: sheet, cells: cells, position: position)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if !model.published { addRow(context, model: model, sheet: sheet, at: rows.count) }
        }
    }

    static func listForm(_ context: PageContext, model: Model, sheet: Sheet, cells: [String], position: Int) -> HTMLNode {
        let say = context.phrases(IndexAuthoringText.self)
        return form(.method("post"), .action(SiteURL.indexDraft(.value(model.draft.id!), .show).path), .class("editor-form"), .id("edit-form")) {
            rowFields(context, model: model, sheet: sheet, position: position)
            div(.class("grid")) {
                for (column, definition) in sheet.columns.enumerated() {
                    let id = "edit-\(definition.field)"
                    let value = model.value(definition.field, stored: cells[column])
                    switch definition.field {
                    case "rule":
                        choice(definition.heading(context.language), name: "rule", id: id, value: value,
                               options: IndexNotation.adjustmentRuleNames.map { ($0.names[0], IndexNotation.label($0.names, context.language)) })
                    case "source":
                        choice(definition.heading(context.language), name: "source", id: id, value: value,
                               options: [("", say(.noSource))] + IndexNotation.sourceNames.map { ($0.names[0], IndexNotation.label($0.names, context.language)) })
                    case "parameters":
                        ruleParameters(context, heading: definition.heading(context.language),
                                       rule: model.value("rule", stored: cells[column - 1]),
                                       parameters: model.typed.flatMap { typed in
                                           typed["parameterForm"] != nil || typed["parameters"] != nil
                                               ? IndexDraftController.parameters(from: typed, adjustment: true) : nil
                                       } ?? cells[column], adjustment: true)
                    case "requires":
                        Fields.text(definition.heading(context.language), name: "requires", id: id, value: value, hint: say(.hintConditions))
                    case "leaderRating":
                        choice(definition.heading(context.language), name: "leaderRating", id: id, value: value,
                               options: [("", "—"), ("HTXSNV", "HTXSNV"), ("HTTNV", "HTTNV"), ("HTNV", "HTNV"), ("KHTNV", "KHTNV")])
                    case "guidance":
                        textArea(definition.heading(context.language), name: "guidance", id: id, value: value)
                    default:
                        Fields.text(definition.heading(context.language), name: definition.field, id: id, value: value,
                                    autofocus: definition.field == "code")
                    }
                }
            }
            formButtons(context, model: model, sheet: sheet, position: position)
        }
    }
}
