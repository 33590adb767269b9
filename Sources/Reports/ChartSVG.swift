import Planning

/// Two bar charts: months (grouped vertical bars, one per series) and schools (horizontal bars).
func chartSVG(_ chart: Chart) -> (svg: String, width: Int, height: Int) {
    let colours = ["#9bb7d4", "#1f4e79"]
    let maxValue = max(chart.series.flatMap(\.values).max() ?? 0, 1)
    let width = 680
    var body = ""
    var height: Int
    switch chart.orientation {
    case .vertical:
        let left = 36, top = 24, plot = 170, group = (width - left - 8) / max(chart.categories.count, 1)
        let bar = max((group - 8) / max(chart.series.count, 1), 2)
        height = top + plot + 70
        body += axisLine(x1: left, y1: top + plot, x2: width - 8, y2: top + plot)
        for (i, label) in chart.categories.enumerated() {
            let x0 = left + i * group + 4
            for (s, series) in chart.series.enumerated() {
                let h = scaled(series.values[i], of: maxValue, to: plot)
                let x = x0 + s * bar
                body += "<rect x=\"\(x)\" y=\"\(top + plot - h)\" width=\"\(bar - 1)\" height=\"\(h)\" fill=\"\(colours[s % 2])\"/>"
                if series.values[i] > 0 {
                    body += "<text x=\"\(x + bar / 2)\" y=\"\(top + plot - h - 3)\" font-size=\"9\" text-anchor=\"middle\">\(series.values[i])</text>"
                }
            }
            let lx = x0 + group / 2, ly = top + plot + 12
            body += "<text x=\"\(lx)\" y=\"\(ly)\" font-size=\"9\" text-anchor=\"end\" transform=\"rotate(-35 \(lx) \(ly))\">\(xmlEscaped(label))</text>"
        }
        for (s, series) in chart.series.enumerated() {
            let x = left + s * 150
            body += "<rect x=\"\(x)\" y=\"4\" width=\"10\" height=\"10\" fill=\"\(colours[s % 2])\"/>"
            body += "<text x=\"\(x + 14)\" y=\"13\" font-size=\"10\">\(xmlEscaped(series.name))</text>"
        }
    case .horizontal:
        let left = 300, row = 16, plot = width - left - 50
        height = max(chart.categories.count, 1) * row + 10
        let values = chart.series.first?.values ?? []
        for (i, label) in chart.categories.enumerated() {
            let y = 5 + i * row
            let w = scaled(values[i], of: maxValue, to: plot)
            body += "<text x=\"\(left - 6)\" y=\"\(y + 11)\" font-size=\"10\" text-anchor=\"end\">\(xmlEscaped(shortened(label, to: 48)))</text>"
            body += "<rect x=\"\(left)\" y=\"\(y + 2)\" width=\"\(w)\" height=\"\(row - 4)\" fill=\"\(colours[1])\"/>"
            body += "<text x=\"\(left + w + 4)\" y=\"\(y + 11)\" font-size=\"10\">\(values[i])</text>"
        }
        body += axisLine(x1: left, y1: 4, x2: left, y2: height - 4)
    }
    return ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(xmlEscaped(chart.title))\" font-family=\"sans-serif\"><title>\(xmlEscaped(chart.title))</title>\(body)</svg>", width, height)
}

private func axisLine(x1: Int, y1: Int, x2: Int, y2: Int) -> String {
    "<line x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(x2)\" y2=\"\(y2)\" stroke=\"#333\" stroke-width=\"1\"/>"
}

/// Long school names would run off the chart's left edge; the events tables carry them whole.
private func shortened(_ text: String, to length: Int) -> String {
    text.count <= length ? text : String(text.prefix(length - 1)) + "…"
}
