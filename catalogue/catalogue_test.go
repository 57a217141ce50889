package catalogue_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"

	xn "github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/catalogue"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/gen"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// baseSpec is a one-item catalogue every row of the bad-input tables
// breaks in one way.
func baseSpec() catalogue.Spec {
	return catalogue.Spec{Name: "测试目录", Items: []catalogue.Item{{
		Code: "T-001", Name: "食品经营许可", Unit: "市场监管局", Kind: catalogue.KindLicensing,
		Basis:     []xn.Citation{{Law: "食品安全法", Article: 35, Paragraph: 1}},
		Procedure: "licensing", Clock: "decision",
		Promised: catalogue.Limit{N: 5, Unit: deadline.WorkingDays, Note: "本单位服务承诺"},
		Materials: []catalogue.Material{
			{Name: "申请书", Form: catalogue.FormOriginal, Copies: 1, Required: true},
			{Name: "健康证明", Form: catalogue.FormCopy, Copies: 1, Required: true, Deferrable: true, DeferDays: 5},
		},
		Fees:     []catalogue.Fee{{Name: "工本费", Amount: mustDecimal("10.00"), Basis: xn.Citation{Law: "某收费规定", Article: 3}}},
		Channels: []catalogue.Channel{catalogue.ChannelWindow},
		From:     d(2025, 1, 1),
	}}}
}

func TestSampleCatalogue(t *testing.T) {
	c := sample(t)
	items := c.Items()
	codes := map[string]bool{}
	procs := map[string]bool{}
	for _, it := range items {
		codes[it.Code] = true
		procs[it.Procedure] = true
	}
	if len(codes) < 12 {
		t.Errorf("%d codes, want a dozen", len(codes))
	}
	for _, p := range []string{"licensing", "joint-licensing", "disclosure", "complaint", "penalty"} {
		if !procs[p] {
			t.Errorf("no item runs on %s", p)
		}
	}
	// Every item in force today starts a case and renders a guide.
	day := d(2025, 9, 25)
	for code := range codes {
		if _, _, err := c.Start("C-"+code, code, day, ""); err != nil {
			t.Errorf("Start(%s): %v", code, err)
		}
		if _, err := c.Guide(code, day); err != nil {
			t.Errorf("Guide(%s): %v", code, err)
		}
	}
}

// The generators put items on the clocks of the reference definitions
// with the periods those clocks have.
func TestGeneratorClocksMatchReferences(t *testing.T) {
	for _, cc := range gen.CatalogueClocks() {
		def, err := procedure.Reference(cc.Procedure)
		if err != nil {
			t.Fatal(err)
		}
		r, ok := def.Rule(cc.Clock)
		if !ok || r.Period != cc.Period {
			t.Errorf("%s/%s: rule %v, generators assume %v", cc.Procedure, cc.Clock, r.Period, cc.Period)
		}
	}
}

func TestInForce(t *testing.T) {
	c := sample(t)
	tests := []struct {
		code    string
		on      date.Date
		from    date.Date // of the version found
		wantErr error
		reason  string
	}{
		{"SCJG-XK-001", d(2025, 9, 25), d(2025, 1, 1), nil, "the current version"},
		{"SCJG-XK-001", d(2024, 12, 31), d(2016, 1, 1), nil, "the last day of the old version"},
		{"SCJG-XK-001", d(2025, 1, 1), d(2025, 1, 1), nil, "the first day of the new version"},
		{"SCJG-XK-001", d(2015, 12, 31), 0, catalogue.ErrNotInForce, "before any version"},
		{"ZJ-XK-003", d(2024, 6, 1), 0, catalogue.ErrNotInForce, "before the item was listed"},
		{"XX-404", d(2025, 9, 25), 0, catalogue.ErrNotInCatalogue, "目录之外无权力"},
		{"", d(2025, 9, 25), 0, catalogue.ErrNotInCatalogue, "no code"},
	}
	for _, tt := range tests {
		it, err := c.InForce(tt.code, tt.on)
		switch {
		case tt.wantErr != nil && !errors.Is(err, tt.wantErr):
			t.Errorf("%s on %s (%s): err %v, want %v", tt.code, tt.on, tt.reason, err, tt.wantErr)
		case tt.wantErr == nil && (err != nil || it.From != tt.from):
			t.Errorf("%s on %s (%s): version from %s, err %v; want from %s", tt.code, tt.on, tt.reason, it.From, err, tt.from)
		}
		var ce *catalogue.Error
		if tt.wantErr != nil && (!errors.As(err, &ce) || ce.Item != tt.code) {
			t.Errorf("%s (%s): error %#v does not name the item", tt.code, tt.reason, err)
		}
	}
	latest, ok := c.Item("SCJG-XK-001")
	if !ok || latest.From != d(2025, 1, 1) {
		t.Errorf("Item: latest version from %s, %v", latest.From, ok)
	}
	if _, ok := c.Item("XX-404"); ok {
		t.Error("Item found an unknown code")
	}
}

