package accountability

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/coverage"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// Evaluate applies the rules to the input as of day asOf and returns the
// findings. Clocks are judged as of asOf (a stopped clock as of its stop),
// so an evaluation of a past day says what the rules said that day.
//
// The input is validated first, every problem reported with its location
// (an event by an officer the roster does not know, a state or trigger the
// procedure does not have), and nothing is evaluated unless it is all
// valid. A record or inquiry that needs counting on days the calendar
// does not cover fails the evaluation with [ErrCannotCount] (see "Past the
// calendar's coverage" in the package documentation). The findings are
// deterministic and do not depend on the order of the records or
// inquiries: they are sorted by case, inquiry, rule, clock, day and
// officer.
func (e *Evaluator) Evaluate(in Input, asOf date.Date) ([]Finding, error) {
	return e.evaluate(in, asOf, false)
}

// evaluate is Evaluate; plain collects the findings whole and sorts them
// by compareFindings alone, the oracle of the pending form.
func (e *Evaluator) evaluate(in Input, asOf date.Date, plain bool) ([]Finding, error) {
	// One pass: each record is checked, then judged while its data is at
	// hand. If any problem turns up, the findings are dropped: nothing is
	// returned unless the whole input is valid.
	p := problems{op: "Evaluate", err: ErrInvalidInput}
	known := e.validateRoster(&p, &in.Roster)
	ev := evaluation{e: e, asOf: asOf}
	ev.substitutes, ev.units = substitutes(in.Roster)
	// Groups are numbered by int32.
	plain = plain || len(in.Records)+len(in.Inquiries) >= 1<<31-1
	ev.out = newFindings(in.Records, in.Inquiries, plain)
	for i := range in.Records {
		rec := &in.Records[i]
		e.validateRecord(&p, known, i, rec, &ev.ri)
		if len(p.all) > 0 {
			continue // keep checking, but judge nothing more
		}
		ev.out.begin(i)
		if err := ev.record(rec, ev.ri.di); err != nil {
			p.all = append(p.all, countError(fmt.Sprintf("records[%d]", i), err))
		}
		ev.out.endGroup()
	}
	e.validateInquiries(&p, known, &in)
	if err := p.result(); err != nil {
		return nil, err
	}
	for i := range in.Inquiries {
		ev.out.begin(len(in.Records) + i)
		if err := ev.inquiry(&in.Inquiries[i], in.Roster); err != nil {
			return nil, countError(fmt.Sprintf("inquiries[%d]", i), err)
		}
		ev.out.endGroup()
	}
	return ev.out.sorted(), nil
}

// countError is the error of a record or inquiry at path that could not
// be judged for err, a count that failed: ErrCannotCount when the
// calendar does not cover the days it needed, ErrInvalidInput otherwise
// (a stored ledger the deadline package refuses). It keeps err in the
// chain, so that errors.Is finds deadline.ErrOutOfCoverage too.
func countError(path string, err error) *Error {
	sentinel := ErrInvalidInput
	if errors.Is(err, deadline.ErrOutOfCoverage) {
		sentinel = ErrCannotCount
	}
	return &Error{Op: "Evaluate", Path: path, Err: fmt.Errorf("%w: %w", sentinel, err)}
}

// absence is an absence of the roster, with the substitute it names or
// the roster designates, and the unit of the officer away, whose post it
// is.
type absence struct {
	Absence
	unit string
}

// substitutes indexes the roster's absences by officer and, when there
// are any, the units of the roster's officers.
func substitutes(r Roster) (map[string][]absence, map[string]string) {
	if len(r.Absences) == 0 {
		return nil, nil
	}
	officers := map[string]*Officer{}
	units := map[string]string{}
	for i := range r.Officers {
		officers[r.Officers[i].ID] = &r.Officers[i]
		units[r.Officers[i].ID] = r.Officers[i].Unit
	}
	out := map[string][]absence{}
	for _, a := range r.Absences {
		x := absence{Absence: a}
		if o := officers[a.Officer]; o != nil {
			x.unit = o.Unit
			if x.Substitute == "" {
				x.Substitute = o.Substitute
			}
		}
		out[a.Officer] = append(out[a.Officer], x)
	}
	return out, units
}

