package ics_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/examples/xn/ics"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// small is a calendar of one year with a holiday run across a weekend,
// a make-up working day, and a holiday with no English name.
func small(t testing.TB) *deadline.Calendar {
	t.Helper()
	cal, err := deadline.New(deadline.Spec{
		ID: "demo", Name: "示例日历", NameEN: "demo calendar", Source: "示例, test data",
		From: date.New(2025, 1, 1), To: date.New(2025, 12, 31),
		Weekend: []time.Weekday{time.Sunday, time.Saturday},
		Arrangements: []deadline.Arrangement{{
			Year: 2025, Notices: []string{"https://example.org/notice-2025"},
			Holidays: []deadline.Holiday{
				{Name: "春节", NameEN: "Spring Festival",
					Off:  []date.Date{date.New(2025, 1, 28), date.New(2025, 1, 29), date.New(2025, 1, 30), date.New(2025, 1, 31), date.New(2025, 2, 3)},
					Work: []date.Date{date.New(2025, 1, 26), date.New(2025, 2, 8)}},
				{Name: "本地节日", Off: []date.Date{date.New(2025, 6, 6)}},
			},
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return cal
}

// golden compares got with the file under testdata/golden, rewriting it
// with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the tests with -update to create it)", err)
	}
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Errorf("%s differs from the golden file (-want +got):\n%s", name, d)
	}
}

func TestExportGolden(t *testing.T) {
	b, err := ics.Export(small(t), ics.Options{})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "demo.ics", b)
	if !bytes.HasSuffix(b, []byte("END:VCALENDAR\r\n")) {
		t.Error("lines do not end in CRLF")
	}
	for i, line := range bytes.Split(b, []byte("\r\n")) {
		if len(line) > 75 {
			t.Errorf("line %d has %d octets, more than the 75 of RFC 5545: %q", i+1, len(line), line)
		}
	}
}

func TestExportStamp(t *testing.T) {
	stamp := time.Date(2025, 12, 1, 8, 30, 0, 0, time.UTC)
	b, err := ics.Export(small(t), ics.Options{Stamp: stamp})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("DTSTAMP:20251201T083000Z")) {
		t.Error("the stamp is not written as DTSTAMP")
	}
}

func TestExportEmpty(t *testing.T) {
	for _, cal := range []*deadline.Calendar{nil, new(deadline.Calendar)} {
		if _, err := ics.Export(cal, ics.Options{}); !errors.Is(err, ics.ErrInvalid) {
			t.Errorf("Export of an empty calendar: %v, want ErrInvalid", err)
		}
	}
}

// fataler is what sameDays needs of *testing.T and *rapid.T.
type fataler interface {
	Helper()
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}

// sameDays reports the first day on which two calendars differ.
func sameDays(t fataler, want, got *deadline.Calendar) {
	t.Helper()
	wf, wt := want.Coverage()
	gf, gt := got.Coverage()
	if wf != gf || wt != gt {
		t.Fatalf("coverage %s to %s, want %s to %s", gf, gt, wf, wt)
	}
	wd, err := want.Days(wf, wt)
	if err != nil {
		t.Fatal(err)
	}
	gd, err := got.Days(gf, gt)
	if err != nil {
		t.Fatal(err)
	}
	for i := range wd {
		if wd[i] != gd[i] {
			t.Fatalf("day %s: got %+v, want %+v", wd[i].Date, gd[i], wd[i])
		}
	}
}

