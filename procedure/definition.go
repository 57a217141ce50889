package procedure

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/qmuntal/stateless"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/coverage"
)

// Definition is a validated procedure, compiled once into a
// github.com/qmuntal/stateless machine. It holds no case: cases are plain
// data ([Case]) that the caller stores, and [Definition.Fire] moves one
// case at a time.
//
// A Definition is immutable and safe for concurrent use: any number of
// goroutines may fire events on different cases at once. Its machine
// fires in immediate mode and keeps each call's state in that call's
// context, so no call can see another's state or receive another's
// error, as stateless's queued mode would allow.
type Definition struct {
	spec Spec
	cal  *deadline.Calendar
	// cov counts on cal near the end of its coverage (see
	// Definition.status).
	cov      *coverage.Calendar
	policy   deadline.Policy
	hours    deadline.OfficeHours
	rest     RestTime         // when outside_rest guards fail (see WithRestTime)
	goGuards map[string]Guard // registered with WithGuard
	rules    map[string]deadline.Rule
	clocks   map[string]clockInfo
	states   map[State]*stateInfo
	initial  *stateInfo // the state a new case is in
	triggers map[Trigger]*triggerInfo
	trans    []transInfo // one per transition, in definition order
	machine  *stateless.StateMachine
	// facts is the size a case's facts are made with: the number of
	// fact keys the transitions set or record, at most eight.
	facts int
}

// clockInfo is what Due reports of a clock of the definition, found with
// one look-up.
type clockInfo struct {
	role     ClockRole
	citation xiaoneng.Citation // the citation of its rule
}

// stateInfo is what firing needs of a state, found with one look-up: its
// spec, its timeouts, and the transitions that leave it.
//
// The stateless machine knows a state by its *stateInfo and a trigger by
// its *triggerInfo: a pointer goes into an interface without an
// allocation, and stateless hashes and compares it as one word, where a
// name is hashed and compared byte by byte on every look-up. Their
// String methods give the names back wherever stateless prints them.
type stateInfo struct {
	spec     *StateSpec
	i        int32 // its index in Spec.States
	timeouts []int
	// steps are the triggers that lead out of the state, each with its
	// transitions. An event's transitions are found by comparing its
	// trigger with these few, rather than by hashing the state and the
	// trigger.
	steps []stepInfo
}

// String returns the state's ID.
func (si *stateInfo) String() string { return string(si.spec.ID) }

// stepInfo is a trigger leading out of a state: the trigger, its key in
// the stateless machine, and its transitions from the state, in
// definition order.
type stepInfo struct {
	trigger Trigger
	info    *triggerInfo
	trans   []*transInfo
	// typed are the payload keys the step reads as a flag, a number or a
	// date, whose values check refuses in another form.
	typed []typedKey
}

// step returns the step of trigger t out of the state, or nil if t does
// not lead out of it.
func (si *stateInfo) step(t Trigger) *stepInfo {
	for k := range si.steps {
		if si.steps[k].trigger == t {
			return &si.steps[k]
		}
	}
	return nil
}

// triggerInfo is a trigger's spec; the stateless machine knows the
// trigger by it (see stateInfo).
type triggerInfo struct {
	spec *TriggerSpec
}

// String returns the trigger's ID.
func (ti *triggerInfo) String() string { return string(ti.spec.ID) }

// transInfo is a transition resolved at compile time, so that firing
// looks up no map: the state it leads to, its guards and its effects
// compiled.
type transInfo struct {
	i      int // its index in Spec.Transitions
	spec   *TransitionSpec
	to     *stateInfo
	guards []guardInfo
	// effects are spec.Effects compiled, in order; starts counts those
	// that start a clock.
	effects []effectInfo
	starts  int
	// set is spec.Set as a list, which commit copies without iterating
	// a map.
	set []fact
}

