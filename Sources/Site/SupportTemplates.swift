/// Templates of the support programme pages (`/manage/support`): forms without JavaScript, each
/// with the hidden `csrf` field; problems listed above the form they belong to.
extension Templates {
    static let supportTemplates: [(String, String)] = [
        ("manage-support", supportHome), ("manage-grouping", grouping), ("manage-roadmap", roadMap), ("support-problems", supportProblems),
    ]

    static let supportProblems = """
    {{#problems}}<p class="problem">{{.}}</p>{{/problems}}
    """

    static let supportHome = """
    {{>head}}{{#frame}}{{>workspace}}{{/frame}}<p><a href="{{frame.home}}manage/">← Рабочее место</a></p>
    <h1>{{title}}</h1>
    {{#notice}}<p class="notice">{{notice}}</p>{{/notice}}
    <h2>Результаты в базе</h2>
    {{#hasStored}}<div class="table"><table class="events"><thead><tr><th>Учебный год</th><th>Предмет</th><th>Строк</th><th>ОО</th></tr></thead><tbody>
    {{#stored}}<tr><td data-label="Учебный год">{{year}}</td><td data-label="Предмет">{{subject}}</td><td data-label="Строк">{{rows}}</td><td data-label="ОО">{{schools}}</td></tr>
    {{/stored}}</tbody></table></div>{{/hasStored}}{{^hasStored}}<p class="muted">Результатов пока нет.</p>{{/hasStored}}
    <h2>Загрузить результаты</h2>
    {{#resultProblems}}<p class="problem">{{.}}</p>{{/resultProblems}}
    <form class="form" method="post" action="{{frame.home}}manage/support/results" enctype="multipart/form-data">
    <input type="hidden" name="csrf" value="{{frame.csrf}}">
    <p><label>Файл CSV (столбцы как у cluster-schools: school, assessment, subject, grade, year, students, mean [sd] или success…)<br>
    <input type="file" name="file" accept=".csv,text/csv"></label></p>
    <p><label>…или текст CSV<br>
    <textarea name="csv" rows="6">{{csv}}</textarea></label></p>
    <p><button type="submit">Загрузить</button></p>
    </form>
    <h2>Новая группировка</h2>
    {{#groupingProblems}}<p class="problem">{{.}}</p>{{/groupingProblems}}
    <form class="form" method="post" action="{{frame.home}}manage/support/groupings">
    <input type="hidden" name="csrf" value="{{frame.csrf}}">
    {{#values}}
    <p><label>Метод<br><select name="method">{{#methods}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/methods}}</select></label></p>
    <p><label>Учебный год результатов<br><input type="text" name="year" value="{{year}}" placeholder="2019/2020"></label></p>
    <p><label>Предмет (пусто — все)<br><input type="text" name="subject" value="{{subject}}"></label></p>
    <p><label>ОО на одну опорную площадку<br><input type="number" name="capacity" value="{{capacity}}"></label></p>
    <p><label>Минимум участников<br><input type="number" name="minStudents" value="{{minStudents}}"></label></p>
    <p><label>2x2: порог результата, % значения района<br><input type="number" name="resultThreshold" value="{{resultThreshold}}"></label></p>
    <p><label>2x2: порог контингента, % маркеров<br><input type="number" name="contingentThreshold" value="{{contingentThreshold}}"></label></p>
    {{/values}}
    <p><button type="submit">Сформировать группы и пары</button></p>
    </form>
    <h2>Версии группировки</h2>
    {{#versions}}<p><a href="{{href}}">№ {{id}}</a> <span class="muted">{{at}}, {{login}}</span><br>{{summary}}</p>{{/versions}}
    {{^versions}}<p class="muted">Группировок пока нет.</p>{{/versions}}
    {{>foot}}
    """