// The national calendar, 2007–2026, exports and imports back day by day:
// every holiday with its names and notice, every make-up working day.
func TestChinaMainlandRoundTrip(t *testing.T) {
	cal := deadline.ChinaMainland()
	b, err := ics.Export(cal, ics.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := ics.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(cal.Spec(), s); d != "" {
		t.Fatalf("spec differs after the round trip (-want +got):\n%s", d)
	}
	back, err := ics.Import(b)
	if err != nil {
		t.Fatal(err)
	}
	sameDays(t, cal, back)
	for _, tc := range []struct {
		day    date.Date
		kind   deadline.DayKind
		name   string
		reason string
	}{
		{date.New(2025, 1, 26), deadline.KindMakeUpWorkday, "春节", "a Sunday worked for the Spring Festival"},
		{date.New(2025, 10, 8), deadline.KindHoliday, "国庆节、中秋节", "the last day of the 2025 National Day break"},
		{date.New(2025, 10, 11), deadline.KindMakeUpWorkday, "国庆节、中秋节", "a Saturday worked for National Day"},
		{date.New(2025, 10, 9), deadline.KindWorkday, "", "an ordinary Thursday"},
	} {
		d, err := back.Day(tc.day)
		if err != nil || d.Kind != tc.kind || d.Name != tc.name {
			t.Errorf("%s (%s): got %v %q, %v; want %v %q", tc.day, tc.reason, d.Kind, d.Name, err, tc.kind, tc.name)
		}
	}
}

// names draws holiday names: mostly plain, sometimes with the characters
// iCalendar escapes, long enough to be folded, or empty.
func names() *rapid.Generator[string] {
	return rapid.OneOf(
		rapid.SampledFrom([]string{"春节", "国庆节、中秋节", "New Year's Day", ""}),
		rapid.StringOfN(rapid.SampledFrom([]rune("节日 ,;:\\\"'<>\nabcXYZ年節ü😀")), 1, 120, -1),
	)
}

// specs draws calendar specs: a coverage of one day to about eight years,
// a weekly pattern of zero to three rest days, and holidays of one to ten
// days with make-up working days on weekly rest days, no date listed
// twice. (internal/gen has the same generator; this package keeps its
// own so that its tests build on the deadline package alone.)
func specs() *rapid.Generator[deadline.Spec] {
	return rapid.Custom(func(t *rapid.T) deadline.Spec {
		from := date.New(1990, 1, 1) + date.Date(rapid.IntRange(0, 50*365).Draw(t, "from"))
		length := rapid.IntRange(1, 3000).Draw(t, "days")
		s := deadline.Spec{ID: "gen", From: from, To: from + date.Date(length-1)}
		for _, wd := range rapid.SliceOfNDistinct(rapid.IntRange(0, 6), 0, 3, rapid.ID[int]).Draw(t, "weekend") {
			s.Weekend = append(s.Weekend, time.Weekday(wd))
		}
		slices.Sort(s.Weekend)
		used := map[date.Date]bool{}
		for y := range rapid.IntRange(0, 4).Draw(t, "arrangements") {
			arr := deadline.Arrangement{Year: from.Year() + y}
			if rapid.Bool().Draw(t, "notice") {
				arr.Notices = []string{"https://example.org/notice", "https://example.org/notice?a=1,b=2;c"}[:rapid.IntRange(1, 2).Draw(t, "notices")]
			}
			for h := rapid.IntRange(1, 6).Draw(t, "holidays"); h > 0; h-- {
				var hol deadline.Holiday
				start := s.From + date.Date(rapid.IntRange(0, length-1).Draw(t, "start"))
				for d := start; d < start+date.Date(rapid.IntRange(1, 10).Draw(t, "len")) && d <= s.To; d++ {
					if !used[d] {
						used[d] = true
						hol.Off = append(hol.Off, d)
					}
				}
				for w := rapid.IntRange(0, 3).Draw(t, "work"); w > 0 && len(s.Weekend) > 0; w-- {
					d := s.From + date.Date(rapid.IntRange(0, length-1).Draw(t, "workday"))
					if !used[d] && slices.Contains(s.Weekend, d.Weekday()) {
						used[d] = true
						hol.Work = append(hol.Work, d)
					}
				}
				if len(hol.Off)+len(hol.Work) > 0 {
					arr.Holidays = append(arr.Holidays, hol)
				}
			}
			if len(arr.Holidays) > 0 {
				s.Arrangements = append(s.Arrangements, arr)
			}
		}
		return s
	})
}

// Any calendar exports and imports back to the same spec and the same
// days.
func TestRoundTripProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := specs().Draw(t, "spec")
		s.Name, s.NameEN, s.Source = names().Draw(t, "name"), names().Draw(t, "name_en"), names().Draw(t, "source")
		for i := range s.Arrangements {
			for j := range s.Arrangements[i].Holidays {
				h := &s.Arrangements[i].Holidays[j]
				h.Name, h.NameEN = names().Filter(func(s string) bool { return strings.TrimSpace(s) != "" }).Draw(t, "holiday"), names().Draw(t, "holiday_en")
			}
		}
		cal, err := deadline.New(s)
		if err != nil {
			t.Fatalf("the library refuses a generated spec: %v", err)
		}
		b, err := ics.Export(cal, ics.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := ics.Decode(b)
		if err != nil {
			t.Fatalf("Decode: %v\n%s", err, b)
		}
		if d := cmp.Diff(cal.Spec(), got); d != "" {
			t.Fatalf("spec differs after the round trip (-want +got):\n%s", d)
		}
		back, err := deadline.New(got)
		if err != nil {
			t.Fatal(err)
		}
		sameDays(t, cal, back)
	})
}