// markDiscriminators marks the guards that tell the transitions of one
// step apart: a guard of one that some guard of another excludes (see
// excludes). A refusal reports the unmet guards of the transitions whose
// discriminators held, the ones the event was meant for (see unmetOf).
func markDiscriminators(trans []*transInfo) {
	for _, t := range trans {
		for k := range t.guards {
			g := &t.guards[k]
			for _, u := range trans {
				for j := 0; u != t && !g.disc && j < len(u.guards); j++ {
					g.disc = excludes(g.spec, u.guards[j].spec)
				}
			}
		}
	}
}

// fact is a fact a transition sets.
type fact struct{ key, value string }

// effectInfo is an effect resolved at compile time: a start with the
// template of its clock's rule, or any other operation as the ledger
// entry it makes, ready but for what the event supplies. Applying it
// then compares no operation's name, and looks up in the payload only
// what the entry takes from it.
type effectInfo struct {
	spec  *Effect
	start bool
	// slot is where Replay finds the instance of the clock (see
	// ledgers.at): the clock's index in Spec.Clocks, or -1 for a clock
	// kept per payload value or declared beyond the table's room.
	slot int
	// A start: the template of the clock's rule, and the terms of a
	// clock that runs until a payload date (nil for others).
	tmpl deadline.Template
	term *termCache
	// Any other operation: the entry's kind, cause and units; causeOf
	// says the cause comes from the payload's "cause", unitsOf the units
	// from its "units" (see [Effect]). An extension takes its approver
	// from the payload.
	entry   deadline.Entry
	causeOf bool
	unitsOf bool
}

// entryKinds are the ledger entries of the operations other than a
// start.
var entryKinds = map[ClockOp]deadline.EntryKind{
	OpSuspend: deadline.EntrySuspend, OpResume: deadline.EntryResume, OpRestart: deadline.EntryRestart,
	OpStop: deadline.EntryStop, OpExtend: deadline.EntryExtend,
}

// compileEffect resolves an effect validate has accepted, given the
// template of each clock's rule and the clocks' declared indices.
func compileEffect(ef *Effect, tmpls map[string]deadline.Template, slots map[string]int) effectInfo {
	ei := effectInfo{spec: ef, start: ef.Op == OpStart, slot: -1}
	if i := slots[ef.Clock]; ef.Per == "" && i < clockSlots {
		ei.slot = i
	}
	if ei.start {
		ei.tmpl = tmpls[ef.Clock]
		if ef.Until != "" {
			ei.term = new(termCache)
		}
		return ei
	}
	ei.entry = deadline.Entry{Kind: entryKinds[ef.Op], Cause: ef.Cause}
	switch ef.Op {
	case OpSuspend, OpRestart:
		ei.causeOf = ef.Cause == 0
	case OpStop:
		ei.entry.Cause = 0
	case OpExtend:
		ei.entry.Cause, ei.entry.Units = 0, ef.Units
		ei.unitsOf = ef.Units == 0
	}
	return ei
}

// termDays bounds the terms a termCache holds: a licence's remaining
// validity, up to two years.
const termDays = 731

// termCache holds the templates of an effect's terms (see
// [Effect.Until]), by number of days, as they are first made: each
// clock started until a payload date would otherwise copy its rule
// (deadline.Template.Term). The templates are immutable, and two
// goroutines that make the same term at once store equal ones.
type termCache [termDays]atomic.Pointer[deadline.Template]

// term returns the template t.Term(days) returns.
func (tc *termCache) term(t deadline.Template, days int) (deadline.Template, error) {
	if days <= 0 || days >= len(tc) {
		return t.Term(days)
	}
	if p := tc[days].Load(); p != nil {
		return *p, nil
	}
	term, err := t.Term(days)
	if err != nil {
		return term, err
	}
	tc[days].Store(&term)
	return term, nil
}

// Option configures a definition built by [New] or [ParseDefinition].
// The set of options is closed.
type Option interface{ apply(*config) }

type config struct {
	cal    *deadline.Calendar
	policy *deadline.Policy
	hours  deadline.OfficeHours
	rest   *RestTime
	guards map[string]Guard
	rules  map[string]*deadline.Rule
}

