/// The fastest of `runs` timings of `body`: the figure least disturbed by other work on the machine.
func bestOf(_ runs: Int = 3, _ body: () throws -> Void) rethrows -> Duration {
    let clock = ContinuousClock()
    var best = Duration.seconds(1_000_000)
    for _ in 0..<runs { best = min(best, try clock.measure(body)) }
    return best
}
