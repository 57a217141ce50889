package catalogue_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"

	xn "github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/catalogue"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/gen"
)

// The materials of the food business licence (SCJG-XK-001, 2025).
const (
	matForm     = "食品经营许可申请书"
	matLicence  = "营业执照或者其他主体资格证明文件"
	matID       = "法定代表人（负责人）身份证明"
	matLayout   = "与食品经营相适应的主要设备设施、经营布局、操作流程等文件"
	matRules    = "保证食品安全的规章制度" // deferrable, 5 working days
	matHealth   = "从业人员健康证明"    // deferrable, 10 working days
	matAgent    = "委托书及受托人身份证明" // optional
	foodLicence = "SCJG-XK-001"
	foodUnit    = "示例县市场监督管理局"
)

func names(ss []catalogue.Shortfall) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Material)
	}
	return out
}

func TestIntake(t *testing.T) {
	c := sample(t)
	day := d(2025, 9, 26) // a Friday before the National Day holiday
	all := []string{matForm, matLicence, matID, matLayout, matRules, matHealth}
	without := func(drop ...string) map[string]catalogue.Submitted {
		var keep []string
		for _, n := range all {
			if !slices.Contains(drop, n) {
				keep = append(keep, n)
			}
		}
		return conforming(keep...)
	}
	art32 := func(item int) xn.Citation { return xn.Cite(xn.LicensingLaw, 32, 1, item) }
	tests := []struct {
		name     string
		app      catalogue.Application
		outcome  catalogue.Outcome
		missing  []string
		cite     xn.Citation
		dues     []date.Date
		refusal  catalogue.Ground
		compUnit string
	}{
		{"complete and conforming: accept (行政许可法 Art 32 ¶1(5))",
			catalogue.Application{Materials: func() map[string]catalogue.Submitted {
				m := without()
				m[matAgent] = catalogue.Submitted{Conforming: true}
				return m
			}()}, catalogue.OutcomeAccept, nil, art32(5), nil, 0, ""},
		{"an optional material missing is not missing",
			catalogue.Application{Materials: without()}, catalogue.OutcomeAccept, nil, art32(5), nil, 0, ""},
		{"only deferrable materials missing: 容缺受理, clocks past the National Day holiday",
			catalogue.Application{Materials: without(matRules, matHealth)}, catalogue.OutcomeAcceptDeferred,
			[]string{matRules, matHealth}, xn.Citation{}, []date.Date{d(2025, 10, 10), d(2025, 10, 16)}, 0, ""},
		{"a deferrable material handed in but not conforming is deferrable too",
			catalogue.Application{Materials: func() map[string]catalogue.Submitted {
				m := without()
				m[matHealth] = catalogue.Submitted{Note: "已过期"}
				return m
			}()}, catalogue.OutcomeAcceptDeferred, []string{matHealth}, xn.Citation{}, []date.Date{d(2025, 10, 16)}, 0, ""},
		{"one material that cannot be deferred: one notice listing everything (Art 32 ¶1(4))",
			catalogue.Application{Materials: without(matLicence, matRules)}, catalogue.OutcomeSupplement,
			[]string{matLicence, matRules}, art32(4), nil, 0, ""},
		{"non-conforming materials are listed with the rest",
			catalogue.Application{Materials: func() map[string]catalogue.Submitted {
				m := without(matID)
				m[matForm] = catalogue.Submitted{Note: "未签字"}
				return m
			}()}, catalogue.OutcomeSupplement, []string{matForm, matID}, art32(4), nil, 0, ""},
		{"nothing handed in",
			catalogue.Application{}, catalogue.OutcomeSupplement, all, art32(4), nil, 0, ""},
		{"selling only prepackaged food needs no licence (食品安全法 Art 35 ¶1; Art 32 ¶1(1))",
			catalogue.Application{Materials: without(), Refusal: catalogue.Refusal{Ground: catalogue.GroundNoLicenceNeeded,
				Reason: "仅销售预包装食品的，不需要取得许可，应当报所在地县级以上地方人民政府食品安全监督管理部门备案"}},
			catalogue.OutcomeNotAccepted, nil, art32(1), nil, catalogue.GroundNoLicenceNeeded, ""},
		{"received by another unit: outside its remit, told the competent unit (Art 32 ¶1(2))",
			catalogue.Application{Unit: "示例县卫生健康局", Materials: without(matLicence)},
			catalogue.OutcomeNotAccepted, []string{matLicence}, art32(2), nil, catalogue.GroundOutsideRemit, foodUnit},
		{"received by its own unit",
			catalogue.Application{Unit: foodUnit, Materials: without()}, catalogue.OutcomeAccept, nil, art32(5), nil, 0, ""},
		{"the officer finds the matter belongs to another agency",
			catalogue.Application{Materials: without(), Refusal: catalogue.Refusal{Ground: catalogue.GroundOutsideRemit, Competent: "示例市市场监督管理局"}},
			catalogue.OutcomeNotAccepted, nil, art32(2), nil, catalogue.GroundOutsideRemit, "示例市市场监督管理局"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.app
			a.Item, a.On = foodLicence, day
			r, err := c.Intake(a)
			if err != nil {
				t.Fatal(err)
			}
			if r.Outcome != tt.outcome {
				t.Errorf("outcome %s, want %s", r.Outcome, tt.outcome)
			}
			if diff := cmp.Diff(tt.missing, names(r.Missing)); diff != "" {
				t.Errorf("missing (-want +got):\n%s", diff)
			}
			if r.Citation != tt.cite {
				t.Errorf("citation %s, want %s", r.Citation, tt.cite)
			}
			var dues []date.Date
			for _, df := range r.Deferred {
				dues = append(dues, df.Due)
			}
			if diff := cmp.Diff(tt.dues, dues); diff != "" {
				t.Errorf("due days (-want +got):\n%s", diff)
			}
			if r.Refusal.Ground != tt.refusal || r.Refusal.Competent != tt.compUnit {
				t.Errorf("refusal %+v", r.Refusal)
			}
			if r.Item != foodLicence || r.Version != d(2025, 1, 1) || r.On != day || r.Procedure != "licensing" {
				t.Errorf("result identifies %s@%s on %s", r.Item, r.Version, r.On)
			}
		})
	}
}

