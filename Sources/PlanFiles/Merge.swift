import Foundation
import Planning

extension PlanLoader {
    /// Merges fragments and runs every check that needs more than one file: duplicate and unknown ids,
    /// hosts and leads outside the cluster, pinned dates on days off.
    static func merge(_ fragments: [PlanFragment], holidays: PublicHolidays, diagnostics: inout [PlanDiagnostic]) -> District {
        var schools: [School] = []
        var schoolLocations: [String: SourceLocation] = [:]
        for (school, location) in fragments.flatMap(\.schools) {
            if let first = schoolLocations[school.id] {
                diagnostics.append(location.diagnostic("школа \(school.id) уже описана в \(first.file):\(first.line)"))
                continue
            }
            schoolLocations[school.id] = location
            schools.append(school)
        }
        var venues: [Venue] = []
        var venueLocations: [String: SourceLocation] = [:]
        for (venue, location) in fragments.flatMap(\.venues) {
            if let first = venueLocations[venue.id] ?? schoolLocations[venue.id] {
                diagnostics.append(location.diagnostic("площадка \(venue.id) уже описана в \(first.file):\(first.line)"))
                continue
            }
            venueLocations[venue.id] = location
            venues.append(venue)
        }
        var clusters: [ParsedCluster] = []
        var clusterLocations: [String: SourceLocation] = [:]
        for parsed in fragments.flatMap(\.clusters) {
            if let first = clusterLocations[parsed.cluster.id] {
                diagnostics.append(parsed.location.diagnostic("кластер \(parsed.cluster.id) уже описан в \(first.file):\(first.line)"))
                continue
            }
            clusterLocations[parsed.cluster.id] = parsed.location
            clusters.append(parsed)
        }
        let calendar = mergeCalendars(fragments.map(\.calendar), holidays: holidays, diagnostics: &diagnostics)

        func checkSchool(_ id: String, at location: SourceLocation, _ context: String) {
            if schoolLocations[id] == nil { diagnostics.append(location.diagnostic("\(context): неизвестная школа «\(id)»")) }
        }
        for parsed in clusters {
            let c = parsed.cluster
            for member in c.members { checkSchool(member, at: parsed.memberLocations[member] ?? parsed.location, "кластер \(c.id)") }
            if !c.members.contains(c.lead) {
                diagnostics.append(parsed.leadLocation.diagnostic("кластер \(c.id): ведущая школа \(c.lead) не входит в members"))
            }
            for e in parsed.events {
                // A missing link was reported where the file has it (or lacks it), with the key's name.
                for problem in e.event.problems(in: c, isSchool: { schoolLocations[$0] != nil },
                                                 isVenue: { venueLocations[$0] != nil }, calendar: calendar) where problem.field != "link" {
                    diagnostics.append(e.location(of: problem).diagnostic("мероприятие \(e.event.id): \(problem.planFileMessage)"))
                }
            }
        }
        for fragment in fragments {
            for (busy, location) in fragment.calendar.busy { if let s = busy.school { checkSchool(s, at: location, "calendar.busy") } }
            for (busy, location) in fragment.calendar.busyCalendars { if let s = busy.school { checkSchool(s, at: location, "calendar.busy") } }
        }
        var courses: [TrainingCourse] = []
        for parsed in fragments.flatMap(\.courses) {
            for (school, location) in parsed.schoolLocations { checkSchool(school, at: location, "курс \(parsed.course.id)") }
            for (cluster, location) in parsed.clusterLocations where clusterLocations[cluster] == nil {
                diagnostics.append(location.diagnostic("курс \(parsed.course.id): неизвестный кластер «\(cluster)»"))
            }
            for (event, location) in parsed.eventLocations
            where !clusters.contains(where: { $0.cluster.id == event.cluster && $0.events.contains { $0.event.id == event } }) {
                diagnostics.append(location.diagnostic("курс \(parsed.course.id): нет мероприятия \(event) в плане"))
            }
            courses.append(parsed.course)
        }
        for fragment in fragments {
            guard let (tz, location) = fragment.timezone else { continue }
            if TimeZone(identifier: tz) == nil { diagnostics.append(location.diagnostic("timezone: неизвестный часовой пояс «\(tz)»")) }
        }
        let timezones = Set(fragments.compactMap { $0.timezone?.0 })
        if timezones.count > 1, let (_, location) = fragments.compactMap(\.timezone).dropFirst().first {
            diagnostics.append(location.diagnostic("timezone: файлы плана указывают разные часовые пояса: "
                                                   + timezones.sorted().joined(separator: ", ")))
        }
        let districts = fragments.compactMap(\.district).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        // Only worth saying when the files were otherwise readable.
        if districts.isEmpty, diagnostics.isEmpty, let first = fragments.first {
            diagnostics.append(SourceLocation(file: first.file, line: 1, column: 1).diagnostic("нет ключа district ни в одном файле плана"))
        }
        let centres = fragments.compactMap(\.methodicalCentre)
        if let (_, location) = centres.dropFirst().first {
            diagnostics.append(location.diagnostic("methodical_centre: указан в нескольких файлах плана; оставьте один"))
        }
        return District(name: districts.joined(separator: "; "), timezone: timezones.first ?? "Europe/Moscow",
                        schools: schools, venues: venues, clusters: clusters.map(\.cluster), calendar: calendar, courses: courses,
                        methodicalCentre: centres.first?.0)
    }

    private static func mergeCalendars(_ parts: [CalendarFragment], holidays: PublicHolidays,
                                       diagnostics: inout [PlanDiagnostic]) -> DistrictCalendar {
        var calendar = DistrictCalendar(publicHolidays: holidays)
        var firstSetting: [String: SourceLocation] = [:]
        /// A setting may stand in several files only with the same value.
        func setting<T: Equatable>(_ key: String, _ value: T?, in part: CalendarFragment, _ target: inout T) {
            guard let value, let location = part.scalars[key] else { return }
            if let first = firstSetting[key] {
                if target != value {
                    diagnostics.append(location.diagnostic("calendar.\(key) расходится со значением в \(first.file):\(first.line)"))
                }
                return
            }
            firstSetting[key] = location
            target = value
        }
        for part in parts {
            setting("working_days", part.workingDays, in: part, &calendar.workingDays)
            setting("default_start", part.defaultStart, in: part, &calendar.defaultStart)
            setting("during_vacations", part.duringVacations, in: part, &calendar.preferences.duringVacations)
            setting("preferred_weekdays", part.preferredWeekdays, in: part, &calendar.preferences.preferredWeekdays)
            setting("min_gap_days", part.minimumGapDays, in: part, &calendar.preferences.minimumGapDays)
            calendar.holidays.formUnion(part.holidays.map(\.0))
            calendar.vacations += part.vacations
            calendar.busy += part.busy.map(\.0)
            calendar.busyCalendars += part.busyCalendars.map(\.0)
        }
        calendar.vacations.sort { ($0.from, $0.to) < ($1.from, $1.to) }
        return calendar
    }
}

extension ParsedEvent {
    /// Where a problem's value stands in the file: the school or task in its list, else the key.
    func location(of problem: EventProblem) -> SourceLocation {
        switch problem.field {
        case "host": hostLocation
        case "participants": participantLocations.first { $0.0 == problem.value }?.1 ?? location
        case "tasks": taskLocations.first { $0.0 == problem.value }?.1 ?? location
        case "year": yearLocation
        default: timingLocation
        }
    }
}
