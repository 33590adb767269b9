/// Templates of the coordinator workspace (`/manage/`). Forms post with the hidden `csrf` field,
/// carry the event's `revision`, name their fields as the write API's JSON does and work without
/// JavaScript; problems stand beside their fields with the values kept. Lists (participants,
/// tasks, schools) are one text field of ids separated by commas: a form body never repeats a key.
extension Templates {
    static let workspaceTemplates: [(String, String)] = [
        ("manage-rows", rows), ("manage-home", home), ("manage-home-lists", homeLists), ("manage-cluster", clusterPage),
        ("manage-event", eventForm), ("manage-outcome", outcomeForm), ("manage-preview", preview), ("manage-versions", versions),
        ("manage-audit", audit), ("manage-settings", settings), ("manage-calendar", calendarEdit),
    ]

    /// Styles of the forms: one column that fits 390 px, fields as wide as the screen allows.
    static let workspaceStyles = """
    .form p{margin:.6rem 0}
    .form input[type=text],.form input[type=email],.form input[type=number],.form input[type=date],.form input[type=month],.form input[type=time],\
    .form select,.form textarea{width:100%;max-width:36rem;box-sizing:border-box;padding:.35rem;font:inherit}
    .form textarea{min-height:5rem}
    .form fieldset{border:1px solid #ddd;margin:.6rem 0;padding:.4rem .6rem;max-width:36rem}
    .form fieldset label{display:block}
    .problem{color:#a00}
    .warning{background:#fff4d6;border:1px solid #e0c060;padding:.5rem .75rem}
    .notice{background:#e8f4e8;border:1px solid #9c9;padding:.5rem .75rem}
    .actions a{margin-right:1rem;display:inline-block}
    button{font:inherit;padding:.35rem .9rem}
    td,th{overflow-wrap:anywhere}

    """

    /// A list of events with their workspace links. The optional fields are looked up with a leading
    /// «.», in the row itself only: an absent one must not find the start page's list of the same name.
    static let rows = """
    <div class="table">
    <table class="events">
    <thead><tr><th>№</th><th>Мероприятие</th><th>Дата</th><th>Статус</th><th>Действия</th></tr></thead>
    <tbody>
    {{#items}}<tr{{#removed}} class="cancelled"{{/removed}}><td data-label="Номер">{{cluster}}/{{number}}</td><td data-label="Мероприятие">{{title}}{{#.pending}}<br><span class="muted">{{.}}</span>{{/.pending}}</td>\
    <td data-label="Дата">{{date}}</td><td class="status" data-label="Статус">{{status}}</td>\
    <td data-label="Действия">{{#.editHref}}<a href="{{.}}">Изменить</a> {{/.editHref}}{{#.outcomeHref}}<a href="{{.}}">Записать итог</a>{{/.outcomeHref}}{{#.registrationsHref}} <a href="{{.}}">Регистрация</a>{{/.registrationsHref}}</td></tr>
    {{/items}}
    </tbody>
    </table>
    </div>
    {{#.more}}<p class="muted">{{.}}</p>{{/.more}}

    """

    static let home = """
    {{>head}}{{#frame}}{{>workspace}}{{/frame}}<h1>Рабочее место</h1>
    {{#hasClusters}}<h2>Мои кластеры</h2>
    <ul class="plain">{{#clusters}}<li><a href="{{href}}">{{title}}</a> <span class="muted">({{id}}, <a href="{{page}}">страница кластера</a>)</span></li>{{/clusters}}</ul>{{/hasClusters}}
    {{#newCluster}}<p class="actions"><a href="{{newCluster}}">Новый кластер</a></p>{{/newCluster}}
    {{{lists}}}
    {{#supportHref}}<h2>Адресная поддержка</h2>{{#support}}<p>{{.}}</p>{{/support}}<p><a href="{{supportHref}}">Результаты, группировки, дорожные карты</a></p>{{/supportHref}}
    {{>foot}}
    """

    static let homeLists = """
    <h2>Ближайшие мероприятия</h2>
    {{#upcoming.any}}{{#upcoming}}{{>manage-rows}}{{/upcoming}}{{/upcoming.any}}{{^upcoming.any}}<p class="muted">Нет назначенных мероприятий.</p>{{/upcoming.any}}
    <h2>Нет сведений об итогах</h2>
    {{#unrecorded.any}}<p>Мероприятия прошли, итог не записан: «нет сведений».</p>{{#unrecorded}}{{>manage-rows}}{{/unrecorded}}{{/unrecorded.any}}\
    {{^unrecorded.any}}<p class="muted">Всё записано.</p>{{/unrecorded.any}}
    <h2>Не назначены</h2>
    {{#unplaced.any}}{{#unplaced}}{{>manage-rows}}{{/unplaced}}{{/unplaced.any}}{{^unplaced.any}}<p class="muted">Все мероприятия назначены.</p>{{/unplaced.any}}
    {{#pending.any}}<h2>Ждут публикации расписания</h2>{{#pending}}{{>manage-rows}}{{/pending}}{{/pending.any}}
    """

