package discretion_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/xiaoneng/xiaoneng/discretion"
)

func ExamplePartyType_String() {
	fmt.Println(discretion.PartyCitizen, discretion.PartyOrganisation)
	// Output: citizen organisation
}

func ExamplePartyType_Chinese() {
	fmt.Println(discretion.PartyCitizen.Chinese(), discretion.PartyOrganisation.Chinese())
	// Output: 公民 法人或者其他组织
}

func ExamplePartyType_English() {
	fmt.Println(discretion.PartyOrganisation.English())
	// Output: legal person or other organisation
}

// Statutes often set one range of fines for citizens and another for
// organisations: a party type is read from its code or its Chinese label.
func ExamplePartyType_UnmarshalText() {
	for _, text := range []string{"citizen", "法人或者其他组织", "individual"} {
		var p discretion.PartyType
		if err := p.UnmarshalText([]byte(text)); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(p, p.Chinese())
	}
	// Output:
	// citizen 公民
	// organisation 法人或者其他组织
	// discretion: unmarshal: invalid input: unknown party type "individual"
}

func ExampleBaseKind_String() {
	fmt.Println(discretion.BaseIllegalGains, discretion.BaseGoodsValue)
	// Output: illegal_gains goods_value
}

func ExampleBaseKind_Chinese() {
	fmt.Println(discretion.BaseIllegalGains.Chinese(), discretion.BaseGoodsValue.Chinese())
	// Output: 违法所得 货值金额
}

func ExampleBaseKind_English() {
	fmt.Println(discretion.BaseTurnover.English())
	// Output: illegal turnover
}

func ExamplePenaltyKind_String() {
	fmt.Println(discretion.KindSuspendBusiness, discretion.KindRestrictPractice)
	// Output: suspend_business restrict_practice
}

func ExamplePenaltyKind_Chinese() {
	fmt.Println(discretion.KindSuspendBusiness.Chinese(), discretion.KindRestrictPractice.Chinese())
	// Output: 责令停产停业 限制从业
}

func ExamplePenaltyKind_English() {
	fmt.Println(discretion.KindConfiscateProperty.English())
	// Output: confiscation of illegal property
}

// The kinds of penalty of 行政处罚法 Art 9, by code or Chinese label. 罚金,
// a criminal fine, is none of them: any other text is an error wrapping
// ErrUnknownPenaltyKind.
func ExamplePenaltyKind_UnmarshalText() {
	for _, text := range []string{"confiscate_gains", "暂扣许可证件", "罚金"} {
		var k discretion.PenaltyKind
		if err := k.UnmarshalText([]byte(text)); err != nil {
			fmt.Println(errors.Is(err, discretion.ErrUnknownPenaltyKind), err)
			continue
		}
		fmt.Println(k, k.Chinese())
	}
	// Output:
	// confiscate_gains 没收违法所得
	// suspend_licence 暂扣许可证件
	// true discretion: unmarshal: unknown penalty kind: "罚金"
}

func ExampleKindSet_Has() {
	s := discretion.KindsOf(discretion.KindFine, discretion.KindConfiscateGains)
	fmt.Println(s.Has(discretion.KindFine), s.Has(discretion.KindWarning))
	// Output: true false
}

func ExampleKindSet_Kinds() {
	fmt.Println(discretion.KindsOf(discretion.KindRevokeLicence, discretion.KindFine).Kinds())
	// Output: [fine revoke_licence]
}

func ExampleKindSet_String() {
	fmt.Println(discretion.KindsOf(discretion.KindFine, discretion.KindWarning), discretion.KindSet(0))
	// Output: warning,fine none
}

func ExampleKindSet_Chinese() {
	fmt.Println(discretion.KindsOf(discretion.KindFine, discretion.KindWarning).Chinese(), discretion.KindSet(0).Chinese())
	// Output: 警告、罚款 不予处罚
}

func ExampleKindSet_English() {
	fmt.Println(discretion.KindsOf(discretion.KindConfiscateGains, discretion.KindFine).English())
	// Output: fine + confiscation of illegal gains
}

func ExampleBand_String() {
	fmt.Println(discretion.BandMitigated, discretion.BandHeavier)
	// Output: mitigated heavier
}

