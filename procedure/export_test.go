package procedure

import (
	"context"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/deadline"
)

// Hooks for the tests of procedure_test that check the fast paths of
// firing against plain oracles (fast_test.go).

// ParseCause is parseCause.
func ParseCause(s string) (deadline.Cause, bool) { return parseCause(s) }

// ParseDate is parseDate.
func ParseDate(s string) (date.Date, bool) { return parseDate(s) }

// Ended is d.ended.
func (d *Definition) Ended(due date.Date, at time.Time) bool { return d.ended(due, at) }

// GuardsOf evaluates the compiled guards of transition i, as firing
// does, on case c and event e, with one firing for all the calls of a
// test: it returns whether they all hold and the descriptions of those
// that do not.
type GuardsOf struct {
	f firing
}

// NewGuardsOf returns the firing of event e on case c of definition d.
func NewGuardsOf(d *Definition, c *Case, e Event) *GuardsOf {
	g := &GuardsOf{f: firing{Context: context.Background(), d: d, c: c, ev: e, fired: -1}}
	g.f.e = &g.f.ev
	if si := d.states[c.State]; si != nil {
		g.f.stateIdx = si.i
	}
	return g
}

// Hold evaluates the guards of transition i.
func (g *GuardsOf) Hold(i int) (bool, []string) {
	g.f.unmet = g.f.unmet[:0]
	ok := g.f.d.guardsHold(&g.f.d.trans[i], &g.f)
	var unmet []string
	for _, u := range g.f.unmet {
		unmet = append(unmet, u.unmet)
	}
	return ok, unmet
}

// TermCache is a termCache.
type TermCache struct{ tc termCache }

// Term is tc.term.
func (c *TermCache) Term(t deadline.Template, days int) (deadline.Template, error) {
	return c.tc.term(t, days)
}
