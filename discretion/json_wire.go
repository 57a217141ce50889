package discretion

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// This file holds the wire types json_read.go decodes a document into:
// structs that mirror its schema, whose scalar fields are cells. A cell
// takes a value of any JSON type, so that encoding/json never stops at a
// value of the wrong type, remembers the type it got, and notices being
// set twice; [wireReader] then reports what it finds with the path.

// The wire types. Their field names are those of the format that
// [Document.MarshalJSON] writes.

type rDoc struct {
	Name         textCell     `json:"name"`
	Issuer       textCell     `json:"issuer"`
	Source       textCell     `json:"source"`
	Illustrative boolCell     `json:"illustrative"`
	Note         textCell     `json:"note"`
	Scheme       textCell     `json:"scheme"`
	Policy       rPolicy      `json:"policy"`
	Schemes      []rScheme    `json:"schemes"`
	Factors      []rFactor    `json:"factors"`
	Standards    []*rStandard `json:"standards"` // pointers: growing a long slice copies less
}

type rPolicy struct {
	Conflict            conflictCell  `json:"conflict"`
	Hearing             rPartyAmounts `json:"hearing"`
	ConfiscationHearing rPartyAmounts `json:"confiscation_hearing"`
	HearingKinds        []kindCell    `json:"hearing_kinds"`
	LegalReview         rPartyAmounts `json:"legal_review"`
	LegalReviewKinds    []kindCell    `json:"legal_review_kinds"`
	Collective          rPartyAmounts `json:"collective"`
	CollectiveKinds     []kindCell    `json:"collective_kinds"`
}

type rPartyAmounts struct {
	Citizen      decCell   `json:"citizen"`
	Organisation decCell   `json:"organisation"`
	Basis        rCitation `json:"basis"`
}

type rCitation struct {
	Law       textCell `json:"law"`
	Article   intCell  `json:"article"`
	Paragraph intCell  `json:"paragraph"`
	Item      intCell  `json:"item"`
	Version   textCell `json:"version"`
}

type rScheme struct {
	Name       textCell     `json:"name"`
	Preset     textCell     `json:"preset"`
	Bands      []rBand      `json:"bands"`
	Gaps       boolCell     `json:"gaps"`
	Overlaps   boolCell     `json:"overlaps"`
	Mitigation *rMitigation `json:"mitigation"` // rare: allocated only when given
	Source     textCell     `json:"source"`
}

type rBand struct {
	Band      bandCell `json:"band"`
	Lower     rEdge    `json:"lower"`
	Upper     rEdge    `json:"upper"`
	LowerOpen boolCell `json:"lower_open"`
	UpperOpen boolCell `json:"upper_open"`
}

type rEdge struct {
	Of    edgeCell `json:"of"`
	Value decCell  `json:"value"`
}

type rMitigation struct {
	Floor      rEdge     `json:"floor"`
	Collective boolCell  `json:"collective"`
	Basis      rCitation `json:"basis"`
}

type rFactor struct {
	ID       textCell   `json:"id"`
	Name     textCell   `json:"name"`
	NameEN   textCell   `json:"name_en"`
	Effect   effectCell `json:"effect"`
	Force    forceCell  `json:"force"`
	Citation rCitation  `json:"citation"`
}

type rStandard struct {
	Code      textCell       `json:"code"`
	Name      textCell       `json:"name"`
	Citations []rCitation    `json:"citations"`
	Penalties []rCombination `json:"penalties"`
	Ranges    []*rRange      `json:"ranges"` // pointers, as for Standards
	Scheme    textCell       `json:"scheme"`
	Unit      decCell        `json:"unit"`
	Note      textCell       `json:"note"`
}

type rCombination struct {
	Kinds []kindCell `json:"kinds"`
	Bands []bandCell `json:"bands"`
}

type rRange struct {
	Party      partyCell    `json:"party"`
	Form       formCell     `json:"form"`
	Base       baseCell     `json:"base"`
	Min        decCell      `json:"min"`
	Max        decCell      `json:"max"`
	MinBase    decCell      `json:"min_base"`
	Bands      []rBand      `json:"bands"`
	Gaps       boolCell     `json:"gaps"`
	Overlaps   boolCell     `json:"overlaps"`
	Mitigation *rMitigation `json:"mitigation"` // rare: allocated only when given
}

// Cells.

