import Foundation
import Hummingbird
import Logging
import Site

/// Turns every failure into a page (or, under `/api`, a JSON object) that says what went wrong in
/// words meant for visitors. Unexpected errors are logged here and answered with a bare 500:
/// nothing of their description, let alone a stack, reaches the client.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let pages: PageRenderer
    let options: SiteOptions

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as SiteError {
            return answer(status: error.status, message: error.description, request: request)
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

    func answer(status: HTTPResponse.Status, message: String, request: Request) -> Response {
        if request.uri.path.hasPrefix("/api/") || request.uri.path == "/api" {
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
