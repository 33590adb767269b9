/// `/api/openapi.yaml`: the JSON API described for scripts and code generators (OpenAPI 3.1).
public let openAPIDocument = """
openapi: 3.1.0
info:
  title: ClusterPlan API
  version: "2"
  description: >-
    Чтение — без входа. Запись — с cookie сессии и заголовком X-CSRF-Token, либо с
    Authorization: Bearer <токен> (clusterplan user token LOGIN). 401 без входа, 403 вне роли
    (координатор — свои кластеры, школа — итоги мероприятий, которые она проводит, методист — всё),
    422 {errors: [{field, message}]} при неверных значениях, 409 при устаревшей ревизии или
    предупреждении, которое нужно подтвердить (confirm: true).
servers:
  - url: /
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
    session: {type: apiKey, in: cookie, name: clusterplan_session}
  schemas:
    Problems:
      type: object
      properties:
        errors:
          type: array
          items: {type: object, properties: {field: {type: [string, "null"]}, message: {type: string}}}
    Warnings:
      type: object
      properties:
        warnings: {type: array, items: {type: string}}
        hint: {type: string}
        changed: {type: array, description: при устаревшей ревизии — что изменили с тех пор (записи журнала; новые сначала), items: {$ref: "#/components/schemas/AuditEntry"}}
        revision: {type: integer, description: при устаревшей ревизии — текущая; с неё можно править снова}
    EventFields:
      type: object
      description: Любое подмножество полей; month, date и from/to заменяют друг друга.
      properties:
        format: {type: string, enum: [conference, seminar, round-table, working-meeting, master-class, open-lesson, consultation, webinar, training]}
        title: {type: string}
        purpose: {type: [string, "null"]}
        month: {type: string, example: "2019-11"}
        date: {type: string, format: date}
        from: {type: string, format: date}
        to: {type: string, format: date}
        start: {type: [string, "null"], example: "15:00"}
        duration: {oneOf: [{type: integer, description: минуты}, {type: string, example: 1h30m}]}
        host: {type: string, description: код школы кластера; площадки района (venues) или online}
        participants: {type: array, items: {type: string}}
        tasks: {type: array, items: {type: string}}
        link: {type: [string, "null"], description: ссылка https://… для онлайн-мероприятия}
        revision: {type: integer, description: ревизия из последнего ответа; устаревшая — 409}
        registration: {$ref: "#/components/schemas/RegistrationSettings"}
    RegistrationSettings:
      type: object
      description: Только в PATCH. Регистрация учителей на мероприятие.
      required: [open]
      properties:
        open: {type: boolean}
        capacity: {type: [integer, "null"], description: число мест; сверх него — лист ожидания; нет — без ограничения}
        deadline: {type: [string, "null"], example: "2019-10-16T18:00", description: дата или дата и время района; нет — начало мероприятия}
    Registrant:
      type: object
      required: [name, school, email, consent]
      properties:
        name: {type: string}
        school: {type: string, description: код школы из списка района}
        position: {type: string}
        email: {type: string, description: повторная регистрация того же адреса (без учёта регистра) — 409}
        consent: {type: boolean, description: согласие на обработку персональных данных (152-ФЗ); без него — 422}
    RegistrationAnswer:
      type: object
      properties:
        id: {type: integer}
        status: {type: string, enum: [registered, waitlisted]}
        link: {type: string, description: личная страница участника (просмотр и отмена); адрес — единственное место, где есть её токен}
    RegistrationList:
      type: object
      properties:
        event: {type: string}
        registered: {type: integer}
        waitlisted: {type: integer}
        participants: {type: integer, description: отмечено присутствующих}
        schools: {type: array, items: {type: string}, description: их школы без повторов}
        registrations:
          type: array
          items:
            type: object
            properties:
              id: {type: integer}
              name: {type: string}
              school: {type: string}
              position: {type: string}
              email: {type: [string, "null"]}
              status: {type: string, enum: [registered, waitlisted, cancelled]}
              attended: {type: boolean}
              walkIn: {type: boolean}
              registeredAt: {type: string, format: date-time}
    EditedEvent:
      type: object
      description: >-
        event — опубликованное мероприятие (как в /api/events); pending — новый срок, время,
        длительность или площадка, которые вступят в силу при публикации расписания.
      properties:
        event: {type: object}
        revision: {type: integer}
        pending:
          type: [object, "null"]
          properties:
            year: {type: string}
            month: {type: [string, "null"]}
            date: {type: [string, "null"]}
            from: {type: [string, "null"]}
            to: {type: [string, "null"]}
            start: {type: [string, "null"]}
            duration: {type: integer}
            host: {type: string}
    Outcome:
      type: object
      required: [status]
      properties:
        status: {type: string, enum: [held, cancelled, postponed]}
        date: {type: string, format: date, description: день проведения или новая дата переноса}
        participants: {type: integer, description: при held без participants и schools оба берутся из отметок присутствия}
        schools: {type: array, items: {type: string}}
        note: {type: string}
        products: {type: string}
        reason: {type: string}
        confirm: {type: boolean, description: подтвердить замену записанного итога или перенос на каникулы}
    Time:
      type: object
      properties: {date: {type: [string, "null"]}, start: {type: [string, "null"]}}
    Preview:
      type: object
      properties:
        cluster: {type: string}
        published: {type: boolean}
        version: {type: [integer, "null"]}
        changes: {type: boolean}
        warnings: {type: array, items: {type: string}}
        events:
          type: array
          items:
            type: object
            properties:
              id: {type: string}
              number: {type: integer}
              title: {type: string}
              kind: {type: string, enum: [placed, moved, unplaced, unchanged]}
              old: {$ref: "#/components/schemas/Time"}
              new: {$ref: "#/components/schemas/Time"}
              pending: {type: boolean}
              explanation: {type: array, items: {type: string}}
    AuditEntry:
      type: object
      properties:
        at: {type: string, format: date-time}
        login: {type: string}
        source: {type: string, enum: [web, api, import, cli]}
        cluster: {type: string}
        event: {type: [integer, "null"]}
        field: {type: string}
        old: {type: [string, "null"]}
        new: {type: [string, "null"]}
  responses:
    Problems: {description: неверные значения, content: {application/json: {schema: {$ref: "#/components/schemas/Problems"}}}}
    Conflict: {description: устаревшая ревизия или нужно подтверждение, content: {application/json: {schema: {$ref: "#/components/schemas/Warnings"}}}}
    Unauthorized: {description: нужно войти}
    Forbidden: {description: вне роли}
  parameters:
    cluster: {name: cluster, in: path, required: true, schema: {type: string}}
    number: {name: number, in: path, required: true, schema: {type: integer}}
security:
  - bearer: []
  - session: []
paths:
  /api/clusters:
    get: {summary: Кластеры, security: [], responses: {"200": {description: список}}}
  /api/clusters/{cluster}:
    get: {summary: Кластер с планом и мероприятиями, security: [], parameters: [{$ref: "#/components/parameters/cluster"}], responses: {"200": {description: кластер}}}
  /api/events:
    get:
      summary: Мероприятия
      security: []
      parameters:
        - {name: cluster, in: query, schema: {type: string}}
        - {name: school, in: query, schema: {type: string}}
        - {name: year, in: query, schema: {type: string, example: 2019-2020}}
      responses: {"200": {description: список}}
  /api/clusters/{cluster}/events:
    post:
      summary: Новое мероприятие (номер — следующий свободный)
      parameters: [{$ref: "#/components/parameters/cluster"}]
      requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/EventFields"}}}}
      responses:
        "201": {description: создано, content: {application/json: {schema: {$ref: "#/components/schemas/EditedEvent"}}}}
        "401": {$ref: "#/components/responses/Unauthorized"}
        "403": {$ref: "#/components/responses/Forbidden"}
        "422": {$ref: "#/components/responses/Problems"}
  /api/events/{cluster}/{number}:
    parameters: [{$ref: "#/components/parameters/cluster"}, {$ref: "#/components/parameters/number"}]
    patch:
      summary: Изменить поля мероприятия
      description: >-
        Название, формат, цель, задачи и участники — сразу в календарях (SEQUENCE не меняется);
        месяц, дата, время, длительность и площадка — после публикации расписания.
        Ревизию можно передать полем revision или заголовком If-Match.
      requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/EventFields"}}}}
      responses:
        "200": {description: сохранено, content: {application/json: {schema: {$ref: "#/components/schemas/EditedEvent"}}}}
        "401": {$ref: "#/components/responses/Unauthorized"}
        "403": {$ref: "#/components/responses/Forbidden"}
        "409": {$ref: "#/components/responses/Conflict"}
        "422": {$ref: "#/components/responses/Problems"}
    delete:
      summary: Исключить из плана (в календарях остаётся отменённым)
      responses:
        "200": {description: исключено, content: {application/json: {schema: {$ref: "#/components/schemas/EditedEvent"}}}}
        "401": {$ref: "#/components/responses/Unauthorized"}
        "403": {$ref: "#/components/responses/Forbidden"}
        "409": {$ref: "#/components/responses/Conflict"}
  /api/events/{cluster}/{number}/outcome:
    parameters: [{$ref: "#/components/parameters/cluster"}, {$ref: "#/components/parameters/number"}]
    post:
      summary: Записать итог (проведено, отменено, перенесено)
      requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/Outcome"}}}}
      responses:
        "200": {description: записано, content: {application/json: {schema: {$ref: "#/components/schemas/EditedEvent"}}}}
        "401": {$ref: "#/components/responses/Unauthorized"}
        "403": {$ref: "#/components/responses/Forbidden"}
        "409": {$ref: "#/components/responses/Conflict"}
        "422": {$ref: "#/components/responses/Problems"}
  /api/events/{cluster}/{number}/registrations:
    parameters: [{$ref: "#/components/parameters/cluster"}, {$ref: "#/components/parameters/number"}]
    post:
      summary: Зарегистрироваться (без входа)
      security: []
      requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/Registrant"}}}}
      responses:
        "201": {description: зарегистрирован или в листе ожидания, content: {application/json: {schema: {$ref: "#/components/schemas/RegistrationAnswer"}}}}
        "409": {$ref: "#/components/responses/Problems"}
        "422": {$ref: "#/components/responses/Problems"}
    get:
      summary: Список регистраций (координатор мероприятия, школа-площадка, методист)
      responses:
        "200": {description: список, content: {application/json: {schema: {$ref: "#/components/schemas/RegistrationList"}}}}
        "401": {$ref: "#/components/responses/Unauthorized"}
        "403": {$ref: "#/components/responses/Forbidden"}
  /api/events/{cluster}/{number}/attendance:
    parameters: [{$ref: "#/components/parameters/cluster"}, {$ref: "#/components/parameters/number"}]
    post:
      summary: Отметить присутствующих (ровно present) и добавить пришедших без регистрации
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                present: {type: array, items: {type: integer}}
                walkIns: {type: array, items: {$ref: "#/components/schemas/Registrant"}, description: email и consent необязательны (согласие — в листе регистрации)}
      responses:
        "200": {description: список после отметки, content: {application/json: {schema: {$ref: "#/components/schemas/RegistrationList"}}}}
        "401": {$ref: "#/components/responses/Unauthorized"}
        "403": {$ref: "#/components/responses/Forbidden"}
        "409": {$ref: "#/components/responses/Problems"}
        "422": {$ref: "#/components/responses/Problems"}
  /api/schedule:
    post:
      summary: Предпросмотр (publish false) или публикация расписания кластера
      requestBody:
        content:
          application/json:
            schema: {type: object, required: [cluster, publish], properties: {cluster: {type: string}, publish: {type: boolean}}}
      responses:
        "200": {description: предпросмотр или опубликованная версия, content: {application/json: {schema: {$ref: "#/components/schemas/Preview"}}}}
        "401": {$ref: "#/components/responses/Unauthorized"}
        "403": {$ref: "#/components/responses/Forbidden"}
  /api/audit:
    get:
      summary: Журнал изменений (без cluster — только методисту)
      parameters: [{name: cluster, in: query, schema: {type: string}}]
      responses:
        "200": {description: записи (новые первыми), content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/AuditEntry"}}}}}
        "401": {$ref: "#/components/responses/Unauthorized"}
        "403": {$ref: "#/components/responses/Forbidden"}

"""
