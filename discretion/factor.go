package discretion

import (
	xn "github.com/xiaoneng/xiaoneng"
)

// FactorID names a circumstance factor (情节), e.g. FactorMinor. The
// statutory factors have the constant IDs below; a benchmark defines its
// own factors with any other non-empty ID.
type FactorID string

// The statutory factors of 行政处罚法 Art 30–33, as listed by
// [StatutoryFactors]. Their IDs are stable: store them.
const (
	// FactorUnder14: the party is under 14 (不满十四周岁): no penalty,
	// mandatory (Art 30).
	FactorUnder14 FactorID = "art30-under-14"
	// FactorMinor: the party is 14 or older and under 18 (已满十四周岁
	// 不满十八周岁): lighter or mitigated, mandatory (Art 30).
	FactorMinor FactorID = "art30-minor"
	// FactorIncapable: a person with a mental illness or intellectual
	// disability who could not recognise or control the conduct: no
	// penalty, mandatory (Art 31). A person with an intermittent illness
	// acting while lucid is penalised as anyone else.
	FactorIncapable FactorID = "art31-incapable"
	// FactorPartialCapacity: such a person had not wholly lost the
	// capacity (尚未完全丧失辨认或者控制能力): lighter or mitigated,
	// permissive (Art 31).
	FactorPartialCapacity FactorID = "art31-partial"
	// FactorRemedied: the party actively removed or reduced the harm
	// (主动消除或者减轻违法行为危害后果): lighter or mitigated, mandatory
	// (Art 32 ¶1(1)).
	FactorRemedied FactorID = "art32-remedied"
	// FactorCoerced: the party was coerced or induced (受他人胁迫或者诱骗):
	// lighter or mitigated, mandatory (Art 32 ¶1(2)).
	FactorCoerced FactorID = "art32-coerced"
	// FactorConfessed: the party confessed violations the agency did not
	// know of (主动供述行政机关尚未掌握的违法行为): lighter or mitigated,
	// mandatory (Art 32 ¶1(3)).
	FactorConfessed FactorID = "art32-confessed"
	// FactorMeritorious: the party helped the investigation with
	// meritorious conduct (立功表现): lighter or mitigated, mandatory
	// (Art 32 ¶1(4)).
	FactorMeritorious FactorID = "art32-meritorious"
	// FactorOtherMitigation: another law, regulation or rule requires a
	// lighter or mitigated penalty: mandatory (Art 32 ¶1(5)). A benchmark
	// that knows the provision should define its own factor citing it.
	FactorOtherMitigation FactorID = "art32-other"
	// FactorMinorViolation: the violation is minor, promptly corrected
	// and caused no harm (违法行为轻微并及时改正，没有造成危害后果): no
	// penalty, mandatory (Art 33 ¶1).
	FactorMinorViolation FactorID = "art33-minor"
	// FactorFirstViolation: a first violation with slight harm, promptly
	// corrected (初次违法且危害后果轻微并及时改正, 首违可不罚): no penalty,
	// permissive (Art 33 ¶1).
	FactorFirstViolation FactorID = "art33-first"
	// FactorNoFault: sufficient proof that the party had no subjective
	// fault (没有主观过错): no penalty, mandatory, unless a law or
	// administrative regulation provides otherwise (Art 33 ¶2).
	FactorNoFault FactorID = "art33-no-fault"
)

// Effect is the legal effect of a factor on the band (法律效果).
type Effect uint8

// Effects. The zero value EffectUnknown has no effect and is not valid
// in a [Factor].
const (
	// EffectUnknown is no effect.
	EffectUnknown Effect = iota
	// EffectNoPenalty is 不予处罚: no penalty.
	EffectNoPenalty
	// EffectMitigated is 减轻处罚: below the statutory minimum.
	EffectMitigated
	// EffectLighterOrMitigated is 从轻或者减轻处罚: the lighter band or
	// below the minimum, at the agency's choice. Art 30–32 use it.
	EffectLighterOrMitigated
	// EffectLighter is 从轻处罚: the lighter band.
	EffectLighter
	// EffectHeavier is 从重处罚: the heavier band.
	EffectHeavier
)

var effectLabels = []label{
	{"unknown", "未知效果", "unknown effect"},
	{"no_penalty", "不予处罚", "no penalty"},
	{"mitigated", "减轻处罚", "mitigated"},
	{"lighter_or_mitigated", "从轻或者减轻处罚", "lighter or mitigated"},
	{"lighter", "从轻处罚", "lighter"},
	{"heavier", "从重处罚", "heavier"},
}

// String returns the effect's code, e.g. "lighter_or_mitigated", or "unknown" for a
// value that has none.
func (e Effect) String() string { return labelOf(effectLabels, int(e)).code }

// Chinese returns the effect in Chinese, e.g. 从轻或者减轻处罚.
func (e Effect) Chinese() string { return labelOf(effectLabels, int(e)).zh }

// English returns the effect in English, e.g. "lighter or mitigated".
func (e Effect) English() string { return labelOf(effectLabels, int(e)).en }

// MarshalText writes the code, as [Effect.String] does. A value out of
// range has none: it is an error wrapping [ErrInvalidInput].
func (e Effect) MarshalText() ([]byte, error) { return marshalLabel(effectLabels, int(e), "effect") }

// UnmarshalText reads an effect from its code or its Chinese label. Any
// other text is an error wrapping [ErrInvalidInput].
func (e *Effect) UnmarshalText(text []byte) error {
	i, err := unmarshalLabel(effectLabels, text, "effect")
	if err == nil {
		*e = Effect(i)
	}
	return err
}