// jsonType is the type of a JSON value, as a cell saw it.
type jsonType uint8

const (
	jAbsent jsonType = iota // no value was given
	jNull
	jString
	jNumber
	jBool
	jObject
	jArray
)

var jsonTypeNames = [...]string{"nothing", "null", "a string", "a number", "true or false", "an object", "a list"}

func (t jsonType) String() string { return jsonTypeNames[t] }

// typeOf returns the type of the JSON value b, which encoding/json has
// checked.
func typeOf(b []byte) jsonType {
	if len(b) == 0 {
		return jAbsent
	}
	switch b[0] {
	case 'n':
		return jNull
	case '"':
		return jString
	case 't', 'f':
		return jBool
	case '{':
		return jObject
	case '[':
		return jArray
	}
	return jNumber
}

// cell is what every scalar of the wire types records.
type cell struct {
	got   jsonType // the type of the value given
	twice bool     // a value was given more than once
}

// see records a value given to the cell and returns its type.
func (c *cell) see(b []byte) jsonType {
	c.twice = c.twice || c.got != jAbsent
	c.got = typeOf(b)
	return c.got
}

// unquote returns the text of the JSON string b as encoding/json reads
// it: escapes resolved, invalid UTF-8 replaced. A string with neither,
// the common case, is returned in place.
func unquote(b []byte) []byte {
	if len(b) < 2 {
		return nil
	}
	if s := b[1 : len(b)-1]; bytes.IndexByte(s, '\\') < 0 && utf8.Valid(s) {
		return s
	}
	var s string
	if json.Unmarshal(b, &s) != nil {
		return nil // not expected: encoding/json has checked b
	}
	return []byte(s)
}

// textCell is a string.
type textCell struct {
	cell
	v string
}

func (c *textCell) UnmarshalJSON(b []byte) error {
	c.read(b, nil)
	return nil
}

// read is UnmarshalJSON, taking the text from strs when it is there.
func (c *textCell) read(b []byte, strs *interned) {
	if c.see(b) == jString {
		c.v = strs.get(unquote(b))
	}
}

// interned holds strings a document repeats, such as the laws its
// citations name, so that reading them allocates each once. A nil
// *interned interns nothing.
type interned struct{ m map[string]string }

// maxInterned bounds the strings an interned holds.
const maxInterned = 1024

func (n *interned) get(b []byte) string {
	if n == nil {
		return string(b)
	}
	if s, ok := n.m[string(b)]; ok {
		return s
	}
	s := string(b)
	if n.m == nil {
		n.m = make(map[string]string)
	}
	if len(n.m) < maxInterned {
		n.m[s] = s
	}
	return s
}

// boolCell is true or false.
type boolCell struct {
	cell
	v bool
}

func (c *boolCell) UnmarshalJSON(b []byte) error {
	if c.see(b) == jBool {
		c.v = b[0] == 't'
	}
	return nil
}

// intCell is a whole number, such as an article.
type intCell struct {
	cell
	v    int
	text string // the number, kept when it is not a whole one
}

func (c *intCell) UnmarshalJSON(b []byte) error {
	if c.see(b) != jNumber {
		return nil
	}
	n, err := strconv.Atoi(string(b))
	c.v, c.text = n, ""
	if err != nil {
		c.v, c.text = 0, string(b[:min(len(b), maxText)])
	}
	return nil
}

// decCell is an amount, multiple or fraction: a decimal string or a JSON
// number, read exactly from its text, never through float64.
type decCell struct {
	v    decimal.Decimal
	text string // the text, kept when bad
	cell
	bad bool // the text is not a decimal number
}

func (c *decCell) UnmarshalJSON(b []byte) error {
	c.read(b, nil)
	return nil
}

// read is UnmarshalJSON, taking the decimal from decs when it is there.
func (c *decCell) read(b []byte, decs *decimals) {
	var text []byte
	switch c.see(b) {
	case jString:
		text = unquote(b)
	case jNumber:
		text = b
	default:
		return
	}
	c.v, c.bad, c.text = decimal.Decimal{}, false, ""
	if d, ok := decs.parse(text); ok {
		c.v = d
	} else {
		c.bad, c.text = true, string(text[:min(len(text), maxText)])
	}
}

// maxText bounds the text of a number that is read, and the text a cell
// keeps for a message, so that no input makes reading slow or a report
// large.
const maxText = 64