type optionFunc func(*config)

func (f optionFunc) apply(c *config) { f(c) }

// WithCalendar counts the definition's clocks on cal. The default is
// [deadline.ChinaMainland].
func WithCalendar(cal *deadline.Calendar) Option {
	return optionFunc(func(c *config) { c.cal = cal })
}

// WithPolicy sets the warning-light thresholds [Definition.Due] reports
// with. The default is [deadline.DefaultPolicy].
func WithPolicy(p deadline.Policy) Option {
	return optionFunc(func(c *config) { c.policy = &p })
}

// WithOfficeHours sets when a due day ends: at the closing time, or at
// 24:00 (the default). It decides when an automatic outcome takes effect.
func WithOfficeHours(h deadline.OfficeHours) Option {
	return optionFunc(func(c *config) { c.hours = h })
}

// WithRule runs the named clock on rule r instead of the one the spec
// names: a promised limit (承诺时限) shorter than the statutory one, or a
// sector rule. Where r allows a shorter extension than a step of the
// spec asks for, or none, the definition is built all the same, and the
// step is refused when it is fired, with an error wrapping
// [ErrInvalidTransition] and [deadline.ErrExtensionRefused].
func WithRule(clock string, r deadline.Rule) Option {
	return optionFunc(func(c *config) {
		if c.rules == nil {
			c.rules = map[string]*deadline.Rule{}
		}
		c.rules[clock] = &r
	})
}

// Guard is a guard written in Go, for tests the guard kinds cannot
// express. It reads the case and the event through v and must not keep
// v. It may be called several times per event, from any goroutine. A
// guard that panics refuses the event: Fire, Advance and Replay return an
// error wrapping [ErrInvalidDefinition] that quotes the panic, and leave
// the case as it was.
type Guard func(ctx context.Context, v View) bool

// WithGuard registers a Go guard under name, for guards of kind
// [GuardCustom]. The reference definitions use none: a definition of your
// own (a copy of a reference [Definition.Spec] with its own ID, say) names
// the guard.
func WithGuard(name string, g Guard) Option {
	return optionFunc(func(c *config) {
		if c.guards == nil {
			c.guards = map[string]Guard{}
		}
		c.guards[name] = g
	})
}

// New validates spec and compiles it. The error joins one [*Error] per
// problem, each wrapping [ErrInvalidDefinition] and naming its location:
// unknown states, triggers or clocks; states that cannot be reached, or
// that are neither terminal nor have a way out; exits from terminal
// states; a clock started but never stopped; two transitions on one
// trigger whose guards can both hold; effects the clock's rule does not
// allow; timeouts without a transition to fire; a key two guards read
// as different types (a flag, a number, a date), or a fact set to a value
// not of its key's type.
func New(spec Spec, opts ...Option) (*Definition, error) {
	return build("New", spec, opts)
}

