package discretion

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"reflect"
	"slices"
	"strings"

	xn "github.com/xiaoneng/xiaoneng"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
)

// This file reads a benchmark document with encoding/json: every
// document the fast reader of json_fast.go leaves to it, and, in tests,
// every document, as the oracle the fast reader is checked against.
//
// The document is decoded once, into wire types that mirror its schema
// (rDoc, rStandard, ... in json_wire.go). Their scalar fields are cells,
// which take a value of any JSON type and remember what they got, so
// that decoding goes on past a value of the wrong type, and notice when
// they are set twice, so that a repeated field is seen. The wire values
// are then read into a Document field by field, and every problem is
// reported with its path.
//
// An object or a list of the wrong type, and an unknown field, make
// encoding/json return an error, but for the first one only and without
// its path. Only then is the document decoded a second time, into maps
// and slices, and walked along the wire types (checkShape), to report
// every such problem with its path.

// jsonSpace is the white space JSON allows between values.
const jsonSpace = " \t\r\n"

// decode reads data into a Document. Malformed JSON is returned as one
// error, located by line and column; every other problem is added to p.
// The document is read by the fast reader of json_fast.go when it can
// be, with encoding/json otherwise, or always when not fast.
func decode(data []byte, p *problems, fast bool) (Document, error) {
	rest := bytes.TrimLeft(data, jsonSpace)
	switch {
	case len(rest) == 0:
		return Document{}, syntaxError(data, len(data), "document ends too early")
	case rest[0] != '{':
		return Document{}, syntaxError(data, len(data)-len(rest), "a benchmark document is a JSON object")
	}
	if fast {
		if w, ok := readFast(data); ok {
			r := wireReader{p: p}
			return r.document(w), nil
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var w rDoc
	err := dec.Decode(&w)
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &syn):
		// Offset counts the bytes read, the offending one included.
		return Document{}, syntaxError(data, int(syn.Offset)-1, syn.Error())
	case errors.Is(err, io.ErrUnexpectedEOF):
		return Document{}, syntaxError(data, len(data), "document ends too early")
	}
	if tail := bytes.TrimLeft(data[dec.InputOffset():], jsonSpace); len(tail) > 0 {
		return Document{}, syntaxError(data, len(data)-len(tail), "data after the document")
	}
	if err != nil {
		n := p.count()
		checkShape(data, p)
		if p.count() == n {
			// Not expected: checkShape finds whatever encoding/json
			// objects to. Never accept the document all the same.
			p.addf("", "", ErrInvalidStandard, "%v", err)
		}
	}
	r := wireReader{p: p}
	return r.document(&w), nil
}

// syntaxError returns the error for malformed JSON at byte offset off.
func syntaxError(data []byte, off int, msg string) error {
	return &Error{Op: "parse", Path: position(data, off), Err: problemf(ErrInvalidStandard, "%s", msg)}
}

// Reading the wire values.

// wireReader reads the wire values into a Document, reporting every
// problem with its path. The short lists of the document are cut from
// larger allocations, which live as long as the benchmark.
type wireReader struct {
	p            *problems
	kindSlab     slab[PenaltyKind]
	citationSlab slab[xn.Citation]
	bandSlab     slab[BandRange]
	comboSlab    slab[Combination]
	bandListSlab slab[Band]
	rangeSlab    slab[Range]
}

func (r *wireReader) problemf(path pathf, format string, args ...any) {
	r.p.addfp(path, "", ErrInvalidStandard, format, args...)
}

// check reports a value given twice or of a type other than want
// (described as what), and reports whether the cell holds a value to
// read. Absent and null read as the zero value.
func (r *wireReader) check(c *cell, path pathf, want jsonType, what string) bool {
	if c.twice {
		r.problemf(path, "given more than once")
	}
	switch c.got {
	case jAbsent, jNull:
		return false
	case want:
		return true
	}
	r.problemf(path, "expected %s, got %s", what, c.got)
	return false
}

func (r *wireReader) str(c *textCell, path pathf) string {
	if !r.check(&c.cell, path, jString, "a string") {
		return ""
	}
	return c.v
}

func (r *wireReader) boolean(c *boolCell, path pathf) bool {
	return r.check(&c.cell, path, jBool, "true or false") && c.v
}

func (r *wireReader) integer(c *intCell, path pathf) int {
	if !r.check(&c.cell, path, jNumber, "a whole number") {
		return 0
	}
	if c.text != "" {
		r.problemf(path, "%.40q is not a whole number", c.text)
	}
	return c.v
}

