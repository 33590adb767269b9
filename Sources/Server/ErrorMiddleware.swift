import Foundation
import Hummingbird
import Logging
import Planning
import Site
import Store

/// Turns every failure into a page (or, under `/api`, a JSON object) that says what went wrong in
/// words meant for visitors. Unexpected errors are logged here and answered with a bare 500:
/// nothing of their description, let alone a stack, reaches the client.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let pages: PageRenderer
    let options: SiteOptions

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as AccessError {
            return refuse(error, request: request)
        } catch let error as FieldProblems {
            guard isAPI(request) else {
                let text = error.problems.map { ($0.field.map { "\($0): " } ?? "") + $0.message }.joined(separator: "; ")
                return answer(status: .unprocessableContent, message: text, request: request)
            }
            return problems(.unprocessableContent, error.problems)
        } catch let error as SiteError {
            return answer(status: error.status, message: error.description, request: request)
        } catch let error as StoreError {
            // The store cannot be read: say so (503) rather than serve what was built before.
            context.logger.error("store cannot be read", metadata: ["error": "\(error)"])
            let unavailable = SiteError.storeUnavailable
            return answer(status: unavailable.status, message: unavailable.description, request: request)
        } catch let error as HTTPError {
            return answer(status: error.status, message: message(for: error.status), request: request)
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(String(reflecting: error))"])
            return answer(status: .internalServerError, message: message(for: .internalServerError), request: request)
        }
    }

    func message(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "такой страницы нет"
        case .methodNotAllowed: "этот адрес только для чтения"
        case .internalServerError: "на сервере произошла ошибка; попробуйте позже"
        default: status.reasonPhrase
        }
    }

    func isAPI(_ request: Request) -> Bool { request.uri.path.hasPrefix("/api/") || request.uri.path == "/api" }

    /// The API gets the status and `{errors: [...]}`; a page visitor without an account is sent
    /// to sign in and come back, one with a one-time password to change it.
    func refuse(_ error: AccessError, request: Request) -> Response {
        if isAPI(request) { return problems(error.status, [FieldProblem(field: nil, error.description)]) }
        switch error {
        case .signInRequired:
            return redirect(to: options.href("/login?next=" + SignIn.encodedNext(path: request.uri.path, query: request.uri.query)))
        case .passwordChangeRequired:
            return redirect(to: options.href("/manage/password"))
        case .forbidden, .csrfRefused, .badToken:
            return answer(status: error.status, message: error.description, request: request)
        }
    }

    /// 422, 401, 403 and 429 of the API: `{"errors": [{"field": "...", "message": "..."}]}`.
    func problems(_ status: HTTPResponse.Status, _ problems: [FieldProblem]) -> Response {
        let body = (try? JSONEncoder().encode(["errors": problems])) ?? Data()
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    func answer(status: HTTPResponse.Status, message: String, request: Request) -> Response {
        if isAPI(request) {
            let body = (try? JSONEncoder().encode(["error": message])) ?? Data()
            return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }
        let title = status == .notFound ? "Страница не найдена" : "Ошибка \(status.code)"
        let html = pages.errorPage(title: title, message: message, home: options.href("/"), timezone: "Europe/Moscow")
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}
