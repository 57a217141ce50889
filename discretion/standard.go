package discretion

import (
	"slices"

	xn "github.com/xiaoneng/xiaoneng"

	"github.com/shopspring/decimal"
)

// RangeForm is how a provision sets a fine (罚款的设定方式).
type RangeForm uint8

// Range forms. The zero value FormUnknown is not valid in a [Range].
const (
	// FormUnknown is no form.
	FormUnknown RangeForm = iota
	// FormAmount is a fixed range in yuan (定额罚款幅度): "处一千元以上
	// 一万元以下罚款". Min is above zero and below Max.
	FormAmount
	// FormMultiple is a range of multiples of a base (倍数罚): "处违法所得
	// 一倍以上五倍以下罚款". Min and Max are multiples, Min may be zero.
	FormMultiple
	// FormMaxOnly is a maximum only (仅规定上限): "处五千元以下罚款". Min is
	// zero.
	FormMaxOnly
)

var formLabels = []label{
	{"unknown", "未知形式", "unknown form"},
	{"amount", "定额幅度", "fixed range"},
	{"multiple", "倍数", "multiple of a base"},
	{"max_only", "仅有上限", "maximum only"},
}

// String returns the form's code, e.g. "multiple", or "unknown" for a
// value that has none.
func (f RangeForm) String() string { return labelOf(formLabels, int(f)).code }

// Chinese returns the form in Chinese, e.g. 倍数.
func (f RangeForm) Chinese() string { return labelOf(formLabels, int(f)).zh }

// English returns the form in English, e.g. "multiple of a base".
func (f RangeForm) English() string { return labelOf(formLabels, int(f)).en }

// MarshalText writes the code, as [RangeForm.String] does. A value out of
// range has none: it is an error wrapping [ErrInvalidInput].
func (f RangeForm) MarshalText() ([]byte, error) {
	return marshalLabel(formLabels, int(f), "range form")
}

// UnmarshalText reads a form from its code or its Chinese label. Any
// other text is an error wrapping [ErrInvalidInput].
func (f *RangeForm) UnmarshalText(text []byte) error {
	i, err := unmarshalLabel(formLabels, text, "range form")
	if err == nil {
		*f = RangeForm(i)
	}
	return err
}

// Range is the statutory range of a fine (法定罚款幅度) for one kind of
// party, in yuan or, for FormMultiple, in multiples of a base.
//
// A provision that sets a multiple "where there are illegal gains" and a
// fixed range otherwise (没有违法所得或者违法所得不足一万元的，处...) is two
// Ranges for the same party: a FormMultiple one with MinBase, and a
// FormAmount or FormMaxOnly fallback. A provision with separate limits
// for citizens and organisations has Ranges for each party; a Range
// whose Party is PartyUnknown applies to any party that has no range of
// its own in the same form.
type Range struct {
	// Party is the party type the range is for; PartyUnknown for any.
	Party PartyType
	// Form is how the provision sets the fine.
	Form RangeForm
	// Base is what a FormMultiple range multiplies; BaseUnknown for the
	// other forms.
	Base BaseKind
	// Min and Max are the statutory limits, both included: 以上 and 以下
	// include the figure itself, as 民法典 Art 1259 reads these words for
	// the Civil Code. The Penalty Law has no such rule; the library
	// applies the same reading to penalty ranges.
	Min, Max decimal.Decimal
	// MinBase is the smallest base, in yuan, for which a FormMultiple
	// range applies (违法所得不足一万元的 → the fallback); zero means any
	// positive base.
	MinBase decimal.Decimal
	// Bands, when not empty, replace the scheme's bands for this range,
	// usually with EdgeValue edges: 从轻 2–3 times the gains, 从重 3–5.
	Bands []BandRange
	// Gaps and Overlaps declare gaps and overlaps between Bands.
	Gaps, Overlaps bool
	// Mitigation, when not zero, replaces the scheme's mitigation rule
	// for this range, e.g. a floor of 20,000 yuan for the fixed fallback.
	Mitigation Mitigation
}

