package accountability

import (
	"cmp"
	"fmt"
	"maps"
	"slices"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/coverage"
	"github.com/xiaoneng/xiaoneng/internal/text"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// Evaluator applies the rules to case records. It is built once, from the
// procedure definitions the records run on, their profiles and the
// thresholds, all validated; it is then immutable and safe for concurrent
// use.
type Evaluator struct {
	cal     *deadline.Calendar // for inquiries
	cov     *coverage.Calendar // cal, near the end of its coverage
	th      Thresholds
	defs    map[string]*defInfo
	enabled map[RuleID]bool
	info    map[RuleID]RuleInfo
}

// triggerInfo is what one look-up of a trigger tells: the states it can
// lead to, and what the profile makes of it.
type triggerInfo struct {
	dests                   []procedure.State
	notice, refusal, deemed bool
	// deemedRule is the rule that finds a deemed outcome.
	deemedRule RuleID
	// starts and stops tell, by clock index, whether a transition on the
	// trigger starts or stops the clock.
	starts, stops []bool
}

// clockInfo is what one look-up of a clock tells: its role, the rule
// that judges its overruns, and the statutory rule it counts against.
type clockInfo struct {
	idx       int // the clock's index in the definition, for triggerInfo
	role      procedure.ClockRole
	rule      RuleID
	statutory deadline.Template
	statID    string
	statCite  xiaoneng.Citation   // the statutory rule's first citation
	working   bool                // the statutory rule counts working days
	steps     []procedure.Trigger // a window's steps
}

// defInfo is what the evaluator precomputes of one definition.
type defInfo struct {
	d   *procedure.Definition
	cal *deadline.Calendar
	// cov counts on cal near the end of its coverage (see status).
	cov      *coverage.Calendar
	prof     Profile
	initial  procedure.State
	states   symtab // by state ID: the state's index
	triggers symtab // by trigger ID: the index in trigs
	clocks   symtab // by clock name: the index in clockList
	// trigs and clockList hold the infos by the definition's order of
	// triggers and clocks, the values of the tables above: a record's
	// look-ups are kept as indexes, which hold no pointer, so that
	// storing them costs no write barrier while the garbage collector
	// marks.
	trigs     []*triggerInfo
	clockList []*clockInfo
	pairs     pairtab // the valid events, built once the profile is set
	cites     map[procedure.Trigger]xiaoneng.Citation
	handler   string
	missing   string // payload keys of a notice's lists
	conform   string
}

// Option configures an [Evaluator]. The set of options is closed.
type Option interface{ apply(*config) }

type config struct {
	cal      *deadline.Calendar
	defs     []*procedure.Definition
	profiles []Profile
	th       *Thresholds
	rules    []RuleID
}

type optionFunc func(*config)

func (f optionFunc) apply(c *config) { f(c) }

// WithDefinitions gives the procedures the records run on. The default is
// every reference definition of package procedure. A definition of a
// catalogue item built with a promised limit is judged against the
// statutory rule its spec names.
func WithDefinitions(defs ...*procedure.Definition) Option {
	return optionFunc(func(c *config) { c.defs = append(c.defs, defs...) })
}

// WithCalendar counts the working days of inquiries (首问负责) on cal; the
// default is [deadline.ChinaMainland]. Cases are counted on the calendars
// of their definitions.
func WithCalendar(cal *deadline.Calendar) Option {
	return optionFunc(func(c *config) { c.cal = cal })
}

// WithProfiles adds or replaces profiles, by definition ID: a profile
// given replaces the definition's whole profile, so start from
// [ReferenceProfile] to change one part of a reference profile. The
// defaults are [ReferenceProfiles]; a definition with no profile is
// judged on its clocks alone.
func WithProfiles(ps ...Profile) Option {
	return optionFunc(func(c *config) { c.profiles = append(c.profiles, ps...) })
}

// WithThresholds sets the figures of the rules; the default is
// [DefaultThresholds].
func WithThresholds(t Thresholds) Option {
	return optionFunc(func(c *config) { c.th = &t })
}

// WithRules evaluates only the named rules; the default is all of them.
func WithRules(ids ...RuleID) Option {
	return optionFunc(func(c *config) { c.rules = append(c.rules, ids...) })
}

// New builds an evaluator, validating its configuration: profiles naming
// definitions, triggers, clocks, states or rules that do not exist, step
// budgets that are not periods, thresholds out of order. The error joins
// one [*Error] per problem, each wrapping [ErrInvalidConfig] or
// [ErrUnknownDefinition].
func New(opts ...Option) (*Evaluator, error) {
	var cfg config
	for _, o := range opts {
		if o != nil {
			o.apply(&cfg)
		}
	}
	p := problems{op: "New", err: ErrInvalidConfig}
	if len(cfg.defs) == 0 {
		for _, name := range procedure.ReferenceNames() {
			d, err := procedure.Reference(name)
			if err != nil {
				p.add("definitions", "reference definition %s: %v", name, err)
				continue
			}
			cfg.defs = append(cfg.defs, d)
		}
	}
	e := &Evaluator{cal: cfg.cal, th: DefaultThresholds(), defs: map[string]*defInfo{}, info: map[RuleID]RuleInfo{}}
	if e.cal == nil {
		e.cal = deadline.ChinaMainland()
	}
	e.cov = coverage.New(e.cal)
	if cfg.th != nil {
		e.th = *cfg.th
	}
	e.th.validate(&p)
	for _, r := range Rules() {
		e.info[r.ID] = r
	}
	if len(cfg.rules) > 0 {
		e.enabled = map[RuleID]bool{}
		for i, id := range cfg.rules {
			if _, ok := e.info[id]; !ok {
				p.add(fmt.Sprintf("rules[%d]", i), "no built-in rule %q", id)
			}
			e.enabled[id] = true
		}
	}
	for i, d := range cfg.defs {
		if d == nil {
			p.add(fmt.Sprintf("definitions[%d]", i), "nil definition")
			continue
		}
		id, _ := d.ID()
		if _, dup := e.defs[id]; dup {
			p.add(fmt.Sprintf("definitions[%d]", i), "definition %q given twice", id)
			continue
		}
		e.defs[id] = newDefInfo(d, &p, fmt.Sprintf("definitions[%d]", i))
	}
	// The reference profiles apply to the definitions given; the
	// caller's, validated, add to or replace them.
	for _, pr := range ReferenceProfiles() {
		if di, ok := e.defs[pr.Definition]; ok {
			di.setProfile(pr)
		}
	}
	for i, pr := range cfg.profiles {
		at := fmt.Sprintf("profiles[%d]", i)
		di, ok := e.defs[pr.Definition]
		if !ok {
			p.all = append(p.all, &Error{Op: "New", Path: at + ".definition", Err: ErrUnknownDefinition,
				Detail: fmt.Sprintf("no definition %q", pr.Definition)})
			continue
		}
		di.validateProfile(pr, at, &p)
		di.setProfile(pr)
	}
	for _, di := range e.defs {
		di.buildPairs()
	}
	if err := p.result(); err != nil {
		return nil, err
	}
	return e, nil
}

func newDefInfo(d *procedure.Definition, p *problems, at string) *defInfo {
	s := d.Spec()
	di := &defInfo{
		d: d, cal: d.Calendar(), cov: coverage.New(d.Calendar()), initial: s.Initial, handler: "handler",
		cites: map[procedure.Trigger]xiaoneng.Citation{},
	}
	di.prof.Definition = s.ID
	for k, st := range s.States {
		di.states.put(string(st.ID), int32(k))
	}
	for k, tr := range s.Triggers {
		ti := &triggerInfo{starts: make([]bool, len(s.Clocks)), stops: make([]bool, len(s.Clocks))}
		di.triggers.put(string(tr.ID), int32(k))
		di.trigs = append(di.trigs, ti)
	}
	for _, t := range s.Transitions {
		if ti, _ := di.trigger(t.Trigger); ti != nil && !slices.Contains(ti.dests, t.To) {
			ti.dests = append(ti.dests, t.To)
		}
	}
	for k, c := range s.Clocks {
		ci := &clockInfo{idx: k, role: c.Role, rule: RuleTimeLimit, steps: slices.Clone(c.Steps)}
		di.clocks.put(c.Name, int32(k))
		di.clockList = append(di.clockList, ci)
		var r deadline.Rule
		switch {
		case c.Rule != nil:
			r = *c.Rule
		case c.RuleID != "":
			var err error
			if r, err = deadline.LookupRule(c.RuleID); err != nil {
				p.add(at, "clock %s: %v", c.Name, err)
				continue
			}
		}
		t, err := deadline.NewTemplate(r)
		if err != nil {
			p.add(at, "clock %s: %v", c.Name, err)
			continue
		}
		ci.statutory, ci.statID, ci.statCite, ci.working = t, r.ID, r.Citation(), r.Period.Unit == deadline.WorkingDays
	}
	for _, t := range s.Transitions {
		if _, ok := di.cites[t.Trigger]; !ok && !t.Citation.IsZero() {
			di.cites[t.Trigger] = t.Citation
		}
		ti, _ := di.trigger(t.Trigger)
		for _, ef := range t.Effects {
			ci, _ := di.clock(ef.Clock)
			if ti == nil || ci == nil {
				continue // the definition validated both
			}
			switch ef.Op {
			case procedure.OpStart:
				ti.starts[ci.idx] = true
			case procedure.OpStop:
				ti.stops[ci.idx] = true
			}
		}
	}
	return di
}

// buildPairs fills di.pairs with the triggers' destinations, flagged by
// the profile.
func (di *defInfo) buildPairs() {
	var ps []pair
	di.triggers.each(func(t string, k int32) {
		ti := di.trigs[k]
		v := uint64(uint32(k))
		if ti.notice || ti.refusal || ti.deemed {
			v |= pairFlagged
		}
		for _, to := range ti.dests {
			ps = append(ps, pair{trigger: t, to: string(to), val: v})
		}
	})
	di.pairs.build(ps)
}

// trigger returns the look-up of trigger t.
func (di *defInfo) trigger(t procedure.Trigger) (*triggerInfo, bool) {
	if k, ok := di.triggers.get(string(t)); ok {
		return di.trigs[k], true
	}
	return nil, false
}

// clock returns the look-up of the clock named name.
func (di *defInfo) clock(name string) (*clockInfo, bool) {
	if k, ok := di.clocks.get(name); ok {
		return di.clockList[k], true
	}
	return nil, false
}

func (di *defInfo) setProfile(pr Profile) {
	di.prof = pr.clone()
	di.handler = cmp.Or(pr.Handler, "handler")
	di.missing = cmp.Or(pr.Missing, "missing")
	di.conform = cmp.Or(pr.Conforming, "conforming")
	di.clocks.each(func(name string, k int32) {
		ci := di.clockList[k]
		ci.rule = RuleTimeLimit
		if r, ok := pr.ClockRules[name]; ok {
			ci.rule = r
		}
	})
	di.triggers.each(func(t string, k int32) {
		ti := di.trigs[k]
		ti.notice = slices.Contains(pr.Notices, procedure.Trigger(t))
		ti.refusal = slices.Contains(pr.Refusals, procedure.Trigger(t))
		ti.deemed = slices.Contains(pr.Deemed, procedure.Trigger(t))
		ti.deemedRule = RuleDeemedAcceptance
		if r, ok := pr.DeemedRules[procedure.Trigger(t)]; ok {
			ti.deemedRule = r
		}
	})
}

func (di *defInfo) validateProfile(pr Profile, at string, p *problems) {
	for k, list := range [3][]procedure.Trigger{pr.Notices, pr.Refusals, pr.Deemed} {
		name := [3]string{"notices", "refusals", "deemed"}[k]
		for i, t := range list {
			if _, ok := di.trigger(t); !ok {
				p.add(fmt.Sprintf("%s.%s[%d]", at, name, i), "%s has no trigger %q", pr.Definition, t)
			}
		}
	}
	for _, t := range slices.Sorted(maps.Keys(pr.DeemedRules)) {
		at := at + ".deemed_rules[" + string(t) + "]"
		if !slices.Contains(pr.Deemed, t) {
			p.add(at, "%q is not one of the profile's deemed outcomes", t)
		}
		if r := pr.DeemedRules[t]; !deemedRule(r) {
			p.add(at, "a deemed outcome is found by %s or %s, not %q", RuleDeemedAcceptance, RuleDeemedRenewal, r)
		}
	}
	for clock, rule := range pr.ClockRules {
		if _, ok := di.clock(clock); !ok {
			p.add(at+".clock_rules", "%s has no clock %q", pr.Definition, clock)
		}
		if _, ok := LookupRule(rule); !ok {
			p.add(at+".clock_rules", "no built-in rule %q", rule)
		}
	}
	for st, key := range pr.Units {
		if _, ok := di.states.get(string(st)); !ok || text.Blank(key) {
			p.add(at+".units", "%s has no state %q, or the key is blank", pr.Definition, st)
		}
	}
	for st, b := range pr.Budgets {
		if _, ok := di.states.get(string(st)); !ok {
			p.add(at+".budgets", "%s has no state %q", pr.Definition, st)
		}
		if err := b.Validate(); err != nil || b.N == 0 || (b.Unit != deadline.WorkingDays && b.Unit != deadline.Days) {
			p.add(at+".budgets["+string(st)+"]", "a step budget is a positive number of working or calendar days, not %v", b)
		}
	}
}

func (e *Evaluator) on(r RuleID) bool { return e.enabled == nil || e.enabled[r] }

// citation returns the citation of a finding: the thresholds' override,
// else the source's, else the rule's default.
func (e *Evaluator) citation(r RuleID, source xiaoneng.Citation) xiaoneng.Citation {
	if c, ok := e.th.Citations[r]; ok {
		return c
	}
	if !source.IsZero() {
		return source
	}
	return e.info[r].Citation
}

// validateRoster checks the roster and returns the test of whether an
// officer is on it (every officer with a non-blank id is, when the roster
// lists none).
func (e *Evaluator) validateRoster(p *problems, r *Roster) *onRoster {
	officers := make(map[string]bool, len(r.Officers))
	for i, o := range r.Officers {
		at := fmt.Sprintf("roster.officers[%d]", i)
		if text.Blank(o.ID) {
			p.add(at, "an officer has no id")
			continue
		} else if officers[o.ID] {
			p.add(at, "officer %q listed twice", o.ID)
		}
		officers[o.ID] = true
	}
	known := &onRoster{ids: officers}
	for i, o := range r.Officers {
		if o.Substitute != "" && !known.has(o.Substitute) {
			p.add(fmt.Sprintf("roster.officers[%d].substitute", i), "substitute %q is not on the roster", o.Substitute)
		}
	}
	for i, a := range r.Absences {
		at := fmt.Sprintf("roster.absences[%d]", i)
		if !known.has(a.Officer) {
			p.add(at, "officer %q is not on the roster", a.Officer)
		}
		if a.Substitute != "" && !known.has(a.Substitute) {
			p.add(at, "substitute %q is not on the roster", a.Substitute)
		}
		if a.From == 0 || a.To < a.From {
			p.add(at, "the absence runs from %s to %s", a.From, a.To)
		}
	}
	return known
}

// onRoster tells whether an officer id is on the roster. It belongs to
// one evaluation.
type onRoster struct {
	ids map[string]bool
}

func (o *onRoster) has(id string) bool {
	if len(o.ids) == 0 {
		return !text.Blank(id)
	}
	return o.ids[id] // blank ids are never in the map
}

// recordInfo is what validateRecord learns of the record at hand for the
// rules: the look-ups of its events' triggers and of its clocks, and the
// events the profile gives a meaning (notices, refusals, deemed
// outcomes). Its slices are reused from record to record, and hold
// indexes rather than pointers: a scan stores some ten for each record,
// and a pointer stored while the garbage collector marks costs the
// collector's write barrier.
type recordInfo struct {
	di      *defInfo
	events  []int32 // by event index: the index in di.trigs, or -1
	clocks  []int32 // by case clock index: the index in di.clockList, or -1
	flagged []int
	// The definition found last, and its ID.
	last   *defInfo
	lastID string
}

// trig returns the look-up of event i's trigger.
func (ri *recordInfo) trig(i int) *triggerInfo { return ri.di.trigs[ri.events[i]] }

// clock returns the look-up of the case's clock k, or nil.
func (ri *recordInfo) clock(k int) *clockInfo {
	if x := ri.clocks[k]; x >= 0 {
		return ri.di.clockList[x]
	}
	return nil
}

// validateRecord checks record i, reporting every problem with its
// location, and fills ri for the rules when the record is valid.
// Locations are formatted only for problems: a valid input of a million
// records is checked without building a string.
func (e *Evaluator) validateRecord(p *problems, known *onRoster, i int, r *Record, ri *recordInfo) {
	// Each slice is cut back by itself, which stores only its length.
	ri.events = ri.events[:0]
	ri.clocks = ri.clocks[:0]
	ri.flagged = ri.flagged[:0]
	c := r.Case
	if c == nil {
		ri.di = nil
		p.add(recordPath(i, ".case"), "no case")
		return
	}
	// Records come mostly of one procedure in a row: the last one found
	// is compared first, and stored again only when it changes.
	di, ok := ri.last, ri.last != nil && ri.lastID == c.Definition
	if !ok {
		di, ok = e.defs[c.Definition]
		ri.last, ri.lastID = di, c.Definition
	}
	if !ok {
		ri.di = nil
		p.all = append(p.all, &Error{Op: "Evaluate", Path: recordPath(i, ".case.definition"), Err: ErrUnknownDefinition,
			Detail: fmt.Sprintf("the evaluator has no procedure %q", c.Definition)})
		return
	}
	if ri.di != di {
		ri.di = di
	}
	if _, ok := di.states.get(string(c.State)); !ok {
		p.add(recordPath(i, ".case.state"), "%s has no state %q", c.Definition, c.State)
	}
	if text.Blank(r.Unit) {
		p.add(recordPath(i, ".unit"), "the record names no unit")
	}
	e.validateEvents(p, known, i, c, di, ri)
	validateClocks(p, i, c, di, ri)
	if len(r.Statutory) > 0 {
		first := len(p.all)
		for name, rule := range r.Statutory {
			if ci, ok := di.clock(name); !ok || ci.role != procedure.RoleLimit {
				p.add(recordPath(i, ".statutory["+name+"]"), "%s has no limit clock %q", c.Definition, name)
			} else if _, err := deadline.NewTemplate(rule); err != nil {
				p.add(recordPath(i, ".statutory["+name+"]"), "%v", err)
			}
		}
		// Problems come in the order of the names, not of the map.
		slices.SortFunc(p.all[first:], func(a, b error) int { return cmp.Compare(pathOf(a), pathOf(b)) })
	}
	for j, reg := range r.Register {
		if reg.Event < 0 || reg.Event >= len(c.Events) {
			p.add(recordPath(i, fmt.Sprintf(".register[%d].event", j)), "the case has no event %d", reg.Event)
		}
	}
	for j, ex := range r.Exemptions {
		if ex.Ground == GroundUnknown || text.Blank(ex.Reason) {
			p.add(recordPath(i, fmt.Sprintf(".exemptions[%d]", j)), "an exemption needs a ground and its reason")
		}
		if ex.Rule != "" {
			if _, ok := e.info[ex.Rule]; !ok {
				p.add(recordPath(i, fmt.Sprintf(".exemptions[%d].rule", j)), "no built-in rule %q", ex.Rule)
			}
		}
	}
}

// validateEvents checks the events of record i, of definition di, and
// fills ri.events and ri.flagged. Most events are valid: their triggers
// and destinations are looked up in di.pairs, in a loop that calls
// nothing, and their officers compared with the one before, in a second
// loop, so that neither holds more values than there are registers;
// neither reports. An event they do not settle is checked alone, still
// without reporting; at the first problem the events are checked again
// by validateEventsPlain, which reports every problem in the order of the
// events.
func (e *Evaluator) validateEvents(p *problems, known *onRoster, i int, c *procedure.Case, di *defInfo, ri *recordInfo) {
	events := c.Events
	// Each slice is cut back or grown by itself, which stores only its
	// length but when it grows.
	if cap(ri.events) < len(events) {
		ri.events = make([]int32, 0, 2*len(events))
	}
	ri.events = ri.events[:len(events)]
	for j := 0; j < len(events); j++ {
		if j = di.pairs.scan(events, ri.events, j, &ri.flagged); j == len(events) {
			break
		}
		idx, flagged, ok := di.checkEvent(&events[j])
		if !ok {
			e.validateEventsPlain(p, known, i, c, di, ri)
			return
		}
		ri.events[j] = idx
		if flagged {
			ri.flagged = append(ri.flagged, j)
		}
	}
	if !officersKnown(events, known) {
		e.validateEventsPlain(p, known, i, c, di, ri)
	}
}

// validateClocks looks up the case's clocks into ri.clocks, reporting
// those the definition does not have. di.clocks.scan settles most of
// them in a loop that calls nothing; get settles the others, in order.
func validateClocks(p *problems, i int, c *procedure.Case, di *defInfo, ri *recordInfo) {
	clocks := c.Clocks
	// Cut back or grown by itself, which stores only its length but when
	// it grows.
	if cap(ri.clocks) < len(clocks) {
		ri.clocks = make([]int32, 0, 2*len(clocks))
	}
	ri.clocks = ri.clocks[:len(clocks)]
	for j := 0; j < len(clocks); j++ {
		if j = di.clocks.scan(clocks, ri.clocks, j); j == len(clocks) {
			break
		}
		idx, ok := di.clocks.get(clocks[j].Spec)
		if !ok {
			idx = -1
			p.add(recordPath(i, fmt.Sprintf(".case.clocks[%d]", j)), "%s has no clock %q", c.Definition, clocks[j].Spec)
		}
		ri.clocks[j] = idx
	}
}

// checkEvent returns the index of an event's trigger, whether the event
// is flagged, and whether it is valid: the plain check of an event
// di.pairs does not hold.
func (di *defInfo) checkEvent(ev *procedure.Event) (idx int32, flagged, ok bool) {
	idx, ok = di.triggers.get(string(ev.Trigger))
	if !ok || ev.To == "" {
		return 0, false, false
	}
	ti := di.trigs[idx]
	if !slices.Contains(ti.dests, ev.To) {
		return 0, false, false
	}
	return idx, ti.notice || ti.refusal || ti.deemed, true
}

// officersKnown reports whether the roster knows the officer of every
// event but the law's own (Auto). It looks an officer up only when it is
// not the one looked up last, which it compares by length and words (for
// 8 to 24 bytes, the first, last and middle eight bytes, which overlap or
// meet and so cover it; for 4 to 7 bytes, as a name of two Chinese
// characters is, the first and last four in one word), so that the loop
// calls nothing but for a new officer: comparing
// strings calls runtime.memequal, and the loop would store and reload
// what it holds around the call. An officer shorter than 4 bytes or
// longer than 24 is looked up every time.
func officersKnown(events []procedure.Event, known *onRoster) bool {
	n, a, b, c := -1, uint64(0), uint64(0), uint64(0) // the last officer
	for j := range events {
		ev := &events[j]
		if ev.Auto {
			continue
		}
		o := ev.Actor.Officer
		var oa, ob, oc uint64
		switch no := len(o); {
		case no > 24 || no < 4:
			if !known.has(o) {
				return false
			}
			n = -1
			continue
		case no >= 8:
			oa, ob, oc = le64at(o, 0), le64at(o, no-8), le64at(o, (no-8)/2)
		default:
			oa = le32at(o, 0) | le32at(o, no-4)<<32
		}
		if len(o) == n && oa == a && ob == b && oc == c {
			continue
		}
		if !known.has(o) {
			return false
		}
		n, a, b, c = len(o), oa, ob, oc
	}
	return true
}

// validateEventsPlain is validateEvents done event by event, reporting
// every problem: the path of a record with one, and the oracle of
// validateEvents.
func (e *Evaluator) validateEventsPlain(p *problems, known *onRoster, i int, c *procedure.Case, di *defInfo, ri *recordInfo) {
	ri.events = ri.events[:0]
	ri.flagged = ri.flagged[:0]
	// The officer found last, kept here rather than in known: a local
	// variable is stored without a write barrier.
	var officer string
	for j := range c.Events {
		ev := &c.Events[j]
		idx, ok := di.triggers.get(string(ev.Trigger))
		if !ok {
			idx = -1
		}
		ri.events = append(ri.events, idx)
		var ti *triggerInfo
		if ok {
			ti = di.trigs[idx]
		}
		switch {
		case !ok:
			p.add(eventPath(i, j, "trigger"), "%s has no trigger %q", c.Definition, ev.Trigger)
		case ev.To == "":
			p.add(eventPath(i, j, "to"), "the event does not record the state it led to; replay the case with this library")
		case !slices.Contains(ti.dests, ev.To):
			p.add(eventPath(i, j, "to"), "%s leads %q to no state %q", c.Definition, ev.Trigger, ev.To)
		case ti.notice || ti.refusal || ti.deemed:
			ri.flagged = append(ri.flagged, j)
		}
		if ev.Auto || (ev.Actor.Officer == officer && officer != "") {
			continue
		}
		if known.has(ev.Actor.Officer) {
			officer = ev.Actor.Officer
		} else {
			p.add(eventPath(i, j, "actor"), "officer %q is not on the roster", ev.Actor.Officer)
		}
	}
}

// pathOf returns the location of a problem.
func pathOf(err error) string {
	if e, ok := err.(*Error); ok {
		return e.Path
	}
	return ""
}

// recordPath and eventPath format the location of a problem; they run
// only when there is one.
func recordPath(i int, rest string) string { return fmt.Sprintf("records[%d]%s", i, rest) }

func eventPath(i, j int, field string) string {
	return fmt.Sprintf("records[%d].case.events[%d].%s", i, j, field)
}

// validateInquiries checks the inquiries.
func (e *Evaluator) validateInquiries(p *problems, known *onRoster, in *Input) {
	for i, q := range in.Inquiries {
		at := fmt.Sprintf("inquiries[%d]", i)
		if !known.has(q.Officer) {
			p.add(at+".officer", "officer %q is not on the roster", q.Officer)
		}
		if q.At.IsZero() {
			p.add(at+".at", "the inquiry has no instant")
		}
		if q.Outcome != OutcomeNone && q.OutcomeAt.Before(q.At) {
			p.add(at+".outcome_at", "dealt with before it was asked")
		}
	}
}
