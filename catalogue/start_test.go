package catalogue_test

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/clock"

	xn "github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/catalogue"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

func TestStartRefusals(t *testing.T) {
	c := sample(t)
	day := d(2025, 9, 25)
	tests := []struct {
		name, caseID, code string
		on                 date.Date
		green              string
		want               error
	}{
		{"not in the catalogue: 目录之外无权力", "C-1", "XX-404", day, "", catalogue.ErrNotInCatalogue},
		{"before the item's first version", "C-1", foodLicence, d(2015, 6, 1), "", catalogue.ErrNotInForce},
		{"before the item was listed", "C-1", "ZJ-XK-003", d(2024, 12, 31), "", catalogue.ErrNotInForce},
		{"an unknown green channel", "C-1", "ZJ-XK-003", day, "GC-404", catalogue.ErrUnknownGreenChannel},
		{"a green channel that does not cover the item", "C-1", foodLicence, day, "GC-2025-01", catalogue.ErrUnknownGreenChannel},
		{"no case ID", " ", foodLicence, day, "", catalogue.ErrInvalidInput},
		{"no day", "C-1", foodLicence, 0, "", catalogue.ErrInvalidInput},
	}
	for _, tt := range tests {
		def, cs, err := c.Start(tt.caseID, tt.code, tt.on, tt.green)
		var ce *catalogue.Error
		if !errors.Is(err, tt.want) || def != nil || cs != nil || !errors.As(err, &ce) || ce.Op != "Start" || ce.Item != tt.code {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
	}
}

// decisionDue runs a licensing case of the item to acceptance and
// returns its clock's rule and due day.
func decisionDue(t *testing.T, c *catalogue.Catalogue, code string, received, accepted time.Time, green string) (deadline.Rule, date.Date) {
	t.Helper()
	def, cs, err := c.Start("C-"+code, code, deadline.DateOf(received), green)
	if err != nil {
		t.Fatal(err)
	}
	fire(t, def, cs, receive(received),
		procedure.Event{Trigger: "accept", At: accepted, Actor: clerk, Payload: map[string]string{"voucher": "受理-001"}})
	clk, ok := cs.Clock("decision")
	if !ok {
		t.Fatal("no decision clock")
	}
	due, err := clk.Due(def.Calendar())
	if err != nil {
		t.Fatal(err)
	}
	return clk.Rule(), due
}

// A case runs on the promised limit of the item version in force on the
// day it starts, or on its green channel's limit.
func TestStartRunsOnThePromisedLimit(t *testing.T) {
	c := sample(t)
	tests := []struct {
		name               string
		code               string
		received, accepted time.Time
		green              string
		rule               string
		period             deadline.Period
		due                date.Date
	}{
		{"the 2025 promise: 5 working days, past the National Day holiday", foodLicence,
			at(2025, 9, 25, 10, 0), at(2025, 9, 26, 10, 0), "", "licensing-decision:promised",
			deadline.Period{N: 5, Unit: deadline.WorkingDays}, d(2025, 10, 10)},
		{"the old version's promise: 10 working days", foodLicence,
			at(2024, 9, 25, 10, 0), at(2024, 9, 26, 10, 0), "", "licensing-decision:promised",
			deadline.Period{N: 10, Unit: deadline.WorkingDays}, d(2024, 10, 15)},
		{"5 calendar days against 建筑法 Art 8 ¶2's 7, rolled off the holiday", "ZJ-XK-003",
			at(2025, 9, 26, 10, 0), at(2025, 9, 29, 10, 0), "", "licensing-decision:promised",
			deadline.Period{N: 5, Unit: deadline.Days}, d(2025, 10, 9)},
		{"the green channel's 3 days", "ZJ-XK-003",
			at(2025, 9, 25, 10, 0), at(2025, 9, 26, 9, 0), "GC-2025-01", "licensing-decision:green",
			deadline.Period{N: 3, Unit: deadline.Days}, d(2025, 9, 29)},
		{"joint handling promised 20 of Art 42 ¶2's 45 working days", "ZJ-LH-001",
			at(2025, 3, 3, 10, 0), at(2025, 3, 3, 11, 0), "", "licensing-joint-decision:promised",
			deadline.Period{N: 20, Unit: deadline.WorkingDays}, d(2025, 3, 31)},
		{"and 10 under the green channel", "ZJ-LH-001",
			at(2025, 3, 3, 10, 0), at(2025, 3, 3, 11, 0), "GC-2025-01", "licensing-joint-decision:green",
			deadline.Period{N: 10, Unit: deadline.WorkingDays}, d(2025, 3, 17)},
	}
	for _, tt := range tests {
		rule, due := decisionDue(t, c, tt.code, tt.received, tt.accepted, tt.green)
		if rule.ID != tt.rule || rule.Period != tt.period || due != tt.due {
			t.Errorf("%s: rule %s %v due %s; want %s %v due %s", tt.name, rule.ID, rule.Period, due, tt.rule, tt.period, tt.due)
		}
	}
}

// The rule a case runs on keeps the law's exclusions and extension, and
// cites the statutory provisions.
func TestRunRule(t *testing.T) {
	c := sample(t)
	rule, _ := decisionDue(t, c, foodLicence, at(2025, 9, 25, 10, 0), at(2025, 9, 26, 10, 0), "")
	ref, _ := deadline.LookupRule(deadline.RuleLicensingDecision)
	if len(rule.Exclusions) != len(ref.Exclusions) || rule.Extension != ref.Extension {
		t.Errorf("the promise changed what the law excludes or extends: %+v", rule)
	}
	if rule.Citation() != xn.Cite(xn.LicensingLaw, 42, 1) || !strings.Contains(rule.Name, "承诺时限") {
		t.Errorf("rule %s cites %v", rule.Name, rule.Citations)
	}
	rule, _ = decisionDue(t, c, "ZJ-XK-003", at(2025, 9, 25, 10, 0), at(2025, 9, 26, 10, 0), "")
	if rule.Citation() != (xn.Citation{Law: "建筑法", Article: 8, Paragraph: 2}) {
		t.Errorf("the construction permit's rule cites %v", rule.Citations)
	}
}

// An item without a promise runs on the reference definition itself;
// items with the same limit share one definition.
func TestDefinitionsAreShared(t *testing.T) {
	c := sample(t)
	day := d(2025, 9, 25)
	get := func(code, green string) *procedure.Definition {
		def, err := c.Definition(code, day, green)
		if err != nil {
			t.Fatal(err)
		}
		return def
	}
	if get("WJ-XK-001", "") != get("ZJ-XK-001", "") {
		t.Error("two items promising 5 working days on licensing compile twice")
	}
	if get(foodLicence, "") == get("SCJG-XK-003", "") {
		t.Error("5 and 10 working days share a definition")
	}
	if get("ZJ-XK-003", "") == get("ZJ-XK-003", "GC-2025-01") {
		t.Error("the green channel runs on the item's own limit")
	}
	penalty := get("SCJG-CF-001", "")
	if r, _ := penalty.Rule("decision"); r.ID != deadline.RulePenaltyDecision {
		t.Errorf("an item without a promise runs on %s", r.ID)
	}
	if id, _ := penalty.ID(); id != "penalty" {
		t.Errorf("definition %s", id)
	}
}

// Concurrent first uses compile each definition once and agree.
func TestStartConcurrently(t *testing.T) {
	c := sample(t)
	codes := []string{foodLicence, "SCJG-XK-002", "WJ-XK-001", "ZJ-XK-001", "ZJ-XK-003", "ZF-GK-001", "XNB-TS-001", "SCJG-CF-001"}
	var wg sync.WaitGroup
	defs := make([][]*procedure.Definition, 4)
	for g := range defs {
		defs[g] = make([]*procedure.Definition, len(codes))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, code := range codes {
				def, cs, err := c.Start("C", code, d(2025, 9, 25), "")
				if err != nil || cs.State == "" {
					t.Error(err)
					return
				}
				defs[g][i] = def
			}
		}()
	}
	wg.Wait()
	for g := 1; g < len(defs); g++ {
		for i := range codes {
			if defs[g][i] != defs[0][i] {
				t.Errorf("%s compiled twice", codes[i])
			}
		}
	}
}

