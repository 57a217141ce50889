package accountability

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// stateBefore returns the state a case was in when event i happened.
func stateBefore(di *defInfo, c *procedure.Case, i int) procedure.State {
	if i == 0 {
		return di.initial
	}
	return c.Events[i-1].To
}

// events applies the rules that read the log: one-time notification,
// refusal reporting and the deemed outcomes.
func (ev *evaluation) events(rec *Record, di *defInfo) {
	c := rec.Case
	first := -1
	for _, i := range ev.ri.flagged {
		x := c.Events[i]
		day := eventDay(&x)
		ti := ev.ri.trig(i)
		switch {
		case ti.notice:
			if first < 0 {
				first = i
				continue
			}
			if ev.e.on(RuleOneTimeNotice) {
				ev.notice(rec, di, first, i, day)
			}
		case ti.refusal:
			if ev.e.on(RuleRefusalRegister) {
				ev.refusal(rec, di, i, day)
			}
		case x.Auto && ti.deemed && ev.e.on(ti.deemedRule):
			// The law decided at the end of the due day (the event's
			// day): the step the outcome ended is the one whose holder
			// failed to act.
			due, rule := day, ti.deemedRule
			s := stepLeftBy(ev.stepsOf(rec), i)
			if s == nil {
				s = stepAt(ev.stepsOf(rec), due)
			}
			f := Finding{
				Rule: rule, Case: c.ID, Definition: c.Definition, Day: due + 1,
				Severity: ev.e.th.severity(rule),
				Citation: ev.e.citation(rule, di.cites[x.Trigger]),
			}
			// Appended, not formatted: a scan may find many.
			zh, zhEnd, en, enEnd := deemedSays(rule)
			b := append(appendYMD(append(ev.buf[:0], zh...), due), zhEnd...)
			split := len(b)
			ev.buf = append(appendYMD(append(b, en...), due), enEnd...)
			f.Message, f.MessageEN = ev.texts(split)
			f.Evidence = ev.evidence(ref(c, i))
			if s != nil {
				f.Step, f.Officer = s.state, s.officer
				if s.enter >= 0 && s.enter != i {
					f.Evidence = ev.evidence(ref(c, s.enter), ref(c, i))
				}
			}
			ev.emit(rec, f)
		}
	}
}

// deemedRule reports whether r is a rule of deemed outcomes, which a
// profile's DeemedRules may name.
func deemedRule(r RuleID) bool { return r == RuleDeemedAcceptance || r == RuleDeemedRenewal }

// deemedSays returns what a finding of r, a rule of deemed outcomes, says
// in Chinese and in English, each around the day the period ended: the
// failure to act, and what the law deemed.
func deemedSays(r RuleID) (zh, zhEnd, en, enEnd string) {
	if r == RuleDeemedRenewal {
		// 行政许可法 Art 50 ¶2.
		return "未在许可有效期届满前作出是否准予延续的决定，于 ", " 届满后视为准予延续",
			"no decision on the renewal before the licence expired: deemed renewed when ", " ended"
	}
	// 行政许可法 Art 32 ¶1(4).
	return "未在法定期限内告知补正，于 ", " 届满后视为受理",
		"no notice of supplements in time: deemed accepted when ", " ended"
}

// notice judges a later 补正 notice, event i, against the first, event
// first (一次性告知).
func (ev *evaluation) notice(rec *Record, di *defInfo, first, i int, day date.Date) {
	c := rec.Case
	x, f0 := c.Events[i], c.Events[first]
	asked, listed := splitList(x.Payload[di.missing]), splitList(f0.Payload[di.missing])
	f := Finding{
		Rule: RuleOneTimeNotice, Case: c.ID, Definition: c.Definition, Officer: x.Actor.Officer,
		Step: stateBefore(di, c, i), Day: day, Severity: ev.e.th.severity(RuleOneTimeNotice),
		Evidence: ev.evidence(ref(c, first), ref(c, i)),
		Citation: ev.e.citation(RuleOneTimeNotice, di.cites[x.Trigger]),
	}
	firstDay := deadline.DateOf(f0.At)
	if len(asked) == 0 || len(listed) == 0 {
		ev.emit(rec, f.say(ev, "对同一申请再次告知补正（首次告知于 %s）",
			"a second notice of supplements for one application (the first on %[1]s)", firstDay))
		return
	}
	conforming := splitList(f0.Payload[di.conform])
	var late []string
	for _, m := range asked {
		if !slices.Contains(listed, m) && !slices.Contains(conforming, m) && !ev.noticed(c, first, i, m, di) {
			late = append(late, m)
		}
	}
	if len(late) == 0 {
		return // asks again for what the first notice listed
	}
	ev.emit(rec, f.say(ev, "再次告知补正的材料在首次告知（%s）时已缺少而未告知：%s",
		"a later notice asks for materials already missing when the first was given on %[1]s: %[2]s",
		firstDay, strings.Join(late, "、")))
}

