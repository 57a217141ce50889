package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date/v2/clock"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/examples/xn/api"
	"github.com/xiaoneng/xiaoneng/internal/gen"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// nightDefinition is a procedure of one step bound by 行政强制法 Art 43 ¶1:
// no enforcement at night or on a statutory holiday, unless the urgency
// is stated.
const nightDefinition = `{"id":"night","version":"1","name":"夜间执行","name_en":"enforcement at night","initial":"due",
"states":[{"id":"due","name":"待执行","name_en":"due"},{"id":"enforced","name":"已执行","name_en":"enforced","terminal":true}],
"triggers":[{"id":"enforce","name":"强制执行","name_en":"enforce"}],
"transitions":[{"from":"due","trigger":"enforce","to":"enforced",
 "guards":[{"kind":"outside_rest","key":"urgency","desc":"不得在夜间或者法定节假日实施行政强制执行","desc_en":"no enforcement at night or on a statutory holiday"}],
 "citation":{"law":"行政强制法","article":43,"paragraph":1}}]}`

func cst(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, deadline.ChinaStandardTime())
}

// fireNight fires enforce at the instant on a new case of nightDefinition
// under the options, and returns the state reached or the error's code.
func fireNight(t interface {
	Helper()
	Fatal(...any)
}, po api.ProcedureOptions, at time.Time) string {
	t.Helper()
	var s api.Service
	start, err := s.Start(api.StartRequest{ID: "N-1", Definition: json.RawMessage(nightDefinition), ProcedureOptions: po})
	if err != nil {
		t.Fatal(err)
	}
	c, _ := json.Marshal(start.Case)
	res, err := s.Fire(context.Background(), api.FireRequest{Case: c, Definition: json.RawMessage(nightDefinition), Event: procedure.Event{
		Trigger: "enforce", At: at, Actor: procedure.Actor{Officer: "李明", Unit: "综合行政执法局"}}, ProcedureOptions: po})
	if err != nil {
		return api.AsError(err).Code
	}
	return res.State.ID
}

