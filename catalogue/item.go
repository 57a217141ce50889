package catalogue

import (
	"encoding/json"
	"slices"
	"strconv"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
)

// Item is a service item (服务事项) of a catalogue (事项清单): one power or
// public service that a unit exercises, with its basis, the procedure it
// runs on, its limits, the materials it needs, its fees and channels, and
// the days it is in force.
//
// An Item is plain data with JSON tags in the catalogue's file format.
// [New] validates it as part of a [Spec]; an item taken from a
// [Catalogue] is a copy that may be changed freely.
type Item struct {
	// Code identifies the item (事项编码), e.g. 330100-XK-0001. Several
	// versions of an item may share a code if their effective periods do
	// not overlap.
	Code string `json:"code"`
	// Name is the item's name (事项名称): 食品经营许可（新办）.
	Name string `json:"name"`
	// Unit is the implementing unit (实施主体): 示例县市场监督管理局.
	Unit string `json:"unit"`
	// Kind is the kind of power (权力类型).
	Kind Kind `json:"kind"`
	// Basis are the provisions that create the power (设定依据), at
	// least one.
	Basis []xiaoneng.Citation `json:"basis"`
	// Conditions are the conditions an applicant must meet (申请条件),
	// for the service guide.
	Conditions []string `json:"conditions,omitempty"`
	// Procedure is the name of the reference procedure the item runs on
	// ([procedure.ReferenceNames]), e.g. "licensing".
	Procedure string `json:"procedure"`
	// Clock is the clock of that procedure the item's limits apply to,
	// e.g. "decision": a time limit the agency must meet.
	Clock string `json:"clock"`
	// Statutory is the statutory limit (法定办结时限). Zero takes the
	// period and provision of the clock's rule; an item states its own,
	// with its Basis, where a law provides otherwise (建筑法 Art 8 ¶2:
	// seven days).
	Statutory Limit `json:"statutory,omitzero"`
	// Promised is the promised limit (承诺办结时限), never longer than the
	// statutory one. Zero promises the statutory limit.
	Promised Limit `json:"promised,omitzero"`
	// Materials are the materials to hand in, in the order the guide
	// lists them. Items started by the agency itself (a penalty) may
	// have none.
	Materials []Material `json:"materials,omitempty"`
	// Fees are the fees charged (收费标准); none means free of charge
	// (不收费).
	Fees []Fee `json:"fees,omitempty"`
	// OnTheSpot reports that a decision may be made on the spot (当场办结,
	// 行政许可法 Art 34 ¶2); the procedure must have the step.
	OnTheSpot bool `json:"on_the_spot,omitempty"`
	// Online reports that the whole matter can be handled online (全程
	// 网办); the channels must then include [ChannelOnline].
	Online bool `json:"online,omitempty"`
	// Channels are the ways to apply (办理渠道), at least one.
	Channels []Channel `json:"channels"`
	// Process are the steps of the service guide (办理流程). Empty takes
	// the catalogue's steps for the procedure (Spec.Processes), or else
	// the procedure's states.
	Process []Step `json:"process,omitempty"`
	// Contact says where to ask (咨询方式): an address, a telephone.
	Contact string `json:"contact,omitempty"`
	// From is the first day the item is in force; To, if not zero, the
	// last. Both are civil dates.
	From date.Date `json:"from"`
	To   date.Date `json:"to,omitzero"`
}

// Material is one material an applicant hands in (申请材料), as the
// published list of an item names it.
//
// The intake check ([Catalogue.Intake]) counts a material as missing when
// it is Required and not submitted in conforming form. A deferrable
// material (容缺后补) may follow after acceptance within DeferDays working
// days: when only deferrable materials are missing, the application is
// accepted under 容缺受理.
type Material struct {
	// Name is the material's name, unique within the item: 营业执照复印件.
	// Applicants' submissions are matched to it by name. It may not
	// contain the list separator "；" (see [SplitList]).
	Name string `json:"name"`
	// Form is the form it is handed in (原件, 复印件 …).
	Form Form `json:"form"`
	// Copies is the number of copies (份数), at least 1.
	Copies int `json:"copies"`
	// Required reports whether the application needs the material. An
	// optional material (e.g. a power of attorney when an agent applies)
	// is never counted as missing.
	Required bool `json:"required"`
	// Deferrable reports whether the material may follow after acceptance
	// (容缺受理); only a required material can be deferrable.
	Deferrable bool `json:"deferrable,omitempty"`
	// DeferDays is how many working days after acceptance a deferred
	// material may follow: 1 to 250 for a deferrable material, zero
	// otherwise.
	DeferDays int `json:"defer_days,omitempty"`
	// Note says what makes the material conforming (材料要求), e.g. 加盖
	// 单位公章, 与原件核对一致.
	Note string `json:"note,omitempty"`
}

