package catalogue

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"unicode/utf8"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
)

// Parse reads a catalogue from JSON, in the format of [Spec]'s JSON tags
// (the format [Catalogue.MarshalJSON] writes), and builds it like [New].
//
// The reader is strict: unknown members, values of the wrong type,
// amounts that are not strings of digits ("3.00"), dates that are not
// YYYY-MM-DD, unknown kinds, forms, channels and units are problems, each
// reported with its location, e.g. "items[3].materials[1].defer_days".
// Enumerations are written as codes ("licensing") and read as codes or
// Chinese labels (行政许可). A material must say whether it is required.
// A syntax error is reported with its line and column. The error joins
// one [*Error] per problem, each wrapping [ErrInvalidCatalogue], the
// reader's and the validation's together; nothing is built unless the
// whole file is valid.
func Parse(data []byte, opts ...Option) (*Catalogue, error) {
	return parse("Parse", data, opts)
}

// Load reads the catalogue in file name of fsys (os.DirFS, an embed.FS)
// and parses it like [Parse]. A file that cannot be read is an error
// wrapping both [ErrInvalidCatalogue] and the cause.
func Load(fsys fs.FS, name string, opts ...Option) (*Catalogue, error) {
	if fsys == nil {
		return nil, &Error{Op: "Load", Path: name, Err: fmt.Errorf("%w: no file system to read from", ErrInvalidCatalogue)}
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, &Error{Op: "Load", Path: name, Err: fmt.Errorf("%w: %w", ErrInvalidCatalogue, err)}
	}
	return parse("Load", data, opts)
}

func parse(op string, data []byte, opts []Option) (*Catalogue, error) {
	p := problems{op: op}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		p.add(jsonLocation(data, err), "", "malformed JSON: %v", err)
		return nil, p.err()
	}
	if _, err := dec.Token(); err == nil {
		p.add("", "", "data after the catalogue")
		return nil, p.err()
	}
	spec := readSpec(&p, doc)
	if len(p.decoded) > 0 && p.decoded[0] == "" {
		// Not an object at all: nothing else to say.
		return nil, p.err()
	}
	c := build(&p, spec, opts)
	if !p.ok() {
		return nil, p.err()
	}
	return c, nil
}

// jsonLocation returns where a decoding error happened, as a line and a
// column, counted in characters, of the character that made it fail (or
// the last one, when the data ends too soon).
func jsonLocation(data []byte, err error) string {
	var syn *json.SyntaxError
	offset := int64(len(data))
	if errors.As(err, &syn) {
		offset = syn.Offset
	}
	bad := int(min(max(offset-1, 0), int64(len(data))))
	lineStart := bytes.LastIndexByte(data[:bad], '\n') + 1
	return fmt.Sprintf("line %d, column %d", bytes.Count(data[:bad], []byte("\n"))+1, utf8.RuneCount(data[lineStart:bad])+1)
}

// The reader walks the document decoded once into maps, lists, strings,
// json.Number values and booleans, checking each member's type as it
// takes it.

// obj is a JSON object being read member by member: each member read is
// taken out, and [obj.done] reports the members left as unknown.
type obj struct {
	p    *problems
	path string
	m    map[string]any
}

// object reads v as an object at path. null reads as an empty object.
func object(p *problems, path string, v any) obj {
	o := obj{p: p, path: path}
	if v == nil {
		return o
	}
	m, ok := v.(map[string]any)
	if !ok {
		p.decodeProblem(path, "expected an object, got %s", what(v))
	}
	o.m = m
	return o
}

// what names the JSON type of a value, for messages.
func what(v any) string {
	switch v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	}
	return "null"
}

func (o obj) at(key string) string {
	if o.path == "" {
		return key
	}
	return o.path + "." + key
}

// take removes the member key and returns its value; it reports false
// when the member is absent or null.
func (o obj) take(key string) (any, bool) {
	v, ok := o.m[key]
	delete(o.m, key)
	return v, ok && v != nil
}

// has reports whether the member is present, null or not.
func (o obj) has(key string) bool {
	_, ok := o.m[key]
	return ok
}

func (o obj) str(key string) string {
	v, ok := o.take(key)
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		o.p.decodeProblem(o.at(key), "expected a string, got %s", what(v))
	}
	return s
}

