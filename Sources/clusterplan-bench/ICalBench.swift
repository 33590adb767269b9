import Foundation
import ICal
import Planning

/// `clusterplan-bench ical`: a 10,000-event district feed built by `makeFeed`, by python
/// `icalendar` (`bench/ical/python_feed.py`) and by a plain C loop over libical
/// (`bench/ical/c_loop.c`), all from the same events; best of 3 in process for each.
func icalBench() throws {
    let snapshot = SyntheticFeedDistrict.make(clusters: 300, events: 10_000)
    var feed = Feed(bytes: [])
    let swift = try bestOf { feed = try makeFeed(snapshot, scope: .district, options: FeedOptions(baseURL: "https://plan.example.ru")) }
    let swiftMs = milliseconds(swift)
    let megabytes = Double(feed.bytes.count) / 1_048_576
    print("| ical | makeFeed, district feed of 10,000 events (300 clusters) | \(format(swiftMs)) ms | \(format(megabytes)) MiB |")

    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("clusterplan-bench-ical-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let events = directory.appendingPathComponent("events.tsv")
    try Data(try comparisonRows(feed.text).utf8).write(to: events)
    let benchDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("bench/ical")

    if let (ms, bytes) = try? measure("python3", [benchDirectory.appendingPathComponent("python_feed.py").path, events.path]) {
        print("| ical | python icalendar, same feed | \(format(ms)) ms | \(format(Double(bytes) / 1_048_576)) MiB; makeFeed is \(format(ms / swiftMs))x faster |")
    } else {
        print("| ical | python icalendar, same feed | not run: python3 with icalendar missing (python3 -m pip install icalendar) | |")
    }

    let binary = directory.appendingPathComponent("c_loop")
    let compile = try run("cc", ["-O2", benchDirectory.appendingPathComponent("c_loop.c").path, "-o", binary.path, "-lical"])
    if compile.status == 0, let (ms, bytes) = try? measure(binary.path, [events.path]) {
        let same = bytes == feed.bytes.count ? "same size as makeFeed's" : "size differs from makeFeed's"
        print("| ical | C loop over libical, same feed | \(format(ms)) ms | \(format(Double(bytes) / 1_048_576)) MiB (\(same)); makeFeed / C = \(format(swiftMs / ms)) |")
    } else {
        print("| ical | C loop over libical, same feed | not run: `cc ... -lical` failed | |")
    }
}

/// One TSV row per VEVENT of the feed as libical reads it back, so python and C build exactly
/// the events `makeFeed` built. A 0x01 byte stands for a newline inside a field.
private func comparisonRows(_ text: String) throws -> String {
    let calendar = try ParsedCalendar(text: text).root
    return calendar.components("VEVENT").map { event in
        let organizer = event.property("ORGANIZER")
        let fields = [
            event.value("UID"), event.value("DTSTART"), event.value("DTEND"), event.value("DTSTAMP"),
            event.value("SEQUENCE"), event.value("SUMMARY"), event.value("DESCRIPTION"), event.value("LOCATION"),
            event.value("CATEGORIES"), event.value("STATUS"), organizer?.parameters["CN"],
            organizer.map { String($0.value.dropFirst("mailto:".count)) }, event.value("URL"),
        ]
        return fields.map { ($0 ?? "").replacingOccurrences(of: "\n", with: "\u{1}") }.joined(separator: "\t") + "\n"
    }.joined()
}

/// Runs a comparison program that prints "<best ms> <bytes>".
private func measure(_ program: String, _ arguments: [String]) throws -> (Double, Int)? {
    let result = try run(program, arguments)
    let parts = result.output.split(separator: " ")
    guard result.status == 0, parts.count == 2, let ms = Double(parts[0]), let bytes = Int(parts[1]) else { return nil }
    return (ms, bytes)
}

private func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.standardError
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let output = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return (process.terminationStatus, output)
}

private func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
}

private func format(_ value: Double) -> String { String(format: "%.1f", value) }

/// A district shaped like a big city's: clusters of six schools, events spread over two academic
/// years, some cancelled. Deterministic, so every run times the same feed.
enum SyntheticFeedDistrict {
    static let name = "Синтетический район"

    static func make(clusters clusterCount: Int, events eventCount: Int) -> DistrictSnapshot {
        let schools = (1...(clusterCount * 5)).map { n in
            School(id: "\(n)", name: "ГБОУ СОШ № \(n) Синтетического района", district: name,
                   address: "Санкт-Петербург, ул. Учебная, д. \(n)")
        }
        let tasks = [
            PlanTask(id: "T1", text: "Объединить педагогическое сообщество кластера для совместной аналитической деятельности"),
            PlanTask(id: "T2", text: "Разработать новые формы работы и форматы взаимодействия (сетевые проекты, программы)"),
        ]
        let formats = EventFormat.allCases
        let firstDay = LocalDate(year: 2019, month: 9, day: 2)!
        var events: [[PlannedEvent]] = Array(repeating: [], count: clusterCount)
        var states: [EventSnapshot] = []
        for k in 0..<eventCount {
            let clusterIndex = k % clusterCount
            let members = (0..<6).map { "\((clusterIndex * 5 + $0) % schools.count + 1)" }
            let day = firstDay.adding(days: (k * 7) % 600)
            let event = PlannedEvent(
                id: EventID(cluster: "cluster-\(clusterIndex + 1)", number: k / clusterCount + 1),
                year: AcademicYear(containing: day), format: formats[k % formats.count],
                title: "Использование результатов оценочных процедур: встреча № \(k / clusterCount + 1), «точные науки»; итоги",
                purpose: "Обсуждение промежуточных результатов, определение проблем и путей их решения.\nРазработка инструментария.",
                timing: .month(day.yearMonth), host: members[k % members.count], participants: members,
                tasks: ["T1", "T2"])
            events[clusterIndex].append(event)
            let state = EventState(date: day, sequence: k % 4, lastModified: 1_567_328_400 + Int64(k) * 60,
                                   status: k % 50 == 0 ? .cancelled : .scheduled)
            states.append(EventSnapshot(event: event, state: state))
        }
        let clusters = (0..<clusterCount).map { i in
            Cluster(id: "cluster-\(i + 1)", title: "Кластер № \(i + 1): качество преподавания точных дисциплин", district: name,
                    lead: events[i].first?.host ?? "1", members: events[i].first?.participants ?? [],
                    coordinator: Coordinator(name: "Координатор кластера № \(i + 1)", email: "cluster\(i + 1)@example.org"),
                    plan: WorkPlan(years: [AcademicYear(startYear: 2019), AcademicYear(startYear: 2020)],
                                   goal: "Повышение качества образования", tasks: tasks, events: events[i]))
        }
        return DistrictSnapshot(district: District(name: name, schools: schools, clusters: clusters), events: states)
    }
}
