import ChiSoCore

/// The frame of every page: skip link, header with navigation by role,
/// the demo notice, the page's main content.
enum Layout {
    struct NavItem {
        var key: T
        var path: String
    }

    /// The navigation a user sees; the policy decides what they may open.
    static func navigation(for user: CurrentUser?) -> [NavItem] {
        guard let user else { return [] }
        var items = [NavItem(key: .navHome, path: SiteURL.home.path)]
        if user.mustChangePassword { return [NavItem(key: .navAccount, path: SiteURL.accountPassword.path)] }
        let actor = user.actor
        if case .success = Policy.decide(actor, .viewIndexes) { items.append(NavItem(key: .navIndexes, path: SiteURL.indexes.path)) }
        if case .success = Policy.decide(actor, .viewPeriods) { items.append(NavItem(key: .navPeriods, path: SiteURL.periods.path)) }
        if case .success = Policy.decide(actor, .viewAppraisalQueue) { items.append(NavItem(key: .navAppraisal, path: SiteURL.appraisalQueue.path)) }
        if case .success = Policy.decide(actor, .viewCouncil) { items.append(NavItem(key: .navCouncil, path: SiteURL.council.path)) }
        if Policy.allows(actor, .viewMonitoring, .agency(actor.agencyID)) {
            items.append(NavItem(key: .navDashboard, path: SiteURL.dashboard.path))
            items.append(NavItem(key: .navMonitoring, path: SiteURL.monitoring.path))
        }
        if Policy.allows(actor, .viewTasks, .agency(actor.agencyID)) { items.append(NavItem(key: .navTasks, path: SiteURL.tasks.path)) }
        if case .success = Policy.decide(actor, .manageAgencies) { items.append(NavItem(key: .navAgencies, path: SiteURL.admin(.agencies).path)) }
        if case .success = Policy.decide(actor, .manageUsers) { items.append(NavItem(key: .navUsers, path: SiteURL.admin(.users).path)) }
        if case .success = Policy.decide(actor, .viewAudit) { items.append(NavItem(key: .navAudit, path: SiteURL.admin(.audit).path)) }
        if case .success = Policy.decide(actor, .manageIdentity) { items.append(NavItem(key: .navIdentity, path: SiteURL.admin(.identity).path)) }
        items.append(NavItem(key: .navAccount, path: SiteURL.accountPassword.path))
        return items
    }

    static func page(_ context: PageContext, title: String, @HTMLBuilder content: () -> HTMLNode) -> HTMLNode {
        let t = context.t
        let body = content()
        return H.el("html", [.lang(context.language.rawValue)]) {
            H.el("head", []) {
                H.void("meta", [.charset("utf-8")])
                H.void("meta", [.name("viewport"), .content("width=device-width, initial-scale=1")])
                H.el("title", []) { "\(title) · ChiSo" }
                H.void("link", [.rel("stylesheet"), .href(Assets.stylesheetPath)])
                H.void("link", [.rel("icon"), .href(Assets.iconPath), .type("image/svg+xml")])
            }
            H.el("body", []) {
                a(.class("skip"), .href("#main")) { t(.skipToContent) }
                header(.class("site")) {
                    div(.class("brand")) {
                        a(.href(SiteURL.home.path), .class("logo")) { "ChiSo" }
                        span(.class("tagline")) { t(.appTagline) }
                    }
                    if let user = context.user {
                        nav(.aria("label", t(.mainNavigation))) {
                            ul {
                                for item in navigation(for: user) {
                                    li {
                                        a(.href(item.path), Attribute.when(isCurrent(item.path, context.path), .aria("current", "page"))) { t(item.key) }
                                    }
                                }
                            }
                        }
                        div(.class("who")) {
                            span { "\(user.displayName) · \(user.agencyName)" }
                            form(.method("post"), .action(SiteURL.logout.path), .class("inline")) {
                                csrfField(context)
                                button(.type("submit"), .class("link")) { t(.logout) }
                            }
                        }
                    }
                    a(.class("lang"), .href(SiteURL.language(.value(context.language.other.rawValue)).path + "?back=\(context.path)"),
                      .lang(context.language.other.rawValue)) { t(.languageSwitch) }
                }
                if context.identity.demo {
                    // A landmark of its own, so that everything on the page sits in one (axe's "region" rule).
                    H.el("aside", [.class("demo"), .aria("label", t(.demoNoticeLabel))]) { t(.demoNotice) }
                }
                main(.id("main")) {
                    if let notice = context.notice {
                        p(.class("notice"), .role("status")) { notice }
                    }
                    h1 { title }
                    problemSummary(context)
                    body
                }
                footer(.class("site")) {
                    small { "ChiSo · \(t(.appTagline)) · " }
                    small { a(.href(SiteURL.publicPeriods.path)) { t(.publishedResultsLink) } }
                }
            }
        }
    }

    /// What was refused, at the top of the page, each problem linked to its field (the view
    /// focuses the first field itself: `autofocus`, so the browser scrolls to it).
    static func problemSummary(_ context: PageContext) -> HTMLNode {
        guard !context.problems.isEmpty else { return .empty }
        return div(.class("errors summary"), .role("alert"), .id("problems")) {
            p { strong { context.t.format(.problemsHeading, String(context.problems.count)) } }
            ul {
                for problem in context.problems {
                    li { a(.href("#\(problem.target)")) { problem.message } }
                }
            }
        }
    }

    static func isCurrent(_ item: String, _ path: String) -> Bool {
        item == SiteURL.home.path ? path == SiteURL.home.path : path.hasPrefix(item)
    }

    static func csrfField(_ context: PageContext) -> HTMLNode {
        input(.type("hidden"), .name(PageContext.csrfField), .value(context.csrfToken))
    }
}

/// Form pieces used by every page.
enum Fields {
    /// A labelled input with its error, keeping what the user typed.
    /// `id` defaults to `name`; give one when the same form repeats on a page (ids must be unique).
    static func text(_ label: String, name: String, id: String? = nil, value: String?, type: String = "text", error: String? = nil,
                     required: Bool = false, hint: String? = nil, autocomplete: String? = nil, autofocus: Bool = false,
                     maxLength: Int? = nil) -> HTMLNode {
        let id = id ?? name
        let described = [error.map { _ in "\(id)-error" }, hint.map { _ in "\(id)-hint" }].compactMap { $0 }.joined(separator: " ")
        return div(.class(error == nil ? "field" : "field invalid")) {
            H.el("label", [.for(id)]) { label }
            if let hint { small(.id("\(id)-hint")) { hint } }
            input(.type(type), .id(id), .name(name), .value(value ?? ""), Attribute.when(required, .required),
                  type == "password" ? nil : .maxlength(maxLength ?? TextLimits.limit(for: name)), // the server's limit for this field
                  autocomplete.map { .autocomplete($0) }, Attribute.when(autofocus, .autofocus),
                  error.map { _ in .aria("invalid", "true") }, described.isEmpty ? nil : .aria("describedby", described))
            if let error { p(.class("error"), .id("\(id)-error")) { error } }
        }
    }

    /// A box to tick before a step that cannot be undone, saying what happens next: the form is not sent without it.
    static func confirmation(_ text: String, id: String) -> HTMLNode {
        div(.class("field confirm")) {
            H.el("label", [.for(id)]) {
                input(.type("checkbox"), .id(id), .name("confirm"), .value("1"), .required)
                " " + text
            }
        }
    }

    static func errors(_ messages: [String]) -> HTMLNode {
        guard !messages.isEmpty else { return .empty }
        return div(.class("errors"), .role("alert")) {
            ul {
                for message in messages { li { message } }
            }
        }
    }
}