// maxDeferDays bounds DeferDays: a year of working days.
const maxDeferDays = 250

// Form is the form a material is handed in (材料形式). Values are stored:
// they are never reordered, only appended.
type Form uint8

// Forms. The zero value, FormUnknown, is refused by [New].
const (
	FormUnknown Form = iota
	// FormOriginal is the original (原件).
	FormOriginal
	// FormCopy is a copy (复印件).
	FormCopy
	// FormOriginalAndCopy is the original, shown, and a copy, kept
	// (原件及复印件).
	FormOriginalAndCopy
	// FormElectronic is an electronic document or licence (电子材料).
	FormElectronic
)

var formLabels = [...]label{
	FormUnknown:         {"unknown", "未知", "unknown"},
	FormOriginal:        {"original", "原件", "original"},
	FormCopy:            {"copy", "复印件", "copy"},
	FormOriginalAndCopy: {"original_and_copy", "原件及复印件", "original and copy"},
	FormElectronic:      {"electronic", "电子材料", "electronic document"},
}

// String returns the form's code, as JSON writes it: "copy".
func (f Form) String() string { return labelOf(formLabels[:], f).code }

// Chinese returns the form in Chinese: 复印件.
func (f Form) Chinese() string { return labelOf(formLabels[:], f).zh }

// English returns the form in English: "copy".
func (f Form) English() string { return labelOf(formLabels[:], f).en }

// MarshalText writes the form's code. It refuses FormUnknown and values
// out of range.
func (f Form) MarshalText() ([]byte, error) { return marshalLabel(formLabels[:], f, "form") }

// UnmarshalText reads a form from its code or its Chinese label.
func (f *Form) UnmarshalText(b []byte) error { return unmarshalLabel(formLabels[:], f, b, "form") }

// InForce reports whether the item is in force on day d: From ≤ d and,
// when To is set, d ≤ To.
func (it Item) InForce(d date.Date) bool {
	return it.From <= d && (it.To == 0 || d <= it.To)
}

// clone returns a deep copy of the item.
func (it Item) clone() Item {
	it.Basis = cloneOrNil(it.Basis)
	it.Conditions = cloneOrNil(it.Conditions)
	it.Materials = cloneOrNil(it.Materials)
	it.Fees = cloneOrNil(it.Fees)
	it.Channels = cloneOrNil(it.Channels)
	it.Process = cloneOrNil(it.Process)
	return it
}

// cloneOrNil copies a slice; an empty one becomes nil, so that a
// catalogue's data has one form whatever its source.
func cloneOrNil[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return slices.Clone(s)
}

// Limit is a time limit of an item: a period with the provision or
// document it rests on. A promised limit (承诺时限) that rests on no
// document is the unit's own promise; its Note says so.
type Limit struct {
	// N and Unit are the period: 20 working days, 7 days.
	N    int           `json:"n"`
	Unit deadline.Unit `json:"unit"`
	// Basis is the provision (for a statutory limit) or the document
	// that makes the promise (for a promised limit), if any.
	Basis xiaoneng.Citation `json:"basis,omitzero"`
	// Note says more, e.g. 本单位服务承诺.
	Note string `json:"note,omitempty"`
	// Extension is how a statutory limit the item states may be extended
	// (延长), in the limit's unit, as the provision that sets it allows.
	// Zero keeps the extension of the clock's rule when the limit rests
	// on the rule's own provision, and allows none when it rests on
	// another: 行政许可法 Art 42 ¶1's ten days extend its own twenty, not
	// the period another law sets in its place (建筑法 Art 8 ¶2). A
	// promised limit states none: it is extended as the statutory limit
	// is.
	Extension deadline.Extension `json:"extension,omitzero"`
}

// Period returns the limit's period.
func (l Limit) Period() deadline.Period { return deadline.Period{N: l.N, Unit: l.Unit} }

// IsZero reports whether the limit is not set.
func (l Limit) IsZero() bool { return l == Limit{} }

// Step is one step of an item's process, as the service guide lists it
// (办理流程): 受理, 审查, 决定, 送达.
type Step struct {
	Name string `json:"name"`
	// Desc says what happens, who does it and, where useful, how long
	// it takes.
	Desc string `json:"desc,omitempty"`
}

