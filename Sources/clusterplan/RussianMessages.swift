import ArgumentParser
import Foundation
import Planning

/// Runs the command line with ArgumentParser's own texts (errors, usage, help headings) in
/// Russian, and "did you mean" for a mistyped command.
@main
enum Main {
    static func main() async {
        do {
            var command = try ClusterPlanCommand.parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let code = ClusterPlanCommand.exitCode(for: error)
            let text = RussianMessages.translate(ClusterPlanCommand.fullMessage(for: error), arguments: CommandLine.arguments)
            if !text.isEmpty {
                let stream = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                stream.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
            }
            exit(code.rawValue)
        }
    }
}

enum RussianMessages {
    /// The top-level command names, for "did you mean".
    static var commands: [String] {
        ClusterPlanCommand.configuration.subcommands.compactMap { $0.configuration.commandName }
    }

    static func translate(_ text: String, arguments: [String]) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0), arguments: arguments) }
            .joined(separator: "\n")
    }

    static func line(_ line: String, arguments: [String]) -> String {
        if line.hasPrefix("Error: ") { return "ошибка: " + error(String(line.dropFirst("Error: ".count)), arguments: arguments) }
        for (english, russian) in replacements where line.contains(english) {
            return line.replacingOccurrences(of: english, with: russian)
        }
        if let m = line.firstMatch(of: /^(\s*)See '(.+) --help' for more information\.$/) { return "\(m.1)Подробнее: \(m.2) --help" }
        if let m = line.firstMatch(of: /^(\s*)See '(.+) help <subcommand>' for detailed help\.$/) {
            return "\(m.1)Справка по команде: \(m.2) help <команда>"
        }
        return line.replacingOccurrences(of: "(values: ", with: "(значения: ").replacingOccurrences(of: "default: ", with: "по умолчанию: ")
    }

    static let replacements: [(String, String)] = [
        ("OVERVIEW:", "ОПИСАНИЕ:"), ("USAGE:", "ИСПОЛЬЗОВАНИЕ:"), ("ARGUMENTS:", "АРГУМЕНТЫ:"), ("OPTIONS:", "ПАРАМЕТРЫ:"),
        ("SUBCOMMANDS:", "КОМАНДЫ:"), ("Show help information.", "Показать эту справку."), ("Usage: ", "Использование: "),
        ("Help:  ", "Справка: "),
    ]

    static func error(_ message: String, arguments: [String]) -> String {
        if let m = message.firstMatch(of: /^Unexpected argument '(.+)'$/) {
            let word = String(m.1)
            // The first word that is not an option names the command.
            let first = arguments.dropFirst().first { !$0.hasPrefix("-") && !isValue(of: "--db", $0, in: arguments) }
            guard word == first else { return "лишний аргумент «\(word)»" }
            let near = closest(to: word, in: commands)
            return "неизвестная команда «\(word)»"
                + (near.isEmpty ? "" : "; может быть, " + near.map { "«\($0)»" }.joined(separator: " или ") + "?")
                + " (команды: \(commands.joined(separator: ", ")))"
        }
        if let m = message.firstMatch(of: /^Unknown option '(.+)'\. Did you mean '(.+)'\?$/) {
            return "неизвестный параметр «\(m.1)»; может быть, «\(m.2)»?"
        }
        if let m = message.firstMatch(of: /^Unknown option '(.+)'$/) { return "неизвестный параметр «\(m.1)»" }
        if let m = message.firstMatch(of: /^Missing value for '(.+)'$/) { return "нет значения для «\(m.1)»" }
        if let m = message.firstMatch(of: /^Missing expected argument '(.+)'$/) { return "не указан обязательный аргумент «\(m.1)»" }
        if let m = message.firstMatch(of: /^The value '(.*)' is invalid for '(.+)'\. Please provide one of (.+)\.$/) {
            let choices = m.3.replacingOccurrences(of: "'", with: "").replacingOccurrences(of: " or ", with: ", ")
            return "недопустимое значение «\(m.1)» для «\(m.2)»; допустимо: \(choices)"
        }
        if let m = message.firstMatch(of: /^The value '(.*)' is invalid for '(.+)'$/) {
            return "недопустимое значение «\(m.1)» для «\(m.2)»"
        }
        return message
    }

    /// Whether `word` is the value given to `option` (`--db PATH`), not a command.
    static func isValue(of option: String, _ word: String, in arguments: [String]) -> Bool {
        guard let i = arguments.firstIndex(of: option), i + 1 < arguments.count else { return false }
        return arguments[i + 1] == word
    }
}