// evaluation is one call of Evaluate: its findings, and buffers reused
// from record to record.
type evaluation struct {
	e           *Evaluator
	asOf        date.Date
	substitutes map[string][]absence
	units       map[string]string // the roster's officers' units, for AB角
	out         findings
	ri          recordInfo // the look-ups of the record at hand
	// The steps of the record at hand, built when a rule first needs them.
	steps      []step
	stepsBuilt bool
	// The record's waiting periods, built with its steps' first
	// finding (see waitsOf).
	waits      []wait
	waitsBuilt bool
	// Findings take their evidence and delays from buffers the record at
	// hand reuses (the findings collected copy them), and write their
	// two messages in buf.
	refs   []EventRef
	delays []StepDelay
	buf    []byte
	// fault is the first count the record at hand needed for a finding
	// and could not make: record returns it.
	fault error
	// The messages of limit findings written last, by what they say.
	said *[256]saidLimit
}

// limitSays is all that the two messages of a limit finding depend on:
// the rule (which picks the wording, and names itself in some), the
// limit's names, and the due day and count with their unit.
type limitSays struct {
	rule   RuleID
	zh, en string
	unit   deadline.Unit
	due    date.Date
	n      int
	// work is the working days among a yellow light's n days left of a
	// limit of days, -1 where not said.
	work int
}

// saidLimit is the text, in the findings' texts, of the messages that say
// what k says.
type saidLimit struct {
	k    limitSays
	text int32
	ok   bool
}

// saidLimit returns the place of the messages saying what k says. A scan
// writes the same few over and over (the limits' due days and counts
// repeat), and writing them again, then finding them among the texts,
// cost more than judging the clock. The place is keyed on the due day
// and the count, and holds the messages last written there.
func (ev *evaluation) saidLimit(k *limitSays) *saidLimit {
	if ev.said == nil {
		ev.said = new([256]saidLimit)
	}
	h := uint(k.due)*31 + uint(k.n)*7 + uint(len(k.rule)) + uint(len(k.zh))
	return &ev.said[h%uint(len(ev.said))]
}

// evidence returns refs in the record's buffer, clipped so that an append
// by the caller copies rather than overwrites.
func (ev *evaluation) evidence(refs ...EventRef) []EventRef {
	if len(refs) == 0 {
		return nil
	}
	n := len(ev.refs)
	ev.refs = append(ev.refs, refs...)
	return ev.refs[n:len(ev.refs):len(ev.refs)]
}

// texts returns the two messages written in buf, Chinese before split and
// English after, as the findings collected keep them: shared with any
// finding that said the same, and numbered for the pending form.
func (ev *evaluation) texts(split int) (zh, en string) {
	ev.buf = binary.LittleEndian.AppendUint32(ev.buf, uint32(split))
	ev.out.text = ev.out.message(ev.buf, split)
	t := &ev.out.texts[ev.out.text]
	return t[0], t[1]
}

// step is the time a case spent in one state: from the day of the event
// that entered it to the day of the event that left it (or the day of the
// evaluation, for the state it is still in), and the officer who held it.
type step struct {
	state    procedure.State
	from, to date.Date
	enter    int // index of the entering event; -1 for the initial state
	leave    int // index of the leaving event; -1 while open
	officer  string
	unit     string // the unit holding the step, when not the record's
}

