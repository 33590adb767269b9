import HTTPTypes
import Hummingbird
import Operations
import Planning
import Site
import Store

/// The registrant's side, without an account: the form `GET/POST /events/<c>/<n>/registration`,
/// the private page `/registrations/<token>` (cancel, personal feed) and `/feeds/me/<token>.ics`.
/// Nothing here is cached or shared: each answer is `no-store` and sends no referrer, since the
/// address itself is the secret.
struct RegistrationController: Sendable {
    let workspace: Workspace

    var store: any DistrictStore { workspace.cache.store }

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get("events/{cluster}/{number}/registration") { _, context in
                let id = try eventID(context)
                return try await form(id, RegistrationFormValues(), problems: nil, context)
            }
            .post("events/{cluster}/{number}/registration") { request, context in
                let id = try eventID(context)
                let form = try await Form(request, context)
                let registrant = Registrant(name: form.value("name") ?? "", school: form.value("school") ?? "",
                                            position: form.value("position") ?? "", email: form.value("email") ?? "",
                                            consent: form.value("consent") == "yes")
                do {
                    let (_, token) = try await Registering.register(registrant, for: id, in: store, now: now(),
                                                                    notifier: workspace.notifier)
                    return workspace.redirect(privatePath(token) + "?new=1")
                } catch let problems as FieldProblems {
                    return try await self.form(id, RegistrationFormValues(registrant), problems: problems, context, status: .unprocessableContent)
                } catch StoreError.registration(let refusal) {
                    return try await self.form(id, RegistrationFormValues(registrant), problems: FieldProblems(field: "email", refusal.description),
                                               context, status: .conflict)
                } catch let error as UnknownID {
                    throw SiteError(error)
                }
            }
            .get("registrations/{token}") { request, context in
                let (registration, token) = try await owned(context)
                let notice = request.uri.queryParameters.get("new") != nil
                    ? "Вы зарегистрированы. Сохраните адрес этой страницы: по нему можно отменить регистрацию." : nil
                return try await page(registration, token, feedToken: nil, notice: notice, context)
            }
            .post("registrations/{token}/cancel") { _, context in
                let (_, token) = try await owned(context)
                _ = try await Registering.cancel(token: token, in: store, now: now(), notifier: workspace.notifier)
                return workspace.redirect(privatePath(token))
            }
            .post("registrations/{token}/feed") { _, context in
                let (registration, token) = try await owned(context)
                let feed = try await Registering.newPersonalFeed(for: registration, in: store, now: now())
                return try await page(registration, token, feedToken: feed, notice: nil, context)
            }
            .post("registrations/{token}/feed/revoke") { _, context in
                let (registration, token) = try await owned(context)
                if let email = registration.registrant.email { try await store.revokePersonalFeed(email: email) }
                return try await page(registration, token, feedToken: nil, notice: "Личная лента отозвана: прежняя ссылка больше не работает.",
                                      context)
            }
            .get("feeds/me/{token}") { _, context in
                let file = try context.parameters.decoded("token")
                guard file.hasSuffix(".ics"), let events = try await Registering.personalFeedEvents(token: String(file.dropLast(4)), in: store)
                else { throw SiteError.unknownRegistration }
                let content = try await workspace.cache.content()
                let (text, _) = try content.feed(.personal(name: "Мои мероприятия — \(content.district.name)", events: events))
                return Response(status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "private, no-store",
                                                       .referrerPolicy: "no-referrer"],
                                body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
            }
    }

    func form(_ id: EventID, _ values: RegistrationFormValues, problems: FieldProblems?, _ context: AppRequestContext,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let content = try await workspace.cache.content()
        return workspace.html(try content.registrationPage(id, values: values, problems: problems, csrf: context.csrfToken), status: status)
    }

    /// The registration of the path's token; 404 for an unknown one (and for a deleted registrant's).
    func owned(_ context: AppRequestContext) async throws -> (Registration, String) {
        let token = try context.parameters.decoded("token")
        guard let registration = try await Registering.registration(token: token, in: store) else {
            throw SiteError.unknownRegistration
        }
        return (registration, token)
    }

    func page(_ r: Registration, _ token: String, feedToken: String?, notice: String?, _ context: AppRequestContext) async throws
        -> Response {
        let content = try await workspace.cache.content()
        var response = workspace.html(content.privateRegistrationPage(r, token: token, feedToken: feedToken, notice: notice,
                                                                      csrf: context.csrfToken))
        response.headers[.referrerPolicy] = "no-referrer"
        return response
    }
}

extension HTTPField.Name {
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
