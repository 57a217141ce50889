package discretion

import (
	"strings"
)

// PenaltyKind is a kind of administrative penalty (行政处罚的种类), as
// listed in 行政处罚法 Art 9.
type PenaltyKind uint8

// Penalty kinds, in the order of 行政处罚法 Art 9. The zero value
// KindUnknown is not a penalty. The values are persisted: new kinds are
// only ever appended.
const (
	// KindUnknown is no penalty kind.
	KindUnknown PenaltyKind = iota
	// KindWarning is a warning (警告), Art 9 ¶1(1).
	KindWarning
	// KindCriticism is circulated criticism (通报批评), Art 9 ¶1(1).
	KindCriticism
	// KindFine is a fine (罚款), Art 9 ¶1(2).
	KindFine
	// KindConfiscateGains is confiscation of illegal gains (没收违法所得),
	// Art 9 ¶1(2).
	KindConfiscateGains
	// KindConfiscateProperty is confiscation of illegal property
	// (没收非法财物), Art 9 ¶1(2).
	KindConfiscateProperty
	// KindSuspendLicence is temporary withholding of a licence or permit
	// (暂扣许可证件), Art 9 ¶1(3).
	KindSuspendLicence
	// KindLowerQualification is lowering a qualification grade
	// (降低资质等级), Art 9 ¶1(3).
	KindLowerQualification
	// KindRevokeLicence is revocation of a licence or permit
	// (吊销许可证件), Art 9 ¶1(3).
	KindRevokeLicence
	// KindRestrictOperations is restriction of production and business
	// activities (限制开展生产经营活动), Art 9 ¶1(4).
	KindRestrictOperations
	// KindSuspendBusiness is an order to suspend production or business
	// (责令停产停业), Art 9 ¶1(4).
	KindSuspendBusiness
	// KindOrderClosure is an order to close (责令关闭), Art 9 ¶1(4).
	KindOrderClosure
	// KindRestrictPractice is restriction from an occupation (限制从业),
	// Art 9 ¶1(4).
	KindRestrictPractice
	// KindDetention is administrative detention (行政拘留), Art 9 ¶1(5).
	KindDetention

	kindEnd // one past the last kind
)

var kindLabels = []label{
	{"unknown", "未知处罚种类", "unknown penalty kind"},
	{"warning", "警告", "warning"},
	{"criticism", "通报批评", "circulated criticism"},
	{"fine", "罚款", "fine"},
	{"confiscate_gains", "没收违法所得", "confiscation of illegal gains"},
	{"confiscate_property", "没收非法财物", "confiscation of illegal property"},
	{"suspend_licence", "暂扣许可证件", "temporary withholding of a licence"},
	{"lower_qualification", "降低资质等级", "lowering of a qualification grade"},
	{"revoke_licence", "吊销许可证件", "revocation of a licence"},
	{"restrict_operations", "限制开展生产经营活动", "restriction of business activities"},
	{"suspend_business", "责令停产停业", "order to suspend production or business"},
	{"close", "责令关闭", "order to close"},
	{"restrict_practice", "限制从业", "restriction from an occupation"},
	{"detention", "行政拘留", "administrative detention"},
}

// String returns the kind's code, e.g. "fine", or "unknown" for a
// value that has none.
func (k PenaltyKind) String() string { return labelOf(kindLabels, int(k)).code }

// Chinese returns the kind in Chinese, e.g. 罚款.
func (k PenaltyKind) Chinese() string { return labelOf(kindLabels, int(k)).zh }

// English returns the kind in English, e.g. "fine".
func (k PenaltyKind) English() string { return labelOf(kindLabels, int(k)).en }

// MarshalText writes the code, as [PenaltyKind.String] does. A value out of
// range has none: it is an error wrapping [ErrInvalidInput].
func (k PenaltyKind) MarshalText() ([]byte, error) {
	return marshalLabel(kindLabels, int(k), "penalty kind")
}

// UnmarshalText reads a kind from its code or its Chinese label. Any
// other text is an error wrapping [ErrUnknownPenaltyKind].
func (k *PenaltyKind) UnmarshalText(text []byte) error {
	i, err := unmarshalLabel(kindLabels, text, "penalty kind")
	if err != nil {
		return &Error{Op: "unmarshal", Err: problemf(ErrUnknownPenaltyKind, "%.40q", text)}
	}
	*k = PenaltyKind(i)
	return nil
}

func (k PenaltyKind) valid() bool { return k > KindUnknown && k < kindEnd }

// KindSet is a set of penalty kinds, such as the kinds a decision
// imposes together (并处). The zero value is the empty set, which as a
// decision means no penalty (不予处罚). Sets are small values: compare
// them with ==.
type KindSet uint32

// KindsOf returns the set of the given kinds. Unknown kinds are left out.
func KindsOf(kinds ...PenaltyKind) KindSet {
	var s KindSet
	for _, k := range kinds {
		if k.valid() {
			s |= 1 << k
		}
	}
	return s
}

// Has reports whether the set holds kind k.
func (s KindSet) Has(k PenaltyKind) bool { return k.valid() && s&(1<<k) != 0 }

// Kinds returns the kinds in the set, in the order of 行政处罚法 Art 9.
func (s KindSet) Kinds() []PenaltyKind {
	var out []PenaltyKind
	for k := KindWarning; k < kindEnd; k++ {
		if s.Has(k) {
			out = append(out, k)
		}
	}
	return out
}

// String returns the codes of the kinds joined by commas, e.g.
// "fine,confiscate_gains", or "none" for the empty set.
func (s KindSet) String() string { return s.join(",", "none", PenaltyKind.String) }

// Chinese returns the kinds in Chinese joined by 、, e.g. 罚款、没收违法所得,
// or 不予处罚 for the empty set.
func (s KindSet) Chinese() string { return s.join("、", "不予处罚", PenaltyKind.Chinese) }

// English returns the kinds in English joined by " + ", or "no penalty"
// for the empty set.
func (s KindSet) English() string { return s.join(" + ", "no penalty", PenaltyKind.English) }

func (s KindSet) join(sep, none string, name func(PenaltyKind) string) string {
	if s&KindSet(allKinds) == 0 {
		return none
	}
	var parts []string
	for _, k := range s.Kinds() {
		parts = append(parts, name(k))
	}
	return strings.Join(parts, sep)
}

// allKinds is the set of every valid kind.
const allKinds = (1<<kindEnd - 1) &^ 1

// Combination is one lawful set of penalty kinds a standard allows to be
// imposed together (处罚种类及其合并适用), e.g. 没收违法所得 with 罚款 for
// "没收违法所得，并处罚款". A provision with alternatives, "处警告或者罚款",
// has one Combination per alternative.
//
// Bands, when not empty, restricts the combination to those bands: a
// revocation allowed only in the heavier band (情节严重的，吊销许可证),
// or a warning instead of a fine allowed only when mitigated (减轻 to a
// lighter kind). Empty Bands means every band in which a penalty is
// imposed: mitigated, lighter, ordinary and heavier.
type Combination struct {
	// Kinds are the kinds imposed together; at least one.
	Kinds []PenaltyKind
	// Bands restrict the combination to some bands; empty for all.
	Bands []Band
}
