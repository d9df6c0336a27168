import Testing
@testable import AmicusCase

/// Dates in both written forms, with and without a time, and impossible dates caught where they are written.
@Suite struct DateTests {
    @Test func bothFormsAreRead() throws {
        let document = try Fixture.load("dates.yaml")
        #expect(document["order_date"]?.value == date(2016, 2, 15))
        #expect(document["hearing"]?.value == date(2016, 2, 15, 10, 30))
        #expect(document["detained_at"]?.value == date(2016, 2, 15, 7, 5, 30))
        #expect(document["decision_ru"]?.value == date(2014, 7, 17))
        #expect(document["decision_ru_quoted"]?.value == date(2014, 7, 17))
        #expect(document["decision_ru_time"]?.value == date(2014, 7, 17, 9, 0))
        #expect(document["leap_day"]?.value == date(2016, 2, 29))
        #expect(document["iso_leap_day"]?.value == date(2016, 2, 29))
        #expect(document["iso_quoted_stays_text"]?.value == .string("2016-02-15"))
        #expect(document["written_out"]?.value == .string("15 feb 2016"))
        #expect(document["decision_ru"]?.source == "17.07.2014")
    }

    @Test func impossibleDatesAreErrorsAtTheirPositions() {
        #expect(lines(Fixture.errors("impossible-dates.yaml")) == [
            "impossible-dates.yaml:3:15: error: applicant.birth_date: \"31.02.2016\" is not a real date: "
                + "February has 29 days, so there is no day 31",
            "impossible-dates.yaml:5:11: error: events[0].date: \"2016-13-01\" is not a real date: there is no month 13",
            "impossible-dates.yaml:6:11: error: events[1].date: \"30.02.2017\" is not a real date: "
                + "February has 28 days, so there is no day 30",
            "impossible-dates.yaml:7:11: error: events[2].date: \"2015-02-29\" is not a real date: "
                + "2015 is not a leap year, so February has 28 days",
            "impossible-dates.yaml:8:11: error: events[3].date: \"2016-04-31 25:00\" is not a real date: "
                + "April has 30 days, so there is no day 31",
        ])
    }

    @Test func impossibleTimeIsAnError() {
        #expect(lines(parseErrors("at: 2016-02-15 24:00\n")) == [
            "case.yaml:1:5: error: at: \"2016-02-15 24:00\" is not a real date: there is no hour 24",
        ])
    }

    @Test(arguments: [(1900, 28), (2000, 29), (2016, 29), (2017, 28)])
    func februaryFollowsTheGregorianCalendar(year: Int, days: Int) {
        #expect(CaseDate.daysIn(month: 2, year: year) == days)
    }

    @Test func datesPrintInBothStylesAndSort() throws {
        let morning = try #require(CaseDate(year: 2016, month: 2, day: 5, hour: 9, minute: 5))
        let day = try #require(CaseDate(year: 2016, month: 2, day: 5))
        #expect(morning.description == "2016-02-05 09:05")
        #expect(morning.russianNumeric == "05.02.2016 09:05")
        #expect(day < morning)
        #expect(CaseDate(year: 2016, month: 2, day: 30) == nil)
        #expect(CaseDate(year: 2016, month: 2, day: 1, hour: 10) == nil)
    }
}