func ExampleBand_Chinese() {
	fmt.Println(discretion.BandMitigated.Chinese(), discretion.BandHeavier.Chinese())
	// Output: 减轻处罚 从重处罚
}

func ExampleBand_English() {
	fmt.Println(discretion.BandNoPenalty.English(), discretion.BandOrdinary.English())
	// Output: no penalty ordinary
}

func ExampleBand_MarshalText() {
	data, err := json.Marshal(map[string][]discretion.Band{"bands": {discretion.BandMitigated, discretion.BandLighter}})
	fmt.Println(string(data), err)
	// Output: {"bands":["mitigated","lighter"]} <nil>
}

func ExampleBand_UnmarshalText() {
	var bands []discretion.Band
	err := json.Unmarshal([]byte(`["lighter", "从重处罚"]`), &bands)
	fmt.Println(bands, err)
	err = json.Unmarshal([]byte(`["harsh"]`), &bands)
	fmt.Println(errors.Is(err, discretion.ErrInvalidInput))
	// Output:
	// [lighter heavier] <nil>
	// true
}

func ExampleBandSet_Has() {
	s := discretion.BandsOf(discretion.BandMitigated, discretion.BandLighter)
	fmt.Println(s.Has(discretion.BandLighter), s.Has(discretion.BandOrdinary))
	// Output: true false
}

func ExampleBandSet_Min() {
	fmt.Println(discretion.BandsOf(discretion.BandMitigated, discretion.BandLighter).Min())
	// Output: mitigated
}

func ExampleBandSet_Max() {
	fmt.Println(discretion.BandsOf(discretion.BandMitigated, discretion.BandLighter).Max())
	// Output: lighter
}

func ExampleBandSet_String() {
	fmt.Println(discretion.BandsOf(discretion.BandLighter, discretion.BandMitigated), discretion.BandSet(0))
	// Output: mitigated,lighter none
}

func ExampleBandSet_Chinese() {
	fmt.Println(discretion.BandsOf(discretion.BandLighter, discretion.BandMitigated).Chinese(), discretion.BandSet(0).Chinese())
	// Output: 减轻处罚或从轻处罚 无
}

func ExampleBandSet_English() {
	fmt.Println(discretion.BandsOf(discretion.BandMitigated, discretion.BandLighter).English())
	// Output: mitigated or lighter
}

func ExampleEdgeBasis_String() {
	fmt.Println(discretion.EdgeSpan, discretion.EdgeMinimum, discretion.EdgeValue)
	// Output: span minimum value
}

func ExampleEdgeBasis_Chinese() {
	fmt.Println(discretion.EdgeSpan.Chinese(), discretion.EdgeMinimum.Chinese(), discretion.EdgeValue.Chinese())
	// Output: 幅度比例 最低限额比例 具体数额
}

func ExampleEdgeBasis_English() {
	fmt.Println(discretion.EdgeMinimum.English())
	// Output: fraction of the minimum
}

func ExampleEffect_String() {
	fmt.Println(discretion.EffectLighterOrMitigated, discretion.EffectNoPenalty)
	// Output: lighter_or_mitigated no_penalty
}

func ExampleEffect_Chinese() {
	fmt.Println(discretion.EffectLighterOrMitigated.Chinese(), discretion.EffectNoPenalty.Chinese())
	// Output: 从轻或者减轻处罚 不予处罚
}

func ExampleEffect_English() {
	fmt.Println(discretion.EffectHeavier.English())
	// Output: heavier
}

func ExampleForce_String() {
	fmt.Println(discretion.ForceMandatory, discretion.ForcePermissive)
	// Output: mandatory permissive
}

func ExampleForce_Chinese() {
	fmt.Println(discretion.ForceMandatory.Chinese(), discretion.ForcePermissive.Chinese())
	// Output: 应当 可以
}

func ExampleForce_English() {
	fmt.Println(discretion.ForcePermissive.English())
	// Output: permissive
}

func ExampleConflictRule_String() {
	fmt.Println(discretion.ConflictBalance, discretion.ConflictLenient, discretion.ConflictStrict)
	// Output: balance lenient strict
}

