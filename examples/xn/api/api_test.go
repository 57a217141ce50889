package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/catalogue"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/discretion"
	"github.com/xiaoneng/xiaoneng/examples/xn/api"
	"github.com/xiaoneng/xiaoneng/examples/xn/ics"
	"github.com/xiaoneng/xiaoneng/procedure"
)

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Every sentinel of the library maps to the code a caller branches on.
func TestCodeOfSentinels(t *testing.T) {
	for _, tc := range []struct {
		err  error
		code string
	}{
		{deadline.ErrOutOfCoverage, api.CodeOutOfCoverage},
		{deadline.ErrInvalidDate, api.CodeInvalidDate},
		{deadline.ErrInvalidCalendar, api.CodeInvalidCalendar},
		{ics.ErrInvalid, api.CodeInvalidCalendar},
		{deadline.ErrUnknownRule, api.CodeUnknownRule},
		{deadline.ErrExtensionRefused, api.CodeLedgerRefused},
		{deadline.ErrOverlap, api.CodeLedgerRefused},
		{procedure.ErrUnknownDefinition, api.CodeUnknownProcedure},
		{procedure.ErrInvalidTransition, api.CodeInvalidTransition},
		{procedure.ErrExpired, api.CodeOutcomeDue},
		{discretion.ErrUnknownStandard, api.CodeUnknownStandard},
		{discretion.ErrInvalidStandard, api.CodeInvalidBenchmark},
		{accountability.ErrInvalidInput, api.CodeInvalidInput},
		{accountability.ErrInvalidLadder, api.CodeInvalidConfig},
		{catalogue.ErrNotInCatalogue, api.CodeNotInCatalogue},
		{catalogue.ErrNotInForce, api.CodeNotInForce},
		{errors.New("disk on fire"), api.CodeInternal},
	} {
		got := api.AsError(fmt.Errorf("wrapped: %w", tc.err))
		if got.Code != tc.code {
			t.Errorf("%v: code %s, want %s", tc.err, got.Code, tc.code)
		}
		if !errors.Is(got, tc.err) {
			t.Errorf("%v: the *Error does not wrap the library's error", tc.err)
		}
	}
	if api.AsError(nil) != nil {
		t.Error("AsError(nil) is not nil")
	}
}

// Every code has a status of 400, 404, 405, 413, 422 or 500.
func TestStatuses(t *testing.T) {
	allowed := map[int]bool{400: true, 404: true, 405: true, 413: true, 422: true, 500: true}
	for _, c := range api.Codes() {
		if !allowed[api.Status(c)] {
			t.Errorf("%s: status %d", c, api.Status(c))
		}
	}
	if api.Status("no-such-code") != http.StatusInternalServerError {
		t.Error("an unknown code is not 500")
	}
}

// A file with several problems lists each with where it is.
// Every problem of a file is listed, the join flattened: here an unknown
// weekday, an impossible date and a coverage that ends before it starts.
func TestProblemsListed(t *testing.T) {
	var s api.Service
	_, err := s.Add(api.AddRequest{Date: "2025-01-24", N: 3, CalendarOptions: api.CalendarOptions{Calendar: fixture(t, "invalid-calendar.json")}})
	ae := api.AsError(err)
	if ae.Code != api.CodeInvalidCalendar || len(ae.Problems) != 3 || ae.Problems[0].Path != "weekend[1]" {
		t.Errorf("got %+v", ae)
	}
}

// Decode refuses what is not exactly one JSON value of the type, within
// the limit.
func TestDecode(t *testing.T) {
	for _, tc := range []struct {
		in, code string
	}{
		{`{"date": "2025-09-26", "n": 20}`, ""},
		{``, api.CodeMalformedJSON},
		{`{"date": `, api.CodeMalformedJSON},
		{`{"date": "2025-09-26"} x`, api.CodeMalformedJSON},
		{`{"date": "2025-09-26", "later": 1}`, api.CodeBadRequest},
		{`{"n": 1.5}`, api.CodeBadRequest},
		{`{"calendar": {}, "date": "` + strings.Repeat("x", 200) + `"}`, api.CodeRequestTooLarge},
	} {
		var req api.AddRequest
		err := api.Decode(strings.NewReader(tc.in), 128, &req)
		switch {
		case tc.code == "" && err != nil:
			t.Errorf("%q: %v", tc.in, err)
		case tc.code != "" && api.AsError(err).Code != tc.code:
			t.Errorf("%q: %v, want %s", tc.in, err, tc.code)
		}
	}
}

