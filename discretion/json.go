package discretion

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	xn "github.com/xiaoneng/xiaoneng"

	"github.com/shopspring/decimal"
)

// MaxDocumentBytes bounds the size of a document [Load] reads.
const MaxDocumentBytes = 64 << 20

// Parse reads a benchmark document in JSON, validates it and compiles
// it. The format is the one [Document.MarshalJSON] writes: field names in
// snake_case, enums by their codes ("fine", "lighter", "citizen") or
// their Chinese labels, and every amount, multiple and fraction as a
// decimal string ("0.3") or a JSON number, read exactly as written and
// never through float64. Unknown fields are errors, so that a misspelt
// key cannot silently drop a band. Field names are matched as
// encoding/json matches them, exactly or else ignoring case; null reads
// as an absent field.
//
// A document that is not well-formed JSON yields one error, located by
// line and column ("line 12, column 5", columns counted in characters).
// Otherwise Parse reports every problem it finds, each as an [*Error]
// whose Path locates it in the document
// ("standards[3].ranges[0].bands[1].upper"): values of the wrong type,
// unknown fields, malformed numbers, unknown codes, and every rule a
// standard breaks, joined with [errors.Join]. A field given twice is a
// problem too; for a field holding an object or a list, the second value
// is read over the first, as encoding/json decodes it, so the repeat is
// reported at each field or element both give, and goes unseen if they
// have none in common. On error Parse returns nil: nothing is
// half-loaded.
func Parse(data []byte) (*Benchmark, error) { return parse(data, true) }

// parse is Parse, reading the document with encoding/json alone when
// not fast: the oracle for the fast reader.
func parse(data []byte, fast bool) (*Benchmark, error) {
	read := &problems{op: "parse"}
	doc, err := decode(data, read, fast)
	if err != nil {
		return nil, err
	}
	// Values that do not read (a malformed number, an unknown code, an
	// unknown field) are reported first; the document is then validated
	// all the same, and its problems are reported unless they sit where a
	// value did not read, which would only repeat it.
	p := &problems{op: "parse"}
	b := build(doc, p)
	if read.count() == 0 {
		if err := p.err(); err != nil {
			return nil, err
		}
		return b, nil
	}
	for _, e := range p.errs {
		if !overlapsAny(e.(*Error).Path, read.errs) {
			read.errs = append(read.errs, e)
		}
	}
	return nil, read.err()
}

// overlapsAny reports whether path is, or lies inside or around, the
// path of one of errs.
func overlapsAny(path string, errs []error) bool {
	for _, e := range errs {
		q := e.(*Error).Path
		if within(path, q) || within(q, path) {
			return true
		}
	}
	return false
}

// within reports whether location a is b or lies inside it:
// "standards[1].min" lies inside "standards[1]", "standards[10]" does not.
func within(a, b string) bool {
	if !strings.HasPrefix(a, b) {
		return false
	}
	if len(a) == len(b) || b == "" {
		return true
	}
	c := a[len(b)]
	return c == '.' || c == '[' || c == ' '
}

// Load reads a benchmark document from r, at most [MaxDocumentBytes],
// and parses it as [Parse] does.
func Load(r io.Reader) (*Benchmark, error) {
	if r == nil {
		return nil, inputErr("parse", "", "", "nil reader")
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxDocumentBytes+1))
	if err != nil {
		return nil, &Error{Op: "parse", Err: fmt.Errorf("%w: read: %w", ErrInvalidStandard, err)}
	}
	if len(data) > MaxDocumentBytes {
		return nil, &Error{Op: "parse", Err: problemf(ErrInvalidStandard, "document larger than %d bytes", MaxDocumentBytes)}
	}
	return Parse(data)
}

// MarshalJSON writes the document in the format [Parse] reads. It fails,
// wrapping [ErrInvalidStandard], when an enum field holds a value that
// has no code.
func (d Document) MarshalJSON() ([]byte, error) {
	p := &problems{op: "marshal"}
	jd := wireDoc(&d, p)
	if err := p.err(); err != nil {
		return nil, err
	}
	return json.Marshal(jd)
}

// position returns "line L, column C" for a byte offset, counting
// columns in characters, as editors do.
func position(data []byte, off int) string {
	off = max(0, min(off, len(data)))
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:off], '\n')+1:off])
	return "line " + strconv.Itoa(line) + ", column " + strconv.Itoa(col)
}

// jNum is an amount, multiple or fraction as MarshalJSON writes it: a
// JSON string holding the decimal's exact text.
type jNum struct {
	raw string
	set bool
}

func (n jNum) MarshalJSON() ([]byte, error) { return json.Marshal(n.raw) }

// IsZero reports whether the number was absent, for omitzero.
func (n jNum) IsZero() bool { return !n.set }

// num returns d as written, or absent when it is zero.
func num(d decimal.Decimal) jNum {
	if d.IsZero() {
		return jNum{}
	}
	return jNum{raw: d.String(), set: true}
}