// TestRestTimeOption: a request sets the night and the reading of
// 法定节假日 its definition applies (行政强制法 Art 43 ¶1); absent, the
// library's default, 22:00 to 06:00 and every rest day.
func TestRestTimeOption(t *testing.T) {
	city := &api.RestTime{NightFrom: "21:00", NightTo: "07:00"}
	for _, tc := range []struct {
		name string
		po   api.ProcedureOptions
		at   time.Time
		want string
	}{
		{"default: Fri 27 Mar 2026 21:30 is evening", api.ProcedureOptions{}, cst(2026, 3, 27, 21, 30), "enforced"},
		{"default: 22:00 is night", api.ProcedureOptions{}, cst(2026, 3, 27, 22, 0), api.CodeInvalidTransition},
		{"a city's night from 21:00", api.ProcedureOptions{RestTime: city}, cst(2026, 3, 27, 21, 30), api.CodeInvalidTransition},
		{"a city's night until 07:00", api.ProcedureOptions{RestTime: city}, cst(2026, 3, 30, 6, 30), api.CodeInvalidTransition},
		{"a city's morning", api.ProcedureOptions{RestTime: city}, cst(2026, 3, 30, 7, 0), "enforced"},
		{"no night", api.ProcedureOptions{RestTime: &api.RestTime{NightFrom: "00:00", NightTo: "00:00"}}, cst(2026, 3, 27, 23, 30), "enforced"},
		{"default: Sat 28 Mar 2026 is a rest day", api.ProcedureOptions{}, cst(2026, 3, 28, 10, 0), api.CodeInvalidTransition},
		{"holidays only: a Saturday is not one", api.ProcedureOptions{RestTime: &api.RestTime{HolidaysOnly: true}}, cst(2026, 3, 28, 10, 0), "enforced"},
		{"holidays only, the default night", api.ProcedureOptions{RestTime: &api.RestTime{HolidaysOnly: true}}, cst(2026, 3, 28, 22, 0), api.CodeInvalidTransition},
		{"holidays only: 劳动节 is", api.ProcedureOptions{RestTime: &api.RestTime{HolidaysOnly: true}}, cst(2026, 5, 1, 10, 0), api.CodeInvalidTransition},
	} {
		if got := fireNight(t, tc.po, tc.at); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

// TestOfficeHoursOption: under office hours that close at 17:00 and
// defer, an application handed in after closing on Fri 26 Sep 2025 counts
// as received on Sun 28 September, a make-up working day (行政许可法 Art 32
// with the State Council's arrangement for 2025).
func TestOfficeHoursOption(t *testing.T) {
	var s api.Service
	ctx := context.Background()
	receive := procedure.Event{Trigger: "receive", At: cst(2025, 9, 26, 17, 30), Actor: procedure.Actor{Officer: "王敏", Unit: "行政审批局"},
		Payload: map[string]string{"voucher": "收件011"}}
	due := func(po api.ProcedureOptions) string {
		t.Helper()
		res, err := s.Replay(ctx, api.ReplayRequest{Procedure: "licensing", ID: "XK-1", Events: []procedure.Event{receive}, ProcedureOptions: po})
		if err != nil {
			t.Fatal(err)
		}
		return res.Case.Clocks[0].Clock.Started().String()
	}
	if got := due(api.ProcedureOptions{}); got != "2025-09-26" {
		t.Errorf("without office hours the clock starts on %s, want 2025-09-26", got)
	}
	if got := due(api.ProcedureOptions{OfficeHours: &api.OfficeHours{Close: "17:00", Defer: true}}); got != "2025-09-28" {
		t.Errorf("after closing the clock starts on %s, want 2025-09-28", got)
	}
	if got := due(api.ProcedureOptions{OfficeHours: &api.OfficeHours{Close: "17:00"}}); got != "2025-09-26" {
		t.Errorf("office hours that do not defer start the clock on %s, want 2025-09-26", got)
	}
}

// TestRestTimeAgree: whatever the options, a request answers as
// the library does with the same options set in Go.
func TestRestTimeAgree(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		hm := func(label string) (string, clock.Clock) {
			h, m := rapid.IntRange(0, 23).Draw(t, label+" hour"), rapid.IntRange(0, 59).Draw(t, label+" minute")
			return fmt.Sprintf("%02d:%02d", h, m), clock.New(h, m, 0, 0)
		}
		var (
			po   api.ProcedureOptions
			opts []procedure.Option
		)
		if rapid.Bool().Draw(t, "rest time") {
			r := procedure.DefaultRestTime()
			rt := &api.RestTime{HolidaysOnly: rapid.Bool().Draw(t, "holidays only")}
			r.HolidaysOnly = rt.HolidaysOnly
			if rapid.Bool().Draw(t, "own night") {
				rt.NightFrom, r.NightFrom = hm("from")
				rt.NightTo, r.NightTo = hm("to")
			}
			po.RestTime = rt
			opts = append(opts, procedure.WithRestTime(r))
		}
		d, err := procedure.ParseDefinition([]byte(nightDefinition), opts...)
		if err != nil {
			t.Fatal(err)
		}
		at := cst(2026, 1, 1, 0, 0).Add(time.Duration(rapid.IntRange(0, 365*24*60-1).Draw(t, "minute of 2026")) * time.Minute)
		c := d.NewCase("N-1")
		want := "enforced"
		if err := d.Fire(context.Background(), c, procedure.Event{Trigger: "enforce", At: at, Actor: procedure.Actor{Officer: "李明", Unit: "综合行政执法局"}}); err != nil {
			want = api.AsError(err).Code
		}
		if got := fireNight(t, po, at); got != want {
			t.Fatalf("%v under %+v: %s, the library says %s", at, po.RestTime, got, want)
		}
	})
}

// TestProcedureOptionsRejected: a time that is not one is refused with
// the member named, and no case is made or changed.
func TestProcedureOptionsRejected(t *testing.T) {
	var s api.Service
	for _, tc := range []struct {
		po     api.ProcedureOptions
		member string
	}{
		{api.ProcedureOptions{OfficeHours: &api.OfficeHours{Close: "17:60"}}, "office_hours.close"},
		{api.ProcedureOptions{OfficeHours: &api.OfficeHours{Close: "5pm"}}, "office_hours.close"},
		{api.ProcedureOptions{OfficeHours: &api.OfficeHours{Close: "24:01"}}, "office_hours.close"},
		{api.ProcedureOptions{RestTime: &api.RestTime{NightFrom: "24:00", NightTo: "06:00"}}, "rest_time.night_from"},
		{api.ProcedureOptions{RestTime: &api.RestTime{NightFrom: "22:00"}}, "rest_time.night_to"},
		{api.ProcedureOptions{RestTime: &api.RestTime{NightTo: "6:00"}}, "rest_time.night_from"},
		{api.ProcedureOptions{RestTime: &api.RestTime{NightFrom: "22:00", NightTo: "06:00:60"}}, "rest_time.night_to"},
	} {
		_, err := s.Start(api.StartRequest{Procedure: "penalty", ID: "P-1", ProcedureOptions: tc.po})
		ae := api.AsError(err)
		if err == nil || ae.Code != api.CodeBadRequest || !strings.HasPrefix(ae.Message, tc.member+": ") {
			t.Errorf("%+v %+v: %v, want a bad request naming %s", tc.po.OfficeHours, tc.po.RestTime, err, tc.member)
		}
	}
}