// stepsOf lays the case's log out as steps. An event that leaves the
// case in the state it was in (notifying interested parties while the
// application is under review) does not start a new step, unless it
// assigns the case to another officer with the profile's handler key: the
// new holder's step starts then. The officer of a step is the one its
// entering event assigned, else the one who ended it, else the one who
// entered it, else the holder of the step before. rec is the record at
// hand: passed, not kept in ev, whose pointer store per record cost a
// write barrier while the collector marks.
func (ev *evaluation) stepsOf(rec *Record) []step {
	if ev.stepsBuilt {
		return ev.steps
	}
	ev.stepsBuilt = true
	di, c := ev.ri.di, rec.Case
	steps := ev.steps[:0]
	for i := range c.Events {
		x := &c.Events[i]
		var handler string
		if len(x.Payload) > 0 {
			handler = x.Payload[di.handler]
		}
		n := len(steps)
		if n > 0 && steps[n-1].state == x.To && handler == "" {
			continue
		}
		day := eventDay(x)
		if n > 0 {
			steps[n-1].leave, steps[n-1].to = i, day
		}
		steps = append(steps, step{state: x.To, from: day, to: ev.asOf, enter: i, leave: -1, officer: handler})
	}
	prev := ""
	for k := range steps {
		s := &steps[k]
		in := &c.Events[s.enter]
		if len(di.prof.Units) > 0 {
			if key, ok := di.prof.Units[s.state]; ok {
				s.unit = in.Payload[key]
			}
		}
		switch {
		case s.officer != "":
			// Assigned by the entering event's handler key.
		case s.leave >= 0 && !c.Events[s.leave].Auto:
			s.officer = c.Events[s.leave].Actor.Officer
		case s.unit != "":
			// Held by another unit: none of the record's officers.
		case !in.Auto:
			s.officer = in.Actor.Officer
		default:
			s.officer = prev
		}
		if s.to < s.from {
			s.to = s.from
		}
		prev = s.officer
	}
	ev.steps = steps
	return steps
}

// eventDay is the day an event happened on. An automatic outcome is
// timed at the end of the day its period ran out (24:00, the next day's
// first instant), and belongs to that day.
func eventDay(x *procedure.Event) date.Date {
	if x.Auto {
		return deadline.DateOf(x.At.Add(-time.Nanosecond))
	}
	return deadline.DateOf(x.At)
}

// stepLeftBy returns the step event i ended, or nil.
func stepLeftBy(steps []step, i int) *step {
	for k := range steps {
		if steps[k].leave == i {
			return &steps[k]
		}
	}
	return nil
}

// stepAt returns the step open on day d: the last one entered on or
// before it.
func stepAt(steps []step, d date.Date) *step {
	var s *step
	for i := range steps {
		if steps[i].from > d {
			break
		}
		s = &steps[i]
	}
	if s == nil && len(steps) > 0 {
		s = &steps[0]
	}
	return s
}

func (ev *evaluation) emit(rec *Record, f Finding) {
	if !ev.e.on(f.Rule) {
		return
	}
	exempt := -1
	for i := range rec.Exemptions {
		if x := &rec.Exemptions[i]; x.Rule == "" || x.Rule == f.Rule {
			exempt = i
			break
		}
	}
	if f.Unit == "" {
		f.Unit = rec.Unit
	}
	ev.out.add(&f, exempt)
}

func ref(c *procedure.Case, i int) EventRef {
	x := c.Events[i]
	return EventRef{Index: i, Trigger: x.Trigger, At: x.At}
}

