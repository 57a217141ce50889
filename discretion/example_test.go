package discretion_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	xn "github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/discretion"
)

// benchmark reads the sample benchmark of testdata, illustrative data
// built from the public examples of LEGAL.md Part 3.
func benchmark() *discretion.Benchmark {
	data, err := os.ReadFile("testdata/sample-benchmark.json")
	if err != nil {
		panic(err)
	}
	b, err := discretion.Parse(data)
	if err != nil {
		panic(err)
	}
	return b
}

func exampleStandard(code string) *discretion.Standard {
	s, ok := benchmark().Standard(code)
	if !ok {
		panic(code)
	}
	return s
}

// A fine of 1,000 to 10,000 yuan, divided by the lower-30 % rule.
func ExampleNewStandard() {
	s, err := discretion.NewStandard(discretion.StandardSpec{
		Code:      "X-1",
		Name:      "未按规定公示信息",
		Citations: []xn.Citation{{Law: "某条例", Article: 30}},
		Penalties: []discretion.Combination{{Kinds: []discretion.PenaltyKind{discretion.KindFine}}},
		Ranges:    []discretion.Range{{Form: discretion.FormAmount, Min: decimal.NewFromInt(1000), Max: decimal.NewFromInt(10000)}},
		Scheme:    discretion.SchemeLower30Upper30,
		Unit:      decimal.NewFromInt(1),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	a, _ := s.Assess(discretion.Facts{Party: discretion.PartyOrganisation})
	fmt.Println(a.Bands, a.Allowed)
	// Output: ordinary 3700–7299
}

func ExampleNewStandard_errors() {
	_, err := discretion.NewStandard(discretion.StandardSpec{
		Code:      "X-2",
		Name:      "幅度颠倒",
		Citations: []xn.Citation{{Law: "某条例", Article: 31}},
		Penalties: []discretion.Combination{{Kinds: []discretion.PenaltyKind{discretion.KindFine, 99}}},
		Ranges:    []discretion.Range{{Form: discretion.FormAmount, Min: decimal.NewFromInt(5000), Max: decimal.NewFromInt(500)}},
		Scheme:    discretion.SchemeLower30Upper30,
	})
	var e *discretion.Error
	fmt.Println(errors.Is(err, discretion.ErrUnknownPenaltyKind), errors.Is(err, discretion.ErrInvalidStandard))
	fmt.Println(errors.As(err, &e), e.Path)
	// Output:
	// true true
	// true standards[0].penalties[0].kinds[1]
}

func ExampleWithPolicy() {
	spec := discretion.StandardSpec{
		Code: "X-3", Name: "示例", Citations: []xn.Citation{{Law: "某条例", Article: 32}},
		Penalties: []discretion.Combination{{Kinds: []discretion.PenaltyKind{discretion.KindFine}}},
		Ranges:    []discretion.Range{{Form: discretion.FormMaxOnly, Max: decimal.NewFromInt(20000)}},
		Scheme:    discretion.SchemeMaxOnly,
	}
	s, err := discretion.NewStandard(spec, discretion.WithPolicy(discretion.Policy{
		Hearing: discretion.PartyAmounts{Citizen: decimal.NewFromInt(2000), Organisation: decimal.NewFromInt(20000),
			Basis: xn.Citation{Law: "某省行政处罚听证程序规定", Article: 3}},
	}))
	if err != nil {
		fmt.Println(err)
		return
	}
	a, _ := s.Assess(discretion.Facts{Party: discretion.PartyCitizen})
	for _, t := range a.Triggers {
		if t.Procedure == discretion.ProcedureHearingNotice {
			fmt.Println(t.Procedure, t.When, t.Amount, t.Citations[0])
		}
	}
	// Output: hearing_notice fine_at_least 2000 《行政处罚法》第六十三条第一款第（一）项
}

func ExampleWithFactors() {
	spec := exampleStandard("S-001").Spec()
	spec.Scheme = discretion.SchemeLower30Upper30 // the sample's default, named
	repeat := discretion.Factor{ID: "repeat", Name: "一年内再次违法", Effect: discretion.EffectHeavier,
		Force: discretion.ForcePermissive, Citation: xn.Citation{Law: "某局裁量基准", Article: 8}}
	s, err := discretion.NewStandard(spec, discretion.WithFactors(repeat))
	if err != nil {
		fmt.Println(err)
		return
	}
	a, _ := s.Assess(discretion.Facts{Party: discretion.PartyOrganisation, Factors: []discretion.FactorID{"repeat"}})
	fmt.Println(a.Bands, a.Allowed)
	// Output: heavier 7300–10000
}

func ExampleWithSchemes() {
	spec := exampleStandard("S-001").Spec()
	spec.Scheme = "quarters"
	edge := func(v string) discretion.Edge {
		return discretion.Edge{Of: discretion.EdgeSpan, Value: decimal.RequireFromString(v)}
	}
	quarters := discretion.Scheme{Name: "quarters", Bands: []discretion.BandRange{
		{Band: discretion.BandLighter, Lower: edge("0"), Upper: edge("0.25"), UpperOpen: true},
		{Band: discretion.BandOrdinary, Lower: edge("0.25"), Upper: edge("0.75"), UpperOpen: true},
		{Band: discretion.BandHeavier, Lower: edge("0.75"), Upper: edge("1")},
	}}
	s, err := discretion.NewStandard(spec, discretion.WithSchemes(quarters))
	if err != nil {
		fmt.Println(err)
		return
	}
	a, _ := s.Assess(discretion.Facts{Party: discretion.PartyOrganisation})
	fmt.Println(a.Allowed)
	// Output: 3250–7749
}

func ExampleNewBenchmark() {
	doc := benchmark().Document()
	doc.Policy.Conflict = discretion.ConflictLenient
	b, err := discretion.NewBenchmark(doc)
	if err != nil {
		fmt.Println(err)
		return
	}
	s, _ := b.Standard("S-001")
	a, _ := s.Assess(discretion.Facts{Party: discretion.PartyCitizen,
		Factors: []discretion.FactorID{discretion.FactorPartialCapacity, "repeat-within-year"}})
	fmt.Println(a.Bands)
	// Output: mitigated,lighter
}

func ExampleParse() {
	doc := `{
	  "name": "某局裁量基准",
	  "standards": [{
	    "code": "A-1", "name": "示例违法行为",
	    "citations": [{"law": "某条例", "article": 12}],
	    "penalties": [{"kinds": ["fine"]}],
	    "ranges": [{"form": "amount", "min": "2000", "max": "20000"}],
	    "scheme": "heavier60", "unit": "100"
	  }]
	}`
	b, err := discretion.Parse([]byte(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	s, _ := b.Standard("A-1")
	a, _ := s.Assess(discretion.Facts{Party: discretion.PartyOrganisation})
	fmt.Println(s.Name(), a.Allowed)
	// Output: 示例违法行为 7400–12700
}

func ExampleParse_errors() {
	doc := `{"name": "坏", "standards": [{"code": "A-1", "name": "n",
	  "citations": [{"law": "某条例", "article": 12}],
	  "penalties": [{"kinds": ["fine", "flogging"]}],
	  "ranges": [{"form": "amount", "min": "-5", "max": "1,000"}],
	  "scheme": "lower30-upper30"}]}`
	_, err := discretion.Parse([]byte(doc))
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Println(line)
	}
	// Output:
	// discretion: parse standards[0].penalties[0].kinds[1]: unknown penalty kind: "flogging"
	// discretion: parse standards[0].ranges[0].max: invalid standard: "1,000" is not a decimal number
	// discretion: parse standards[0].ranges[0].min (A-1): invalid standard: minimum -5 is negative, too precise or not below 10^15
}

func ExampleLoad() {
	f, err := os.Open("testdata/sample-benchmark.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	b, err := discretion.Load(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(b.Name(), len(b.Standards()))
	// Output: 示例行政处罚裁量基准（示意数据） 6
}

func ExampleDocument_MarshalJSON() {
	doc := discretion.Document{Name: "某局裁量基准", Standards: []discretion.StandardSpec{{
		Code: "A-1", Name: "示例", Citations: []xn.Citation{{Law: "某条例", Article: 12}},
		Penalties: []discretion.Combination{{Kinds: []discretion.PenaltyKind{discretion.KindWarning}}},
	}}}
	data, err := json.Marshal(doc)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(data))
	// Output: {"name":"某局裁量基准","standards":[{"code":"A-1","name":"示例","citations":[{"law":"某条例","article":12}],"penalties":[{"kinds":["warning"]}]}]}
}

// A 16-year-old must be penalised lighter or mitigated (Art 30): a fine
// from the floor up to the end of the lighter band, or a warning instead.
func ExampleStandard_Assess() {
	s := exampleStandard("S-001")
	a, err := s.Assess(discretion.Facts{Party: discretion.PartyCitizen, Factors: []discretion.FactorID{discretion.FactorMinor}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("bands:", a.Bands)
	fmt.Println("statutory:", a.Statutory, "allowed:", a.Allowed)
	for _, c := range a.Choices {
		fmt.Println("choice:", c.Kinds, c.Bands, c.Fine)
	}
	for _, u := range a.Factors {
		fmt.Println("factor:", u.Factor.Effect, u.Factor.Force, u.Factor.Citation, u.Applied)
	}
	for _, t := range a.Triggers {
		fmt.Println("trigger:", t.Procedure, t.When, t.Amount)
	}
	// Output:
	// bands: mitigated,lighter
	// statutory: 1000–10000 allowed: 1–3699
	// choice: fine mitigated,lighter 1–3699
	// choice: warning mitigated —
	// factor: lighter_or_mitigated mandatory 《行政处罚法》第三十条 true
	// trigger: hearing_notice fine_at_least 1000
	// trigger: legal_review hearing_held 0
	// trigger: simplified fine_at_most 200
	// trigger: collection fine_at_most 100
}

// The act was already fined (行政处罚法 Art 29): no second fine is open,
// and a warning stays open only in the mitigated band.
func ExampleStandard_Assess_alreadyFined() {
	s := exampleStandard("S-001")
	a, err := s.Assess(discretion.Facts{Party: discretion.PartyCitizen, Factors: []discretion.FactorID{discretion.FactorMinor}, AlreadyFined: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range a.FineBarred {
		fmt.Println("no fine:", r.Code, r.Code.Chinese(), r.Citations[0])
	}
	fmt.Println("allowed:", a.Allowed)
	for _, c := range a.Choices {
		fmt.Println("choice:", c.Kinds, c.Bands)
	}
	// Output:
	// no fine: double_fine 同一违法行为重复罚款 《行政处罚法》第二十九条
	// allowed: —
	// choice: warning mitigated
}

// The act violates S-004 as well, whose maximum is higher: the fine
// follows S-004 (行政处罚法 Art 29), and none is open under S-001.
func ExampleStandard_Assess_otherNorms() {
	b := benchmark()
	s1, _ := b.Standard("S-001")
	s4, _ := b.Standard("S-004")
	a, err := s1.Assess(discretion.Facts{Party: discretion.PartyOrganisation, OtherNorms: []*discretion.Standard{s4}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range a.FineBarred {
		fmt.Println("no fine:", r.Code, r.Code.Chinese(), "follows", r.Norm.Code(), r.Citations)
	}
	fmt.Println("choices:", len(a.Choices))
	// Output:
	// no fine: lower_norm 未按罚款数额高的规定处罚 follows S-004 [《行政处罚法》第二十九条 《示例卫生条例（示意）》第三十条]
	// choices: 0
}

func ExampleStandard_Check() {
	s := exampleStandard("S-001")
	facts := discretion.Facts{Party: discretion.PartyOrganisation}
	d := discretion.Decision{Kinds: discretion.KindsOf(discretion.KindFine), Fine: decimal.NewFromInt(8000)}
	v, err := s.Check(facts, d)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range v.Reasons {
		fmt.Println(r.Code, r.Code.Chinese(), r.Allowed, r.Citations[0])
		if r.Procedure != discretion.ProcedureUnknown {
			fmt.Println("  procedure:", r.Procedure, r.Procedure.Chinese())
		}
	}
	// Output:
	// outside_band 不在应适用的裁量阶次内 3700–7299 《示例条例（示意）》第二十条
	// procedure_missing 缺少法定程序 — 《行政处罚法》第六十三条第一款第（一）项
	//   procedure: hearing_notice 告知听证权利
}

func ExampleStandard_Classify() {
	s := exampleStandard("S-001")
	f := discretion.Facts{Party: discretion.PartyOrganisation}
	for _, amount := range []int64{900, 3699, 3700, 10000, 10001} {
		bands, _ := s.Classify(f, discretion.Decision{Kinds: discretion.KindsOf(discretion.KindFine), Fine: decimal.NewFromInt(amount)})
		fmt.Println(amount, bands)
	}
	// Output:
	// 900 mitigated
	// 3699 lighter
	// 3700 ordinary
	// 10000 heavier
	// 10001 none
}

func ExampleStandard_Code() {
	s := exampleStandard("S-002")
	fmt.Println(s.Code(), s.Name())
	// Output: S-002 示例价格违法行为（倍数，无违法所得时定额）
}

func ExampleStandard_Name() {
	fmt.Println(exampleStandard("S-003").Name())
	// Output: 示例违法行为乙（仅有上限）
}

func ExampleStandard_Spec() {
	r := exampleStandard("S-002").Spec().Ranges[0]
	fmt.Println(r.Form, r.Base, r.Min, r.Max)
	// Output: multiple illegal_gains 2 5
}

func ExampleStandard_Benchmark() {
	fmt.Println(exampleStandard("S-001").Benchmark().Name())
	// Output: 示例行政处罚裁量基准（示意数据）
}

func ExampleBenchmark_Standard() {
	b := benchmark()
	_, ok := b.Standard("S-404")
	s, _ := b.Standard("S-004")
	fmt.Println(ok, s.Name())
	// Output: false 示例卫生违法行为（从重六成）
}

func ExampleBenchmark_Standards() {
	for _, s := range benchmark().Standards()[:2] {
		fmt.Println(s.Code())
	}
	// Output:
	// S-001
	// S-002
}

func ExampleBenchmark_Name() {
	fmt.Println(benchmark().Name())
	// Output: 示例行政处罚裁量基准（示意数据）
}

func ExampleBenchmark_Document() {
	d := benchmark().Document()
	fmt.Println(d.Illustrative, d.Scheme, d.Policy.Hearing.Organisation)
	// Output: true lower30-upper30 5000
}

func ExampleBenchmark_Factors() {
	fs := benchmark().Factors()
	last := fs[len(fs)-1]
	fmt.Println(len(fs), last.ID, last.Effect, last.Force)
	// Output: 14 obstruction heavier mandatory
}

func ExampleBenchmark_Consistency() {
	b := benchmark()
	org := discretion.Facts{Party: discretion.PartyOrganisation}
	fine := func(n int64) discretion.Decision {
		return discretion.Decision{Kinds: discretion.KindsOf(discretion.KindFine), Fine: decimal.NewFromInt(n)}
	}
	r, err := b.Consistency([]discretion.PastDecision{
		{ID: "罚决〔2025〕11号", Standard: "S-001", Facts: org, Decision: fine(4000)},
		{ID: "罚决〔2025〕12号", Standard: "S-001", Facts: org, Decision: fine(9000)},
		{ID: "罚决〔2025〕13号", Standard: "S-001", Facts: org, Decision: fine(5000)},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range r.Groups {
		for _, c := range g.Cases {
			fmt.Println(g.Standard, c.ID, c.Fine, c.Bands)
		}
	}
	// Output:
	// S-001 罚决〔2025〕11号 4000 ordinary
	// S-001 罚决〔2025〕12号 9000 heavier
	// S-001 罚决〔2025〕13号 5000 ordinary
}

func ExampleGoverning() {
	b := benchmark()
	s1, _ := b.Standard("S-001")
	s4, _ := b.Standard("S-004")
	g, err := discretion.Governing([]*discretion.Standard{s1, s4}, discretion.Facts{Party: discretion.PartyOrganisation})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(g.Code())
	// Output: S-004
}

// The fine was due on 17 March 2025: the 15th day after the decision was
// received on 2 March (行政处罚法 Art 67), a working day.
func ExampleAddOn() {
	fine := decimal.NewFromInt(2000)
	last := date.New(2025, time.March, 17)
	for _, asOf := range []date.Date{last, last + 1, last + 10, last + 40} {
		r, err := discretion.AddOn(fine, last, asOf)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(asOf, r.DaysLate, r.Amount, r.Capped)
	}
	// Output:
	// 2025-03-17 0 0 false
	// 2025-03-18 1 60 false
	// 2025-03-27 10 600 false
	// 2025-04-26 40 2000 true
}

// A party fined 2,000 yuan, due to pay by 17 March 2025, applied for
// reconsideration on 20 March and had the decision upheld on 31 March:
// the add-on does not accrue in those twelve days (行政处罚法 Art 73 ¶3).
func ExampleAddOn_review() {
	fine := decimal.NewFromInt(2000)
	last := date.New(2025, time.March, 17)
	review := discretion.Review{From: date.New(2025, time.March, 20), To: date.New(2025, time.March, 31)}
	r, err := discretion.AddOn(fine, last, date.New(2025, time.April, 10), review)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.DaysLate, r.Amount, r.Capped)
	for _, c := range r.Citations {
		fmt.Println(c)
	}
	// Output:
	// 12 720 false
	// 《行政处罚法》第七十二条第一款第（一）项
	// 《行政强制法》第四十五条第二款
	// 《行政处罚法》第七十三条第三款
}

// A decision received on 20 September 2025: the 15th day, 5 October,
// falls in the National Day holiday, so the last day to pay is the first
// working day after it.
func ExamplePaymentDeadline() {
	end, err := discretion.PaymentDeadline(deadline.ChinaMainland(), date.New(2025, time.September, 20))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(end.Nominal, "→", end.Date)
	r, _ := discretion.AddOn(decimal.NewFromInt(1000), end.Date, date.New(2025, time.October, 20))
	fmt.Println(r.DaysLate, r.Amount)
	// Output:
	// 2025-10-05 → 2025-10-09
	// 11 330
}

func ExamplePresets() {
	for _, s := range discretion.Presets() {
		fmt.Println(s.Name, len(s.Bands), s.Gaps)
	}
	// Output:
	// lower30-upper30 3 false
	// midpoint 3 false
	// heavier60 3 false
	// max_only 3 true
}

func ExamplePresetScheme() {
	s, _ := discretion.PresetScheme(discretion.SchemeHeavier60)
	h := s.Bands[2]
	fmt.Println(h.Band, h.Lower.Of, h.Lower.Value, h.Upper.Value)
	// Output: heavier span 0.6 1
}

func ExampleTenPercentFloor() {
	m := discretion.TenPercentFloor()
	fmt.Println(m.Floor.Of, m.Floor.Value, m.Collective)
	// Output: minimum 0.1 true
}

func ExampleStatutoryFactors() {
	for _, f := range discretion.StatutoryFactors()[:3] {
		fmt.Println(f.ID, f.Effect, f.Force, f.Citation)
	}
	// Output:
	// art30-under-14 no_penalty mandatory 《行政处罚法》第三十条
	// art30-minor lighter_or_mitigated mandatory 《行政处罚法》第三十条
	// art31-incapable no_penalty mandatory 《行政处罚法》第三十一条
}

func ExampleKindsOf() {
	s := discretion.KindsOf(discretion.KindFine, discretion.KindConfiscateGains)
	fmt.Println(s, s.Chinese())
	// Output: fine,confiscate_gains 罚款、没收违法所得
}

func ExampleBandsOf() {
	fmt.Println(discretion.BandsOf(discretion.BandLighter, discretion.BandMitigated))
	// Output: mitigated,lighter
}

func ExampleProceduresOf() {
	fmt.Println(discretion.ProceduresOf(discretion.ProcedureLegalReview, discretion.ProcedureHearingNotice))
	// Output: hearing_notice,legal_review
}

func ExampleAssessment_Allows() {
	a, _ := exampleStandard("S-001").Assess(discretion.Facts{Party: discretion.PartyOrganisation})
	fine := discretion.KindsOf(discretion.KindFine)
	fmt.Println(a.Allows(fine, decimal.NewFromInt(3700)), a.Allows(fine, decimal.RequireFromString("3700.50")), a.Allows(fine, decimal.NewFromInt(7300)))
	// Output: true false false
}

func ExampleAmounts_Contains() {
	a := discretion.Amounts{Min: decimal.NewFromInt(200), Max: decimal.NewFromInt(3000)}
	fmt.Println(a.Contains(decimal.NewFromInt(200)), a.Contains(decimal.NewFromInt(3001)))
	// Output: true false
}

func ExampleAmounts_IsEmpty() {
	fmt.Println(discretion.Amounts{}.IsEmpty(), discretion.Amounts{Min: decimal.NewFromInt(1), Max: decimal.NewFromInt(1)}.IsEmpty())
	// Output: true false
}

func ExampleAmounts_String() {
	fmt.Println(discretion.Amounts{Min: decimal.RequireFromString("0.01"), Max: decimal.NewFromInt(200)})
	// Output: 0.01–200
}

func ExampleVerdict_OK() {
	v, _ := exampleStandard("S-001").Check(discretion.Facts{Party: discretion.PartyOrganisation},
		discretion.Decision{Kinds: discretion.KindsOf(discretion.KindFine), Fine: decimal.NewFromInt(4000)})
	fmt.Println(v.OK(), v.Bands)
	// Output: true ordinary
}

func ExampleVerdict_Err() {
	v, _ := exampleStandard("S-001").Check(discretion.Facts{Party: discretion.PartyOrganisation}, discretion.Decision{})
	err := v.Err()
	var e *discretion.Error
	fmt.Println(errors.Is(err, discretion.ErrNotCompliant), errors.As(err, &e), e.Code)
	// Output: true true no_penalty_without_ground
}

func ExampleTrigger_Holds() {
	t := discretion.Trigger{Procedure: discretion.ProcedureSimplified, When: discretion.CondFineAtMost,
		Amount: decimal.NewFromInt(200), Kinds: discretion.KindsOf(discretion.KindWarning, discretion.KindFine)}
	fine := func(n int64) discretion.Decision {
		return discretion.Decision{Kinds: discretion.KindsOf(discretion.KindFine), Fine: decimal.NewFromInt(n)}
	}
	fmt.Println(t.Holds(fine(200)), t.Holds(fine(201)))
	// Output: true false
}

func ExampleError() {
	_, err := exampleStandard("S-001").Assess(discretion.Facts{Party: discretion.PartyCitizen, Factors: []discretion.FactorID{"typo"}})
	var e *discretion.Error
	if errors.As(err, &e) {
		fmt.Println(e.Op, e.Path, e.Code, errors.Is(e, discretion.ErrUnknownFactor))
	}
	// Output: assess facts.factors[0] S-001 true
}

func ExampleError_Error() {
	e := &discretion.Error{Op: "parse", Path: "standards[0].unit", Code: "A-1", Err: discretion.ErrInvalidStandard}
	fmt.Println(e.Error())
	// Output: discretion: parse standards[0].unit (A-1): invalid standard
}

func ExampleError_Unwrap() {
	e := &discretion.Error{Op: "check", Err: discretion.ErrInvalidInput}
	fmt.Println(e.Unwrap() == discretion.ErrInvalidInput)
	// Output: true
}
