package catalogue

import (
	"fmt"
	"strconv"
)

// label is one value of an enum by its three names: the code written in
// JSON, the Chinese label and the English label.
type label struct{ code, zh, en string }

// labelOf returns the names of value v in table tbl, or those of the
// table's zero value when v is out of range.
func labelOf[T ~uint8](tbl []label, v T) label {
	if int(v) < len(tbl) {
		return tbl[v]
	}
	return tbl[0]
}

// parseLabel finds the value whose code or Chinese label is s. The zero
// value, the table's "unknown", is never found.
func parseLabel[T ~uint8](tbl []label, s string) (T, bool) {
	for i := 1; i < len(tbl); i++ {
		if tbl[i].code == s || tbl[i].zh == s {
			return T(i), true
		}
	}
	return 0, false
}

// marshalLabel writes v's code, refusing the zero value and values out
// of range.
func marshalLabel[T ~uint8](tbl []label, v T, what string) ([]byte, error) {
	if v == 0 || int(v) >= len(tbl) {
		return nil, &Error{Op: "MarshalText", Err: ErrInvalidInput, Detail: "unknown " + what + " " + strconv.Itoa(int(v))}
	}
	return []byte(tbl[v].code), nil
}

// unmarshalLabel reads a code or a Chinese label into *v.
func unmarshalLabel[T ~uint8](tbl []label, v *T, b []byte, what string) error {
	k, ok := parseLabel[T](tbl, string(b))
	if !ok {
		return &Error{Op: "UnmarshalText", Err: ErrInvalidInput, Detail: fmt.Sprintf("unknown %s %.40q", what, b)}
	}
	*v = k
	return nil
}

// Kind is the kind of administrative power an item exercises (权力类型),
// as catalogues of powers and responsibilities (权责清单) classify them.
// Values are stored and logged: they are never reordered, only appended.
type Kind uint8

// Kinds of power. The zero value, KindUnknown, is refused by [New].
const (
	KindUnknown Kind = iota
	// KindLicensing is an administrative licence (行政许可).
	KindLicensing
	// KindNonLicensingApproval is an approval that is not a licence
	// (非行政许可审批). The State Council has abolished the category;
	// the kind stays so that older catalogues still read.
	KindNonLicensingApproval
	// KindPenalty is an administrative penalty (行政处罚).
	KindPenalty
	// KindCompulsion is an administrative compulsory measure or
	// enforcement (行政强制).
	KindCompulsion
	// KindLevy is an administrative levy (行政征收).
	KindLevy
	// KindBenefit is an administrative benefit payment (行政给付).
	KindBenefit
	// KindInspection is an administrative inspection (行政检查).
	KindInspection
	// KindConfirmation is an administrative confirmation (行政确认).
	KindConfirmation
	// KindReward is an administrative reward (行政奖励).
	KindReward
	// KindAdjudication is an administrative adjudication (行政裁决).
	KindAdjudication
	// KindOther is any other administrative power (其他行政权力).
	KindOther
	// KindPublicService is a public service, not a power (公共服务).
	KindPublicService
)

var kindLabels = [...]label{
	KindUnknown:              {"unknown", "未知", "unknown"},
	KindLicensing:            {"licensing", "行政许可", "administrative licensing"},
	KindNonLicensingApproval: {"non_licensing_approval", "非行政许可审批", "non-licensing administrative approval"},
	KindPenalty:              {"penalty", "行政处罚", "administrative penalty"},
	KindCompulsion:           {"compulsion", "行政强制", "administrative compulsion"},
	KindLevy:                 {"levy", "行政征收", "administrative levy"},
	KindBenefit:              {"benefit", "行政给付", "administrative benefit"},
	KindInspection:           {"inspection", "行政检查", "administrative inspection"},
	KindConfirmation:         {"confirmation", "行政确认", "administrative confirmation"},
	KindReward:               {"reward", "行政奖励", "administrative reward"},
	KindAdjudication:         {"adjudication", "行政裁决", "administrative adjudication"},
	KindOther:                {"other", "其他行政权力", "other administrative power"},
	KindPublicService:        {"public_service", "公共服务", "public service"},
}

// String returns the kind's code, as JSON writes it: "licensing".
func (k Kind) String() string { return labelOf(kindLabels[:], k).code }

// Chinese returns the kind in Chinese: 行政许可.
func (k Kind) Chinese() string { return labelOf(kindLabels[:], k).zh }

// English returns the kind in English: "administrative licensing".
func (k Kind) English() string { return labelOf(kindLabels[:], k).en }

// MarshalText writes the kind's code. It refuses KindUnknown and values
// out of range.
func (k Kind) MarshalText() ([]byte, error) { return marshalLabel(kindLabels[:], k, "kind") }

// UnmarshalText reads a kind from its code or its Chinese label.
func (k *Kind) UnmarshalText(b []byte) error { return unmarshalLabel(kindLabels[:], k, b, "kind") }
