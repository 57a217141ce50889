package deadline

import (
	"fmt"

	"github.com/rickb777/date/v2"
)

// Status is what a clock says as of a day.
//
// Its day counts (Elapsed, Remaining, Overdue) are in counting days:
// working days for a working-day rule, calendar days for a rule in days,
// months or years. Suspended days never count.
type Status struct {
	// Rule is the ID of the clock's rule.
	Rule string
	// Unit is the counting unit: WorkingDays or Days.
	Unit Unit
	// Started is the day the current count started: the start, or the
	// last restart.
	Started date.Date
	// Due is the last day of the period (届满日), extensions included.
	// It is zero while the clock is suspended before the limit was
	// reached: the due date then depends on when the count resumes.
	Due date.Date
	// Limit is the time limit in the rule's unit, extensions included,
	// and Extended the part extensions added.
	Limit, Extended int
	// Elapsed counts the days used through the day of the status, or
	// through the stop.
	Elapsed int
	// Remaining counts the days left after the day of the status, up to
	// and including Due; zero once Due has passed.
	Remaining int
	// WorkingDaysLeft counts the working days among the Remaining days:
	// Remaining itself for a working-day rule; for a calendar-day rule,
	// the working days on the calendar after the day of the status (or
	// of the stop, or the start if later), up to and including Due, and
	// none while a suspension runs. The warning lights count it (see
	// [Status.Level]): a limit of days due on a Monday is one working
	// day away on the Friday before.
	//
	// WorkingDaysKnown reports whether it is known. It is not for a
	// calendar-day rule while Due is not known, nor where the calendar
	// does not cover the days up to Due: a calendar-day rule that does
	// not roll is counted without the calendar, and Status does not fail
	// for the want of it. WorkingDaysLeft then counts the working days
	// the calendar does cover, fewer than or as many as there are, so
	// that the working days left lie between it and Remaining (see
	// [Status.KnownLevel]). A Status built by hand does not know them
	// either, so that its zero is never read as "no working day left".
	WorkingDaysLeft  int
	WorkingDaysKnown bool
	// Overdue counts the days past Due (超期), net of suspended days.
	Overdue int
	// Paused reports an open suspension.
	Paused bool
	// Stopped reports that the clock stopped, on StoppedOn.
	Stopped   bool
	StoppedOn date.Date
	// Provisional reports that the result used days outside the
	// calendar's published coverage.
	Provisional bool
}

// HasDue reports whether the due date is known: false while the clock is
// suspended before its limit was reached. The zero [date.Date], which
// prints as 0001-01-01, stands for "not known" in Due and StoppedOn.
func (s Status) HasDue() bool { return s.Due != 0 }

// Late reports whether the period ran out before the clock stopped or,
// for a running clock, before the day of the status.
func (s Status) Late() bool { return s.Overdue > 0 }

