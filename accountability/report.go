package accountability

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/rickb777/date/v2"
)

// Report gathers an evaluation: the findings, the sanctions they lead
// to, the unit ranking, and summaries per officer, per unit and per rule.
// It marshals to JSON with its field tags, and [Report.Text] renders it
// for people in Chinese and English.
type Report struct {
	AsOf      date.Date        `json:"as_of"`
	Findings  []Finding        `json:"findings"`
	Sanctions []Sanction       `json:"sanctions"`
	Ranking   *Ranking         `json:"ranking,omitempty"`
	Officers  []OfficerSummary `json:"officers"`
	Units     []UnitSummary    `json:"units"`
	Rules     []RuleSummary    `json:"rules"`
}

// Counts counts findings by severity.
type Counts struct {
	Warning     int `json:"warning,omitzero"`
	Minor       int `json:"minor,omitzero"`
	MoreSerious int `json:"more_serious,omitzero"`
	Serious     int `json:"serious,omitzero"`
	Exempt      int `json:"exempt,omitzero"`
}

func (c *Counts) add(f Finding) {
	switch {
	case f.Exempt != nil:
		c.Exempt++
	case f.Severity == Warning:
		c.Warning++
	case f.Severity == Minor:
		c.Minor++
	case f.Severity == MoreSerious:
		c.MoreSerious++
	case f.Severity == Serious:
		c.Serious++
	}
}

// Breaches returns the sanctionable findings counted.
func (c Counts) Breaches() int { return c.Minor + c.MoreSerious + c.Serious }

// OfficerSummary is one officer's line of a report: the findings, and the
// heaviest measure incurred.
type OfficerSummary struct {
	Officer string `json:"officer"`
	// Unit is the unit of the officer's latest finding, so that an
	// officer who moved is shown where they are now; of two units on
	// that day, the first in sort order.
	Unit     string  `json:"unit"`
	Counts   Counts  `json:"counts"`
	Heaviest Measure `json:"heaviest,omitzero"`
}

// UnitSummary is one unit's line of a report.
type UnitSummary struct {
	Unit     string `json:"unit"`
	Counts   Counts `json:"counts"`
	Overdue  int    `json:"overdue"` // counting days of overruns found
	Officers int    `json:"officers"`
}

// RuleSummary is one rule's line of a report.
type RuleSummary struct {
	Rule   RuleID `json:"rule"`
	Name   string `json:"name"`
	Counts Counts `json:"counts"`
}

// NewReport builds a report from an evaluation. The sanctions come from
// ladder, the ranking from rank; either may be nil. Summaries are sorted
// by officer, unit and rule.
func NewReport(asOf date.Date, findings []Finding, ladder *Ladder, rank *Ranking) Report {
	r := Report{AsOf: asOf, Findings: findings, Ranking: rank, Sanctions: ladder.Sanctions(findings)}
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	if r.Sanctions == nil {
		r.Sanctions = []Sanction{}
	}
	officers := map[string]*OfficerSummary{}
	unitDay := map[string]date.Date{} // the day of the finding each officer's unit comes from
	units := map[string]*UnitSummary{}
	rules := map[RuleID]*RuleSummary{}
	unitOfficers := map[string]map[string]bool{}
	for _, f := range findings {
		if f.Officer != "" {
			o := officers[f.Officer]
			if o == nil {
				o = &OfficerSummary{Officer: f.Officer, Unit: f.Unit}
				officers[f.Officer], unitDay[f.Officer] = o, f.Day
			} else if day := unitDay[f.Officer]; f.Day > day || (f.Day == day && f.Unit < o.Unit) {
				o.Unit, unitDay[f.Officer] = f.Unit, f.Day
			}
			o.Counts.add(f)
		}
		u := units[f.Unit]
		if u == nil {
			u = &UnitSummary{Unit: f.Unit}
			units[f.Unit] = u
			unitOfficers[f.Unit] = map[string]bool{}
		}
		u.Counts.add(f)
		if f.Rule != RuleYellowLight && f.Rule != RuleRedLight && f.Rule != RulePromise {
			u.Overdue += f.Overdue
		}
		if f.Officer != "" {
			unitOfficers[f.Unit][f.Officer] = true
		}
		ru := rules[f.Rule]
		if ru == nil {
			info, _ := LookupRule(f.Rule)
			ru = &RuleSummary{Rule: f.Rule, Name: info.Name}
			rules[f.Rule] = ru
		}
		ru.Counts.add(f)
	}
	order := map[string]int{}
	if ladder != nil {
		for i, m := range ladder.spec.Measures {
			order[m.ID] = i + 1
		}
	}
	for _, s := range r.Sanctions {
		if o := officers[s.Officer]; o != nil && order[s.Measure.ID] > order[o.Heaviest.ID] {
			o.Heaviest = s.Measure
		}
	}
	for _, o := range officers {
		r.Officers = append(r.Officers, *o)
	}
	for name, u := range units {
		u.Officers = len(unitOfficers[name])
		r.Units = append(r.Units, *u)
	}
	for _, ru := range rules {
		r.Rules = append(r.Rules, *ru)
	}
	slices.SortFunc(r.Officers, func(a, b OfficerSummary) int { return strings.Compare(a.Officer, b.Officer) })
	slices.SortFunc(r.Units, func(a, b UnitSummary) int { return strings.Compare(a.Unit, b.Unit) })
	slices.SortFunc(r.Rules, func(a, b RuleSummary) int { return cmp.Compare(a.Rule, b.Rule) })
	if r.Officers == nil {
		r.Officers = []OfficerSummary{}
	}
	if r.Units == nil {
		r.Units = []UnitSummary{}
	}
	if r.Rules == nil {
		r.Rules = []RuleSummary{}
	}
	return r
}

