package discretion

import (
	"bytes"
	"encoding/json"
)

// This file reads a benchmark document straight from its bytes into the
// wire types of json_wire.go, without reflection, for the documents that
// need nothing else: well-formed JSON whose objects and lists are where
// the schema has them and whose field names are given once each, as
// written. Every scalar is handed to its cell's UnmarshalJSON with the
// bytes encoding/json would hand it, so the wire values come out as
// encoding/json fills them (the oracle: a property and a fuzz target
// check the two agree), and [wireReader] reads them as before.
//
// On anything else the reader gives up and json_read.go reads the
// document with encoding/json, which locates and reports what is wrong:
// malformed JSON, data after the document, an unknown field, a field
// name matched only ignoring case, a field given twice, an object or a
// list where the schema has a scalar or the reverse. None of these
// occur in a document written by [Document.MarshalJSON].

// fastGiveUp is the panic value with which the fast reader abandons a
// document; readFast recovers it.
type fastGiveUp struct{}

// fastReader reads a document from data, at offset i.
type fastReader struct {
	data []byte
	i    int

	strs interned // laws, schemes, dates
	decs decimals

	// The lists of each type, and the standards and ranges, are cut from
	// larger allocations: the wire values are dropped once read.
	kinds      lists[kindCell]
	bands      lists[bandCell]
	citations  lists[rCitation]
	combos     lists[rCombination]
	bandRanges lists[rBand]
	schemes    lists[rScheme]
	factors    lists[rFactor]
	standards  lists[*rStandard]
	ranges     lists[*rRange]
	stdSlab    slab[rStandard]
	rangeSlab  slab[rRange]
}

// lists reads lists of T: each is read into a scratch list, then copied
// to a slice of its length. The scratch list is a stack, but an element
// is read in place, so no T may hold a list of T.
type lists[T any] struct {
	scratch []T
	slab[T]
}

// read reads a list as encoding/json reads one into a nil slice: null
// leaves it nil, [] makes it empty; elem reads each element into a zero
// T.
func (l *lists[T]) read(r *fastReader, elem func(*fastReader, *T)) []T {
	if !r.openList() {
		return nil
	}
	base := len(l.scratch)
	var zero T
	for first := true; r.element(first); first = false {
		l.scratch = append(l.scratch, zero)
		elem(r, &l.scratch[len(l.scratch)-1])
	}
	out := l.take(len(l.scratch) - base)
	copy(out, l.scratch[base:])
	clear(l.scratch[base:])
	l.scratch = l.scratch[:base]
	return out
}

// readFast reads data into the wire types, or reports false when the
// document needs encoding/json (see above). data starts, after white
// space, with '{'.
func readFast(data []byte) (w *rDoc, ok bool) {
	defer func() {
		if v := recover(); v != nil {
			if _, give := v.(fastGiveUp); !give {
				panic(v)
			}
			w, ok = nil, false
		}
	}()
	r := &fastReader{data: data}
	w = new(rDoc)
	r.space()
	if !r.open() { // null, which decode has ruled out
		return nil, false
	}
	r.doc(w)
	r.space()
	if r.i != len(r.data) {
		return nil, false // data after the document
	}
	return w, true
}

func (r *fastReader) giveUp() { panic(fastGiveUp{}) }

// The tokenizer.

// space skips the white space JSON allows.
func (r *fastReader) space() {
	for r.i < len(r.data) {
		switch r.data[r.i] {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return
		}
	}
}

// peek returns the next byte, after white space.
func (r *fastReader) peek() byte {
	r.space()
	if r.i >= len(r.data) {
		r.giveUp()
	}
	return r.data[r.i]
}