func TestLimits(t *testing.T) {
	c := sample(t)
	wd := func(n int) deadline.Period { return deadline.Period{N: n, Unit: deadline.WorkingDays} }
	days := func(n int) deadline.Period { return deadline.Period{N: n, Unit: deadline.Days} }
	tests := []struct {
		code                string
		statutory, promised deadline.Period
		basis               xn.Citation
		reason              string
	}{
		{"SCJG-XK-001", wd(20), wd(5), xn.Cite(xn.LicensingLaw, 42, 1), "行政许可法 Art 42 ¶1 and Art 82: 20 working days"},
		{"ZJ-XK-003", days(7), days(5), xn.Citation{Law: "建筑法", Article: 8, Paragraph: 2}, "建筑法 Art 8 ¶2 provides otherwise: 7 days"},
		{"ZJ-LH-001", wd(45), wd(20), xn.Cite(xn.LicensingLaw, 42, 2), "行政许可法 Art 42 ¶2: joint handling, 45 working days"},
		{"ZF-GK-001", wd(20), wd(15), xn.Cite(xn.DisclosureRegs, 33, 2), "政府信息公开条例 Art 33 ¶2: 20 working days"},
		{"XNB-TS-001", days(60), days(30), xn.Cite(xn.PetitionRegs, 34), "信访工作条例 Art 34: 60 days"},
		{"SCJG-CF-001", days(90), days(90), xn.Cite(xn.PenaltyLaw, 60), "行政处罚法 Art 60: 90 days, no promise"},
	}
	for _, tt := range tests {
		l, err := c.Limits(tt.code, d(2025, 9, 25))
		if err != nil {
			t.Fatal(err)
		}
		if l.Statutory.Period() != tt.statutory || l.Promised.Period() != tt.promised || l.Statutory.Basis != tt.basis {
			t.Errorf("%s (%s): %+v", tt.code, tt.reason, l)
		}
		if l.Promise != (tt.promised != tt.statutory) {
			t.Errorf("%s: Promise %v", tt.code, l.Promise)
		}
	}
	if _, err := c.Limits("XX-404", d(2025, 9, 25)); !errors.Is(err, catalogue.ErrNotInCatalogue) {
		t.Errorf("Limits of an unknown code: %v", err)
	}
}

func TestNotLonger(t *testing.T) {
	p := func(n int, u deadline.Unit) deadline.Period { return deadline.Period{N: n, Unit: u} }
	const wd, days, months, years = deadline.WorkingDays, deadline.Days, deadline.Months, deadline.Years
	tests := []struct {
		promised, statutory deadline.Period
		ok, comparable      bool
		reason              string
	}{
		{p(5, wd), p(20, wd), true, true, "same unit, shorter"},
		{p(20, wd), p(20, wd), true, true, "same unit, equal"},
		{p(21, wd), p(20, wd), false, true, "same unit, longer"},
		{p(20, days), p(20, wd), true, true, "calendar days against working days: never longer"},
		{p(21, days), p(20, wd), false, true, "more calendar days than working days: refused"},
		{p(3, wd), p(7, days), false, false, "working days against calendar days: not comparable"},
		{p(2, months), p(60, days), false, false, "months against days: not comparable"},
		{p(30, days), p(1, months), false, false, "days against months: not comparable"},
		{p(12, months), p(1, years), true, true, "twelve months to the year"},
		{p(13, months), p(1, years), false, true, "thirteen months is longer than a year"},
		{p(1, years), p(12, months), true, true, "a year against twelve months"},
		{p(0, wd), p(20, wd), true, true, "zero is a valid period"},
		{p(5, 0), p(20, wd), false, false, "no unit"},
	}
	for _, tt := range tests {
		ok, comparable := catalogue.NotLonger(tt.promised, tt.statutory)
		if ok != tt.ok || comparable != tt.comparable {
			t.Errorf("NotLonger(%v, %v) = %v, %v; want %v, %v (%s)", tt.promised, tt.statutory, ok, comparable, tt.ok, tt.comparable, tt.reason)
		}
	}
}

