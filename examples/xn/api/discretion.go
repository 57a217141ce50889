package api

import (
	"encoding/json"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/xiaoneng/xiaoneng/discretion"
)

// Label is an enumerated value: its code, and its names in Chinese and
// English.
type Label struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	NameEN string `json:"name_en"`
}

// labeled is what the discretion package's enumerations offer.
type labeled interface {
	MarshalText() ([]byte, error)
	Chinese() string
	English() string
}

func label(v labeled) Label {
	code, _ := v.MarshalText()
	return Label{Code: string(code), Name: v.Chinese(), NameEN: v.English()}
}

// Facts are the established facts of a case (discretion.Facts), in the
// wire form: enumerations by code (or Chinese label), money as decimal
// strings.
type Facts struct {
	Party    discretion.PartyType  `json:"party" doc:"citizen or organisation"`
	Bases    Bases                 `json:"bases,omitzero"`
	Factors  []discretion.FactorID `json:"factors,omitempty" doc:"circumstances established, statutory (art30-minor …) or the benchmark's own"`
	Declined []discretion.FactorID `json:"declined,omitempty" doc:"permissive factors the agency declines, with reasons on file"`
	// OtherNorms are the codes of other standards of the benchmark the
	// same act violates (行政处罚法 Art 29).
	OtherNorms     []string `json:"other_norms,omitempty"`
	AlreadyFined   bool     `json:"already_fined,omitempty"`
	PublicInterest bool     `json:"public_interest,omitempty"`
	Complex        bool     `json:"complex,omitempty"`
	Serious        bool     `json:"serious,omitempty"`
	HardToCollect  bool     `json:"hard_to_collect,omitempty"`
	RemoteRequest  bool     `json:"remote_request,omitempty"`
}

// Bases are the amounts fines set as multiples are computed from, in yuan.
type Bases struct {
	IllegalGains decimal.Decimal `json:"illegal_gains,omitzero"`
	GoodsValue   decimal.Decimal `json:"goods_value,omitzero"`
	Turnover     decimal.Decimal `json:"turnover,omitzero"`
	Other        decimal.Decimal `json:"other,omitzero"`
}

// IsZero reports whether no base is given.
func (b Bases) IsZero() bool {
	return b.IllegalGains.IsZero() && b.GoodsValue.IsZero() && b.Turnover.IsZero() && b.Other.IsZero()
}

// Decision is a proposed or recorded penalty decision (discretion.Decision).
type Decision struct {
	Kinds       []discretion.PenaltyKind `json:"kinds" doc:"penalty kinds imposed (warning, fine, confiscate_gains …); empty for no penalty"`
	Fine        decimal.Decimal          `json:"fine,omitzero"`
	Confiscated decimal.Decimal          `json:"confiscated,omitzero"`
	Procedures  []discretion.Procedure   `json:"procedures,omitempty" doc:"procedures the record shows: hearing_notice, hearing, legal_review, collective, simplified, collection"`
}

// AssessRequest asks what a standard allows for the facts (xn discretion
// assess).
type AssessRequest struct {
	Benchmark json.RawMessage `json:"benchmark,omitempty" doc:"a benchmark document (discretion.Parse); absent: the service's"`
	Standard  string          `json:"standard" doc:"the violation code"`
	Facts     Facts           `json:"facts"`
}

// CheckRequest asks whether a decision lies inside the standard (xn
// discretion check).
type CheckRequest struct {
	Benchmark json.RawMessage `json:"benchmark,omitempty"`
	Standard  string          `json:"standard"`
	Facts     Facts           `json:"facts"`
	Decision  Decision        `json:"decision"`
}

// Amounts is a range of fines in yuan.
type Amounts struct {
	Min   decimal.Decimal `json:"min"`
	Max   decimal.Decimal `json:"max"`
	Empty bool            `json:"empty,omitempty"`
	Text  string          `json:"text" doc:"e.g. 3700–6999, or — when empty"`
}

