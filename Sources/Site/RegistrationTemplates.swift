/// Templates of registration: the public form, the registrant's private page and the
/// coordinator's list. Forms work without JavaScript; the public ones carry `csrf` only when the
/// visitor has a session (as `/login` does), the workspace's always.
extension Templates {
    static let registrationTemplates: [(String, String)] = [
        ("registration", registration), ("registration-private", registrationPrivate), ("manage-registrations", manageRegistrations),
    ]

    static let registration = """
    {{>head}}<h1>Регистрация на мероприятие</h1>
    <p><a href="{{eventHref}}">{{event}}</a><br>{{when}} · {{place}}</p>
    {{#open}}{{#summary}}<p class="muted">{{summary}}. Когда места заняты, регистрация ставит в лист ожидания.</p>{{/summary}}
    {{>problems}}
    <form method="post" action="{{action}}" class="form">
    {{#csrf}}<input type="hidden" name="csrf" value="{{csrf}}">{{/csrf}}
    {{#values}}
    <p><label>Фамилия, имя, отчество<br><input type="text" name="name" value="{{name}}" autocomplete="name" required></label>\
    {{#problems.name}}<br><span class="problem">{{problems.name}}</span>{{/problems.name}}</p>
    {{/values}}
    <p><label>Школа<br><select name="school" required><option value="">— выберите —</option>\
    {{#schools}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/schools}}</select></label>\
    {{#problems.school}}<br><span class="problem">{{problems.school}}</span>{{/problems.school}}</p>
    {{#values}}
    <p><label>Должность<br><input type="text" name="position" value="{{position}}" autocomplete="organization-title"></label>\
    {{#problems.position}}<br><span class="problem">{{problems.position}}</span>{{/problems.position}}</p>
    <p><label>Электронная почта<br><input type="email" name="email" value="{{email}}" autocomplete="email" required></label>\
    {{#problems.email}}<br><span class="problem">{{problems.email}}</span>{{/problems.email}}</p>
    <fieldset><legend>Согласие на обработку персональных данных (152-ФЗ)</legend>
    <p class="muted">Цель: {{purpose}}.<br>Срок хранения: {{retention}}.<br>Данные видят только координатор мероприятия и методист.</p>
    <label><input type="checkbox" name="consent" value="yes"{{#consent}} checked{{/consent}}> Я согласен(на) на обработку моих \
    персональных данных (ФИО, школа, должность, электронная почта) для указанной цели</label>\
    {{#problems.consent}}<span class="problem">{{problems.consent}}</span>{{/problems.consent}}</fieldset>
    {{/values}}
    <p><button type="submit">Зарегистрироваться</button></p>
    </form>{{/open}}
    {{^open}}<p class="problem">Регистрация на это мероприятие не открыта.</p>{{/open}}
    {{>foot}}
    """

    static let registrationPrivate = """
    {{>head}}<h1>Ваша регистрация</h1>
    {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
    <p class="warning">Это ваша личная страница: сохраните её адрес и не пересылайте его. По нему регистрацию можно отменить.</p>
    <table>
    <tr><th>Мероприятие</th><td><a href="{{eventHref}}">{{event}}</a></td></tr>
    <tr><th>Когда</th><td>{{when}}</td></tr>
    <tr><th>Участник</th><td>{{name}}, {{school}}</td></tr>
    <tr><th>Статус</th><td class="status">{{status}}{{#attended}}; присутствие отмечено{{/attended}}</td></tr>
    </table>
    {{#active}}<form method="post" action="{{cancelAction}}" class="form">{{#csrf}}<input type="hidden" name="csrf" value="{{csrf}}">{{/csrf}}<p><button type="submit">Отменить регистрацию</button></p></form>{{/active}}
    {{#hasEmail}}<h2>Личный календарь</h2>
    <p class="muted">Лента всех мероприятий, на которые вы зарегистрированы с этим адресом почты. Новая ссылка заменяет прежнюю.</p>
    {{#feedURL}}<p class="notice">Ваша лента (адрес показан один раз): <a href="{{feedURL}}">{{feedURL}}</a>\
    {{#webcal}}<br><a href="{{webcal}}">Подписаться в календаре</a>{{/webcal}}</p>{{/feedURL}}
    <form method="post" action="{{feedAction}}" class="inline">{{#csrf}}<input type="hidden" name="csrf" value="{{csrf}}">{{/csrf}}<button type="submit">Получить ссылку на ленту</button></form>
    <form method="post" action="{{revokeAction}}" class="inline">{{#csrf}}<input type="hidden" name="csrf" value="{{csrf}}">{{/csrf}}<button type="submit">Отозвать ленту</button></form>{{/hasEmail}}
    {{>foot}}
    """