// badSpecs break the base catalogue one way each; want lists every
// location reported.
func TestNewReportsEachProblemWhereItIs(t *testing.T) {
	item := func(s *catalogue.Spec) *catalogue.Item { return &s.Items[0] }
	tests := []struct {
		name   string
		mutate func(*catalogue.Spec)
		want   []string
	}{
		{"unknown procedure", func(s *catalogue.Spec) { item(s).Procedure = "licence" }, []string{"items[0].procedure"}},
		{"unknown clock", func(s *catalogue.Spec) { item(s).Clock = "decide" }, []string{"items[0].clock"}},
		{"a party's period is not the agency's limit (行政许可法 Art 47 ¶1)", func(s *catalogue.Spec) { item(s).Clock = "hearing_request" }, []string{"items[0].clock"}},
		{"a licence's term has no limit to promise (Art 50)", func(s *catalogue.Spec) { item(s).Clock = "term" }, []string{"items[0].clock"}},
		{"promised longer than Art 42 ¶1's 20 working days", func(s *catalogue.Spec) { item(s).Promised.N = 25 }, []string{"items[0].promised"}},
		{"working days promised against 建筑法 Art 8 ¶2's seven days", func(s *catalogue.Spec) {
			item(s).Statutory = catalogue.Limit{N: 7, Unit: deadline.Days, Basis: xn.Citation{Law: "建筑法", Article: 8, Paragraph: 2}}
			item(s).Promised = catalogue.Limit{N: 3, Unit: deadline.WorkingDays}
		}, []string{"items[0].promised"}},
		{"months promised against days", func(s *catalogue.Spec) { item(s).Promised = catalogue.Limit{N: 1, Unit: deadline.Months} }, []string{"items[0].promised"}},
		{"statutory limit without its provision", func(s *catalogue.Spec) {
			item(s).Statutory = catalogue.Limit{N: 7, Unit: deadline.Days}
		}, []string{"items[0].statutory.basis"}},
		{"limit of zero", func(s *catalogue.Spec) { item(s).Promised.N = 0 }, []string{"items[0].promised"}},
		{"limit without unit", func(s *catalogue.Spec) { item(s).Promised.Unit = 0 }, []string{"items[0].promised"}},
		{"duplicate code in force together", func(s *catalogue.Spec) { s.Items = append(s.Items, s.Items[0]) }, []string{"items[1].code"}},
		{"overlapping versions", func(s *catalogue.Spec) {
			old := s.Items[0]
			old.From, old.To = d(2020, 1, 1), d(2025, 1, 1)
			s.Items = append(s.Items, old)
		}, []string{"items[0].code"}},
		{"in force before 行政许可法 took effect on 2004-07-01", func(s *catalogue.Spec) {
			item(s).Basis = append(item(s).Basis, xn.Cite(xn.LicensingLaw, 29))
			item(s).From = d(2003, 1, 1)
		}, []string{"items[0].basis[1]"}},
		{"in force before the cited 2019 revision of 行政许可法", func(s *catalogue.Spec) {
			item(s).Basis = []xn.Citation{xn.Cite(xn.LicensingLaw, 29).At(d(2019, 4, 23))}
			item(s).From = d(2018, 1, 1)
		}, []string{"items[0].basis[0]"}},
		{"in force before 信访工作条例 took effect on 2022-05-01", func(s *catalogue.Spec) {
			item(s).Basis = []xn.Citation{xn.Cite(xn.PetitionRegs, 17, 1)}
			item(s).Procedure, item(s).Clock, item(s).Promised = "complaint", "handling", catalogue.Limit{}
			item(s).From = d(2021, 1, 1)
		}, []string{"items[0].basis[0]"}},
		{"a version of a law that does not exist", func(s *catalogue.Spec) {
			item(s).Basis = []xn.Citation{xn.Cite(xn.LicensingLaw, 29).At(d(2010, 1, 1))}
		}, []string{"items[0].basis[0]"}},
		{"blank code, name and unit; no kind; no basis", func(s *catalogue.Spec) {
			it := item(s)
			it.Code, it.Name, it.Unit, it.Kind, it.Basis = " ", "", "", catalogue.KindUnknown, nil
		}, []string{"items[0].basis", "items[0].code", "items[0].kind", "items[0].name", "items[0].unit"}},
		{"code with a space", func(s *catalogue.Spec) { item(s).Code = "T 001" }, []string{"items[0].code"}},
		{"no first day", func(s *catalogue.Spec) { item(s).From = 0 }, []string{"items[0].from"}},
		{"last day before the first", func(s *catalogue.Spec) { item(s).To = d(2024, 12, 31) }, []string{"items[0].to"}},
		{"deferrable without days", func(s *catalogue.Spec) { item(s).Materials[1].DeferDays = 0 }, []string{"items[0].materials[1].defer_days"}},
		{"deferred past a year of working days", func(s *catalogue.Spec) { item(s).Materials[1].DeferDays = 251 }, []string{"items[0].materials[1].defer_days"}},
		{"optional material deferred", func(s *catalogue.Spec) { item(s).Materials[1].Required = false }, []string{"items[0].materials[1].deferrable"}},
		{"days to follow for a material that cannot", func(s *catalogue.Spec) { item(s).Materials[0].DeferDays = 3 }, []string{"items[0].materials[0].defer_days"}},
		{"material name with the separator", func(s *catalogue.Spec) { item(s).Materials[0].Name = "申请书；承诺书" }, []string{"items[0].materials[0].name"}},
		{"material listed twice", func(s *catalogue.Spec) { item(s).Materials[1].Name = "申请书" }, []string{"items[0].materials[1].name"}},
		{"no copies, no form", func(s *catalogue.Spec) {
			item(s).Materials[0].Copies, item(s).Materials[0].Form = 0, catalogue.FormUnknown
		}, []string{"items[0].materials[0].copies", "items[0].materials[0].form"}},
		{"free of charge is no fee, not a fee of zero", func(s *catalogue.Spec) { item(s).Fees[0].Amount = mustDecimal("0") }, []string{"items[0].fees[0].amount"}},
		{"fee in tenths of a fen", func(s *catalogue.Spec) { item(s).Fees[0].Amount = mustDecimal("10.005") }, []string{"items[0].fees[0].amount"}},
		{"fee without basis (行政许可法 Art 58 ¶1)", func(s *catalogue.Spec) { item(s).Fees[0].Basis = xn.Citation{} }, []string{"items[0].fees[0].basis"}},
		{"no channel", func(s *catalogue.Spec) { item(s).Channels = nil }, []string{"items[0].channels"}},
		{"online without the online channel", func(s *catalogue.Spec) { item(s).Online = true }, []string{"items[0].online"}},
		{"channel twice", func(s *catalogue.Spec) {
			item(s).Channels = []catalogue.Channel{catalogue.ChannelWindow, catalogue.ChannelWindow}
		}, []string{"items[0].channels[1]"}},
		{"on the spot in a procedure without it", func(s *catalogue.Spec) {
			item(s).OnTheSpot = true
			item(s).Procedure, item(s).Promised = "joint-licensing", catalogue.Limit{}
		}, []string{"items[0].on_the_spot"}},
		{"no catalogue name; steps of an unknown procedure", func(s *catalogue.Spec) {
			s.Name = ""
			s.Processes = map[string][]catalogue.Step{"licence": {{Name: "受理"}}, "licensing": {{Name: ""}}}
		}, []string{"name", "processes.licence", "processes.licensing[0].name"}},
		{"green channel: unknown item, no handler", func(s *catalogue.Spec) {
			s.GreenChannels = []catalogue.GreenChannel{{ID: "G1", Name: "项目", Items: []catalogue.Designation{
				{Code: "T-404", Limit: catalogue.Limit{N: 3, Unit: deadline.WorkingDays}},
			}}}
		}, []string{"green_channels[0].handler.name", "green_channels[0].items[0].code"}},
		{"green channel promising longer than the item", func(s *catalogue.Spec) {
			s.GreenChannels = []catalogue.GreenChannel{{ID: "G1", Name: "项目", Handler: catalogue.Handler{Name: "李华"},
				Items: []catalogue.Designation{{Code: "T-001", Limit: catalogue.Limit{N: 6, Unit: deadline.WorkingDays}}}}}
		}, []string{"green_channels[0].items[0].limit"}},
		{"two green channels with one ID, one covering nothing", func(s *catalogue.Spec) {
			g := catalogue.GreenChannel{ID: "G1", Name: "项目", Handler: catalogue.Handler{Name: "李华"},
				Items: []catalogue.Designation{{Code: "T-001", Limit: catalogue.Limit{N: 3, Unit: deadline.WorkingDays}}}}
			s.GreenChannels = []catalogue.GreenChannel{g, {ID: "G1", Name: "项目二", Handler: catalogue.Handler{Name: "张三"}}}
		}, []string{"green_channels[1].id", "green_channels[1].items"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := baseSpec()
			tt.mutate(&s)
			c, err := catalogue.New(s)
			if c != nil || err == nil {
				t.Fatalf("New accepted the catalogue")
			}
			if !errors.Is(err, catalogue.ErrInvalidCatalogue) {
				t.Errorf("error does not wrap ErrInvalidCatalogue: %v", err)
			}
			got := paths(err)
			slices.Sort(got)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("paths (-want +got):\n%s\n%v", diff, err)
			}
			for _, p := range problems(err) {
				if p.Op != "New" || !errors.Is(p, catalogue.ErrInvalidCatalogue) || p.Detail == "" {
					t.Errorf("problem %#v", p)
				}
			}
			// The same problems, read from JSON, where the spec can be
			// written at all (an unknown kind cannot).
			data, merr := json.Marshal(s)
			if merr != nil {
				return
			}
			_, perr := catalogue.Parse(data)
			pgot := paths(perr)
			slices.Sort(pgot)
			if diff := cmp.Diff(tt.want, pgot); diff != "" {
				t.Errorf("Parse paths (-want +got):\n%s\n%v", diff, perr)
			}
		})
	}
}

