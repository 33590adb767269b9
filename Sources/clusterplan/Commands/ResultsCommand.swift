import ArgumentParser
import Operations

struct ResultsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "Результаты оценочных процедур по школам в базе (для адресной поддержки).",
        discussion: """
        clusterplan results import results.csv — тот же CSV, что у cluster-schools; несколько лет и предметов в одном \
        или разных файлах. Повторный импорт того же файла ничего не меняет; при любой ошибке в строках файл не \
        импортируется целиком. Результаты школ видят только методисты и сама школа.
        """,
        subcommands: [ResultsImportCommand.self]
    )
}
