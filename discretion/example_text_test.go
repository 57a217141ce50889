package discretion_test

import (
	"encoding/json"
	"fmt"

	"github.com/xiaoneng/xiaoneng/discretion"
)

// The codes a published benchmark's JSON writes, and reads back. Each
// reader refuses a code it does not know, naming it.

// readText reads each of texts into a fresh value of T, as JSON strings,
// and prints it or the error.
func readText[T fmt.Stringer](texts ...string) {
	for _, text := range texts {
		var v T
		data, _ := json.Marshal(text)
		if err := json.Unmarshal(data, &v); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(v)
	}
}

func ExamplePartyType_MarshalText() {
	data, err := json.Marshal([]discretion.PartyType{discretion.PartyCitizen, discretion.PartyOrganisation})
	fmt.Println(string(data), err)
	// Output:
	// ["citizen","organisation"] <nil>
}

func ExampleBaseKind_MarshalText() {
	data, err := json.Marshal([]discretion.BaseKind{discretion.BaseIllegalGains, discretion.BaseGoodsValue})
	fmt.Println(string(data), err)
	// Output:
	// ["illegal_gains","goods_value"] <nil>
}

func ExampleBaseKind_UnmarshalText() {
	readText[discretion.BaseKind]("illegal_gains", "goods_value", "profit")
	// Output:
	// illegal_gains
	// goods_value
	// discretion: unmarshal: invalid input: unknown base "profit"
}

func ExamplePenaltyKind_MarshalText() {
	data, err := json.Marshal([]discretion.PenaltyKind{discretion.KindSuspendBusiness, discretion.KindRestrictPractice})
	fmt.Println(string(data), err)
	// Output:
	// ["suspend_business","restrict_practice"] <nil>
}

func ExampleCondition_MarshalText() {
	data, err := json.Marshal([]discretion.Condition{discretion.CondFineAtLeast, discretion.CondMitigated})
	fmt.Println(string(data), err)
	// Output:
	// ["fine_at_least","mitigated"] <nil>
}

func ExampleCondition_UnmarshalText() {
	readText[discretion.Condition]("fine_at_least", "always", "sometimes")
	// Output:
	// fine_at_least
	// always
	// discretion: unmarshal: invalid input: unknown condition "sometimes"
}

func ExampleConflictRule_MarshalText() {
	data, err := json.Marshal([]discretion.ConflictRule{discretion.ConflictBalance, discretion.ConflictLenient, discretion.ConflictStrict})
	fmt.Println(string(data), err)
	// Output:
	// ["balance","lenient","strict"] <nil>
}

func ExampleConflictRule_UnmarshalText() {
	readText[discretion.ConflictRule]("balance", "strict", "random")
	// Output:
	// balance
	// strict
	// discretion: unmarshal: invalid input: unknown conflict rule "random"
}

func ExampleEdgeBasis_MarshalText() {
	data, err := json.Marshal([]discretion.EdgeBasis{discretion.EdgeSpan, discretion.EdgeMinimum, discretion.EdgeValue})
	fmt.Println(string(data), err)
	// Output:
	// ["span","minimum","value"] <nil>
}

func ExampleEdgeBasis_UnmarshalText() {
	readText[discretion.EdgeBasis]("span", "value", "median")
	// Output:
	// span
	// value
	// discretion: unmarshal: invalid input: unknown edge basis "median"
}

func ExampleEffect_MarshalText() {
	data, err := json.Marshal([]discretion.Effect{discretion.EffectLighterOrMitigated, discretion.EffectNoPenalty})
	fmt.Println(string(data), err)
	// Output:
	// ["lighter_or_mitigated","no_penalty"] <nil>
}

func ExampleEffect_UnmarshalText() {
	readText[discretion.Effect]("lighter_or_mitigated", "no_penalty", "pardon")
	// Output:
	// lighter_or_mitigated
	// no_penalty
	// discretion: unmarshal: invalid input: unknown effect "pardon"
}

func ExampleForce_MarshalText() {
	data, err := json.Marshal([]discretion.Force{discretion.ForceMandatory, discretion.ForcePermissive})
	fmt.Println(string(data), err)
	// Output:
	// ["mandatory","permissive"] <nil>
}

func ExampleForce_UnmarshalText() {
	readText[discretion.Force]("mandatory", "permissive", "optional")
	// Output:
	// mandatory
	// permissive
	// discretion: unmarshal: invalid input: unknown force "optional"
}

func ExampleRangeForm_MarshalText() {
	data, err := json.Marshal([]discretion.RangeForm{discretion.FormAmount, discretion.FormMultiple, discretion.FormMaxOnly})
	fmt.Println(string(data), err)
	// Output:
	// ["amount","multiple","max_only"] <nil>
}

func ExampleRangeForm_UnmarshalText() {
	readText[discretion.RangeForm]("amount", "max_only", "percentage")
	// Output:
	// amount
	// max_only
	// discretion: unmarshal: invalid input: unknown range form "percentage"
}

func ExampleReasonCode_MarshalText() {
	data, err := json.Marshal([]discretion.ReasonCode{discretion.ReasonMitigationWithoutGround, discretion.ReasonOutsideBand})
	fmt.Println(string(data), err)
	// Output:
	// ["mitigation_without_ground","outside_band"] <nil>
}

func ExampleReasonCode_UnmarshalText() {
	readText[discretion.ReasonCode]("outside_band", "below_floor", "too_kind")
	// Output:
	// outside_band
	// below_floor
	// discretion: unmarshal: invalid input: unknown reason code "too_kind"
}

func ExampleProcedure_MarshalText() {
	data, err := json.Marshal([]discretion.Procedure{discretion.ProcedureCollective, discretion.ProcedureCollection})
	fmt.Println(string(data), err)
	// Output:
	// ["collective","collection"] <nil>
}