// Status returns the clock's status as of day asOf: only ledger entries
// dated on or before asOf count, so the status of a past day is what the
// clock said that day. The calendar counts working days, rolls
// calendar-day limits off rest days and tells the working days left of
// a calendar-day limit; a calendar-day rule that does not roll needs
// none, and without it leaves [Status.WorkingDaysKnown] false.
//
// It fails when the calendar does not cover the days it must count, and
// when the ledger holds an extension granted after the period ended
// (which [Clock.Extend] refuses, but a ledger read from JSON may hold).
//
// Status walks the ledger once, with constant work per entry, and
// allocates nothing.
func (c Clock) Status(cal *Calendar, asOf date.Date) (Status, error) {
	const op = "Status"
	if c.IsZero() {
		return Status{}, errorf(op, asOf, ErrEntryRefused, "the clock was never started")
	}
	r := c.rule
	n := len(c.ledger)
	for n > 0 && c.ledger[n-1].On > asOf {
		n--
	}
	es := c.ledger[:n]
	base := c.start
	for i := n - 1; i >= 0; i-- {
		if es[i].Kind == EntryRestart {
			base, es = es[i].On, es[i+1:]
			break
		}
	}
	st := Status{Rule: r.ID, Unit: Days, Started: base}
	k := counter{cal: cal, rule: r, roll: r.Roll}
	if r.Period.Unit == WorkingDays {
		st.Unit, k.work, k.roll = WorkingDays, true, RollNone
	}
	end := asOf
	if m := len(es); m > 0 && es[m-1].Kind == EntryStop {
		st.Stopped, st.StoppedOn, end = true, es[m-1].On, es[m-1].On
	}
	var t tally
	if err := k.run(&t, base, es, end); err != nil {
		return Status{}, withOp(err, op)
	}
	st.Paused = t.suspended && !st.Stopped
	st.Limit, st.Extended = t.units, t.units-r.Period.N
	st.Elapsed = t.counted
	if t.known {
		atDue := t.limit
		if t.due != t.nominal {
			// Rolled: count the days up to the rolled due date too.
			var rolled tally
			if err := k.run(&rolled, base, es, t.due); err != nil {
				return Status{}, withOp(err, op)
			}
			atDue = rolled.counted
		}
		st.Due = t.due
		st.Remaining = max(0, atDue-t.counted)
		st.Overdue = max(0, t.counted-atDue)
	} else {
		st.Remaining = max(0, t.limit-t.counted)
	}
	switch {
	case k.work:
		st.Provisional = cal.Provisional(base, max(t.due, end))
		st.WorkingDaysLeft, st.WorkingDaysKnown = st.Remaining, true
	case t.known:
		if k.roll != RollNone {
			// A count of calendar days asks the calendar where it rolls
			// a due day off rest days: on the days from the start to the
			// last due day, rolled or not (an earlier one, rolled for an
			// extension, lies before it). The days counted up to asOf
			// need no calendar.
			st.Provisional = cal.Provisional(base, max(t.nominal, t.due))
		}
		// And for the working days left, on the days after end (or the
		// start, as Remaining counts) up to the due day: those the
		// calendar covers, known if it covers them all. None is left
		// while a suspension runs (the limit was reached before it, or
		// the due day would not be known), as no day is.
		if from := max(base, end); t.due <= from || st.Paused {
			st.WorkingDaysKnown = true
		} else {
			n, all, provisional := cal.workingIn(from, t.due)
			st.WorkingDaysLeft, st.WorkingDaysKnown = n, all
			st.Provisional = st.Provisional || provisional
		}
	}
	return st, nil
}

// Due returns the clock's due date given its whole ledger. The zero date
// means the clock is suspended before its limit was reached, so that its
// due date depends on when it resumes.
func (c Clock) Due(cal *Calendar) (date.Date, error) {
	st, err := c.Status(cal, c.LastDay())
	if err != nil {
		return 0, withOp(err, "Due")
	}
	return st.Due, nil
}

// countingLimit converts a limit in the rule's unit, counted from base,
// to counting days.
func countingLimit(r *Rule, base date.Date, units int) int {
	switch r.Period.Unit {
	case Months, Years:
		return int(addPeriod(base, Period{units, r.Period.Unit}) - base)
	}
	return units
}

// counter counts a rule's days: working days on a calendar, or calendar
// days rolled off rest days as the rule says.
type counter struct {
	cal  *Calendar
	rule *Rule
	work bool
	roll Roll
}

// between counts the days in (a, b]; zero when b is not after a.
func (k counter) between(a, b date.Date) (int, error) {
	if b <= a {
		return 0, nil
	}
	if !k.work {
		return int(b - a), nil
	}
	i, ok1 := k.cal.cumAt(a)
	j, ok2 := k.cal.cumAt(b)
	if !ok1 || !ok2 {
		return 0, k.cal.outside("WorkingDaysBetween", max(a, b))
	}
	return j - i, nil
}

// project returns the r-th counting day after a.
func (k counter) project(a date.Date, r int) (date.Date, error) {
	if !k.work {
		return a + date.Date(r), nil
	}
	d, ok := k.cal.addWD(a, r)
	if !ok {
		return 0, k.cal.runsOut("AddWorkingDays", a, r)
	}
	return d, nil
}

