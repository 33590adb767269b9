import Planning

/// The district's own ways of writing months, schools and event kinds, read without regexes:
/// text is normalised to lower-case words first, then compared word by word.
enum DistrictWords {
    /// Words of `text`: lower case, `ё` as `е`, split at spaces, line breaks and punctuation
    /// (but `№` and `-` stay words of their own).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        func flush() { if !current.isEmpty { words.append(current); current = "" } }
        for ch in text.lowercased().replacingOccurrences(of: "ё", with: "е") {
            if ch.isLetter || ch.isNumber {
                current.append(ch)
            } else if ch == "№" || ch == "-" || ch == "–" || ch == "—" {
                flush()
                words.append(ch == "№" ? "№" : "-")
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// Runs of white space (line breaks, no-break spaces) as one space, trimmed.
    static func tidy(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    // MARK: Months

    /// Nominative and genitive forms: «Октябрь 2019», «в октябре», «до 15 октября».
    private static let monthStems = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр",
                                     "октябр", "ноябр", "декабр"]

    static func month(_ word: String) -> Int? {
        if word == "май" || word == "мая" || word == "мае" { return 5 }
        for (i, stem) in monthStems.enumerated() where i != 4 && word.hasPrefix(stem) && word.count <= stem.count + 2 {
            return i + 1
        }
        return nil
    }

    enum TimingError: Error, Equatable {
        case empty
        case unreadable
        case outsideYear(String)
    }

    /// «Октябрь 2019», «Декабрь\n2019», «Апрель 2020 г.», «Октябрь» (year from the academic year),
    /// «Октябрь – ноябрь 2019» (a window), «I полугодие» / «II полугодие», «в течение года».
    static func timing(_ text: String, year: AcademicYear) throws(TimingError) -> EventTiming {
        let w = words(text).filter { $0 != "г" && $0 != "года" && $0 != "год" && $0 != "гг" && $0 != "уч" && $0 != "в" }
        guard !w.isEmpty else { throw .empty }
        if let half = halfYear(w, year: year) { return half }
        if w.first == "течение" {
            return .window(from: year.firstDay, to: LocalDate(year: year.startYear + 1, month: 5, day: 31) ?? year.lastDay)
        }
        var months: [Int] = []
        var years: [Int] = []
        for word in w {
            if let m = month(word) { months.append(m); continue }
            if word == "-" { continue }
            guard word.count == 4, let y = Int(word) else { throw .unreadable }
            years.append(y)
        }
        guard (1...2).contains(months.count), years.count <= months.count else { throw .unreadable }
        // «Октябрь – ноябрь 2019»: the one year belongs to both; a month alone takes its academic year's.
        func yearMonth(_ m: Int, _ y: Int?) throws(TimingError) -> YearMonth {
            let y = y ?? (m >= 9 ? year.startYear : year.startYear + 1)
            guard let ym = YearMonth(year: y, month: m) else { throw .unreadable }
            guard year.contains(ym) else { throw .outsideYear(ym.russian) }
            return ym
        }
        let last = try yearMonth(months[months.count - 1], years.last)
        guard months.count == 2 else { return .month(last) }
        let first = try yearMonth(months[0], years.count == 2 ? years[0] : (months[0] <= months[1] ? last.year : nil))
        guard first < last else { throw .unreadable }
        return .window(from: first.firstDay, to: last.lastDay)
    }

    /// «I полугодие» is September to December; «II полугодие» January to May.
    private static func halfYear(_ w: [String], year: AcademicYear) -> EventTiming? {
        guard let i = w.firstIndex(where: { $0.hasPrefix("полугод") }), i > 0 else { return nil }
        switch w[i - 1] {
        case "i", "1", "первое", "первом":
            return .window(from: year.firstDay, to: LocalDate(year: year.startYear, month: 12, day: 31) ?? year.lastDay)
        case "ii", "2", "второе", "втором":
            return .window(from: LocalDate(year: year.startYear + 1, month: 1, day: 1) ?? year.firstDay,
                           to: LocalDate(year: year.startYear + 1, month: 5, day: 31) ?? year.lastDay)
        default: return nil
        }
    }

    /// «2019-2020 уч. г.», «2019/2020 учебный год».
    static func academicYear(_ text: String) -> AcademicYear? {
        let numbers = words(text).compactMap { $0.count == 4 ? Int($0) : nil }
        guard numbers.count == 2, numbers[1] == numbers[0] + 1 else { return nil }
        return AcademicYear(startYear: numbers[0])
    }

    // MARK: Event formats

    /// The format a title names: the earliest format word in it wins («Семинар по итогам
    /// конференции» is a seminar).
    static func format(ofTitle title: String) -> EventFormat? {
        let w = words(title)
        var best: (index: Int, format: EventFormat)?
        for (i, word) in w.enumerated() {
            let next = i + 1 < w.count ? w[i + 1] : ""
            let found: EventFormat? = switch true {
            case word.hasPrefix("конференц"): .conference
            case word.hasPrefix("семинар"): .seminar
            case word.hasPrefix("вебинар"): .webinar
            case word.hasPrefix("круглы") && next.hasPrefix("стол"): .roundTable
            case word.hasPrefix("рабоч") && next.hasPrefix("встреч"): .workingMeeting
            case word.hasPrefix("мастер") && (next == "-" || next.hasPrefix("класс")): .masterClass
            case word == "мастер" || word.hasPrefix("мастеркласс"): .masterClass
            case word.hasPrefix("открыт") && (next.hasPrefix("урок") || next.hasPrefix("занят")): .openLesson
            case word.hasPrefix("консультац"): .consultation
            case word.hasPrefix("курс") && (next.hasPrefix("повышен") || w.count == 1): .training
            default: nil
            }
            if let found, best == nil { best = (i, found) }
        }
        return best?.format
    }

    // MARK: Schools

    /// What a host cell or a member entry says: the school's number and kind, as far as written.
    struct SchoolMention: Equatable {
        var number: String?
        var kind: SchoolKind?
        var text: String
    }

    static func school(_ text: String) -> SchoolMention {
        let w = words(text)
        let number = w.first { !$0.isEmpty && $0.allSatisfy(\.isNumber) && $0.count <= 5 }
        var kind: SchoolKind?
        for word in w {
            if word.hasPrefix("лице") { kind = .lyceum; break }
            if word.hasPrefix("гимнази") { kind = .gymnasium; break }
            if word.hasPrefix("интернат") { kind = .boarding; break }
            if word == "сош" || word == "оош" || word.hasPrefix("школ") { kind = .school; break }
            if word.hasPrefix("колледж") { kind = .college; break }
            if word.hasPrefix("детск") || word == "доу" { kind = .kindergarten; break }
        }
        return SchoolMention(number: number, kind: kind, text: tidy(text))
    }

    /// Does a known school's name carry this number as a word of its own («№ 498», «№498», «498»)?
    static func name(_ name: String, hasNumber number: String) -> Bool {
        words(name).contains(number)
    }
}
