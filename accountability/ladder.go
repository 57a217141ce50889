package accountability

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/text"
)

// LadderSpec is a sanction ladder as data: the measures of a local rule,
// lightest first; the measure each severity of finding leads to; and the
// escalations by repeat counts in a rolling window. [NewLadder] validates
// it.
type LadderSpec struct {
	ID       string            `json:"id"`
	Name     string            `json:"name"`
	NameEN   string            `json:"name_en"`
	Citation xiaoneng.Citation `json:"citation"`
	// Measures are the measures (追究方式), lightest first.
	Measures []Measure `json:"measures"`
	// Severity maps each severity of breach (Minor, MoreSerious,
	// Serious) to the measure it leads to; heavier severities never lead
	// to lighter measures.
	Severity map[Severity]string `json:"severity"`
	// Escalations raise the measure when breaches repeat.
	Escalations []Escalation `json:"escalations,omitempty"`
}

// Measure is one measure of a ladder.
type Measure struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	NameEN string `json:"name_en"`
}

// Escalation raises an officer's measure when breaches repeat: when, with
// the one at hand, at least Count of the officer's sanctions of measure Of
// or heavier (any sanction, when Of is empty) fall within Within ending on
// its day, the measure is at least Then. The one at hand counts with the
// measure it ends with, after every escalation, so escalations chain
// whatever order they are listed in.
type Escalation struct {
	Count    int               `json:"count"`
	Of       string            `json:"of,omitempty"`
	Within   deadline.Period   `json:"within"`
	Then     string            `json:"then"`
	Citation xiaoneng.Citation `json:"citation,omitzero"`
}

// Ladder is a validated sanction ladder. It is immutable and safe for
// concurrent use.
type Ladder struct {
	spec LadderSpec
	rank map[string]int
}

// NewLadder validates spec: measures named and unique; every severity of
// breach mapped to a known measure, heavier severities to measures no
// lighter (no gaps); escalations with a count of at least two, a window
// in days, months or years, known measures, and a result heavier than what
// they count. The error joins one [*Error] per problem, each wrapping
// [ErrInvalidLadder].
func NewLadder(spec LadderSpec) (*Ladder, error) {
	p := problems{op: "NewLadder", err: ErrInvalidLadder}
	l := &Ladder{rank: map[string]int{}}
	if text.Blank(spec.ID) || text.Blank(spec.Name) {
		p.add("", "the ladder needs an id and a name")
	}
	if len(spec.Measures) == 0 {
		p.add("measures", "the ladder has no measures")
	}
	for i, m := range spec.Measures {
		at := fmt.Sprintf("measures[%d]", i)
		if text.Blank(m.ID) || text.Blank(m.Name) {
			p.add(at, "a measure needs an id and a Chinese name")
			continue
		}
		if _, dup := l.rank[m.ID]; dup {
			p.add(at, "measure %q listed twice", m.ID)
			continue
		}
		l.rank[m.ID] = i + 1
	}
	prev := 0
	for _, s := range []Severity{Minor, MoreSerious, Serious} {
		id, ok := spec.Severity[s]
		at := "severity." + s.String()
		switch r := l.rank[id]; {
		case !ok:
			p.add(at, "no measure for %s breaches: the ladder has a gap", s.English())
		case r == 0:
			p.add(at, "unknown measure %q", id)
		case r < prev:
			p.add(at, "a %s breach leads to a lighter measure than a lighter breach", s.English())
		default:
			prev = r
		}
	}
	for s := range spec.Severity {
		if s < Minor || s > Serious {
			p.add("severity", "only breaches (minor, more serious, serious) lead to measures, not %s", s)
		}
	}
	for i, e := range spec.Escalations {
		at := fmt.Sprintf("escalations[%d]", i)
		if e.Count < 2 {
			p.add(at+".count", "an escalation counts at least two breaches, not %d", e.Count)
		}
		if err := e.Within.Validate(); err != nil || e.Within.N == 0 || e.Within.Unit == deadline.WorkingDays {
			p.add(at+".within", "the window is a positive number of days, months or years, not %v", e.Within)
		}
		if e.Of != "" && l.rank[e.Of] == 0 {
			p.add(at+".of", "unknown measure %q", e.Of)
		}
		if l.rank[e.Then] == 0 {
			p.add(at+".then", "unknown measure %q", e.Then)
		} else if e.Of != "" && l.rank[e.Then] <= l.rank[e.Of] {
			p.add(at+".then", "an escalation must lead to a heavier measure than the ones it counts")
		}
		if !e.Citation.IsZero() {
			if err := e.Citation.Validate(); err != nil {
				p.add(at+".citation", "%v", err)
			}
		}
	}
	if err := p.result(); err != nil {
		return nil, err
	}
	l.spec = spec
	l.spec.Measures = slices.Clone(spec.Measures)
	l.spec.Escalations = slices.Clone(spec.Escalations)
	l.spec.Severity = map[Severity]string{}
	for k, v := range spec.Severity {
		l.spec.Severity[k] = v
	}
	return l, nil
}

