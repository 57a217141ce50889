package deadline_test

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/gen"
)

// oStatus is what the day-by-day clock oracle computes.
type oStatus struct {
	Due                         date.Date
	Limit                       int
	Elapsed, Remaining, Overdue int
	Paused, Stopped             bool
	// The working days left, and whether they are known.
	WorkLeft  int
	WorkKnown bool
}

// oracleAddMonths adds months the plain way: the same day, clamped.
func oracleAddMonths(d date.Date, n int) date.Date {
	y, m, day := d.Date()
	t := time.Date(y, m, 1, 12, 0, 0, 0, time.UTC).AddDate(0, n, 0)
	last := time.Date(t.Year(), t.Month()+1, 0, 12, 0, 0, 0, time.UTC).Day()
	return date.New(t.Year(), t.Month(), min(day, last))
}

// clockOracle walks the days one by one. It reports false when it runs
// off the calendar.
func clockOracle(cal *deadline.Calendar, r deadline.Rule, start date.Date, ledger []deadline.Entry, asOf date.Date) (oStatus, bool) {
	var es []deadline.Entry
	for _, e := range ledger {
		if e.On <= asOf {
			es = append(es, e)
		}
	}
	base := start
	// The last restart starts the count again.
	for i := len(es) - 1; i >= 0; i-- {
		if es[i].Kind == deadline.EntryRestart {
			base, es = es[i].On, es[i+1:]
			break
		}
	}
	type interval struct{ from, through date.Date }
	var excl []interval
	var st oStatus
	end := asOf
	units := r.Period.N
	for _, e := range es {
		switch e.Kind {
		case deadline.EntrySuspend:
			excl = append(excl, interval{e.On, date.Max()})
			st.Paused = true
		case deadline.EntryResume:
			excl[len(excl)-1].through = e.On
			st.Paused = false
		case deadline.EntryExtend:
			units += e.Units
		case deadline.EntryStop:
			st.Stopped, end = true, e.On
		}
	}
	st.Paused = st.Paused && !st.Stopped
	st.Limit = units
	work := r.Period.Unit == deadline.WorkingDays
	limit := units
	switch r.Period.Unit {
	case deadline.Months:
		limit = int(oracleAddMonths(base, units) - base)
	case deadline.Years:
		limit = int(oracleAddMonths(base, 12*units) - base)
	}
	excluded := func(d date.Date) bool {
		for _, iv := range excl {
			if d >= iv.from && d <= iv.through {
				return true
			}
		}
		return false
	}
	counts := func(d date.Date) (bool, bool) {
		if d <= base || excluded(d) {
			return false, true
		}
		if !work {
			return true, true
		}
		w, err := cal.IsWorkingDay(d)
		return w, err == nil
	}
	countIn := func(a, b date.Date) (int, bool) {
		n := 0
		for d := a + 1; d <= b; d++ {
			c, ok := counts(d)
			if !ok {
				return 0, false
			}
			if c {
				n++
			}
		}
		return n, true
	}
	// The due date: the limit-th counting day, unless an open suspension
	// starts first.
	openFrom := date.Max()
	if st.Paused || (len(excl) > 0 && excl[len(excl)-1].through == date.Max()) {
		openFrom = excl[len(excl)-1].from
	}
	n := 0
	due := base
	for n < limit {
		due++
		if due >= openFrom {
			due = 0
			break
		}
		c, ok := counts(due)
		if !ok {
			return st, false
		}
		if c {
			n++
		}
	}
	if due != 0 && !work && r.Roll != deadline.RollNone && limit > 0 {
		for {
			day, err := cal.Day(due)
			if err != nil {
				return st, false
			}
			if r.Roll == deadline.RollRestDays && day.Working || r.Roll == deadline.RollHolidays && day.Kind != deadline.KindHoliday {
				break
			}
			due++
		}
	}
	elapsed, ok := countIn(base, end)
	if !ok {
		return st, false
	}
	st.Elapsed = elapsed
	if due == 0 {
		st.Remaining = max(0, limit-elapsed)
		if work {
			st.WorkLeft, st.WorkKnown = st.Remaining, true
		}
		return st, true
	}
	atDue, ok := countIn(base, due)
	if !ok {
		return st, false
	}
	st.Due = due
	st.Remaining = max(0, atDue-elapsed)
	st.Overdue = max(0, elapsed-atDue)
	// The working days left: the working days after end (or the start),
	// through the due day, one by one; unknown where the calendar stops
	// first.
	st.WorkLeft, st.WorkKnown = st.Remaining, true
	if !work && !st.Paused {
		st.WorkLeft = 0
		for d := max(end, base) + 1; d <= due; d++ {
			w, err := cal.IsWorkingDay(d)
			if err != nil {
				// Those the calendar covers are counted.
				st.WorkKnown = false
				continue
			}
			if w {
				st.WorkLeft++
			}
		}
	}
	return st, true
}