func (r *wireReader) amount(c *decCell, path pathf) decimal.Decimal {
	want := jString // or a number
	if c.got == jNumber {
		want = jNumber
	}
	if !r.check(&c.cell, path, want, "a decimal number") {
		return decimal.Decimal{}
	}
	if c.bad {
		r.problemf(path, "%.40q is not a decimal number", c.text)
	}
	return c.v
}

// enum reads an enum by its code or Chinese label. Where emptyOK, an
// empty string reads as the zero value, as a missing field does;
// otherwise it, like any text that names no value or names the zero
// value ("unknown"), is a problem.
func (r *wireReader) enum(c *enumCell, path pathf, what string, emptyOK bool) uint8 {
	if !r.check(&c.cell, path, jString, "a string") {
		return 0
	}
	if (!c.ok || c.v == 0) && !(c.text == "" && emptyOK) {
		r.problemf(path, "unknown %s %.40q", what, c.text)
	}
	return c.v
}

// kinds reads a list of penalty kinds.
func (r *wireReader) kinds(cs []kindCell, path pathf) []PenaltyKind {
	if cs == nil {
		return nil
	}
	out := r.kindSlab.take(len(cs))
	for i := range cs {
		c, ip := &cs[i], path.at(i)
		if c.got == jNull {
			r.problemf(ip, "expected a string, got null")
			continue
		}
		if !r.check(&c.cell, ip, jString, "a string") {
			continue
		}
		if !c.ok || c.v == 0 {
			r.p.addp(ip, "", problemf(ErrUnknownPenaltyKind, "%.40q", c.text))
		}
		out[i] = PenaltyKind(c.v)
	}
	return out
}

func (r *wireReader) citation(c *rCitation, path pathf) xn.Citation {
	out := xn.Citation{
		Law:       xn.LawID(r.str(&c.Law, path.dot("law"))),
		Article:   r.integer(&c.Article, path.dot("article")),
		Paragraph: r.integer(&c.Paragraph, path.dot("paragraph")),
		Item:      r.integer(&c.Item, path.dot("item")),
	}
	if s := r.str(&c.Version, path.dot("version")); s != "" {
		d, err := date.ParseISO(s)
		if err != nil || len(s) != len("2006-01-02") || d.String() != s { // no 2021-13-01
			r.problemf(path.dot("version"), "%.40q is not a date of the form 2006-01-02", s)
		} else {
			out.Version = d
		}
	}
	return out
}

func (r *wireReader) citations(cs []rCitation, path pathf) []xn.Citation {
	if cs == nil {
		return nil
	}
	out := r.citationSlab.take(len(cs))
	for i := range cs {
		out[i] = r.citation(&cs[i], path.at(i))
	}
	return out
}

func (r *wireReader) partyAmounts(a *rPartyAmounts, path pathf) PartyAmounts {
	return PartyAmounts{
		Citizen:      r.amount(&a.Citizen, path.dot("citizen")),
		Organisation: r.amount(&a.Organisation, path.dot("organisation")),
		Basis:        r.citation(&a.Basis, path.dot("basis")),
	}
}

func (r *wireReader) policy(w *rPolicy) Policy {
	pp := root("policy")
	pol := Policy{
		Hearing:             r.partyAmounts(&w.Hearing, pp.dot("hearing")),
		ConfiscationHearing: r.partyAmounts(&w.ConfiscationHearing, pp.dot("confiscation_hearing")),
		HearingKinds:        r.kinds(w.HearingKinds, pp.dot("hearing_kinds")),
		LegalReview:         r.partyAmounts(&w.LegalReview, pp.dot("legal_review")),
		LegalReviewKinds:    r.kinds(w.LegalReviewKinds, pp.dot("legal_review_kinds")),
		Collective:          r.partyAmounts(&w.Collective, pp.dot("collective")),
		CollectiveKinds:     r.kinds(w.CollectiveKinds, pp.dot("collective_kinds")),
	}
	// The zero rule, ConflictBalance, is a rule: only text that names
	// none is a problem.
	c, path := &w.Conflict, pp.dot("conflict")
	if r.check(&c.cell, path, jString, "a string") {
		if !c.ok && c.text != "" {
			r.problemf(path, "unknown conflict rule %.40q", c.text)
		}
		pol.Conflict = ConflictRule(c.v)
	}
	return pol
}