    static let clusterPage = """
    {{>head}}{{#frame}}{{>workspace}}{{/frame}}<p><a href="{{home}}manage/">← Рабочее место</a></p>
    <h1>{{title}}</h1>
    <p class="muted">{{id}} · ведущая школа: {{lead}}</p>
    {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
    <p class="actions">{{#actions}}<a href="{{href}}">{{label}}</a>{{/actions}}</p>
    <h2>Мероприятия</h2>
    {{{events}}}
    {{>foot}}
    """

    static let eventForm = """
    {{>head}}{{#frame}}{{>workspace}}{{/frame}}<p><a href="{{clusterHref}}">← {{cluster}}</a></p>
    <h1>{{title}}</h1>
    {{#published}}<p class="muted">Опубликовано: {{published}}. Новый месяц, дата, время, длительность или площадка вступят в силу \
    после публикации расписания; название, формат, цель, задачи и участники — сразу.</p>{{/published}}
    {{>problems}}
    <form method="post" action="{{action}}" class="form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <input type="hidden" name="revision" value="{{revision}}">
    {{#values}}
    <p><label>Формат<br><select name="format">{{#formats}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/formats}}</select></label>\
    {{#problems.format}}<br><span class="problem">{{problems.format}}</span>{{/problems.format}}</p>
    <p><label>Название<br><input type="text" name="title" value="{{title}}"></label>\
    {{#problems.title}}<br><span class="problem">{{problems.title}}</span>{{/problems.title}}</p>
    <p><label>Цель<br><textarea name="purpose">{{purpose}}</textarea></label>\
    {{#problems.purpose}}<br><span class="problem">{{problems.purpose}}</span>{{/problems.purpose}}</p>
    <p><label>Месяц (ГГГГ-ММ)<br><input type="text" name="month" value="{{month}}" placeholder="2019-10" inputmode="numeric"></label>\
    {{#problems.month}}<br><span class="problem">{{problems.month}}</span>{{/problems.month}}\
    {{#problems.year}}<br><span class="problem">{{problems.year}}</span>{{/problems.year}}</p>
    <p><label>или дата (ГГГГ-ММ-ДД)<br><input type="text" name="date" value="{{date}}" placeholder="2019-10-17" inputmode="numeric"></label>\
    {{#problems.date}}<br><span class="problem">{{problems.date}}</span>{{/problems.date}}</p>
    <p><label>или окно: с<br><input type="text" name="from" value="{{from}}" placeholder="2019-10-01"></label>\
    <label>по<br><input type="text" name="to" value="{{to}}" placeholder="2019-10-15"></label>\
    {{#problems.from}}<br><span class="problem">{{problems.from}}</span>{{/problems.from}}\
    {{#problems.to}}<br><span class="problem">{{problems.to}}</span>{{/problems.to}}</p>
    <p><label>Начало (ЧЧ:ММ; пусто — как принято в районе)<br><input type="text" name="start" value="{{start}}" placeholder="15:00"></label>\
    {{#problems.start}}<br><span class="problem">{{problems.start}}</span>{{/problems.start}}</p>
    <p><label>Длительность, минут<br><input type="text" name="duration" value="{{duration}}" inputmode="numeric"></label>\
    {{#problems.duration}}<br><span class="problem">{{problems.duration}}</span>{{/problems.duration}}</p>
    <p><label>Площадка<br><select name="host">{{#hosts}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/hosts}}</select></label>\
    {{#problems.host}}<br><span class="problem">{{problems.host}}</span>{{/problems.host}}</p>
    <p><label>Ссылка (для онлайн-мероприятия, https://…)<br><input type="text" name="link" value="{{link}}" inputmode="url"></label>\
    {{#problems.link}}<br><span class="problem">{{problems.link}}</span>{{/problems.link}}</p>
    <p><label>Участники (номера школ через запятую)<br><input type="text" name="participants" value="{{participantList}}"></label>\
    {{#problems.participants}}<br><span class="problem">{{problems.participants}}</span>{{/problems.participants}}</p>
    <p><label>Задачи плана (через запятую)<br><input type="text" name="tasks" value="{{taskList}}"></label>\
    {{#problems.tasks}}<br><span class="problem">{{problems.tasks}}</span>{{/problems.tasks}}</p>
    {{/values}}
    <details><summary>Школы кластера и задачи</summary><ul class="plain">{{#participants}}<li>{{value}} — {{label}}</li>{{/participants}}\
    {{#tasks}}<li>{{label}}</li>{{/tasks}}</ul></details>
    <p><button type="submit">{{#isNew}}Добавить мероприятие{{/isNew}}{{^isNew}}Сохранить{{/isNew}}</button></p>
    </form>
    {{#removeAction}}<form method="post" action="{{removeAction}}" class="form"><input type="hidden" name="csrf" value="{{csrf}}">\
    <input type="hidden" name="revision" value="{{revision}}">\
    <p><button type="submit">Исключить из плана</button> <span class="muted">в календарях останется как отменённое</span></p></form>{{/removeAction}}
    {{#uploadAction}}<h2>Материалы</h2>
    <ul class="plain">{{#materials}}<li><a href="{{href}}">{{title}}</a> <span class="muted">{{size}}</span> \
    <form method="post" action="{{removeAction}}" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">\
    <button type="submit">Удалить</button></form></li>{{/materials}}</ul>
    {{^materials}}<p class="muted">Материалов пока нет. Они появятся на странице мероприятия и в описании в календарях.</p>{{/materials}}
    <form method="post" action="{{uploadAction}}" class="form" enctype="multipart/form-data">\
    <input type="hidden" name="csrf" value="{{csrf}}">
    <p><label>Файл (PDF, Word, PowerPoint, Excel, изображение; до 20 МБ)<br><input type="file" name="file"></label>\
    {{#problems.file}}<br><span class="problem">{{problems.file}}</span>{{/problems.file}}</p>
    <p><label>Название (необязательно)<br><input type="text" name="title"></label></p>
    <p><button type="submit">Загрузить</button></p></form>{{/uploadAction}}
    {{>foot}}
    """

