package deadline_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/gen"
)

// problemsOf returns the *deadline.Error values an error joins.
// problemsOf lists the problems an error joins. The join is flat, as
// documented: one *deadline.Error per problem, none a join itself, so
// that a caller reading one level of Unwrap() []error sees them all.
func problemsOf(t *testing.T, err error) []*deadline.Error {
	t.Helper()
	errs := []error{err}
	if u, ok := err.(interface{ Unwrap() []error }); ok {
		errs = u.Unwrap()
	}
	var out []*deadline.Error
	for _, e := range errs {
		if _, nested := e.(interface{ Unwrap() []error }); nested {
			t.Errorf("a join within the join: %v", e)
		}
		var de *deadline.Error
		if errors.As(e, &de) {
			out = append(out, de)
		}
	}
	return out
}

type wantProblem struct {
	path string
	err  error
}

func checkProblems(t *testing.T, name string, err error, want []wantProblem) {
	t.Helper()
	got := problemsOf(t, err)
	if len(got) != len(want) {
		t.Errorf("%s: %d problems, want %d:\n%v", name, len(got), len(want), err)
		return
	}
	for i, w := range want {
		if got[i].Path != w.path || !errors.Is(got[i], w.err) {
			t.Errorf("%s: problem %d is %q (%v), want path %q wrapping %v", name, i, got[i].Path, got[i].Err, w.path, w.err)
		}
	}
}

func TestNewReportsEveryProblem(t *testing.T) {
	spec := deadline.Spec{
		ID:      "bad",
		From:    d(2025, 1, 1),
		To:      d(2025, 12, 31),
		Weekend: []time.Weekday{time.Saturday, time.Sunday, time.Saturday},
		Arrangements: []deadline.Arrangement{{Year: 2025, Holidays: []deadline.Holiday{
			{Name: "春节", Off: []date.Date{d(2025, 1, 28), d(2026, 1, 1)}, Work: []date.Date{d(2025, 1, 26), d(2025, 1, 27)}},
			{Name: "", Off: []date.Date{d(2025, 1, 28)}},
			{Name: "劳动节", Off: []date.Date{d(2025, 5, 1)}, Work: []date.Date{d(2025, 5, 1)}},
			{Name: "空", NameEN: "empty"},
		}}},
	}
	_, err := deadline.New(spec)
	checkProblems(t, "New", err, []wantProblem{
		{"weekend[2]", deadline.ErrInvalidCalendar},                          // Saturday listed twice
		{"arrangements[0].holidays[0].off[1]", deadline.ErrOutOfCoverage},    // 2026-01-01
		{"arrangements[0].holidays[1].name", deadline.ErrInvalidCalendar},    // no name
		{"arrangements[0].holidays[1].off[0]", deadline.ErrInvalidCalendar},  // 2025-01-28 twice
		{"arrangements[0].holidays[3]", deadline.ErrInvalidCalendar},         // no days
		{"arrangements[0].holidays[0].work[1]", deadline.ErrInvalidCalendar}, // Monday is not a weekly rest day
		{"arrangements[0].holidays[2].work[0]", deadline.ErrInvalidCalendar}, // both holiday and make-up day
		{"arrangements[0].holidays[2].work[0]", deadline.ErrInvalidCalendar}, // and a Thursday
	})
	for _, tc := range []struct {
		name string
		spec deadline.Spec
		want []wantProblem
	}{
		{"no id, no coverage", deadline.Spec{}, []wantProblem{{"id", deadline.ErrInvalidCalendar}, {"coverage", deadline.ErrInvalidCalendar}}},
		{"inverted coverage", deadline.Spec{ID: "x", From: d(2025, 2, 1), To: d(2025, 1, 1)}, []wantProblem{{"coverage", deadline.ErrInvertedInterval}}},
		{"coverage too long", deadline.Spec{ID: "x", From: d(1800, 1, 1), To: d(2100, 1, 1)}, []wantProblem{{"coverage", deadline.ErrInvalidCalendar}}},
		{"weekday out of range", deadline.Spec{ID: "x", From: d(2025, 1, 1), To: d(2025, 1, 1), Weekend: []time.Weekday{7}}, []wantProblem{{"weekend[0]", deadline.ErrInvalidCalendar}}},
	} {
		_, err := deadline.New(tc.spec)
		checkProblems(t, tc.name, err, tc.want)
	}
}

