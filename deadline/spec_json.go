package deadline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
)

// CalendarFormat is the value of the "format" member of the calendar
// JSON format this package reads and writes.
const CalendarFormat = "xiaoneng-calendar/1"

// The calendar JSON format:
//
//	{
//	  "format": "xiaoneng-calendar/1",
//	  "id": "cn-mainland",
//	  "name": "中国大陆工作日历",
//	  "name_en": "Mainland China working-day calendar",
//	  "source": "where the data comes from",
//	  "coverage": {"from": "2007-01-01", "to": "2026-12-31"},
//	  "weekend": ["Saturday", "Sunday"],
//	  "arrangements": [
//	    {"year": 2025,
//	     "notices": ["https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm"],
//	     "holidays": [
//	       {"name": "春节", "name_en": "Spring Festival",
//	        "off": ["2025-01-28/2025-02-04"],
//	        "work": ["2025-01-26", "2025-02-08"]}]}]
//	}
//
// Dates are ISO 8601 calendar dates (YYYY-MM-DD); an entry of "off" or
// "work" is one date or a closed range "FROM/TO". Weekdays are English
// names as [time.Weekday] prints them. Unknown members are errors.
type specJSON struct {
	Format       string            `json:"format"`
	ID           string            `json:"id"`
	Name         string            `json:"name,omitempty"`
	NameEN       string            `json:"name_en,omitempty"`
	Source       string            `json:"source,omitempty"`
	Coverage     coverageJSON      `json:"coverage"`
	Weekend      []string          `json:"weekend"`
	Arrangements []arrangementJSON `json:"arrangements"`
}

type coverageJSON struct {
	From string `json:"from"`
	To   string `json:"to"`
}

type arrangementJSON struct {
	Year     int           `json:"year"`
	Notices  []string      `json:"notices,omitempty"`
	Holidays []holidayJSON `json:"holidays"`
}

type holidayJSON struct {
	Name   string   `json:"name"`
	NameEN string   `json:"name_en,omitempty"`
	Off    []string `json:"off,omitempty"`
	Work   []string `json:"work,omitempty"`
}

// ParseCalendar reads a calendar in the JSON format documented on
// [CalendarFormat] and builds it with the options. It reports every
// problem it finds, not just the first: the error joins one [*Error] per
// problem, each naming its location ("arrangements[3].holidays[1].off[2]")
// and wrapping [ErrInvalidCalendar], [ErrOutOfCoverage] or
// [ErrInvertedInterval]. Nothing is built unless the whole file is valid.
func ParseCalendar(data []byte, opts ...Option) (*Calendar, error) {
	const op = "ParseCalendar"
	spec, src, err := parseSpec(op, data)
	if err == nil {
		return newCalendar(op, &spec, src.path, opts)
	}
	if src.syntax {
		return nil, err
	}
	// The values that could be read are checked too, so that every
	// problem is reported at once; what only echoes a value that could
	// not be read is left out (a coverage with an unreadable end, the
	// weekly pattern of a make-up day when a weekday name was unknown).
	p := problems{op: op}
	spec.validate(&p, src.path)
	all := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		all = slices.Clone(j.Unwrap()) // one flat list, not a join in a join
	}
	for _, e := range p.all {
		var pe *Error
		if errors.As(e, &pe) && (src.echoes[pe.Path] || (src.badWeekend && strings.HasPrefix(pe.Detail, restDayDetail))) {
			continue
		}
		all = append(all, e)
	}
	return nil, errors.Join(all...)
}

// UnmarshalJSON reads a spec in the calendar JSON format. It checks the
// syntax, the dates and the weekday names, reporting every problem; the
// rest of the validation happens in [New].
func (s *Spec) UnmarshalJSON(data []byte) error {
	spec, _, err := parseSpec("UnmarshalJSON", data)
	if err != nil {
		// Nothing half-read is kept.
		return err
	}
	*s = spec
	return nil
}

// MarshalJSON writes the spec in the calendar JSON format, with runs of
// consecutive dates written as ranges.
func (s Spec) MarshalJSON() ([]byte, error) {
	out := specJSON{
		Format: CalendarFormat, ID: s.ID, Name: s.Name, NameEN: s.NameEN, Source: s.Source,
		Coverage:     coverageJSON{s.From.String(), s.To.String()},
		Weekend:      []string{},
		Arrangements: []arrangementJSON{},
	}
	for _, wd := range s.Weekend {
		out.Weekend = append(out.Weekend, wd.String())
	}
	for _, a := range s.Arrangements {
		aj := arrangementJSON{Year: a.Year, Notices: a.Notices, Holidays: []holidayJSON{}}
		for _, h := range a.Holidays {
			aj.Holidays = append(aj.Holidays, holidayJSON{h.Name, h.NameEN, runs(h.Off), runs(h.Work)})
		}
		out.Arrangements = append(out.Arrangements, aj)
	}
	return json.Marshal(out)
}