func statusOf(st deadline.Status) oStatus {
	return oStatus{st.Due, st.Limit, st.Elapsed, st.Remaining, st.Overdue, st.Paused, st.Stopped, st.WorkingDaysLeft, st.WorkingDaysKnown}
}

// drawClock draws a reference rule, a start in the China calendar and a
// ledger for it.
func drawClock(t *rapid.T) (*deadline.Calendar, deadline.Clock, date.Date) {
	cal := deadline.ChinaMainland()
	r := gen.ReferenceRule().Draw(t, "rule")
	start := gen.Day(2008, 1, 1) + date.Date(rapid.IntRange(0, 17*365).Draw(t, "start"))
	clk, last := gen.Ledger(t, cal, r, start)
	return cal, clk, last
}

func TestClockStatusMatchesOracle(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cal, clk, last := drawClock(t)
		asOf := clk.Started() + date.Date(rapid.IntRange(-5, int(last-clk.Started())+200).Draw(t, "asOf"))
		want, ok := clockOracle(cal, clk.Rule(), clk.Started(), clk.Ledger(), asOf)
		got, err := clk.Status(cal, asOf)
		if !ok {
			if err == nil {
				t.Fatalf("the oracle ran off the calendar, Status did not: %+v", got)
			}
			return
		}
		if err != nil {
			t.Fatalf("Status: %v", err)
		}
		if statusOf(got) != want {
			t.Fatalf("as of %s:\nStatus %+v\noracle %+v\nledger %+v", asOf, statusOf(got), want, clk.Ledger())
		}
	})
}

func TestSuspensionNeverMakesDueEarlier(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cal, clk, last := drawClock(t)
		r := clk.Rule()
		if len(r.Exclusions) == 0 {
			return
		}
		from := last + date.Date(rapid.IntRange(1, 60).Draw(t, "from"))
		through := from + date.Date(rapid.IntRange(0, 30).Draw(t, "length"))
		more, err := clk.Exclude(from, through, r.Exclusions[0].Cause, "不计入")
		if err != nil {
			return // e.g. stopped, or still suspended
		}
		before, err1 := clk.Due(cal)
		after, err2 := more.Due(cal)
		if err1 != nil || err2 != nil || before == 0 || after == 0 {
			return
		}
		if after < before {
			t.Fatalf("excluding %s–%s moved the due date from %s to %s", from, through, before, after)
		}
	})
}

func TestExtensionMovesDueByExactlyK(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cal := deadline.ChinaMainland()
		r := gen.WorkingDayRule().Filter(func(r deadline.Rule) bool { return r.Extension.Max > 0 }).Draw(t, "rule")
		start := gen.Day(2008, 1, 1) + date.Date(rapid.IntRange(0, 17*365).Draw(t, "start"))
		clk, last := gen.Ledger(t, cal, r, start)
		due, err := clk.Due(cal)
		if err != nil || due == 0 || due < last {
			return
		}
		on := last + date.Date(rapid.IntRange(0, int(due-last)).Draw(t, "on"))
		k := rapid.IntRange(1, r.Extension.Max).Draw(t, "k")
		ext, err := clk.Extend(cal, on, k, "负责人", "情况复杂")
		if err != nil {
			return // e.g. an extension already granted, or the clock stopped
		}
		got, err := ext.Due(cal)
		want, _ := cal.AddWorkingDays(due, k)
		if err != nil || got != want {
			t.Fatalf("extending %s by %d working days gave %s, want %s", due, k, got, want)
		}
	})
}