func (o obj) integer(key string) int {
	v, ok := o.take(key)
	if !ok {
		return 0
	}
	num, isNum := v.(json.Number)
	n, err := strconv.Atoi(string(num))
	if !isNum || err != nil {
		got := what(v)
		if isNum {
			got = "the number " + string(num)
		}
		o.p.decodeProblem(o.at(key), "expected a whole number, got %.60s", got)
	}
	return n
}

func (o obj) boolean(key string) bool {
	v, ok := o.take(key)
	if !ok {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		o.p.decodeProblem(o.at(key), "expected true or false, got %s", what(v))
	}
	return b
}

// list reads the member as a list and calls fn with each element's
// location and value.
func (o obj) list(key string, fn func(path string, v any)) {
	v, ok := o.take(key)
	if !ok {
		return
	}
	elems, ok := v.([]any)
	if !ok {
		o.p.decodeProblem(o.at(key), "expected a list, got %s", what(v))
		return
	}
	for i, e := range elems {
		fn(at(o.at(key), i), e)
	}
}

func (o obj) strs(key string) []string {
	var out []string
	o.list(key, func(path string, v any) {
		s, ok := v.(string)
		if !ok {
			o.p.decodeProblem(path, "expected a string, got %s", what(v))
		}
		out = append(out, s)
	})
	return out
}

// day reads a date of the form YYYY-MM-DD.
func (o obj) day(key string) date.Date {
	s := o.str(key)
	if s == "" {
		return 0
	}
	d, err := deadline.ParseDate(s)
	if err != nil {
		detail := err.Error()
		if e, ok := errors.AsType[*deadline.Error](err); ok {
			detail = e.Detail
		}
		o.p.decodeProblem(o.at(key), "%s", detail)
	}
	return d
}

// enum reads a code or Chinese label of an enumeration.
func enum[T ~uint8](o obj, key string, tbl []label, what string) T {
	s := o.str(key)
	if s == "" {
		return 0
	}
	v, ok := parseLabel[T](tbl, s)
	if !ok {
		o.p.decodeProblem(o.at(key), "unknown %s %.40q", what, s)
	}
	return v
}

// done reports the members not read as unknown.
func (o obj) done() {
	for _, k := range sortedKeys(o.m) {
		o.p.decodeProblem(o.at(k), "unknown member %.40q", k)
	}
}

// readSpec reads a catalogue file's top-level object.
func readSpec(p *problems, doc any) Spec {
	o := object(p, "", doc)
	var s Spec
	s.ID = o.str("id")
	s.Name = o.str("name")
	s.Region = o.str("region")
	if val, ok := o.take("processes"); ok {
		po := object(p, "processes", val)
		for _, name := range sortedKeys(po.m) {
			if s.Processes == nil {
				s.Processes = map[string][]Step{}
			}
			s.Processes[name] = readSteps(po, name)
		}
	}
	if !o.has("items") && o.m != nil {
		p.decodeProblem("items", "the catalogue has no member \"items\"")
	}
	o.list("items", func(path string, val any) { s.Items = append(s.Items, readItem(p, path, val)) })
	o.list("green_channels", func(path string, val any) {
		s.GreenChannels = append(s.GreenChannels, readGreen(p, path, val))
	})
	o.done()
	return s
}

func readSteps(o obj, key string) []Step {
	var out []Step
	o.list(key, func(path string, val any) {
		so := object(o.p, path, val)
		out = append(out, Step{Name: so.str("name"), Desc: so.str("desc")})
		so.done()
	})
	return out
}

func readItem(p *problems, path string, val any) Item {
	o := object(p, path, val)
	it := Item{
		Code: o.str("code"), Name: o.str("name"), Unit: o.str("unit"),
		Kind:       enum[Kind](o, "kind", kindLabels[:], "kind of power"),
		Basis:      readCitations(o, "basis"),
		Conditions: o.strs("conditions"),
		Procedure:  o.str("procedure"), Clock: o.str("clock"),
		Statutory: readLimit(o, "statutory"),
		Promised:  readLimit(o, "promised"),
		OnTheSpot: o.boolean("on_the_spot"),
		Online:    o.boolean("online"),
		Process:   readSteps(o, "process"),
		Contact:   o.str("contact"),
		From:      o.day("from"),
		To:        o.day("to"),
	}
	o.list("materials", func(path string, val any) {
		it.Materials = append(it.Materials, readMaterial(p, path, val))
	})
	o.list("fees", func(path string, val any) { it.Fees = append(it.Fees, readFee(p, path, val)) })
	o.list("channels", func(path string, val any) {
		s, isStr := val.(string)
		if !isStr {
			p.decodeProblem(path, "expected a string, got %s", what(val))
		} else if _, ok := parseLabel[Channel](channelLabels[:], s); !ok {
			p.decodeProblem(path, "unknown channel %.40q", s)
		}
		ch, _ := parseLabel[Channel](channelLabels[:], s)
		it.Channels = append(it.Channels, ch)
	})
	o.done()
	return it
}

