import Planning

/// Dates as the pages write them: words, not abbreviations (`четверг, 17 октября 2019`).
public enum RussianDates {
    static let genitiveMonths = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                                 "сентября", "октября", "ноября", "декабря"]
    static let weekdays = ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"]
    /// `Октябрь`: month names as row headings.
    static let monthNames = YearMonth.russianNames.map { $0.prefix(1).uppercased() + $0.dropFirst() }

    /// `17 октября 2019`
    public static func day(_ date: LocalDate) -> String {
        let c = date.components
        return "\(c.day) \(genitiveMonths[c.month - 1]) \(c.year)"
    }

    /// `четверг, 17 октября 2019`
    public static func long(_ date: LocalDate) -> String { "\(weekdays[date.weekday.index]), \(day(date))" }

    /// `Октябрь 2019`
    static func month(_ month: YearMonth) -> String { "\(monthNames[month.month - 1]) \(month.year)" }

    /// `2019/2020 учебный год`
    static func year(_ year: AcademicYear) -> String { "\(year) учебный год" }
}
