package catalogue

import (
	"encoding/json"
	"sync"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// Triggers of the licensing intake (行政许可法 Art 32) that an intake
// result converts to. The reference definitions "licensing" and
// "joint-licensing" have all three, from the state "received".
const (
	triggerAccept     procedure.Trigger = "accept"
	triggerSupplement procedure.Trigger = "request_supplement"
	triggerRefuse     procedure.Trigger = "refuse_acceptance"
	triggerOnTheSpot  procedure.Trigger = "decide_on_spot"
	triggerCorrection procedure.Trigger = "request_correction"
	stateReceived     procedure.State   = "received"
)

// procInfo is what the catalogue needs of a reference procedure, read
// once from its spec: the clocks and their rules, the clocks an item's
// limits may apply to, the intake steps and their provisions, and the
// states for a service guide without steps of its own.
//
// A procInfo is never modified after it is built.
type procInfo struct {
	name     string
	title    string // the procedure's Chinese name: 行政许可
	spec     procedure.Spec
	rules    map[string]deadline.Rule
	limits   map[string]bool // clocks an agency must meet, with a period of their own
	triggers map[procedure.Trigger]bool
	intake   map[procedure.Trigger]xiaoneng.Citation
	states   []string // Chinese names of the states that are not terminal
}

// references reads the reference procedures once, on first use. The
// result is never modified: every catalogue shares it.
var references = sync.OnceValue(func() map[string]*procInfo {
	out := map[string]*procInfo{}
	for _, name := range procedure.ReferenceNames() {
		data, err := procedure.ReferenceJSON(name)
		if err != nil {
			continue
		}
		var spec procedure.Spec
		if json.Unmarshal(data, &spec) != nil {
			// The reference files are checked by the procedure package's
			// tests; a file that does not read is left out, and items
			// naming it are refused as naming an unknown procedure.
			continue
		}
		out[name] = newProcInfo(name, spec)
	}
	return out
})

// reference returns the reference procedure with the name.
func reference(name string) (*procInfo, bool) {
	p, ok := references()[name]
	return p, ok
}

func newProcInfo(name string, spec procedure.Spec) *procInfo {
	p := &procInfo{
		name: name, title: spec.Name, spec: spec,
		rules: map[string]deadline.Rule{}, limits: map[string]bool{},
		triggers: map[procedure.Trigger]bool{}, intake: map[procedure.Trigger]xiaoneng.Citation{},
	}
	until := map[string]bool{}
	for _, t := range spec.Transitions {
		for _, e := range t.Effects {
			if e.Op == procedure.OpStart && e.Until != "" {
				until[e.Clock] = true
			}
		}
	}
	for _, c := range spec.Clocks {
		var r deadline.Rule
		switch {
		case c.Rule != nil:
			r = *c.Rule
		case c.RuleID != "":
			var err error
			if r, err = deadline.LookupRule(c.RuleID); err != nil {
				continue
			}
		default:
			continue
		}
		p.rules[c.Name] = r
		p.limits[c.Name] = c.Role == procedure.RoleLimit && !until[c.Name]
	}
	for _, t := range spec.Triggers {
		p.triggers[t.ID] = true
	}
	for _, trig := range []procedure.Trigger{triggerAccept, triggerSupplement, triggerRefuse, triggerCorrection} {
		for _, t := range spec.Transitions {
			if t.Trigger != trig {
				continue
			}
			if _, seen := p.intake[trig]; !seen || t.From == stateReceived {
				p.intake[trig] = t.Citation
			}
			if t.From == stateReceived {
				break
			}
		}
	}
	if _, ok := p.intake[triggerSupplement]; !ok {
		// An information request's one-time notice is a correction
		// (政府信息公开条例 Art 30).
		if c, ok := p.intake[triggerCorrection]; ok {
			p.intake[triggerSupplement] = c
		}
	}
	for _, s := range spec.States {
		if !s.Terminal {
			p.states = append(p.states, s.Name)
		}
	}
	return p
}

// hasIntake reports whether the procedure has the three intake steps a
// [Result] converts to.
func (p *procInfo) hasIntake() bool {
	return p.triggers[triggerAccept] && p.triggers[triggerSupplement] && p.triggers[triggerRefuse]
}

// limitClocks lists the clocks an item's limits may apply to, for
// messages.
func (p *procInfo) limitClocks() []string {
	var out []string
	for _, c := range p.spec.Clocks {
		if p.limits[c.Name] {
			out = append(out, c.Name)
		}
	}
	return out
}