func build(op string, spec Spec, opts []Option) (*Definition, error) {
	cfg := config{guards: map[string]Guard{}}
	for _, o := range opts {
		if o != nil {
			o.apply(&cfg)
		}
	}
	spec = cloneSpec(spec)
	p := problems{op: op}
	rules := validate(&spec, &cfg, &p)
	types := valueTypes(&spec, &p)
	for name, g := range cfg.guards {
		if g == nil {
			p.add("", "guard %q is nil", name)
		}
	}
	if cfg.policy != nil {
		if err := cfg.policy.Validate(); err != nil {
			p.add("", "%v", err)
		}
	}
	rest := DefaultRestTime()
	if cfg.rest != nil {
		if err := cfg.rest.validate(); err != nil {
			p.add("", "%v", err)
		}
		rest = *cfg.rest
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	d := &Definition{
		spec: spec, cal: cfg.cal, policy: deadline.DefaultPolicy(), hours: cfg.hours, rest: rest,
		goGuards: cfg.guards, rules: rules,
		states: map[State]*stateInfo{}, triggers: map[Trigger]*triggerInfo{},
	}
	if d.cal == nil {
		d.cal = deadline.ChinaMainland()
	}
	d.cov = coverage.New(d.cal)
	if cfg.policy != nil {
		d.policy = *cfg.policy
	}
	for i := range spec.States {
		id := spec.States[i].ID
		d.states[id] = &stateInfo{spec: &spec.States[i], i: int32(i)}
	}
	for i := range spec.Triggers {
		id := spec.Triggers[i].ID
		d.triggers[id] = &triggerInfo{spec: &spec.Triggers[i]}
	}
	d.initial = d.states[spec.Initial]
	for i, t := range spec.Timeouts {
		for _, st := range t.States {
			d.states[st].timeouts = append(d.states[st].timeouts, i)
		}
	}
	d.clocks = map[string]clockInfo{}
	for _, c := range spec.Clocks {
		d.clocks[c.Name] = clockInfo{role: c.Role, citation: rules[c.Name].Citation()}
	}
	slots := map[string]int{}
	for i, c := range spec.Clocks {
		slots[c.Name] = i
	}
	starts := map[string]deadline.Template{}
	for name, r := range rules {
		// validate has checked every rule already.
		starts[name], _ = deadline.NewTemplate(r)
	}
	d.trans = make([]transInfo, len(spec.Transitions))
	facts := map[string]bool{}
	for i := range spec.Transitions {
		t := &spec.Transitions[i]
		ti := &d.trans[i]
		*ti = transInfo{i: i, spec: t, to: d.states[t.To]}
		for j := range t.Guards {
			gi := d.compileGuard(&t.Guards[j])
			gi.trans, gi.receipt = i, t.Receipt
			ti.guards = append(ti.guards, gi)
		}
		for k, v := range t.Set {
			facts[k] = true
			ti.set = append(ti.set, fact{k, v})
		}
		slices.SortFunc(ti.set, func(a, b fact) int { return strings.Compare(a.key, b.key) })
		for _, k := range t.Record {
			facts[k] = true
		}
		ti.effects = make([]effectInfo, len(t.Effects))
		for j := range t.Effects {
			ti.effects[j] = compileEffect(&t.Effects[j], starts, slots)
			if ti.effects[j].start {
				ti.starts++
			}
		}
		from := d.states[t.From]
		st := from.step(t.Trigger)
		if st == nil {
			from.steps = append(from.steps, stepInfo{trigger: t.Trigger, info: d.triggers[t.Trigger]})
			st = &from.steps[len(from.steps)-1]
		}
		st.trans = append(st.trans, ti)
	}
	for _, si := range d.states {
		for k := range si.steps {
			markDiscriminators(si.steps[k].trans)
			si.steps[k].typed = stepTypedKeys(si.steps[k].trans, types)
		}
	}
	// A map made for at most eight entries is one group, a single
	// allocation; a case with more facts than that grows its map once.
	d.facts = min(len(facts), 8)
	d.compile()
	return d, nil
}

// ParseDefinition reads a procedure spec from JSON and builds it like
// [New]. A syntax error is reported with its line and column, a value of
// the wrong type with its member, an unknown member by name; as with
// [New], the error joins [*Error] values, and nothing is built unless the
// whole file is valid.
func ParseDefinition(data []byte, opts ...Option) (*Definition, error) {
	const op = "ParseDefinition"
	var spec Spec
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&spec); err != nil {
		return nil, errors.Join(&Error{Op: op, Path: jsonLocation(data, err), Err: ErrInvalidDefinition, Detail: err.Error()})
	}
	if dec.More() {
		return nil, errors.Join(&Error{Op: op, Err: ErrInvalidDefinition, Detail: "data after the definition"})
	}
	return build(op, spec, opts)
}

