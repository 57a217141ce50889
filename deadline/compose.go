package deadline

import (
	"fmt"
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/internal/text"
)

// Join composes calendars into one, as a regional calendar (an autonomous
// region's own festivals) or an agency's closures compose with the
// national one: a day is a working day only if it is one in every
// calendar. The result covers the days all of them cover; its published
// coverage ends where the first of theirs ends.
//
// The kind of a joined day: a rest day in any calendar is a holiday if
// any calendar names it a holiday (the first such name is kept), else a
// weekend; a working day in all of them is a make-up working day if any
// calendar says so, else an ordinary workday. The weekly pattern of the
// result is the union of theirs, so a calendar meant only to add closures
// should have an empty weekend (see [Spec.Weekend]). Each calendar's
// choice of [CountMakeUpDays] holds for its own make-up days: when all
// of them count make-up days as rest days, so does the result; otherwise
// the make-up days of a calendar that does not count them are weekend
// days of the result.
//
// Join needs at least one calendar, and calendars whose coverage
// overlaps; the error wraps [ErrOutOfCoverage] otherwise.
func Join(id string, cals ...*Calendar) (*Calendar, error) {
	const op = "Join"
	if len(cals) == 0 {
		return nil, errorf(op, 0, ErrOutOfCoverage, "no calendars to join")
	}
	for i, c := range cals {
		if c.empty() {
			return nil, &Error{Op: op, Path: fmt.Sprintf("calendars[%d]", i), Err: ErrOutOfCoverage, Detail: "the calendar is empty"}
		}
	}
	if text.Blank(id) {
		return nil, errorf(op, 0, ErrInvalidCalendar, "the joined calendar has no id")
	}
	first := cals[0].t
	t := &table{id: id, from: first.from, to: first.to, pubTo: first.pubTo, labels: []label{{}}}
	var names, namesEN, srcs []string
	for _, c := range cals {
		t.from = max(t.from, c.t.from)
		t.to = min(t.to, c.t.to)
		t.pubTo = min(t.pubTo, c.t.pubTo)
		for wd, rest := range c.t.weekend {
			t.weekend[wd] = t.weekend[wd] || rest
		}
		names = append(names, c.t.name)
		namesEN = append(namesEN, c.t.nameEN)
		srcs = append(srcs, c.t.source)
	}
	makeUpRest := true
	for _, c := range cals {
		makeUpRest = makeUpRest && c.makeUpRest
	}
	if t.to < t.from {
		return nil, errorf(op, 0, ErrOutOfCoverage, "the calendars cover no day in common")
	}
	t.pubTo = max(t.pubTo, t.from-1)
	t.name = strings.Join(names, " + ")
	t.nameEN = strings.Join(namesEN, " + ")
	t.source = strings.Join(srcs, "; ")
	// Relabel: each calendar's labels are appended in turn.
	offset := make([]uint16, len(cals))
	for i, c := range cals {
		if len(t.labels)+len(c.t.labels)-1 > maxLabels {
			return nil, errorf(op, 0, ErrInvalidCalendar, "too many named days")
		}
		offset[i] = uint16(len(t.labels) - 1)
		t.labels = append(t.labels, c.t.labels[1:]...)
	}
	t.days = make([]dayRec, int(t.to-t.from)+1)
	for i := range t.days {
		d := t.from + date.Date(i)
		var rest, holiday, makeUp dayRec
		for ci, c := range cals {
			r := c.t.days[d-c.t.from]
			if r.label != 0 {
				r.label += offset[ci]
			}
			switch r.kind {
			case KindHoliday:
				if holiday.kind == KindUnknown {
					holiday = r
				}
				rest = r
			case KindWeekend:
				rest = r
			case KindMakeUpWorkday:
				if c.makeUpRest && !makeUpRest {
					rest = dayRec{kind: KindWeekend}
					break
				}
				if makeUp.kind == KindUnknown {
					makeUp = r
				}
			}
		}
		switch {
		case holiday.kind != KindUnknown:
			t.days[i] = holiday
		case rest.kind != KindUnknown:
			t.days[i] = dayRec{kind: KindWeekend}
		case makeUp.kind != KindUnknown:
			t.days[i] = makeUp
		default:
			t.days[i] = dayRec{kind: KindWorkday}
		}
	}
	c := &Calendar{t: t, makeUpRest: makeUpRest}
	c.index()
	return c, nil
}
