package discretion

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Band is a discretion band (裁量阶次): where an outcome lies relative to
// the statutory range. Bands are ordered from the most lenient to the
// most severe, and compare with < and >.
type Band uint8

// Bands, from the most lenient. The zero value BandUnknown is no band.
// The values are persisted: new bands are only ever appended.
const (
	// BandUnknown is no band.
	BandUnknown Band = iota
	// BandNoPenalty is 不予处罚: no penalty at all (行政处罚法 Art 30,
	// 31, 33).
	BandNoPenalty
	// BandMitigated is 减轻处罚: below the statutory minimum, down to the
	// scheme's floor, or a lighter kind of penalty; it needs a legal
	// ground (Art 30–32).
	BandMitigated
	// BandLighter is 从轻处罚: the lower part of the statutory range.
	BandLighter
	// BandOrdinary is 一般处罚: the middle of the range, where a case with
	// no mitigating or aggravating circumstances falls.
	BandOrdinary
	// BandHeavier is 从重处罚: the upper part of the range, never above
	// the statutory maximum.
	BandHeavier

	bandEnd // one past the last band
)

var bandLabels = []label{
	{"unknown", "未知阶次", "unknown band"},
	{"no_penalty", "不予处罚", "no penalty"},
	{"mitigated", "减轻处罚", "mitigated"},
	{"lighter", "从轻处罚", "lighter"},
	{"ordinary", "一般处罚", "ordinary"},
	{"heavier", "从重处罚", "heavier"},
}

// String returns the band's code, e.g. "lighter", or "unknown" for a
// value that has none.
func (b Band) String() string { return labelOf(bandLabels, int(b)).code }

// Chinese returns the band in Chinese, e.g. 从轻处罚.
func (b Band) Chinese() string { return labelOf(bandLabels, int(b)).zh }

// English returns the band in English, e.g. "lighter".
func (b Band) English() string { return labelOf(bandLabels, int(b)).en }

// MarshalText writes the code, as [Band.String] does. A value out of
// range has none: it is an error wrapping [ErrInvalidInput].
func (b Band) MarshalText() ([]byte, error) { return marshalLabel(bandLabels, int(b), "band") }

// UnmarshalText reads a band from its code or its Chinese label. Any
// other text is an error wrapping [ErrInvalidInput].
func (b *Band) UnmarshalText(text []byte) error {
	i, err := unmarshalLabel(bandLabels, text, "band")
	if err == nil {
		*b = Band(i)
	}
	return err
}

func (b Band) valid() bool { return b > BandUnknown && b < bandEnd }

// inRange reports whether b is one of the three bands a scheme divides
// the statutory range into: lighter, ordinary, heavier.
func (b Band) inRange() bool { return b >= BandLighter && b <= BandHeavier }

// BandSet is a set of bands, such as the bands an assessment allows: a
// minor aged 16 must be penalised lighter or mitigated (Art 30), so the
// set is {减轻, 从轻}. The zero value is the empty set. Compare with ==.
type BandSet uint8

// BandsOf returns the set of the given bands. Unknown bands are left out.
func BandsOf(bands ...Band) BandSet {
	var s BandSet
	for _, b := range bands {
		if b.valid() {
			s |= 1 << b
		}
	}
	return s
}

// bandSpan returns the set of the bands from lo through hi.
func bandSpan(lo, hi Band) BandSet {
	var s BandSet
	for b := lo; b <= hi && b < bandEnd; b++ {
		s |= 1 << b
	}
	return s
}

// Has reports whether the set holds band b.
func (s BandSet) Has(b Band) bool { return b.valid() && s&(1<<b) != 0 }

// Min returns the most lenient band of the set, or BandUnknown when the
// set is empty.
func (s BandSet) Min() Band {
	for b := BandNoPenalty; b < bandEnd; b++ {
		if s.Has(b) {
			return b
		}
	}
	return BandUnknown
}

// Max returns the most severe band of the set, or BandUnknown when the
// set is empty.
func (s BandSet) Max() Band {
	for b := BandHeavier; b > BandUnknown; b-- {
		if s.Has(b) {
			return b
		}
	}
	return BandUnknown
}

// String returns the codes of the bands joined by commas, e.g.
// "mitigated,lighter", or "none" for the empty set.
func (s BandSet) String() string { return s.join(",", "none", Band.String) }

// Chinese returns the bands in Chinese joined by 或, e.g. 减轻处罚或从轻处罚,
// or 无 for the empty set.
func (s BandSet) Chinese() string { return s.join("或", "无", Band.Chinese) }

// English returns the bands in English joined by " or ", or "none" for
// the empty set.
func (s BandSet) English() string { return s.join(" or ", "none", Band.English) }