// record applies the rules to one record.
func (ev *evaluation) record(rec *Record, di *defInfo) error {
	ev.stepsBuilt, ev.waitsBuilt = false, false
	ev.refs, ev.delays, ev.fault = ev.refs[:0], ev.delays[:0], nil
	c := rec.Case
	for i := range c.Clocks {
		cc, ci := &c.Clocks[i], ev.ri.clock(i)
		var err error
		switch {
		case ci.role == procedure.RoleWindow:
			err = ev.window(rec, di, ci, cc)
		case ci.role != procedure.RoleLimit || cc.Clock.StoppedEarly():
			// A clock stopped soon after its start was not late, and a
			// stopped clock lights no lights: nothing to judge. Most
			// clocks of a scan are skipped here, without a call.
		default:
			err = ev.clock(rec, di, ci, cc)
		}
		if err != nil {
			return err
		}
	}
	if len(ev.ri.flagged) > 0 {
		ev.events(rec, di)
	}
	if len(di.prof.Budgets) > 0 && ev.e.on(RuleStepLimit) {
		if err := ev.budgets(rec, di, ev.stepsOf(rec)); err != nil {
			return err
		}
	}
	if len(ev.substitutes) > 0 && (ev.e.on(RuleSubstitute) || ev.e.on(RuleVacantPost)) {
		if err := ev.absences(rec, di, ev.stepsOf(rec)); err != nil {
			return err
		}
	}
	return ev.fault
}

// clock judges one limit clock (one not StoppedEarly): an agency's limit
// passed (RuleTimeLimit, or the profile's specific rule), a promised limit
// passed (RulePromise, and the statutory limit judged on a replay of the
// same ledger), and the electronic-supervision lights of a running clock.
func (ev *evaluation) clock(rec *Record, di *defInfo, ci *clockInfo, cc *procedure.CaseClock) error {
	st, err := di.status(cc.Clock, ev.asOf)
	if err != nil {
		return fmt.Errorf("clock %s: %w", cc.Name, err)
	}
	rule := ci.rule
	statID, statutory, statCite := ci.statID, ci.statutory, ci.statCite
	if r, ok := rec.Statutory[cc.Name]; ok {
		// Checked by validateRecord.
		statutory, _ = deadline.NewTemplate(r)
		statID, statCite = r.ID, r.Citation()
	}
	// A suspended limit (中止, time not counted) lights no yellow
	// (deadline.Status.Level): its count stands still, and its due day is
	// not known until it resumes, so nothing is running late. One that
	// ran out before the suspension stays red.
	if !st.Stopped && st.Started <= ev.asOf {
		// The light counts the working days left, which a limit of days
		// that does not roll may need counted past the coverage.
		lit, err := di.cov.Light(cc.Clock, st, ev.asOf)
		if err != nil {
			return fmt.Errorf("clock %s: %w", cc.Name, err)
		}
		switch lit.Level(ev.e.th.Policy) {
		case deadline.LevelYellow:
			ev.limit(RuleYellowLight, rec, di, ci, cc, cc.Clock, lit, Warning, statCite)
		case deadline.LevelRed:
			ev.limit(RuleRedLight, rec, di, ci, cc, cc.Clock, lit, Warning, statCite)
		}
	}
	if st.Overdue == 0 {
		return nil
	}
	if statID == "" || cc.Clock.RuleID() == statID {
		ev.limit(rule, rec, di, ci, cc, cc.Clock, st, ev.e.th.grade(st.Overdue), statCite)
		return nil
	}
	// A promised limit (承诺时限): judged as a promise, and the same ledger
	// judged again on the statutory rule.
	ev.limit(RulePromise, rec, di, ci, cc, cc.Clock, st, ev.e.th.grade(st.Overdue), statCite)
	start, err := statutory.Start(cc.Clock.Started())
	if err != nil {
		return nil
	}
	var b deadline.ClockBuilder
	b.Reset(start)
	for _, x := range cc.Clock.Ledger() {
		err := b.Apply(di.cal, x)
		if err != nil && di.cov.Widens(err, x.On) {
			// Whether an entry fits (an extension before the period
			// ended) is counted on the days up to it.
			err = b.Apply(di.cov.Wide(), x)
		}
		switch {
		case errors.Is(err, deadline.ErrOutOfCoverage):
			return fmt.Errorf("clock %s, on its statutory rule %s: %w", cc.Name, statID, err)
		case err != nil:
			// The ledger does not fit the statutory rule (an extension
			// only the promise allowed): no statutory judgement.
			return nil
		}
	}
	stat := b.Clock()
	sst, err := di.status(stat, ev.asOf)
	if err != nil {
		return fmt.Errorf("clock %s, on its statutory rule %s: %w", cc.Name, statID, err)
	}
	if sst.Overdue > 0 {
		ev.limit(rule, rec, di, ci, cc, stat, sst, ev.e.th.grade(sst.Overdue), statCite)
	}
	return nil
}