// StandardSpec is one row of a published discretion benchmark
// (裁量基准), as plain data: the violation, its legal basis, the penalty
// kinds, the statutory range and how the range is divided into bands. It
// is validated and compiled into a [Standard] by [NewStandard] or, with
// the rest of its document, by [NewBenchmark] and [Parse].
type StandardSpec struct {
	// Code is the violation code (违法行为编码), unique in its document.
	Code string
	// Name is the violation (违法行为名称).
	Name string
	// Citations cite the provision violated and the provision that sets
	// the penalty (违法依据、处罚依据). At least one is required.
	Citations []xn.Citation
	// Penalties are the lawful combinations of penalty kinds. At least
	// one is required; a combination with KindFine requires Ranges.
	Penalties []Combination
	// Ranges are the statutory fine ranges, per party and form.
	Ranges []Range
	// Scheme names the scheme dividing the ranges into bands: a preset
	// or a scheme of the document. Empty means the document's default.
	Scheme string
	// Unit is the smallest step of a fine, a power of ten: "1" for whole
	// yuan, "100" for hundreds. Zero means 0.01 yuan (one fen, 分), the
	// smallest unit of the currency. Allowed amounts are rounded inward
	// to the unit, so they never leave the exact band.
	Unit decimal.Decimal
	// Note is free text, e.g. the benchmark's description of the
	// circumstances of each band.
	Note string
}

func (s StandardSpec) clone() StandardSpec {
	s.Citations = slices.Clone(s.Citations)
	s.Penalties = slices.Clone(s.Penalties)
	for i := range s.Penalties {
		s.Penalties[i].Kinds = slices.Clone(s.Penalties[i].Kinds)
		s.Penalties[i].Bands = slices.Clone(s.Penalties[i].Bands)
	}
	s.Ranges = slices.Clone(s.Ranges)
	for i := range s.Ranges {
		s.Ranges[i].Bands = slices.Clone(s.Ranges[i].Bands)
	}
	return s
}

// Standard is a validated, compiled discretion standard: one violation
// of a [Benchmark], with its band edges computed once. It is immutable
// and safe for concurrent use. Get one from [NewStandard] or from a
// Benchmark; the zero value and nil are not usable, and their methods
// return errors or zero values.
type Standard struct {
	b      *Benchmark
	spec   *StandardSpec   // within b.doc
	places int32           // the unit is 10^-places yuan
	unit   decimal.Decimal // the unit
	kinds  KindSet         // every kind of every combination
	bases  uint8           // the BaseKinds its multiple ranges read, as bits
	combos []combo
	ranges []*crange
	proc   *procLimits // procedure thresholds and rules, shared
}

// combo is a compiled Combination.
type combo struct {
	kinds KindSet
	bands BandSet
}

// Code returns the violation code, or "" for a nil standard.
func (s *Standard) Code() string {
	if s == nil || s.spec == nil {
		return ""
	}
	return s.spec.Code
}

// Name returns the name of the violation, or "" for a nil standard.
func (s *Standard) Name() string {
	if s == nil || s.spec == nil {
		return ""
	}
	return s.spec.Name
}

// Spec returns a copy of the data the standard was built from.
func (s *Standard) Spec() StandardSpec {
	if s == nil || s.spec == nil {
		return StandardSpec{}
	}
	return s.spec.clone()
}

// Benchmark returns the benchmark the standard belongs to, or nil for a
// nil standard.
func (s *Standard) Benchmark() *Benchmark {
	if s == nil {
		return nil
	}
	return s.b
}

// Option configures [NewStandard]. The set of options is closed: they
// are the With… functions of this package.
type Option interface {
	apply(*Document)
}

type optionFunc func(*Document)

func (f optionFunc) apply(d *Document) { f(d) }

// WithPolicy sets the agency-wide policy the standard is assessed under:
// hearing thresholds, procedure thresholds and the conflict rule. The
// default is the zero Policy.
func WithPolicy(p Policy) Option {
	return optionFunc(func(d *Document) { d.Policy = p.clone() })
}

// WithFactors adds agency-defined factors to the statutory ones.
func WithFactors(f ...Factor) Option {
	f = slices.Clone(f)
	return optionFunc(func(d *Document) { d.Factors = append(d.Factors, f...) })
}

// WithSchemes adds schemes the spec may name, beside the presets.
func WithSchemes(s ...Scheme) Option {
	s = slices.Clone(s)
	return optionFunc(func(d *Document) {
		for _, sc := range s {
			d.Schemes = append(d.Schemes, sc.clone())
		}
	})
}

// NewStandard validates spec and compiles it into a Standard of its own
// one-row benchmark, configured by the options. It reports every problem
// at once, as [NewBenchmark] does.
func NewStandard(spec StandardSpec, opts ...Option) (*Standard, error) {
	doc := Document{Standards: []StandardSpec{spec}}
	for _, o := range opts {
		if o != nil {
			o.apply(&doc)
		}
	}
	b, err := NewBenchmark(doc)
	if err != nil {
		return nil, err
	}
	return b.standards[0], nil
}