func TestRestartEqualsFreshClock(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cal := deadline.ChinaMainland()
		r, _ := deadline.LookupRule(deadline.RuleDisclosureReply)
		start := gen.Day(2008, 1, 1) + date.Date(rapid.IntRange(0, 17*365).Draw(t, "start"))
		clk, last := gen.Ledger(t, cal, r, start)
		on := last + date.Date(rapid.IntRange(0, 30).Draw(t, "on"))
		restarted, err := clk.Restart(on, deadline.CauseCorrection, "收到补正")
		if err != nil {
			return
		}
		fresh, _ := deadline.Start(r, on)
		asOf := on + date.Date(rapid.IntRange(-3, 60).Draw(t, "asOf"))
		a, err1 := restarted.Status(cal, asOf)
		b, err2 := fresh.Status(cal, asOf)
		if asOf < on {
			return // before the restart the clocks differ, as they should
		}
		if err1 != nil || err2 != nil || a != b {
			t.Fatalf("restarted %+v (%v)\nfresh     %+v (%v)", a, err1, b, err2)
		}
	})
}

func TestClockJSONRoundTrips(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cal, clk, last := drawClock(t)
		data, err := json.Marshal(clk)
		if err != nil {
			t.Fatal(err)
		}
		var back deadline.Clock
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatalf("%v\n%s", err, data)
		}
		if !back.Equal(clk) {
			t.Fatalf("round trip differs:\n%s", data)
		}
		a, err1 := clk.Status(cal, last)
		b, err2 := back.Status(cal, last)
		if a != b || (err1 == nil) != (err2 == nil) {
			t.Fatalf("status differs after a round trip")
		}
	})
}

// FuzzClockJSON feeds the clock reader arbitrary bytes, seeded with
// clocks written by MarshalJSON. It must never panic; a refusal leaves
// the receiver unchanged; a clock it accepts survives a round trip, and
// is the clock Clock.Apply builds from the same rule, start and ledger,
// up to an extension the calendar finds late (the reader has no
// calendar; Clock.Status judges an extension's timing).
func FuzzClockJSON(f *testing.F) {
	cal := deadline.ChinaMainland()
	clk := busyClock(f)
	for n := range len(clk.Ledger()) + 1 {
		c := mustStart(f, deadline.RuleLicensingDecision, clk.Started())
		for _, e := range clk.Ledger()[:n] {
			c = step(f)(c.Apply(cal, e))
		}
		data, err := json.Marshal(c)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"rule":{},"start":"2025-01-01","ledger":[{"kind":"stop","on":"2024-12-31"}]}`))
	f.Add([]byte(`{"rule":null,"start":"","ledger":[{}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got := clk
		if err := json.Unmarshal(data, &got); err != nil {
			if !got.Equal(clk) {
				t.Fatalf("a refused clock changed the receiver: %v", err)
			}
			return
		}
		out, err := json.Marshal(got)
		if err != nil {
			t.Fatal(err)
		}
		var back deadline.Clock
		if err := json.Unmarshal(out, &back); err != nil || !back.Equal(got) {
			t.Fatalf("round trip: %v\n%s", err, out)
		}
		want, err := deadline.Start(got.Rule(), got.Started())
		if err != nil {
			t.Fatalf("accepted a clock that cannot start: %v", err)
		}
		ledger := got.Ledger()
		for i, e := range ledger {
			next, err := want.Apply(cal, e)
			if err != nil && e.Kind == deadline.EntryExtend &&
				(errors.Is(err, deadline.ErrExtensionRefused) || errors.Is(err, deadline.ErrOutOfCoverage)) {
				ledger = ledger[:i]
				break
			}
			if err != nil {
				t.Fatalf("accepted entry %d, which Clock.Apply refuses: %v", i, err)
			}
			want = next
		}
		if !slices.Equal(want.Ledger(), ledger) {
			t.Fatalf("read %+v, Clock.Apply built %+v", ledger, want.Ledger())
		}
	})
}

// drawEntry draws any entry, valid or not.
func drawEntry(t *rapid.T, after date.Date) deadline.Entry {
	return deadline.Entry{
		Kind:     deadline.EntryKind(rapid.IntRange(0, 6).Draw(t, "kind")),
		On:       after + date.Date(rapid.IntRange(-5, 40).Draw(t, "on")),
		Cause:    deadline.Cause(rapid.IntRange(0, 13).Draw(t, "cause")),
		Units:    rapid.IntRange(-2, 40).Draw(t, "units"),
		Approver: rapid.SampledFrom([]string{"", " ", "负责人"}).Draw(t, "approver"),
		Reason:   rapid.SampledFrom([]string{"", "理由"}).Draw(t, "reason"),
	}
}