// status returns clk's status as of day asOf on the definition's
// calendar. Near the end of the calendar's coverage, a clock that has not
// run out by asOf (or by its stop) may fall due past it: that is counted
// on the calendar extended on the weekly pattern alone, and the status
// says Provisional, while whether it ran out, and by how much, does not
// depend on those days (see package internal/coverage). A day the
// calendar does not cover is not counted at all: the error wraps
// [deadline.ErrOutOfCoverage].
func (di *defInfo) status(clk deadline.Clock, asOf date.Date) (deadline.Status, error) {
	st, err := clk.Status(di.cal, asOf)
	if err != nil {
		// Rare: counted again, on the wide calendar if it may be.
		return di.cov.Status(clk, asOf, coverage.About(clk, asOf))
	}
	return st, nil
}

// window judges a window ([procedure.RoleWindow]): only its step taken
// after the window closed is late. A window that closed without the step,
// or is still open, is no one's delay and lights nothing.
func (ev *evaluation) window(rec *Record, di *defInfo, ci *clockInfo, cc *procedure.CaseClock) error {
	if !cc.Clock.Stopped() {
		return nil
	}
	st, err := di.status(cc.Clock, ev.asOf)
	if err != nil {
		return fmt.Errorf("clock %s: %w", cc.Name, err)
	}
	if st.Overdue == 0 {
		return nil
	}
	for i := range rec.Case.Events {
		x := &rec.Case.Events[i]
		if ev.ri.trig(i).stops[ci.idx] && eventDay(x) == st.StoppedOn && slices.Contains(ci.steps, x.Trigger) {
			ev.limit(ci.rule, rec, di, ci, cc, cc.Clock, st, ev.e.th.grade(st.Overdue), ci.statCite)
			return nil
		}
	}
	return nil
}

// limit emits the finding of limitFinding, if its rule is on.
func (ev *evaluation) limit(rule RuleID, rec *Record, di *defInfo, ci *clockInfo, cc *procedure.CaseClock, clk deadline.Clock, st deadline.Status, sev Severity, statCite xiaoneng.Citation) {
	if ev.e.on(rule) {
		ev.emit(rec, ev.limitFinding(rule, rec, di, ci, cc, clk, st, sev, statCite))
	}
}