func (e Effect) valid() bool { return e > EffectUnknown && e <= EffectHeavier }

// mitigating reports whether the effect lowers the outcome below the
// ordinary band without removing the penalty.
func (e Effect) mitigating() bool {
	return e == EffectMitigated || e == EffectLighterOrMitigated || e == EffectLighter
}

// span returns the bands a mitigating effect allows, lo through hi.
func (e Effect) span() (lo, hi Band) {
	switch e {
	case EffectMitigated:
		return BandMitigated, BandMitigated
	case EffectLighterOrMitigated:
		return BandMitigated, BandLighter
	case EffectLighter:
		return BandLighter, BandLighter
	}
	return BandOrdinary, BandOrdinary
}

// Force says whether the law obliges the agency to give a factor its
// effect (应当) or lets it choose (可以).
type Force uint8

// Forces. The zero value ForceUnknown is not valid in a [Factor].
const (
	// ForceUnknown is no force.
	ForceUnknown Force = iota
	// ForceMandatory is 应当: the effect must be given.
	ForceMandatory
	// ForcePermissive is 可以: the agency may give the effect, or decline
	// to with reasons (see [Facts].Declined).
	ForcePermissive
)

var forceLabels = []label{
	{"unknown", "未知", "unknown force"},
	{"mandatory", "应当", "mandatory"},
	{"permissive", "可以", "permissive"},
}

// String returns the force's code: "mandatory" or "permissive", or
// "unknown" for a value that has none.
func (f Force) String() string { return labelOf(forceLabels, int(f)).code }

// Chinese returns the force in Chinese: 应当 or 可以.
func (f Force) Chinese() string { return labelOf(forceLabels, int(f)).zh }

// English returns the force in English: "mandatory" or "permissive".
func (f Force) English() string { return labelOf(forceLabels, int(f)).en }

// MarshalText writes the code, as [Force.String] does. A value out of
// range has none: it is an error wrapping [ErrInvalidInput].
func (f Force) MarshalText() ([]byte, error) { return marshalLabel(forceLabels, int(f), "force") }

// UnmarshalText reads a force from its code or its Chinese label. Any
// other text is an error wrapping [ErrInvalidInput].
func (f *Force) UnmarshalText(text []byte) error {
	i, err := unmarshalLabel(forceLabels, text, "force")
	if err == nil {
		*f = Force(i)
	}
	return err
}

func (f Force) valid() bool { return f == ForceMandatory || f == ForcePermissive }

// Factor is a circumstance (情节) with a legal effect on the band: a
// statutory ground of 行政处罚法 Art 30–33, or a factor an agency defines
// in its benchmark, typically an aggravating one (从重情节) such as a
// repeat violation within a year. Every factor cites its source.
type Factor struct {
	ID       FactorID    // stable identifier, unique in a benchmark
	Name     string      // Chinese description
	NameEN   string      // English description
	Effect   Effect      // what the factor does to the band
	Force    Force       // whether the effect is mandatory (应当) or permissive (可以)
	Citation xn.Citation // the provision that gives the factor its effect
}

// StatutoryFactors returns the factors of 行政处罚法 Art 30–33, freshly
// built. Every benchmark knows them; a document may not redefine their
// IDs.
func StatutoryFactors() []Factor {
	cite := func(a int, pi ...int) xn.Citation { return xn.Cite(xn.PenaltyLaw, a, pi...) }
	return []Factor{
		{FactorUnder14, "不满十四周岁的未成年人有违法行为", "party under 14", EffectNoPenalty, ForceMandatory, cite(30)},
		{FactorMinor, "已满十四周岁不满十八周岁的未成年人有违法行为", "party aged 14 to under 18", EffectLighterOrMitigated, ForceMandatory, cite(30)},
		{FactorIncapable, "精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为", "mental incapacity at the time of the act", EffectNoPenalty, ForceMandatory, cite(31)},
		{FactorPartialCapacity, "尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人有违法行为", "partial mental capacity", EffectLighterOrMitigated, ForcePermissive, cite(31)},
		{FactorRemedied, "主动消除或者减轻违法行为危害后果", "actively removed or reduced the harm", EffectLighterOrMitigated, ForceMandatory, cite(32, 1, 1)},
		{FactorCoerced, "受他人胁迫或者诱骗实施违法行为", "coerced or induced", EffectLighterOrMitigated, ForceMandatory, cite(32, 1, 2)},
		{FactorConfessed, "主动供述行政机关尚未掌握的违法行为", "confessed violations unknown to the agency", EffectLighterOrMitigated, ForceMandatory, cite(32, 1, 3)},
		{FactorMeritorious, "配合行政机关查处违法行为有立功表现", "meritorious help with the investigation", EffectLighterOrMitigated, ForceMandatory, cite(32, 1, 4)},
		{FactorOtherMitigation, "法律、法规、规章规定其他应当从轻或者减轻行政处罚的", "another rule requires a lighter or mitigated penalty", EffectLighterOrMitigated, ForceMandatory, cite(32, 1, 5)},
		{FactorMinorViolation, "违法行为轻微并及时改正，没有造成危害后果", "minor, promptly corrected, no harm", EffectNoPenalty, ForceMandatory, cite(33, 1)},
		{FactorFirstViolation, "初次违法且危害后果轻微并及时改正", "first violation, slight harm, promptly corrected", EffectNoPenalty, ForcePermissive, cite(33, 1)},
		{FactorNoFault, "当事人有证据足以证明没有主观过错", "proof of no subjective fault", EffectNoPenalty, ForceMandatory, cite(33, 2)},
	}
}