// The wire types mirror Document with codes for enums.

type jDoc struct {
	Name         string      `json:"name"`
	Issuer       string      `json:"issuer,omitempty"`
	Source       string      `json:"source,omitempty"`
	Illustrative bool        `json:"illustrative,omitempty"`
	Note         string      `json:"note,omitempty"`
	Scheme       string      `json:"scheme,omitempty"`
	Policy       *jPolicy    `json:"policy,omitempty"`
	Schemes      []jScheme   `json:"schemes,omitempty"`
	Factors      []jFactor   `json:"factors,omitempty"`
	Standards    []jStandard `json:"standards"`
}

type jPolicy struct {
	Conflict            string         `json:"conflict,omitempty"`
	Hearing             *jPartyAmounts `json:"hearing,omitempty"`
	ConfiscationHearing *jPartyAmounts `json:"confiscation_hearing,omitempty"`
	HearingKinds        []string       `json:"hearing_kinds,omitempty"`
	LegalReview         *jPartyAmounts `json:"legal_review,omitempty"`
	LegalReviewKinds    []string       `json:"legal_review_kinds,omitempty"`
	Collective          *jPartyAmounts `json:"collective,omitempty"`
	CollectiveKinds     []string       `json:"collective_kinds,omitempty"`
}

type jPartyAmounts struct {
	Citizen      jNum         `json:"citizen,omitzero"`
	Organisation jNum         `json:"organisation,omitzero"`
	Basis        *xn.Citation `json:"basis,omitempty"`
}

type jScheme struct {
	Name       string       `json:"name"`
	Preset     string       `json:"preset,omitempty"`
	Bands      []jBand      `json:"bands,omitempty"`
	Gaps       bool         `json:"gaps,omitempty"`
	Overlaps   bool         `json:"overlaps,omitempty"`
	Mitigation *jMitigation `json:"mitigation,omitempty"`
	Source     string       `json:"source,omitempty"`
}

type jBand struct {
	Band      string `json:"band"`
	Lower     jEdge  `json:"lower"`
	Upper     jEdge  `json:"upper"`
	LowerOpen bool   `json:"lower_open,omitempty"`
	UpperOpen bool   `json:"upper_open,omitempty"`
}

type jEdge struct {
	Of    string `json:"of"`
	Value jNum   `json:"value"`
}

type jMitigation struct {
	Floor      *jEdge       `json:"floor,omitempty"`
	Collective bool         `json:"collective,omitempty"`
	Basis      *xn.Citation `json:"basis,omitempty"`
}

type jFactor struct {
	ID       string      `json:"id"`
	Name     string      `json:"name"`
	NameEN   string      `json:"name_en,omitempty"`
	Effect   string      `json:"effect"`
	Force    string      `json:"force"`
	Citation xn.Citation `json:"citation"`
}

type jStandard struct {
	Code      string         `json:"code"`
	Name      string         `json:"name"`
	Citations []xn.Citation  `json:"citations"`
	Penalties []jCombination `json:"penalties"`
	Ranges    []jRange       `json:"ranges,omitempty"`
	Scheme    string         `json:"scheme,omitempty"`
	Unit      jNum           `json:"unit,omitzero"`
	Note      string         `json:"note,omitempty"`
}

type jCombination struct {
	Kinds []string `json:"kinds"`
	Bands []string `json:"bands,omitempty"`
}

type jRange struct {
	Party      string       `json:"party,omitempty"`
	Form       string       `json:"form"`
	Base       string       `json:"base,omitempty"`
	Min        jNum         `json:"min,omitzero"`
	Max        jNum         `json:"max"`
	MinBase    jNum         `json:"min_base,omitzero"`
	Bands      []jBand      `json:"bands,omitempty"`
	Gaps       bool         `json:"gaps,omitempty"`
	Overlaps   bool         `json:"overlaps,omitempty"`
	Mitigation *jMitigation `json:"mitigation,omitempty"`
}

// Writing.

func code(table []label, i int, path, what string, emptyOK bool, p *problems) string {
	if i == 0 && emptyOK {
		return ""
	}
	if i <= 0 || i >= len(table) {
		p.addf(path, "", ErrInvalidStandard, "%s %d has no code", what, i)
		return ""
	}
	return table[i].code
}

func kindCodes(ks []PenaltyKind, path string, p *problems) []string {
	if ks == nil {
		return nil
	}
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = code(kindLabels, int(k), at(path, i), "penalty kind", false, p)
	}
	return out
}

func wireEdge(e Edge, path string, p *problems) jEdge {
	return jEdge{Of: code(edgeLabels, int(e.Of), path, "edge basis", false, p), Value: jNum{raw: e.Value.String(), set: true}}
}