// noticed reports whether a notice between first and i, exclusive, already
// asked for material m, so that one omission is found once.
func (ev *evaluation) noticed(c *procedure.Case, first, i int, m string, di *defInfo) bool {
	for _, k := range ev.ri.flagged {
		if k <= first || k >= i {
			continue
		}
		if ev.ri.trig(k).notice &&
			slices.Contains(splitList(c.Events[k].Payload[di.missing]), m) {
			return true
		}
	}
	return false
}

// splitList splits a payload list joined with "；" (or ";") into its
// trimmed, non-empty entries.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '；' || r == ';' })
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// refusal checks that refusal i has a complete register entry within the
// allowed days.
func (ev *evaluation) refusal(rec *Record, di *defInfo, i int, day date.Date) {
	c := rec.Case
	last := day + date.Date(ev.e.th.RegisterDays)
	for _, r := range rec.Register {
		if r.Event == i && r.complete() && r.Day >= day && r.Day <= last {
			return
		}
	}
	if ev.asOf <= last {
		return // still in time
	}
	x := c.Events[i]
	f := Finding{
		Rule: RuleRefusalRegister, Case: c.ID, Definition: c.Definition, Officer: x.Actor.Officer,
		Step: stateBefore(di, c, i), Day: last + 1, Severity: ev.e.th.severity(RuleRefusalRegister),
		Evidence: ev.evidence(ref(c, i)),
		Citation: ev.e.citation(RuleRefusalRegister, xiaoneng.Citation{}),
	}
	n := int64(ev.e.th.RegisterDays)
	b := strconv.AppendInt(append(appendYMD(ev.buf[:0], day), " 作出否定性决定，"...), n, 10)
	b = append(b, " 日内未登记报备（理由、依据、领导意见）"...)
	split := len(b)
	b = strconv.AppendInt(append(appendYMD(append(b, "refused on "...), day),
		" with no complete register entry (reasons, basis, leader's opinion) within "...), n, 10)
	ev.buf = append(b, " days"...)
	f.Message, f.MessageEN = ev.texts(split)
	ev.emit(rec, f)
}

// budgets checks each step against its budget, net of the time the
// case's limit clocks excluded.
func (ev *evaluation) budgets(rec *Record, di *defInfo, steps []step) error {
	c := rec.Case
	for k := range steps {
		s := &steps[k]
		b, ok := di.prof.Budgets[s.state]
		if !ok {
			continue
		}
		used, err := ev.used(di, c, s, b.Unit)
		if err != nil {
			return err
		}
		if used <= b.N {
			continue
		}
		over := used - b.N
		f := Finding{
			Rule: RuleStepLimit, Case: c.ID, Definition: c.Definition, Officer: s.officer, Step: s.state,
			Day: s.from + 1, Severity: ev.e.th.grade(over), Overdue: over,
			Citation: ev.e.citation(RuleStepLimit, xiaoneng.Citation{}),
		}
		// The delay from the record's buffer, as a limit's.
		n := len(ev.delays)
		ev.delays = append(ev.delays, StepDelay{Step: s.state, Officer: s.officer, Days: over})
		f.Delay = ev.delays[n:len(ev.delays):len(ev.delays)]
		zh, en := di.d.StateLabel(s.state)
		m := appendCount(append(append(append(ev.buf[:0], "环节“"...), zh...), "”用时"...), used, b.Unit, true)
		m = appendCount(append(m, "，超过环节时限"...), b.N, b.Unit, true)
		split := len(m)
		m = appendCount(append(append(append(m, "step “"...), en...), "” took "...), used, b.Unit, false)
		ev.buf = appendCount(append(m, ", over its budget of "...), b.N, b.Unit, false)
		f.Message, f.MessageEN = ev.texts(split)
		if b.Unit == deadline.WorkingDays {
			// The budget's first day over: on or before the step's
			// last, which used counted.
			if f.Day, err = di.cal.AddWorkingDays(s.from, b.N+1); err != nil {
				return fmt.Errorf("step %s: %w", s.state, err)
			}
		} else {
			f.Day = s.from + date.Date(b.N+1)
		}
		f.Evidence = ev.evidence(ref(c, s.enter))
		if s.leave >= 0 {
			f.Evidence = ev.evidence(ref(c, s.enter), ref(c, s.leave))
		}
		ev.emit(rec, f)
	}
	return nil
}

