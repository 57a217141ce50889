package procedure

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/text"
)

var (
	guardKinds = []GuardKind{GuardPayload, GuardFact, GuardClockRunning, GuardClockStopped, GuardClockExpired, GuardClocksStopped, GuardDaysBefore, GuardDateReached, GuardWithin, GuardInPeriod, GuardSinceDue, GuardAtMost, GuardAtLeast, GuardCustom, GuardOutsideRest}
	clockOps   = []ClockOp{OpStart, OpSuspend, OpResume, OpRestart, OpExtend, OpStop}
)

// validate checks the spec and reports every problem; it returns the
// rule of each clock.
func validate(s *Spec, cfg *config, p *problems) map[string]deadline.Rule {
	if text.Blank(s.ID) {
		p.add("id", "the definition has no id")
	}
	if text.Blank(s.Name) || text.Blank(s.NameEN) {
		p.add("name", "the definition needs a Chinese and an English name")
	}
	for i, c := range s.Basis {
		if err := c.Validate(); err != nil {
			p.add(fmt.Sprintf("basis[%d]", i), "%v", err)
		}
	}

	states := map[State]StateSpec{}
	for i, st := range s.States {
		at := fmt.Sprintf("states[%d]", i)
		switch {
		case text.Blank(string(st.ID)):
			p.add(at, "a state has no id")
		case states[st.ID].ID != "":
			p.add(at, "state %q defined twice", st.ID)
		default:
			states[st.ID] = st
		}
		if text.Blank(st.Name) || text.Blank(st.NameEN) {
			p.add(at, "state %q needs a Chinese and an English name", st.ID)
		}
	}
	triggers := map[Trigger]bool{}
	for i, tr := range s.Triggers {
		at := fmt.Sprintf("triggers[%d]", i)
		switch {
		case text.Blank(string(tr.ID)):
			p.add(at, "a trigger has no id")
		case triggers[tr.ID]:
			p.add(at, "trigger %q defined twice", tr.ID)
		default:
			triggers[tr.ID] = true
		}
		if text.Blank(tr.Name) || text.Blank(tr.NameEN) {
			p.add(at, "trigger %q needs a Chinese and an English name", tr.ID)
		}
	}
	if _, ok := states[s.Initial]; !ok {
		p.add("initial", "initial state %q is not defined", s.Initial)
	} else if states[s.Initial].Terminal {
		p.add("initial", "initial state %q is terminal", s.Initial)
	}

	rules := map[string]deadline.Rule{}
	for i, c := range s.Clocks {
		at := fmt.Sprintf("clocks[%d]", i)
		if text.Blank(c.Name) || strings.Contains(c.Name, ":") {
			p.add(at, "clock name %q is empty or contains a colon", c.Name)
			continue
		}
		switch {
		case c.Role != RoleLimit && c.Role != RoleParty && c.Role != RoleMinimum && c.Role != RoleWindow:
			p.add(at+".role", "unknown clock role %q", c.Role)
		case c.Role == RoleWindow && len(c.Steps) == 0:
			p.add(at+".steps", "window %q names no step that it times", c.Name)
		case c.Role != RoleWindow && len(c.Steps) > 0:
			p.add(at+".steps", "only a window names steps, and clock %q is not one", c.Name)
		}
		if _, dup := rules[c.Name]; dup {
			p.add(at, "clock %q defined twice", c.Name)
			continue
		}
		var r deadline.Rule
		switch {
		case cfg.rules[c.Name] != nil:
			r = *cfg.rules[c.Name]
		case c.Rule != nil && c.RuleID != "":
			p.add(at, "clock %q has both a rule_id and an inline rule", c.Name)
			continue
		case c.Rule != nil:
			r = *c.Rule
		case c.RuleID != "":
			var err error
			if r, err = deadline.LookupRule(c.RuleID); err != nil {
				p.add(at+".rule_id", "%v", err)
				continue
			}
		default:
			p.add(at, "clock %q has no rule", c.Name)
			continue
		}
		if err := r.Validate(); err != nil {
			p.add(at+".rule", "%v", err)
			continue
		}
		rules[c.Name] = r
	}
	for name := range cfg.rules {
		if !slices.ContainsFunc(s.Clocks, func(c ClockSpec) bool { return c.Name == name }) {
			p.add("", "WithRule names clock %q, which the definition does not declare", name)
		}
	}

	started, stopped := map[string]bool{}, map[string]bool{}
	edges := map[State][]State{}
	for i, t := range s.Transitions {
		at := fmt.Sprintf("transitions[%d]", i)
		from, okFrom := states[t.From]
		if !okFrom {
			p.add(at+".from", "state %q is not defined", t.From)
		} else if from.Terminal {
			p.add(at+".from", "terminal state %q has an exit", t.From)
		}
		if _, ok := states[t.To]; !ok {
			p.add(at+".to", "state %q is not defined", t.To)
		}
		if !triggers[t.Trigger] {
			p.add(at+".trigger", "trigger %q is not defined", t.Trigger)
		}
		if !t.Citation.IsZero() {
			if err := t.Citation.Validate(); err != nil {
				p.add(at+".citation", "%v", err)
			}
		}
		edges[t.From] = append(edges[t.From], t.To)
		for j, g := range t.Guards {
			validateGuard(g, fmt.Sprintf("%s.guards[%d]", at, j), rules, cfg, p)
		}
		for j, e := range t.Effects {
			ea := fmt.Sprintf("%s.effects[%d]", at, j)
			if !slices.Contains(clockOps, e.Op) {
				p.add(ea+".op", "unknown clock operation %q", e.Op)
				continue
			}
			r, ok := rules[e.Clock]
			if !ok {
				p.add(ea+".clock", "clock %q is not defined", e.Clock)
				continue
			}
			switch e.Op {
			case OpStart:
				started[e.Clock] = true
				if e.All {
					p.add(ea, "a clock cannot be started for all instances")
				}
				if e.From != "" {
					if _, ok := rules[e.From]; !ok {
						p.add(ea+".from", "clock %q is not defined", e.From)
					}
				}
				if e.From != "" && e.Until != "" {
					p.add(ea, "a start takes from or until, not both")
				}
			case OpStop:
				stopped[e.Clock] = true
			case OpSuspend, OpRestart:
				list, what := r.Exclusions, "exclude time"
				if e.Op == OpRestart {
					list, what = r.Restarts, "restart"
				}
				switch {
				case e.Cause == 0 && len(list) == 0:
					p.add(ea+".cause", "rule %s of clock %q does not %s for any cause", r.ID, e.Clock, what)
				case e.Cause != 0 && !slices.ContainsFunc(list, func(a deadline.Allowance) bool { return a.Cause == e.Cause }):
					p.add(ea+".cause", "rule %s of clock %q does not %s for %s", r.ID, e.Clock, what, e.Cause)
				}
			case OpExtend:
				switch {
				case e.Units < 0:
					p.add(ea+".units", "an extension of %d units: it needs a positive number, or zero to take it from the payload", e.Units)
				case cfg.rules[e.Clock] != nil:
					// A rule given with WithRule may allow less than the
					// spec's, or no extension at all: a period another
					// law sets in place of the spec's, with no extension
					// of its own. The step stays, and an extension the
					// rule does not allow is refused when it is fired
					// (deadline.ErrExtensionRefused).
				case r.Extension.Max == 0:
					p.add(ea, "rule %s of clock %q allows no extension", r.ID, e.Clock)
				case e.Units > r.Extension.Max:
					p.add(ea+".units", "an extension of %d is outside 1 to %d", e.Units, r.Extension.Max)
				}
			}
			if e.Op != OpStart && (e.From != "" || e.Until != "") {
				p.add(ea, "from and until apply to a start only")
			}
			if e.All && e.Per != "" {
				p.add(ea, "an effect takes per or all, not both")
			}
		}
	}
	for i, c := range s.Clocks {
		if started[c.Name] && !stopped[c.Name] {
			p.add("clocks", "clock %q is started but never stopped", c.Name)
		}
		for j, step := range c.Steps {
			if !slices.ContainsFunc(s.Transitions, func(t TransitionSpec) bool {
				return t.Trigger == step && slices.ContainsFunc(t.Effects, func(e Effect) bool { return e.Op == OpStop && e.Clock == c.Name })
			}) {
				p.add(fmt.Sprintf("clocks[%d].steps[%d]", i, j), "trigger %q never stops window %q", step, c.Name)
			}
		}
	}

	// Every state is reachable from the initial one, and every state that
	// is not terminal has a way out.
	seen := map[State]bool{s.Initial: true}
	queue := []State{s.Initial}
	for len(queue) > 0 {
		st := queue[0]
		queue = queue[1:]
		for _, to := range edges[st] {
			if !seen[to] {
				seen[to] = true
				queue = append(queue, to)
			}
		}
	}
	hasTerminal := false
	for i, st := range s.States {
		if !seen[st.ID] {
			p.add(fmt.Sprintf("states[%d]", i), "state %q cannot be reached from %q", st.ID, s.Initial)
		}
		if !st.Terminal && len(edges[st.ID]) == 0 && st.ID != "" {
			p.add(fmt.Sprintf("states[%d]", i), "state %q is not terminal and has no way out", st.ID)
		}
		hasTerminal = hasTerminal || st.Terminal
	}
	if !hasTerminal && len(s.States) > 0 {
		p.add("states", "no state is terminal")
	}

	// Two transitions on one trigger from one state must have guards that
	// cannot both hold.
	for i, a := range s.Transitions {
		for j := i + 1; j < len(s.Transitions); j++ {
			b := s.Transitions[j]
			if a.From == b.From && a.Trigger == b.Trigger && !exclusive(a.Guards, b.Guards) {
				p.add(fmt.Sprintf("transitions[%d]", j), "transitions[%d] and [%d] leave %q on %q and their guards can both hold", i, j, a.From, a.Trigger)
			}
		}
	}

	for i, t := range s.Timeouts {
		at := fmt.Sprintf("timeouts[%d]", i)
		if _, ok := rules[t.Clock]; !ok {
			p.add(at+".clock", "clock %q is not defined", t.Clock)
		}
		if t.Citation.IsZero() {
			p.add(at+".citation", "an automatic outcome needs the provision that prescribes it")
		}
		if len(t.States) == 0 {
			p.add(at+".states", "the timeout applies in no state")
		}
		for _, st := range t.States {
			if _, ok := states[st]; !ok {
				p.add(at+".states", "state %q is not defined", st)
				continue
			}
			if !slices.ContainsFunc(s.Transitions, func(tr TransitionSpec) bool { return tr.From == st && tr.Trigger == t.Trigger }) {
				p.add(at+".trigger", "no transition leaves %q on %q", st, t.Trigger)
			}
		}
	}
	return rules
}

