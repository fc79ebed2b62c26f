/// An agency's assigned tasks in a period, counted as spec §4 asks: only
/// tasks whose effective deadline falls in the period, up to the as-of day,
/// count; tasks not yet due are left out (and counted apart).
public struct TaskTally: Sendable, Hashable {
    /// Tasks whose effective deadline lies between the period's first day
    /// and the as-of day: `doneOnTime + doneLate + openOverdue`. (While the
    /// period runs, an open task due on the as-of day itself is not due yet.)
    public var due: Int
    /// Due tasks completed on or before their effective deadline.
    public var doneOnTime: Int
    /// Due tasks completed after their effective deadline.
    public var doneLate: Int
    /// Due tasks not completed by the as-of day.
    public var openOverdue: Int
    /// Tasks whose effective deadline is in the period but after the as-of
    /// day (or on it, for a task still open while the period runs).
    public var notYetDue: Int
    /// Tasks not completed by the as-of day and not due yet whose effective
    /// deadline comes within the following `soonDays` days (in the period or
    /// not; due on the as-of day itself included while the period runs).
    public var dueSoon: Int

    public init(due: Int, doneOnTime: Int, doneLate: Int, openOverdue: Int, notYetDue: Int, dueSoon: Int) {
        self.due = due
        self.doneOnTime = doneOnTime
        self.doneLate = doneLate
        self.openOverdue = openOverdue
        self.notYetDue = notYetDue
        self.dueSoon = dueSoon
    }

    /// The exact share of due tasks done on time; `nil` when none is due.
    public var onTimeFraction: (onTime: Int, due: Int)? {
        due == 0 ? nil : (doneOnTime, due)
    }

    /// 100 × doneOnTime / due, rounded half away from zero to 2 decimals
    /// (5 of 7 → 71.43); `nil` when no task is due.
    public var onTimeRate: DecimalNumber? {
        onTimeFraction.map { DecimalNumber.quotient(DecimalNumber($0.onTime * 100), DecimalNumber($0.due), places: 2) }
    }

    /// Counts `tasks` (those of one agency: the caller filters) for `period`
    /// as of `day`. Statuses are taken on `period.asOf(day)`: the day
    /// itself while the period runs, its last day once it is over.
    ///
    /// The deadline day itself is still in time (``AssignedTask/status(on:)``).
    /// So while the period runs, a task due on the as-of day and not yet
    /// completed is not due yet: it counts in ``notYetDue`` and ``dueSoon``,
    /// not against the agency. Once the period is over its last day has
    /// passed, and such a task is overdue.
    public static func tally(
        _ tasks: some Sequence<AssignedTask>, in period: PeriodRange, asOf day: CivilDate, soonDays: Int = 7
    ) -> TaskTally {
        let asOf = period.asOf(day)
        let periodOver = day > period.end
        let soonEnd = asOf.adding(days: soonDays)
        var tally = TaskTally(due: 0, doneOnTime: 0, doneLate: 0, openOverdue: 0, notYetDue: 0, dueSoon: 0)
        for task in tasks {
            let deadline = task.effectiveDeadline
            let completedOn = task.completedOn.flatMap { $0 <= asOf ? $0 : nil }
            let stillInTime = completedOn == nil && deadline == asOf && !periodOver
            if deadline > asOf || stillInTime {
                if period.contains(deadline) { tally.notYetDue += 1 }
                if completedOn == nil, deadline <= soonEnd { tally.dueSoon += 1 }
                continue
            }
            guard deadline >= period.start else { continue }
            tally.due += 1
            if let completedOn {
                if completedOn <= deadline { tally.doneOnTime += 1 } else { tally.doneLate += 1 }
            } else {
                tally.openOverdue += 1
            }
        }
        return tally
    }
}
