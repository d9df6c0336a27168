/// Every piece of interface text, in English and Russian. Values from case files and precedent records are
/// never translated here; they are shown as written.
enum Strings {
    static let appName = Localized(en: "Amicus", ru: "Amicus")
    static let navPrecedents = Localized(en: "Precedents", ru: "Прецеденты")
    static let navRender = Localized(en: "Render a filing", ru: "Подготовить документ")
    static let switchLanguage = Localized(en: "Язык: русский", ru: "Language: English")

    // Search
    static let searchTitle = Localized(en: "Search the precedents", ru: "Поиск прецедентов")
    static let article = Localized(en: "Article", ru: "Статья")
    static let articleHint = Localized(en: "e.g. CRC-9, ECHR-5-1-f, art. 8 ECHR", ru: "например, CRC-9, ст. 8 ЕКПЧ")
    static let country = Localized(en: "State", ru: "Государство")
    static let countryHint = Localized(en: "RU, Russia, Россия", ru: "RU, Россия, Russia")
    static let forum = Localized(en: "Forum", ru: "Орган")
    static let anyForum = Localized(en: "any", ru: "любой")
    static let dateFrom = Localized(en: "From", ru: "С")
    static let dateTo = Localized(en: "To", ru: "По")
    static let dateHint = Localized(en: "2014 or 2014-07-17", ru: "2014 или 2014-07-17")
    static let outcome = Localized(en: "Outcome", ru: "Итог")
    static let anyOutcome = Localized(en: "any", ru: "любой")
    static let text = Localized(en: "Text", ru: "Текст")
    static let textHint = Localized(en: "words, \"a phrase\", prefix*", ru: "слова, \"фраза\", начало*")
    static let searchButton = Localized(en: "Search", ru: "Найти")
    static let clearFilters = Localized(en: "Clear all", ru: "Сбросить всё")
    static let activeFilters = Localized(en: "Filters", ru: "Фильтры")
    static let removeFilter = Localized(en: "remove this filter", ru: "убрать этот фильтр")
    static let facetArticles = Localized(en: "By article", ru: "По статьям")
    static let facetCountries = Localized(en: "By state", ru: "По государствам")
    static let facetForums = Localized(en: "By forum", ru: "По органам")
    static let facetYears = Localized(en: "By year", ru: "По годам")
    static let noResults = Localized(en: "No precedent matches these filters.", ru: "Ни один прецедент не подходит под эти фильтры.")
    static let resultsCount = Localized(en: "precedents found", ru: "найдено прецедентов")
    static let previousPage = Localized(en: "← previous", ru: "← назад")
    static let nextPage = Localized(en: "next →", ru: "дальше →")
    static let noCorpus = Localized(en: "No precedent corpus was found when the server started (start it with --corpus DIR).",
                                    ru: "При запуске сервера не найден корпус прецедентов (укажите --corpus DIR).")
    static let badQuery = Localized(en: "This search cannot be run:", ru: "Этот поиск невозможен:")
    static let generalState = Localized(en: "general", ru: "общий")

    // Verification
    static let unverified = Localized(en: "⚠ unverified", ru: "⚠ не проверено")
    static let unverifiedTitle = Localized(en: "Not verified against the source: check before citing.",
                                           ru: "Не сверено с источником: проверьте перед ссылкой.")
    static let recordUnverified = Localized(en: "This record as a whole is not verified against its source.",
                                            ru: "Эта запись в целом не сверена с источником.")
    static let fieldsUnverified = Localized(en: "Fields not verified:", ru: "Не проверены поля:")

    // Outcomes
    static let violation = Localized(en: "violation", ru: "нарушение")
    static let noViolation = Localized(en: "no violation", ru: "нет нарушения")
    static let notExamined = Localized(en: "not examined", ru: "не рассматривалось")
    static let inadmissible = Localized(en: "inadmissible", ru: "неприемлемо")
    static let outcomeNotRecorded = Localized(en: "outcome not recorded", ru: "итог не записан")

    // Precedent page
    static let forumName = Localized(en: "Forum", ru: "Орган")
    static let number = Localized(en: "Number", ru: "Номер")
    static let symbol = Localized(en: "Symbol", ru: "Символ")
    static let date = Localized(en: "Date", ru: "Дата")
    static let decisionType = Localized(en: "Decision", ru: "Вид решения")
    static let state = Localized(en: "State", ru: "Государство")
    static let articlesAndOutcomes = Localized(en: "Articles and outcome", ru: "Статьи и итог")
    static let keywords = Localized(en: "Keywords", ru: "Ключевые слова")
    static let summary = Localized(en: "Summary", ru: "Краткое содержание")
    static let keyParagraphs = Localized(en: "Key paragraphs", ru: "Ключевые пункты")
    static let notes = Localized(en: "Notes", ru: "Примечания")
    static let citeAs = Localized(en: "Cite as", ru: "Как цитировать")
    static let source = Localized(en: "Source", ru: "Источник")
    static let sourceNotLink = Localized(en: "(not a web address)", ru: "(не веб-адрес)")
    static let copy = Localized(en: "Copy", ru: "Копировать")
    static let copied = Localized(en: "Copied", ru: "Скопировано")
    static let backToSearch = Localized(en: "← back to the search", ru: "← к поиску")
    static let styleECtHR = Localized(en: "ECtHR style", ru: "стиль ЕСПЧ")
    static let styleUN = Localized(en: "UN style", ru: "стиль ООН")
    static let styleRU = Localized(en: "Russian courts", ru: "для российских судов")

