package discretion

import (
	xn "github.com/xiaoneng/xiaoneng"

	"github.com/shopspring/decimal"
)

// Scheme is a way of dividing a statutory range into bands (阶次划分方法),
// with the rule for going below the range (减轻). There is no national
// numeric split: each benchmark document sets its own, so schemes are
// data. The package ships the splits found in public benchmarks as
// presets (see [Presets]); a document may define others.
//
// The bands of a scheme are listed from the most lenient. The lightest
// must start at the statutory minimum and the heaviest must end at the
// maximum, both included. Between neighbours there is neither a gap nor
// an overlap unless the scheme declares it with Gaps or Overlaps. A
// scheme may leave a band out, e.g. one whose lighter outcome carries no
// fine at all.
type Scheme struct {
	// Name identifies the scheme within a document, e.g. "lower30-upper30".
	Name string
	// Preset names a preset whose bands and gap and overlap rules this
	// scheme takes; Bands must then be empty. A scheme may take a preset's
	// bands and set its own Mitigation.
	Preset string
	// Bands are the band ranges, lightest first.
	Bands []BandRange
	// Gaps declares that amounts between two bands belong to neither.
	Gaps bool
	// Overlaps declares that neighbouring bands may share amounts.
	Overlaps bool
	// Mitigation is the rule for going below the statutory minimum.
	Mitigation Mitigation
	// Source says where the split comes from: an address or a document.
	Source string
}

// Mitigation is the rule for a fine below the statutory minimum (减轻处罚).
// The Penalty Law sets no floor; a benchmark may. The zero value allows
// any positive fine below the minimum, with no extra procedure.
type Mitigation struct {
	// Floor is the lowest fine allowed when mitigating, an edge whose
	// basis is EdgeMinimum or EdgeValue. The zero Edge means no floor.
	Floor Edge
	// Collective requires collective discussion (集体讨论) before a fine
	// below the minimum is imposed.
	Collective bool
	// Basis cites the rule that sets the floor or the procedure.
	Basis xn.Citation
}

// Names of the preset schemes. [PresetScheme] returns each by name.
const (
	// SchemeLower30Upper30 is lighter = the lowest 30 % of the span,
	// heavier = the highest 30 %, ordinary between.
	SchemeLower30Upper30 = "lower30-upper30"
	// SchemeMidpoint is lighter below the midpoint of the range,
	// ordinary at the midpoint itself, heavier above it.
	SchemeMidpoint = "midpoint"
	// SchemeHeavier60 is heavier = from 60 % of the span up, ordinary
	// from 30 % to just below 60 %, lighter below 30 %.
	SchemeHeavier60 = "heavier60"
	// SchemeMaxOnly is for a fine with only a maximum ("X元以下罚款"):
	// lighter up to 20 % of the maximum, ordinary 40–60 %, heavier above
	// 60 %, with the declared gap between 20 % and 40 %.
	SchemeMaxOnly = "max_only"
)

// Presets returns the preset schemes, freshly built: changing the result
// changes nothing in the package. They come from public benchmarks and
// are illustrative data, not national law (see LEGAL.md Part 3):
//
//   - lower30-upper30: 国市监法规〔2022〕2号 puts 从轻 in the lowest 30 %
//     of the span (checked on a third-party page); the upper 30 % for
//     从重 is the common reading, not confirmed.
//   - midpoint: the 较低/中间/较高限度 standards of a justice-administration
//     measure: with no mitigating or aggravating facts the middle applies.
//     The ordinary band is the single midpoint amount, so the midpoint
//     must be a multiple of the standard's unit.
//   - heavier60: 广州市卫生行政处罚规范自由裁量权试行办法 Art 12: 从重 from
//     min + 60 % of the span to the maximum, 一般 below it. Where 从轻 ends
//     is on a part of the page that could not be read; the preset puts it
//     at 30 %, taken from the lower-30 % rule.
//   - max_only: a widely quoted municipal measure (possibly Yiwu's): for
//     a maximum-only fine 从轻 is at most 20 % of the maximum and 一般 is
//     40–60 %; 从重 above 60 % is inferred from "heavier not below the
//     middle".
//
// None of the presets has a floor for mitigation; see [TenPercentFloor].
func Presets() []Scheme {
	return []Scheme{
		{Name: SchemeLower30Upper30, Bands: []BandRange{
			spanBand(BandLighter, "0", "0.3", false, true),
			spanBand(BandOrdinary, "0.3", "0.7", false, true),
			spanBand(BandHeavier, "0.7", "1", false, false),
		}, Source: "国市监法规〔2022〕2号; https://m.64365.com/zs/2885935.aspx"},
		{Name: SchemeMidpoint, Bands: []BandRange{
			spanBand(BandLighter, "0", "0.5", false, true),
			spanBand(BandOrdinary, "0.5", "0.5", false, false),
			spanBand(BandHeavier, "0.5", "1", true, false),
		}, Source: "http://fsou.com/html/text/lar/173593/17359323_1.html"},
		{Name: SchemeHeavier60, Bands: []BandRange{
			spanBand(BandLighter, "0", "0.3", false, true),
			spanBand(BandOrdinary, "0.3", "0.6", false, true),
			spanBand(BandHeavier, "0.6", "1", false, false),
		}, Source: "广州市卫生行政处罚规范自由裁量权试行办法 Art 12; http://www.fsou.net/html/text/lar/173273/17327392_2.html"},
		{Name: SchemeMaxOnly, Gaps: true, Bands: []BandRange{
			spanBand(BandLighter, "0", "0.2", false, false),
			spanBand(BandOrdinary, "0.4", "0.6", false, false),
			spanBand(BandHeavier, "0.6", "1", true, false),
		}, Source: "https://flbkb.com/zh/xingzheng/xingzhengchufa/dd22p1.html"},
	}
}

// PresetScheme returns the preset scheme with the given name, freshly
// built, and reports whether there is one.
func PresetScheme(name string) (Scheme, bool) {
	for _, s := range Presets() {
		if s.Name == name {
			return s, true
		}
	}
	return Scheme{}, false
}

// TenPercentFloor returns the mitigation rule of the national price
// enforcement measure of 2001 (国家计委, for offenders without illegal
// gains): a fine below the statutory range may not go below 10 % of the
// statutory minimum, and needs collective discussion by the case review
// committee. It is a sector rule checked on a third-party page, offered
// as data: <http://law.t8p.cn/articles/7139766153280360448.html>. The
// measure's exact title is not on that page, so Basis names it descriptively.
func TenPercentFloor() Mitigation {
	return Mitigation{
		Floor:      Edge{Of: EdgeMinimum, Value: decimal.New(1, -1)},
		Collective: true,
		Basis:      xn.Citation{Law: "国家计委价格执法措施（2001）"},
	}
}

func spanBand(b Band, lo, hi string, loOpen, hiOpen bool) BandRange {
	return BandRange{
		Band:      b,
		Lower:     Edge{Of: EdgeSpan, Value: decimal.RequireFromString(lo)},
		Upper:     Edge{Of: EdgeSpan, Value: decimal.RequireFromString(hi)},
		LowerOpen: loOpen,
		UpperOpen: hiOpen,
	}
}