// MarshalJSON writes the calendar's [Calendar.Spec] in the calendar JSON
// format.
func (c *Calendar) MarshalJSON() ([]byte, error) { return c.Spec().MarshalJSON() }

// runs writes dates as single dates and ranges of consecutive days.
func runs(ds []date.Date) []string {
	var out []string
	for i := 0; i < len(ds); {
		j := i
		for j+1 < len(ds) && ds[j+1] == ds[j]+1 {
			j++
		}
		if j == i {
			out = append(out, ds[i].String())
		} else {
			out = append(out, ds[i].String()+"/"+ds[j].String())
		}
		i = j + 1
	}
	return out
}

// sources maps each expanded date back to the element of the file it
// came from.
type sources struct {
	elem map[[3]int][]int // (arrangement, holiday, 0 off / 1 work) -> element index per date
	// What could not be read: the JSON itself (nothing else is known),
	// a weekday name; and the paths whose problems would only echo a
	// value that could not be read (a coverage with an unreadable end, a
	// holiday whose dates could not be read "lists no days").
	syntax, badWeekend bool
	echoes             map[string]bool
}

func (s sources) path(a, h int, list string, i int) string {
	k := 0
	if list == "work" {
		k = 1
	}
	if e := s.elem[[3]int{a, h, k}]; i < len(e) {
		i = e[i]
	}
	return specPath(a, h, list, i)
}

func parseSpec(op string, data []byte) (Spec, sources, error) {
	src := sources{elem: map[[3]int][]int{}, echoes: map[string]bool{}}
	var raw specJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	// Decoding errors are joined like validation problems, so that callers
	// see one shape of error.
	if err := dec.Decode(&raw); err != nil {
		src.syntax = true
		return Spec{}, src, errors.Join(jsonError(op, data, err))
	}
	if _, err := dec.Token(); err != io.EOF {
		src.syntax = true
		return Spec{}, src, errors.Join(&Error{Op: op, Err: ErrInvalidCalendar, Detail: "data after the calendar object"})
	}
	p := problems{op: op}
	if raw.Format != CalendarFormat {
		p.add("format", 0, ErrInvalidCalendar, "format is %q, want %q", raw.Format, CalendarFormat)
	}
	s := Spec{ID: raw.ID, Name: raw.Name, NameEN: raw.NameEN, Source: raw.Source}
	n := len(p.all)
	s.From = parseDay(&p, "coverage.from", raw.Coverage.From)
	s.To = parseDay(&p, "coverage.to", raw.Coverage.To)
	src.echoes["coverage"] = len(p.all) > n
	for i, name := range raw.Weekend {
		wd, ok := weekdayNamed(name)
		if !ok {
			p.add(fmt.Sprintf("weekend[%d]", i), 0, ErrInvalidCalendar, "unknown weekday name %q", name)
			src.badWeekend = true
			continue
		}
		s.Weekend = append(s.Weekend, wd)
	}
	// Ranges expand only inside a sound coverage, and never to more dates
	// than two per covered day, so no file can make the reader allocate
	// without bound.
	coverageOK := s.From != 0 && s.To >= s.From && int64(s.To-s.From) < maxCoverageDays
	budget := 0
	if coverageOK {
		budget = 2 * (int(s.To-s.From) + 1)
	}
	for a, ra := range raw.Arrangements {
		arr := Arrangement{Year: ra.Year, Notices: ra.Notices}
		for h, rh := range ra.Holidays {
			hol := Holiday{Name: rh.Name, NameEN: rh.NameEN}
			n := len(p.all)
			for k, list := range [2][]string{rh.Off, rh.Work} {
				name := [2]string{"off", "work"}[k]
				var dates []date.Date
				var elems []int
				for i, v := range list {
					at := specPath(a, h, name, i)
					from, to, ok := parseRange(&p, at, v)
					if !ok {
						continue
					}
					if from != to {
						if !coverageOK || from < s.From || to > s.To {
							p.add(at, from, ErrOutOfCoverage, "range %s does not lie within the coverage", v)
							continue
						}
						n := int(to-from) + 1
						if n > budget {
							p.add(at, from, ErrInvalidCalendar, "more dates listed than the coverage has days")
							budget = 0
							continue
						}
						budget -= n
					}
					for d := from; d <= to; d++ {
						dates = append(dates, d)
						elems = append(elems, i)
					}
				}
				src.elem[[3]int{a, h, k}] = elems
				if k == 0 {
					hol.Off = dates
				} else {
					hol.Work = dates
				}
			}
			if len(p.all) > n {
				src.echoes[fmt.Sprintf("arrangements[%d].holidays[%d]", a, h)] = true
			}
			arr.Holidays = append(arr.Holidays, hol)
		}
		s.Arrangements = append(s.Arrangements, arr)
	}
	// The spec read so far goes back with the problems: see ParseCalendar.
	return s, src, p.err()
}