// parseDecimal reads a decimal from its text, as decimal.NewFromString
// does, refusing text longer than maxText.
func parseDecimal(text []byte) (decimal.Decimal, bool) {
	if len(text) > maxText {
		return decimal.Decimal{}, false
	}
	if c, e, ok := plainDecimal(text); ok {
		return decimal.New(c, e), true
	}
	d, err := decimal.NewFromString(string(text))
	return d, err == nil
}

// plainDecimal reads the commonest numbers, -?[0-9]+(\.[0-9]+)? with at
// most 18 digits, as the coefficient and exponent decimal.NewFromString
// gives them: decimal.New(c, e) is then the decimal it returns. Any
// other text is not plain.
func plainDecimal(text []byte) (c int64, e int32, ok bool) {
	i, neg := 0, false
	if len(text) > 0 && text[0] == '-' {
		i, neg = 1, true
	}
	digits, dot := 0, false
	for ; i < len(text); i++ {
		switch b := text[i]; {
		case '0' <= b && b <= '9':
			if digits == 18 {
				return 0, 0, false
			}
			c = c*10 + int64(b-'0')
			digits++
			if dot {
				e--
			}
		case b == '.' && !dot && digits > 0:
			dot = true
		default:
			return 0, 0, false
		}
	}
	if digits == 0 || dot && e == 0 {
		return 0, 0, false
	}
	if neg {
		c = -c
	}
	return c, e, true
}

// decimals holds the decimals a document repeats, such as its units and
// round amounts, so that reading them allocates each once: a decimal
// never changes the big.Int it holds, so equal ones may share it. A nil
// *decimals shares nothing.
type decimals struct{ m map[small]decimal.Decimal }

// maxShared bounds the decimals a decimals holds.
const maxShared = 4096

// parse is parseDecimal, sharing plain decimals.
func (ds *decimals) parse(text []byte) (decimal.Decimal, bool) {
	if ds == nil || len(text) > maxText {
		return parseDecimal(text)
	}
	c, e, ok := plainDecimal(text)
	if !ok {
		return parseDecimal(text)
	}
	k := small{c: c, e: e}
	if d, ok := ds.m[k]; ok {
		return d, true
	}
	d := decimal.New(c, e)
	if ds.m == nil {
		ds.m = make(map[small]decimal.Decimal)
	}
	if len(ds.m) < maxShared {
		ds.m[k] = d
	}
	return d, true
}

// enumCell is an enum, by its code or its Chinese label. Each enum has
// its own cell type, which knows its labels.
type enumCell struct {
	cell
	v    uint8
	ok   bool   // the text names a value
	text string // the text, kept when it names none or the zero value
}

func (c *enumCell) read(b []byte, table []label) error {
	if c.see(b) != jString {
		return nil
	}
	text := unquote(b)
	i, ok := parseLabel(table, text)
	c.v, c.ok, c.text = uint8(i), ok, ""
	if !ok || i == 0 {
		c.text = string(text[:min(len(text), maxText)])
	}
	return nil
}

type (
	kindCell     struct{ enumCell }
	bandCell     struct{ enumCell }
	edgeCell     struct{ enumCell }
	effectCell   struct{ enumCell }
	forceCell    struct{ enumCell }
	partyCell    struct{ enumCell }
	formCell     struct{ enumCell }
	baseCell     struct{ enumCell }
	conflictCell struct{ enumCell }
)

func (c *kindCell) UnmarshalJSON(b []byte) error     { return c.read(b, kindLabels) }
func (c *bandCell) UnmarshalJSON(b []byte) error     { return c.read(b, bandLabels) }
func (c *edgeCell) UnmarshalJSON(b []byte) error     { return c.read(b, edgeLabels) }
func (c *effectCell) UnmarshalJSON(b []byte) error   { return c.read(b, effectLabels) }
func (c *forceCell) UnmarshalJSON(b []byte) error    { return c.read(b, forceLabels) }
func (c *partyCell) UnmarshalJSON(b []byte) error    { return c.read(b, partyLabels) }
func (c *formCell) UnmarshalJSON(b []byte) error     { return c.read(b, formLabels) }
func (c *baseCell) UnmarshalJSON(b []byte) error     { return c.read(b, baseLabels) }
func (c *conflictCell) UnmarshalJSON(b []byte) error { return c.read(b, conflictLabels) }
