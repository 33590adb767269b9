import ArgumentParser

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Учётные записи рабочего места: методисты, координаторы, школы.",
        discussion: """
        Первая учётная запись методиста:
          printf '%s\\n' 'пароль' | clusterplan user add methodist --role methodist --password-stdin
        Вход: /login на адресе сервера (clusterplan serve). Пароли хранятся только как хэши bcrypt.
        """,
        subcommands: [UserAddCommand.self, UserListCommand.self, UserRemoveCommand.self, UserTokenCommand.self,
                      UserRevokeTokenCommand.self]
    )
}
