package catalogue

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/coverage"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// Spec is a catalogue as plain data (事项清单): a unit's or a county's
// items, the process steps its guides show for each procedure, and its
// green channels. [New] validates it; [Parse] and [Load] read it from
// JSON, whose format its JSON tags give.
type Spec struct {
	// ID identifies the catalogue, e.g. "示例县-2025"; Name titles it:
	// 示例县政务服务事项目录（2025年版）. Name is required.
	ID   string `json:"id,omitempty"`
	Name string `json:"name"`
	// Region is the area the catalogue covers: 示例县.
	Region string `json:"region,omitempty"`
	// Processes are the guide's process steps for every item on a
	// procedure, by procedure name, for items without steps of their own.
	Processes map[string][]Step `json:"processes,omitempty"`
	// Items are the service items, in the order the catalogue lists them.
	Items []Item `json:"items"`
	// GreenChannels are the green channels for designated projects.
	GreenChannels []GreenChannel `json:"green_channels,omitempty"`
}

// clone returns a deep copy of the spec, with empty slices and maps nil.
func (s Spec) clone() Spec {
	if len(s.Processes) == 0 {
		s.Processes = nil
	} else {
		ps := make(map[string][]Step, len(s.Processes))
		for k, v := range s.Processes {
			ps[k] = cloneOrNil(v)
		}
		s.Processes = ps
	}
	s.Items = cloneOrNil(s.Items)
	for i, it := range s.Items {
		s.Items[i] = it.clone()
	}
	s.GreenChannels = cloneOrNil(s.GreenChannels)
	for i, g := range s.GreenChannels {
		s.GreenChannels[i] = g.clone()
	}
	return s
}

// Catalogue is a validated catalogue of service items (事项清单): the only
// source of the powers a unit may exercise (行政权力进目录、目录之外无权力).
// It looks items up by code and day, starts cases on their procedures
// with their promised limits ([Catalogue.Start]), checks submitted
// materials at intake ([Catalogue.Intake]) and renders service guides
// ([Catalogue.Guide]).
//
// A Catalogue is immutable and safe for concurrent use. It compiles the
// procedure definitions its items run on when a case first needs one and
// keeps them, one per distinct limit, shared by every item with that
// limit; compiling is guarded, so concurrent first uses compile once.
//
// The zero Catalogue is empty: every look-up reports the code not in the
// catalogue. Build catalogues with [New], [Parse] or [Load].
type Catalogue struct {
	spec    Spec
	cal     *deadline.Calendar
	cov     *coverage.Calendar // cal, for counts near the end of its coverage
	popts   []procedure.Option
	codes   map[string][]int // item indexes by code, in order of From
	entries []entry          // one per spec.Items
	green   map[string]int   // green channel indexes by ID
}

// entry is what the catalogue derives from one item at construction.
type entry struct {
	proc      *procInfo
	limits    Limits
	statCites []xiaoneng.Citation // the provisions of the statutory limit
	ext       deadline.Extension  // the extension the statutory limit allows
	run       *lazyDef            // the definition on the item's own limit
	green     map[string]*lazyDef // by green channel ID
	deferral  []deadline.Template // by material index; zero when not deferrable
	required  int                 // the number of required materials
}

// lazyDef is a procedure definition compiled on first use.
type lazyDef struct {
	once  sync.Once
	proc  *procInfo
	clock string
	rule  *deadline.Rule // nil: the clock's own rule
	def   *procedure.Definition
	err   error
}

// get compiles the definition once and returns it.
func (l *lazyDef) get(cal *deadline.Calendar, popts []procedure.Option) (*procedure.Definition, error) {
	l.once.Do(func() {
		opts := append(slices.Clone(popts), procedure.WithCalendar(cal))
		if l.rule != nil {
			opts = append(opts, procedure.WithRule(l.clock, *l.rule))
		}
		l.def, l.err = procedure.Reference(l.proc.name, opts...)
	})
	return l.def, l.err
}

// Option configures a catalogue built by [New], [Parse] or [Load]. The
// set of options is closed.
type Option interface{ apply(*config) }

type config struct {
	cal   *deadline.Calendar
	popts []procedure.Option
}

type optionFunc func(*config)

func (f optionFunc) apply(c *config) { f(c) }

