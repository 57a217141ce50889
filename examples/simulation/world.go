package simulation

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/catalogue"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// Random streams: each kind of thing draws from its own generators, so
// that changing one count leaves the other kinds' cases as they were.
const (
	streamWorld uint64 = iota + 1
	streamArrivals
	streamApplication
	streamComplaint
	streamRequest
	streamAssistance
	streamInquiry
)

// idleDays is how many working days a case may lie idle while its handler
// is away (accountability.DefaultThresholds): the simulation's substitutes
// take a case over before that.
const idleDays = 2

// sim is one run: the county, the calendar, and what the cases produce.
type sim struct {
	ctx   context.Context
	cfg   Config
	rates Rates
	year  int
	cal   *deadline.Calendar
	cat   *catalogue.Catalogue
	cst   *time.Location

	first, scan date.Date // 1 January and the scan day, 31 December
	endAt       time.Time // the last instant of the scan day
	days        []date.Date
	dayWeight   []float64 // cumulative

	units    []*unit
	byName   map[string]*unit
	officers map[string]*officer
	roster   accountability.Roster

	licensing  []pick // licensing and joint-licensing items, weighted
	complaint  catalogue.Item
	disclosure catalogue.Item
	green      map[string]string // item code → the green channel covering it

	assistDef *procedure.Definition // the assistance definition

	cases     []Case
	records   []accountability.Record
	inquiries []accountability.Inquiry

	done, total, reported int   // steps done, in all, and the last two-hundredth reported
	err                   error // the first calendar error, sticky
}

// unit is a unit of the county as the simulation runs it.
type unit struct {
	Unit
	window, review []*officer
	// lateness multiplies the unit's chance of late cases, so that
	// units differ and the ranking means something.
	lateness float64
}

// officer is an officer as the simulation runs them.
type officer struct {
	Officer
	unit *unit
	sub  *officer
	slow bool
	away []accountability.Absence // sorted, not overlapping
}

type pick struct {
	item   catalogue.Item
	weight int
}

// newSim resolves the configuration and builds the county.
func newSim(ctx context.Context, cfg Config) (*sim, error) {
	s := &sim{ctx: ctx, cfg: cfg, year: cfg.Year, cst: deadline.ChinaStandardTime(),
		byName: map[string]*unit{}, officers: map[string]*officer{}, green: map[string]string{}}
	if s.year == 0 {
		s.year = 2025
	}
	var errs []error
	for _, n := range []struct {
		name string
		v    int
	}{{"applications", cfg.Applications}, {"complaints", cfg.Complaints}, {"requests", cfg.Requests},
		{"assistance", cfg.Assistance}, {"inquiries", cfg.Inquiries}} {
		if n.v < 0 || n.v > 1_000_000 {
			errs = append(errs, fmt.Errorf("%w: %s is %d, not from 0 to 1000000", ErrInvalidConfig, n.name, n.v))
		}
	}
	s.rates = DefaultRates()
	if cfg.Rates != nil {
		s.rates = *cfg.Rates
	}
	errs = append(errs, s.rates.validate())
	units := cfg.Units
	if units == nil {
		units = DefaultUnits()
	}
	errs = append(errs, validateUnits(units))
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	s.cat = cfg.Catalogue
	if s.cat == nil {
		cat, err := Catalogue()
		if err != nil {
			return nil, err
		}
		s.cat = cat
	}
	s.first, s.scan = date.New(s.year, time.January, 1), date.New(s.year, time.December, 31)
	s.endAt = time.Date(s.year+1, time.January, 1, 0, 0, 0, 0, s.cst).Add(-time.Second)
	if err := s.buildItems(units); err != nil {
		return nil, err
	}
	if err := s.buildDays(); err != nil {
		return nil, err
	}
	s.buildUnits(units)
	return s, nil
}

// rng returns the generator of item i of a stream.
func (s *sim) rng(stream, i uint64) *rand.Rand {
	return rand.New(rand.NewPCG(s.cfg.Seed, stream<<48^i))
}