func amounts(a discretion.Amounts) Amounts {
	if a.IsEmpty() {
		return Amounts{Min: decimal.Zero, Max: decimal.Zero, Empty: true, Text: a.String()}
	}
	return Amounts{Min: a.Min, Max: a.Max, Text: a.String()}
}

// Choice is one lawful outcome: penalty kinds, the bands they may be used
// in, and the fines allowed.
type Choice struct {
	Kinds []Label  `json:"kinds"`
	Bands []Label  `json:"bands"`
	Fine  *Amounts `json:"fine,omitempty"`
}

// FactorUse is how an assessment used one of the facts' factors.
type FactorUse struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	NameEN     string   `json:"name_en"`
	Effect     Label    `json:"effect"`
	Force      Label    `json:"force"`
	Applied    bool     `json:"applied"`
	Declined   bool     `json:"declined,omitempty"`
	Overridden bool     `json:"overridden,omitempty"`
	Citation   Citation `json:"citation"`
}

// Trigger is a procedure an allowed outcome requires or permits.
type Trigger struct {
	Procedure Label           `json:"procedure"`
	When      string          `json:"when"`
	WhenEN    string          `json:"when_en"`
	Amount    decimal.Decimal `json:"amount,omitzero"`
	Citations []Citation      `json:"citations"`
}

// StandardRef names a standard of a benchmark.
type StandardRef struct {
	Code      string `json:"code"`
	Name      string `json:"name"`
	Benchmark string `json:"benchmark"`
}

// AssessResponse is what the standard allows for the facts.
type AssessResponse struct {
	Standard   StandardRef     `json:"standard"`
	Party      Label           `json:"party"`
	Form       *Label          `json:"form,omitempty" doc:"how the statute sets the fine: amount, multiple or max_only"`
	Base       decimal.Decimal `json:"base,omitzero"`
	Statutory  Amounts         `json:"statutory"`
	Unit       decimal.Decimal `json:"unit"`
	Bands      []Label         `json:"bands" doc:"不予处罚, 减轻, 从轻, 一般 or 从重"`
	Allowed    Amounts         `json:"allowed"`
	Choices    []Choice        `json:"choices"`
	FineBarred []Reason        `json:"fine_barred" doc:"why no fine is open: double_fine, or lower_norm naming the norm whose higher fine governs (行政处罚法 Art 29); empty when one is"`
	Factors    []FactorUse     `json:"factors"`
	Triggers   []Trigger       `json:"triggers"`
	Citations  []Citation      `json:"citations"`
}

// Reason is one reason a decision lies outside a standard.
type Reason struct {
	Code      string     `json:"code"`
	Text      string     `json:"text"`
	TextEN    string     `json:"text_en"`
	Procedure *Label     `json:"procedure,omitempty"`
	Allowed   *Amounts   `json:"allowed,omitempty"`
	Norm      string     `json:"norm,omitempty" doc:"for lower_norm: the code of the norm whose higher fine governs"`
	Citations []Citation `json:"citations"`
}

// reason returns the wire form of a reason.
func reason(r discretion.Reason) Reason {
	rs := Reason{Code: r.Code.String(), Text: r.Code.Chinese(), TextEN: r.Code.English(), Citations: Cites(r.Citations)}
	if r.Procedure != discretion.ProcedureUnknown {
		l := label(r.Procedure)
		rs.Procedure = &l
	}
	if !r.Allowed.IsEmpty() {
		am := amounts(r.Allowed)
		rs.Allowed = &am
	}
	if r.Norm != nil {
		rs.Norm = r.Norm.Code()
	}
	return rs
}

// CheckResponse is the verdict on a decision: ok, or every reason it lies
// outside the standard.
type CheckResponse struct {
	Standard StandardRef `json:"standard"`
	OK       bool        `json:"ok"`
	Bands    []Label     `json:"bands" doc:"the bands the facts allow"`
	Reasons  []Reason    `json:"reasons"`
}