// A request encoded as JSON decodes to the same request, and the
// operation answers the same: the wire form loses nothing.
func TestRequestRoundTrip(t *testing.T) {
	var s api.Service
	from, to := deadline.ChinaMainland().Coverage()
	rapid.Check(t, func(t *rapid.T) {
		req := api.DueRequest{Start: (from + deadlineDays(rapid.IntRange(0, int(to-from)).Draw(t, "start"))).String()}
		if rapid.Bool().Draw(t, "rule") {
			rules := deadline.ReferenceRules()
			req.Rule = rules[rapid.IntRange(0, len(rules)-1).Draw(t, "rule index")].ID
		} else {
			req.Period = &api.Period{N: rapid.IntRange(0, 400).Draw(t, "n"), Unit: rapid.SampledFrom([]string{"working_days", "days", "months", "years"}).Draw(t, "unit")}
			req.Roll = rapid.SampledFrom([]string{"", "rest_days", "holidays", "none"}).Draw(t, "roll")
		}
		b, err := json.Marshal(req)
		if err != nil {
			t.Fatal(err)
		}
		var back api.DueRequest
		if err := api.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		r1, e1 := s.Due(req)
		r2, e2 := s.Due(back)
		j1, _ := json.Marshal(r1)
		j2, _ := json.Marshal(r2)
		if (e1 == nil) != (e2 == nil) || string(j1) != string(j2) {
			t.Fatalf("%s: %v %v / %v %v", b, r1, e1, r2, e2)
		}
		if e1 != nil && api.AsError(e1).Code == api.CodeInternal {
			t.Fatalf("internal error: %v", e1)
		}
		if e1 == nil && r1.Due < r1.Start {
			t.Fatalf("due %s before start %s", r1.Due, r1.Start)
		}
	})
}

func deadlineDays(n int) date.Date { return date.Date(n) }

// A case fired through the API replays to the same case.
func TestFireThenReplay(t *testing.T) {
	var s api.Service
	ctx := context.Background()
	res, err := s.Start(api.StartRequest{Procedure: "licensing", ID: "XK-1"})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2025, 9, 25, 10, 0, 0, 0, deadline.ChinaStandardTime())
	for i, e := range []procedure.Event{
		{Trigger: "receive", At: at, Actor: procedure.Actor{Officer: "王敏", Unit: "审批局"}, Payload: map[string]string{"voucher": "1"}},
		{Trigger: "accept", At: at.Add(24 * time.Hour), Actor: procedure.Actor{Officer: "王敏", Unit: "审批局"}, Payload: map[string]string{"voucher": "2"}},
	} {
		b, _ := json.Marshal(res.Case)
		if res, err = s.Fire(ctx, api.FireRequest{Case: b, Event: e}); err != nil {
			t.Fatalf("event %d: %v", i, err)
		}
	}
	back, err := s.Replay(ctx, api.ReplayRequest{Procedure: "licensing", ID: "XK-1", Events: res.Case.Events})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(res)
	b, _ := json.Marshal(back)
	if string(a) != string(b) {
		t.Errorf("replay differs:\n%s\n%s", a, b)
	}
}

// The guide's limits say whether they may be extended: a licence's twenty
// working days by ten more (行政许可法 Art 42 ¶1), a construction permit's
// seven days, which 建筑法 Art 8 ¶2 sets in their place, not at all.
func TestGuideExtension(t *testing.T) {
	data, err := os.ReadFile("../testdata/catalogue.json")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalogue.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	s := api.Service{Catalogue: cat}
	for _, tc := range []struct {
		code string
		max  int
	}{{"SCJG-XK-001", 10}, {"ZJ-XK-003", 0}} {
		g, err := s.Guide(api.GuideRequest{Code: tc.code, On: "2025-09-25"})
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range []api.LimitInfo{g.Statutory, g.Promised} {
			switch {
			case tc.max == 0 && l.Extension != nil:
				t.Errorf("%s: extension %+v, want none", tc.code, *l.Extension)
			case tc.max > 0 && (l.Extension == nil || l.Extension.Max != tc.max):
				t.Errorf("%s: extension %+v, want %d", tc.code, l.Extension, tc.max)
			}
		}
	}
}