// buildItems finds the items the simulation applies for, and the calendar
// the catalogue counts on.
func (s *sim) buildItems(units []Unit) error {
	known := map[string]bool{}
	for _, u := range units {
		known[u.Name] = true
	}
	for _, it := range s.cat.Items() {
		if !it.InForce(s.first) || !known[it.Unit] {
			continue
		}
		switch it.Procedure {
		case "licensing", "joint-licensing":
			s.licensing = append(s.licensing, pick{it, popularity(it.Code)})
		case "complaint":
			if s.complaint.Code == "" {
				s.complaint = it
			}
		case "disclosure":
			if s.disclosure.Code == "" {
				s.disclosure = it
			}
		}
	}
	for _, g := range s.cat.Spec().GreenChannels {
		for _, d := range g.Items {
			if _, ok := s.green[d.Code]; !ok {
				s.green[d.Code] = g.ID
			}
		}
	}
	var errs []error
	need := func(n int, ok bool, what string) {
		if n > 0 && !ok {
			errs = append(errs, fmt.Errorf("%w: the catalogue has no %s in force on %s implemented by one of the units", ErrInvalidConfig, what, s.first))
		}
	}
	need(s.cfg.Applications, len(s.licensing) > 0, "licensing item")
	need(s.cfg.Complaints, s.complaint.Code != "", "complaint item")
	need(s.cfg.Requests, s.disclosure.Code != "", "disclosure item")
	if err := errors.Join(errs...); err != nil {
		return err
	}
	// The catalogue does not say which calendar it counts on; its
	// definitions do.
	var code string
	switch {
	case len(s.licensing) > 0:
		code = s.licensing[0].item.Code
	case s.complaint.Code != "":
		code = s.complaint.Code
	case s.disclosure.Code != "":
		code = s.disclosure.Code
	}
	s.cal = deadline.ChinaMainland()
	if code != "" {
		d, err := s.cat.Definition(code, s.first, "")
		if err != nil {
			return fmt.Errorf("%w: %w", ErrInvalidConfig, err)
		}
		s.cal = d.Calendar()
	}
	return nil
}

// buildDays lists the working days of the year and checks that the
// calendar covers the months after it, where December's limits fall due.
func (s *sim) buildDays() error {
	if _, err := s.cal.AddWorkingDays(s.scan, 90); err != nil {
		return fmt.Errorf("%w: the calendar does not cover the months after %d: %w", ErrInvalidConfig, s.year, err)
	}
	if _, err := s.cal.IsWorkingDay(s.first); err != nil {
		return fmt.Errorf("%w: the calendar does not cover %d: %w", ErrInvalidConfig, s.year, err)
	}
	// Applications are fewer in winter and before the Spring Festival,
	// more in spring and autumn: the weights are assumptions.
	month := [13]float64{0, 0.9, 0.8, 1.1, 1.1, 1.0, 1.0, 0.9, 0.9, 1.1, 1.0, 1.1, 1.1}
	total := 0.0
	for d := s.first; d <= s.scan; d++ {
		if ok, _ := s.cal.IsWorkingDay(d); ok {
			total += month[d.Month()]
			s.days = append(s.days, d)
			s.dayWeight = append(s.dayWeight, total)
		}
	}
	if len(s.days) == 0 {
		return fmt.Errorf("%w: %d has no working day", ErrInvalidConfig, s.year)
	}
	return nil
}

// buildUnits builds the roster: each unit's lateness, the slow officers,
// and every officer's absences, none overlapping the substitute's.
func (s *sim) buildUnits(units []Unit) {
	rng := s.rng(streamWorld, 0)
	for _, cu := range units {
		u := &unit{Unit: cu, lateness: 0.5 + 1.5*rng.Float64()}
		s.units = append(s.units, u)
		s.byName[u.Name] = u
		for _, co := range cu.Officers {
			o := &officer{Officer: co, unit: u}
			s.officers[o.ID] = o
			if co.Post == PostWindow {
				u.window = append(u.window, o)
			} else {
				u.review = append(u.review, o)
			}
		}
	}
	// The slow officers: a share of each post, at least one, among the
	// units that license (where a slow window misses intake decisions)
	// or, failing those, all units.
	licensing := map[string]bool{}
	for _, p := range s.licensing {
		licensing[p.item.Unit] = true
	}
	for _, post := range []Post{PostWindow, PostReview} {
		var list []*officer
		for _, u := range s.units {
			for _, co := range u.Officers {
				if co.Post == post && (len(licensing) == 0 || licensing[u.Name]) {
					list = append(list, s.officers[co.ID])
				}
			}
		}
		if s.rates.SlowOfficers == 0 || len(list) == 0 {
			continue
		}
		k := max(1, int(s.rates.SlowOfficers*float64(len(list))+0.5))
		rng.Shuffle(len(list), func(i, j int) { list[i], list[j] = list[j], list[i] })
		for _, o := range list[:min(k, len(list))] {
			o.slow = true
		}
	}
	for _, u := range s.units {
		for _, co := range u.Officers {
			o := s.officers[co.ID]
			o.sub = s.officers[co.Substitute]
			s.roster.Officers = append(s.roster.Officers, accountability.Officer{ID: o.ID, Name: o.ID, Unit: u.Name, Substitute: co.Substitute})
		}
	}
	// Absences: business trips of one or two working days, training of
	// three to five, leave of five to ten; none in the last fortnight,
	// none while the substitute is away. An officer with no substitute is
	// away too, and his post is left empty meanwhile.
	last := s.scan - 14
	for _, u := range s.units {
		for _, co := range u.Officers {
			o := s.officers[co.ID]
			n := rng.IntN(4)
			for range n {
				var length int
				switch x := rng.Float64(); {
				case x < 0.5:
					length = 1 + rng.IntN(2)
				case x < 0.8:
					length = 3 + rng.IntN(3)
				default:
					length = 5 + rng.IntN(6)
				}
				from := s.days[rng.IntN(len(s.days))]
				to := s.addWD(from, length-1)
				if to > last || s.overlaps(o, from, to) || o.sub != nil && s.overlaps(o.sub, from, to) {
					continue
				}
				o.away = append(o.away, accountability.Absence{Officer: o.ID, From: from, To: to})
			}
			slices.SortFunc(o.away, func(a, b accountability.Absence) int { return int(a.From - b.From) })
		}
	}
	for _, u := range s.units {
		for _, co := range u.Officers {
			s.roster.Absences = append(s.roster.Absences, s.officers[co.ID].away...)
		}
	}
}

