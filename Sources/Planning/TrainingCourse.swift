/// A training course (курсы повышения квалификации) with its enrolments per school and year.
public struct TrainingCourse: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var provider: String?
    public var enrolments: [Enrolment]
    public var targets: [CourseTarget]
    /// The course's sessions as events of the plan (`events: [kirov-1/3]`): who attended them
    /// are its listeners (see `withAttendance`).
    public var events: [EventID]

    public init(id: String, title: String, provider: String? = nil, enrolments: [Enrolment] = [], targets: [CourseTarget] = [],
                events: [EventID] = []) {
        self.id = id
        self.title = title
        self.provider = provider
        self.enrolments = enrolments
        self.targets = targets
        self.events = events
    }

    public struct Enrolment: Hashable, Sendable {
        public var year: AcademicYear
        public var school: String
        public var teams: Int
        public var listeners: Int
        public init(year: AcademicYear, school: String, teams: Int, listeners: Int) {
            self.year = year
            self.school = school
            self.teams = teams
            self.listeners = listeners
        }
    }

    /// "at least N listeners from M schools (of cluster C)" for one year.
    public struct CourseTarget: Hashable, Sendable {
        public var year: AcademicYear
        public var listeners: Int
        public var schools: Int
        public var cluster: String?
        public init(year: AcademicYear, listeners: Int, schools: Int, cluster: String? = nil) {
            self.year = year
            self.listeners = listeners
            self.schools = schools
            self.cluster = cluster
        }
    }

    public func enrolments(in year: AcademicYear) -> [Enrolment] { enrolments.filter { $0.year == year } }
    public func listeners(in year: AcademicYear) -> Int { enrolments(in: year).reduce(0) { $0 + $1.listeners } }
    public func schools(in year: AcademicYear) -> Set<String> { Set(enrolments(in: year).map(\.school)) }
}

/// Distinct attendees of a course's events from one school in one academic year: counted by the
/// store from attendance, no name or address in it.
public struct CourseListeners: Hashable, Sendable {
    public var course: String
    public var year: AcademicYear
    public var school: String
    public var listeners: Int

    public init(course: String, year: AcademicYear, school: String, listeners: Int) {
        self.course = course
        self.year = year
        self.school = school
        self.listeners = listeners
    }
}

extension TrainingCourse {
    /// The course with its enrolments of every year that has attendance replaced by it (one
    /// enrolment per school, no team count): attendance, where it exists, is what happened.
    public func withAttendance(_ attended: [CourseListeners]) -> TrainingCourse {
        let mine = attended.filter { $0.course == id }
        guard !mine.isEmpty else { return self }
        var course = self
        let years = Set(mine.map(\.year))
        course.enrolments = enrolments.filter { !years.contains($0.year) }
            + mine.map { Enrolment(year: $0.year, school: $0.school, teams: 0, listeners: $0.listeners) }
        return course
    }
}

extension DistrictSnapshot {
    /// The district's courses with their listeners from attendance where it exists (the report's figures).
    public var coursesWithAttendance: [TrainingCourse] { district.courses.map { $0.withAttendance(courseListeners) } }
}
