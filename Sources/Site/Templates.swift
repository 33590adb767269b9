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
        ("head", head), ("foot", foot), ("subscribe", subscribe), ("events", events),
        ("index", index), ("cluster", cluster), ("school", school), ("event", event), ("error", error),
    ] + accountTemplates + workspaceTemplates

    /// The site's styles, served as `/style.css`: the Content-Security-Policy allows no inline style.
    static let stylesheet = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;background:#fafafa;line-height:1.45}
    header,main,footer{max-width:60rem;margin:0 auto;padding:.75rem 1rem}
    header{border-bottom:1px solid #ddd}
    header a{color:#1b1b1b;text-decoration:none;font-weight:600}
    h1{font-size:1.5rem;margin:.5rem 0}
    h2{font-size:1.2rem;margin-top:1.5rem}
    a{color:#0b5cad}
    .muted{color:#666}
    .table{overflow-x:auto}
    table{border-collapse:collapse;width:100%;background:#fff}
    th,td{border:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
    th{background:#f0f0f0}
    tr.cancelled td{color:#888;text-decoration:line-through}
    .status{white-space:nowrap}
    .subscribe{background:#fff;border:1px solid #ddd;border-radius:.4rem;padding:.5rem .75rem;margin:1rem 0}
    .subscribe input{width:100%;box-sizing:border-box;font-family:monospace;padding:.3rem}
    ul.plain{padding-left:1.2rem}
    footer{color:#666;font-size:.9rem;border-top:1px solid #ddd;margin-top:2rem}

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
    <header><a href="{{home}}">ClusterPlan</a> · <span class="muted">планы работы кластеров школ</span></header>
    <main>

    """

    static let foot = """
    </main>
    <footer>Время указано по часовому поясу {{timezone}}. Календари обновляются автоматически после подписки.</footer>
    </body>
    </html>

    """

    static let subscribe = """
    <section class="subscribe">
    <h2>Подписаться на календарь</h2>
    <p>{{#webcal}}<a href="{{webcal}}">Подписаться (webcal://)</a> · {{/webcal}}<a href="{{url}}">Файл календаря ({{scheme}})</a></p>
    <p><label>Адрес для подписки (скопируйте в календарь):<br><input type="text" readonly value="{{url}}"></label></p>
    </section>

    """

    static let events = """
    {{#hasEvents}}
    <div class="table">
    <table>
    <thead><tr><th>№</th><th>Дата</th><th>Время</th><th>Мероприятие</th><th>Площадка</th><th>Статус</th></tr></thead>
    <tbody>
    {{#events}}
    <tr{{#cancelled}} class="cancelled"{{/cancelled}}><td>{{number}}</td><td>{{date}}</td><td>{{time}}</td><td>{{format}}: <a href="{{href}}">{{title}}</a>{{#showCluster}}<br><span class="muted">{{clusterTitle}}</span>{{/showCluster}}</td><td>{{host}}</td><td class="status">{{status}}</td></tr>
    {{/events}}
    </tbody>
    </table>
    </div>
    {{/hasEvents}}
    {{^hasEvents}}<p class="muted">Мероприятий нет.</p>{{/hasEvents}}

    """

    static let index = """
    {{>head}}<h1>{{title}}</h1>
    {{#subscribe}}{{>subscribe}}{{/subscribe}}
    {{#districts}}
    <h2>{{name}}</h2>
    <h3>Кластеры</h3>
    <ul class="plain">
    {{#clusters}}<li><a href="{{href}}">{{title}}</a> <span class="muted">— базовая школа: {{lead}}; мероприятий: {{eventCount}}</span></li>
    {{/clusters}}
    </ul>
    <h3>Школы</h3>
    <ul class="plain">
    {{#schools}}<li><a href="{{href}}">{{name}}</a></li>
    {{/schools}}
    </ul>
    {{/districts}}
    {{#reports}}<h2>Отчёты</h2>
    <ul class="plain">{{#years}}<li><a href="{{href}}">Отчёт за {{title}} учебный год</a></li>{{/years}}</ul>
    {{/reports}}
    {{>foot}}
    """

    static let cluster = """
    {{>head}}<h1>{{title}}</h1>
    {{#district}}<p class="muted">{{district}}</p>{{/district}}
    {{#profile}}<p>{{profile}}</p>{{/profile}}
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
    <h2>Мероприятия</h2>
    {{>events}}
    {{>foot}}
    """

    static let school = """
    {{>head}}<h1>{{title}}</h1>
    {{#district}}<p class="muted">{{district}}</p>{{/district}}
    {{#address}}<p>Адрес: {{address}}</p>{{/address}}
    {{#subscribe}}{{>subscribe}}{{/subscribe}}
    {{#hasClusters}}<h2>Кластеры</h2>
    <ul class="plain">{{#clusters}}<li><a href="{{href}}">{{title}}</a>{{#isLead}} — базовая школа{{/isLead}}</li>{{/clusters}}</ul>{{/hasClusters}}
    <h2>Мероприятия</h2>
    {{>events}}
    {{>foot}}
    """

    static let event = """
    {{>head}}<h1>{{title}}</h1>
    <p><strong>{{format}}</strong> · мероприятие № {{number}} кластера <a href="{{clusterHref}}">{{clusterTitle}}</a></p>
    <table>
    <tr><th>Когда</th><td>{{date}}{{#time}}, {{time}}{{/time}}</td></tr>
    <tr><th>Статус</th><td>{{status}}</td></tr>
    <tr><th>Учебный год</th><td>{{year}}</td></tr>
    <tr><th>Площадка</th><td><a href="{{hostHref}}">{{host}}</a>{{#address}}<br>{{address}}{{/address}}</td></tr>
    <tr><th>Участники</th><td>{{#participants}}<a href="{{href}}">{{name}}</a><br>{{/participants}}</td></tr>
    {{#purpose}}<tr><th>Цель</th><td>{{purpose}}</td></tr>{{/purpose}}
    {{#hasTasks}}<tr><th>Задачи плана</th><td>{{#tasks}}{{text}}<br>{{/tasks}}</td></tr>{{/hasTasks}}
    {{#outcome}}<tr><th>Итоги</th><td>{{outcome}}</td></tr>{{/outcome}}
    </table>
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
