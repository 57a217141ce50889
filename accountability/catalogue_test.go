package accountability_test

import (
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/catalogue"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// TestOneTimeNoticeReadsCatalogueIntake runs 一次性告知 on notices produced
// by package catalogue's intake check (行政许可法 Art 32 ¶1(4)): the
// payload keys and list separator the rule reads are the ones the
// catalogue writes. A second notice after a partial supplement asks again
// only for what the first listed, which is no breach; a notice by hand
// asking for a material the first found neither missing nor conforming
// is.
func TestOneTimeNoticeReadsCatalogueIntake(t *testing.T) {
	cat, err := catalogue.Load(os.DirFS("../catalogue/testdata"), "sample.json")
	if err != nil {
		t.Fatal(err)
	}
	const code = "SCJG-XK-001"
	it, err := cat.InForce(code, day(2025, 9, 1))
	if err != nil {
		t.Fatal(err)
	}
	// The required materials that cannot follow after acceptance: missing,
	// they call for a notice rather than 容缺受理.
	var names []string
	for _, m := range it.Materials {
		if m.Required && !m.Deferrable {
			names = append(names, m.Name)
		}
	}
	if len(names) < 4 {
		t.Fatalf("the sample item lists %d required materials", len(names))
	}
	// The first intake: the last two materials not handed in.
	first := map[string]catalogue.Submitted{}
	for _, m := range it.Materials {
		first[m.Name] = catalogue.Submitted{Conforming: true}
	}
	for _, n := range names[len(names)-2:] {
		delete(first, n)
	}
	// The supplement brings only the last but one.
	second := map[string]catalogue.Submitted{names[len(names)-2]: {Conforming: true}}
	for k, v := range first {
		second[k] = v
	}
	notice := func(on int, materials map[string]catalogue.Submitted) procedure.Event {
		t.Helper()
		res, err := cat.Intake(catalogue.Application{Item: code, On: day(2025, 9, on), Materials: materials})
		if err != nil {
			t.Fatal(err)
		}
		x, err := res.Event(at(2025, 9, on), wang, "SJ-1")
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	n1, n2 := notice(2, first), notice(10, second)
	if n1.Trigger != "request_supplement" || n2.Trigger != "request_supplement" {
		t.Fatalf("intake gave %s and %s, want two notices", n1.Trigger, n2.Trigger)
	}
	d := ref(t, "licensing")
	e := defaultEvaluator(t)
	for _, tc := range []struct {
		name  string
		later map[string]string
		want  int
	}{
		{"the catalogue's second notice", n2.Payload, 0},
		{"a notice asking for a material not listed", map[string]string{"missing": names[len(names)-1] + "；场所平面图"}, 1},
	} {
		c := build(t, d, "XK-C",
			ev{wang, "receive", at(2025, 9, 1), voucher},
			ev{wang, n1.Trigger, n1.At, n1.Payload},
			ev{li, "request_supplement", at(2025, 9, 10), tc.later},
		)
		fs := only(evaluate(t, e, accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}}, day(2025, 9, 20)), accountability.RuleOneTimeNotice)
		if len(fs) != tc.want {
			t.Errorf("%s: %d findings, want %d: %+v", tc.name, len(fs), tc.want, fs)
		}
	}
}

// TestStatutoryLimitOfTheItem: a construction permit has seven days
// (建筑法 Art 8 ¶2), not the twenty working days of 行政许可法 Art 42; a
// case on the unit's five-day promise, decided on the eighth day, breaks
// the promise and, when the record carries the item's statutory rule, the
// statute too.
func TestStatutoryLimitOfTheItem(t *testing.T) {
	cat, err := catalogue.Load(os.DirFS("../catalogue/testdata"), "sample.json")
	if err != nil {
		t.Fatal(err)
	}
	const code = "ZJ-XK-003"
	d, c, err := cat.Start("JS-1", code, day(2025, 9, 1), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []ev{
		{wang, "receive", at(2025, 9, 1), voucher},
		{wang, "accept", at(2025, 9, 1), voucher},
		{li, "grant", at(2025, 9, 9), decision},
	} {
		if err := d.Fire(context.Background(), c, procedure.Event{Trigger: x.trigger, At: x.at, Actor: x.actor, Reason: "办理", Payload: x.payload}); err != nil {
			t.Fatal(err)
		}
	}
	clock, statutory, err := cat.StatutoryRule(code, day(2025, 9, 1))
	if err != nil {
		t.Fatal(err)
	}
	e := defaultEvaluator(t)
	for _, tc := range []struct {
		name     string
		rec      accountability.Record
		promises int
		statute  int
	}{
		{"judged on the definition's twenty working days", accountability.Record{Unit: "住建局", Case: c}, 1, 0},
		{"judged on the item's seven days", accountability.Record{Unit: "住建局", Case: c, Statutory: map[string]deadline.Rule{clock: statutory}}, 1, 1},
	} {
		fs := evaluate(t, e, accountability.Input{Records: []accountability.Record{tc.rec}}, day(2025, 9, 9))
		p, s := only(fs, accountability.RulePromise), only(fs, accountability.RuleTimeLimit)
		if len(p) != tc.promises || len(s) != tc.statute {
			t.Fatalf("%s: promise %+v, time limit %+v", tc.name, p, s)
		}
		if len(s) == 1 && (s[0].Overdue != 1 || s[0].Citation.Law != "建筑法" || s[0].Citation.Article != 8) {
			t.Errorf("%s: %+v", tc.name, s[0])
		}
	}
	bad := accountability.Record{Unit: "住建局", Case: c, Statutory: map[string]deadline.Rule{"hearing_request": statutory}}
	if _, err := e.Evaluate(accountability.Input{Records: []accountability.Record{bad}}, day(2025, 9, 9)); !errors.Is(err, accountability.ErrInvalidInput) ||
		!strings.Contains(err.Error(), "records[0].statutory[hearing_request]") {
		t.Errorf("a party's clock given a statutory rule: %v", err)
	}
	// Several problems come in the order of the clock names, whatever the
	// order of the map.
	bad.Statutory = map[string]deadline.Rule{"zz": statutory, "hearing_request": statutory, "aa": statutory, "mm": statutory}
	for range 20 {
		_, err := e.Evaluate(accountability.Input{Records: []accountability.Record{bad}}, day(2025, 9, 9))
		var paths []string
		for _, p := range err.(interface{ Unwrap() []error }).Unwrap() {
			var ae *accountability.Error
			if errors.As(p, &ae) {
				paths = append(paths, ae.Path)
			}
		}
		want := []string{"records[0].statutory[aa]", "records[0].statutory[hearing_request]", "records[0].statutory[mm]", "records[0].statutory[zz]"}
		if !slices.Equal(paths, want) {
			t.Fatalf("problems at %v, want %v", paths, want)
		}
	}
}