// TestStatusLightPastCoverage: a renewal limit running to a licence's
// expiry on 20 February 2027 (行政许可法 Art 50) does not roll, and is
// counted without the calendar; its light counts working days. On 24
// December 2026 five of 2026 are still to come: green under the default
// policy whatever January holds, and the working days left are not
// given. Under a policy of ten working days ahead the light turns on
// January: refused as out of coverage, as a due day past it would be.
// Extended on the weekly pattern, the calendar answers provisionally.
func TestStatusLightPastCoverage(t *testing.T) {
	rule, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := deadline.NewTemplate(rule)
	if err != nil {
		t.Fatal(err)
	}
	if tmpl, err = tmpl.Term(62); err != nil {
		t.Fatal(err)
	}
	clk, err := tmpl.Start(date.New(2026, 12, 20))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(clk)
	if err != nil {
		t.Fatal(err)
	}
	var s api.Service
	res, err := s.Status(api.ClockRequest{Clock: raw, AsOf: "2026-12-24"})
	if err != nil || res.Light != "green" || res.WorkingDaysLeft != nil || res.Remaining != 58 {
		t.Errorf("default policy: %+v, %v; want green, 58 days left, the working days not given", res, err)
	}
	ahead := &deadline.Policy{YellowRemaining: 10}
	_, err = s.Status(api.ClockRequest{Clock: raw, AsOf: "2026-12-24", Policy: ahead})
	var ae *api.Error
	if !errors.As(err, &ae) || ae.Code != api.CodeOutOfCoverage {
		t.Errorf("ten working days ahead: %v; want %s", err, api.CodeOutOfCoverage)
	}
	if _, err := s.Explain(api.ClockRequest{Clock: raw, AsOf: "2026-12-24", Policy: ahead}); !errors.As(err, &ae) || ae.Code != api.CodeOutOfCoverage {
		t.Errorf("explained, ten working days ahead: %v; want %s", err, api.CodeOutOfCoverage)
	}
	req := api.ClockRequest{Clock: raw, AsOf: "2026-12-24", Policy: ahead}
	req.ExtendThrough = "2027-12-31"
	res, err = s.Status(req)
	if err != nil || !res.Provisional || res.WorkingDaysLeft == nil || res.Light != "green" {
		t.Errorf("on an extended calendar: %+v, %v; want green, provisional, with the working days left", res, err)
	}
}

// No operation panics, on a nil *Service and zero requests.
func TestNilServiceZeroRequests(t *testing.T) {
	var s *api.Service
	ctx := context.Background()
	calls := []func() error{
		func() error { _, err := s.Add(api.AddRequest{}); return err },
		func() error { _, err := s.Between(api.BetweenRequest{}); return err },
		func() error { _, err := s.Due(api.DueRequest{}); return err },
		func() error { _, err := s.Status(api.ClockRequest{}); return err },
		func() error { _, err := s.Explain(api.ClockRequest{}); return err },
		func() error { _, err := s.Show(api.ShowRequest{}); return err },
		func() error { _, err := s.ValidateCalendar("", nil); return err },
		func() error { _, _, err := s.Export(api.ExportRequest{Format: "pdf"}); return err },
		func() error { _, err := s.Start(api.StartRequest{}); return err },
		func() error { _, err := s.Fire(ctx, api.FireRequest{}); return err },
		func() error { _, err := s.Replay(ctx, api.ReplayRequest{}); return err },
		func() error { _, err := s.CaseDue(api.CaseDueRequest{}); return err },
		func() error { _, err := s.Advance(ctx, api.AdvanceRequest{}); return err },
		func() error { _, err := s.CaseNext(api.CaseNextRequest{}); return err },
		func() error { _, _, err := s.Diagram(api.DiagramRequest{}); return err },
		func() error { _, err := s.Assess(api.AssessRequest{}); return err },
		func() error { _, err := s.Check(api.CheckRequest{}); return err },
		func() error { _, err := s.ValidateBenchmark("", nil); return err },
		func() error { _, err := s.Evaluate(api.EvaluateRequest{}); return err },
		func() error { _, err := s.ValidateCatalogue("", nil); return err },
		func() error { _, err := s.Guide(api.GuideRequest{}); return err },
		func() error { _, err := s.CalendarWith("not a date"); return err },
		func() error { return api.Decode(nil, 10, new(api.AddRequest)) },
	}
	for i, call := range calls {
		err := call()
		if err == nil {
			continue // validations of empty documents answer a verdict
		}
		if api.AsError(err).Code == api.CodeInternal {
			t.Errorf("call %d: internal error %v", i, err)
		}
	}
	_ = s.Rules()
	_ = s.CalendarRef()
	if _, err := s.Procedures(); err != nil {
		t.Error(err)
	}
}
