import Planning

/// What `import` prints: the plan's size and what changed in the store.
public enum ImportReport {
    public static func text(_ s: ImportSummary, district: District) -> String {
        let events = district.eventCount
        var lines = ["План: \(district.name) — школ: \(district.schools.count), кластеров: \(district.clusters.count), мероприятий: \(events)."]
        if s.isEmpty {
            lines.append("Без изменений: база уже совпадает с файлами плана.")
            return lines.joined(separator: "\n")
        }
        func line(_ title: String, _ c: ImportSummary.Change) {
            for (verb, ids) in [("добавлены", c.added), ("изменены", c.updated), ("исключены", c.removed)] where !ids.isEmpty {
                // A first import of a city lists hundreds of ids: a count says more.
                lines.append("\(title) \(verb): " + (ids.count > 12 ? "\(ids.count)" : ids.joined(separator: ", ")))
            }
        }
        line("Школы", s.schools)
        line("Кластеры", s.clusters)
        line("Мероприятия", s.events)
        if !s.restoredEvents.isEmpty {
            lines.append("Мероприятия возвращены в план: " + s.restoredEvents.map(\.description).joined(separator: ", "))
        }
        if s.calendarChanged { lines.append("Календарь обновлён.") }
        if s.coursesChanged { lines.append("Курсы обновлены.") }
        return lines.joined(separator: "\n")
    }
}