func TestRejectedEntryChangesNothing(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cal, clk, last := drawClock(t)
		before, _ := json.Marshal(clk)
		ledger := clk.Ledger()
		e := drawEntry(t, last)
		next, err := clk.Apply(cal, e)
		after, _ := json.Marshal(clk)
		if string(before) != string(after) || !slices.Equal(ledger, clk.Ledger()) {
			t.Fatalf("Apply changed its receiver")
		}
		if err != nil && !next.Equal(clk) {
			t.Fatalf("a refused entry returned a different clock: %v", err)
		}
		if err == nil && len(next.Ledger()) != len(ledger)+1 {
			t.Fatalf("an accepted entry did not add one line")
		}
	})
}

func TestStatusAsOfIgnoresLaterEntries(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cal, clk, last := drawClock(t)
		asOf := clk.Started() + date.Date(rapid.IntRange(0, int(last-clk.Started())).Draw(t, "asOf"))
		// Rebuild the clock from the entries up to asOf.
		cut, _ := deadline.Start(clk.Rule(), clk.Started())
		for _, e := range clk.Ledger() {
			if e.On <= asOf {
				var err error
				if cut, err = cut.Apply(cal, e); err != nil {
					t.Fatalf("replaying %+v: %v", e, err)
				}
			}
		}
		a, err1 := clk.Status(cal, asOf)
		b, err2 := cut.Status(cal, asOf)
		if a != b || (err1 == nil) != (err2 == nil) {
			t.Fatalf("as of %s: full ledger %+v, truncated %+v", asOf, a, b)
		}
	})
}

// clockModel is the model of the stateful test: the entries it accepted,
// and the rules for accepting them restated plainly.
type clockModel struct {
	cal     *deadline.Calendar
	rule    deadline.Rule
	start   date.Date
	entries []deadline.Entry
}

func (m *clockModel) accepts(e deadline.Entry) bool {
	last := m.start
	suspended, stopped := false, false
	extUnits, extTimes := 0, 0
	for _, x := range m.entries {
		last = x.On
		switch x.Kind {
		case deadline.EntrySuspend:
			suspended = true
		case deadline.EntryResume:
			suspended = false
		case deadline.EntryRestart:
			suspended, extUnits, extTimes = false, 0, 0
		case deadline.EntryExtend:
			extUnits += x.Units
			extTimes++
		case deadline.EntryStop:
			stopped = true
		}
	}
	if stopped || e.On == 0 || e.On < last {
		return false
	}
	has := func(list []deadline.Allowance) bool {
		return slices.ContainsFunc(list, func(a deadline.Allowance) bool { return a.Cause == e.Cause })
	}
	switch e.Kind {
	case deadline.EntrySuspend:
		// One at a time; one may begin on the day the last ended.
		return !suspended && has(m.rule.Exclusions)
	case deadline.EntryResume:
		return suspended
	case deadline.EntryRestart:
		return has(m.rule.Restarts)
	case deadline.EntryExtend:
		x := m.rule.Extension
		times := 0
		if x.Max > 0 {
			times = max(x.Times, 1)
		}
		if e.Units <= 0 || trim(e.Approver) == "" || trim(e.Reason) == "" || extTimes >= times || extUnits+e.Units > x.Max {
			return false
		}
		st, ok := clockOracle(m.cal, m.rule, m.start, m.entries, e.On)
		// Refused once the count has run out, also when a suspension
		// began after that (paused with a known due date).
		return ok && (st.Due == 0 || (e.On <= st.Due && !st.Paused))
	case deadline.EntryStop:
		return true
	}
	return false
}

func trim(s string) string {
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	return s
}

// drawStarted draws a reference rule and a clock on it started in the
// China calendar's coverage, with an empty ledger.
func drawStarted(t *rapid.T) (*deadline.Calendar, deadline.Rule, deadline.Clock) {
	r := gen.ReferenceRule().Draw(t, "rule")
	start := gen.Day(2008, 1, 1) + date.Date(rapid.IntRange(0, 17*365).Draw(t, "start"))
	clk, err := deadline.Start(r, start)
	if err != nil {
		t.Fatal(err)
	}
	return deadline.ChinaMainland(), r, clk
}

func TestClockModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cal, r, clk := drawStarted(t)
		start := clk.Started()
		m := &clockModel{cal: cal, rule: r, start: start}
		last := start
		t.Repeat(map[string]func(*rapid.T){
			"entry": func(t *rapid.T) {
				e := drawEntry(t, last)
				if e.Kind == deadline.EntrySuspend || e.Kind == deadline.EntryRestart {
					// Mostly causes the rule knows, so the interesting path runs.
					list := r.Exclusions
					if e.Kind == deadline.EntryRestart {
						list = r.Restarts
					}
					if len(list) > 0 && rapid.Bool().Draw(t, "known cause") {
						e.Cause = rapid.SampledFrom(list).Draw(t, "cause").Cause
					}
				}
				want := m.accepts(e)
				next, err := clk.Apply(cal, e)
				if want != (err == nil) {
					t.Fatalf("entry %+v: model accepts %v, clock says %v", e, want, err)
				}
				if err == nil {
					clk = next
					m.entries = append(m.entries, e)
					last = e.On
				}
			},
			"": func(t *rapid.T) {
				asOf := start + date.Date(rapid.IntRange(0, int(last-start)+100).Draw(t, "asOf"))
				want, ok := clockOracle(cal, r, start, m.entries, asOf)
				got, err := clk.Status(cal, asOf)
				if !ok {
					return
				}
				if err != nil || statusOf(got) != want {
					t.Fatalf("as of %s: %+v (%v), model %+v", asOf, statusOf(got), err, want)
				}
			},
		})
	})
}

// TestStoppedEarlyNeverHidesALateClock: the shortcut that skips the
// status of a clock stopped soon after its start never skips a late one.
func TestStoppedEarlyNeverHidesALateClock(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cal, clk, last := drawClock(t)
		if !clk.Stopped() {
			var err error
			if clk, err = clk.Stop(last+date.Date(rapid.IntRange(0, 40).Draw(t, "after")), "办结"); err != nil {
				return
			}
		}
		if !clk.StoppedEarly() {
			return
		}
		st, err := clk.Status(cal, clk.LastDay())
		if err != nil {
			return
		}
		if st.Late() {
			t.Fatalf("StoppedEarly, but %d days late: %+v", st.Overdue, st)
		}
	})
}

// TestEarliestDue: no clock falls due before Clock.EarliestDue, on
// reference rules and on rules with a random period, roll and extension,
// started on random days with random ledgers, on the national calendar
// and on random ones.
func TestEarliestDue(t *testing.T) {
	national := deadline.ChinaMainland()
	rapid.Check(t, func(t *rapid.T) {
		cal := national
		if rapid.Bool().Draw(t, "random calendar") {
			cal = gen.Calendar().Draw(t, "calendar")
		}
		r := gen.ReferenceRule().Draw(t, "rule")
		if rapid.Bool().Draw(t, "random period") {
			r.Period = deadline.Period{
				N:    rapid.IntRange(1, 40).Draw(t, "n"),
				Unit: rapid.SampledFrom([]deadline.Unit{deadline.Days, deadline.WorkingDays, deadline.Months, deadline.Years}).Draw(t, "unit"),
			}
			r.Roll = rapid.SampledFrom([]deadline.Roll{deadline.RollRestDays, deadline.RollHolidays, deadline.RollNone}).Draw(t, "roll")
			if r.Period.Unit == deadline.WorkingDays {
				r.Roll = deadline.RollNone
			}
			if r.Extension.Max > 0 {
				r.Extension.Max = rapid.IntRange(1, 20).Draw(t, "max")
			}
		}
		start := gen.DateIn(cal).Draw(t, "start")
		if err := r.Validate(); err != nil {
			return
		}
		clk, _ := gen.Ledger(t, cal, r, start)
		st, err := clk.Status(cal, clk.LastDay())
		if err != nil || st.Due == 0 {
			return
		}
		if early := clk.EarliestDue(); st.Due < early {
			t.Fatalf("%s %v from %s: due %s, before the earliest due day %s", r.ID, r.Period, start, st.Due, early)
		}
	})
}

// TestLateStatusCountsItsDueAndLastDays: a late status also tells the
// count as of its due day (Elapsed less Overdue) and as of its last
// counted day, the stop or the day asked (Elapsed): splitting an overrun
// among the steps of a case reads these off the status rather than
// asking for two more.
func TestLateStatusCountsItsDueAndLastDays(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cal, clk, last := drawClock(t)
		asOf := clk.Started() + date.Date(rapid.IntRange(0, int(last-clk.Started())+200).Draw(t, "asOf"))
		st, err := clk.Status(cal, asOf)
		if err != nil || st.Overdue == 0 {
			return
		}
		end := asOf
		if st.Stopped {
			end = st.StoppedOn
		}
		if atEnd, err := clk.Status(cal, end); err != nil || atEnd != st {
			t.Fatalf("as of %s: %+v; as of its last day %s: %+v (%v)", asOf, st, end, atEnd, err)
		}
		if atDue, err := clk.Status(cal, st.Due); err != nil || atDue.Elapsed != st.Elapsed-st.Overdue {
			t.Fatalf("as of %s: %+v; as of its due day: %+v (%v)", asOf, st, atDue, err)
		}
	})
}

