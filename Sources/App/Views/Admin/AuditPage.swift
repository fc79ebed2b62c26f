import Foundation

/// The audit log page.
enum AuditPage {
    static func view(_ context: PageContext, filter: AuditController.Filter, events: [AuditEventModel], page: Int, hasMore: Bool) -> HTMLNode {
        let t = context.t
        return Layout.page(context, title: t(.audit)) {
            form(.method("get"), .action(SiteURL.admin(.audit).path), .class("filters"), .role("search")) {
                Fields.text(t(.auditWho), name: "who", value: filter.who)
                Fields.text(t(.auditAction), name: "action", value: filter.action, hint: "agency., user., login.")
                Fields.text(t(.auditTarget), name: "target", value: filter.target)
                Fields.text(t(.from), name: "from", value: filter.from, type: "date")
                Fields.text(t(.to), name: "to", value: filter.to, type: "date")
                button(.type("submit")) { t(.filter) }
            }
            if events.isEmpty {
                p { t(.auditEmpty) }
            } else {
                div(.class("table-wrap")) {
                    table {
                        thead {
                            tr {
                                th(.scope("col")) { t(.auditAt) }
                                th(.scope("col")) { t(.auditWho) }
                                th(.scope("col")) { t(.auditAction) }
                                th(.scope("col")) { t(.auditTarget) }
                                th(.scope("col")) { t(.auditChange) }
                                th(.scope("col"), .class("hide-small")) { t(.auditFrom) }
                            }
                        }
                        tbody {
                            for event in events {
                                tr {
                                    td { time(.datetime(ISO8601DateFormatter().string(from: event.at))) { Formats.dateTime(event.at) } }
                                    td { event.username }
                                    td { code { event.action } }
                                    td { "\(event.targetType) \(event.target)" }
                                    td { change(event) }
                                    td(.class("hide-small")) { event.clientAddress }
                                }
                            }
                        }
                    }
                }
            }
            p {
                if page > 1 { a(.href(link(filter, page: page - 1))) { "←" }; " " }
                "\(page)"
                if hasMore { " "; a(.href(link(filter, page: page + 1))) { "→" } }
            }
        }
    }

    /// The log keeps every character; its page shows the first 300 of a long text (a 100-row page stays small).
    static func shortened(_ text: String) -> String {
        text.count <= 300 ? text : String(text.prefix(300)) + "… (\(text.count))"
    }

    static func change(_ event: AuditEventModel) -> HTMLNode {
        let before = Audit.fields(event.before), after = Audit.fields(event.after)
        let keys = Set(before.keys).union(after.keys).sorted()
        guard !keys.isEmpty else { return .empty }
        return ul {
            for key in keys {
                li { code { key }; ": \(shortened(before[key] ?? "∅")) → \(shortened(after[key] ?? "∅"))" }
            }
        }
    }

    static func link(_ filter: AuditController.Filter, page: Int) -> String {
        var items = [URLQueryItem(name: "page", value: String(page))]
        for (name, value) in [("who", filter.who), ("action", filter.action), ("target", filter.target), ("from", filter.from), ("to", filter.to)] {
            if let value, !value.isEmpty { items.append(URLQueryItem(name: name, value: value)) }
        }
        var components = URLComponents()
        let path = SiteURL.admin(.audit).path
        components.path = path
        components.queryItems = items
        return components.string ?? path
    }
}