    // Render form
    static let renderTitle = Localized(en: "Render a filing", ru: "Подготовить документ")
    static let renderIntro = Localized(
        en: "Choose a template, then upload or paste the case file (YAML). Every problem is listed with its line; when there is none, the document downloads, and when there are only warnings, they are listed above a link to the document. The case data is kept only while the request runs: it is never written to disk.",
        ru: "Выберите шаблон, затем загрузите или вставьте файл дела (YAML). Все ошибки будут показаны с номером строки; если ошибок нет, документ скачается, а если есть только предупреждения, они будут показаны над ссылкой на документ. Данные дела хранятся только во время запроса и никогда не записываются на диск.")
    static let template = Localized(en: "Template", ru: "Шаблон")
    static let caseFile = Localized(en: "Case file (upload)", ru: "Файл дела (загрузить)")
    static let casePaste = Localized(en: "…or paste the case file here", ru: "…или вставьте файл дела сюда")
    static let format = Localized(en: "Format", ru: "Формат")
    static let pdfNeedsLibreOffice = Localized(en: "PDF needs LibreOffice on the server", ru: "Для PDF на сервере нужен LibreOffice")
    static let lenient = Localized(en: "Lenient: render undefined names as empty", ru: "Мягкий режим: неизвестные имена пустые")
    static let pseudonymise = Localized(en: "Pseudonymise children and marked people", ru: "Псевдонимизировать детей и отмеченных лиц")
    static let renderButton = Localized(en: "Check and download", ru: "Проверить и скачать")
    static let noTemplates = Localized(en: "No templates were found when the server started (start it with --templates DIR).",
                                       ru: "При запуске сервера не найдены шаблоны (укажите --templates DIR).")
    static let renderedWithWarnings = Localized(
        en: "The document was made, with warnings. Read them before you file it:",
        ru: "Документ создан, но есть предупреждения. Прочитайте их, прежде чем подавать документ:")
    static let downloadDocument = Localized(en: "Download", ru: "Скачать")
    static let problemsFound = Localized(en: "Nothing was rendered. Fix these problems and send the form again:",
                                         ru: "Документ не создан. Исправьте ошибки и отправьте форму снова:")
    static let line = Localized(en: "line", ru: "строка")
    static let column = Localized(en: "column", ru: "столбец")
    static let errorLabel = Localized(en: "error", ru: "ошибка")
    static let warningLabel = Localized(en: "warning", ru: "предупреждение")
    static let noCaseGiven = Localized(en: "Upload a case file or paste one into the text box.",
                                       ru: "Загрузите файл дела или вставьте его в текстовое поле.")
    static let unknownTemplate = Localized(en: "There is no template with that name. Choose one from the list.",
                                           ru: "Шаблона с таким именем нет. Выберите шаблон из списка.")
    static let unknownFormat = Localized(en: "That template is not available in that format.",
                                         ru: "Этот шаблон недоступен в таком формате.")
    static let pdfFailed = Localized(en: "The PDF could not be made:", ru: "Не удалось сделать PDF:")

    // Errors
    static let errorTitle = Localized(en: "Something is wrong", ru: "Что-то не так")
    static let notFound = Localized(en: "There is no page at this address.", ru: "По этому адресу страницы нет.")
    static let precedentNotFound = Localized(en: "There is no precedent with this id.", ru: "Прецедента с таким идентификатором нет.")
    static let tooLarge = Localized(en: "The request is too large. The limit is", ru: "Запрос слишком велик. Предел —")
    static let badRequest = Localized(en: "The request could not be understood.", ru: "Запрос не удалось понять.")
    static let methodNotAllowed = Localized(en: "This address does not accept that kind of request.",
                                            ru: "Этот адрес не принимает такой запрос.")
    static let internalError = Localized(en: "The server could not complete the request. Nothing was kept; try again.",
                                         ru: "Сервер не смог выполнить запрос. Ничего не сохранено; попробуйте ещё раз.")
    static let goToSearch = Localized(en: "Go to the precedent search", ru: "Перейти к поиску прецедентов")
    static let goToRender = Localized(en: "Go to the render form", ru: "Перейти к форме документа")
}