func validateGuard(g GuardSpec, at string, rules map[string]deadline.Rule, cfg *config, p *problems) {
	if !slices.Contains(guardKinds, g.Kind) {
		p.add(at+".kind", "unknown guard kind %q", g.Kind)
		return
	}
	switch {
	case g.Kind == GuardOutsideRest:
		// Key is the payload key of the exception, if the guard allows
		// one.
		if g.Key != "" && text.Blank(g.Key) {
			p.add(at+".key", "the guard's exception key is blank")
		}
		if g.Value != "" {
			p.add(at+".value", "outside_rest takes no value, got %q", g.Value)
		}
	case text.Blank(g.Key):
		p.add(at+".key", "the guard has no key")
	}
	if text.Blank(g.Desc) || text.Blank(g.DescEN) {
		p.add(at+".desc", "the guard must say in Chinese and English what must hold")
	}
	switch g.Kind {
	case GuardClockRunning, GuardClockStopped, GuardClockExpired, GuardWithin:
		name, _, _ := strings.Cut(g.Key, ":")
		if _, ok := rules[name]; !ok {
			p.add(at+".key", "clock %q is not defined", name)
		}
		if n, err := strconv.Atoi(g.Value); g.Kind == GuardWithin && (err != nil || n < 0) {
			p.add(at+".value", "within needs a number of days, 0 or more, got %q", g.Value)
		}
	case GuardDateReached:
		if n, err := strconv.Atoi(g.Value); g.Value != "" && (err != nil || n < 0) {
			p.add(at+".value", "date_reached needs no value, or a number of days, 0 or more, got %q", g.Value)
		}
	case GuardInPeriod, GuardSinceDue:
		if _, ok := rules[g.Value]; !ok {
			p.add(at+".value", "%s needs a clock the definition declares, got %q", g.Kind, g.Value)
		}
		if name, _, _ := strings.Cut(g.Key, ":"); g.Kind == GuardSinceDue {
			if _, ok := rules[name]; !ok {
				p.add(at+".key", "clock %q is not defined", name)
			}
		} else if g.On != "" && g.On == g.Key {
			p.add(at+".on", "in_period tests the day On against the period from Key: both are %q", g.Key)
		}
	case GuardClocksStopped:
		if _, ok := rules[g.Key]; !ok {
			p.add(at+".key", "clock %q is not defined", g.Key)
		}
	case GuardDaysBefore:
		if _, _, ok := parseDaysBefore(g.Value); !ok {
			p.add(at+".value", "days_before needs a number of days, or of working days (e.g. \"7 working_days\"), got %q", g.Value)
		}
	case GuardAtMost, GuardAtLeast:
		switch {
		case g.Than != "" && g.Value != "":
			p.add(at+".than", "%s is bounded by a number or by a fact, and this one has both: %q and fact %q", g.Kind, g.Value, g.Than)
		case g.Than != "":
			if text.Blank(g.Than) {
				p.add(at+".than", "%s needs a fact to bound it, got %q", g.Kind, g.Than)
			}
		default:
			if _, err := decimal.NewFromString(g.Value); err != nil {
				p.add(at+".value", "%s needs a number, or a fact Than, got %q", g.Kind, g.Value)
			}
		}
	case GuardCustom:
		if _, ok := cfg.guards[g.Key]; !ok {
			p.add(at+".key", "no guard %q registered with WithGuard", g.Key)
		}
	}
	if g.On != "" && g.Kind != GuardInPeriod {
		p.add(at+".on", "only an in_period guard names a day to test, and this one is %s", g.Kind)
	}
	if g.Than != "" && !isBound(g.Kind) {
		p.add(at+".than", "only an at_most or at_least guard names a fact to compare with, and this one is %s", g.Kind)
	}
	if !g.Citation.IsZero() {
		if err := g.Citation.Validate(); err != nil {
			p.add(at+".citation", "%v", err)
		}
	}
}

