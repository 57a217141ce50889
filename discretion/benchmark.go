package discretion

import (
	"slices"

	xn "github.com/xiaoneng/xiaoneng"

	"github.com/shopspring/decimal"
)

// Document is a whole discretion benchmark (行政处罚裁量基准) as an agency
// publishes it under 行政处罚法 Art 34: its policy, its schemes, its own
// factors and one [StandardSpec] per violation. It is plain data; JSON
// documents are read by [Parse] and written by [Document.MarshalJSON].
type Document struct {
	// Name is the benchmark's title. When set, reasons cite it as the
	// source of its bands.
	Name string
	// Issuer is the agency that issued it.
	Issuer string
	// Source is where it was published: an address or a document number.
	Source string
	// Illustrative marks sample data that is not a real benchmark.
	Illustrative bool
	// Note is free text.
	Note string
	// Scheme is the default scheme for standards that name none.
	Scheme string
	// Policy holds the agency-wide thresholds and the conflict rule.
	Policy Policy
	// Schemes are the document's own schemes, beside the presets.
	Schemes []Scheme
	// Factors are the agency's own factors, beside the statutory ones.
	Factors []Factor
	// Standards are the rows of the benchmark.
	Standards []StandardSpec
}

func (d Document) clone() Document {
	d.Policy = d.Policy.clone()
	d.Schemes = slices.Clone(d.Schemes)
	for i := range d.Schemes {
		d.Schemes[i] = d.Schemes[i].clone()
	}
	d.Factors = slices.Clone(d.Factors)
	d.Standards = slices.Clone(d.Standards)
	for i := range d.Standards {
		d.Standards[i] = d.Standards[i].clone()
	}
	return d
}

func (s Scheme) clone() Scheme {
	s.Bands = slices.Clone(s.Bands)
	return s
}

// PartyAmounts is a threshold in yuan per party type, with the rule that
// sets it. A zero amount means the threshold is not set for that party.
// Thresholds are inclusive: a fine at the threshold meets it. 以上
// includes the figure itself, as 民法典 Art 1259 reads the word for the
// Civil Code; the library applies the same reading to benchmarks.
type PartyAmounts struct {
	Citizen      decimal.Decimal // for a citizen (公民)
	Organisation decimal.Decimal // for a legal person or other organisation
	Basis        xn.Citation     // the rule that sets the amounts
}

func (a PartyAmounts) of(p PartyType) decimal.Decimal {
	switch p {
	case PartyCitizen:
		return a.Citizen
	case PartyOrganisation:
		return a.Organisation
	}
	return decimal.Decimal{}
}

// Policy is the agency-wide part of a benchmark: the figures the Penalty
// Law leaves to provinces and agencies, and the rule for conflicting
// factors. All of it is data; none of the figures is national law.
type Policy struct {
	// Conflict is the rule for conflicting factors.
	Conflict ConflictRule
	// Hearing is the 较大数额 of a fine from which the party must be told
	// of the right to a hearing (行政处罚法 Art 63 ¶1(1)). Provinces and
	// ministries set it; one regional figure often quoted is 1,000 yuan
	// for citizens and 5,000 for organisations (unverified).
	Hearing PartyAmounts
	// ConfiscationHearing is the 较大数额 of confiscated gains or the
	// 较大价值 of confiscated property from which a hearing notice is
	// required (Art 63 ¶1(2)).
	ConfiscationHearing PartyAmounts
	// HearingKinds are kinds the agency treats as 其他较重的行政处罚 or that
	// another rule subjects to a hearing (Art 63 ¶1(5), (6)), beside
	// those the Law lists: lowering a qualification, revoking a licence,
	// suspending business, closure and restriction from an occupation.
	HearingKinds []PenaltyKind
	// LegalReview is the fine from which the agency's own rules require
	// legal review (法制审核). Its triggers cite 行政处罚法 Art 58 ¶1, then
	// Basis: the threshold is the agency's own measure of a 重大 case, and
	// item (4) covers only what 法律、法规 require.
	LegalReview PartyAmounts
	// LegalReviewKinds are kinds that require legal review, cited as
	// LegalReview is.
	LegalReviewKinds []PenaltyKind
	// Collective is the fine from which collective discussion by the
	// agency heads is required (集体讨论, Art 57 ¶2, "重大违法行为").
	Collective PartyAmounts
	// CollectiveKinds are kinds that require collective discussion.
	CollectiveKinds []PenaltyKind
}

func (p Policy) clone() Policy {
	p.HearingKinds = slices.Clone(p.HearingKinds)
	p.LegalReviewKinds = slices.Clone(p.LegalReviewKinds)
	p.CollectiveKinds = slices.Clone(p.CollectiveKinds)
	return p
}

// Benchmark is a validated, compiled benchmark document: its standards
// by violation code, its factors and its policy. It is immutable and
// safe for concurrent use. Get one from [NewBenchmark], [Parse] or
// [Load]; nil is not usable, and its methods return zero values.
type Benchmark struct {
	doc       Document
	cite      xn.Citation // the document, when it has a name
	factors   []Factor    // statutory, then the document's
	factorIx  map[FactorID]int
	standards []*Standard
	byCode    map[string]*Standard
	// kinds that trigger procedures, the Law's and the policy's
	hearingKinds, reviewKinds, collectiveKinds KindSet
}

// NewBenchmark validates doc and compiles it. It reports every problem
// it finds, each as an [*Error] with its location, joined with
// [errors.Join]; the problems wrap [ErrInvalidStandard],
// [ErrUnknownFactor] or [ErrUnknownPenaltyKind]. On error it returns
// nil: nothing is half-loaded. The document is copied; changing it
// afterwards changes nothing in the benchmark.
func NewBenchmark(doc Document) (*Benchmark, error) {
	p := &problems{op: "new"}
	b := build(doc.clone(), p)
	if err := p.err(); err != nil {
		return nil, err
	}
	return b, nil
}

// Name returns the document's name, or "" for a nil benchmark.
func (b *Benchmark) Name() string {
	if b == nil {
		return ""
	}
	return b.doc.Name
}

// Document returns a copy of the document the benchmark was built from.
func (b *Benchmark) Document() Document {
	if b == nil {
		return Document{}
	}
	return b.doc.clone()
}

// Standard returns the standard with the violation code, and reports
// whether there is one.
func (b *Benchmark) Standard(code string) (*Standard, bool) {
	if b == nil {
		return nil, false
	}
	s, ok := b.byCode[code]
	return s, ok
}

// Standards returns the standards in document order. The slice is a
// copy; the standards are shared and immutable.
func (b *Benchmark) Standards() []*Standard {
	if b == nil {
		return nil
	}
	return slices.Clone(b.standards)
}

// Factors returns every factor the benchmark knows: the statutory ones,
// then the document's own. The slice is a copy.
func (b *Benchmark) Factors() []Factor {
	if b == nil {
		return nil
	}
	return slices.Clone(b.factors)
}

// factor returns the factor with the ID, or nil.
func (b *Benchmark) factor(id FactorID) *Factor {
	if i, ok := b.factorIx[id]; ok {
		return &b.factors[i]
	}
	return nil
}