func weekdayNamed(name string) (time.Weekday, bool) {
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		if wd.String() == name {
			return wd, true
		}
	}
	return 0, false
}

// ParseDate reads an ISO 8601 calendar date, YYYY-MM-DD, strictly: no
// other layout, no sign, and no day that does not exist (2025-02-29).
func ParseDate(s string) (date.Date, error) {
	ok := len(s) == 10 && s[4] == '-' && s[7] == '-'
	for i := 0; ok && i < len(s); i++ {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			ok = false
		}
	}
	if ok {
		num := func(a, b int) int {
			n := 0
			for _, c := range s[a:b] {
				n = n*10 + int(c-'0')
			}
			return n
		}
		y, m, dd := num(0, 4), num(5, 7), num(8, 10)
		var why string
		switch {
		case m < 1 || m > 12:
			why = fmt.Sprintf("there is no month %d", m)
		case dd < 1:
			why = "there is no day 0"
		default:
			// date.New normalises 31 April to 1 May; refuse such days.
			d := date.New(y, time.Month(m), dd)
			if _, mm, ddd := d.Date(); int(mm) == m && ddd == dd {
				return d, nil
			}
			why = fmt.Sprintf("%s %d has %d days", time.Month(m), y, daysInMonth(y, time.Month(m)))
		}
		return 0, &Error{Op: "ParseDate", Err: ErrInvalidDate, Detail: fmt.Sprintf("%.40q is not a day: %s", s, why)}
	}
	return 0, &Error{Op: "ParseDate", Err: ErrInvalidDate, Detail: fmt.Sprintf("%.40q is not a date of the form YYYY-MM-DD", s)}
}

// daysInMonth is the number of days of month m of year y.
func daysInMonth(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func parseDay(p *problems, at, v string) date.Date {
	d, err := ParseDate(v)
	if err != nil {
		detail := err.Error()
		if e, ok := errors.AsType[*Error](err); ok {
			detail = e.Detail
		}
		p.add(at, 0, ErrInvalidCalendar, "%s", detail)
		return 0
	}
	return d
}

func parseRange(p *problems, at, v string) (from, to date.Date, ok bool) {
	a, b, isRange := strings.Cut(v, "/")
	if !isRange {
		d := parseDay(p, at, v)
		return d, d, d != 0
	}
	from, to = parseDay(p, at, a), parseDay(p, at, b)
	if from == 0 || to == 0 {
		return 0, 0, false
	}
	if to < from {
		p.add(at, to, ErrInvertedInterval, "range %s ends before it starts", v)
		return 0, 0, false
	}
	return from, to, true
}

// jsonError turns a decoding error into an *Error located by line and
// column.
func jsonError(op string, data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return &Error{Op: op, Path: lineCol(data, syn.Offset), Err: ErrInvalidCalendar, Detail: syn.Error()}
	case errors.As(err, &typ):
		return &Error{Op: op, Path: typ.Field, Err: ErrInvalidCalendar,
			Detail: fmt.Sprintf("at %s: a JSON %s cannot be a %s", lineCol(data, typ.Offset), typ.Value, typ.Type)}
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return &Error{Op: op, Err: ErrInvalidCalendar, Detail: "the data ends before the calendar does"}
	}
	return &Error{Op: op, Err: ErrInvalidCalendar, Detail: err.Error()}
}

func lineCol(data []byte, offset int64) string {
	offset = min(max(offset, 0), int64(len(data)))
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(offset) - bytes.LastIndexByte(before, '\n')
	return fmt.Sprintf("line %d, column %d", line, col)
}