// The base catalogue itself is valid, as are versions one after the
// other and promises in calendar days against working days.
func TestNewAcceptsValidVariants(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*catalogue.Spec)
	}{
		{"the base", func(*catalogue.Spec) {}},
		{"versions one after the other", func(s *catalogue.Spec) {
			old := s.Items[0]
			old.From, old.To = d(2020, 1, 1), d(2024, 12, 31)
			s.Items = append(s.Items, old)
		}},
		{"calendar days promised against working days", func(s *catalogue.Spec) {
			s.Items[0].Promised = catalogue.Limit{N: 20, Unit: deadline.Days}
		}},
		{"no promise: the statutory limit", func(s *catalogue.Spec) { s.Items[0].Promised = catalogue.Limit{} }},
		{"a law the library does not know is not checked", func(s *catalogue.Spec) { s.Items[0].From = d(1990, 1, 1) }},
		{"no materials, no fees", func(s *catalogue.Spec) { s.Items[0].Materials, s.Items[0].Fees = nil, nil }},
		{"an empty catalogue", func(s *catalogue.Spec) { s.Items = nil }},
	}
	for _, tt := range tests {
		s := baseSpec()
		tt.mutate(&s)
		if _, err := catalogue.New(s); err != nil {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}

// Every problem of a catalogue is reported at once.
func TestNewReportsEveryProblemAtOnce(t *testing.T) {
	s := baseSpec()
	s.Items[0].Procedure = "licence"
	s.Items = append(s.Items, baseSpec().Items[0])
	s.Items[1].Code, s.Items[1].Promised.N = "T-002", 30
	s.Items[1].Materials[1].DeferDays = 0
	_, err := catalogue.New(s)
	want := []string{"items[0].procedure", "items[1].materials[1].defer_days", "items[1].promised"}
	got := paths(err)
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// JSON read errors: each with its location; nothing built.
func TestParseReportsEachProblemWhereItIs(t *testing.T) {
	base, err := json.Marshal(baseSpec())
	if err != nil {
		t.Fatal(err)
	}
	swap := func(old, new string) []byte {
		if !bytes.Contains(base, []byte(old)) {
			t.Fatalf("the base JSON has no %s", old)
		}
		return bytes.Replace(base, []byte(old), []byte(new), 1)
	}
	tests := []struct {
		name string
		data []byte
		want []string
	}{
		{"defer days as a string", swap(`"defer_days":5`, `"defer_days":"5"`), []string{"items[0].materials[1].defer_days"}},
		{"an amount as a number", swap(`"amount":"10.00"`, `"amount":10`), []string{"items[0].fees[0].amount"}},
		{"an amount with an exponent", swap(`"amount":"10.00"`, `"amount":"1e3"`), []string{"items[0].fees[0].amount"}},
		{"an unknown member", swap(`"code":"T-001"`, `"code":"T-001","colour":"red"`), []string{"items[0].colour"}},
		{"a material that does not say whether it is required", swap(`"copies":1,"required":true`, `"copies":1`), []string{"items[0].materials[0].required"}},
		{"a day that does not exist", swap(`"from":"2025-01-01"`, `"from":"2025-02-30"`), []string{"items[0].from"}},
		{"an unknown kind", swap(`"kind":"licensing"`, `"kind":"licence"`), []string{"items[0].kind"}},
		{"a kind by its Chinese label", swap(`"kind":"licensing"`, `"kind":"行政许可"`), nil},
		{"an unknown channel", swap(`"channels":["window"]`, `"channels":["window","fax"]`), []string{"items[0].channels[1]"}},
		{"an unknown unit", swap(`"unit":"working_days"`, `"unit":"weeks"`), []string{"items[0].promised.unit"}},
		{"an extension with a bad member", swap(`"unit":"working_days"`, `"unit":"working_days","extension":{"max":"ten","by":"局长"}`),
			[]string{"items[0].promised.extension.by", "items[0].promised.extension.max"}},
		{"a citation with an unknown member", swap(`"article":35`, `"article":35,"clause":2`), []string{"items[0].basis[0].clause"}},
		{"an item that is not an object", swap(`"items":[`, `"items":[5,`), []string{"items[0]"}},
		{"no items", []byte(`{"name":"目录"}`), []string{"items"}},
		{"not an object", []byte(`[1, 2]`), []string{""}},
		{"two problems in one material", swap(`"copies":1,"required":true}`, `"copies":"one","required":"yes"}`),
			[]string{"items[0].materials[0].copies", "items[0].materials[0].required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := catalogue.Parse(tt.data)
			got := paths(err)
			slices.Sort(got)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s\n%v", diff, err)
			}
			if (err == nil) != (c != nil) {
				t.Errorf("catalogue %v with error %v", c != nil, err)
			}
			if err != nil && !errors.Is(err, catalogue.ErrInvalidCatalogue) {
				t.Errorf("error does not wrap ErrInvalidCatalogue: %v", err)
			}
		})
	}
}

func TestParseMalformed(t *testing.T) {
	tests := []struct {
		name, data, path string
	}{
		{"syntax error", "{\n  \"name\": \"目录\",\n  \"items\": [,]\n}", "line 3, column 13"},
		{"cut short", `{"name": "目录", "items": [`, "line 1, column 25"},
		{"data after", `{"name": "目录", "items": []} {}`, ""},
		{"empty", ``, "line 1, column 1"},
	}
	for _, tt := range tests {
		_, err := catalogue.Parse([]byte(tt.data))
		ps := problems(err)
		if len(ps) != 1 || ps[0].Path != tt.path || !errors.Is(err, catalogue.ErrInvalidCatalogue) {
			t.Errorf("%s: %v (path %q)", tt.name, err, paths(err))
		}
	}
}

func TestLoad(t *testing.T) {
	_, err := catalogue.Load(os.DirFS("testdata"), "no-such-file.json")
	if !errors.Is(err, catalogue.ErrInvalidCatalogue) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load of a missing file: %v", err)
	}
	var ce *catalogue.Error
	if !errors.As(err, &ce) || ce.Op != "Load" || ce.Path != "no-such-file.json" {
		t.Errorf("Load error %#v", err)
	}
	if c, err := catalogue.Load(nil, "catalogue.json"); c != nil || !errors.Is(err, catalogue.ErrInvalidCatalogue) {
		t.Errorf("Load with no file system: %v, %v", c, err)
	}
}