func (r *wireReader) edge(e *rEdge, path pathf) Edge {
	return Edge{
		Of:    EdgeBasis(r.enum(&e.Of.enumCell, path.dot("of"), "edge basis", false)),
		Value: r.amount(&e.Value, path.dot("value")),
	}
}

func (r *wireReader) bands(bs []rBand, path pathf) []BandRange {
	if bs == nil {
		return nil
	}
	out := r.bandSlab.take(len(bs))
	for i := range bs {
		b, bp := &bs[i], path.at(i)
		out[i] = BandRange{
			Band:      Band(r.enum(&b.Band.enumCell, bp.dot("band"), "band", false)),
			Lower:     r.edge(&b.Lower, bp.dot("lower")),
			Upper:     r.edge(&b.Upper, bp.dot("upper")),
			LowerOpen: r.boolean(&b.LowerOpen, bp.dot("lower_open")),
			UpperOpen: r.boolean(&b.UpperOpen, bp.dot("upper_open")),
		}
	}
	return out
}

func (r *wireReader) mitigation(m *rMitigation, path pathf) Mitigation {
	if m == nil {
		return Mitigation{}
	}
	return Mitigation{
		Floor:      r.edge(&m.Floor, path.dot("floor")),
		Collective: r.boolean(&m.Collective, path.dot("collective")),
		Basis:      r.citation(&m.Basis, path.dot("basis")),
	}
}

func (r *wireReader) scheme(s *rScheme, path pathf) Scheme {
	return Scheme{
		Name:       r.str(&s.Name, path.dot("name")),
		Preset:     r.str(&s.Preset, path.dot("preset")),
		Bands:      r.bands(s.Bands, path.dot("bands")),
		Gaps:       r.boolean(&s.Gaps, path.dot("gaps")),
		Overlaps:   r.boolean(&s.Overlaps, path.dot("overlaps")),
		Mitigation: r.mitigation(s.Mitigation, path.dot("mitigation")),
		Source:     r.str(&s.Source, path.dot("source")),
	}
}

func (r *wireReader) factor(f *rFactor, path pathf) Factor {
	return Factor{
		ID:       FactorID(r.str(&f.ID, path.dot("id"))),
		Name:     r.str(&f.Name, path.dot("name")),
		NameEN:   r.str(&f.NameEN, path.dot("name_en")),
		Effect:   Effect(r.enum(&f.Effect.enumCell, path.dot("effect"), "effect", false)),
		Force:    Force(r.enum(&f.Force.enumCell, path.dot("force"), "force", false)),
		Citation: r.citation(&f.Citation, path.dot("citation")),
	}
}

func (r *wireReader) rangeSpec(g *rRange, path pathf) Range {
	return Range{
		Party:      PartyType(r.enum(&g.Party.enumCell, path.dot("party"), "party type", true)),
		Form:       RangeForm(r.enum(&g.Form.enumCell, path.dot("form"), "range form", false)),
		Base:       BaseKind(r.enum(&g.Base.enumCell, path.dot("base"), "base", true)),
		Min:        r.amount(&g.Min, path.dot("min")),
		Max:        r.amount(&g.Max, path.dot("max")),
		MinBase:    r.amount(&g.MinBase, path.dot("min_base")),
		Bands:      r.bands(g.Bands, path.dot("bands")),
		Gaps:       r.boolean(&g.Gaps, path.dot("gaps")),
		Overlaps:   r.boolean(&g.Overlaps, path.dot("overlaps")),
		Mitigation: r.mitigation(g.Mitigation, path.dot("mitigation")),
	}
}

func (r *wireReader) standard(s *rStandard, path pathf) StandardSpec {
	spec := StandardSpec{
		Code:      r.str(&s.Code, path.dot("code")),
		Name:      r.str(&s.Name, path.dot("name")),
		Citations: r.citations(s.Citations, path.dot("citations")),
		Scheme:    r.str(&s.Scheme, path.dot("scheme")),
		Unit:      r.amount(&s.Unit, path.dot("unit")),
		Note:      r.str(&s.Note, path.dot("note")),
	}
	if s.Penalties != nil {
		spec.Penalties = r.comboSlab.take(len(s.Penalties))
		for i := range s.Penalties {
			c, cp := &s.Penalties[i], path.dotAt("penalties", i)
			spec.Penalties[i].Kinds = r.kinds(c.Kinds, cp.dot("kinds"))
			if c.Bands != nil {
				bands := r.bandListSlab.take(len(c.Bands))
				for j := range c.Bands {
					bands[j] = Band(r.enum(&c.Bands[j].enumCell, cp.dotAt("bands", j), "band", false))
				}
				spec.Penalties[i].Bands = bands
			}
		}
	}
	if s.Ranges != nil {
		spec.Ranges = r.rangeSlab.take(len(s.Ranges))
		for i := range s.Ranges {
			if g := s.Ranges[i]; g != nil { // null reads as an empty range
				spec.Ranges[i] = r.rangeSpec(g, path.dotAt("ranges", i))
			}
		}
	}
	return spec
}

