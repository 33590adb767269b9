/// The year at a glance and the school list: their templates and styles, registered in `Templates.all`.
enum CalendarTemplates {
    static let all: [(String, String)] = [("calendar", calendar), ("calendar-grid", grid), ("schools", schools)]

    static let calendar = """
    {{>head}}<h1>{{heading}}</h1>
    <p class="muted">{{subtitle}}</p>
    <nav class="years">Учебный год: {{#years}}{{#current}}<strong>{{title}}</strong>{{/current}}{{^current}}<a href="{{href}}">{{title}}</a>{{/current}} {{/years}}{{#back}}· <a href="{{href}}">{{name}}</a>{{/back}}</nav>
    {{#grids}}{{>calendar-grid}}{{/grids}}
    {{>foot}}
    """

    /// One year: a row per month, a column per day number (a cell per day, shaded by its classes);
    /// below 40rem each month wraps into weeks. `calendar-grid` renders a `CalendarGrid`.
    static let grid = """
    <section class="calendar" id="{{anchor}}">
    {{#gridTitle}}<h2>{{gridTitle}}</h2>{{/gridTitle}}
    <table class="year">
    <thead><tr><th scope="col">Месяц</th>{{#dayNumbers}}<th scope="col">{{.}}</th>{{/dayNumbers}}</tr></thead>
    <tbody>
    {{#months}}<tr><th scope="row">{{name}}</th>{{#pad}}<td class="pad"></td>{{/pad}}{{#cells}}<td class="{{classes}}" data-date="{{iso}}"{{#note}} title="{{note}}"{{/note}}><span class="d">{{day}}</span>{{#events}}<a class="{{classes}}" href="{{href}}" title="{{title}}">{{label}}</a>{{/events}}{{#departed}}<span class="{{classes}}" title="{{title}}">{{label}}</span>{{/departed}}</td>{{/cells}}{{#blanks}}<td class="none"></td>{{/blanks}}</tr>
    {{/months}}
    </tbody>
    </table>
    <ul class="legend">{{#legend}}<li class="{{css}}">{{text}}</li>{{/legend}}<li class="ev">мероприятие (номер по плану)</li></ul>
    {{#hasEvents}}<ul class="calendar-list">
    {{#list}}<li{{#cancelled}} class="cancelled"{{/cancelled}}><span class="when">{{date}}</span> — <a href="{{href}}">№ {{number}}. {{format}}: {{title}}</a>{{#showCluster}} <span class="muted">({{clusterTitle}})</span>{{/showCluster}}{{#mark}} <strong class="mark">{{mark}}</strong>{{/mark}}</li>
    {{/list}}</ul>{{/hasEvents}}
    {{^hasEvents}}<p class="muted">В этом учебном году мероприятий нет.</p>{{/hasEvents}}
    </section>

    """

    static let schools = """
    {{>head}}<h1>{{title}}</h1>
    {{>search}}
    {{#summary}}<p>{{summary}}{{#allHref}} · <a href="{{allHref}}">Все школы</a>{{/allHref}}</p>{{/summary}}
    {{#nothingFound}}<p>Такой школы нет. Проверьте номер или введите другое слово из названия.</p>{{/nothingFound}}
    {{#groups}}<section id="{{anchor}}">
    <h2>{{name}}</h2>
    <ul class="plain">{{#schools}}<li><a href="{{href}}">{{name}}</a></li>{{/schools}}</ul>
    </section>
    {{/groups}}
    {{>foot}}
    """

    /// Shades: weekend < vacation < busy < holiday (the later rule wins on a day that is several).
    /// Print: one A4 landscape page per grid, colours kept.
    static let styles = """
    nav.years{margin:.5rem 0 1rem}
    table.year{table-layout:fixed;font-size:.8rem}
    table.year th,table.year td{padding:.1rem;text-align:center;overflow-wrap:normal}
    table.year thead th:first-child,table.year tbody th{width:7.5rem;text-align:left;white-space:nowrap}
    table.year td{height:2.1rem;vertical-align:top}
    table.year .d{display:none}
    td.weekend,.legend .weekend::before{background:#e9e9e9}
    td.vacation,.legend .vacation::before{background:#cdeccd}
    td.busy,.legend .busy::before{background:repeating-linear-gradient(45deg,#fff1c2,#fff1c2 4px,#ffd970 4px,#ffd970 8px)}
    td.holiday,.legend .holiday::before{background:#f6c9c9}
    td.none{background:#f7f7f7}
    td.pad{display:none}
    a.ev{display:inline-block;min-width:1.5rem;margin:.05rem;border-radius:.2rem;background:#0b5cad;color:#fff;text-decoration:none;font-weight:600}
    a.ev.cancelled{background:#8a8a8a;text-decoration:line-through}
    a.ev.moved,.legend .moved::before{background:#b35c00}
    a.ev.added{background:#2e7d32}
    .ev.was{display:inline-block;min-width:1.5rem;border:1px dashed #b35c00;color:#b35c00;border-radius:.2rem}
    ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.35rem 1.25rem;font-size:.9rem}
    ul.legend li::before{content:"";display:inline-block;width:1rem;height:1rem;border:1px solid #bbb;vertical-align:middle;margin-right:.35rem}
    .legend .ev::before{background:#0b5cad}
    ul.calendar-list{list-style:none;padding:0}
    ul.calendar-list li{margin:.25rem 0}
    ul.calendar-list li.cancelled a{text-decoration:line-through}
    .mark{color:#b35c00}
    @media (max-width:40rem){
    table.year,table.year tbody,table.year tr{display:block}
    table.year thead{display:none}
    table.year tr{display:grid;grid-template-columns:repeat(7,minmax(0,1fr));margin-bottom:.75rem}
    table.year tbody th{grid-column:1/-1;width:auto;border:none;background:none;font-size:1rem;padding:.25rem 0}
    table.year td{display:block;height:auto;min-height:2.6rem}
    table.year td.pad{display:block;border:none;background:none}
    table.year td.none{display:none}
    table.year .d{display:block;color:#555;font-size:.75rem}
    }
    @page calendar{size:A4 landscape;margin:8mm}
    @media print{
    main.wide{page:calendar}
    section.calendar+section.calendar{break-before:page}
    section.calendar h2{margin:0 0 .25rem}
    table.year{font-size:7pt}
    table.year td{height:auto;padding:0}
    td.weekend,td.vacation,td.busy,td.holiday,ul.legend li::before,a.ev{print-color-adjust:exact;-webkit-print-color-adjust:exact}
    a.ev{color:#fff}
    ul.legend{font-size:8pt;margin:.25rem 0}
    ul.calendar-list{break-before:page}
    }

    """
}
