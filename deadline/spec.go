package deadline

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/internal/text"
)

// Spec is the plain data a [Calendar] is built from: a weekly pattern,
// a published coverage, and the year-by-year arrangements of holidays
// and make-up working days. It is what the calendar JSON format holds
// (see [ParseCalendar]); [New] validates it and reports every problem.
//
// A date listed in a holiday's Off is a rest day whatever its weekday; a
// date listed in Work is a make-up working day and must be a rest day of
// the weekly pattern. Every other day follows the weekly pattern.
type Spec struct {
	// ID identifies the calendar, e.g. "cn-mainland". Required.
	ID string
	// Name and NameEN describe the calendar for people.
	Name   string
	NameEN string
	// From and To bound the published coverage, both days included.
	From, To date.Date
	// Weekend lists the weekly rest days. It may be empty: a calendar of
	// a region's extra festivals or an agency's closures, meant to be
	// joined with the national one, has no weekly rest days of its own.
	Weekend []time.Weekday
	// Source says where the data comes from.
	Source string
	// Arrangements are the annual holiday arrangements (放假安排).
	Arrangements []Arrangement
}

// Arrangement is one year's holiday arrangement, as a notice of the
// State Council General Office publishes it (国务院办公厅关于…部分节假日安排的通知).
type Arrangement struct {
	// Year is the year the arrangement is for. Its days may reach into
	// the previous December.
	Year int
	// Notices are the addresses of the notices it comes from.
	Notices []string
	// Holidays are the holidays it arranges.
	Holidays []Holiday
}

// Holiday is one holiday of an arrangement: the rest days it gives and
// the make-up working days (调休上班) that pay for them.
type Holiday struct {
	Name   string      // in Chinese, e.g. 春节
	NameEN string      // in English, e.g. Spring Festival
	Off    []date.Date // rest days
	Work   []date.Date // make-up working days
}

// Limits on what a spec may describe, so that no input can make a
// calendar allocate without bound.
const (
	maxCoverageDays = 366 * 200
	maxLabels       = 1<<16 - 1
)

// origin says where each date of a spec came from, for error messages.
// The JSON reader fills it so problems name the element of the file.
type origin func(a, h int, list string, i int) string

func specPath(a, h int, list string, i int) string {
	return fmt.Sprintf("arrangements[%d].holidays[%d].%s[%d]", a, h, list, i)
}

type problems struct {
	op  string
	all []error
}

func (p *problems) add(path string, d date.Date, err error, format string, args ...any) {
	p.all = append(p.all, &Error{Op: p.op, Path: path, Date: d, Err: err, Detail: fmt.Sprintf(format, args...)})
}

func (p *problems) err() error { return errors.Join(p.all...) }

// restDayDetail begins the problem of a make-up day on a working weekday.
const restDayDetail = "a make-up working day must be a rest day of the weekly pattern"

// validate checks a spec and reports every problem, each located by path.
func (s *Spec) validate(p *problems, path origin) {
	if text.Blank(s.ID) {
		p.add("id", 0, ErrInvalidCalendar, "the calendar has no id")
	}
	coverageOK := true
	switch {
	case s.From == 0 || s.To == 0:
		p.add("coverage", 0, ErrInvalidCalendar, "coverage needs both from and to")
		coverageOK = false
	case s.To < s.From:
		p.add("coverage", s.To, ErrInvertedInterval, "coverage ends on %s before it starts on %s", s.To, s.From)
		coverageOK = false
	case s.From.Year() < 1 || s.To.Year() > 9999:
		p.add("coverage", 0, ErrInvalidCalendar, "coverage must lie within the years 1 to 9999")
		coverageOK = false
	case int64(s.To-s.From) >= maxCoverageDays:
		p.add("coverage", 0, ErrInvalidCalendar, "coverage spans %d days, more than the %d a calendar may hold", int64(s.To-s.From)+1, maxCoverageDays)
		coverageOK = false
	}
	var seenWeekday [7]bool
	for i, wd := range s.Weekend {
		at := fmt.Sprintf("weekend[%d]", i)
		switch {
		case wd < time.Sunday || wd > time.Saturday:
			p.add(at, 0, ErrInvalidCalendar, "weekday %d is not a day of the week", int(wd))
		case seenWeekday[wd]:
			p.add(at, 0, ErrInvalidCalendar, "%s listed twice", wd)
		default:
			seenWeekday[wd] = true
		}
	}
	labels := 0
	offAt := map[date.Date]string{}
	workAt := map[date.Date]string{}
	for a, arr := range s.Arrangements {
		for h, hol := range arr.Holidays {
			labels++
			hp := fmt.Sprintf("arrangements[%d].holidays[%d]", a, h)
			if text.Blank(hol.Name) {
				p.add(hp+".name", 0, ErrInvalidCalendar, "the holiday has no name")
			}
			if len(hol.Off) == 0 && len(hol.Work) == 0 {
				p.add(hp, 0, ErrInvalidCalendar, "holiday %q lists no days", hol.Name)
			}
			for i, d := range hol.Off {
				at := path(a, h, "off", i)
				if coverageOK && (d < s.From || d > s.To) {
					p.add(at, d, ErrOutOfCoverage, "coverage is %s to %s", s.From, s.To)
				}
				if prev, dup := offAt[d]; dup {
					p.add(at, d, ErrInvalidCalendar, "already listed as a rest day at %s", prev)
					continue
				}
				offAt[d] = at
			}
		}
	}
	for a, arr := range s.Arrangements {
		for h, hol := range arr.Holidays {
			for i, d := range hol.Work {
				at := path(a, h, "work", i)
				if coverageOK && (d < s.From || d > s.To) {
					p.add(at, d, ErrOutOfCoverage, "coverage is %s to %s", s.From, s.To)
				}
				if prev, dup := workAt[d]; dup {
					p.add(at, d, ErrInvalidCalendar, "already listed as a make-up working day at %s", prev)
					continue
				}
				workAt[d] = at
				if prev, both := offAt[d]; both {
					p.add(at, d, ErrInvalidCalendar, "both a holiday (at %s) and a make-up working day", prev)
				}
				if wd := d.Weekday(); !seenWeekday[wd] {
					p.add(at, d, ErrInvalidCalendar, restDayDetail+", and %s is a %s", d, wd)
				}
			}
		}
	}
	if labels > maxLabels {
		p.add("arrangements", 0, ErrInvalidCalendar, "%d holidays, more than the %d a calendar may hold", labels, maxLabels)
	}
}

