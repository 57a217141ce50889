package catalogue_test

import (
	"fmt"

	"github.com/xiaoneng/xiaoneng/catalogue"
)

func ExampleKind_String() {
	fmt.Println(catalogue.KindNonLicensingApproval.String(), catalogue.Kind(0).String())
	// Output:
	// non_licensing_approval unknown
}

func ExampleKind_Chinese() {
	fmt.Println(catalogue.KindNonLicensingApproval.Chinese())
	// Output:
	// 非行政许可审批
}

func ExampleKind_English() {
	fmt.Println(catalogue.KindNonLicensingApproval.English())
	// Output:
	// non-licensing administrative approval
}

func ExampleKind_MarshalText() {
	b, err := catalogue.KindNonLicensingApproval.MarshalText()
	fmt.Println(string(b), err)
	_, err = catalogue.Kind(0).MarshalText()
	fmt.Println(err)
	// Output:
	// non_licensing_approval <nil>
	// catalogue: MarshalText: invalid input: unknown kind 0
}

func ExampleKind_UnmarshalText() {
	var v catalogue.Kind
	err := v.UnmarshalText([]byte("非行政许可审批"))
	fmt.Println(v, err)
	fmt.Println(v.UnmarshalText([]byte("no such value")))
	// Output:
	// non_licensing_approval <nil>
	// catalogue: UnmarshalText: invalid input: unknown kind "no such value"
}

func ExampleForm_String() {
	fmt.Println(catalogue.FormOriginalAndCopy.String(), catalogue.Form(0).String())
	// Output:
	// original_and_copy unknown
}

func ExampleForm_Chinese() {
	fmt.Println(catalogue.FormOriginalAndCopy.Chinese())
	// Output:
	// 原件及复印件
}

func ExampleForm_English() {
	fmt.Println(catalogue.FormOriginalAndCopy.English())
	// Output:
	// original and copy
}

func ExampleForm_MarshalText() {
	b, err := catalogue.FormOriginalAndCopy.MarshalText()
	fmt.Println(string(b), err)
	_, err = catalogue.Form(0).MarshalText()
	fmt.Println(err)
	// Output:
	// original_and_copy <nil>
	// catalogue: MarshalText: invalid input: unknown form 0
}

func ExampleForm_UnmarshalText() {
	var v catalogue.Form
	err := v.UnmarshalText([]byte("复印件"))
	fmt.Println(v, err)
	fmt.Println(v.UnmarshalText([]byte("no such value")))
	// Output:
	// copy <nil>
	// catalogue: UnmarshalText: invalid input: unknown form "no such value"
}

func ExampleChannel_String() {
	fmt.Println(catalogue.ChannelSelfService.String(), catalogue.Channel(0).String())
	// Output:
	// self_service unknown
}

func ExampleChannel_Chinese() {
	fmt.Println(catalogue.ChannelSelfService.Chinese())
	// Output:
	// 自助终端办理
}

func ExampleChannel_English() {
	fmt.Println(catalogue.ChannelSelfService.English())
	// Output:
	// self-service terminal
}

func ExampleChannel_MarshalText() {
	b, err := catalogue.ChannelSelfService.MarshalText()
	fmt.Println(string(b), err)
	_, err = catalogue.Channel(0).MarshalText()
	fmt.Println(err)
	// Output:
	// self_service <nil>
	// catalogue: MarshalText: invalid input: unknown channel 0
}

func ExampleChannel_UnmarshalText() {
	var v catalogue.Channel
	err := v.UnmarshalText([]byte("掌上办理"))
	fmt.Println(v, err)
	fmt.Println(v.UnmarshalText([]byte("no such value")))
	// Output:
	// mobile <nil>
	// catalogue: UnmarshalText: invalid input: unknown channel "no such value"
}

func ExampleGround_String() {
	fmt.Println(catalogue.GroundNoLicenceNeeded.String(), catalogue.Ground(0).String())
	// Output:
	// no_licence_needed unknown
}

func ExampleGround_Chinese() {
	fmt.Println(catalogue.GroundNoLicenceNeeded.Chinese())
	// Output:
	// 申请事项依法不需要取得行政许可
}

func ExampleGround_English() {
	fmt.Println(catalogue.GroundNoLicenceNeeded.English())
	// Output:
	// the matter needs no licence
}

func ExampleGround_MarshalText() {
	b, err := catalogue.GroundNoLicenceNeeded.MarshalText()
	fmt.Println(string(b), err)
	_, err = catalogue.Ground(0).MarshalText()
	fmt.Println(err)
	// Output:
	// no_licence_needed <nil>
	// catalogue: MarshalText: invalid input: unknown ground 0
}

func ExampleGround_UnmarshalText() {
	var v catalogue.Ground
	err := v.UnmarshalText([]byte("outside_remit"))
	fmt.Println(v, err)
	fmt.Println(v.UnmarshalText([]byte("no such value")))
	// Output:
	// outside_remit <nil>
	// catalogue: UnmarshalText: invalid input: unknown ground "no such value"
}

func ExampleOutcome_String() {
	fmt.Println(catalogue.OutcomeAcceptDeferred.String(), catalogue.Outcome(0).String())
	// Output:
	// accept_deferred unknown
}

func ExampleOutcome_Chinese() {
	fmt.Println(catalogue.OutcomeAcceptDeferred.Chinese())
	// Output:
	// 容缺受理
}

func ExampleOutcome_English() {
	fmt.Println(catalogue.OutcomeAcceptDeferred.English())
	// Output:
	// accept with materials to follow
}

func ExampleOutcome_MarshalText() {
	b, err := catalogue.OutcomeAcceptDeferred.MarshalText()
	fmt.Println(string(b), err)
	_, err = catalogue.Outcome(0).MarshalText()
	fmt.Println(err)
	// Output:
	// accept_deferred <nil>
	// catalogue: MarshalText: invalid input: unknown outcome 0
}

func ExampleOutcome_UnmarshalText() {
	var v catalogue.Outcome
	err := v.UnmarshalText([]byte("一次性告知补正"))
	fmt.Println(v, err)
	fmt.Println(v.UnmarshalText([]byte("no such value")))
	// Output:
	// supplement <nil>
	// catalogue: UnmarshalText: invalid input: unknown outcome "no such value"
}
