package accountability_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/xiaoneng/xiaoneng/accountability"
)

// The text forms of the package's enumerations: String is the code a
// stored value uses, Chinese and English the labels for people, and
// MarshalText the code again.

var severities = []accountability.Severity{accountability.Warning, accountability.Minor, accountability.MoreSerious, accountability.Serious}

func ExampleSeverity_String() {
	for _, s := range severities {
		fmt.Println(s)
	}
	// Output:
	// warning
	// minor
	// more_serious
	// serious
}

func ExampleSeverity_Chinese() {
	for _, s := range severities {
		fmt.Println(s.Chinese())
	}
	// Output:
	// 预警
	// 情节轻微
	// 情节较重
	// 情节严重
}

func ExampleSeverity_English() {
	for _, s := range severities {
		fmt.Println(s.English())
	}
	// Output:
	// warning
	// minor
	// more serious
	// serious
}

// A finding's severity as a stored finding writes it.
func ExampleSeverity_MarshalText() {
	data, err := json.Marshal(map[string]accountability.Severity{"severity": accountability.MoreSerious})
	fmt.Println(string(data), err)
	// Output:
	// {"severity":"more_serious"} <nil>
}

var grounds = []accountability.Ground{accountability.GroundFraud, accountability.GroundNoRule, accountability.GroundForceMajeure}

func ExampleGround_String() {
	for _, g := range grounds {
		fmt.Println(g)
	}
	// Output:
	// fraud
	// no_rule
	// force_majeure
}

func ExampleGround_Chinese() {
	for _, g := range grounds {
		fmt.Println(g.Chinese())
	}
	// Output:
	// 服务对象弄虚作假
	// 无具体规定
	// 不可抗力
}

// An exemption as a stored record writes it.
func ExampleGround_MarshalText() {
	data, err := json.Marshal(accountability.Exemption{Ground: accountability.GroundForceMajeure, Reason: "台风停电"})
	fmt.Println(string(data), err)
	// Output:
	// {"ground":"force_majeure","reason":"台风停电"} <nil>
}

var outcomes = []accountability.Outcome{accountability.OutcomeNone, accountability.OutcomeAnswered, accountability.OutcomeHandled, accountability.OutcomeReferred}

func ExampleOutcome_String() {
	for _, o := range outcomes {
		fmt.Println(o)
	}
	// Output:
	// none
	// answered
	// handled
	// referred
}

func ExampleOutcome_Chinese() {
	for _, o := range outcomes {
		fmt.Println(o.Chinese())
	}
	// Output:
	// 未处理
	// 已答复
	// 已办理
	// 已引导转交
}

func ExampleOutcome_MarshalText() {
	data, err := json.Marshal(outcomes)
	fmt.Println(string(data), err)
	// Output:
	// ["none","answered","handled","referred"] <nil>
}

// The message says what failed and where.
func ExampleError_Error() {
	e, err := accountability.New(accountability.WithRules("late-lunch"))
	fmt.Println(e == nil)
	var ae *accountability.Error
	if errors.As(err, &ae) {
		fmt.Println(ae.Error())
	}
	// Output:
	// true
	// accountability: New: rules[0]: invalid configuration: no built-in rule "late-lunch"
}

// Unwrap gives the sentinel, which errors.Is finds.
func ExampleError_Unwrap() {
	_, err := accountability.New(accountability.WithRules("late-lunch"))
	var ae *accountability.Error
	if errors.As(err, &ae) {
		fmt.Println(ae.Unwrap() != nil, errors.Is(err, accountability.ErrInvalidConfig))
	}
	// Output:
	// true true
}