// limitFinding describes a clock's overrun, with the delay attributed to
// the steps it passed in; statCite is the statutory limit's citation.
func (ev *evaluation) limitFinding(rule RuleID, rec *Record, di *defInfo, ci *clockInfo, cc *procedure.CaseClock, clk deadline.Clock, st deadline.Status, sev Severity, statCite xiaoneng.Citation) Finding {
	c := rec.Case
	steps := ev.stepsOf(rec)
	source := clk.Citation()
	if rule == RulePromise {
		// A promise cites the document it was made in (承诺文件); one that
		// cites only the statute it shortens falls back on the rule's
		// own citation, the efficiency system of 服务承诺.
		if source == statCite {
			source = xiaoneng.Citation{}
		}
	}
	f := Finding{
		Rule: rule, Case: c.ID, Definition: c.Definition, Clock: cc.Name, Severity: sev,
		Citation: ev.e.citation(rule, source), Provisional: st.Provisional,
	}
	var at *step
	if st.Overdue > 0 {
		f.Overdue = st.Overdue
		f.Day = st.Due + 1
		n := len(ev.delays)
		var err error
		ev.delays, err = attribute(ev.delays, di, clk, st, ev.asOf, steps, ev.waitsOf(rec, di))
		if err != nil && ev.fault == nil {
			ev.fault = fmt.Errorf("clock %s: %w", cc.Name, err)
		}
		if len(ev.delays) > n {
			f.Delay = ev.delays[n:len(ev.delays):len(ev.delays)]
		}
		// The finding is the officer's who held the case longest after
		// the limit passed, summed over their steps (the earliest of
		// equals), at the step they held it longest: the one whose delay
		// weighs most, not whoever happened to hold it on the due day.
		// Waiting is no one's.
		best, most := -1, 0
		for i, d := range f.Delay {
			if d.Waiting {
				continue
			}
			total := 0
			for _, o := range f.Delay {
				if o.Officer == d.Officer && o.Unit == d.Unit && !o.Waiting {
					total += o.Days
				}
			}
			if total > most || (best >= 0 && total == most && d.Officer == f.Delay[best].Officer &&
				d.Unit == f.Delay[best].Unit && d.Days > f.Delay[best].Days) {
				best, most = i, total
			}
		}
		if best >= 0 {
			d := f.Delay[best]
			at = &step{state: d.Step, officer: d.Officer, unit: d.Unit}
		}
	} else {
		f.Day = ev.asOf
	}
	if at == nil {
		at = stepAt(steps, min(ev.asOf, max(f.Day, st.Started)))
	}
	if at != nil {
		f.Step, f.Officer, f.Unit = at.state, at.officer, at.unit
	}
	var refs [2]EventRef
	f.Evidence = ev.evidence(clockEvidence(refs[:0], &ev.ri, ci.idx, c, st)...)
	// Messages are appended, not formatted: a scan makes millions. They
	// name the limit by its rule ("作出行政许可决定", "licensing decision")
	// and count in its unit.
	name, nameEN := clk.RuleName()
	zh, en, unit := cmp.Or(name, cc.Name), cmp.Or(nameEN, name, cc.Name), clk.Period().Unit
	says := limitSays{rule: rule, zh: zh, en: en, unit: unit, due: st.Due, n: st.Overdue, work: -1}
	if rule == RuleYellowLight {
		says.n = st.Remaining
		if st.Unit != deadline.WorkingDays && st.WorkingDaysKnown {
			// The light counts working days: say how many.
			says.work = st.WorkingDaysLeft
		}
	}
	said := ev.saidLimit(&says)
	if said.ok && said.k == says {
		ev.out.text = said.text
		t := &ev.out.texts[said.text]
		f.Message, f.MessageEN = t[0], t[1]
		return f
	}
	b := append(ev.buf[:0], zh...)
	var split int
	switch rule {
	case RuleYellowLight:
		b = appendYMD(append(b, "将于 "...), st.Due)
		b = appendCount(append(b, " 届满，剩余"...), st.Remaining, unit, true)
		if says.work >= 0 {
			b = appendCount(append(b, "，其中"...), says.work, deadline.WorkingDays, true)
		}
		split = len(b)
		b = appendYMD(append(append(b, en...), ": falls due on "...), st.Due)
		b = append(appendCount(append(b, ", "...), st.Remaining, unit, false), " left"...)
		if says.work >= 0 {
			b = append(appendCount(append(b, ", "...), says.work, deadline.WorkingDays, false), " of them"...)
		}
	case RuleRedLight:
		b = appendYMD(append(b, "已于 "...), st.Due)
		b = append(appendCount(append(b, " 届满，超期"...), st.Overdue, unit, true), "仍未办结"...)
		split = len(b)
		b = appendYMD(append(append(b, en...), ": fell due on "...), st.Due)
		b = append(appendCount(append(b, ", "...), st.Overdue, unit, false), " overdue and still open"...)
	default:
		b = appendYMD(append(b, "于 "...), st.Due)
		b = appendCount(append(b, " 届满，超期"...), st.Overdue, unit, true)
		b = append(append(append(b, "（"...), ev.e.info[rule].Name...), "）"...)
		split = len(b)
		b = appendYMD(append(append(b, en...), ": fell due on "...), st.Due)
		b = append(appendCount(append(b, ", "...), st.Overdue, unit, false), " over ("...)
		b = append(append(b, ev.e.info[rule].NameEN...), ")"...)
	}
	ev.buf = b
	f.Message, f.MessageEN = ev.texts(split)
	*said = saidLimit{k: says, text: ev.out.text, ok: true}
	return f
}