    static let manageRegistrations = """
    {{>head}}{{#frame}}{{>workspace}}{{/frame}}<h1>Регистрация: {{event}}</h1>
    <p><a href="{{clusterHref}}">← К кластеру</a> · <a href="{{publicHref}}">Страница регистрации</a> · \
    <a href="{{signInHref}}">Лист регистрации (DOCX)</a> · <a href="{{certificatesHref}}">Сертификаты участникам (DOCX)</a></p>
    {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
    {{>problems}}
    {{#mayEdit}}<h2>Настройки</h2>
    <form method="post" action="{{settingsAction}}" class="form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <p><label><input type="checkbox" name="open" value="yes"{{#open}} checked{{/open}}> Регистрация открыта</label></p>
    <p><label>Мест (пусто — без ограничения)<br><input type="number" name="capacity" min="0" value="{{capacity}}"></label>\
    {{#problems.capacity}}<br><span class="problem">{{problems.capacity}}</span>{{/problems.capacity}}</p>
    <p><label>Срок (ГГГГ-ММ-ДД или ГГГГ-ММ-ДДTЧЧ:ММ; пусто — начало мероприятия)<br><input type="text" name="deadline" value="{{deadline}}"></label>\
    {{#problems.deadline}}<br><span class="problem">{{problems.deadline}}</span>{{/problems.deadline}}</p>
    <p><button type="submit">Сохранить настройки</button></p>
    </form>{{/mayEdit}}
    <h2>Участники ({{registeredCount}} зарегистрировано, {{waitingCount}} в листе ожидания, {{presentCount}} присутствует)</h2>
    <form method="post" action="{{attendanceAction}}" class="form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <div class="table"><table>
    <thead><tr><th>Был(а)</th><th>ФИО</th><th>Школа</th><th>Должность</th><th>Почта</th><th>Статус</th></tr></thead>
    <tbody>
    {{#rows}}<tr><td data-label="Был(а)">{{#active}}<input type="checkbox" name="present" value="{{id}}" aria-label="{{name}}"{{#attended}} checked{{/attended}}>{{/active}}</td>\
    <td data-label="ФИО">{{name}}</td><td data-label="Школа">{{school}}</td><td data-label="Должность">{{position}}</td>\
    <td data-label="Почта">{{email}}</td><td data-label="Статус">{{status}}</td></tr>
    {{/rows}}
    </tbody></table></div>
    <p><button type="submit">Сохранить отметки</button></p>
    </form>
    <details><summary>Отозвать личную ленту участника</summary>
    {{#rows}}{{#revokeAction}}<form method="post" action="{{revokeAction}}" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">\
    <button type="submit">{{name}}</button></form> {{/revokeAction}}{{/rows}}</details>
    {{#outcomeHref}}<p><a href="{{outcomeHref}}">Записать итог: участников {{presentCount}}, школ {{schoolCount}}</a></p>{{/outcomeHref}}
    <h2>Пришёл без регистрации</h2>
    <form method="post" action="{{walkInAction}}" class="form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <p><label>ФИО<br><input type="text" name="name" required></label>{{#problems.name}}<br><span class="problem">{{problems.name}}</span>{{/problems.name}}</p>
    <p><label>Школа<br><select name="school"><option value="">— выберите —</option>\
    {{#schools}}<option value="{{value}}">{{label}}</option>{{/schools}}</select></label>\
    {{#problems.school}}<br><span class="problem">{{problems.school}}</span>{{/problems.school}}</p>
    <p><label>Должность<br><input type="text" name="position"></label></p>
    <p><label>Почта (необязательно)<br><input type="email" name="email"></label>{{#problems.email}}<br><span class="problem">{{problems.email}}</span>{{/problems.email}}</p>
    <p class="muted">Согласие на обработку данных участник подписывает в листе регистрации.</p>
    <p><button type="submit">Добавить и отметить</button></p>
    </form>
    <h2>Импорт из Google Forms или Яндекс Форм</h2>
    <p class="muted">Выгрузите ответы в CSV и вставьте содержимое файла. Столбцы находятся по заголовкам: ФИО (или Фамилия, Имя, \
    Отчество), школа (номер, название или код), должность, почта, согласие. Строки с ошибками перечисляются; пока есть ошибки, не \
    записывается ничего.</p>
    {{#hasMapping}}<table><thead><tr><th>Поле</th><th>Столбец</th></tr></thead><tbody>{{#mapping}}<tr><td>{{field}}</td><td>{{header}}</td></tr>{{/mapping}}</tbody></table>{{/hasMapping}}
    {{#importProblems}}<p class="problem">{{.}}</p>{{/importProblems}}
    <form method="post" action="{{importAction}}" class="form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <p><label>CSV<br><textarea name="csv" rows="8">{{csv}}</textarea></label></p>
    <p><label><input type="checkbox" name="attended" value="yes"> Отметить всех присутствовавшими</label></p>
    <p><button type="submit">Импортировать</button></p>
    </form>
    {{>foot}}
    """
}