// rolled moves a nominal due day off rest days as the rule says.
func (k counter) rolled(d date.Date) (date.Date, error) {
	if k.roll == RollNone {
		return d, nil
	}
	return k.cal.roll("Status", d, k.roll)
}

// tally is the outcome of one walk over a ledger.
type tally struct {
	nominal, due date.Date // the limit-th counting day, and the due day rolled from it
	known        bool      // false when an open suspension began before the limit was reached
	suspended    bool      // a suspension is open at the end of the ledger
	counted      int       // counting days in (base, end]
	units        int       // the limit in the rule's unit, extensions included
	limit        int       // the limit in counting days
}

// run walks the entries of the current count once. Suspensions and
// resumptions move the count, extensions grow the limit, and the days in
// (base, end] are counted. An extension is late, and refused, once the
// count has reached its limit (also when a suspension began after that),
// or when it comes after the due date.
func (k *counter) run(t *tally, base date.Date, es []Entry, end date.Date) error {
	*t = tally{units: k.rule.Period.N}
	t.limit = countingLimit(k.rule, base, t.units)
	cur, need := base, t.limit
	for _, e := range es {
		switch e.Kind {
		case EntrySuspend:
			t.suspended = true
			seg := e.On - 1 // the last day counted before the suspension
			if seg <= cur {
				continue
			}
			avail, err := k.between(cur, seg)
			if err != nil {
				return err
			}
			if !t.known {
				if avail >= need {
					if t.nominal, err = k.project(cur, need); err != nil {
						return err
					}
					t.known = true
				} else {
					need -= avail
				}
			}
			if end >= seg {
				t.counted += avail
			} else if end > cur {
				n, err := k.between(cur, end)
				if err != nil {
					return err
				}
				t.counted += n
			}
		case EntryResume:
			cur, t.suspended = max(cur, e.On), false
		case EntryExtend:
			var due date.Date
			switch {
			case t.known:
				due = t.nominal
			case !t.suspended:
				nominal, err := k.project(cur, need)
				if err != nil {
					return err
				}
				if due, err = k.rolled(nominal); err != nil {
					return err
				}
			}
			if t.known || (due != 0 && e.On > due) {
				return &Error{Op: "Status", Path: "ledger", Date: e.On, Err: ErrExtensionRefused,
					Detail: fmt.Sprintf("extension granted on %s, after the period ended on %s", e.On, due)}
			}
			t.units += e.Units
			limit := countingLimit(k.rule, base, t.units)
			need += limit - t.limit
			t.limit = limit
		}
	}
	if !t.suspended {
		var err error
		if !t.known {
			if t.nominal, err = k.project(cur, need); err != nil {
				return err
			}
			t.known = true
		}
		n, err := k.between(cur, end)
		if err != nil {
			return err
		}
		t.counted += n
	}
	if t.known {
		var err error
		if t.due, err = k.rolled(t.nominal); err != nil {
			return err
		}
	}
	return nil
}

// Level is an electronic-supervision warning light (电子监察预警).
// Values are stored: they are never reordered, only appended.
type Level uint8

// Warning levels. The zero value, LevelGreen, means on course.
const (
	LevelGreen  Level = iota // 绿灯: on course
	LevelYellow              // 黄灯: the limit is near (预警)
	LevelRed                 // 红灯: the limit has passed (超期)
)

var levelNames = [...][2]string{{"green", "绿灯"}, {"yellow", "黄灯"}, {"red", "红灯"}}

// String returns the level in English: "green", "yellow" or "red".
func (l Level) String() string {
	if int(l) < len(levelNames) {
		return levelNames[l][0]
	}
	return "unknown"
}

// Chinese returns the level in Chinese: 绿灯, 黄灯 or 红灯.
func (l Level) Chinese() string {
	if int(l) < len(levelNames) {
		return levelNames[l][1]
	}
	return "未知"
}

