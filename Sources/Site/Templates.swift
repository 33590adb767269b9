import Mustache

/// The page templates, compiled into the binary so `serve` and `publish` need no resource files.
/// Every value is written with `{{ }}`, which escapes HTML: names from plan files are text, never markup.
/// The site's stylesheet, for the server to answer `/style.css` with.
public var siteStylesheet: String { Templates.stylesheet + Templates.accountStyles + Templates.workspaceStyles }

enum Templates {
    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in all { try library.register(text, named: name) }
        return library
    }

    static let all: [(String, String)] = [
        ("head", head), ("foot", foot), ("subscribe", subscribe), ("events", events), ("upcoming", upcoming), ("search", search),
        ("index", index), ("cluster", cluster), ("school", school), ("event", event), ("error", error),
    ] + CalendarTemplates.all + accountTemplates + workspaceTemplates + workspacePlanTemplates + registrationTemplates + supportTemplates + [("manage-subscribers", subscribers)]

    /// The site's styles, served as `/style.css`: the Content-Security-Policy allows no inline style.
    static let stylesheet = baseStyles + CalendarTemplates.styles

    /// Nothing may be wider than the screen: long titles wrap anywhere, tables turn into stacked
    /// cards below 40rem, and print drops the navigation and the subscribe box.
    static let baseStyles = """
    *,*::before,*::after{box-sizing:border-box}
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;background:#fafafa;line-height:1.45}
    header,main,footer{max-width:60rem;margin:0 auto;padding:.75rem 1rem}
    header.wide,main.wide,footer.wide{max-width:90rem}
    header{border-bottom:1px solid #ddd}
    header a{color:#1b1b1b;text-decoration:none;font-weight:600}
    h1{font-size:1.5rem;margin:.5rem 0}
    h2{font-size:1.2rem;margin-top:1.5rem}
    h1,h2,h3,p,li,dd{overflow-wrap:anywhere}
    th,td{overflow-wrap:break-word}
    a{color:#0b5cad}
    .muted{color:#666}
    table{border-collapse:collapse;width:100%;background:#fff}
    th,td{border:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
    th{background:#f0f0f0}
    tr.cancelled td{color:#888;text-decoration:line-through}
    table.events th,td.time{white-space:nowrap}
    td.when{min-width:8rem}
    td.status{min-width:6rem}
    .card{background:#fff;border:1px solid #cfd8e3;border-left:4px solid #0b5cad;border-radius:.4rem;padding:.6rem 1rem;margin:1rem 0}
    .card h2{margin:0 0 .25rem;font-size:1rem;color:#555}
    .card .when{font-size:1.1rem;font-weight:600;margin:0}
    .card p{margin:.25rem 0}
    .subscribe{background:#fff;border:1px solid #ddd;border-radius:.4rem;padding:.5rem .75rem;margin:1rem 0}
    .subscribe input{width:100%;font-family:monospace;padding:.3rem}
    .subscribe ul.clients{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.75rem}
    .subscribe a.button{display:inline-block;padding:.35rem .8rem;border:1px solid #0b5cad;border-radius:.3rem;text-decoration:none;font-weight:600;margin-bottom:.2rem}
    .subscribe figure.qr{margin:.5rem 0}
    .subscribe figure.qr svg{display:block;max-width:12rem;height:auto;shape-rendering:crispEdges}
    form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:1rem 0}
    form.search label{flex:1 0 100%;font-weight:600}
    form.search input{flex:1 1 12rem;min-width:0;padding:.45rem;font-size:1rem}
    form.search button{padding:.45rem 1rem;font-size:1rem}
    .districts{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}
    .district{background:#fff;border:1px solid #ddd;border-radius:.4rem;padding:.25rem 1rem}
    ul.plain{padding-left:1.2rem}
    ul.next{list-style:none;padding:0}
    ul.next li{background:#fff;border:1px solid #ddd;border-radius:.4rem;padding:.5rem .75rem;margin:.5rem 0}
    .when{font-weight:600}
    footer{color:#666;font-size:.9rem;border-top:1px solid #ddd;margin-top:2rem}
    @media (max-width:40rem){
    table.events thead{display:none}
    table.events,table.events tbody,table.events tr,table.events td{display:block;width:100%}
    table.events{background:none}
    table.events tr{background:#fff;border:1px solid #ddd;border-radius:.4rem;margin-bottom:.75rem}
    table.events td{border:none;border-bottom:1px solid #eee;padding:.3rem .6rem}
    table.events td:last-child{border-bottom:none}
    table.events td::before{content:attr(data-label) ": ";font-weight:600;color:#555}
    }
    @page{size:A4;margin:15mm}
    @media print{
    body{background:#fff;font-size:10pt}
    header,footer,.subscribe,form.search,nav.years,.noprint{display:none}
    main,main.wide{max-width:none;padding:0}
    a{color:#000;text-decoration:none}
    tr,.card,li{break-inside:avoid}
    h2{break-after:avoid}
    }

    """

    static let head = """
    <!DOCTYPE html>
    <html lang="ru">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} — ClusterPlan</title>
    <link rel="stylesheet" href="{{home}}style.css">
    </head>
    <body>
    <header{{#wide}} class="wide"{{/wide}}><a href="{{home}}">ClusterPlan</a> · <span class="muted">планы работы кластеров школ</span></header>
    <main{{#wide}} class="wide"{{/wide}}>

    """

    static let foot = """
    </main>
    <footer{{#wide}} class="wide"{{/wide}}>Время указано по часовому поясу {{timezone}}. Календари обновляются автоматически после подписки.</footer>
    </body>
    </html>

    """

    /// The feed's address, a button per calendar app with two lines of instructions, and a QR code
    /// (SVG made by `QRCode`, no visitor text in it, hence `{{{ }}}`).
    static let subscribe = """
    <section class="subscribe">
    <h2>Подписаться на календарь</h2>
    {{#single}}<p><a class="button" href="{{single}}">Добавить только это мероприятие (.ics)</a></p>{{/single}}
    <p><label>Адрес для подписки (скопируйте в календарь):<br><input type="text" readonly value="{{url}}"></label></p>
    {{#hasClients}}<ul class="clients">
    {{#clients}}<li><a class="button" href="{{href}}" rel="noopener">{{name}}</a><br><span class="muted">{{first}}<br>{{second}}</span></li>
    {{/clients}}</ul>
    {{#qr}}<figure class="qr">{{{qr}}}<figcaption class="muted">Наведите камеру телефона, чтобы открыть адрес календаря.</figcaption></figure>{{/qr}}
    {{/hasClients}}
    <p>{{#webcal}}<a href="{{webcal}}">Подписаться (webcal://)</a> · {{/webcal}}<a href="{{url}}">Файл календаря ({{scheme}})</a></p>
    </section>

    """

    static let events = """
    {{#hasEvents}}
    <table class="events">
    <thead><tr><th>Номер</th><th>Дата</th><th>Время</th><th>Мероприятие</th><th>Площадка</th><th>Статус</th></tr></thead>
    <tbody>
    {{#events}}
    <tr{{#cancelled}} class="cancelled"{{/cancelled}}><td class="number" data-label="Номер">{{number}}</td><td class="when" data-label="Дата">{{date}}</td><td class="time" data-label="Время">{{time}}</td><td data-label="Мероприятие">{{format}}: <a href="{{href}}">{{title}}</a>{{#showCluster}}<br><span class="muted">{{clusterTitle}}</span>{{/showCluster}}</td><td data-label="Площадка">{{host}}</td><td class="status" data-label="Статус">{{status}}</td></tr>
    {{/events}}
    </tbody>
    </table>
    {{/hasEvents}}
    {{^hasEvents}}<p class="muted">Мероприятий нет.</p>{{/hasEvents}}

    """

    /// The next (or last) event, above the table; `calendarHref` links the year at a glance.
    static let upcoming = """
    {{#upcoming}}<section class="card">
    <h2>{{heading}}</h2>
    {{#event}}<p class="when">{{date}}, {{time}}</p>
    <p>{{format}}: <a href="{{href}}">{{title}}</a></p>
    <p class="muted">Площадка: {{host}}{{#showCluster}}. Кластер: {{clusterTitle}}{{/showCluster}}</p>{{/event}}
    </section>{{/upcoming}}

    """

    /// A GET form: the server filters, a static copy answers with the whole list.
    static let search = """
    {{#search}}<form class="search" method="get" action="{{action}}" role="search">
    <label for="q">Найти школу по номеру или по слову из названия</label>
    <input id="q" name="q" type="search" value="{{query}}" maxlength="100" placeholder="например, 344 или лицей">
    <button type="submit">Найти</button>
    </form>{{/search}}

    """

    static let index = """
    {{>head}}<h1>{{title}}</h1>
    {{>search}}
    <h2>Районы</h2>
    <div class="districts">
    {{#districts}}<section class="district" id="{{anchor}}">
    <h3>{{name}}</h3>
    <ul class="plain">
    {{#clusters}}<li><a href="{{href}}">{{title}}</a><br><span class="muted">Базовая школа: {{lead}}. Мероприятий: {{eventCount}}</span></li>
    {{/clusters}}
    </ul>
    <p><a href="{{schoolsHref}}">Школы района ({{schoolCount}})</a>{{#calendarHref}} · <a href="{{calendarHref}}">Календарь района</a>{{/calendarHref}}</p>
    </section>
    {{/districts}}
    </div>
    <h2>{{upcomingHeading}}</h2>
    {{#hasUpcoming}}<ul class="next">
    {{#upcoming}}<li><span class="when">{{date}}, {{time}}</span><br>{{format}}: <a href="{{href}}">{{title}}</a><br><span class="muted">{{clusterTitle}}. Площадка: {{host}}</span></li>
    {{/upcoming}}</ul>{{/hasUpcoming}}
    {{^hasUpcoming}}<p class="muted">Мероприятий пока нет.</p>{{/hasUpcoming}}
    {{#calendarHref}}<p><a href="{{calendarHref}}">Календарь на учебный год</a></p>{{/calendarHref}}
    {{#subscribe}}{{>subscribe}}{{/subscribe}}
    {{#reports}}<h2>Отчёты</h2>
    <ul class="plain">{{#years}}<li><a href="{{href}}">Отчёт за {{title}} учебный год</a></li>{{/years}}</ul>
    {{/reports}}
    {{>foot}}
    """

    static let cluster = """
    {{>head}}<h1>{{title}}</h1>
    {{#district}}<p class="muted">{{district}}</p>{{/district}}
    {{#profile}}<p>{{profile}}</p>{{/profile}}
    {{>upcoming}}
    <h2>Мероприятия</h2>
    {{>events}}
    {{#calendarHref}}<p><a href="{{calendarHref}}">Календарь кластера на учебный год</a></p>{{/calendarHref}}
    {{#subscribe}}{{>subscribe}}{{/subscribe}}
    {{#theme}}<h2>Тема</h2><p>{{theme}}</p>{{/theme}}
    {{#goal}}<h2>Цель</h2><p>{{goal}}</p>{{/goal}}
    {{#hasTasks}}<h2>Задачи</h2>
    <ol>{{#tasks}}<li>{{text}}</li>{{/tasks}}</ol>{{/hasTasks}}
    {{#hasDirections}}<h2>Направления работы</h2>
    {{#directions}}<h3>{{title}}</h3>
    <ul class="plain">{{#items}}<li>{{.}}</li>{{/items}}</ul>
    {{/directions}}{{/hasDirections}}
    <h2>Участники</h2>
    <ul class="plain">
    {{#members}}<li><a href="{{href}}">{{name}}</a>{{#isLead}} — <strong>базовая школа</strong>{{/isLead}}</li>
    {{/members}}
    </ul>
    {{#coordinator}}<p>Координатор: {{name}}{{#email}}, <a href="mailto:{{email}}">{{email}}</a>{{/email}}</p>{{/coordinator}}
    {{>foot}}
    """

    static let school = """
    {{>head}}<h1>{{title}}</h1>
    {{#district}}<p class="muted">{{district}}</p>{{/district}}
    {{#address}}<p>Адрес: {{address}}</p>{{/address}}
    {{>upcoming}}
    <h2>Мероприятия</h2>
    {{>events}}
    {{#calendarHref}}<p><a href="{{calendarHref}}">Календарь школы на учебный год</a></p>{{/calendarHref}}
    {{#hasClusters}}<h2>Кластеры</h2>
    <ul class="plain">{{#clusters}}<li><a href="{{href}}">{{title}}</a>{{#isLead}} — базовая школа{{/isLead}}</li>{{/clusters}}</ul>{{/hasClusters}}
    {{#subscribe}}{{>subscribe}}{{/subscribe}}
    {{>foot}}
    """

    static let event = """
    {{>head}}<h1>{{title}}</h1>
    <p><strong>{{format}}</strong> · мероприятие № {{number}} кластера <a href="{{clusterHref}}">{{clusterTitle}}</a></p>
    <table>
    <tr><th>Когда</th><td>{{date}}{{#time}}, {{time}}{{/time}}</td></tr>
    <tr><th>Статус</th><td>{{status}}</td></tr>
    <tr><th>Учебный год</th><td>{{year}}</td></tr>
    <tr><th>Площадка</th><td>{{#hostHref}}<a href="{{hostHref}}">{{host}}</a>{{/hostHref}}{{^hostHref}}{{host}}{{/hostHref}}{{#address}}<br>{{address}}{{/address}}</td></tr>
    {{#link}}<tr><th>Ссылка</th><td><a href="{{link}}" rel="noopener">{{link}}</a></td></tr>{{/link}}
    <tr><th>Участники</th><td>{{#participants}}<a href="{{href}}">{{name}}</a><br>{{/participants}}</td></tr>
    {{#purpose}}<tr><th>Цель</th><td>{{purpose}}</td></tr>{{/purpose}}
    {{#hasTasks}}<tr><th>Задачи плана</th><td>{{#tasks}}{{text}}<br>{{/tasks}}</td></tr>{{/hasTasks}}
    {{#outcome}}<tr><th>Итоги</th><td>{{outcome}}</td></tr>{{/outcome}}
    {{#hasMaterials}}<tr><th>Материалы</th><td>{{#materials}}<a href="{{href}}">{{title}}</a> <span class="muted">({{size}})</span><br>{{/materials}}</td></tr>{{/hasMaterials}}
    </table>
    {{#registration}}<p class="notice">Регистрация открыта{{#summary}}: {{summary}}{{/summary}}. <a href="{{href}}">Зарегистрироваться</a></p>{{/registration}}
    {{#subscribe}}{{>subscribe}}{{/subscribe}}
    <p><a href="{{clusterHref}}">← Все мероприятия кластера</a></p>
    {{>foot}}
    """

    static let error = """
    {{>head}}<h1>{{title}}</h1>
    <p>{{message}}</p>
    <p><a href="{{home}}">На главную</a></p>
    {{>foot}}
    """
}