// attribute splits a clock's overrun among the steps it passed in: the
// counting days after the due day that fell in each step, net of suspended
// and excluded time. The days of a step that fell in one of waits are
// its waiting (StepDelay.Waiting), the rest its holder's. The parts sum to
// the overrun. They are appended to out. st is the clock's status as of
// asOf, counted on di's calendar.
func attribute(out []StepDelay, di *defInfo, clk deadline.Clock, st deadline.Status, asOf date.Date, steps []step, waits []wait) ([]StepDelay, error) {
	end := st.StoppedOn
	if !st.Stopped {
		end = 0
	}
	// The status itself tells the count on its last day (the stop, or
	// asOf) and, being late, on its due day: most findings lie in one
	// or two steps, and need no other status. A step starts on the day
	// the one before it ended: the count of the last day asked is kept
	// for the next step's start.
	last := cmp.Or(end, asOf)
	var lastDay date.Date
	lastCount := -1
	var fault error
	counted := func(x date.Date) int {
		switch {
		case x <= st.Started:
			return 0
		case x == last:
			return st.Elapsed
		case x == st.Due && st.Overdue > 0:
			return st.Elapsed - st.Overdue
		case x == lastDay && lastCount >= 0:
			return lastCount
		}
		s, err := di.status(clk, x)
		if err != nil {
			if fault == nil {
				fault = err
			}
			return 0
		}
		lastDay, lastCount = x, s.Elapsed
		return s.Elapsed
	}
	atDue := counted(st.Due)
	total := atDue + st.Overdue
	for _, s := range steps {
		to := s.to
		if end != 0 && to > end {
			to = end
		}
		if to <= st.Due || s.from > to {
			continue
		}
		hi := min(counted(to), total)
		lo := atDue
		if s.from > st.Due {
			lo = max(counted(s.from), atDue)
		}
		if hi <= lo {
			continue
		}
		// The counting days of the step's part of the overrun, (lo, hi],
		// that fell in a wait: the waits do not overlap, so none is
		// counted twice.
		waiting := 0
		for _, w := range waits {
			if w.through <= s.from || w.from >= to {
				continue
			}
			a := min(max(counted(max(w.from, s.from)), lo), hi)
			b := min(max(counted(min(w.through, to)), lo), hi)
			waiting += b - a
		}
		if waiting > 0 {
			out = append(out, StepDelay{Step: s.state, Days: waiting, Waiting: true})
		}
		if hi-lo > waiting {
			out = append(out, StepDelay{Step: s.state, Officer: s.officer, Unit: s.unit, Days: hi - lo - waiting})
		}
	}
	return out, fault
}

// wait is a time the case waited on a party or on the law: the days after
// from, through through.
type wait struct{ from, through date.Date }