// Assess returns what a standard allows for the facts: the bands, the
// lawful choices with their fines, why no fine is open where Art 29 bars
// one, the factors used with their effect and citation, and the
// procedures the outcomes trigger.
func (s *Service) Assess(req AssessRequest) (AssessResponse, error) {
	s = s.orZero()
	b, st, err := s.standard(req.Benchmark, req.Standard)
	if err != nil {
		return AssessResponse{}, err
	}
	f, err := req.Facts.facts(b)
	if err != nil {
		return AssessResponse{}, err
	}
	a, err := st.Assess(f)
	if err != nil {
		return AssessResponse{}, AsError(err)
	}
	out := AssessResponse{Standard: standardRef(b, st), Party: label(a.Party), Base: a.Base,
		Statutory: amounts(a.Statutory), Unit: a.Unit, Bands: bandLabels(a.Bands), Allowed: amounts(a.Allowed),
		Choices: []Choice{}, FineBarred: []Reason{}, Factors: []FactorUse{}, Triggers: []Trigger{}, Citations: Cites(a.Citations)}
	if a.Form != discretion.FormUnknown {
		l := label(a.Form)
		out.Form = &l
	}
	for _, c := range a.Choices {
		ch := Choice{Kinds: []Label{}, Bands: bandLabels(c.Bands)}
		for _, k := range c.Kinds.Kinds() {
			ch.Kinds = append(ch.Kinds, label(k))
		}
		if c.Kinds.Has(discretion.KindFine) {
			am := amounts(c.Fine)
			ch.Fine = &am
		}
		out.Choices = append(out.Choices, ch)
	}
	for _, r := range a.FineBarred {
		out.FineBarred = append(out.FineBarred, reason(r))
	}
	for _, u := range a.Factors {
		out.Factors = append(out.Factors, FactorUse{ID: string(u.Factor.ID), Name: u.Factor.Name, NameEN: u.Factor.NameEN,
			Effect: label(u.Factor.Effect), Force: label(u.Factor.Force), Applied: u.Applied, Declined: u.Declined,
			Overridden: u.Overridden, Citation: Cite(u.Factor.Citation)})
	}
	for _, t := range a.Triggers {
		out.Triggers = append(out.Triggers, Trigger{Procedure: label(t.Procedure), When: t.When.Chinese(), WhenEN: t.When.English(),
			Amount: t.Amount, Citations: Cites(t.Citations)})
	}
	return out, nil
}

// standard returns the benchmark a request uses — the one it carries,
// else the service's — and its standard with the code.
func (s *Service) standard(raw json.RawMessage, code string) (*discretion.Benchmark, *discretion.Standard, error) {
	b := s.Benchmark
	if !isNull(raw) {
		parsed, err := discretion.Parse(raw)
		if err != nil {
			return nil, nil, wrap(CodeInvalidBenchmark, err)
		}
		b = parsed
	}
	if b == nil {
		return nil, nil, Errorf(CodeBadRequest, "benchmark: no benchmark given, and the service has none")
	}
	if code == "" {
		return nil, nil, Errorf(CodeBadRequest, "standard: a violation code is required")
	}
	st, ok := b.Standard(code)
	if !ok {
		return nil, nil, Errorf(CodeUnknownStandard, "unknown standard %q; the benchmark %s has %s", code, b.Name(), strings.Join(standardCodes(b), ", "))
	}
	return b, st, nil
}

func standardCodes(b *discretion.Benchmark) []string {
	var codes []string
	for _, st := range b.Standards() {
		codes = append(codes, st.Code())
	}
	return codes
}