func TestIntakeDetails(t *testing.T) {
	c := sample(t)
	m := conforming(matForm, matLicence, matID, matLayout, matAgent, "营业执照副本")
	m[matHealth] = catalogue.Submitted{Conforming: false, Note: "体检已过期；需重新体检"}
	r, err := c.Intake(catalogue.Application{Item: foodLicence, On: d(2025, 9, 26), Materials: m})
	if err != nil {
		t.Fatal(err)
	}
	want := []catalogue.Shortfall{
		{Material: matRules, Requirement: "含食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等制度，加盖公章", Deferrable: true, DeferDays: 5},
		{Material: matHealth, Submitted: true, Note: "体检已过期；需重新体检",
			Requirement: "从事接触直接入口食品工作的人员取得的健康证明（《食品安全法》第四十五条第二款）", Deferrable: true, DeferDays: 10},
	}
	if diff := cmp.Diff(want, r.Missing); diff != "" {
		t.Errorf("missing (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{matForm, matLicence, matID, matLayout, matAgent}, r.Conforming); diff != "" {
		t.Errorf("conforming (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"营业执照副本"}, r.Extra); diff != "" {
		t.Errorf("extra (-want +got):\n%s", diff)
	}
	// The deferral clocks cite the item's basis and count working days.
	clk := r.Deferred[0].Clock
	if rule := clk.Rule(); rule.Period != (deadline.Period{N: 5, Unit: deadline.WorkingDays}) ||
		!slices.Equal(rule.Citations, r.Basis) || clk.Started() != d(2025, 9, 26) {
		t.Errorf("deferral clock %+v from %s", clk.Rule(), clk.Started())
	}
}

func TestIntakeRefusesBadInput(t *testing.T) {
	c := sample(t)
	day := d(2025, 9, 26)
	tests := []struct {
		name string
		app  catalogue.Application
		want error
	}{
		{"an item not in the catalogue (目录之外无权力)", catalogue.Application{Item: "XX-404", On: day}, catalogue.ErrNotInCatalogue},
		{"an item not yet in force", catalogue.Application{Item: "ZJ-XK-003", On: d(2024, 1, 2)}, catalogue.ErrNotInForce},
		{"no day", catalogue.Application{Item: foodLicence}, catalogue.ErrInvalidInput},
		{"a refusal without a ground", catalogue.Application{Item: foodLicence, On: day, Refusal: catalogue.Refusal{Reason: "不受理"}}, catalogue.ErrInvalidInput},
		{"outside the remit without the competent unit (Art 32 ¶1(2))", catalogue.Application{Item: foodLicence, On: day,
			Refusal: catalogue.Refusal{Ground: catalogue.GroundOutsideRemit}}, catalogue.ErrInvalidInput},
		{"a refusal on another ground that cites none", catalogue.Application{Item: foodLicence, On: day,
			Refusal: catalogue.Refusal{Ground: catalogue.GroundOther, Reason: "申请人隐瞒有关情况"}}, catalogue.ErrInvalidInput},
		{"a refusal citing a revision that does not exist", catalogue.Application{Item: foodLicence, On: day,
			Refusal: catalogue.Refusal{Ground: catalogue.GroundOther, Basis: xn.Cite(xn.LicensingLaw, 78).At(d(2010, 1, 1))}}, catalogue.ErrInvalidInput},
		{"an intake day past the calendar", catalogue.Application{Item: foodLicence, On: d(2027, 1, 4),
			Materials: conforming(matForm, matLicence, matID, matLayout)}, catalogue.ErrInvalidInput},
	}
	for _, tt := range tests {
		_, err := c.Intake(tt.app)
		var ce *catalogue.Error
		if !errors.Is(err, tt.want) || !errors.As(err, &ce) || ce.Op != "Intake" {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
	}
}

// TestIntakeDeferralPastCoverage: 容缺受理 on 30 December 2026, the
// last days the shipped calendar covers. The materials' due days lie in
// January, which the next holiday notice arranges: it is counted on the
// weekly pattern and marked Provisional, not refused.
func TestIntakeDeferralPastCoverage(t *testing.T) {
	c := sample(t)
	r, err := c.Intake(catalogue.Application{Item: foodLicence, On: d(2026, 12, 30),
		Materials: conforming(matForm, matLicence, matID, matLayout)})
	if err != nil || r.Outcome != catalogue.OutcomeAcceptDeferred || len(r.Deferred) == 0 {
		t.Fatalf("%+v, %v; want 容缺受理", r, err)
	}
	wide, err := deadline.ChinaMainland().With(deadline.ExtendThrough(d(2027, 12, 31)))
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range r.Deferred {
		due, err := x.Clock.Due(wide)
		if err != nil || !x.Provisional || x.Due != due || x.Due <= d(2026, 12, 31) {
			t.Errorf("%+v; want due in January (%s on the weekly pattern), provisional", x, due)
		}
	}
	// Within the coverage, nothing is provisional.
	r, err = c.Intake(catalogue.Application{Item: foodLicence, On: d(2025, 9, 26),
		Materials: conforming(matForm, matLicence, matID, matLayout)})
	for _, x := range r.Deferred {
		if err != nil || x.Provisional {
			t.Errorf("%+v, %v; want deferrals that are not provisional", x, err)
		}
	}
	if err != nil || len(r.Deferred) == 0 {
		t.Errorf("%+v, %v; want 容缺受理", r, err)
	}
}

// The disclosure item's one-time notice cites 政府信息公开条例 Art 30; its
// acceptance has no step of its own.
func TestIntakeOtherProcedures(t *testing.T) {
	c := sample(t)
	r, err := c.Intake(catalogue.Application{Item: "ZF-GK-001", On: d(2025, 9, 26), Materials: conforming("申请人身份证明")})
	if err != nil {
		t.Fatal(err)
	}
	if r.Outcome != catalogue.OutcomeSupplement || r.Citation != xn.Cite(xn.DisclosureRegs, 30) {
		t.Errorf("%s citing %s", r.Outcome, r.Citation)
	}
	// A penalty is started by the agency: nothing to hand in.
	r, err = c.Intake(catalogue.Application{Item: "SCJG-CF-001", On: d(2025, 9, 26)})
	if err != nil || r.Outcome != catalogue.OutcomeAccept || len(r.Missing) != 0 {
		t.Errorf("penalty intake: %+v, %v", r, err)
	}
}

// drawIntake draws a catalogue, one of its item versions, a day the item
// is in force within the calendar's coverage, and a submission.
func drawIntake(t *rapid.T) (*catalogue.Catalogue, catalogue.Item, catalogue.Application, bool) {
	spec := gen.CatalogueSpec().Draw(t, "spec")
	if len(spec.Items) == 0 {
		return nil, catalogue.Item{}, catalogue.Application{}, false
	}
	c, err := catalogue.New(spec)
	if err != nil {
		t.Fatal(err)
	}
	it := rapid.SampledFrom(c.Items()).Draw(t, "item")
	first, last := max(it.From, d(2007, 1, 1)), d(2026, 11, 30) // room for 20 working days
	if it.To != 0 {
		last = min(last, it.To)
	}
	if first > last {
		return nil, catalogue.Item{}, catalogue.Application{}, false
	}
	day := first + date.Date(rapid.IntRange(0, int(last-first)).Draw(t, "day"))
	a := catalogue.Application{Item: it.Code, On: day, Materials: gen.CatalogueSubmission(it.Materials).Draw(t, "submitted")}
	return c, it, a, true
}

// Property: the missing list is exactly the required materials minus
// those submitted and conforming, in the item's order, whatever the
// outcome; the conforming and extra lists are what was handed in.
func TestIntakeMissingIsRequiredMinusConforming(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c, it, a, ok := drawIntake(t)
		if !ok {
			return
		}
		if rapid.IntRange(0, 4).Draw(t, "other unit") == 0 {
			a.Unit = "别的单位"
		}
		r, err := c.Intake(a)
		if err != nil {
			t.Fatal(err)
		}
		var missing, good, extra []string
		for _, m := range it.Materials {
			s, handed := a.Materials[m.Name]
			switch {
			case handed && s.Conforming:
				good = append(good, m.Name)
			case m.Required:
				missing = append(missing, m.Name)
			}
		}
		for n := range a.Materials {
			if !slices.ContainsFunc(it.Materials, func(m catalogue.Material) bool { return m.Name == n }) {
				extra = append(extra, n)
			}
		}
		slices.Sort(extra)
		if diff := cmp.Diff(missing, names(r.Missing)); diff != "" {
			t.Fatalf("missing (-required minus conforming +got):\n%s", diff)
		}
		if diff := cmp.Diff(good, r.Conforming); diff != "" {
			t.Fatalf("conforming (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(extra, r.Extra); diff != "" {
			t.Fatalf("extra (-want +got):\n%s", diff)
		}
	})
}

// Property: accept only when nothing is missing; 容缺受理 only when every
// missing material is deferrable, with one clock per material due after
// its working days; a one-time notice otherwise; never accepted by
// another unit.
func TestIntakeOutcome(t *testing.T) {
	cal := deadline.ChinaMainland()
	rapid.Check(t, func(t *rapid.T) {
		c, it, a, ok := drawIntake(t)
		if !ok {
			return
		}
		other := rapid.IntRange(0, 4).Draw(t, "other unit") == 0
		if other {
			a.Unit = "别的单位"
		}
		r, err := c.Intake(a)
		if err != nil {
			t.Fatal(err)
		}
		allDeferrable := true
		for _, m := range r.Missing {
			allDeferrable = allDeferrable && m.Deferrable
		}
		var want catalogue.Outcome
		switch {
		case other && a.Unit != it.Unit:
			want = catalogue.OutcomeNotAccepted
		case len(r.Missing) == 0:
			want = catalogue.OutcomeAccept
		case allDeferrable:
			want = catalogue.OutcomeAcceptDeferred
		default:
			want = catalogue.OutcomeSupplement
		}
		if r.Outcome != want {
			t.Fatalf("outcome %s, want %s (missing %v)", r.Outcome, want, names(r.Missing))
		}
		if r.Outcome != catalogue.OutcomeAcceptDeferred {
			if len(r.Deferred) != 0 {
				t.Fatalf("%d deferral clocks for %s", len(r.Deferred), r.Outcome)
			}
			return
		}
		if len(r.Deferred) != len(r.Missing) {
			t.Fatalf("%d clocks for %d missing materials", len(r.Deferred), len(r.Missing))
		}
		for i, df := range r.Deferred {
			due, err := cal.AddWorkingDays(a.On, r.Missing[i].DeferDays)
			if err != nil {
				t.Fatal(err)
			}
			if df.Material != r.Missing[i].Material || df.Due != due {
				t.Fatalf("%s due %s, want %s", df.Material, df.Due, due)
			}
		}
	})
}