    static let outcomeForm = """
    {{>head}}{{#frame}}{{>workspace}}{{/frame}}<p><a href="{{clusterHref}}">← кластер</a></p>
    <h1>{{title}}</h1>
    <p>{{event}} <span class="muted">(сейчас: {{current}})</span></p>
    {{#confirm}}<div class="warning" role="alert"><p>Проверьте перед записью:</p><ul>{{#warnings}}<li>{{.}}</li>{{/warnings}}</ul>\
    <p>Если всё верно, нажмите «Всё равно записать».</p></div>{{/confirm}}
    {{>problems}}
    <form method="post" action="{{action}}" class="form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    {{#confirm}}<input type="hidden" name="confirm" value="true">{{/confirm}}
    <fieldset><legend>Итог</legend>{{#statuses}}<label><input type="radio" name="status" value="{{value}}"{{#selected}} checked{{/selected}}> \
    {{label}}</label>{{/statuses}}</fieldset>{{#problems.status}}<p class="problem">{{problems.status}}</p>{{/problems.status}}
    {{#values}}
    <p><label>Дата (проведено или новая дата при переносе, ГГГГ-ММ-ДД)<br><input type="text" name="date" value="{{date}}" placeholder="2019-10-17"></label>\
    {{#problems.date}}<br><span class="problem">{{problems.date}}</span>{{/problems.date}}</p>
    <p><label>Число участников<br><input type="number" name="participants" value="{{participants}}" min="0"></label>\
    {{#problems.participants}}<br><span class="problem">{{problems.participants}}</span>{{/problems.participants}}</p>
    <p><label>Школы, чьи педагоги участвовали (номера через запятую)<br><input type="text" name="schools" value="{{schoolList}}"></label>\
    {{#problems.schools}}<br><span class="problem">{{problems.schools}}</span>{{/problems.schools}}</p>
    <p><label>Примечание<br><textarea name="note">{{note}}</textarea></label></p>
    <p><label>Результаты и продукты<br><textarea name="products">{{products}}</textarea></label></p>
    <p><label>Причина отмены<br><input type="text" name="reason" value="{{reason}}"></label>\
    {{#problems.reason}}<br><span class="problem">{{problems.reason}}</span>{{/problems.reason}}</p>
    {{/values}}
    <details><summary>Школы кластера</summary><ul class="plain">{{#schools}}<li>{{value}} — {{label}}</li>{{/schools}}</ul></details>
    <p><button type="submit">{{#confirm}}Всё равно записать{{/confirm}}{{^confirm}}Записать итог{{/confirm}}</button></p>
    </form>
    {{>foot}}
    """

