/// A training course (курсы повышения квалификации) with its enrolments per school and year.
public struct TrainingCourse: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var provider: String?
    public var enrolments: [Enrolment]
    public var targets: [CourseTarget]

    public init(id: String, title: String, provider: String? = nil, enrolments: [Enrolment] = [], targets: [CourseTarget] = []) {
        self.id = id
        self.title = title
        self.provider = provider
        self.enrolments = enrolments
        self.targets = targets
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
