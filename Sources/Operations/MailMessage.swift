import Foundation
import ICal

/// An RFC 5322 message with MIME parts, as Google Calendar and Outlook send invitations: a
/// multipart/mixed of a multipart/alternative (the text, and the iTIP part as
/// `text/calendar; method=REQUEST` that mail clients act on) and the same `.ics` as an attachment
/// for clients that only show attachments. Every text part is UTF-8 in base64; CRLF line ends.
public struct MailMessage: Hashable, Sendable {
    public var from: String
    public var to: String
    public var toName: String
    public var subject: String
    public var text: String
    public var invitation: Invitation?
    /// Unix seconds for the Date header.
    public var date: Int64
    /// Unique per message: the outbox key, made into the local part of the Message-ID.
    public var id: String

    public init(from: String, to: String, toName: String, subject: String, text: String, invitation: Invitation?,
                date: Int64, id: String) {
        self.from = from
        self.to = to
        self.toName = toName
        self.subject = subject
        self.text = text
        self.invitation = invitation
        self.date = date
        self.id = id
    }

    /// The whole message, headers and body.
    public var rendered: String {
        let boundary = "=_clusterplan_" + Self.digest(id)
        var lines = [
            "From: ClusterPlan <\(from)>",
            "To: \(Self.encodedWord(toName)) <\(to)>",
            "Subject: \(Self.encodedWord(subject))",
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: <\(Self.digest(id)).\(date)@clusterplan>",
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
        ]
        guard let invitation else {
            lines += ["Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64", "", Self.base64(text)]
            return lines.joined(separator: "\r\n") + "\r\n"
        }
        let method = invitation.method.rawValue
        let inner = boundary + "_alt"
        lines += [
            "Content-Type: multipart/mixed; boundary=\"\(boundary)\"", "",
            "--\(boundary)",
            "Content-Type: multipart/alternative; boundary=\"\(inner)\"", "",
            "--\(inner)",
            "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64", "", Self.base64(text),
            "--\(inner)",
            "Content-Type: text/calendar; charset=UTF-8; method=\(method)", "Content-Transfer-Encoding: base64", "",
            Self.base64(invitation.text),
            "--\(inner)--", "",
            "--\(boundary)",
            "Content-Type: application/ics; name=\"invite.ics\"", "Content-Disposition: attachment; filename=\"invite.ics\"",
            "Content-Transfer-Encoding: base64", "", Self.base64(invitation.text),
            "--\(boundary)--",
        ]
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Base64 in lines of 76 characters, CRLF-separated (RFC 2045).
    static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
    }

    /// A header text as RFC 2047 encoded words (`=?UTF-8?B?...?=`), each under 76 characters,
    /// split between characters, never inside one; plain ASCII without specials stays as it is.
    static func encodedWord(_ text: String) -> String {
        let clean = String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        if clean.unicodeScalars.allSatisfy({ $0.isASCII && !"\"<>()@,;:\\[]=?_".unicodeScalars.contains($0) }) { return clean }
        var words: [String] = []
        var chunk = ""
        for character in clean {
            if (chunk.utf8.count + character.utf8.count) > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    static func rfc5322Date(_ seconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// 32 hex digits of the key's SHA-256: the boundary and Message-ID (the key holds `:`, `/`, `@`).
    static func digest(_ text: String) -> String {
        String(Credentials.digest(text).prefix(32))
    }
}