func TestOptions(t *testing.T) {
	cal, err := deadline.ChinaMainland().With(deadline.WithOverrides(deadline.Override{
		Date: d(2025, 9, 30), Working: false, Name: "本机关闭馆日",
	}))
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalogue.Parse(sampleJSON(t), catalogue.WithCalendar(cal),
		catalogue.WithProcedureOptions(procedure.WithOfficeHours(deadline.OfficeHours{Close: clock.New(17, 0, 0, 0)})))
	if err != nil {
		t.Fatal(err)
	}
	def, err := c.Definition(foodLicence, d(2025, 9, 25), "")
	if err != nil || def.Calendar() != cal {
		t.Fatalf("the definition counts on another calendar: %v", err)
	}
	// The agency's own closure on 30 September pushes the due day to the
	// make-up working Saturday, 11 October.
	r, err := c.Intake(catalogue.Application{Item: foodLicence, On: d(2025, 9, 26),
		Materials: conforming(matForm, matLicence, matID, matLayout, matHealth)})
	if err != nil || r.Deferred[0].Due != d(2025, 10, 11) {
		t.Errorf("due %v, %v", r.Deferred, err)
	}
	// A nil guard is refused at construction, not at the first case.
	_, err = catalogue.Parse(sampleJSON(t), catalogue.WithProcedureOptions(procedure.WithGuard("g", nil)))
	if !errors.Is(err, catalogue.ErrInvalidCatalogue) {
		t.Errorf("a broken procedure option: %v", err)
	}
	if _, err := catalogue.New(baseSpec(), nil, catalogue.WithCalendar(nil)); err != nil {
		t.Errorf("nil options: %v", err)
	}
}

// The zero catalogue is empty.
func TestZeroCatalogue(t *testing.T) {
	var c catalogue.Catalogue
	if _, _, err := c.Start("C-1", foodLicence, d(2025, 9, 26), ""); !errors.Is(err, catalogue.ErrNotInCatalogue) {
		t.Errorf("Start: %v", err)
	}
	if _, err := c.Intake(catalogue.Application{Item: foodLicence, On: d(2025, 9, 26)}); !errors.Is(err, catalogue.ErrNotInCatalogue) {
		t.Errorf("Intake: %v", err)
	}
	if _, ok := c.Item(foodLicence); ok || len(c.Items()) != 0 {
		t.Error("the zero catalogue has items")
	}
	if _, err := c.MarshalJSON(); err != nil {
		t.Error(err)
	}
}