    static let grouping = """
    {{>head}}{{#frame}}{{>workspace}}{{/frame}}<p><a href="{{frame.home}}manage/support">← Адресная поддержка</a></p>
    <h1>{{title}}</h1>
    {{#notice}}<p class="notice">{{notice}}</p>{{/notice}}
    {{>support-problems}}
    {{#supportCluster}}<p>Мероприятия дорожных карт: <a href="{{supportCluster}}">кластер адресной поддержки</a> (расписание публикуется там).</p>{{/supportCluster}}
    <div class="table"><table class="events">
    <thead><tr><th>ОО</th><th>Название</th><th>Контингент</th><th>Результат</th><th>Группа</th><th>Опорная площадка</th><th>Почему</th><th>Дорожная карта</th></tr></thead>
    <tbody>
    {{#rows}}<tr><td data-label="ОО">{{school}}</td><td data-label="Название">{{name}}</td><td data-label="Контингент">{{contingent}}</td>\
    <td data-label="Результат">{{result}}</td><td data-label="Группа">{{group}}</td><td data-label="Опорная площадка">{{site}}</td>\
    <td data-label="Почему">{{reason}}</td><td data-label="Дорожная карта">{{#roadMapHref}}<a href="{{roadMapHref}}">открыть</a>{{/roadMapHref}}</td></tr>
    {{/rows}}
    </tbody></table></div>
    {{#mentees}}<p><a href="{{value}}">{{label}}</a></p>{{/mentees}}
    {{#mayManage}}
    <p><a href="{{action}}/report">Отчёт за год поддержки с разделом «Адресная поддержка»</a></p>
    <h2>Поправить вручную</h2>
    <form class="form" method="post" action="{{action}}/mentor">
    <input type="hidden" name="csrf" value="{{frame.csrf}}">
    <p><label>Школа<br><input type="text" name="school"></label></p>
    <p><label>Новая опорная площадка (пусто — снять пару)<br><input type="text" name="site"></label></p>
    <p><button type="submit">Сменить наставника</button></p>
    </form>
    <form class="form" method="post" action="{{action}}/move">
    <input type="hidden" name="csrf" value="{{frame.csrf}}">
    <p><label>Школа<br><input type="text" name="school"></label></p>
    <p><label>В группу<br><select name="group">{{#groups}}<option value="{{value}}">{{label}}</option>{{/groups}}</select></label></p>
    <p><button type="submit">Переместить</button></p>
    </form>
    {{/mayManage}}
    {{#monitoring}}
    <h2>Мониторинг: результаты {{nextYear}}</h2>
    <h3>Поднялись</h3>{{#up}}<p>{{.}}</p>{{/up}}{{^up}}<p class="muted">Никто.</p>{{/up}}
    <h3>Опустились</h3>{{#back}}<p>{{.}}</p>{{/back}}{{^back}}<p class="muted">Никто.</p>{{/back}}
    <h3>Переходы между группами</h3><pre>{{matrix}}</pre>
    <h3>Опорные площадки</h3>{{#sites}}<p>{{.}}</p>{{/sites}}
    <h3>Дорожные карты</h3>{{#roadMaps}}<p>{{.}}</p>{{/roadMaps}}{{^roadMaps}}<p class="muted">Дорожных карт нет.</p>{{/roadMaps}}
    {{/monitoring}}
    {{>foot}}
    """

    static let roadMap = """
    {{>head}}{{#frame}}{{>workspace}}{{/frame}}<p><a href="{{groupingHref}}">← Группировка</a></p>
    <h1>{{title}}</h1>
    {{#notice}}<p class="notice">{{notice}}</p>{{/notice}}
    {{>support-problems}}
    <p>Опорная площадка: {{site}}</p>
    {{#mayManage}}<form class="form" method="post" action="{{action}}/text">
    <input type="hidden" name="csrf" value="{{frame.csrf}}">
    <p><label>Рекомендации и план помощи<br><textarea name="text" rows="10">{{text}}</textarea></label></p>
    <p><button type="submit">Сохранить текст</button></p>
    </form>{{/mayManage}}{{^mayManage}}<pre>{{text}}</pre>{{/mayManage}}
    <h2>Мероприятия</h2>
    <div class="table"><table class="events">
    <thead><tr><th>№</th><th>Уровень</th><th>Вид</th><th>Что</th><th>Отвечает</th><th>Когда</th><th>Мероприятие</th></tr></thead>
    <tbody>
    {{#actions}}<tr><td data-label="№">{{number}}</td><td data-label="Уровень">{{level}}</td><td data-label="Вид">{{kind}}</td><td data-label="Что">{{title}}</td>\
    <td data-label="Отвечает">{{responsible}}</td><td data-label="Когда">{{window}}</td><td data-label="Мероприятие">{{event}}</td></tr>
    {{/actions}}
    </tbody></table></div>
    {{#mayManage}}<h2>Добавить мероприятие</h2>
    <form class="form" method="post" action="{{action}}/actions">
    <input type="hidden" name="csrf" value="{{frame.csrf}}">
    {{#values}}
    <p><label>Уровень<br><select name="level">{{#levels}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/levels}}</select></label></p>
    <p><label>Вид<br><select name="kind">{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select></label></p>
    <p><label>Название<br><input type="text" name="title" value="{{title}}"></label></p>
    <p><label>Ответственная ОО<br><input type="text" name="responsible" value="{{responsible}}"></label></p>
    <p><label>С месяца<br><input type="month" name="from" value="{{from}}"></label></p>
    <p><label>По месяц (пусто — тот же)<br><input type="month" name="to" value="{{to}}"></label></p>
    {{/values}}
    <p><button type="submit">Добавить</button></p>
    </form>{{/mayManage}}
    {{>foot}}
    """
}