// TestWorkingDaysLeftProperty: Status's working days left are the
// working days after the day of the status (or the stop) up to the due
// day, counted one by one; known where the calendar covers them all, or
// the rule counts working days itself. On random calendars, with random
// periods and rolls, so that a calendar-day rule's due day often lies
// past the coverage.
func TestWorkingDaysLeftProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cal := gen.Calendar().Draw(t, "calendar")
		r := gen.ReferenceRule().Draw(t, "rule")
		r.Period = deadline.Period{
			N:    rapid.IntRange(1, 60).Draw(t, "n"),
			Unit: rapid.SampledFrom([]deadline.Unit{deadline.Days, deadline.WorkingDays, deadline.Months}).Draw(t, "unit"),
		}
		r.Roll = rapid.SampledFrom([]deadline.Roll{deadline.RollRestDays, deadline.RollHolidays, deadline.RollNone}).Draw(t, "roll")
		if r.Period.Unit == deadline.WorkingDays {
			r.Roll = deadline.RollNone
		}
		if err := r.Validate(); err != nil {
			return
		}
		start := gen.DateIn(cal).Draw(t, "start")
		clk, last := gen.Ledger(t, cal, r, start)
		asOf := start + date.Date(rapid.IntRange(-5, int(last-start)+80).Draw(t, "asOf"))
		st, err := clk.Status(cal, asOf)
		if err != nil {
			return
		}
		end := asOf
		if st.Stopped {
			end = st.StoppedOn
		}
		end = max(end, st.Started)
		left, known := 0, false
		switch {
		case st.Unit == deadline.WorkingDays:
			left, known = st.Remaining, true
		case st.Paused && st.Due != 0:
			// No day is left while a suspension runs.
			known = true
		case st.Due == 0:
		default:
			known = true
			for d := end + 1; d <= st.Due; d++ {
				w, err := cal.IsWorkingDay(d)
				if err != nil {
					// Only those the calendar covers are counted.
					known = false
					continue
				}
				if w {
					left++
				}
			}
		}
		if st.WorkingDaysLeft != left || st.WorkingDaysKnown != known || left > st.Remaining {
			t.Fatalf("%v from %s, as of %s: %+v; counted %d working days left (known %t)", r.Period, start, asOf, st, left, known)
		}
		// The light counts them where known.
		p := deadline.Policy{YellowRemaining: rapid.IntRange(-1, 5).Draw(t, "yellow")}
		n := st.Remaining
		if known {
			n = left
		}
		// No light but red while the count is suspended.
		yellow := !st.Stopped && !st.Paused && st.Overdue == 0 && p.YellowRemaining >= 0 && n <= p.YellowRemaining
		if got := st.Level(p); (got == deadline.LevelYellow) != yellow {
			t.Fatalf("%+v under %+v: %v", st, p, got)
		}
		// A light KnownLevel says is known is the light of any number of
		// working days left there may be, from those counted to Remaining,
		// once the due day is known.
		p.YellowUsedPercent = rapid.IntRange(0, 100).Draw(t, "percent")
		l, lerr := st.KnownLevel(p)
		lknown := lerr == nil
		if !lknown && !errors.Is(lerr, deadline.ErrOutOfCoverage) {
			t.Fatalf("%+v: KnownLevel's error %v does not wrap ErrOutOfCoverage", st, lerr)
		}
		if known && !lknown {
			t.Fatalf("%+v: the working days are known, the light is not", st)
		}
		if lknown && !known && st.HasDue() {
			some := st
			some.WorkingDaysLeft, some.WorkingDaysKnown = rapid.IntRange(left, st.Remaining).Draw(t, "working days"), true
			if got := some.Level(p); got != l {
				t.Fatalf("%+v under %+v: known to be %v, yet %v with %d working days left", st, p, l, got, some.WorkingDaysLeft)
			}
		}
	})
}