// used counts the days a step took, in unit: the counting days of the
// case's first limit clock in that unit that ran through the step (so
// excluded time is left out), or plain days when none did.
func (ev *evaluation) used(di *defInfo, c *procedure.Case, s *step, unit deadline.Unit) (int, error) {
	for k, cc := range c.Clocks {
		ci := ev.ri.clock(k)
		if ci.role != procedure.RoleLimit {
			continue
		}
		counts := deadline.Days
		if ci.working {
			counts = deadline.WorkingDays
		}
		if counts != unit || cc.Clock.IsZero() || cc.Clock.Started() > s.from {
			continue
		}
		a, err := di.status(cc.Clock, s.from)
		if err != nil {
			return 0, fmt.Errorf("step %s: clock %s: %w", s.state, cc.Name, err)
		}
		b, err := di.status(cc.Clock, s.to)
		if err != nil {
			return 0, fmt.Errorf("step %s: clock %s: %w", s.state, cc.Name, err)
		}
		if a.Started != b.Started || (b.Stopped && b.StoppedOn < s.to) {
			continue
		}
		return b.Elapsed - a.Elapsed, nil
	}
	if unit == deadline.Days {
		return int(s.to - s.from), nil
	}
	return di.cal.WorkingDaysBetween(s.from, s.to)
}

// absences checks the steps held by an officer who was away: with a
// substitute designated, the case may lie idle at most IdleDays working
// days at a stretch (AB角, 同岗替代); with none, the post was left empty,
// and a case idle as long is the unit's finding (RuleVacantPost). The
// case is handled on the days the step began and ended and on the day of
// every event in it by someone of the post (see handles), and idle on the
// days between. Only the agency's own waiting counts: a step in an end
// state (a case closed, a licence in force), or a stretch in which no
// limit of the agency runs (the applicant's supplements awaited), is
// nobody's idleness.
func (ev *evaluation) absences(rec *Record, di *defInfo, steps []step) error {
	c := rec.Case
	for k := range steps {
		s := &steps[k]
		if len(ev.substitutes[s.officer]) == 0 || di.d.IsTerminal(s.state) {
			continue
		}
		for _, a := range ev.substitutes[s.officer] {
			rule := RuleSubstitute
			if a.Substitute == "" {
				rule = RuleVacantPost
			}
			if !ev.e.on(rule) {
				continue
			}
			// The days of the absence (both ends included) within the
			// step, (lo, hi], but for the days the step began and ended.
			lo := a.From - 1
			if s.from >= a.From {
				lo = s.from
			}
			hi := min(a.To, ev.asOf)
			if s.leave >= 0 && s.to <= hi {
				hi = s.to - 1
			}
			if hi-lo <= date.Date(ev.e.th.IdleDays) {
				continue // too few days, whatever their kind
			}
			x, err := ev.idle(rec, di, s, &a, lo, hi)
			if err != nil {
				return fmt.Errorf("absence of %s: %w", a.Officer, err)
			}
			if x.days == 0 {
				continue
			}
			f := Finding{
				Rule: rule, Case: c.ID, Definition: c.Definition, Officer: a.Substitute, Step: s.state,
				Day: x.first, Severity: ev.e.th.severity(rule), Overdue: x.over,
				Evidence: []EventRef{ref(c, s.enter)},
				Citation: ev.e.citation(rule, xiaoneng.Citation{}),
				Message: fmt.Sprintf("%s 外出期间（%s 至 %s）由 %s 顶岗，案件闲置 %d 个工作日",
					a.Officer, a.From, a.To, a.Substitute, x.days),
				MessageEN: fmt.Sprintf("%s away from %s to %s, %s substituting; the case lay idle %d working days",
					a.Officer, a.From, a.To, a.Substitute, x.days),
			}
			if x.after > s.enter {
				// The last handling before the case first lay idle too
				// long.
				f.Evidence = append(f.Evidence, ref(c, x.after))
			}
			if rule == RuleVacantPost {
				// The post is the unit's of the officer away, which need not
				// be the case's (a complaint handled by the unit it
				// concerns).
				f.Unit = a.unit
				f.Message = fmt.Sprintf("%s 外出期间（%s 至 %s）未确定B角，岗位空缺，案件闲置 %d 个工作日",
					a.Officer, a.From, a.To, x.days)
				f.MessageEN = fmt.Sprintf("%s away from %s to %s with no substitute designated; the post was left empty and the case lay idle %d working days",
					a.Officer, a.From, a.To, x.days)
			}
			ev.emit(rec, f)
		}
	}
	return nil
}

// idleness is what idle found of a step in an absence: the working days
// of the stretches the case lay idle beyond the allowance, by how many
// they passed it, the first day past it, and the event after which the
// first such stretch began (the step's entering event if none in it).
type idleness struct {
	days, over int
	first      date.Date
	after      int
}