func (r *wireReader) document(w *rDoc) Document {
	d := Document{
		Name:         r.str(&w.Name, root("name")),
		Issuer:       r.str(&w.Issuer, root("issuer")),
		Source:       r.str(&w.Source, root("source")),
		Illustrative: r.boolean(&w.Illustrative, root("illustrative")),
		Note:         r.str(&w.Note, root("note")),
		Scheme:       r.str(&w.Scheme, root("scheme")),
		Policy:       r.policy(&w.Policy),
	}
	if w.Schemes != nil {
		d.Schemes = make([]Scheme, len(w.Schemes))
		for i := range w.Schemes {
			d.Schemes[i] = r.scheme(&w.Schemes[i], rootAt("schemes", i))
		}
	}
	if w.Factors != nil {
		d.Factors = make([]Factor, len(w.Factors))
		for i := range w.Factors {
			d.Factors[i] = r.factor(&w.Factors[i], rootAt("factors", i))
		}
	}
	if w.Standards != nil {
		d.Standards = make([]StandardSpec, len(w.Standards))
		for i := range w.Standards {
			if s := w.Standards[i]; s != nil { // null reads as an empty standard
				d.Standards[i] = r.standard(s, rootAt("standards", i))
			}
		}
	}
	return d
}

// Checking the shape of a document whose objects, lists or fields
// encoding/json objected to.

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// checkShape decodes data into maps and slices and walks it along the
// wire types, reporting every object or list of the wrong type and every
// unknown field with its path. Field names match as encoding/json
// matches them: exactly, or else ignoring case. Cells are left alone:
// they take any value and are read by wireReader.
func checkShape(data []byte, p *problems) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return
	}
	shape(v, reflect.TypeFor[rDoc](), nil, p)
}

// shape checks the value v of wire type t at path (nil for the
// document).
func shape(v any, t reflect.Type, path *pathf, p *problems) {
	if v == nil || reflect.PointerTo(t).Implements(unmarshalerType) {
		return // null, which reads as nothing, or a cell
	}
	switch t.Kind() {
	case reflect.Pointer:
		shape(v, t.Elem(), path, p)
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			p.addf(where(path), "", ErrInvalidStandard, "expected an object, got %s", typeName(v))
			return
		}
		for _, k := range slices.Sorted(maps.Keys(m)) {
			kp := path.dot(k)
			f, ok := wireField(t, k)
			if !ok {
				p.addfp(kp, "", ErrInvalidStandard, "unknown field")
				continue
			}
			shape(m[k], f, &kp, p)
		}
	case reflect.Slice:
		l, ok := v.([]any)
		if !ok {
			p.addf(where(path), "", ErrInvalidStandard, "expected a list, got %s", typeName(v))
			return
		}
		for i, e := range l {
			ep := path.at(i)
			shape(e, t.Elem(), &ep, p)
		}
	}
}

// wireField returns the type of the field of struct type t that the key
// k names, as encoding/json finds it.
func wireField(t reflect.Type, k string) (reflect.Type, bool) {
	var folded reflect.Type
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == k {
			return f.Type, true
		}
		if folded == nil && strings.EqualFold(name, k) {
			folded = f.Type
		}
	}
	return folded, folded != nil
}

func where(path *pathf) string {
	if path == nil {
		return ""
	}
	return path.String()
}

// typeName names the JSON type of a value decoded into an any.
func typeName(v any) string {
	switch v.(type) {
	case map[string]any:
		return jObject.String()
	case []any:
		return jArray.String()
	case string:
		return jString.String()
	case json.Number:
		return jNumber.String()
	case bool:
		return jBool.String()
	}
	return jNull.String()
}
