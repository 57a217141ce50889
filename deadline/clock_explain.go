package deadline

import (
	"fmt"
	"strings"

	"github.com/rickb777/date/v2"
)

// Explanation says, day by day, how a clock counted: which days counted,
// which it skipped and why, and the provisions behind the rule.
type Explanation struct {
	Rule   Rule
	Status Status
	// Days runs from the day after the start through the due date, or
	// through the day of the status when that is later or the due date
	// is not known. It holds at most maxExplainedDays days.
	Days []ExplainedDay
	// Ledger is the clock's ledger up to the day of the status.
	Ledger []Entry
}

// ExplainedDay is one day of an [Explanation].
type ExplainedDay struct {
	Date date.Date
	Kind DayKind
	// Name is the holiday's name, or the holiday a make-up day pays for.
	Name, NameEN string
	// Counted reports whether the day counted, and N its number in the
	// count (1 for the first counted day). Rest days a calendar-day
	// period ran on over to reach a working day count too (民法典 Art 203
	// makes them part of the period), so the due day's N can exceed the
	// limit; Overdue marks the days after the due date.
	Counted bool
	N       int
	Overdue bool
	// Note says why the day counted or not.
	Note Note
	// Cause is the cause of a suspension, for NoteSuspended.
	Cause Cause
}

// Note says why a day counted or not.
type Note uint8

// Notes on explained days.
const (
	NoteCounted       Note = iota // counted
	NoteWeekend                   // a weekly rest day, not counted in working days
	NoteHoliday                   // a holiday, not counted in working days
	NoteMakeUpCounted             // a make-up working day, counted as a working day
	NoteMakeUpRest                // a make-up working day the calendar counts as a rest day
	NoteSuspended                 // suspended time, not counted (不计算在期限内)
	NoteBeforeRestart             // before the last restart: the count started again
	NoteRolled                    // a rest day at the end of a calendar-day period, which runs on to the next working day (民法典 Art 203)
	NoteAfterStop                 // after the clock stopped
)

var noteNames = [...][2]string{
	NoteCounted:       {"counted", "计入"},
	NoteWeekend:       {"weekend, not counted", "休息日，不计入"},
	NoteHoliday:       {"holiday, not counted", "节假日，不计入"},
	NoteMakeUpCounted: {"make-up working day, counted", "调休上班日，计入"},
	NoteMakeUpRest:    {"make-up working day, not counted", "调休上班日，不计入"},
	NoteSuspended:     {"suspended, not counted", "中止，不计算在期限内"},
	NoteBeforeRestart: {"before the restart", "重新计算前"},
	NoteRolled:        {"rest day, the period runs on to the next working day", "休息日，期间顺延至下一工作日"},
	NoteAfterStop:     {"after the stop", "已办结"},
}

// String returns the note in English.
func (n Note) String() string {
	if int(n) < len(noteNames) {
		return noteNames[n][0]
	}
	return "unknown"
}

// Chinese returns the note in Chinese.
func (n Note) Chinese() string {
	if int(n) < len(noteNames) {
		return noteNames[n][1]
	}
	return "未知"
}

// maxExplainedDays bounds an explanation: 20 years of days.
const maxExplainedDays = 366 * 20