// Text renders the report for people: the totals per rule, unit and
// officer, the ranking, then every finding with its citation and the
// measure it led to.
func (r Report) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "效能监察报告 Efficiency supervision report — %s\n", r.AsOf)
	counts := func(c Counts) string {
		return fmt.Sprintf("轻微 %d · 较重 %d · 严重 %d · 预警 %d · 免责 %d", c.Minor, c.MoreSerious, c.Serious, c.Warning, c.Exempt)
	}
	none := func(n int) {
		if n == 0 {
			b.WriteString("  无 none\n")
		}
	}
	b.WriteString("\n按规则 By rule\n")
	none(len(r.Rules))
	for _, ru := range r.Rules {
		fmt.Fprintf(&b, "  %-18s %s %s\n", ru.Rule, pad(ru.Name, 20), counts(ru.Counts))
	}
	b.WriteString("\n按单位 By unit\n")
	none(len(r.Units))
	for _, u := range r.Units {
		fmt.Fprintf(&b, "  %s %s · 超期 %d 日 overdue days · 责任人 %d officer(s)\n", pad(u.Unit, 14), counts(u.Counts), u.Overdue, u.Officers)
	}
	b.WriteString("\n按人员 By officer\n")
	none(len(r.Officers))
	for _, o := range r.Officers {
		heaviest := "—"
		if o.Heaviest.ID != "" {
			heaviest = o.Heaviest.Name + " / " + o.Heaviest.NameEN
		}
		fmt.Fprintf(&b, "  %s %s %s · 最重措施 heaviest measure: %s\n", pad(o.Officer, 8), pad(o.Unit, 14), counts(o.Counts), heaviest)
	}
	if r.Ranking != nil {
		b.WriteString("\n单位排名 Ranking\n")
		for _, row := range r.Ranking.Rows {
			var flags []string
			if row.Vetoed {
				flags = append(flags, "一票否决 vetoed")
			}
			if row.Bottom {
				flags = append(flags, "末位 bottom")
			}
			if row.Flagged {
				flags = append(flags, fmt.Sprintf("连续 %d 次末位 last %d times running", row.LastPlace, row.LastPlace))
			}
			fmt.Fprintf(&b, "  %2d. %s %s (%s − %s)", row.Rank, pad(row.Unit, 14), row.Score, row.Weighted, row.Deducted)
			if len(flags) > 0 {
				b.WriteString(" " + strings.Join(flags, "; "))
			}
			b.WriteByte('\n')
		}
		for _, o := range r.Ranking.Outside {
			fmt.Fprintf(&b, "  未排名 not ranked: %s, %d 项 findings\n", o.Unit, o.Findings)
		}
	}
	measure := map[int]Sanction{}
	for _, s := range r.Sanctions {
		measure[s.Finding] = s
	}
	b.WriteString("\n问题清单 Findings\n")
	none(len(r.Findings))
	for i, f := range r.Findings {
		subject := f.Case
		if f.Inquiry != "" {
			subject = "inquiry " + f.Inquiry
		}
		holder := f.Unit
		if f.Officer != "" {
			holder += "/" + f.Officer
		}
		fmt.Fprintf(&b, "  [%s] %s %s %s %s: %s\n", f.Severity.Chinese(), f.Day, f.Rule, subject, holder, f.Message)
		fmt.Fprintf(&b, "      %s — %s\n", f.Citation, f.MessageEN)
		if f.Exempt != nil {
			fmt.Fprintf(&b, "      免责 exempt: %s (%s)\n", f.Exempt.Ground.Chinese(), f.Exempt.Reason)
		} else if s, ok := measure[i]; ok {
			fmt.Fprintf(&b, "      措施 measure: %s / %s\n", s.Measure.Name, s.Measure.NameEN)
		}
	}
	return b.String()
}

// pad pads s with spaces to w columns of a terminal, where Chinese
// characters take two.
func pad(s string, w int) string {
	n := 0
	for _, r := range s {
		if r >= 0x1100 && (r <= 0x115F || r >= 0x2E80) && !(r >= 0xD7A4 && r <= 0xF8FF) {
			n += 2
		} else {
			n++
		}
	}
	if n >= w {
		return s
	}
	return s + strings.Repeat(" ", w-n)
}