// WithCalendar counts the catalogue's time limits on cal: the clocks of
// the cases it starts, and the working days a deferred material may
// follow in. The default is [deadline.ChinaMainland]. A nil calendar
// keeps the default.
func WithCalendar(cal *deadline.Calendar) Option {
	return optionFunc(func(c *config) {
		if cal != nil {
			c.cal = cal
		}
	})
}

// WithProcedureOptions passes options to every procedure definition the
// catalogue compiles, e.g. [procedure.WithOfficeHours] or
// [procedure.WithPolicy]. The catalogue sets the calendar and each
// item's limit itself, after these options. [New] compiles each
// procedure once with the options to check them.
func WithProcedureOptions(opts ...procedure.Option) Option {
	return optionFunc(func(c *config) { c.popts = append(c.popts, opts...) })
}

// New validates spec and builds the catalogue. The error joins one
// [*Error] per problem, each wrapping [ErrInvalidCatalogue] with its
// location: a missing name, unit, kind, basis or channel; an unknown
// procedure or clock; an invalid, incomparable or too long limit; bad
// materials or fees; an item in force before the law it cites took
// effect; two versions of a code in force on the same day; a green
// channel naming an unknown item or promising longer than the item.
// Nothing is built unless the whole spec is valid.
func New(spec Spec, opts ...Option) (*Catalogue, error) {
	p := problems{op: "New"}
	c := build(&p, spec, opts)
	if !p.ok() {
		return nil, p.err()
	}
	return c, nil
}

// build validates spec and, if it is valid, builds the catalogue; on
// problems the result must not be used.
func build(p *problems, spec Spec, opts []Option) *Catalogue {
	cfg := config{}
	for _, o := range opts {
		if o != nil {
			o.apply(&cfg)
		}
	}
	if cfg.cal == nil {
		cfg.cal = deadline.ChinaMainland()
	}
	c := &Catalogue{spec: spec.clone(), cal: cfg.cal, cov: coverage.New(cfg.cal), popts: slices.Clone(cfg.popts)}
	validate(p, c)
	if !p.ok() {
		return nil
	}
	c.compileShared(p)
	return c
}

// MarshalJSON writes the catalogue in the format [Parse] reads: the spec
// with its JSON tags, amounts as strings, dates as YYYY-MM-DD.
func (c *Catalogue) MarshalJSON() ([]byte, error) {
	s := c.spec
	if s.Items == nil {
		s.Items = []Item{}
	}
	return json.Marshal(s)
}

// Spec returns a copy of the catalogue's data.
func (c *Catalogue) Spec() Spec { return c.spec.clone() }

// Items returns copies of every item, every version, in the catalogue's
// order.
func (c *Catalogue) Items() []Item { return c.spec.clone().Items }

// Item returns the latest version of the item with code: the one with
// the latest From. It reports false when the catalogue has no such code.
func (c *Catalogue) Item(code string) (Item, bool) {
	idx := c.codes[code]
	if len(idx) == 0 {
		return Item{}, false
	}
	return c.spec.Items[idx[len(idx)-1]].clone(), true
}

// InForce returns the version of the item with code that is in force on
// day on. The error wraps [ErrNotInCatalogue] when no item has the code
// (目录之外无权力), and [ErrNotInForce] when none of its versions is in
// force that day.
func (c *Catalogue) InForce(code string, on date.Date) (Item, error) {
	i, err := c.find("InForce", code, on)
	if err != nil {
		return Item{}, err
	}
	return c.spec.Items[i].clone(), nil
}

// Limits returns the statutory and promised limits of the item with code
// in force on day on, as [Catalogue.InForce] finds it.
func (c *Catalogue) Limits(code string, on date.Date) (Limits, error) {
	i, err := c.find("Limits", code, on)
	if err != nil {
		return Limits{}, err
	}
	return c.entries[i].limits, nil
}

// StatutoryRule returns the statutory limit of the item with code in
// force on day on as a rule of its clock, with the clock's name: the
// clock's own rule, or, where the item states its own statutory limit
// (建筑法 Art 8 ¶2: seven days for a construction permit), that rule with
// the item's period and provision first. It is what a case of the item
// is judged against as the statute — a promised limit shorter than it is
// judged as a promise — and what package accountability's
// Record.Statutory takes.
func (c *Catalogue) StatutoryRule(code string, on date.Date) (clock string, r deadline.Rule, err error) {
	i, err := c.find("StatutoryRule", code, on)
	if err != nil {
		return "", deadline.Rule{}, err
	}
	e, it := &c.entries[i], c.spec.Items[i]
	base := e.proc.rules[it.Clock]
	if it.Statutory.IsZero() {
		base.Exclusions = slices.Clone(base.Exclusions)
		base.Restarts = slices.Clone(base.Restarts)
		base.Citations = slices.Clone(base.Citations)
		return it.Clock, base, nil
	}
	return it.Clock, runRule(base, it.Statutory, "statutory", e.statCites, e.ext), nil
}

