import Foundation
import Hummingbird
import HummingbirdTesting
import Operations
import Planning
import TestSupport
import Testing

/// Materials attached with `material add` (the workspace's upload calls the same operation).
@Suite struct MaterialRouteTests {
    static let event = EventID(cluster: "nevsky-exact", number: 1)
    static let bytes: [UInt8] = Array("%PDF-1.4 сборник работ".utf8)

    @Test func anAttachedFileIsOnTheEventPageInTheFeedAndDownloadsAsItWasUploaded() async throws {
        let site = try await TestSite()
        let material = try await attachMaterial(to: Self.event, fileName: "Сборник работ.pdf", title: "Сборник работ участников",
                                                bytes: Self.bytes, now: 1_700_001_000, in: site.database)
        let path = "/materials/\(material.id)/%D0%A1%D0%B1%D0%BE%D1%80%D0%BD%D0%B8%D0%BA%20%D1%80%D0%B0%D0%B1%D0%BE%D1%82.pdf"
        try await site.app.test(.router) { client in
            let page = try await client.execute(uri: "/events/nevsky-exact/1", method: .get).text
            #expect(page.contains("<a href=\"\(path)\">Сборник работ участников</a> <span class=\"muted\">(1 КБ)</span>"))
            let feed = try await client.execute(uri: "/feeds/clusters/nevsky-exact.ics", method: .get).text
            // DESCRIPTION is folded at 75 octets; unfolded, it carries the absolute link.
            let unfolded = feed.replacingOccurrences(of: "\r\n ", with: "")
            #expect(unfolded.contains("Материалы:\\n— Сборник работ участников: http://localhost:8080\(path)"))
            let file = try await client.execute(uri: path, method: .get)
            #expect(file.status == .ok)
            #expect(Array(file.body.readableBytesView) == Self.bytes)
            #expect(file.headers[.contentType] == "application/pdf")
            #expect(file.headers[.contentDisposition]
                == "attachment; filename*=UTF-8''%D0%A1%D0%B1%D0%BE%D1%80%D0%BD%D0%B8%D0%BA%20%D1%80%D0%B0%D0%B1%D0%BE%D1%82.pdf")
            let etag = try #require(file.headers[.eTag])
            #expect(try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: etag]).status == .notModified)
            for wrong in ["/materials/\(material.id)/other.pdf", "/materials/999/x.pdf", "/materials/abc/x.pdf"] {
                #expect(try await client.execute(uri: wrong, method: .get).status == .notFound)
            }
        }
    }

    @Test func aRefusedFileOrEventStoresNothing() async throws {
        let site = try await TestSite()
        await #expect(throws: Failure("page.html: файлы такого вида не принимаются; можно: doc, docx, jpeg, jpg, odp, ods, odt, pdf, png, ppt, pptx, txt, xls, xlsx, zip")) {
            try await attachMaterial(to: Self.event, fileName: "page.html", title: nil, bytes: Self.bytes, now: 1, in: site.database)
        }
        await #expect(throws: Failure.self) {
            try await attachMaterial(to: EventID(cluster: "nevsky-exact", number: 5), fileName: "a.pdf", title: nil, bytes: Self.bytes,
                                     now: 1, in: site.database)
        }
        #expect(try await site.snapshot().materials.isEmpty)
    }

    @Test func theAPIAttachesAndRemovesFilesForWhoeverMayEditTheCluster() async throws {
        let site = try await TestSite()
        let district = try await site.snapshot().district
        _ = try await site.accounts.add(Account(login: "nevsky", role: .coordinator, clusters: ["nevsky-exact"]), password: "пароль-невский",
                                        in: district)
        _ = try await site.accounts.add(Account(login: "kirov", role: .coordinator, clusters: ["kirov-1"]), password: "пароль-кировский",
                                        in: district)
        let nevsky: HTTPFields = [.authorization: "Bearer \(try await site.accounts.issueToken("nevsky"))"]
        let kirov: HTTPFields = [.authorization: "Bearer \(try await site.accounts.issueToken("kirov"))"]
        let upload = "/api/events/nevsky-exact/1/materials?name=%D0%BF%D0%BB%D0%B0%D0%BD.pdf&title=%D0%9F%D0%BB%D0%B0%D0%BD"
        try await site.app.test(.router) { client in
            let body = ByteBuffer(bytes: Self.bytes)
            #expect(try await client.execute(uri: upload, method: .post, body: body).status == .unauthorized)
            #expect(try await client.execute(uri: upload, method: .post, headers: kirov, body: body).status == .forbidden)
            let refused = try await client.execute(uri: "/api/events/nevsky-exact/1/materials?name=x.exe", method: .post, headers: nevsky,
                                                   body: body)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("\"field\":\"file\""))
            let added = try await client.execute(uri: upload, method: .post, headers: nevsky, body: body)
            #expect(added.status == .created)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(added.body.readableBytesView)) as? [String: Any])
            #expect(json["fileName"] as? String == "план.pdf")
            #expect(json["title"] as? String == "План")
            let id = try #require(json["id"] as? Int)
            #expect(json["url"] as? String == "http://localhost:8080/materials/\(id)/%D0%BF%D0%BB%D0%B0%D0%BD.pdf")
            #expect(try await client.execute(uri: "/materials/\(id)/%D0%BF%D0%BB%D0%B0%D0%BD.pdf", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/api/materials/\(id)", method: .delete, headers: kirov).status == .forbidden)
            #expect(try await client.execute(uri: "/api/materials/\(id)", method: .delete, headers: nevsky).status == .noContent)
            #expect(try await client.execute(uri: "/materials/\(id)/%D0%BF%D0%BB%D0%B0%D0%BD.pdf", method: .get).status == .notFound)
        }
    }
}
