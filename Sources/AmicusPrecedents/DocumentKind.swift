extension Precedent {
    /// What the document is called, as a record's page heads it and a Russian citation starts with it: a judgment
    /// of the European Court or of the Constitutional Court is a «Постановление», a Russian court's decision an
    /// «Определение», a UN committee's views «Соображения» (the words Russian translations of these documents
    /// use). Nil when the record has no decision type.
    public func kindName(russian: Bool) -> String? {
        guard let type = decisionType else { return nil }
        let russianCourt = forum == .ksrf || forum == .vsrf
        switch (type, russian) {
        case (.judgment, false): return "Judgment"
        case (.judgment, true): return "Постановление"
        case (.decision, false): return "Decision"
        case (.decision, true): return russianCourt ? "Определение" : "Решение"
        case (.views, false): return "Views"
        case (.views, true): return "Соображения"
        case (.generalComment, false): return forum == .cmwCRC ? "Joint general comment" : "General comment"
        case (.generalComment, true): return forum == .cmwCRC ? "Совместное замечание общего порядка" : "Замечание общего порядка"
        case (.concludingObservations, false): return "Concluding observations"
        case (.concludingObservations, true): return "Заключительные замечания"
        case (.treaty, false): return "Treaty"
        case (.treaty, true): return "Международный договор"
        }
    }
}
