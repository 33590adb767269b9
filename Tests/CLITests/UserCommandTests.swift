import Foundation
import TestSupport
import Testing

/// `clusterplan user …` as an administrator types it.
@Suite struct UserCommandTests {
    let cli: CommandLineStore
    /// bcrypt's lowest cost: the hashing is bcrypt's, the speed is the test's.
    let fast = ["CLUSTERPLAN_BCRYPT_COST": "4"]

    init() throws { cli = try CommandLineStore() }

    @Test func addListAndRemoveAccounts() throws {
        #expect(try cli.run("import", "plans").status == 0)
        let added = try cli.run("user", "add", "ivanova", "--role", "coordinator", "--cluster", "nevsky-exact", "--password-stdin",
                                input: "пароль-ивановой\n", environment: fast)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "Учётная запись «ivanova» добавлена: координатор кластера.\n")
        #expect(try cli.run("user", "add", "admin", "--role", "methodist", "--password-stdin", "--bcrypt-cost", "4",
                            input: "пароль-методиста\n").status == 0)
        let table = try cli.run("user", "list")
        #expect(table.status == 0)
        #expect(table.stdout.contains("ivanova"))
        #expect(table.stdout.contains("nevsky-exact"))
        let json = try cli.run("user", "list", "--format", "json")
        struct Item: Decodable { var login: String; var role: String; var clusters: [String]; var disabled: Bool }
        let items = try JSONDecoder().decode([Item].self, from: Data(json.stdout.utf8))
        #expect(items.map(\.login) == ["admin", "ivanova"])
        #expect(items.map(\.role) == ["methodist", "coordinator"])
        #expect(items[1].clusters == ["nevsky-exact"])
        let removed = try cli.run("user", "remove", "ivanova")
        #expect(removed.status == 0)
        #expect(try cli.run("user", "list", "--format", "json").stdout.contains("ivanova") == false)
        let again = try cli.run("user", "remove", "ivanova")
        #expect(again.status == 1)
        #expect(again.stderr == "ошибка: нет учётной записи «ivanova»\n")
    }

    @Test func unknownClustersAndSchoolsAreRefusedWithWhatWasMeant() throws {
        #expect(try cli.run("import", "plans").status == 0)
        let cluster = try cli.run("user", "add", "ivanova", "--role", "coordinator", "--cluster", "nevsky-exakt", "--password-stdin",
                                  input: "пароль-ивановой\n", environment: fast)
        #expect(cluster.status == 1)
        #expect(cluster.stderr.contains("nevsky-exakt"))
        #expect(cluster.stderr.contains("nevsky-exact"), "did you mean")
        let school = try cli.run("user", "add", "school1", "--role", "school", "--school", "99999", "--password-stdin",
                                 input: "пароль-школы-1\n", environment: fast)
        #expect(school.status == 1)
        #expect(school.stderr.contains("99999"))
        let list = try cli.run("user", "list", "--format", "json").stdout
        #expect(try JSONDecoder().decode([String].self, from: Data(list.utf8)).isEmpty, "nothing was written")
    }

    @Test func badInputIsOneClearLine() throws {
        let noStdin = try cli.run("user", "add", "x", "--role", "methodist")
        #expect(noStdin.status != 0)
        #expect(noStdin.stderr.contains("--password-stdin"))
        let short = try cli.run("user", "add", "admin", "--role", "methodist", "--password-stdin", input: "корот\n",
                                environment: fast)
        #expect(short.status == 1)
        #expect(short.stderr.contains("не короче 8 символов"))
        let login = try cli.run("user", "add", "иванова", "--role", "methodist", "--password-stdin", input: "пароль-методиста\n",
                                environment: fast)
        #expect(login.status == 1)
        #expect(login.stderr.contains("логин"))
        let cost = try cli.run("user", "add", "admin", "--role", "methodist", "--password-stdin", "--bcrypt-cost", "40")
        #expect(cost.status != 0)
        #expect(cost.stderr.contains("от 4 до 31"))
        let role = try cli.run("user", "add", "admin", "--role", "director", "--password-stdin")
        #expect(role.status != 0)
        #expect(role.stderr.contains("director"))
        let serve = try cli.run("serve", "--bcrypt-cost", "3")
        #expect(serve.status != 0, "serve refuses a cost bcrypt would trap on")
        #expect(serve.stderr.contains("от 4 до 31"))
    }

    @Test func aTokenIsPrintedOnceAndCanBeRevoked() throws {
        #expect(try cli.run("user", "add", "admin", "--role", "methodist", "--password-stdin", input: "пароль-методиста\n",
                            environment: fast).status == 0)
        let first = try cli.run("user", "token", "admin")
        #expect(first.status == 0)
        let token = first.stdout.trimmingCharacters(in: .newlines)
        #expect(token.count == 64)
        #expect(token.allSatisfy { $0.isHexDigit })
        let second = try cli.run("user", "token", "admin").stdout.trimmingCharacters(in: .newlines)
        #expect(second != token)
        #expect(try cli.run("user", "revoke-token", "admin").stdout == "Токен «admin» отозван.\n")
        #expect(try cli.run("user", "revoke-token", "admin").stdout == "У «admin» не было токена.\n")
        let unknown = try cli.run("user", "token", "nobody")
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "ошибка: нет учётной записи «nobody»\n")
    }
}