func (s BandSet) join(sep, none string, name func(Band) string) string {
	var parts []string
	for b := BandNoPenalty; b < bandEnd; b++ {
		if s.Has(b) {
			parts = append(parts, name(b))
		}
	}
	if len(parts) == 0 {
		return none
	}
	return strings.Join(parts, sep)
}

// EdgeBasis says what the value of an [Edge] is measured against.
type EdgeBasis uint8

// Edge bases. The zero value EdgeUnknown is not a valid basis; an Edge
// whose basis is EdgeUnknown and whose value is zero is "not set".
const (
	// EdgeUnknown is no basis.
	EdgeUnknown EdgeBasis = iota
	// EdgeSpan measures a fraction of the span from the statutory minimum
	// to the maximum (罚款幅度): the edge lies at min + value × (max − min).
	// The value lies in [0, 1]: "0.3" is the lower 30 % line.
	EdgeSpan
	// EdgeMinimum measures a fraction of the statutory minimum: the edge
	// lies at value × min. It is how a floor for mitigation is usually
	// written, e.g. "not below 10 % of the minimum" is 0.1.
	EdgeMinimum
	// EdgeValue is an explicit amount in the range's unit: yuan for a
	// fixed or maximum-only range, a multiple of the base for a multiple
	// range (e.g. "3" for three times the illegal gains).
	EdgeValue
)

var edgeLabels = []label{
	{"unknown", "未知基准", "unknown basis"},
	{"span", "幅度比例", "fraction of the span"},
	{"minimum", "最低限额比例", "fraction of the minimum"},
	{"value", "具体数额", "explicit value"},
}

// String returns the basis's code, e.g. "span", or "unknown" for a
// value that has none.
func (e EdgeBasis) String() string { return labelOf(edgeLabels, int(e)).code }

// Chinese returns the basis in Chinese, e.g. 幅度比例.
func (e EdgeBasis) Chinese() string { return labelOf(edgeLabels, int(e)).zh }

// English returns the basis in English, e.g. "fraction of the span".
func (e EdgeBasis) English() string { return labelOf(edgeLabels, int(e)).en }

// MarshalText writes the code, as [EdgeBasis.String] does. A value out of
// range has none: it is an error wrapping [ErrInvalidInput].
func (e EdgeBasis) MarshalText() ([]byte, error) {
	return marshalLabel(edgeLabels, int(e), "edge basis")
}

// UnmarshalText reads a basis from its code or its Chinese label. Any
// other text is an error wrapping [ErrInvalidInput].
func (e *EdgeBasis) UnmarshalText(text []byte) error {
	i, err := unmarshalLabel(edgeLabels, text, "edge basis")
	if err == nil {
		*e = EdgeBasis(i)
	}
	return err
}

// Edge is one end of a band (阶次边界), given as data: a fraction of the
// span, a fraction of the minimum, or an explicit value. Values are
// exact decimals, never floats.
type Edge struct {
	// Of is what Value is measured against.
	Of EdgeBasis
	// Value is the fraction or the explicit value.
	Value decimal.Decimal
}

// isZero reports whether the edge is not set.
func (e Edge) isZero() bool { return e.Of == EdgeUnknown && e.Value.IsZero() }

// BandRange is where one band lies within the statutory range: from
// Lower to Upper, each end included unless marked open. A scheme usually
// divides the range half-open, [lower, upper), with the heaviest band
// closed at the maximum, so that each amount falls in exactly one band;
// validation sees to it that neighbours neither leave a gap nor overlap,
// unless the scheme declares it.
type BandRange struct {
	Band      Band // BandLighter, BandOrdinary or BandHeavier
	Lower     Edge // where the band starts
	Upper     Edge // where the band ends
	LowerOpen bool // the lower edge itself is outside the band
	UpperOpen bool // the upper edge itself is outside the band
}

// Amounts is a closed range of fines in yuan, [Min, Max], after rounding
// to a standard's unit: every multiple of the unit from Min through Max
// is allowed. The zero value is the empty range; so is any range with
// Max below Min. Fines are positive, so a non-empty range has Min > 0.
type Amounts struct {
	Min, Max decimal.Decimal // the lowest and highest fine, both included
}

// IsEmpty reports whether the range holds no fine.
func (a Amounts) IsEmpty() bool { return a.Max.Sign() <= 0 || cmpDec(a.Min, a.Max) > 0 }

// Contains reports whether x lies in [Min, Max]. It does not check that
// x is a multiple of the unit; [Assessment.Allows] does.
func (a Amounts) Contains(x decimal.Decimal) bool {
	return !a.IsEmpty() && cmpDec(x, a.Min) >= 0 && cmpDec(x, a.Max) <= 0
}

// String returns the range as "min–max" in yuan, e.g. "3700–6999", or
// "—" when it is empty.
func (a Amounts) String() string {
	if a.IsEmpty() {
		return "—"
	}
	return show(a.Min) + "–" + show(a.Max)
}
