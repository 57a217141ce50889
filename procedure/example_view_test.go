package procedure_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"slices"

	"github.com/xiaoneng/xiaoneng/procedure"
)

// exLook fires an extension (行政许可法 Art 42 ¶1) on a licence accepted
// on 26 September 2025 whose interested parties were told (Art 36),
// through a Go guard that shows look what it sees and lets the step
// through.
func exLook(look func(procedure.View)) {
	spec := exLicensing().Spec()
	i := slices.IndexFunc(spec.Transitions, func(t procedure.TransitionSpec) bool {
		return t.From == "accepted" && t.Trigger == "extend"
	})
	spec.Transitions[i].Guards = append(spec.Transitions[i].Guards, procedure.GuardSpec{
		Kind: procedure.GuardCustom, Key: "look", Desc: "查看", DescEN: "look"})
	d, err := procedure.New(spec, procedure.WithGuard("look", func(_ context.Context, v procedure.View) bool {
		look(v)
		return true
	}))
	if err != nil {
		log.Fatal(err)
	}
	c := exAccepted(d)
	exFire(d, c,
		exEvent("notify_interested", exAt(2025, 9, 29, 10, 0), "parties", "相邻住户"),
		exEvent("extend", exAt(2025, 10, 20, 9, 0), "reasons", "需现场核查", "approver", "局长"))
}

func ExampleView_CaseID() {
	exLook(func(v procedure.View) { fmt.Println(v.CaseID()) })
	// Output:
	// XK-2025-001
}

// The state the case is leaving.
func ExampleView_State() {
	exLook(func(v procedure.View) { fmt.Println(v.State()) })
	// Output:
	// accepted
}

func ExampleView_Event() {
	exLook(func(v procedure.View) {
		e := v.Event()
		fmt.Println(e.Trigger, e.At.Format("2006-01-02 15:04"), e.Actor.Officer)
	})
	// Output:
	// extend 2025-10-20 09:00 王敏
}

func ExampleView_Payload() {
	exLook(func(v procedure.View) { fmt.Printf("%s %q\n", v.Payload("approver"), v.Payload("units")) })
	// Output:
	// 局长 ""
}

// The log before the event.
func ExampleView_Events() {
	exLook(func(v procedure.View) {
		for _, e := range v.Events() {
			fmt.Println(e.Trigger, e.To)
		}
	})
	// Output:
	// receive received
	// accept accepted
	// notify_interested accepted
}

func ExampleView_Fact() {
	exLook(func(v procedure.View) { fmt.Printf("%s %q\n", v.Fact("parties"), v.Fact("hearing_date")) })
	// Output:
	// 相邻住户 ""
}

// The decision clock on the event's day: 12 of its 20 working days used,
// across the National Day week and its two make-up working days.
func ExampleView_Clock() {
	exLook(func(v procedure.View) {
		st, ok := v.Clock("decision")
		fmt.Println(ok, st.Elapsed, st.Limit, st.Due)
		_, ok = v.Clock("certificate")
		fmt.Println(ok)
	})
	// Output:
	// true 12 20 2025-10-30
	// false
}

// The message names the operation, the case, the state, the trigger and
// the guards unmet.
func ExampleError_Error() {
	d := exLicensing()
	c := exAccepted(d)
	err := d.Fire(context.Background(), c, exEvent("extend", exAt(2025, 10, 20, 9, 0), "approver", "局长"))
	var pe *procedure.Error
	if errors.As(err, &pe) {
		fmt.Println(pe.Error())
	}
	// Output:
	// procedure: Fire: case XK-2025-001 in state accepted on trigger extend: transition not allowed (unmet: 将延长期限的理由告知申请人 / the reasons for the extension are told to the applicant)
}

// Unwrap gives the sentinel, which errors.Is finds.
func ExampleError_Unwrap() {
	d := exLicensing()
	c := exAccepted(d)
	err := d.Fire(context.Background(), c, exEvent("extend", exAt(2025, 10, 20, 9, 0), "approver", "局长"))
	var pe *procedure.Error
	if errors.As(err, &pe) {
		fmt.Println(pe.Unwrap() == procedure.ErrInvalidTransition, errors.Is(err, procedure.ErrInvalidTransition))
	}
	// Output:
	// true true
}