func TestParseCalendarReportsEveryProblem(t *testing.T) {
	for _, tc := range []struct {
		name string
		json string
		want []wantProblem
	}{
		{"malformed date, unknown weekday, bad format", `{"format":"v0","id":"x","coverage":{"from":"2025-1-1","to":"2025-12-31"},"weekend":["Satday"],"arrangements":[]}`,
			[]wantProblem{{"format", deadline.ErrInvalidCalendar}, {"coverage.from", deadline.ErrInvalidCalendar}, {"weekend[0]", deadline.ErrInvalidCalendar}}},
		{"impossible date and inverted range", `{"format":"xiaoneng-calendar/1","id":"x","coverage":{"from":"2025-01-01","to":"2025-12-31"},"weekend":["Saturday","Sunday"],
			"arrangements":[{"year":2025,"holidays":[{"name":"a","off":["2025-02-29","2025-05-05/2025-05-01"]}]}]}`,
			[]wantProblem{{"arrangements[0].holidays[0].off[0]", deadline.ErrInvalidCalendar}, {"arrangements[0].holidays[0].off[1]", deadline.ErrInvertedInterval}}},
		{"range outside coverage", `{"format":"xiaoneng-calendar/1","id":"x","coverage":{"from":"2025-01-01","to":"2025-12-31"},"weekend":["Saturday","Sunday"],
			"arrangements":[{"year":2025,"holidays":[{"name":"a","off":["2025-12-30/2026-01-02"]}]}]}`,
			[]wantProblem{{"arrangements[0].holidays[0].off[0]", deadline.ErrOutOfCoverage}}},
		{"semantic problems located in the file", `{"format":"xiaoneng-calendar/1","id":"x","coverage":{"from":"2025-01-01","to":"2025-12-31"},"weekend":["Saturday","Sunday"],
			"arrangements":[{"year":2025,"holidays":[{"name":"a","off":["2025-01-01/2025-01-05","2026-01-01"],"work":["2025-01-04","2025-01-07"]}]}]}`,
			[]wantProblem{{"arrangements[0].holidays[0].off[1]", deadline.ErrOutOfCoverage},
				{"arrangements[0].holidays[0].work[0]", deadline.ErrInvalidCalendar},   // also a holiday
				{"arrangements[0].holidays[0].work[1]", deadline.ErrInvalidCalendar}}}, // a Tuesday
		{"unreadable values and an inverted coverage, at once", `{"format":"xiaoneng-calendar/1","id":"x","coverage":{"from":"2025-01-01","to":"2024-12-31"},"weekend":["Saturday","Funday"],
			"arrangements":[{"year":2025,"holidays":[{"name":"a","off":["2025-02-30"],"work":["2025-01-27"]}]}]}`,
			[]wantProblem{{"weekend[1]", deadline.ErrInvalidCalendar}, {"arrangements[0].holidays[0].off[0]", deadline.ErrInvalidCalendar},
				{"coverage", deadline.ErrInvertedInterval}}}, // not the Monday make-up day: the weekly pattern is unknown
		{"unreadable coverage, other problems still found", `{"format":"xiaoneng-calendar/1","id":"","coverage":{"from":"2025-13-01","to":"2025-12-31"},"weekend":["Saturday","Sunday"],
			"arrangements":[{"year":2025,"holidays":[{"name":"a","work":["2025-01-07"]}]}]}`,
			[]wantProblem{{"coverage.from", deadline.ErrInvalidCalendar}, {"id", deadline.ErrInvalidCalendar},
				{"arrangements[0].holidays[0].work[0]", deadline.ErrInvalidCalendar}}}, // a Tuesday
		{"syntax error", `{"format": "xiaoneng-calendar/1",,}`, []wantProblem{{"line 1, column 35", deadline.ErrInvalidCalendar}}},
		{"wrong type", `{"format": 1}`, []wantProblem{{"format", deadline.ErrInvalidCalendar}}},
		{"unknown member", `{"format": "xiaoneng-calendar/1", "holidays": []}`, []wantProblem{{"", deadline.ErrInvalidCalendar}}},
		{"trailing data", `{"format":"xiaoneng-calendar/1","id":"x","coverage":{"from":"2025-01-01","to":"2025-01-31"},"weekend":[],"arrangements":[]} {}`, []wantProblem{{"", deadline.ErrInvalidCalendar}}},
		{"empty", ``, []wantProblem{{"", deadline.ErrInvalidCalendar}}},
	} {
		cal, err := deadline.ParseCalendar([]byte(tc.json))
		if cal != nil {
			t.Errorf("%s: a calendar was built from a bad file", tc.name)
		}
		checkProblems(t, tc.name, err, tc.want)
	}
}

func TestCalendarJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		spec := gen.CalendarSpec().Draw(t, "spec")
		cal, err := deadline.New(spec)
		if err != nil {
			t.Fatal(err)
		}
		data, err := json.Marshal(cal)
		if err != nil {
			t.Fatal(err)
		}
		back, err := deadline.ParseCalendar(data)
		if err != nil {
			t.Fatalf("ParseCalendar(Marshal): %v\n%s", err, data)
		}
		sameDays(t, cal, back)
		again, _ := json.Marshal(back)
		if !bytes.Equal(data, again) {
			t.Fatalf("second round trip differs:\n%s\n%s", data, again)
		}
		var s deadline.Spec
		if err := json.Unmarshal(data, &s); err != nil {
			t.Fatal(err)
		}
		viaSpec, err := deadline.New(s)
		if err != nil {
			t.Fatal(err)
		}
		sameDays(t, cal, viaSpec)
	})
}

// TestChinaMainlandConversion proves the embedded data: every day of the
// coverage, read from the shared source file with the source's own rule,
// against the calendar built from the converted file; holiday names,
// make-up days and notices included.
func TestChinaMainlandConversion(t *testing.T) {
	raw, err := os.ReadFile("testdata/cn-mainland-source.json")
	if err != nil {
		t.Fatal(err)
	}
	// The copy in testdata is the shared file itself, when that is at
	// hand: in a shared/data directory beside the repository or any
	// directory above it.
	if dir, err := filepath.Abs("."); err == nil {
		for ; ; dir = filepath.Dir(dir) {
			shared, err := os.ReadFile(filepath.Join(dir, "shared", "data", "cn-mainland-calendar.json"))
			if err == nil {
				if !bytes.Equal(shared, raw) {
					t.Fatalf("testdata/cn-mainland-source.json differs from %s: copy it again and run go generate", filepath.Join(dir, "shared", "data"))
				}
				break
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	var src struct {
		Coverage struct{ From, To string }
		Years    map[string]struct {
			Papers   []string
			Holidays []struct {
				Name  string
				Dates []string
			}
			Workdays []struct {
				Name  string
				Dates []string
			}
		}
	}
	if err := json.Unmarshal(raw, &src); err != nil {
		t.Fatal(err)
	}
	type fact struct {
		kind   deadline.DayKind
		name   string
		notice string
	}
	facts := map[date.Date]fact{}
	for _, y := range src.Years {
		for _, h := range y.Holidays {
			for _, s := range h.Dates {
				facts[date.MustParseISO(s)] = fact{deadline.KindHoliday, h.Name, y.Papers[0]}
			}
		}
		for _, w := range y.Workdays {
			for _, s := range w.Dates {
				facts[date.MustParseISO(s)] = fact{deadline.KindMakeUpWorkday, w.Name, y.Papers[0]}
			}
		}
	}
	cal := deadline.ChinaMainland()
	from, to := cal.Coverage()
	if from.String() != src.Coverage.From || to.String() != src.Coverage.To {
		t.Fatalf("coverage %s–%s, source %s–%s", from, to, src.Coverage.From, src.Coverage.To)
	}
	days := 0
	for day := from; day <= to; day++ {
		got, err := cal.Day(day)
		if err != nil {
			t.Fatal(err)
		}
		f, listed := facts[day]
		wd := day.Weekday()
		// The source's rule: a day works if it is listed in workdays, or if
		// it is Monday to Friday and not listed in holidays.
		wantWorking := (listed && f.kind == deadline.KindMakeUpWorkday) || (!listed && wd != time.Saturday && wd != time.Sunday)
		if got.Working != wantWorking {
			t.Fatalf("%s: working %v, source %v", day, got.Working, wantWorking)
		}
		switch {
		case listed && (got.Kind != f.kind || got.Name != f.name || got.Notice != f.notice):
			t.Fatalf("%s: %v %q %s; source %v %q %s", day, got.Kind, got.Name, got.Notice, f.kind, f.name, f.notice)
		case !listed && got.Name != "":
			t.Fatalf("%s: named %q, source lists nothing", day, got.Name)
		}
		days++
	}
	if days != 7305 {
		t.Fatalf("checked %d days, want 7305 (2007–2026)", days)
	}
	// Only the two 2006 make-up days of the 2007 arrangement fall outside.
	var outside []string
	for day := range facts {
		if day < from || day > to {
			outside = append(outside, day.String())
		}
	}
	if !cmp.Equal(len(outside), 2) {
		t.Fatalf("source dates outside coverage: %v, want 2006-12-30 and 2006-12-31", outside)
	}
	// The embedded file is what the converter writes.
	embedded := deadline.ChinaMainlandJSON()
	written, err := json.MarshalIndent(cal, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(append(written, '\n'), embedded) {
		t.Fatalf("data/cn-mainland.json is not in the writer's canonical form: run go generate ./deadline")
	}
}

// TestChinaMainlandStatutoryHolidays checks the embedded arrangements
// against the holiday law itself (全国年节及纪念日放假办法), year by year,
// independently of the source file: the statutory days of each year's
// version of the law are rest days, and every other weekday off is paid
// for by a make-up working day, so that the weekdays off less the make-up
// days are exactly the year's statutory days (Art 2, with Art 6's
// substitute weekday for a statutory day on a weekend).
func TestChinaMainlandStatutoryHolidays(t *testing.T) {
	// 正月初一 of each year, from the lunar calendar.
	newYear := map[int]date.Date{
		2007: d(2007, 2, 18), 2008: d(2008, 2, 7), 2009: d(2009, 1, 26), 2010: d(2010, 2, 14),
		2011: d(2011, 2, 3), 2012: d(2012, 1, 23), 2013: d(2013, 2, 10), 2014: d(2014, 1, 31),
		2015: d(2015, 2, 19), 2016: d(2016, 2, 8), 2017: d(2017, 1, 28), 2018: d(2018, 2, 16),
		2019: d(2019, 2, 5), 2020: d(2020, 1, 25), 2021: d(2021, 2, 12), 2022: d(2022, 2, 1),
		2023: d(2023, 1, 22), 2024: d(2024, 2, 10), 2025: d(2025, 1, 29), 2026: d(2026, 2, 17),
	}
	// statutory returns the full-population holidays of year y whose dates
	// follow from the law without a lunar table beyond 正月初一, and the
	// number of statutory days in all.
	statutory := func(y int) (days []date.Date, total int) {
		cny := newYear[y]
		switch {
		case y < 2008:
			// The 1999 version: New Year 1, Spring Festival 3 (初一 to 初三),
			// Labour Day 3, National Day 3.
			return []date.Date{d(y, 1, 1), cny, cny + 1, cny + 2, d(y, 5, 1), d(y, 5, 2), d(y, 5, 3),
				d(y, 10, 1), d(y, 10, 2), d(y, 10, 3)}, 10
		case y < 2014:
			// The 2007 version: Labour Day 1; Qingming, Dragon Boat and
			// Mid-Autumn 1 each; Spring Festival 除夕 to 初二.
			return []date.Date{d(y, 1, 1), cny - 1, cny, cny + 1, d(y, 5, 1), d(y, 10, 1), d(y, 10, 2), d(y, 10, 3)}, 11
		case y < 2025:
			// The 2013 version: Spring Festival 初一 to 初三.
			return []date.Date{d(y, 1, 1), cny, cny + 1, cny + 2, d(y, 5, 1), d(y, 10, 1), d(y, 10, 2), d(y, 10, 3)}, 11
		}
		// The 2024 version, from 2025: Spring Festival 除夕 to 初三, Labour
		// Day 2.
		return []date.Date{d(y, 1, 1), cny - 1, cny, cny + 1, cny + 2, d(y, 5, 1), d(y, 5, 2),
			d(y, 10, 1), d(y, 10, 2), d(y, 10, 3)}, 13
	}
	// Days off the law does not give, each set by its own State Council
	// decision, and make-up days outside the coverage.
	extra := map[int]struct {
		days   int
		reason string
	}{
		2007: {2, "the two make-up days that paid for the 2007 New Year, 30 and 31 December 2006, lie before the coverage"},
		2015: {1, "3 September 2015, the 70th anniversary of the victory in the War of Resistance, a one-time holiday"},
		2020: {2, "the Spring Festival break extended to 2 February 2020 (国办发明电〔2020〕1号): 31 January off, 1 February no longer a make-up day"},
	}
	cal := deadline.ChinaMainland()
	spec := cal.Spec()
	if len(spec.Arrangements) != 20 {
		t.Fatalf("%d arrangements, want one a year, 2007 through 2026", len(spec.Arrangements))
	}
	for _, a := range spec.Arrangements {
		days, total := statutory(a.Year)
		for _, day := range days {
			got, err := cal.Day(day)
			if err != nil || got.Kind != deadline.KindHoliday || got.Working {
				t.Errorf("%d: %s (%s) is a statutory holiday, the calendar says %v %q (%v)", a.Year, day, day.Weekday(), got.Kind, got.Name, err)
			}
		}
		weekdaysOff, makeUp := 0, 0
		for _, h := range a.Holidays {
			for _, day := range h.Off {
				if wd := day.Weekday(); wd != time.Saturday && wd != time.Sunday {
					weekdaysOff++
				}
			}
			makeUp += len(h.Work)
		}
		want := total + extra[a.Year].days
		if got := weekdaysOff - makeUp; got != want {
			t.Errorf("%d: %d weekdays off less %d make-up days is %d, want %d statutory days (%s)",
				a.Year, weekdaysOff, makeUp, got, want, extra[a.Year].reason)
		}
	}
}

func TestParseDate(t *testing.T) {
	const form = "is not a date of the form YYYY-MM-DD"
	for _, tc := range []struct {
		in   string
		want string // what the error says is wrong; "" for a date
	}{
		{"2025-10-30", ""},
		{"2024-02-29", ""},
		{"2025-02-29", "is not a day: February 2025 has 28 days"},
		{"2025-04-31", "is not a day: April 2025 has 30 days"},
		{"2025-13-01", "is not a day: there is no month 13"},
		{"2025-00-10", "is not a day: there is no month 0"},
		{"2025-10-00", "is not a day: there is no day 0"},
		{"20251030", form},
		{"+2025-10-30", form},
		{"2025-10-30T00:00:00", form},
		{" 2025-10-30", form},
		{"", form},
	} {
		_, err := deadline.ParseDate(tc.in)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("ParseDate(%q): %v", tc.in, err)
		case tc.want == "":
		case err == nil || !errors.Is(err, deadline.ErrInvalidDate) || !strings.HasSuffix(err.Error(), fmt.Sprintf("%q %s", tc.in, tc.want)):
			t.Errorf("ParseDate(%q) = %v, want an invalid date that %s", tc.in, err, tc.want)
		}
	}
}

// FuzzParseCalendar feeds the reader arbitrary bytes, seeded with the
// embedded calendar and the table's bad files. It must never panic, and
// a calendar it accepts must survive a round trip.
func FuzzParseCalendar(f *testing.F) {
	f.Add(deadline.ChinaMainlandJSON())
	f.Add([]byte(`{"format":"xiaoneng-calendar/1","id":"x","coverage":{"from":"2025-01-01","to":"2025-12-31"},"weekend":["Saturday","Sunday"],"arrangements":[{"year":2025,"holidays":[{"name":"a","off":["2025-01-01/2025-01-05"],"work":["2025-01-04"]}]}]}`))
	f.Add([]byte(`{"format":"xiaoneng-calendar/1","id":"x","coverage":{"from":"0001-01-01","to":"9999-12-31"},"weekend":[],"arrangements":[]}`))
	f.Add([]byte(`{"format": "xiaoneng-calendar/1",,}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		cal, err := deadline.ParseCalendar(data)
		if err != nil {
			if cal != nil {
				t.Fatal("a calendar and an error")
			}
			for _, p := range problemsOf(t, err) {
				if !strings.HasPrefix(p.Error(), "deadline: ParseCalendar") {
					t.Fatalf("problem without its operation: %v", p)
				}
			}
			return
		}
		out, err := json.Marshal(cal)
		if err != nil {
			t.Fatal(err)
		}
		back, err := deadline.ParseCalendar(out)
		if err != nil {
			t.Fatalf("round trip: %v", err)
		}
		sameDays(t, cal, back)
	})
}
