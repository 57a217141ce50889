package discretion

import "github.com/shopspring/decimal"

// PartyType is the kind of party (当事人) a penalty is imposed on. The
// Penalty Law sets different limits for the two kinds, e.g. the
// simplified procedure of 行政处罚法 Art 51, and benchmarks set different
// 较大数额 hearing thresholds for them.
type PartyType uint8

// Party types. The zero value PartyUnknown is not a valid party in
// [Facts]; in a [Range] it means that the range applies to every party.
const (
	// PartyUnknown is no party type: in a Range, any party.
	PartyUnknown PartyType = iota
	// PartyCitizen is a natural person (公民).
	PartyCitizen
	// PartyOrganisation is a legal person or other organisation
	// (法人或者其他组织).
	PartyOrganisation
)

var partyLabels = []label{
	{"unknown", "未知当事人", "unknown party"},
	{"citizen", "公民", "citizen"},
	{"organisation", "法人或者其他组织", "legal person or other organisation"},
}

// String returns the party type's code, e.g. "citizen", or "unknown" for a
// value that has none.
func (p PartyType) String() string { return labelOf(partyLabels, int(p)).code }

// Chinese returns the party type in Chinese, e.g. 公民.
func (p PartyType) Chinese() string { return labelOf(partyLabels, int(p)).zh }

// English returns the party type in English, e.g. "citizen".
func (p PartyType) English() string { return labelOf(partyLabels, int(p)).en }

// MarshalText writes the code, as [PartyType.String] does. A value out of
// range has none: it is an error wrapping [ErrInvalidInput].
func (p PartyType) MarshalText() ([]byte, error) {
	return marshalLabel(partyLabels, int(p), "party type")
}

// UnmarshalText reads a party type from its code or its Chinese label. Any
// other text is an error wrapping [ErrInvalidInput].
func (p *PartyType) UnmarshalText(text []byte) error {
	i, err := unmarshalLabel(partyLabels, text, "party type")
	if err == nil {
		*p = PartyType(i)
	}
	return err
}

func (p PartyType) valid() bool { return p == PartyCitizen || p == PartyOrganisation }

// BaseKind is the base a fine set as a multiple is computed from
// (计罚基数), e.g. 违法所得一倍以上五倍以下罚款.
type BaseKind uint8

// Kinds of base. The zero value BaseUnknown names no base; it is the
// only valid value for a range that is not a multiple.
const (
	// BaseUnknown is no base.
	BaseUnknown BaseKind = iota
	// BaseIllegalGains is the illegal gains (违法所得).
	BaseIllegalGains
	// BaseGoodsValue is the value of the goods (货值金额).
	BaseGoodsValue
	// BaseTurnover is the illegal turnover (违法经营额).
	BaseTurnover
	// BaseOther is any other base the provision names (其他计罚基数),
	// such as a contract price or the tax evaded.
	BaseOther
)

var baseLabels = []label{
	{"unknown", "未知基数", "unknown base"},
	{"illegal_gains", "违法所得", "illegal gains"},
	{"goods_value", "货值金额", "value of the goods"},
	{"turnover", "违法经营额", "illegal turnover"},
	{"other", "其他计罚基数", "other base"},
}

// String returns the base's code, e.g. "illegal_gains", or "unknown" for a
// value that has none.
func (k BaseKind) String() string { return labelOf(baseLabels, int(k)).code }

// Chinese returns the base in Chinese, e.g. 违法所得.
func (k BaseKind) Chinese() string { return labelOf(baseLabels, int(k)).zh }

// English returns the base in English, e.g. "illegal gains".
func (k BaseKind) English() string { return labelOf(baseLabels, int(k)).en }

// MarshalText writes the code, as [BaseKind.String] does. A value out of
// range has none: it is an error wrapping [ErrInvalidInput].
func (k BaseKind) MarshalText() ([]byte, error) { return marshalLabel(baseLabels, int(k), "base") }

// UnmarshalText reads a base from its code or its Chinese label. Any
// other text is an error wrapping [ErrInvalidInput].
func (k *BaseKind) UnmarshalText(text []byte) error {
	i, err := unmarshalLabel(baseLabels, text, "base")
	if err == nil {
		*k = BaseKind(i)
	}
	return err
}

// Bases holds the amounts, in yuan, that fines set as multiples are
// computed from. A zero amount means there is none, or none is known:
// the provision's fallback range then applies (没有违法所得的...).
type Bases struct {
	IllegalGains decimal.Decimal // 违法所得
	GoodsValue   decimal.Decimal // 货值金额
	Turnover     decimal.Decimal // 违法经营额
	Other        decimal.Decimal // 其他计罚基数
}

func (b *Bases) of(k BaseKind) decimal.Decimal {
	switch k {
	case BaseIllegalGains:
		return b.IllegalGains
	case BaseGoodsValue:
		return b.GoodsValue
	case BaseTurnover:
		return b.Turnover
	case BaseOther:
		return b.Other
	}
	return decimal.Decimal{}
}
