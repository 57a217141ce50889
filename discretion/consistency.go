package discretion

import (
	"cmp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// PastDecision is a decided case, as input to [Benchmark.Consistency].
type PastDecision struct {
	// ID identifies the case, e.g. its decision number (决定书文号).
	ID string
	// Standard is the violation code the case was decided under.
	Standard string
	// Facts are the facts the case was decided on.
	Facts Facts
	// Decision is what was decided.
	Decision Decision
}

// Case is one past decision in a [Group], with the bands its outcome
// lies in (see [Standard.Classify]).
type Case struct {
	ID    string          // the PastDecision's ID
	Fine  decimal.Decimal // the fine imposed, zero for none
	Kinds KindSet         // the penalty kinds imposed
	Bands BandSet         // the bands the outcome lies in
}

// Group is a set of past decisions with the same standard and the same
// facts, whose outcomes lie in different bands: like cases not treated
// alike (同案不同罚).
type Group struct {
	// Standard is the violation code.
	Standard string
	// Party is the party type the cases share.
	Party PartyType
	// Factors are the factors the cases share, sorted; declined factors
	// count as established, so two like cases where only one had a
	// permissive factor declined are reported.
	Factors []FactorID
	// Cases are the group's decisions, in input order.
	Cases []Case
}

// Report is the result of [Benchmark.Consistency].
type Report struct {
	// Checked is the number of past decisions examined.
	Checked int
	// Groups are the inconsistent groups, ordered by violation code,
	// party and factors.
	Groups []Group
}

// Consistency reports, among past decisions, those with the same
// standard and the same facts whose outcomes lie in different bands
// (同案同罚 review). The same facts are the same party type and the same
// set of established factors, however many times each is listed; the
// bases of a multiple may differ, since bands are measured per case.
// Outcomes differ when their band sets differ: no penalty, a fine in a
// band, a penalty without a fine (no band), a fine outside every band.
//
// It returns an error when a decision names an unknown standard
// ([ErrUnknownStandard]) or has unusable facts or decision, reporting
// every such decision, and no report.
func (b *Benchmark) Consistency(past []PastDecision) (Report, error) {
	if b == nil {
		return Report{}, inputErr("consistency", "", "", "nil benchmark")
	}
	type key struct {
		std     string
		party   PartyType
		factors string
	}
	type entry struct {
		key     key
		factors []FactorID
		cases   []Case
		bands   map[BandSet]bool
	}
	p := &problems{op: "consistency"}
	groups := map[key]*entry{}
	var order []*entry
	for i := range past {
		pd := &past[i]
		path := at("past", i)
		s, ok := b.byCode[pd.Standard]
		if !ok {
			p.add(path+".standard", pd.Standard, problemf(ErrUnknownStandard, "%q", pd.Standard))
			continue
		}
		bands, err := s.Classify(pd.Facts, pd.Decision)
		if err != nil {
			p.add(path, pd.Standard, err)
			continue
		}
		fs := slices.Clone(pd.Facts.Factors)
		slices.Sort(fs)
		fs = slices.Compact(fs)
		var sb strings.Builder
		for _, f := range fs {
			sb.WriteString(string(f))
			sb.WriteByte(0)
		}
		k := key{pd.Standard, pd.Facts.Party, sb.String()}
		e := groups[k]
		if e == nil {
			e = &entry{key: k, factors: fs, bands: map[BandSet]bool{}}
			groups[k] = e
			order = append(order, e)
		}
		e.cases = append(e.cases, Case{ID: pd.ID, Fine: pd.Decision.Fine, Kinds: pd.Decision.Kinds, Bands: bands})
		e.bands[bands] = true
	}
	if err := p.err(); err != nil {
		return Report{}, err
	}
	r := Report{Checked: len(past)}
	for _, e := range order {
		if len(e.bands) > 1 {
			r.Groups = append(r.Groups, Group{Standard: e.key.std, Party: e.key.party, Factors: e.factors, Cases: e.cases})
		}
	}
	slices.SortStableFunc(r.Groups, func(a, b Group) int {
		return cmp.Or(cmp.Compare(a.Standard, b.Standard), cmp.Compare(a.Party, b.Party),
			slices.Compare(a.Factors, b.Factors))
	})
	return r, nil
}