// jsonLocation returns where a decoding error happened, as a line and a
// column, or the member for a type error.
func jsonLocation(data []byte, err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var offset int64
	switch {
	case errors.As(err, &syn):
		offset = syn.Offset
	case errors.As(err, &typ):
		if typ.Field != "" {
			return typ.Field
		}
		offset = typ.Offset
	default:
		return ""
	}
	offset = min(max(offset, 0), int64(len(data)))
	before := data[:offset]
	return fmt.Sprintf("line %d, column %d", bytes.Count(before, []byte("\n"))+1, int(offset)-bytes.LastIndexByte(before, '\n'))
}

// cloneSpec copies every slice and map of a spec, so a definition shares
// nothing with its caller.
func cloneSpec(s Spec) Spec {
	s.Basis = slices.Clone(s.Basis)
	s.States = slices.Clone(s.States)
	s.Triggers = slices.Clone(s.Triggers)
	s.Clocks = slices.Clone(s.Clocks)
	for i, c := range s.Clocks {
		s.Clocks[i].Steps = slices.Clone(c.Steps)
		if c.Rule != nil {
			r := *c.Rule
			r.Exclusions = slices.Clone(r.Exclusions)
			r.Restarts = slices.Clone(r.Restarts)
			r.Citations = slices.Clone(r.Citations)
			s.Clocks[i].Rule = &r
		}
	}
	s.Transitions = slices.Clone(s.Transitions)
	for i, t := range s.Transitions {
		s.Transitions[i].Guards = slices.Clone(t.Guards)
		s.Transitions[i].Effects = slices.Clone(t.Effects)
		s.Transitions[i].Record = slices.Clone(t.Record)
		if t.Set != nil {
			set := make(map[string]string, len(t.Set))
			for k, v := range t.Set {
				set[k] = v
			}
			s.Transitions[i].Set = set
		}
	}
	s.Timeouts = slices.Clone(s.Timeouts)
	for i, t := range s.Timeouts {
		s.Timeouts[i].States = slices.Clone(t.States)
	}
	return s
}

// Spec returns a copy of the definition's spec.
func (d *Definition) Spec() Spec { return cloneSpec(d.spec) }

// ID returns the definition's ID and version.
func (d *Definition) ID() (id, version string) { return d.spec.ID, d.spec.Version }

// Calendar returns the calendar the definition counts on.
func (d *Definition) Calendar() *deadline.Calendar { return d.cal }

// RestTime returns when the definition's outside_rest guards find an
// event at rest time (see [WithRestTime]).
func (d *Definition) RestTime() RestTime { return d.rest }

// Rule returns the rule a clock of the definition runs on.
func (d *Definition) Rule(clock string) (deadline.Rule, bool) {
	r, ok := d.rules[clock]
	return r, ok
}

// ClockRole returns the role of a clock of the definition (see
// [ClockRole]); a clock the definition does not declare is reported with
// false.
func (d *Definition) ClockRole(clock string) (ClockRole, bool) {
	ci, ok := d.clocks[clock]
	return ci.role, ok
}

// StateLabel returns the Chinese and English names of a state.
func (d *Definition) StateLabel(s State) (zh, en string) {
	if st, ok := d.states[s]; ok {
		return st.spec.Name, st.spec.NameEN
	}
	return string(s), string(s)
}

// TriggerLabel returns the Chinese and English names of a trigger.
func (d *Definition) TriggerLabel(t Trigger) (zh, en string) {
	if tr, ok := d.triggers[t]; ok {
		return tr.spec.Name, tr.spec.NameEN
	}
	return string(t), string(t)
}

// IsTerminal reports whether s is a terminal state of the definition.
func (d *Definition) IsTerminal(s State) bool {
	st, ok := d.states[s]
	return ok && st.spec.Terminal
}

// Transitions returns the steps that leave state s, in definition order.
func (d *Definition) Transitions(s State) []TransitionSpec {
	var out []TransitionSpec
	for _, t := range d.spec.Transitions {
		if t.From == s {
			out = append(out, t)
		}
	}
	return cloneSpec(Spec{Transitions: out}).Transitions
}