// str reads a string at r.i, quotes included, checking it as
// encoding/json does: no control characters, only the escapes JSON
// defines. It reports whether the string holds an escape.
func (r *fastReader) str() (raw []byte, escaped bool) {
	start := r.i
	r.i++ // the opening quote
	for r.i < len(r.data) {
		c := r.data[r.i]
		switch {
		case c == '"':
			r.i++
			return r.data[start:r.i], escaped
		case c < 0x20:
			r.giveUp()
		case c == '\\':
			escaped = true
			r.i++
			if r.i >= len(r.data) {
				r.giveUp()
			}
			switch r.data[r.i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				r.i++
			case 'u':
				if r.i+4 >= len(r.data) {
					r.giveUp()
				}
				for _, h := range r.data[r.i+1 : r.i+5] {
					if !isHex(h) {
						r.giveUp()
					}
				}
				r.i += 5
			default:
				r.giveUp()
			}
		default:
			r.i++
		}
	}
	r.giveUp()
	return nil, false
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// digits skips one or more digits.
func (r *fastReader) digits() {
	if r.i >= len(r.data) || !isDigit(r.data[r.i]) {
		r.giveUp()
	}
	for r.i < len(r.data) && isDigit(r.data[r.i]) {
		r.i++
	}
}

// number reads a number at r.i as JSON writes it:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?.
func (r *fastReader) number() []byte {
	start := r.i
	if r.data[r.i] == '-' {
		r.i++
	}
	if r.i < len(r.data) && r.data[r.i] == '0' {
		r.i++
	} else {
		r.digits()
	}
	if r.i < len(r.data) && r.data[r.i] == '.' {
		r.i++
		r.digits()
	}
	if r.i < len(r.data) && (r.data[r.i] == 'e' || r.data[r.i] == 'E') {
		r.i++
		if r.i < len(r.data) && (r.data[r.i] == '+' || r.data[r.i] == '-') {
			r.i++
		}
		r.digits()
	}
	return r.data[start:r.i]
}

// literal reads true, false or null at r.i.
func (r *fastReader) literal(word string) []byte {
	if !bytes.HasPrefix(r.data[r.i:], []byte(word)) {
		r.giveUp()
	}
	r.i += len(word)
	return r.data[r.i-len(word) : r.i]
}

// scalar reads a string, a number, true, false or null, and gives up on
// an object or a list.
func (r *fastReader) scalar() []byte {
	switch c := r.peek(); c {
	case '"':
		raw, _ := r.str()
		return raw
	case 't':
		return r.literal("true")
	case 'f':
		return r.literal("false")
	case 'n':
		return r.literal("null")
	default:
		if c == '-' || isDigit(c) {
			return r.number()
		}
	}
	r.giveUp()
	return nil
}

// cell reads a scalar into a cell, as encoding/json would.
func (r *fastReader) cell(c json.Unmarshaler) {
	_ = c.UnmarshalJSON(r.scalar()) // cells return no error
}

// text reads a string that a document repeats into a cell, as
// encoding/json would.
func (r *fastReader) text(c *textCell) { c.read(r.scalar(), &r.strs) }

// amount reads a number into a cell, as encoding/json would.
func (r *fastReader) amount(c *decCell) { c.read(r.scalar(), &r.decs) }

// open starts an object: true after its '{', false for null, which
// leaves the value alone, as encoding/json leaves a struct.
func (r *fastReader) open() bool {
	switch r.peek() {
	case '{':
		r.i++
		return true
	case 'n':
		r.literal("null")
		return false
	}
	r.giveUp()
	return false
}

// openList starts a list: true after its '[', false for null.
func (r *fastReader) openList() bool {
	switch r.peek() {
	case '[':
		r.i++
		return true
	case 'n':
		r.literal("null")
		return false
	}
	r.giveUp()
	return false
}

// member moves to the next member of an object: it reads the separator
// (none before the first member) and the key and its colon, and returns
// the key, or nil at the end of the object.
func (r *fastReader) member(first bool) []byte {
	c := r.peek()
	if c == '}' {
		r.i++
		return nil
	}
	if !first {
		if c != ',' {
			r.giveUp()
		}
		r.i++
		c = r.peek()
	}
	if c != '"' {
		r.giveUp()
	}
	raw, escaped := r.str()
	key := raw[1 : len(raw)-1]
	if escaped {
		key = unquote(raw)
	}
	if r.peek() != ':' {
		r.giveUp()
	}
	r.i++
	return key
}

// element moves to the next element of a list, reporting false at its
// end.
func (r *fastReader) element(first bool) bool {
	c := r.peek()
	if c == ']' {
		r.i++
		return false
	}
	if !first {
		if c != ',' {
			r.giveUp()
		}
		r.i++
	}
	return true
}

// fields reads the members of an object whose '{' is read, calling
// field with each key to read its value; field reports false for a key
// the schema does not have. An unknown key, or a key given twice, is
// left to encoding/json.
func (r *fastReader) fields(field func(key []byte) bool) {
	var seen [16][]byte // more keys than any object of the schema has
	n := 0
	for key := r.member(true); key != nil; key = r.member(false) {
		for _, k := range seen[:n] {
			if bytes.Equal(k, key) {
				r.giveUp()
			}
		}
		if n == len(seen) || !field(key) {
			r.giveUp()
		}
		seen[n] = key
		n++
	}
}

// isNull reports whether the next value is null, and skips it if so.
func (r *fastReader) isNull() bool {
	if r.peek() == 'n' {
		r.literal("null")
		return true
	}
	return false
}

// The schema. Each function reads one wire type; the keys are those of
// its json tags. A null element of a list is the zero element: nil for
// a pointer, a null for a cell.

func (r *fastReader) doc(w *rDoc) {
	r.fields(func(key []byte) bool {
		switch string(key) {
		case "name":
			r.cell(&w.Name)
		case "issuer":
			r.cell(&w.Issuer)
		case "source":
			r.cell(&w.Source)
		case "illustrative":
			r.cell(&w.Illustrative)
		case "note":
			r.cell(&w.Note)
		case "scheme":
			r.text(&w.Scheme)
		case "policy":
			r.policy(&w.Policy)
		case "schemes":
			w.Schemes = r.schemes.read(r, (*fastReader).scheme)
		case "factors":
			w.Factors = r.factors.read(r, (*fastReader).factor)
		case "standards":
			w.Standards = r.standards.read(r, func(r *fastReader, s **rStandard) {
				if !r.isNull() {
					*s = r.stdSlab.one()
					r.standard(*s)
				}
			})
		default:
			return false
		}
		return true
	})
}

func (r *fastReader) policy(w *rPolicy) {
	if !r.open() {
		return
	}
	r.fields(func(key []byte) bool {
		switch string(key) {
		case "conflict":
			r.cell(&w.Conflict)
		case "hearing":
			r.partyAmounts(&w.Hearing)
		case "confiscation_hearing":
			r.partyAmounts(&w.ConfiscationHearing)
		case "hearing_kinds":
			w.HearingKinds = r.kinds.read(r, (*fastReader).kind)
		case "legal_review":
			r.partyAmounts(&w.LegalReview)
		case "legal_review_kinds":
			w.LegalReviewKinds = r.kinds.read(r, (*fastReader).kind)
		case "collective":
			r.partyAmounts(&w.Collective)
		case "collective_kinds":
			w.CollectiveKinds = r.kinds.read(r, (*fastReader).kind)
		default:
			return false
		}
		return true
	})
}

func (r *fastReader) kind(c *kindCell) { r.cell(c) }

func (r *fastReader) band(c *bandCell) { r.cell(c) }

func (r *fastReader) partyAmounts(w *rPartyAmounts) {
	if !r.open() {
		return
	}
	r.fields(func(key []byte) bool {
		switch string(key) {
		case "citizen":
			r.amount(&w.Citizen)
		case "organisation":
			r.amount(&w.Organisation)
		case "basis":
			r.citation(&w.Basis)
		default:
			return false
		}
		return true
	})
}

func (r *fastReader) citation(w *rCitation) {
	if !r.open() {
		return
	}
	r.fields(func(key []byte) bool {
		switch string(key) {
		case "law":
			r.text(&w.Law)
		case "article":
			r.cell(&w.Article)
		case "paragraph":
			r.cell(&w.Paragraph)
		case "item":
			r.cell(&w.Item)
		case "version":
			r.text(&w.Version)
		default:
			return false
		}
		return true
	})
}

func (r *fastReader) scheme(w *rScheme) {
	if !r.open() {
		return
	}
	r.fields(func(key []byte) bool {
		switch string(key) {
		case "name":
			r.cell(&w.Name)
		case "preset":
			r.text(&w.Preset)
		case "bands":
			w.Bands = r.bandRanges.read(r, (*fastReader).bandRange)
		case "gaps":
			r.cell(&w.Gaps)
		case "overlaps":
			r.cell(&w.Overlaps)
		case "mitigation":
			w.Mitigation = r.mitigation()
		case "source":
			r.cell(&w.Source)
		default:
			return false
		}
		return true
	})
}

func (r *fastReader) bandRange(w *rBand) {
	if !r.open() {
		return
	}
	r.fields(func(key []byte) bool {
		switch string(key) {
		case "band":
			r.cell(&w.Band)
		case "lower":
			r.edge(&w.Lower)
		case "upper":
			r.edge(&w.Upper)
		case "lower_open":
			r.cell(&w.LowerOpen)
		case "upper_open":
			r.cell(&w.UpperOpen)
		default:
			return false
		}
		return true
	})
}

func (r *fastReader) edge(w *rEdge) {
	if !r.open() {
		return
	}
	r.fields(func(key []byte) bool {
		switch string(key) {
		case "of":
			r.cell(&w.Of)
		case "value":
			r.amount(&w.Value)
		default:
			return false
		}
		return true
	})
}

// mitigation reads a mitigation, which is given once: nil for null.
func (r *fastReader) mitigation() *rMitigation {
	if !r.open() {
		return nil
	}
	w := new(rMitigation)
	r.fields(func(key []byte) bool {
		switch string(key) {
		case "floor":
			r.edge(&w.Floor)
		case "collective":
			r.cell(&w.Collective)
		case "basis":
			r.citation(&w.Basis)
		default:
			return false
		}
		return true
	})
	return w
}

func (r *fastReader) factor(w *rFactor) {
	if !r.open() {
		return
	}
	r.fields(func(key []byte) bool {
		switch string(key) {
		case "id":
			r.cell(&w.ID)
		case "name":
			r.cell(&w.Name)
		case "name_en":
			r.cell(&w.NameEN)
		case "effect":
			r.cell(&w.Effect)
		case "force":
			r.cell(&w.Force)
		case "citation":
			r.citation(&w.Citation)
		default:
			return false
		}
		return true
	})
}

// standard reads a standard into w, which is new: the caller has dealt
// with null.
func (r *fastReader) standard(w *rStandard) {
	if !r.open() {
		r.giveUp() // not expected: the caller has read null
	}
	r.fields(func(key []byte) bool {
		switch string(key) {
		case "code":
			r.cell(&w.Code)
		case "name":
			r.cell(&w.Name)
		case "citations":
			w.Citations = r.citations.read(r, (*fastReader).citation)
		case "penalties":
			w.Penalties = r.combos.read(r, (*fastReader).combination)
		case "ranges":
			w.Ranges = r.ranges.read(r, func(r *fastReader, g **rRange) {
				if !r.isNull() {
					*g = r.rangeSlab.one()
					r.rangeSpec(*g)
				}
			})
		case "scheme":
			r.text(&w.Scheme)
		case "unit":
			r.amount(&w.Unit)
		case "note":
			r.cell(&w.Note)
		default:
			return false
		}
		return true
	})
}

func (r *fastReader) combination(w *rCombination) {
	if !r.open() {
		return
	}
	r.fields(func(key []byte) bool {
		switch string(key) {
		case "kinds":
			w.Kinds = r.kinds.read(r, (*fastReader).kind)
		case "bands":
			w.Bands = r.bands.read(r, (*fastReader).band)
		default:
			return false
		}
		return true
	})
}

// rangeSpec reads a range into w, which is new: the caller has dealt
// with null.
func (r *fastReader) rangeSpec(w *rRange) {
	if !r.open() {
		r.giveUp() // not expected: the caller has read null
	}
	r.fields(func(key []byte) bool {
		switch string(key) {
		case "party":
			r.cell(&w.Party)
		case "form":
			r.cell(&w.Form)
		case "base":
			r.cell(&w.Base)
		case "min":
			r.amount(&w.Min)
		case "max":
			r.amount(&w.Max)
		case "min_base":
			r.amount(&w.MinBase)
		case "bands":
			w.Bands = r.bandRanges.read(r, (*fastReader).bandRange)
		case "gaps":
			r.cell(&w.Gaps)
		case "overlaps":
			r.cell(&w.Overlaps)
		case "mitigation":
			w.Mitigation = r.mitigation()
		default:
			return false
		}
		return true
	})
}