func TestSampleRoundTrips(t *testing.T) {
	c := sample(t)
	data, err := c.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	again, err := catalogue.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(c.Spec(), again.Spec()); diff != "" {
		t.Errorf("(-sample +reread):\n%s", diff)
	}
	if !strings.Contains(string(data), `"amount":"2.00"`) {
		t.Errorf("amounts are not written as strings: %s", data)
	}
}

// Property: a valid catalogue's JSON reads back to the same catalogue,
// and writes the same bytes again.
func TestCatalogueJSONRoundTrips(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		spec := gen.CatalogueSpec().Draw(t, "spec")
		c, err := catalogue.New(spec)
		if err != nil {
			t.Fatalf("a generated catalogue is invalid: %v", err)
		}
		data, err := c.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		again, err := catalogue.Parse(data)
		if err != nil {
			t.Fatalf("%v\n%s", err, data)
		}
		if diff := cmp.Diff(c.Spec(), again.Spec()); diff != "" {
			t.Fatalf("(-written +read):\n%s", diff)
		}
		data2, _ := again.MarshalJSON()
		if !bytes.Equal(data, data2) {
			t.Fatalf("written twice, differently:\n%s\n%s", data, data2)
		}
	})
}

// Property: in any catalogue that loads, every promised limit and every
// green channel's limit ends no later than the limit above it, whatever
// the day it starts on.
func TestPromisedNeverLongerThanStatutory(t *testing.T) {
	// Limits run up to a hundred years: count past the published
	// calendar on the weekly pattern.
	cal, err := deadline.ChinaMainland().With(deadline.ExtendThrough(d(2130, 12, 31)))
	if err != nil {
		t.Fatal(err)
	}
	rapid.Check(t, func(t *rapid.T) {
		spec := gen.CatalogueSpecAnyLimits().Draw(t, "spec")
		c, err := catalogue.New(spec)
		if err != nil {
			for _, p := range problems(err) {
				if !errors.Is(p, catalogue.ErrInvalidCatalogue) {
					t.Fatalf("problem %v", p)
				}
			}
			return
		}
		start := d(2008, 1, 1) + date.Date(rapid.IntRange(0, 16*365).Draw(t, "start"))
		end := func(p deadline.Period) date.Date {
			e, err := cal.End(start, p, deadline.RollRestDays)
			if err != nil {
				t.Fatal(err)
			}
			return e.Date
		}
		for _, it := range c.Items() {
			l, err := c.Limits(it.Code, it.From)
			if err != nil {
				t.Fatal(err)
			}
			if ok, comparable := catalogue.NotLonger(l.Promised.Period(), l.Statutory.Period()); !ok || !comparable {
				t.Fatalf("%s: promised %v, statutory %v", it.Code, l.Promised.Period(), l.Statutory.Period())
			}
			if p, s := end(l.Promised.Period()), end(l.Statutory.Period()); p > s {
				t.Fatalf("%s: from %s the promise %v ends %s, after the statutory %v on %s",
					it.Code, start, l.Promised.Period(), p, l.Statutory.Period(), s)
			}
		}
	})
}