// table is a validated spec laid out by day: what [Calendar] indexes.
type table struct {
	id, name, nameEN, source string
	from, to                 date.Date // coverage, an extension included
	pubTo                    date.Date // last day of the published coverage
	weekend                  [7]bool
	days                     []dayRec // one per day of the coverage
	labels                   []label  // labels[0] is the empty label
}

type dayRec struct {
	kind  DayKind
	label uint16
}

type label struct {
	name, nameEN string
	year         int
	notices      []string
}

func (s *Spec) table() *table {
	t := &table{
		id: s.ID, name: s.Name, nameEN: s.NameEN, source: s.Source,
		from: s.From, to: s.To, pubTo: s.To,
		labels: []label{{}},
	}
	for _, wd := range s.Weekend {
		t.weekend[wd] = true
	}
	t.days = make([]dayRec, int(s.To-s.From)+1)
	for i := range t.days {
		t.days[i] = dayRec{kind: t.weeklyKind(s.From + date.Date(i))}
	}
	for _, arr := range s.Arrangements {
		for _, hol := range arr.Holidays {
			id := uint16(len(t.labels))
			t.labels = append(t.labels, label{hol.Name, hol.NameEN, arr.Year, slices.Clone(arr.Notices)})
			for _, d := range hol.Off {
				t.days[d-s.From] = dayRec{KindHoliday, id}
			}
			for _, d := range hol.Work {
				t.days[d-s.From] = dayRec{KindMakeUpWorkday, id}
			}
		}
	}
	return t
}

func (t *table) weeklyKind(d date.Date) DayKind {
	if t.weekend[d.Weekday()] {
		return KindWeekend
	}
	return KindWorkday
}

// spec turns the table back into a spec: holidays grouped by arrangement
// in the order they were first defined, their days in date order.
func (t *table) spec() Spec {
	s := Spec{ID: t.id, Name: t.name, NameEN: t.nameEN, Source: t.source, From: t.from, To: t.pubTo}
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		if t.weekend[wd] {
			s.Weekend = append(s.Weekend, wd)
		}
	}
	// Days per label, in date order.
	off := make([][]date.Date, len(t.labels))
	work := make([][]date.Date, len(t.labels))
	for i, r := range t.days[:t.pubTo-t.from+1] {
		d := t.from + date.Date(i)
		switch {
		case r.kind == KindHoliday:
			off[r.label] = append(off[r.label], d)
		case r.kind == KindMakeUpWorkday:
			work[r.label] = append(work[r.label], d)
		}
	}
	arrIndex := map[string]int{}
	for id := 1; id < len(t.labels); id++ {
		if len(off[id]) == 0 && len(work[id]) == 0 {
			continue
		}
		l := t.labels[id]
		key := fmt.Sprint(l.year, "\x00", strings.Join(l.notices, "\x00"))
		ai, ok := arrIndex[key]
		if !ok {
			ai = len(s.Arrangements)
			arrIndex[key] = ai
			s.Arrangements = append(s.Arrangements, Arrangement{Year: l.year, Notices: slices.Clone(l.notices)})
		}
		s.Arrangements[ai].Holidays = append(s.Arrangements[ai].Holidays,
			Holiday{Name: l.name, NameEN: l.nameEN, Off: off[id], Work: work[id]})
	}
	return s
}