func ExampleConflictRule_Chinese() {
	fmt.Println(discretion.ConflictBalance.Chinese(), discretion.ConflictLenient.Chinese(), discretion.ConflictStrict.Chinese())
	// Output: 强制情节优先、可选情节相抵 有利于当事人 从严
}

func ExampleConflictRule_English() {
	fmt.Println(discretion.ConflictBalance.English())
	// Output: mandatory first, permissive factors offset
}

func ExampleRangeForm_String() {
	fmt.Println(discretion.FormAmount, discretion.FormMultiple, discretion.FormMaxOnly)
	// Output: amount multiple max_only
}

func ExampleRangeForm_Chinese() {
	fmt.Println(discretion.FormAmount.Chinese(), discretion.FormMultiple.Chinese(), discretion.FormMaxOnly.Chinese())
	// Output: 定额幅度 倍数 仅有上限
}

func ExampleRangeForm_English() {
	fmt.Println(discretion.FormMaxOnly.English())
	// Output: maximum only
}

func ExampleProcedure_String() {
	fmt.Println(discretion.ProcedureCollective, discretion.ProcedureCollection)
	// Output: collective collection
}

func ExampleProcedure_Chinese() {
	fmt.Println(discretion.ProcedureCollective.Chinese(), discretion.ProcedureCollection.Chinese())
	// Output: 集体讨论决定 当场收缴罚款
}

func ExampleProcedure_English() {
	fmt.Println(discretion.ProcedureHearingNotice.English())
	// Output: hearing notice
}

func ExampleProcedure_IsPermission() {
	fmt.Println(discretion.ProcedureSimplified.IsPermission(), discretion.ProcedureLegalReview.IsPermission())
	// Output: true false
}

// The procedures a decision may need, such as legal review (行政处罚法
// Art 58) and collective discussion by the agency's heads (Art 57 ¶2).
func ExampleProcedure_UnmarshalText() {
	for _, text := range []string{"legal_review", "集体讨论决定", "appeal"} {
		var p discretion.Procedure
		if err := p.UnmarshalText([]byte(text)); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(p, p.Chinese())
	}
	// Output:
	// legal_review 法制审核
	// collective 集体讨论决定
	// discretion: unmarshal: invalid input: unknown procedure "appeal"
}

func ExampleProcedureSet_Has() {
	s := discretion.ProceduresOf(discretion.ProcedureHearing, discretion.ProcedureLegalReview)
	fmt.Println(s.Has(discretion.ProcedureLegalReview), s.Has(discretion.ProcedureCollective))
	// Output: true false
}

func ExampleProcedureSet_String() {
	fmt.Println(discretion.ProceduresOf(discretion.ProcedureSimplified, discretion.ProcedureCollection), discretion.ProcedureSet(0))
	// Output: simplified,collection none
}

func ExampleProcedureSet_Chinese() {
	fmt.Println(discretion.ProceduresOf(discretion.ProcedureSimplified, discretion.ProcedureCollection).Chinese(), discretion.ProcedureSet(0).Chinese())
	// Output: 简易程序、当场收缴罚款 无
}

func ExampleProcedureSet_English() {
	fmt.Println(discretion.ProceduresOf(discretion.ProcedureHearing, discretion.ProcedureLegalReview).English())
	// Output: hearing held, legal review
}

func ExampleCondition_String() {
	fmt.Println(discretion.CondFineAtLeast, discretion.CondMitigated)
	// Output: fine_at_least mitigated
}

func ExampleCondition_Chinese() {
	fmt.Println(discretion.CondFineAtLeast.Chinese(), discretion.CondMitigated.Chinese())
	// Output: 罚款达到 低于法定最低限额
}

func ExampleCondition_English() {
	fmt.Println(discretion.CondHearingHeld.English())
	// Output: after a hearing
}

func ExampleReasonCode_String() {
	fmt.Println(discretion.ReasonMitigationWithoutGround)
	// Output: mitigation_without_ground
}

func ExampleReasonCode_Chinese() {
	fmt.Println(discretion.ReasonMitigationWithoutGround.Chinese())
	// Output: 减轻处罚无法定依据
}

func ExampleReasonCode_English() {
	fmt.Println(discretion.ReasonLowerNorm.English())
	// Output: not under the norm with the higher fine
}