// drawOptions draws, each half the time, office hours and (with
// restTime) a rest time, as a request gives them and as the library's
// options set them. The closing time is on the minute, or 24:00 (none).
func drawOptions(t *rapid.T, restTime bool) (api.ProcedureOptions, []procedure.Option) {
	var (
		po   api.ProcedureOptions
		opts []procedure.Option
	)
	if rapid.Bool().Draw(t, "office hours") {
		h := rapid.IntRange(0, 24).Draw(t, "closing hour")
		m := 0
		if h < 24 {
			m = rapid.IntRange(0, 59).Draw(t, "closing minute")
		}
		po.OfficeHours = &api.OfficeHours{Close: fmt.Sprintf("%02d:%02d", h, m), Defer: rapid.Bool().Draw(t, "defer")}
		opts = append(opts, procedure.WithOfficeHours(deadline.OfficeHours{Close: clock.New(h%24, m, 0, 0), Defer: po.OfficeHours.Defer}))
	}
	if restTime && rapid.Bool().Draw(t, "rest time") {
		r := gen.RestTime(t)
		po.RestTime = &api.RestTime{NightFrom: r.NightFrom.HhMmSs(), NightTo: r.NightTo.HhMmSs(), HolidaysOnly: r.HolidaysOnly}
		opts = append(opts, procedure.WithRestTime(r))
	}
	return po, opts
}

// TestOfficeHoursAgree: whatever the office hours, an application
// received through a request starts its clocks as the library does with
// the same hours set in Go.
func TestOfficeHoursAgree(t *testing.T) {
	var s api.Service
	ctx := context.Background()
	rapid.Check(t, func(t *rapid.T) {
		po, opts := drawOptions(t, false)
		d, err := procedure.Reference("licensing", opts...)
		if err != nil {
			t.Fatal(err)
		}
		at := cst(2025, 1, 1, 0, 0).Add(time.Duration(rapid.IntRange(0, 365*24*60-1).Draw(t, "minute of 2025")) * time.Minute)
		e := procedure.Event{Trigger: "receive", At: at, Actor: procedure.Actor{Officer: "王敏", Unit: "行政审批局"}, Payload: map[string]string{"voucher": "收件"}}
		want, err := d.Replay(ctx, "XK-1", []procedure.Event{e})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Replay(ctx, api.ReplayRequest{Procedure: "licensing", ID: "XK-1", Events: []procedure.Event{e}, ProcedureOptions: po})
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(want)
		b, _ := json.Marshal(got.Case)
		if string(a) != string(b) {
			t.Fatalf("%v under %+v:\n%s\nthe library says\n%s", at, po.OfficeHours, b, a)
		}
	})
}

// FuzzParseTimeOfDay: any string is a time of day in [00:00, 24:00),
// written back as it parsed, or a bad request naming the member.
func FuzzParseTimeOfDay(f *testing.F) {
	for _, s := range []string{"", "00:00", "17:30", "23:59:59", "24:00", "24:00:00", "6:00", "17:60", "12:30:60", "1730", "５:00", "17:3０"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, endOfDay bool) {
		c, err := api.ParseTimeOfDay("m", s, endOfDay)
		if err != nil {
			if ae := api.AsError(err); ae.Code != api.CodeBadRequest || !strings.HasPrefix(ae.Message, "m: ") {
				t.Fatalf("%q: %v", s, err)
			}
			return
		}
		if c < 0 || c >= clock.Day {
			t.Fatalf("%q: %v, not a time of day", s, c)
		}
		switch back := c.HhMmSs(); {
		case endOfDay && c == 0 && (s == "" || strings.HasPrefix(s, "24")):
		case back == s, len(s) == 5 && back == s+":00":
		default:
			t.Fatalf("%q parsed as %s", s, back)
		}
	})
}

// BenchmarkStartWithOptions starts a penalty case with a city's night
// and office hours: after the first request, the service answers from
// the definition it built for those options (building one takes about
// 2 ms: procedure's BenchmarkReferenceWithOption).
func BenchmarkStartWithOptions(b *testing.B) {
	var s api.Service
	req := api.StartRequest{Procedure: "penalty", ID: "P-1", ProcedureOptions: api.ProcedureOptions{
		OfficeHours: &api.OfficeHours{Close: "17:30", Defer: true},
		RestTime:    &api.RestTime{NightFrom: "21:00", NightTo: "07:00"},
	}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Start(req); err != nil {
			b.Fatal(err)
		}
	}
}