// A catalogue of any valid spec loads with green channels whose limits
// never exceed the items' promises.
func TestGreenChannelNeverLongerThanPromise(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c, err := catalogue.New(gen.CatalogueSpec().Draw(t, "spec"))
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range c.Spec().GreenChannels {
			for _, des := range g.Items {
				for _, it := range c.Items() {
					if it.Code != des.Code {
						continue
					}
					l, _ := c.Limits(it.Code, it.From)
					if ok, comparable := catalogue.NotLonger(des.Limit.Period(), l.Promised.Period()); !ok || !comparable {
						t.Fatalf("%s: green %v against promise %v", it.Code, des.Limit.Period(), l.Promised.Period())
					}
				}
			}
		}
	})
}

// The catalogue shares nothing with the spec it was built from or the
// values it hands out.
func TestCatalogueIsImmutable(t *testing.T) {
	s := baseSpec()
	c, err := catalogue.New(s)
	if err != nil {
		t.Fatal(err)
	}
	s.Items[0].Materials[0].Name = "改了"
	it, _ := c.Item("T-001")
	it.Basis[0].Article = 99
	items := c.Items()
	items[0].Channels[0] = catalogue.ChannelMail
	again, _ := c.Item("T-001")
	if again.Materials[0].Name != "申请书" || again.Basis[0].Article != 35 || again.Channels[0] != catalogue.ChannelWindow {
		t.Errorf("the catalogue changed: %+v", again)
	}
	_ = time.Now
}
