/// Templates of sign-in and user management. Every form posts with a hidden `csrf` field (the
/// server refuses an unsafe request of a session without it) and works without JavaScript.
extension Templates {
    static let accountTemplates: [(String, String)] = [
        ("workspace", workspace), ("problems", problems), ("login", login), ("password", password), ("users", users),
        ("scope", scope), ("user", user),
    ]

    /// The workspace's top line, for any `/manage/` page: `{{#frame}}{{>workspace}}{{/frame}}`
    /// with a `WorkspaceFrame`.
    static let workspace = """
    <nav class="workspace"><span>{{login}} · {{role}}</span> <a href="{{home}}manage/password">Сменить пароль</a>\
    {{#mayManageUsers}} <a href="{{home}}manage/users">Пользователи</a>{{/mayManageUsers}}\
    {{#mayEditCalendar}} <a href="{{home}}manage/calendar">Календарь района</a>{{/mayEditCalendar}}
    <form method="post" action="{{home}}logout" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">\
    <button type="submit">Выйти</button></form></nav>

    """

    /// Problems of a whole form (those without a field), above it.
    static let problems = """
    {{#general}}<p class="problem" role="alert">{{.}}</p>{{/general}}

    """

    static let login = """
    {{>head}}<h1>Вход</h1>
    {{#error}}<p class="problem" role="alert">{{error}}</p>{{/error}}
    <form method="post" action="{{home}}login" class="form">
    {{#csrf}}<input type="hidden" name="csrf" value="{{csrf}}">{{/csrf}}
    <input type="hidden" name="next" value="{{next}}">
    <p><label>Логин<br><input type="text" name="login" value="{{login}}" autocomplete="username" required autofocus></label></p>
    <p><label>Пароль<br><input type="password" name="password" autocomplete="current-password" required></label></p>
    <p><button type="submit">Войти</button></p>
    </form>
    <p class="muted">Учётную запись выдаёт методист. Забыли пароль — попросите методиста задать одноразовый.</p>
    {{>foot}}
    """

    static let password = """
    {{>head}}{{#frame}}{{>workspace}}{{/frame}}<h1>Смена пароля</h1>
    {{#forced}}<p class="problem" role="alert">Вы вошли с одноразовым паролем: придумайте свой, чтобы продолжить.</p>{{/forced}}
    {{#done}}<p class="notice" role="status">Пароль изменён.</p>{{/done}}
    {{>problems}}
    <form method="post" action="{{home}}manage/password" class="form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <p><label>Текущий пароль<br><input type="password" name="old" autocomplete="current-password" required></label>\
    {{#oldProblem}}<br><span class="problem">{{oldProblem}}</span>{{/oldProblem}}</p>
    <p><label>Новый пароль (не короче 8 символов)<br><input type="password" name="new" autocomplete="new-password" required></label>\
    {{#newProblem}}<br><span class="problem">{{newProblem}}</span>{{/newProblem}}</p>
    <p><label>Новый пароль ещё раз<br><input type="password" name="repeat" autocomplete="new-password" required></label>\
    {{#repeatProblem}}<br><span class="problem">{{repeatProblem}}</span>{{/repeatProblem}}</p>
    <p><button type="submit">Сменить пароль</button></p>
    </form>
    {{>foot}}
    """

    static let users = """
    {{>head}}{{#frame}}{{>workspace}}{{/frame}}<h1>Пользователи</h1>
    {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
    <div class="table">
    <table>
    <thead><tr><th>Логин</th><th>Роль</th><th>Кластеры</th><th>Школа</th><th>Состояние</th></tr></thead>
    <tbody>
    {{#accounts}}<tr><td><a href="{{href}}">{{login}}</a></td><td>{{role}}</td><td>{{clusters}}</td><td>{{school}}</td><td>{{state}}</td></tr>
    {{/accounts}}
    </tbody>
    </table>
    </div>
    <h2>Добавить пользователя</h2>
    {{>problems}}
    <form method="post" action="{{home}}manage/users" class="form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <p><label>Логин<br><input type="text" name="login" value="{{login}}" required></label>\
    {{#loginProblem}}<br><span class="problem">{{loginProblem}}</span>{{/loginProblem}}</p>
    {{#scope}}{{>scope}}{{/scope}}
    <p><label>Пароль (не короче 8 символов; пользователь сменит его при первом входе)<br>\
    <input type="password" name="password" autocomplete="new-password" required></label>\
    {{#passwordProblem}}<br><span class="problem">{{passwordProblem}}</span>{{/passwordProblem}}</p>
    <p><button type="submit">Добавить</button></p>
    </form>
    {{>foot}}
    """

    /// Role, clusters and school: the same fields when adding and when changing a user.
    static let scope = """
    <p><label>Роль<br><select name="role">{{#roles}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/roles}}</select></label></p>
    <p><label>Кластеры координатора (коды через запятую)<br><input type="text" name="clusters" value="{{clusters}}"></label>\
    {{#clustersProblem}}<br><span class="problem">{{clustersProblem}}</span>{{/clustersProblem}}</p>
    <p><label>Школа (код; для роли «школа»)<br><input type="text" name="school" value="{{school}}"></label>\
    {{#schoolProblem}}<br><span class="problem">{{schoolProblem}}</span>{{/schoolProblem}}</p>

    """

    static let user = """
    {{>head}}{{#frame}}{{>workspace}}{{/frame}}<h1>Пользователь {{login}}</h1>
    {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
    <p>Состояние: {{state}}</p>
    {{>problems}}
    <h2>Роль и кластеры</h2>
    <form method="post" action="{{href}}" class="form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    {{#scope}}{{>scope}}{{/scope}}
    <p><button type="submit">Сохранить</button></p>
    </form>
    <h2>Доступ</h2>
    <form method="post" action="{{href}}/{{toggleAction}}" class="form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <p><button type="submit">{{toggleLabel}}</button></p>
    </form>
    <h2>Одноразовый пароль</h2>
    <form method="post" action="{{href}}/password" class="form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <p><label>Пароль, который пользователь сменит при входе<br><input type="password" name="password" autocomplete="new-password" required></label>\
    {{#passwordProblem}}<br><span class="problem">{{passwordProblem}}</span>{{/passwordProblem}}</p>
    <p><button type="submit">Задать одноразовый пароль</button></p>
    </form>
    <p><a href="{{home}}manage/users">← Все пользователи</a></p>
    {{>foot}}
    """

    /// `/manage/`: where a sign-in lands; the links a role starts from.
    /// Styles of the workspace's forms, appended to the site's stylesheet.
    static let accountStyles = """
    nav.workspace{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:.5rem 0;padding:.4rem 0;border-bottom:1px solid #ddd}
    form.inline{display:inline;margin:0}
    .form input[type=text],.form input[type=password],.form select{width:100%;max-width:28rem;box-sizing:border-box;padding:.35rem}
    .problem{color:#a40000}
    p.problem{background:#fdecea;border:1px solid #f5c2bd;padding:.4rem .6rem;border-radius:.3rem}
    .notice{background:#eaf6ea;border:1px solid #b9dfb9;padding:.4rem .6rem;border-radius:.3rem}

    """
}
