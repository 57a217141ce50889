package procedure

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/qmuntal/stateless"

	"github.com/xiaoneng/xiaoneng/deadline"
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
	spec     Spec
	cal      *deadline.Calendar
	policy   deadline.Policy
	hours    deadline.OfficeHours
	goGuards map[string]Guard      // registered with WithGuard
	guards   []stateless.GuardFunc // one per transition
	rules    map[string]deadline.Rule
	starts   map[string]deadline.Template
	roles    map[string]ClockRole
	index    map[step][]int // transitions by state and trigger, for Replay
	states   map[State]*stateInfo
	triggers map[Trigger]*triggerInfo
	trans    []TransitionSpec
	machine  *stateless.StateMachine
}

// stateInfo is what firing needs of a state, found with one look-up: its
// spec, its value boxed once for stateless (so that firing never
// allocates to pass it as an interface), and its timeouts.
type stateInfo struct {
	spec     *StateSpec
	boxed    stateless.State
	timeouts []int
}

// triggerInfo is a trigger's spec and its value boxed once.
type triggerInfo struct {
	spec  *TriggerSpec
	boxed stateless.Trigger
}

// Option configures a definition built by [New] or [ParseDefinition].
// The set of options is closed.
type Option interface{ apply(*config) }

type config struct {
	cal    *deadline.Calendar
	policy *deadline.Policy
	hours  deadline.OfficeHours
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
// sector rule.
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
// v. It may be called several times per event, from any goroutine.
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
// allow; timeouts without a transition to fire.
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
	if err := p.err(); err != nil {
		return nil, err
	}
	d := &Definition{
		spec: spec, cal: cfg.cal, policy: deadline.DefaultPolicy(), hours: cfg.hours,
		goGuards: cfg.guards, rules: rules,
		states: map[State]*stateInfo{}, triggers: map[Trigger]*triggerInfo{},
		trans: spec.Transitions,
	}
	if d.cal == nil {
		d.cal = deadline.ChinaMainland()
	}
	if cfg.policy != nil {
		d.policy = *cfg.policy
	}
	for i := range spec.States {
		id := spec.States[i].ID
		d.states[id] = &stateInfo{spec: &spec.States[i], boxed: id}
	}
	for i := range spec.Triggers {
		id := spec.Triggers[i].ID
		d.triggers[id] = &triggerInfo{spec: &spec.Triggers[i], boxed: id}
	}
	for i, t := range spec.Timeouts {
		for _, st := range t.States {
			d.states[st].timeouts = append(d.states[st].timeouts, i)
		}
	}
	d.roles = map[string]ClockRole{}
	for _, c := range spec.Clocks {
		d.roles[c.Name] = c.Role
	}
	d.starts = map[string]deadline.Template{}
	for name, r := range rules {
		// validate has checked every rule already.
		d.starts[name], _ = deadline.NewTemplate(r)
	}
	d.index = map[step][]int{}
	for i, t := range spec.Transitions {
		k := step{t.From, t.Trigger}
		d.index[k] = append(d.index[k], i)
	}
	d.compile()
	return d, nil
}

// step keys the transitions that leave a state on a trigger.
type step struct {
	state   State
	trigger Trigger
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

// Rule returns the rule a clock of the definition runs on.
func (d *Definition) Rule(clock string) (deadline.Rule, bool) {
	r, ok := d.rules[clock]
	return r, ok
}

// ClockRole returns the role of a clock of the definition (see
// [ClockRole]); a clock the definition does not declare is reported with
// false.
func (d *Definition) ClockRole(clock string) (ClockRole, bool) {
	r, ok := d.roles[clock]
	return r, ok
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