// A file written by another program: no X-XIAONENG- properties, summaries
// that mark make-up days with 补班, a duration instead of an end, and a
// time-zone component to skip.
func TestDecodeForeign(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "foreign.ics"))
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ics.Import(b)
	if err != nil {
		t.Fatal(err)
	}
	from, to := cal.Coverage()
	if from != date.New(2025, 1, 1) || to != date.New(2025, 12, 31) {
		t.Errorf("coverage %s to %s, want the whole of 2025", from, to)
	}
	for _, tc := range []struct {
		day    date.Date
		kind   deadline.DayKind
		name   string
		reason string
	}{
		{date.New(2025, 1, 28), deadline.KindHoliday, "春节", "first day of the DTEND event"},
		{date.New(2025, 2, 4), deadline.KindHoliday, "春节", "last day of the DTEND event"},
		{date.New(2025, 1, 26), deadline.KindMakeUpWorkday, "春节", "补班 in the summary"},
		{date.New(2025, 5, 5), deadline.KindHoliday, "劳动节", "last day of a DURATION:P5D event"},
		{date.New(2025, 5, 6), deadline.KindWorkday, "", "the day after the DURATION"},
		{date.New(2025, 4, 27), deadline.KindMakeUpWorkday, "劳动节", "WORKDAY in the categories"},
		{date.New(2025, 3, 8), deadline.KindWeekend, "", "Saturday by the default weekly pattern"},
	} {
		d, err := cal.Day(tc.day)
		if err != nil || d.Kind != tc.kind || d.Name != tc.name {
			t.Errorf("%s (%s): got %v %q, %v; want %v %q", tc.day, tc.reason, d.Kind, d.Name, err, tc.kind, tc.name)
		}
	}
}

func TestDecodeInvalid(t *testing.T) {
	head := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
	ev := func(props ...string) string {
		return "BEGIN:VEVENT\r\nUID:x\r\n" + strings.Join(props, "\r\n") + "\r\nEND:VEVENT\r\n"
	}
	tail := "END:VCALENDAR\r\n"
	for _, tc := range []struct {
		in, reason string
	}{
		{"", "empty input"},
		{"not a calendar", "no BEGIN:VCALENDAR"},
		{head + "BEGIN:VEVENT\r\n", "unterminated"},
		{head + ev("DTSTART:20250101T090000Z") + tail, "a timed event, not all-day"},
		{head + ev("DTSTART;VALUE=DATE:20250230") + tail, "a day that does not exist"},
		{head + ev("DTSTART;VALUE=DATE:20250101", "RRULE:FREQ=YEARLY") + tail, "a recurring event"},
		{head + ev("DTSTART;VALUE=DATE:20250105", "DTEND;VALUE=DATE:20250101") + tail, "ends before it starts"},
		{head + ev("DTSTART;VALUE=DATE:20250101", "DURATION:PT1H") + tail, "a duration of hours"},
		{head + ev("DTSTART;VALUE=DATE:20200101", "DTEND;VALUE=DATE:20250101") + tail, "spans five years"},
		{head + ev("SUMMARY:x") + tail, "no DTSTART"},
		{head + ev("DTSTART;VALUE=DATE:20250101", "X-XIAONENG-KIND:festival") + tail, "an unknown kind"},
		{head + ev("DTSTART;VALUE=DATE:20250101", "X-XIAONENG-YEAR:twenty") + tail, "a year that is not a number"},
		{head + "X-XIAONENG-COVERAGE:2025\r\n" + ev("DTSTART;VALUE=DATE:20250101") + tail, "a coverage without a slash"},
		{head + "X-XIAONENG-WEEKEND:SAT\r\n" + ev("DTSTART;VALUE=DATE:20250101") + tail, "a weekday that is not a code"},
		{head + tail, "no coverage and no events"},
		{strings.Repeat("x", ics.MaxBytes+1), "too large"},
	} {
		_, err := ics.Decode([]byte(tc.in))
		if !errors.Is(err, ics.ErrInvalid) {
			t.Errorf("%s: got %v, want an error wrapping ErrInvalid", tc.reason, err)
		}
		var e *ics.Error
		if err != nil && !errors.As(err, &e) {
			t.Errorf("%s: %v is not an *ics.Error", tc.reason, err)
		}
	}
}

// A spec that decodes but that deadline.New refuses: a make-up day on
// a Monday.
func TestImportRefusedByDeadline(t *testing.T) {
	in := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n" +
		"BEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:20250106\r\nSUMMARY:补班\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	if _, err := ics.Import([]byte(in)); !errors.Is(err, deadline.ErrInvalidCalendar) {
		t.Errorf("got %v, want an error wrapping deadline.ErrInvalidCalendar", err)
	}
}

func TestDecodeDeepNesting(t *testing.T) {
	in := "BEGIN:VCALENDAR\r\n" + strings.Repeat("BEGIN:VEVENT\r\n", 100000)
	if _, err := ics.Decode([]byte(in)); !errors.Is(err, ics.ErrInvalid) {
		t.Errorf("got %v, want ErrInvalid", err)
	}
}