// Fee is one fee an item charges (收费项目), with its standard and the
// provision that allows it (行政许可法 Art 58 ¶1: none unless a law or an
// administrative regulation provides otherwise).
//
// Amounts are exact decimals, never floating point; in JSON they are
// strings, "3.00".
type Fee struct {
	// Name is the fee's name: 城市道路占用费.
	Name string `json:"name"`
	// Amount is the standard (收费标准) in yuan per Per: positive, at
	// most two decimal places.
	Amount decimal.Decimal `json:"amount"`
	// Per is what the amount is charged for: 件, 平方米·日.
	Per string `json:"per,omitempty"`
	// Basis is the provision that allows the fee (收费依据). Required.
	Basis xiaoneng.Citation `json:"basis"`
	// Note says more, e.g. who sets the standard.
	Note string `json:"note,omitempty"`
}

// MarshalJSON writes the fee with its amount as a JSON string with two
// decimals, "2.50", whatever the decimal package's global settings.
func (f Fee) MarshalJSON() ([]byte, error) {
	amount := f.Amount.String()
	if f.Amount.Equal(f.Amount.Round(2)) {
		amount = yuan(f.Amount)
	}
	return json.Marshal(struct {
		Name   string            `json:"name"`
		Amount string            `json:"amount"`
		Per    string            `json:"per,omitempty"`
		Basis  xiaoneng.Citation `json:"basis"`
		Note   string            `json:"note,omitempty"`
	}{f.Name, amount, f.Per, f.Basis, f.Note})
}

// yuan writes an amount with two decimals: 3.00.
func yuan(d decimal.Decimal) string { return d.StringFixed(2) }

// validAmount reports whether s is an amount of the file format: digits,
// optionally a point and one or two decimals, at most twelve digits
// before the point.
func validAmount(s string) bool {
	whole, frac, dot := cut(s, '.')
	if len(whole) == 0 || len(whole) > 12 || (dot && (len(frac) == 0 || len(frac) > 2)) {
		return false
	}
	for _, part := range []string{whole, frac} {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return false
			}
		}
	}
	return true
}

// cut splits s at the first c.
func cut(s string, c byte) (before, after string, found bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// itoa is strconv.Itoa, short.
func itoa(n int) string { return strconv.Itoa(n) }

// Channel is a way an applicant can hand in an application or have the
// matter handled (办理渠道). Values are stored: they are never reordered,
// only appended.
type Channel uint8

// Channels. The zero value, ChannelUnknown, is refused by [New].
const (
	ChannelUnknown Channel = iota
	// ChannelWindow is the service window of a government service
	// centre (窗口办理).
	ChannelWindow
	// ChannelOnline is the online government service platform (网上办理).
	ChannelOnline
	// ChannelMobile is a mobile application (掌上办理).
	ChannelMobile
	// ChannelMail is post (邮寄办理).
	ChannelMail
	// ChannelSelfService is a self-service terminal (自助终端办理).
	ChannelSelfService
	// ChannelPhone is a telephone hotline such as 12345 (电话办理).
	ChannelPhone
	// ChannelAgent is assisted or agent handling by the centre's staff
	// (帮办代办).
	ChannelAgent
)

var channelLabels = [...]label{
	ChannelUnknown:     {"unknown", "未知", "unknown"},
	ChannelWindow:      {"window", "窗口办理", "service window"},
	ChannelOnline:      {"online", "网上办理", "online platform"},
	ChannelMobile:      {"mobile", "掌上办理", "mobile application"},
	ChannelMail:        {"mail", "邮寄办理", "post"},
	ChannelSelfService: {"self_service", "自助终端办理", "self-service terminal"},
	ChannelPhone:       {"phone", "电话办理", "telephone hotline"},
	ChannelAgent:       {"agent", "帮办代办", "assisted or agent handling"},
}

// String returns the channel's code, as JSON writes it: "window".
func (c Channel) String() string { return labelOf(channelLabels[:], c).code }

// Chinese returns the channel in Chinese: 窗口办理.
func (c Channel) Chinese() string { return labelOf(channelLabels[:], c).zh }

// English returns the channel in English: "service window".
func (c Channel) English() string { return labelOf(channelLabels[:], c).en }

// MarshalText writes the channel's code. It refuses ChannelUnknown and
// values out of range.
func (c Channel) MarshalText() ([]byte, error) {
	return marshalLabel(channelLabels[:], c, "channel")
}

// UnmarshalText reads a channel from its code or its Chinese label.
func (c *Channel) UnmarshalText(b []byte) error {
	return unmarshalLabel(channelLabels[:], c, b, "channel")
}