// idle measures the idleness of step s in absence a, on the days (lo,
// hi]: the stretches of days between the events that handled the case,
// each judged against the allowance of IdleDays working days.
func (ev *evaluation) idle(rec *Record, di *defInfo, s *step, a *absence, lo, hi date.Date) (idleness, error) {
	c := rec.Case
	allowed := ev.e.th.IdleDays
	x := idleness{after: s.enter}
	post := cmp.Or(a.unit, s.unit, rec.Unit)
	// stretch judges the days (from, to], idle after event i.
	stretch := func(from, to date.Date, i int) error {
		if to-from <= date.Date(allowed) {
			return nil // too few days, whatever their kind
		}
		n, err := di.cal.WorkingDaysBetween(from, to)
		if err != nil || n <= allowed {
			return err
		}
		running, err := limitRunning(di, c, &ev.ri, from+1, to)
		if err != nil || !running {
			return err
		}
		if x.days == 0 {
			// The first day over the allowance: within the stretch,
			// whose working days were counted.
			if x.first, err = di.cal.AddWorkingDays(from, allowed+1); err != nil {
				return err
			}
			x.after = i
		}
		x.days, x.over = x.days+n, x.over+n-allowed
		return nil
	}
	last, after := lo, s.enter
	end := len(c.Events)
	if s.leave >= 0 {
		end = s.leave
	}
	for i := s.enter + 1; i < end; i++ {
		e := &c.Events[i]
		d := eventDay(e)
		if d <= last || !ev.handles(e, a, post) {
			continue
		}
		if d > hi {
			break
		}
		if err := stretch(last, d-1, after); err != nil {
			return idleness{}, err
		}
		last, after = d, i
	}
	if err := stretch(last, hi, after); err != nil {
		return idleness{}, err
	}
	return x, nil
}

// handles reports whether event e handled the post of the officer away in
// absence a, a post of unit post: an event an officer fired (not an
// outcome the law applied by itself), the substitute's or that of an
// officer of the unit (any the roster does not place in another unit),
// whatever it did to the case.
func (ev *evaluation) handles(e *procedure.Event, a *absence, post string) bool {
	if e.Auto {
		return false
	}
	o := e.Actor.Officer
	if a.Substitute != "" && o == a.Substitute {
		return true
	}
	u := ev.units[o]
	return u == "" || u == post
}

// inquiry checks that an inquiry was answered, handled or referred in
// time (首问负责).
func (ev *evaluation) inquiry(q *Inquiry, r Roster) error {
	if !ev.e.on(RuleFirstInquiry) {
		return nil
	}
	asked := deadline.DateOf(q.At)
	judged := ev.asOf // the day it was answered by, or not
	if q.Outcome != OutcomeNone {
		judged = deadline.DateOf(q.OutcomeAt)
	}
	last, err := ev.e.cal.AddWorkingDays(asked, ev.e.th.InquiryDays)
	if err != nil {
		if ev.e.cov.Widens(err, asked) && ev.e.cov.Covers(max(asked, judged)) {
			// The last day lies past the coverage, so after the day
			// judged: in time, whatever the days past it are.
			return nil
		}
		return err
	}
	if judged <= last {
		return nil
	}
	unit := q.Unit
	for _, o := range r.Officers {
		if o.ID == q.Officer && unit == "" {
			unit = o.Unit
		}
	}
	f := Finding{
		Rule: RuleFirstInquiry, Inquiry: q.ID, Unit: unit, Officer: q.Officer, Day: last + 1,
		Severity: ev.e.th.severity(RuleFirstInquiry), Citation: ev.e.citation(RuleFirstInquiry, xiaoneng.Citation{}),
		Message:   fmt.Sprintf("首问事项（%s 受理）未及时答复、办理或引导：%s", asked, q.Outcome.Chinese()),
		MessageEN: fmt.Sprintf("an inquiry of %s not answered, handled or referred in time: %s", asked, q.Outcome),
	}
	if ev.e.on(f.Rule) {
		ev.out.add(&f, -1)
	}
	return nil
}

// limitRunning reports whether a limit of the agency ran on some day from
// from to to, both included: started by then, and not stopped before.
// ri holds the case's clocks looked up.
func limitRunning(di *defInfo, c *procedure.Case, ri *recordInfo, from, to date.Date) (bool, error) {
	for i := range c.Clocks {
		cc := &c.Clocks[i]
		if ci := ri.clock(i); ci == nil || ci.role != procedure.RoleLimit || cc.Clock.IsZero() || cc.Clock.Started() > to {
			continue
		}
		st, err := di.status(cc.Clock, to)
		if err != nil {
			return false, fmt.Errorf("clock %s: %w", cc.Name, err)
		}
		if !st.Stopped || st.StoppedOn >= from {
			return true, nil
		}
	}
	return false, nil
}