// Spec returns a copy of the ladder's data.
func (l *Ladder) Spec() LadderSpec {
	s := l.spec
	s.Measures = slices.Clone(s.Measures)
	s.Escalations = slices.Clone(s.Escalations)
	s.Severity = map[Severity]string{}
	for k, v := range l.spec.Severity {
		s.Severity[k] = v
	}
	return s
}

// Sanction is the measure an officer incurs for one finding.
type Sanction struct {
	Officer string    `json:"officer"`
	Unit    string    `json:"unit"`
	Day     date.Date `json:"day"`
	// Finding is the index of the finding in the slice given to
	// Sanctions, and Rule its rule.
	Finding int     `json:"finding"`
	Rule    RuleID  `json:"rule"`
	Measure Measure `json:"measure"`
	// Escalation is the index of the escalation that raised the measure
	// to the one given (the last to raise it, when one raised measure led
	// to another), or -1.
	Escalation int               `json:"escalation"`
	Citation   xiaoneng.Citation `json:"citation"`
}

// Sanctions turns findings into measures, officer by officer, in the
// order of their days: each sanctionable finding (a breach that no
// exemption covers) leads to the measure of its severity, raised by every
// escalation whose count its repeats reach. Warnings and exempt findings
// lead to nothing. The result is sorted by officer, day and finding, and
// does not depend on the order of findings; adding a finding never lowers
// a measure.
func (l *Ladder) Sanctions(findings []Finding) []Sanction {
	if l == nil {
		return nil
	}
	idx := make([]int, 0, len(findings))
	for i, f := range findings {
		if f.Sanctionable() && f.Officer != "" {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		fa, fb := &findings[a], &findings[b]
		return cmp.Or(strings.Compare(fa.Officer, fb.Officer), cmp.Compare(fa.Day, fb.Day), compareFindings(&findings[a], &findings[b]), cmp.Compare(a, b))
	})
	out := make([]Sanction, 0, len(idx))
	for start := 0; start < len(idx); {
		end := start
		for end < len(idx) && findings[idx[end]].Officer == findings[idx[start]].Officer {
			end++
		}
		out = l.officer(findings, idx[start:end], out)
		start = end
	}
	return out
}

// officer sanctions one officer's findings, in day order. Each
// escalation keeps a window over the officer's sanctions so far: the ones
// whose window reaches the day at hand, and how many of them count (are of
// its measure or heavier). Days only grow, so a window only ever drops
// sanctions from its front, and the whole pass is linear.
func (l *Ladder) officer(findings []Finding, idx []int, out []Sanction) []Sanction {
	type window struct{ lo, n int }
	esc := l.spec.Escalations
	ws := make([]window, len(esc))
	least := make([]int, len(esc))
	for k, e := range esc {
		ws[k].lo, least[k] = len(out), 1
		if e.Of != "" {
			least[k] = l.rank[e.Of]
		}
	}
	for _, i := range idx {
		f := findings[i]
		for k, e := range esc {
			w := &ws[k]
			for ; w.lo < len(out) && windowEnd(out[w.lo].Day, e.Within) < f.Day; w.lo++ {
				if l.rank[out[w.lo].Measure.ID] >= least[k] {
					w.n--
				}
			}
		}
		s := Sanction{Officer: f.Officer, Unit: f.Unit, Day: f.Day, Finding: i, Rule: f.Rule, Escalation: -1, Citation: l.spec.Citation}
		rank := l.rank[l.spec.Severity[f.Severity]]
		// A raised measure may itself be a repeat another escalation
		// counts: the third accountability in a month is a warning, and
		// if it is the second warning in the year it leads on to an
		// admonition talk. So the escalations are applied until none
		// raises the measure further, which makes the result independent
		// of the order they are listed in. Each pass raises the rank or
		// ends the loop, so it runs at most once per measure.
		for raised := true; raised; {
			raised = false
			for k, e := range esc {
				n := ws[k].n
				if rank >= least[k] {
					n++ // the sanction at hand is one of the repeats
				}
				if n >= e.Count && l.rank[e.Then] > rank {
					rank, s.Escalation, raised = l.rank[e.Then], k, true
					// The escalation that set the measure is its
					// basis; one that names no rule of its own rests
					// on the ladder's, not on an earlier escalation's.
					s.Citation = l.spec.Citation
					if !e.Citation.IsZero() {
						s.Citation = e.Citation
					}
				}
			}
		}
		s.Measure = l.spec.Measures[rank-1]
		out = append(out, s)
		for k := range esc {
			if rank >= least[k] {
				ws[k].n++
			}
		}
	}
	return out
}