    static let settings = """
    {{>head}}{{#frame}}{{>workspace}}{{/frame}}<p><a href="{{clusterHref}}">← {{cluster}}</a></p>
    <h1>{{title}}</h1>
    {{>problems}}
    <form method="post" action="{{action}}" class="form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    {{#values}}
    <p><label>Название<br><input type="text" name="title" value="{{title}}"></label>\
    {{#problems.title}}<br><span class="problem">{{problems.title}}</span>{{/problems.title}}</p>
    <p><label>Описание (контингент, результаты, тема сети)<br><textarea name="profile">{{profile}}</textarea></label>\
    {{#problems.profile}}<br><span class="problem">{{problems.profile}}</span>{{/problems.profile}}</p>
    <p><label>Тема плана<br><textarea name="theme">{{theme}}</textarea></label>\
    {{#problems.theme}}<br><span class="problem">{{problems.theme}}</span>{{/problems.theme}}</p>
    <p><label>Цель<br><textarea name="goal">{{goal}}</textarea></label>\
    {{#problems.goal}}<br><span class="problem">{{problems.goal}}</span>{{/problems.goal}}</p>
    <p><label>Координатор (ФИО)<br><input type="text" name="coordinatorName" value="{{coordinatorName}}"></label>\
    {{#problems.coordinatorName}}<br><span class="problem">{{problems.coordinatorName}}</span>{{/problems.coordinatorName}}</p>
    <p><label>Адрес координатора<br><input type="text" name="coordinatorEmail" value="{{coordinatorEmail}}" inputmode="email"></label>\
    {{#problems.coordinatorEmail}}<br><span class="problem">{{problems.coordinatorEmail}}</span>{{/problems.coordinatorEmail}}</p>
    {{/values}}
    <p><label>Имя и адрес координатора<br><select name="contact">{{#contact}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/contact}}</select></label></p>
    <p><label>Примечания, результаты и причины отмен в итогах<br><select name="notes">{{#notes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/notes}}</select></label></p>
    <p><button type="submit">Сохранить</button></p>
    </form>
    {{>foot}}
    """

    static let preview = """
    {{>head}}{{#frame}}{{>workspace}}{{/frame}}<p><a href="{{clusterHref}}">← {{cluster}}</a></p>
    <h1>{{title}}</h1>
    <p>Так изменится расписание после публикации. Пока ничего не изменено. <a href="{{calendar}}">Показать на календаре</a></p>
    {{#warnings}}<p class="warning">{{.}}</p>{{/warnings}}
    <div class="table">
    <table class="events">
    <thead><tr><th>№</th><th>Мероприятие</th><th>Что будет</th><th>Было</th><th>Станет</th><th>Почему</th></tr></thead>
    <tbody>
    {{#rows}}<tr><td data-label="Номер">{{number}}</td><td data-label="Мероприятие">{{title}}</td><td class="status" data-label="Что будет">{{kind}}</td>\
    <td data-label="Было">{{old}}</td><td data-label="Станет">{{new}}</td>\
    <td data-label="Почему">{{#explanation}}{{.}}<br>{{/explanation}}</td></tr>
    {{/rows}}
    </tbody>
    </table>
    </div>
    {{#changes}}<form method="post" action="{{action}}" class="form"><input type="hidden" name="csrf" value="{{csrf}}">\
    <input type="hidden" name="publish" value="true"><p><button type="submit">Опубликовать</button></p></form>{{/changes}}
    {{^changes}}<p class="muted">Публиковать нечего: расписание не изменится.</p>{{/changes}}
    {{>foot}}
    """

    static let versions = """
    {{>head}}{{#frame}}{{>workspace}}{{/frame}}<p><a href="{{clusterHref}}">← {{cluster}}</a></p>
    <h1>{{title}}</h1>
    {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
    {{#versions}}<h2>Версия {{number}}</h2><p class="muted">{{at}} · {{login}}</p>
    {{#hasMoves}}<ul class="plain">{{#moves}}<li>№ {{number}} {{title}}: {{old}} → {{new}}</li>{{/moves}}</ul>{{/hasMoves}}\
    {{^hasMoves}}<p class="muted">Даты не менялись.</p>{{/hasMoves}}
    {{/versions}}{{^versions}}<p class="muted">Расписание ещё не публиковалось из рабочего места.</p>{{/versions}}
    {{>foot}}
    """

    static let audit = """
    {{>head}}{{#frame}}{{>workspace}}{{/frame}}<p><a href="{{clusterHref}}">← {{cluster}}</a></p>
    <h1>{{title}}</h1>
    <div class="table">
    <table class="events">
    <thead><tr><th>Когда</th><th>Кто</th><th>Откуда</th><th>Что</th><th>Поле</th><th>Было</th><th>Стало</th></tr></thead>
    <tbody>
    {{#entries}}<tr><td data-label="Когда">{{at}}</td><td data-label="Кто">{{login}}</td><td data-label="Откуда">{{source}}</td>\
    <td data-label="Что">{{event}}</td><td data-label="Поле">{{field}}</td><td data-label="Было">{{old}}</td><td data-label="Стало">{{new}}</td></tr>
    {{/entries}}
    </tbody>
    </table>
    </div>
    {{>foot}}
    """
}