// Explain explains the clock's count as of day asOf, day by day. Like
// [Clock.Status], it reads only the ledger entries dated on or before
// asOf; to explain the whole ledger, pass the day of its last entry or
// any later day. It is meant for people and notices, not for hot paths:
// it visits every day it explains.
func (c Clock) Explain(cal *Calendar, asOf date.Date) (Explanation, error) {
	st, err := c.Status(cal, asOf)
	if err != nil {
		return Explanation{}, withOp(err, "Explain")
	}
	n := len(c.ledger)
	for n > 0 && c.ledger[n-1].On > asOf {
		n--
	}
	ex := Explanation{Rule: c.Rule(), Status: st, Ledger: c.ledger[:n:n]}
	end := asOf
	if st.Stopped {
		end = st.StoppedOn
	}
	if st.Due != 0 && st.Due > end {
		end = st.Due
	}
	if int64(end-c.start) > maxExplainedDays {
		end = c.start + maxExplainedDays
	}
	// The suspensions of the current count, as closed intervals; an open
	// one runs to the end.
	type span struct {
		from, through date.Date
		cause         Cause
	}
	var spans []span
	current := ex.Ledger
	for i := len(current) - 1; i >= 0; i-- {
		if current[i].Kind == EntryRestart {
			current = current[i+1:]
			break
		}
	}
	for _, e := range current {
		switch e.Kind {
		case EntrySuspend:
			spans = append(spans, span{e.On, end, e.Cause})
		case EntryResume:
			spans[len(spans)-1].through = e.On
		}
	}
	counted := 0
	limit := countingLimit(c.rule, st.Started, st.Limit)
	for d := c.start + 1; d <= end; d++ {
		day := ExplainedDay{Date: d}
		var info Day
		if cal != nil {
			if info, err = cal.Day(d); err == nil {
				day.Kind, day.Name, day.NameEN = info.Kind, info.Name, info.NameEN
			}
		}
		inSpan := false
		for _, s := range spans {
			if d >= s.from && d <= s.through {
				inSpan, day.Cause = true, s.cause
			}
		}
		switch {
		case d <= st.Started:
			day.Note = NoteBeforeRestart
		case st.Stopped && d > st.StoppedOn:
			day.Note = NoteAfterStop
		case inSpan:
			day.Note = NoteSuspended
		case st.Unit == WorkingDays:
			switch day.Kind {
			case KindWeekend:
				day.Note = NoteWeekend
			case KindHoliday:
				day.Note = NoteHoliday
			case KindMakeUpWorkday:
				day.Note = NoteMakeUpCounted
				if !info.Working {
					day.Note = NoteMakeUpRest
				}
			}
		case counted >= limit && st.Due != 0 && d < st.Due:
			day.Note = NoteRolled
		}
		switch day.Note {
		case NoteCounted, NoteMakeUpCounted, NoteRolled:
			counted++
			day.Counted, day.N = true, counted
			day.Overdue = st.Due != 0 && d > st.Due
		}
		ex.Days = append(ex.Days, day)
	}
	return ex, nil
}

// Skipped returns the days the count passed over: weekends and holidays
// of a working-day count, suspended days, days before a restart.
func (e Explanation) Skipped() []ExplainedDay {
	var out []ExplainedDay
	for _, d := range e.Days {
		if !d.Counted {
			out = append(out, d)
		}
	}
	return out
}

// String renders the explanation for people, in Chinese and English:
// the rule and its provisions, the start and due dates, then every run of
// skipped days and make-up days with the reason.
func (e Explanation) String() string {
	var b strings.Builder
	r, st := e.Rule, e.Status
	fmt.Fprintf(&b, "期限 Rule: %s %s (%s) — %s / %s\n", r.Name, r.NameEN, r.ID, r.Period.Chinese(), r.Period)
	var basis []string
	for _, c := range r.Citations {
		basis = append(basis, c.String())
	}
	fmt.Fprintf(&b, "依据 Basis: %s\n", strings.Join(basis, "；"))
	fmt.Fprintf(&b, "起算 Start: %s（当日不计入 / start day not counted）\n", st.Started)
	if st.Extended > 0 {
		fmt.Fprintf(&b, "延长 Extended: %d (%s)\n", st.Extended, r.Extension.Citation)
	}
	switch {
	case st.Due == 0:
		fmt.Fprintf(&b, "届满 Due: 中止中，待恢复计算 / suspended, due date depends on resumption\n")
	default:
		fmt.Fprintf(&b, "届满 Due: %s %s\n", st.Due, weekdayZH(st.Due))
	}
	// Runs of days with the same note and name.
	for i := 0; i < len(e.Days); {
		d := e.Days[i]
		j := i
		for j+1 < len(e.Days) && e.Days[j+1].Note == d.Note && e.Days[j+1].Name == d.Name &&
			e.Days[j+1].Date == e.Days[j].Date+1 {
			j++
		}
		if d.Note != NoteCounted {
			span := d.Date.String()
			if j > i {
				span += "–" + e.Days[j].Date.String()
			}
			what := d.Note.Chinese() + " / " + d.Note.String()
			if d.Name != "" && d.Note != NoteSuspended {
				what += "：" + d.Name + " / " + d.NameEN
			}
			if d.Note == NoteSuspended {
				what += "：" + d.Cause.Chinese() + " / " + d.Cause.English()
			}
			fmt.Fprintf(&b, "  %s  %s\n", span, what)
		}
		i = j + 1
	}
	if st.Overdue > 0 {
		fmt.Fprintf(&b, "超期 Overdue: %d\n", st.Overdue)
	}
	return b.String()
}

func weekdayZH(d date.Date) string {
	return [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}[d.Weekday()]
}