// windowEnd returns the last day of the window of length p that begins
// after day a: a day a lies in the window of p ending on day b when
// a ≤ b ≤ windowEnd(a, p). Months and years end on the corresponding day,
// the month's last when it has none (民法典 Art 202), and never roll:
// plain arithmetic, so a window needs no calendar and no coverage.
func windowEnd(a date.Date, p deadline.Period) date.Date {
	months := p.N
	switch p.Unit {
	case deadline.Days:
		return a + date.Date(p.N)
	case deadline.Years:
		months *= 12
	case deadline.Months:
	default:
		return a
	}
	y, m, d := a.Date()
	t := int(m) - 1 + months
	y, m = y+t/12, time.Month(t%12+1)
	last := date.New(y, m+1, 1) - 1 // the month's last day
	_, _, lastDay := last.Date()
	return date.New(y, m, min(d, lastDay))
}

// ZhejiangLadder returns the seven measures of 浙江省影响机关工作效能行为
// 责任追究办法 (Art 5), with its severity mapping (Art 6: minor breaches an
// oral warning; more serious ones circular criticism — the lighter of the
// two measures the article allows; serious ones handled under state rules,
// here from suspension pending review), and one escalation from a local
// rule quoted in LEGAL.md Part 4 (three accountabilities within a month
// lead to a written warning). It is data from a provincial measure checked
// on a third-party page ([V-p]): adopt it only where that measure applies.
func ZhejiangLadder() LadderSpec {
	law := xiaoneng.LawID("浙江省影响机关工作效能行为责任追究办法")
	return LadderSpec{
		ID: "zhejiang", Name: "浙江省影响机关工作效能行为责任追究办法", NameEN: "Zhejiang measures on efficiency accountability",
		Citation: xiaoneng.Cite(law, 5),
		Measures: []Measure{
			{"oral-warning", "口头效能告诫", "oral efficiency warning"},
			{"circular", "通报批评", "circular criticism"},
			{"written-warning", "书面效能告诫", "written efficiency warning"},
			{"suspension", "停职检查", "suspension pending review"},
			{"transfer", "调离工作岗位", "transfer from the post"},
			{"removal", "免职", "removal from office"},
			{"dismissal", "辞退", "dismissal"},
		},
		Severity: map[Severity]string{Minor: "oral-warning", MoreSerious: "circular", Serious: "suspension"},
		Escalations: []Escalation{
			// LEGAL.md Part 4, escalation example (d): an agency's internal
			// rule, not the provincial measure; its name is not public.
			{Count: 3, Within: deadline.Period{N: 1, Unit: deadline.Months}, Then: "written-warning",
				Citation: xiaoneng.Citation{Law: "机关效能问责累进规则（机关内部规定示例）"}},
		},
	}
}

// CountyLadder returns a ladder of repeat counts from a county measure
// quoted in LEGAL.md Part 4, example (b): efficiency accountability once
// in a year leads to a written self-criticism and the loss of award
// eligibility, twice to the loss of the annual bonus, three times to
// suspension pending review or organisational handling. Local data
// ([V-p]).
func CountyLadder() LadderSpec {
	return LadderSpec{
		ID: "county", Name: "效能问责累进（县级示例）", NameEN: "county escalation by repeats",
		Citation: xiaoneng.Citation{Law: "县级机关效能问责办法"},
		Measures: []Measure{
			{"self-criticism", "书面检查，取消评先评优资格", "written self-criticism, no award"},
			{"no-bonus", "扣发年度奖金", "loss of the annual bonus"},
			{"suspension", "停职检查或组织处理", "suspension pending review, or organisational handling"},
		},
		Severity: map[Severity]string{Minor: "self-criticism", MoreSerious: "self-criticism", Serious: "self-criticism"},
		Escalations: []Escalation{
			{Count: 2, Within: deadline.Period{N: 1, Unit: deadline.Years}, Then: "no-bonus"},
			{Count: 3, Within: deadline.Period{N: 1, Unit: deadline.Years}, Then: "suspension"},
		},
	}
}
