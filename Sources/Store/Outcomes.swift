import GRDB
import Planning

extension AppDatabase {
    /// Writes new dates from the scheduler. A date that was already published and changes raises
    /// SEQUENCE; a first date does not (subscribers never saw the event). Returns the events changed.
    @discardableResult
    public func applySchedule(_ changes: [ScheduleChange], now: Int64) throws -> [EventID] {
        try write { db in
            var changed: [EventID] = []
            for change in changes {
                guard var record = try EventRecord.fetchOne(db, key: ["cluster": change.id.cluster, "number": change.id.number])
                else { throw StoreError.unknownEvent(change.id) }
                var state = record.state
                guard state.date != change.date || state.start != change.start else { continue }
                if state.date != nil { state.sequence += 1 }
                state.date = change.date
                state.start = change.date == nil ? nil : change.start
                if state.status == .planned || state.status == .scheduled {
                    state.status = change.date == nil ? .planned : .scheduled
                }
                state.lastModified = now
                record.setState(state)
                try record.update(db)
                changed.append(change.id)
            }
            if !changed.isEmpty { try Self.bumpRevision(db) }
            return changed
        }
    }

    /// Records an outcome in one transaction. Callers validate the values first
    /// (`OutcomeEntry.problems`); this only refuses unknown events.
    public func record(_ outcome: OutcomeEntry, for id: EventID, now: Int64) throws {
        try write { db in
            guard var record = try EventRecord.fetchOne(db, key: ["cluster": id.cluster, "number": id.number]) else {
                throw StoreError.unknownEvent(id)
            }
            var state = record.state
            let before = state
            var result = state.outcome ?? Outcome()
            switch outcome {
            case .held(let date, let participants, let schools, let note, let products):
                state.status = .held
                // The feed shows the day it really happened.
                state.date = date
                if state.start == nil { state.start = try record.plannedEvent().start }
                result.heldOn = date
                result.participants = participants
                result.schools = schools
                result.note = note ?? result.note
                result.products = products ?? result.products
                result.cancellationReason = nil
            case .cancelled(let reason):
                state.status = .cancelled
                result.cancellationReason = reason
            case .postponed(let date):
                state.status = .postponed
                state.date = date
                record.postponedTo = date.description
            }
            state.outcome = result
            if before.date != nil, before.date != state.date || before.status.isCancelled != state.status.isCancelled {
                state.sequence += 1
            }
            state.lastModified = now
            record.setState(state)
            try record.update(db)
            try Self.bumpRevision(db)
        }
    }

    /// The store's pins: events postponed to a date by `record --postponed`.
    public func postponements() throws -> [EventID: LocalDate] {
        try writer.read { db in
            var pins: [EventID: LocalDate] = [:]
            for r in try EventRecord.filter(Column("postponedTo") != nil).fetchAll(db) {
                if let d = r.postponedTo.flatMap({ LocalDate(iso: $0) }) { pins[r.id] = d }
            }
            return pins
        }
    }

    public func setIndicator(_ value: IndicatorValue) throws {
        try write { db in
            try IndicatorValueRecord(cluster: value.cluster, indicator: value.indicator, year: value.year.description,
                                     value: value.value).save(db)
            try Self.bumpRevision(db)
        }
    }
}
