/// The keys each mapping of a plan file (contract v1) allows.
enum PlanFileKeys {
    static let top: Set<String> = ["version", "district", "methodical_centre", "timezone", "schools", "venues", "clusters",
                                   "calendar", "courses"]
    static let school: Set<String> = ["id", "name", "kind", "address", "contingent"]
    static let venue: Set<String> = ["id", "name", "address"]
    static let cluster: Set<String> = ["id", "title", "profile", "lead", "members", "coordinator", "plan", "privacy"]
    static let coordinator: Set<String> = ["name", "email"]
    static let privacy: Set<String> = ["contact", "notes"]
    static let plan: Set<String> = ["years", "theme", "goal", "tasks", "directions", "indicators", "events"]
    static let task: Set<String> = ["id", "text"]
    static let direction: Set<String> = ["id", "title", "items"]
    static let indicator: Set<String> = ["id", "title", "target", "targets", "unit"]
    static let event: Set<String> = ["number", "year", "format", "title", "purpose", "month", "date", "from", "to",
                                     "start", "duration", "host", "participants", "tasks", "link"]
    static let calendar: Set<String> = ["working_days", "default_start", "holidays", "vacations", "busy",
                                        "during_vacations", "preferred_weekdays", "min_gap_days"]
    static let vacation: Set<String> = ["title", "from", "to"]
    static let busy: Set<String> = ["school", "from", "to", "reason", "ics"]
    static let course: Set<String> = ["id", "title", "provider", "enrolments", "targets", "events"]
    static let enrolment: Set<String> = ["year", "school", "teams", "listeners"]
    static let courseTarget: Set<String> = ["year", "listeners", "schools", "cluster"]
}
