package api_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/examples/xn/api"
	"github.com/xiaoneng/xiaoneng/internal/gen"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// receivedAt returns a licensing case whose application was received at
// the instant, as the library stores it.
func receivedAt(t *testing.T, at time.Time) json.RawMessage {
	t.Helper()
	d, err := procedure.Reference("licensing")
	if err != nil {
		t.Fatal(err)
	}
	c := d.NewCase("XK-2025-004")
	if err := d.Fire(context.Background(), c, procedure.Event{Trigger: "receive", At: at,
		Actor: procedure.Actor{Officer: "王敏", Unit: "市场监管局"}, Payload: map[string]string{"voucher": "收件004"}}); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// signature lists the triggers of the steps in order, a blocked one
// marked with "!".
func signature(steps []api.NextStepInfo) string {
	var out []string
	for _, s := range steps {
		if s.Open {
			out = append(out, s.Trigger)
		} else {
			out = append(out, "!"+s.Trigger)
		}
	}
	return strings.Join(out, " ")
}

// TestCaseNext follows a licence application received on Thursday 25
// September 2025 at 10:00: on the day it may still be decided on the spot
// (行政许可法 Art 34 ¶2), not the next morning; once the five working days
// of Art 32 ¶1(4) ran out without a notice, 视为受理 applies first and the
// steps are refused until the case is advanced. The night and rest days
// of 行政强制法 Art 43 ¶1 block an enforcement that states no emergency,
// under the request's rest time.
func TestCaseNext(t *testing.T) {
	received := receivedAt(t, cst(2025, 9, 25, 10, 0))
	const (
		all     = "correct_on_spot request_supplement accept refuse_acceptance refuse_acceptance decide_on_spot"
		noSpot  = "correct_on_spot request_supplement accept refuse_acceptance refuse_acceptance !decide_on_spot"
		dayOnly = "当场作出决定（收到申请之日） / decided on the spot, the day the application is received"
	)
	night := json.RawMessage(nightDefinition)
	strict := json.RawMessage(strings.Replace(nightDefinition, `"key":"urgency",`, "", 1))
	nightCase := func(def json.RawMessage) json.RawMessage {
		var s api.Service
		res, err := s.Start(api.StartRequest{ID: "N-1", Definition: def})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(res.Case)
		return b
	}
	city := api.ProcedureOptions{RestTime: &api.RestTime{NightFrom: "21:00", NightTo: "07:00"}}
	for _, tc := range []struct {
		name string
		req  api.CaseNextRequest
		code string
		// steps is the signature of the steps; at the instant answered.
		steps, at string
		// blocked and needs are those of the step of trigger of.
		of             string
		blocked, needs []string
	}{
		{name: "the day of receipt", req: api.CaseNextRequest{Case: received, At: "2025-09-25T15:00:00+08:00"},
			steps: all, at: "2025-09-25T15:00:00+08:00"},
		{name: "the next morning", req: api.CaseNextRequest{Case: received, At: "2025-09-26T09:00:00+08:00"},
			steps: noSpot, at: "2025-09-26T09:00:00+08:00", of: "decide_on_spot", blocked: []string{dayOnly},
			needs: []string{"申请材料齐全、符合法定形式，能够当场作出决定 / the materials are complete and in the legal form, so the decision can be made on the spot",
				"当场作出书面的行政许可决定 / a written decision is made on the spot"}},
		{name: "an instant in UTC is read in China Standard Time", req: api.CaseNextRequest{Case: received, At: "2025-09-25T16:30:00Z"},
			steps: noSpot, at: "2025-09-26T00:30:00+08:00"},
		{name: "a step nothing blocks lists []", req: api.CaseNextRequest{Case: received, At: "2025-09-26T09:00:00+08:00"},
			steps: noSpot, at: "2025-09-26T09:00:00+08:00", of: "accept", blocked: []string{},
			needs: []string{"出具加盖专用印章并注明日期的书面凭证 / a written voucher with the agency's seal and the date"}},
		{name: "the last instant before 视为受理", req: api.CaseNextRequest{Case: received, At: "2025-10-09T23:59:59+08:00"},
			steps: noSpot, at: "2025-10-09T23:59:59+08:00"},
		{name: "视为受理 took effect", req: api.CaseNextRequest{Case: received, At: "2025-10-10T09:00:00+08:00"}, code: api.CodeOutcomeDue},
		{name: "before the last event", req: api.CaseNextRequest{Case: received, At: "2025-09-25T09:00:00+08:00"}, code: api.CodeInvalidEvent},
		{name: "no instant", req: api.CaseNextRequest{Case: received}, code: api.CodeBadRequest},
		{name: "a date is not an instant", req: api.CaseNextRequest{Case: received, At: "2025-09-26"}, code: api.CodeInvalidDate},
		{name: "no case", req: api.CaseNextRequest{At: "2025-09-26T09:00:00+08:00"}, code: api.CodeBadRequest},
		{name: "a terminal state", req: api.CaseNextRequest{Case: json.RawMessage(`{"id":"XK-1","definition":"licensing","version":"2019","state":"refused"}`),
			At: "2025-09-26T09:00:00+08:00"}, steps: "", at: "2025-09-26T09:00:00+08:00"},
		{name: "another version", req: api.CaseNextRequest{Case: json.RawMessage(`{"id":"XK-1","definition":"licensing","version":"2003","state":"received"}`),
			At: "2025-09-26T09:00:00+08:00"}, code: api.CodeWrongProcedure},
		{name: "an unknown procedure", req: api.CaseNextRequest{Case: json.RawMessage(`{"id":"XK-1","definition":"licence","version":"2019","state":"received"}`),
			At: "2025-09-26T09:00:00+08:00"}, code: api.CodeUnknownProcedure},
		{name: "past the calendar", req: api.CaseNextRequest{Case: receivedAt(t, cst(2026, 12, 28, 10, 0)), At: "2027-01-08T09:00:00+08:00"},
			code: api.CodeOutOfCoverage},
		{name: "an emergency may be stated at night", req: api.CaseNextRequest{Case: nightCase(night), Definition: night, At: "2026-03-27T22:30:00+08:00"},
			steps: "enforce", at: "2026-03-27T22:30:00+08:00", of: "enforce", blocked: []string{},
			needs: []string{"不得在夜间或者法定节假日实施行政强制执行 / no enforcement at night or on a statutory holiday"}},
		{name: "the evening, by default", req: api.CaseNextRequest{Case: nightCase(strict), Definition: strict, At: "2026-03-27T21:30:00+08:00"},
			steps: "enforce", at: "2026-03-27T21:30:00+08:00"},
		{name: "a city's night from 21:00", req: api.CaseNextRequest{Case: nightCase(strict), Definition: strict, At: "2026-03-27T21:30:00+08:00", ProcedureOptions: city},
			steps: "!enforce", at: "2026-03-27T21:30:00+08:00", of: "enforce",
			blocked: []string{"不得在夜间或者法定节假日实施行政强制执行 / no enforcement at night or on a statutory holiday"}, needs: []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var s api.Service
			res, err := s.CaseNext(tc.req)
			if tc.code != "" {
				if ae := api.AsError(err); err == nil || ae.Code != tc.code {
					t.Fatalf("%+v, %v; want %s", res, err, tc.code)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := signature(res.Steps); got != tc.steps || res.At != tc.at {
				t.Errorf("steps %q at %s; want %q at %s", got, res.At, tc.steps, tc.at)
			}
			b, _ := json.Marshal(res)
			if res.Steps == nil || strings.Contains(string(b), "null") {
				t.Errorf("a list marshals as null: %s", b)
			}
			if tc.of == "" {
				return
			}
			i := slices.IndexFunc(res.Steps, func(s api.NextStepInfo) bool { return s.Trigger == tc.of })
			if i < 0 {
				t.Fatalf("no step %s", tc.of)
			}
			if d := cmp.Diff(tc.blocked, res.Steps[i].Blocked); d != "" {
				t.Errorf("blocked (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tc.needs, res.Steps[i].Needs); d != "" {
				t.Errorf("needs (-want +got):\n%s", d)
			}
		})
	}
}

// TestCaseNextAgrees: on random cases of every reference procedure, under
// random office hours and rest time, the service answers what the
// library's Definition.Next says with the same options set in Go: the
// same steps, with the same guards blocking and needed, or an error of the
// code the library's error maps to.
func TestCaseNextAgrees(t *testing.T) {
	var s api.Service
	names := procedure.ReferenceNames()
	rapid.Check(t, func(t *rapid.T) {
		po, opts := drawOptions(t, true)
		name := rapid.SampledFrom(names).Draw(t, "procedure")
		d, err := procedure.Reference(name, opts...)
		if err != nil {
			t.Fatal(err)
		}
		c := gen.Case(t, d, "N-1", rapid.IntRange(0, 12).Draw(t, "events"))
		// An instant an event would be fired at; now and then one before
		// the last event, or weeks later, when a clock may have run out;
		// and, in a state with an automatic outcome, half the time within
		// an hour of the instant it takes effect.
		at := gen.Step(t, d, c).At
		switch rapid.IntRange(0, 9).Draw(t, "when") {
		case 3:
			if n := len(c.Events); n > 0 {
				at = c.Events[n-1].At.Add(-time.Duration(rapid.IntRange(1, 3*24*60).Draw(t, "minutes earlier")) * time.Minute)
			}
		case 6, 7:
			at = at.Add(time.Duration(rapid.IntRange(1, 90*24*60).Draw(t, "minutes later")) * time.Minute)
		}
		if fired, err := d.Advance(context.Background(), c.Clone(), at.AddDate(0, 4, 0)); err == nil && len(fired) > 0 && rapid.Bool().Draw(t, "near the outcome") {
			at = fired[0].At.Add(time.Duration(rapid.IntRange(-3600, 3600).Draw(t, "seconds off")) * time.Second)
		}
		raw, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		want, wantErr := d.Next(c, at)
		got, err := s.CaseNext(api.CaseNextRequest{Case: raw, At: at.Format(time.RFC3339Nano), ProcedureOptions: po})
		if wantErr != nil {
			if code := api.AsError(wantErr).Code; err == nil || api.AsError(err).Code != code {
				t.Fatalf("%s in %s at %s: %+v, %v; the library says %v (%s)", name, c.State, at, got, err, wantErr, code)
			}
			return
		}
		if err != nil {
			t.Fatalf("%s in %s at %s: %v; the library lists %+v", name, c.State, at, err, want)
		}
		if back, err := time.Parse(time.RFC3339, got.At); err != nil || !back.Equal(at) {
			t.Fatalf("at %s, asked at %s", got.At, at)
		}
		if got.Case != c.ID || got.Procedure != c.Definition || got.State.ID != string(c.State) || got.State.Terminal != d.IsTerminal(c.State) {
			t.Fatalf("case %s %s in %+v; want %s %s in %s", got.Case, got.Procedure, got.State, c.ID, c.Definition, c.State)
		}
		lib := make([]api.NextStepInfo, 0, len(want))
		for _, n := range want {
			zh, en := d.TriggerLabel(n.Trigger)
			to, _ := d.StateLabel(n.To)
			lib = append(lib, api.NextStepInfo{Trigger: string(n.Trigger), Name: zh, NameEN: en, To: string(n.To), ToName: to, Open: n.Open(),
				Blocked: append([]string{}, n.Blocked...), Needs: append([]string{}, n.Needs...), Citation: api.Cite(n.Citation)})
		}
		if diff := cmp.Diff(lib, got.Steps); diff != "" {
			t.Fatalf("%s in %s at %s (-library +service):\n%s", name, c.State, at, diff)
		}
	})
}