// Calendar returns the calendar the catalogue counts on: the one given
// with [WithCalendar], or the mainland China calendar.
func (c *Catalogue) Calendar() *deadline.Calendar { return c.cal }

// GreenChannel returns the green channel with the ID, and reports
// whether there is one.
func (c *Catalogue) GreenChannel(id string) (GreenChannel, bool) {
	i, ok := c.green[id]
	if !ok {
		return GreenChannel{}, false
	}
	return c.spec.GreenChannels[i].clone(), true
}

// find returns the index of the version of code in force on day on.
func (c *Catalogue) find(op, code string, on date.Date) (int, error) {
	idx := c.codes[code]
	if len(idx) == 0 {
		return 0, &Error{Op: op, Item: code, Err: ErrNotInCatalogue,
			Detail: fmt.Sprintf("%q is not an item of %s (目录之外无权力)", code, c.spec.Name)}
	}
	for _, i := range idx {
		if c.spec.Items[i].InForce(on) {
			return i, nil
		}
	}
	var spans []string
	for _, i := range idx {
		it := c.spec.Items[i]
		s := "from " + it.From.String()
		if it.To != 0 {
			s += " to " + it.To.String()
		}
		spans = append(spans, s)
	}
	return 0, &Error{Op: op, Item: code, Err: ErrNotInForce,
		Detail: fmt.Sprintf("not in force on %s; in force %s", on, strings.Join(spans, ", "))}
}

// compileShared gives every item and green designation its definition,
// one per distinct procedure, clock and rule, and compiles the bare
// reference definitions at once when procedure options must be checked.
func (c *Catalogue) compileShared(p *problems) {
	defs := map[string]*lazyDef{}
	shared := func(proc *procInfo, clock string, rule *deadline.Rule) *lazyDef {
		// Without a rule of its own, a procedure compiles the same
		// whatever the clock.
		key := proc.name
		if rule != nil {
			b, _ := json.Marshal(rule)
			key += "\x00" + clock + "\x00" + string(b)
		}
		if d, ok := defs[key]; ok {
			return d
		}
		d := &lazyDef{proc: proc, clock: clock, rule: rule}
		defs[key] = d
		return d
	}
	for i := range c.entries {
		e := &c.entries[i]
		it := c.spec.Items[i]
		base := e.proc.rules[it.Clock]
		switch {
		case !it.Promised.IsZero():
			r := runRule(base, it.Promised, "promised", e.statCites, e.ext)
			e.run = shared(e.proc, it.Clock, &r)
		case !it.Statutory.IsZero():
			r := runRule(base, it.Statutory, "statutory", e.statCites, e.ext)
			e.run = shared(e.proc, it.Clock, &r)
		default:
			e.run = shared(e.proc, it.Clock, nil)
		}
	}
	for _, g := range c.spec.GreenChannels {
		for _, d := range g.Items {
			for _, i := range c.codes[d.Code] {
				e := &c.entries[i]
				r := runRule(e.proc.rules[c.spec.Items[i].Clock], d.Limit, "green", e.statCites, e.ext)
				if e.green == nil {
					e.green = map[string]*lazyDef{}
				}
				e.green[g.ID] = shared(e.proc, c.spec.Items[i].Clock, &r)
			}
		}
	}
	if len(c.popts) == 0 {
		return
	}
	// Procedure options can be wrong (a nil guard, an invalid policy):
	// compile each procedure once now, so that Start never fails on them.
	procs := map[string]bool{}
	for _, e := range c.entries {
		if procs[e.proc.name] {
			continue
		}
		procs[e.proc.name] = true
		d := shared(e.proc, "", nil)
		if _, err := d.get(c.cal, c.popts); err != nil {
			p.add("", "", "procedure %s does not compile with the options given: %v", e.proc.name, err)
		}
	}
}