// facts turns the wire facts into the library's, finding the other norms
// the act violates in the benchmark.
func (f Facts) facts(b *discretion.Benchmark) (discretion.Facts, error) {
	out := discretion.Facts{
		Party:    f.Party,
		Factors:  f.Factors,
		Declined: f.Declined,
		Bases: discretion.Bases{
			IllegalGains: f.Bases.IllegalGains,
			GoodsValue:   f.Bases.GoodsValue,
			Turnover:     f.Bases.Turnover,
			Other:        f.Bases.Other,
		},
		AlreadyFined:   f.AlreadyFined,
		PublicInterest: f.PublicInterest,
		Complex:        f.Complex,
		Serious:        f.Serious,
		HardToCollect:  f.HardToCollect,
		RemoteRequest:  f.RemoteRequest,
	}
	for i, code := range f.OtherNorms {
		st, ok := b.Standard(code)
		if !ok {
			return discretion.Facts{}, Errorf(CodeUnknownStandard, "facts.other_norms[%d]: unknown standard %q; the benchmark %s has %s",
				i, code, b.Name(), strings.Join(standardCodes(b), ", "))
		}
		out.OtherNorms = append(out.OtherNorms, st)
	}
	return out, nil
}

func standardRef(b *discretion.Benchmark, st *discretion.Standard) StandardRef {
	return StandardRef{Code: st.Code(), Name: st.Name(), Benchmark: b.Name()}
}

// bandLabels lists the bands of a set, the most lenient first.
func bandLabels(bs discretion.BandSet) []Label {
	out := []Label{}
	for b := discretion.BandNoPenalty; b <= discretion.BandHeavier; b++ {
		if bs.Has(b) {
			out = append(out, label(b))
		}
	}
	return out
}

// Check examines a decision against the standard and the facts, and
// returns every reason it lies outside, each with its citations.
func (s *Service) Check(req CheckRequest) (CheckResponse, error) {
	s = s.orZero()
	b, st, err := s.standard(req.Benchmark, req.Standard)
	if err != nil {
		return CheckResponse{}, err
	}
	f, err := req.Facts.facts(b)
	if err != nil {
		return CheckResponse{}, err
	}
	d := discretion.Decision{Kinds: discretion.KindsOf(req.Decision.Kinds...), Fine: req.Decision.Fine,
		Confiscated: req.Decision.Confiscated, Procedures: discretion.ProceduresOf(req.Decision.Procedures...)}
	v, err := st.Check(f, d)
	if err != nil {
		return CheckResponse{}, AsError(err)
	}
	out := CheckResponse{Standard: standardRef(b, st), OK: v.OK(), Bands: bandLabels(v.Bands), Reasons: []Reason{}}
	for _, r := range v.Reasons {
		out.Reasons = append(out.Reasons, reason(r))
	}
	return out, nil
}

// BenchmarkSummary says what a valid benchmark holds.
type BenchmarkSummary struct {
	Name         string   `json:"name"`
	Issuer       string   `json:"issuer,omitempty"`
	Illustrative bool     `json:"illustrative,omitempty"`
	Standards    []string `json:"standards" doc:"the violation codes"`
	Factors      int      `json:"factors" doc:"factors known: the statutory ones and the benchmark's own"`
}

// ValidateBenchmark checks a discretion benchmark document and reports
// every problem. A benchmark with problems is a verdict, not an error.
func (s *Service) ValidateBenchmark(name string, data []byte) (ValidateResponse, error) {
	if len(data) > MaxDocumentBytes {
		return ValidateResponse{}, Errorf(CodeRequestTooLarge, "%s has %d bytes, more than the %d allowed", name, len(data), MaxDocumentBytes)
	}
	b, err := discretion.Parse(data)
	if err != nil {
		return invalid(err), nil
	}
	doc := b.Document()
	sum := &BenchmarkSummary{Name: doc.Name, Issuer: doc.Issuer, Illustrative: doc.Illustrative, Standards: []string{}, Factors: len(b.Factors())}
	for _, st := range b.Standards() {
		sum.Standards = append(sum.Standards, st.Code())
	}
	return ValidateResponse{Valid: true, Problems: []Problem{}, Benchmark: sum}, nil
}