func (s *sim) overlaps(o *officer, from, to date.Date) bool {
	for _, a := range o.away {
		if a.From <= to+1 && from <= a.To+1 {
			return true
		}
	}
	return false
}

// awayOn reports whether o is away on day d.
func (o *officer) awayOn(d date.Date) bool {
	for _, a := range o.away {
		if a.From <= d && d <= a.To {
			return true
		}
	}
	return false
}

// onDuty returns o, or o's substitute when o is away on day d.
func (o *officer) onDuty(d date.Date) *officer {
	if o.awayOn(d) && o.sub != nil && !o.sub.awayOn(d) {
		return o.sub
	}
	return o
}

// any returns a random officer of the list on duty on day d.
func anyOf(rng *rand.Rand, list []*officer, d date.Date) *officer {
	return list[rng.IntN(len(list))].onDuty(d)
}

// arrivals draws n instants on the year's working days, in office hours,
// sorted.
func (s *sim) arrivals(kind uint64, n int) []time.Time {
	rng := s.rng(streamArrivals, kind)
	out := make([]time.Time, n)
	total := s.dayWeight[len(s.dayWeight)-1]
	for i := range out {
		x := rng.Float64() * total
		k, _ := slices.BinarySearch(s.dayWeight, x)
		k = min(k, len(s.days)-1)
		out[i] = s.officeTime(rng, s.days[k])
	}
	slices.SortFunc(out, func(a, b time.Time) int { return a.Compare(b) })
	return out
}

// officeTime returns a random instant of day d between 08:30 and 17:30.
func (s *sim) officeTime(rng *rand.Rand, d date.Date) time.Time {
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 8, 30+rng.IntN(9*60), 0, 0, s.cst)
}

// addWD is Calendar.AddWorkingDays; an error (a day the calendar does not
// cover) is kept and a day past the scan returned, so that the case stops.
func (s *sim) addWD(d date.Date, n int) date.Date {
	out, err := s.cal.AddWorkingDays(d, n)
	if err != nil {
		if s.err == nil {
			s.err = err
		}
		return s.scan + 400
	}
	return out
}

// onOrAfter returns d if it is a working day, else the next one.
func (s *sim) onOrAfter(d date.Date) date.Date {
	if ok, err := s.cal.IsWorkingDay(d); err == nil && ok {
		return d
	}
	return s.addWD(d, 1)
}

// wdBetween is Calendar.WorkingDaysBetween, zero on error.
func (s *sim) wdBetween(from, to date.Date) int {
	n, err := s.cal.WorkingDaysBetween(from, to)
	if err != nil {
		return 0
	}
	return n
}

// step reports progress: one more step done.
func (s *sim) step() {
	s.done++
	if s.cfg.Progress == nil {
		return
	}
	// At most one call per two-hundredth of the total, and the last.
	if bucket := s.done * 200 / s.total; s.done == s.total || bucket > s.reported {
		s.reported = bucket
		s.cfg.Progress(s.done, s.total)
	}
}