// exclusive reports whether two guard lists can never hold together: some
// guard of one is the negation of a guard of the other, both require the
// same payload or fact key to hold different values, one requires a key
// absent and the other a value of it, or one bounds a number above below
// where the other bounds it below.
func exclusive(a, b []GuardSpec) bool {
	for i := range a {
		for j := range b {
			if excludes(&a[i], &b[j]) {
				return true
			}
		}
	}
	return false
}

// excludes reports whether guards x and y can never both hold (see
// exclusive).
func excludes(x, y *GuardSpec) bool {
	switch {
	case x.Key != y.Key || x.Than != y.Than:
		return false
	case x.Kind != y.Kind:
		if x.Not || y.Not || !isBound(x.Kind) || !isBound(y.Kind) {
			return false
		}
		lo, hi := x, y
		if lo.Kind == GuardAtMost {
			lo, hi = y, x
		}
		l, err1 := decimal.NewFromString(lo.Value)
		h, err2 := decimal.NewFromString(hi.Value)
		return err1 == nil && err2 == nil && l.GreaterThan(h)
	case x.Value == y.Value && x.Not != y.Not:
		return true
	case (x.Kind == GuardPayload || x.Kind == GuardFact) && x.Not != y.Not:
		// An absent key excludes any value of it: "not challenged" and
		// challenged=reconsideration.
		absent, valued := x, y
		if y.Not {
			absent, valued = y, x
		}
		return absent.Value == "" && valued.Value != ""
	}
	return (x.Kind == GuardPayload || x.Kind == GuardFact) && !x.Not && !y.Not &&
		x.Value != "" && y.Value != "" && x.Value != y.Value
}

// parseDaysBefore reads the value of a days_before guard: a number of
// calendar days ("30", "30 days") or of working days ("7 working_days"),
// not negative.
func parseDaysBefore(v string) (n int, working, ok bool) {
	num, unit, _ := strings.Cut(v, " ")
	switch unit {
	case "", deadline.Days.String():
	case deadline.WorkingDays.String():
		working = true
	default:
		return 0, false, false
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 0 {
		return 0, false, false
	}
	return n, working, true
}

func isBound(k GuardKind) bool { return k == GuardAtMost || k == GuardAtLeast }