func readMaterial(p *problems, path string, val any) Material {
	o := object(p, path, val)
	m := Material{Name: o.str("name"), Form: enum[Form](o, "form", formLabels[:], "form"), Copies: o.integer("copies")}
	if v, ok := o.m["required"]; (!ok || v == nil) && o.m != nil {
		p.decodeProblem(o.at("required"), "say whether the material is required: true or false")
	}
	m.Required = o.boolean("required")
	m.Deferrable = o.boolean("deferrable")
	m.DeferDays = o.integer("defer_days")
	m.Note = o.str("note")
	o.done()
	return m
}

func readFee(p *problems, path string, val any) Fee {
	o := object(p, path, val)
	f := Fee{Name: o.str("name"), Per: o.str("per"), Basis: readCitation(o, "basis"), Note: o.str("note")}
	if amount, ok := o.take("amount"); ok {
		s, isStr := amount.(string)
		if !isStr || !validAmount(s) {
			p.decodeProblem(o.at("amount"), "the amount must be a string of digits with at most two decimals, e.g. \"3.00\", got %.40v", amount)
		} else {
			f.Amount, _ = decimal.NewFromString(s)
		}
	}
	o.done()
	return f
}

func readLimit(o obj, key string) Limit {
	val, ok := o.take(key)
	if !ok {
		return Limit{}
	}
	lo := object(o.p, o.at(key), val)
	l := Limit{N: lo.integer("n"), Basis: readCitation(lo, "basis"), Note: lo.str("note")}
	if val, ok := lo.take("extension"); ok {
		eo := object(o.p, lo.at("extension"), val)
		l.Extension = deadline.Extension{
			Max: eo.integer("max"), Times: eo.integer("times"),
			Approver: eo.str("approver"), ApproverEN: eo.str("approver_en"), Citation: readCitation(eo, "citation"),
		}
		eo.done()
	}
	if s := lo.str("unit"); s != "" {
		if err := l.Unit.UnmarshalText([]byte(s)); err != nil {
			o.p.decodeProblem(lo.at("unit"), "unknown unit %.40q: working_days, days, months or years", s)
			// The limit as a whole is then not worth checking.
			o.p.decoded = append(o.p.decoded, o.at(key))
		}
	}
	lo.done()
	return l
}

func readCitation(o obj, key string) xiaoneng.Citation {
	val, ok := o.take(key)
	if !ok {
		return xiaoneng.Citation{}
	}
	return citationAt(o.p, o.at(key), val)
}

func citationAt(p *problems, path string, val any) xiaoneng.Citation {
	co := object(p, path, val)
	c := xiaoneng.Citation{
		Law: xiaoneng.LawID(co.str("law")), Article: co.integer("article"),
		Paragraph: co.integer("paragraph"), Item: co.integer("item"), Version: co.day("version"),
	}
	co.done()
	return c
}

func readCitations(o obj, key string) []xiaoneng.Citation {
	var out []xiaoneng.Citation
	o.list(key, func(path string, val any) { out = append(out, citationAt(o.p, path, val)) })
	return out
}

func readGreen(p *problems, path string, val any) GreenChannel {
	o := object(p, path, val)
	g := GreenChannel{ID: o.str("id"), Name: o.str("name"), Priority: o.boolean("priority"), Note: o.str("note")}
	if val, ok := o.take("handler"); ok {
		ho := object(p, o.at("handler"), val)
		g.Handler = Handler{Name: ho.str("name"), Unit: ho.str("unit"), Phone: ho.str("phone")}
		ho.done()
	}
	o.list("items", func(path string, val any) {
		do := object(p, path, val)
		d := Designation{Code: do.str("code"), Limit: readLimit(do, "limit")}
		do.done()
		g.Items = append(g.Items, d)
	})
	o.done()
	return g
}
