package catalogue_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/xiaoneng/xiaoneng/catalogue"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// Each intake result fires on a licensing case as the step the law
// names, and the case's 补正 notice is the result's missing list.
func TestResultEventFiresOnTheCase(t *testing.T) {
	c := sample(t)
	complete := []string{matForm, matLicence, matID, matLayout, matRules, matHealth}
	tests := []struct {
		name      string
		code      string
		materials map[string]catalogue.Submitted
		unit      string
		state     procedure.State
		payload   map[string]string
	}{
		{"accept (行政许可法 Art 32 ¶1(5))", foodLicence, conforming(complete...), "", "accepted",
			map[string]string{catalogue.PayloadConforming: strings.Join(complete, "；")}},
		{"容缺受理", foodLicence, conforming(matForm, matLicence, matID, matLayout), "", "accepted", map[string]string{
			catalogue.PayloadDeferred:    matRules + "；" + matHealth,
			catalogue.PayloadDeferredDue: matRules + "：2025-10-10；" + matHealth + "：2025-10-16",
		}},
		{"one-time notice (Art 32 ¶1(4))", foodLicence, conforming(matForm, matID, matLayout), "", "awaiting_supplement", map[string]string{
			catalogue.PayloadMissing:      matLicence + "；" + matRules + "；" + matHealth,
			catalogue.PayloadMissingNotes: matLicence + "：未提交；" + matRules + "：未提交；" + matHealth + "：未提交",
		}},
		{"not accepted, outside the remit (Art 32 ¶1(2))", foodLicence, nil, "示例县卫生健康局", "not_accepted", map[string]string{
			catalogue.PayloadGround: "outside_remit", catalogue.PayloadCompetent: foodUnit,
		}},
		{"joint handling: one-time notice", "ZJ-LH-001", conforming("联合审批申请表"), "", "awaiting_supplement", map[string]string{
			catalogue.PayloadMissing: "各审批事项申请材料",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			def, cs, err := c.Start("C-1", tt.code, d(2025, 9, 26), "")
			if err != nil {
				t.Fatal(err)
			}
			fire(t, def, cs, receive(at(2025, 9, 26, 9, 0)))
			r, err := c.Intake(catalogue.Application{Item: tt.code, On: d(2025, 9, 26), Unit: tt.unit, Materials: tt.materials})
			if err != nil {
				t.Fatal(err)
			}
			e, err := r.Event(at(2025, 9, 26, 10, 0), clerk, "凭证-001")
			if err != nil {
				t.Fatal(err)
			}
			fire(t, def, cs, e)
			if cs.State != tt.state {
				t.Errorf("state %s, want %s", cs.State, tt.state)
			}
			for k, v := range tt.payload {
				if e.Payload[k] != v {
					t.Errorf("payload %s = %q, want %q", k, e.Payload[k], v)
				}
			}
			if e.Payload[catalogue.PayloadItem] != tt.code || e.Payload[catalogue.PayloadItemVersion] != "2025-01-01" ||
				e.Payload[catalogue.PayloadVoucher] != "凭证-001" || e.Reason != r.Outcome.Chinese() {
				t.Errorf("event %+v", e)
			}
			if tt.state == "awaiting_supplement" {
				// The case's 补正 notice is exactly the missing list.
				var want []string
				for _, m := range r.Missing {
					want = append(want, m.Material)
				}
				if diff := cmp.Diff(want, catalogue.SplitList(cs.Facts["missing"])); diff != "" {
					t.Errorf("notice on the case (-missing +fact):\n%s", diff)
				}
			}
		})
	}
}

func TestResultEventRefusals(t *testing.T) {
	c := sample(t)
	r, err := c.Intake(catalogue.Application{Item: "ZF-GK-001", On: d(2025, 9, 26)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Event(at(2025, 9, 26, 10, 0), clerk, "凭证"); !errors.Is(err, catalogue.ErrInvalidInput) {
		t.Errorf("an information request has no licensing intake steps: %v", err)
	}
	r, _ = c.Intake(catalogue.Application{Item: foodLicence, On: d(2025, 9, 26)})
	if _, err := r.Event(at(2025, 9, 26, 10, 0), clerk, " "); !errors.Is(err, catalogue.ErrInvalidInput) {
		t.Errorf("no voucher (行政许可法 Art 32 ¶2): %v", err)
	}
	if _, err := (catalogue.Result{Procedure: "licensing"}).Event(at(2025, 9, 26, 10, 0), clerk, "凭证"); !errors.Is(err, catalogue.ErrInvalidInput) {
		t.Errorf("a result of no outcome: %v", err)
	}
}

// A note that holds the separator does not break the notes list.
func TestResultEventKeepsListsWhole(t *testing.T) {
	c := sample(t)
	m := conforming(matForm, matID, matLayout)
	m[matLicence] = catalogue.Submitted{Note: "复印件模糊；无法辨认"}
	r, _ := c.Intake(catalogue.Application{Item: foodLicence, On: d(2025, 9, 26), Materials: m})
	e, err := r.Event(at(2025, 9, 26, 10, 0), clerk, "凭证")
	if err != nil {
		t.Fatal(err)
	}
	notes := catalogue.SplitList(e.Payload[catalogue.PayloadMissingNotes])
	if len(notes) != len(r.Missing) || notes[0] != matLicence+"：不符合要求（复印件模糊，无法辨认）" {
		t.Errorf("notes %q", notes)
	}
}

func TestSplitList(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"申请书", []string{"申请书"}},
		{"申请书；营业执照", []string{"申请书", "营业执照"}},
		{" 申请书 ；；营业执照；", []string{"申请书", "营业执照"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, catalogue.SplitList(tt.in)); diff != "" {
			t.Errorf("SplitList(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestNotice(t *testing.T) {
	c := sample(t)
	tests := []struct {
		name string
		app  catalogue.Application
		has  []string
	}{
		{"accept", catalogue.Application{Materials: conforming(matForm, matLicence, matID, matLayout, matRules, matHealth)},
			[]string{"予以受理", "《行政许可法》第三十二条第一款第（五）项"}},
		{"容缺受理", catalogue.Application{Materials: conforming(matForm, matLicence, matID, matLayout)},
			[]string{"容缺受理", "保证食品安全的规章制度：2025年10月10日前（5个工作日内）"}},
		{"one-time notice", catalogue.Application{Materials: conforming(matForm)},
			[]string{"一次性告知", "第三十二条第一款第（四）项", "5. 从业人员健康证明：未提交", "可容缺后补"}},
		{"not accepted", catalogue.Application{Unit: "示例县卫生健康局"}, []string{"不予受理", "请向示例县市场监督管理局申请"}},
	}
	for _, tt := range tests {
		a := tt.app
		a.Item, a.On = foodLicence, d(2025, 9, 26)
		r, err := c.Intake(a)
		if err != nil {
			t.Fatal(err)
		}
		n := r.Notice()
		for _, s := range tt.has {
			if !strings.Contains(n, s) {
				t.Errorf("%s: notice lacks %q:\n%s", tt.name, s, n)
			}
		}
	}
	if n := (catalogue.Result{}).Notice(); !strings.Contains(n, "未作出") {
		t.Errorf("empty result: %s", n)
	}
}