// waitsOf returns the periods in which the record's case waited, merged
// where they overlap, in order: each party's period (procedure.RoleParty)
// and each period the agency must let pass (procedure.RoleMinimum), from
// its start to its due day or its stop, whichever came first, and not
// past the day of the evaluation. None if the profile charges waiting to
// the holders.
func (ev *evaluation) waitsOf(rec *Record, di *defInfo) []wait {
	if ev.waitsBuilt {
		return ev.waits
	}
	ev.waitsBuilt = true
	waits := ev.waits[:0]
	if !di.prof.ChargeWaiting {
		for i := range rec.Case.Clocks {
			ci := ev.ri.clock(i)
			if ci == nil || (ci.role != procedure.RoleParty && ci.role != procedure.RoleMinimum) {
				continue
			}
			clk := rec.Case.Clocks[i].Clock
			if clk.Started() >= ev.asOf {
				continue
			}
			if clk.StoppedEarly() && clk.LastDay() <= ev.asOf {
				// Stopped before it could fall due (a hearing waived
				// within the five days): it waited until the stop, and
				// no status is needed to tell.
				if clk.LastDay() > clk.Started() {
					waits = append(waits, wait{clk.Started(), clk.LastDay()})
				}
				continue
			}
			st, err := di.status(clk, ev.asOf)
			if err != nil && ev.fault == nil {
				ev.fault = fmt.Errorf("clock %s: %w", rec.Case.Clocks[i].Name, err)
			}
			if err != nil || st.Due == 0 {
				continue
			}
			through := min(st.Due, ev.asOf)
			if st.Stopped {
				through = min(through, st.StoppedOn)
			}
			if through > clk.Started() {
				waits = append(waits, wait{clk.Started(), through})
			}
		}
		slices.SortFunc(waits, func(a, b wait) int { return cmp.Compare(a.from, b.from) })
		// Merge the overlapping ones.
		merged := waits[:0]
		for _, w := range waits {
			if n := len(merged); n > 0 && w.from <= merged[n-1].through {
				merged[n-1].through = max(merged[n-1].through, w.through)
				continue
			}
			merged = append(merged, w)
		}
		waits = merged
	}
	ev.waits = waits
	return waits
}

// clockEvidence names the events that started the clock's current count
// and, if it stopped, the one that stopped it, appending them to out.
// The events' triggers are given looked up in ri, and the clock by its
// index in the definition.
func clockEvidence(out []EventRef, ri *recordInfo, clock int, c *procedure.Case, st deadline.Status) []EventRef {
	start, stop := -1, -1
	for i, x := range ri.events {
		ti := ri.di.trigs[x]
		starts, stops := ti.starts[clock], st.Stopped && stop < 0 && ti.stops[clock]
		if !starts && !stops {
			continue
		}
		day := eventDay(&c.Events[i])
		// The last start before the count ran out; a start may date the
		// count from an earlier day (a deemed acceptance counts from
		// receipt), so the event's own day is not compared with Started.
		if starts && (start < 0 || day <= st.Due || st.Due == 0) {
			start = i
		}
		if stops && day == st.StoppedOn {
			stop = i
		}
	}
	if start >= 0 {
		out = append(out, ref(c, start))
	}
	if stop >= 0 {
		out = append(out, ref(c, stop))
	}
	return out
}

// appendCount writes n of a unit, "11个工作日" in Chinese, "1 working
// day" or "11 working days" in English.
func appendCount(b []byte, n int, u deadline.Unit, chinese bool) []byte {
	b = strconv.AppendInt(b, int64(n), 10)
	if chinese {
		return append(b, u.Chinese()...)
	}
	name := u.English()
	if n == 1 {
		name = strings.TrimSuffix(name, "s")
	}
	return append(append(b, ' '), name...)
}

// appendYMD writes a date as YYYY-MM-DD without the fmt machinery, which
// a scan of millions of records would spend most of its time in.
func appendYMD(b []byte, d date.Date) []byte {
	y, m, dd := d.Date()
	if y < 0 || y > 9999 {
		return append(b, d.String()...)
	}
	return append(b,
		byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+int(m)/10), byte('0'+int(m)%10), '-', byte('0'+dd/10), byte('0'+dd%10))
}

// say sets the finding's messages from two formats sharing the arguments
// (the English one refers to them by index), in one allocation.
func (f Finding) say(ev *evaluation, zh, en string, args ...any) Finding {
	ev.buf = fmt.Appendf(ev.buf[:0], zh, args...)
	split := len(ev.buf)
	ev.buf = fmt.Appendf(ev.buf, en, args...)
	f.Message, f.MessageEN = ev.texts(split)
	return f
}