// MarshalText writes the level as [Level.String] does. A value that is
// no level is refused, so that nothing reads back as another.
func (l Level) MarshalText() ([]byte, error) {
	if int(l) >= len(levelNames) {
		return nil, errorf("MarshalText", 0, ErrInvalidPeriod, fmt.Sprintf("no warning level %d", l))
	}
	return []byte(l.String()), nil
}

// UnmarshalText reads a level written by [Level.MarshalText]: "green",
// "yellow" or "red".
func (l *Level) UnmarshalText(b []byte) error {
	for i, n := range levelNames {
		if n[0] == string(b) {
			*l = Level(i)
			return nil
		}
	}
	return errorf("UnmarshalText", 0, ErrInvalidPeriod, fmt.Sprintf("unknown warning level %.40q", b))
}

// Policy sets the thresholds of the warning lights. No national rule
// fixes them; local rules differ, so they are data. Red always means
// overdue.
//
// The zero Policy lights yellow on the due day only.
type Policy struct {
	// YellowRemaining lights yellow when at most this many working days
	// remain ([Status.WorkingDaysLeft]; the rule's counting days where
	// the status does not know them). Negative disables the rule.
	YellowRemaining int `json:"yellow_remaining"`
	// YellowUsedPercent lights yellow when at least this percentage of
	// the limit is used, 1 to 100. Zero disables the rule.
	YellowUsedPercent int `json:"yellow_used_percent"`
}

// DefaultPolicy lights yellow when one working day or less remains, or
// when 80 % of the limit is used: a reminder one working day ahead, as
// local electronic-supervision rules commonly set. A limit of calendar
// days due on a Monday lights yellow on the Friday before, as a limit of
// working days does. The 80 % rule counts in the limit's own unit.
func DefaultPolicy() Policy { return Policy{YellowRemaining: 1, YellowUsedPercent: 80} }

// Validate reports whether the percentage lies in 0 to 100.
func (p Policy) Validate() error {
	if p.YellowUsedPercent < 0 || p.YellowUsedPercent > 100 {
		return errorf("Validate", 0, ErrInvalidPeriod, fmt.Sprintf("yellow threshold of %d %% is not a percentage", p.YellowUsedPercent))
	}
	return nil
}

// Level returns the warning light for the status under policy p: red when
// overdue (for a stopped clock, when it stopped late), green when it
// stopped in time or while its count is suspended (nothing runs late
// while time is not counted, 行政许可法 Art 45, and its due day is not
// known), else yellow when either threshold of p is reached.
// The days left are counted in working days where the status knows them
// ([Status.WorkingDaysKnown]), and in the rule's counting days where it
// does not.
func (s Status) Level(p Policy) Level {
	left := s.Remaining
	if s.WorkingDaysKnown {
		left = s.WorkingDaysLeft
	}
	switch {
	case s.Overdue > 0:
		return LevelRed
	case s.Stopped, s.Paused:
		return LevelGreen
	case p.YellowRemaining >= 0 && left <= p.YellowRemaining:
		return LevelYellow
	case p.YellowUsedPercent > 0 && s.Elapsed*100 >= p.YellowUsedPercent*(s.Elapsed+s.Remaining):
		return LevelYellow
	}
	return LevelGreen
}

// KnownLevel returns [Status.Level] under p, or an error wrapping
// [ErrOutOfCoverage] where the light is not known: where the working
// days left are not (a limit of days that does not roll, due past the
// calendar's coverage) and the light turns on them, as the working days
// the calendar covers give another light than the days left do. The
// working days left lie between the two, and the light moves only once
// between them. A caller that must not guess refuses to answer then, with
// the error (see package procedure's Due); Level is returned all the
// same.
func (s Status) KnownLevel(p Policy) (Level, error) {
	l := s.Level(p)
	if s.WorkingDaysKnown || !s.HasDue() || s.Unit == WorkingDays {
		return l, nil
	}
	fewest := s
	fewest.WorkingDaysKnown = true
	if fewest.Level(p) == l {
		return l, nil
	}
	return l, errorf("KnownLevel", s.Due, ErrOutOfCoverage, "the warning light turns on the working days up to the due day, which the calendar does not cover")
}