func wireBands(bs []BandRange, path string, p *problems) []jBand {
	if bs == nil {
		return nil
	}
	out := make([]jBand, len(bs))
	for i, b := range bs {
		bp := at(path, i)
		out[i] = jBand{Band: code(bandLabels, int(b.Band), bp+".band", "band", false, p),
			Lower: wireEdge(b.Lower, bp+".lower", p), Upper: wireEdge(b.Upper, bp+".upper", p),
			LowerOpen: b.LowerOpen, UpperOpen: b.UpperOpen}
	}
	return out
}

func wireMitigation(m Mitigation, path string, p *problems) *jMitigation {
	if m.isZero() {
		return nil
	}
	j := &jMitigation{Collective: m.Collective}
	if !m.Floor.isZero() {
		e := wireEdge(m.Floor, path+".floor", p)
		j.Floor = &e
	}
	if !m.Basis.IsZero() {
		c := m.Basis
		j.Basis = &c
	}
	return j
}

func wireAmounts(a PartyAmounts) *jPartyAmounts {
	if a.Citizen.IsZero() && a.Organisation.IsZero() && a.Basis.IsZero() {
		return nil
	}
	j := &jPartyAmounts{Citizen: num(a.Citizen), Organisation: num(a.Organisation)}
	if !a.Basis.IsZero() {
		c := a.Basis
		j.Basis = &c
	}
	return j
}

func wireDoc(d *Document, p *problems) *jDoc {
	j := &jDoc{Name: d.Name, Issuer: d.Issuer, Source: d.Source, Illustrative: d.Illustrative, Note: d.Note, Scheme: d.Scheme}
	pol := d.Policy
	jp := &jPolicy{
		Hearing: wireAmounts(pol.Hearing), ConfiscationHearing: wireAmounts(pol.ConfiscationHearing),
		LegalReview: wireAmounts(pol.LegalReview), Collective: wireAmounts(pol.Collective),
		HearingKinds:     kindCodes(pol.HearingKinds, "policy.hearing_kinds", p),
		LegalReviewKinds: kindCodes(pol.LegalReviewKinds, "policy.legal_review_kinds", p),
		CollectiveKinds:  kindCodes(pol.CollectiveKinds, "policy.collective_kinds", p),
	}
	if pol.Conflict != ConflictBalance {
		if pol.Conflict.valid() {
			jp.Conflict = conflictLabels[pol.Conflict].code
		} else {
			p.addf("policy.conflict", "", ErrInvalidStandard, "conflict rule %d has no code", pol.Conflict)
		}
	}
	if jp.Conflict != "" || jp.Hearing != nil || jp.ConfiscationHearing != nil || jp.LegalReview != nil || jp.Collective != nil ||
		jp.HearingKinds != nil || jp.LegalReviewKinds != nil || jp.CollectiveKinds != nil {
		j.Policy = jp
	}
	for i, s := range d.Schemes {
		sp := at("schemes", i)
		j.Schemes = append(j.Schemes, jScheme{Name: s.Name, Preset: s.Preset, Bands: wireBands(s.Bands, sp+".bands", p),
			Gaps: s.Gaps, Overlaps: s.Overlaps, Mitigation: wireMitigation(s.Mitigation, sp+".mitigation", p), Source: s.Source})
	}
	for i, f := range d.Factors {
		fp := at("factors", i)
		j.Factors = append(j.Factors, jFactor{ID: string(f.ID), Name: f.Name, NameEN: f.NameEN,
			Effect: code(effectLabels, int(f.Effect), fp+".effect", "effect", false, p),
			Force:  code(forceLabels, int(f.Force), fp+".force", "force", false, p), Citation: f.Citation})
	}
	j.Standards = make([]jStandard, len(d.Standards))
	for i, s := range d.Standards {
		path := at("standards", i)
		js := jStandard{Code: s.Code, Name: s.Name, Citations: s.Citations, Scheme: s.Scheme, Note: s.Note, Unit: num(s.Unit)}
		for k, c := range s.Penalties {
			cp := at(path+".penalties", k)
			jc := jCombination{Kinds: kindCodes(c.Kinds, cp+".kinds", p)}
			for m, b := range c.Bands {
				jc.Bands = append(jc.Bands, code(bandLabels, int(b), at(cp+".bands", m), "band", false, p))
			}
			js.Penalties = append(js.Penalties, jc)
		}
		for k, r := range s.Ranges {
			rp := at(path+".ranges", k)
			jr := jRange{
				Party: code(partyLabels, int(r.Party), rp+".party", "party type", true, p),
				Form:  code(formLabels, int(r.Form), rp+".form", "range form", false, p),
				Base:  code(baseLabels, int(r.Base), rp+".base", "base", true, p),
				Min:   num(r.Min), Max: jNum{raw: r.Max.String(), set: true}, MinBase: num(r.MinBase),
				Bands: wireBands(r.Bands, rp+".bands", p), Gaps: r.Gaps, Overlaps: r.Overlaps,
				Mitigation: wireMitigation(r.Mitigation, rp+".mitigation", p),
			}
			js.Ranges = append(js.Ranges, jr)
		}
		j.Standards[i] = js
	}
	return j
}
