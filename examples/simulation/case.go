package simulation

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// Kind is the kind of a simulated case. Values are stored: never
// reordered.
type Kind uint8

// Kinds. The zero value, KindUnknown, is never a case's.
const (
	KindUnknown Kind = iota
	// KindApplication is a licence application (行政许可申请), on a
	// licensing or joint-licensing item.
	KindApplication
	// KindComplaint is an efficiency complaint (效能投诉).
	KindComplaint
	// KindRequest is a government-information request (政府信息公开申请).
	KindRequest
	// KindAssistance is a request for assistance between units (行政协助).
	KindAssistance
)

func (k Kind) names() (code, zh, en string) {
	switch k {
	case KindApplication:
		return "application", "行政许可申请", "licence applications"
	case KindComplaint:
		return "complaint", "效能投诉", "efficiency complaints"
	case KindRequest:
		return "request", "政府信息公开申请", "information requests"
	case KindAssistance:
		return "assistance", "行政协助请求", "assistance requests"
	}
	return "unknown", "未知", "unknown"
}

// String returns the kind's code, as JSON writes it: "application".
func (k Kind) String() string { code, _, _ := k.names(); return code }

// Chinese returns the kind in Chinese: 行政许可申请.
func (k Kind) Chinese() string { _, zh, _ := k.names(); return zh }

// English returns the kind in English: "licence applications".
func (k Kind) English() string { _, _, en := k.names(); return en }

// MarshalText writes the kind's code.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads a kind written by MarshalText.
func (k *Kind) UnmarshalText(b []byte) error {
	for _, c := range []Kind{KindApplication, KindComplaint, KindRequest, KindAssistance} {
		if c.String() == string(b) {
			*k = c
			return nil
		}
	}
	return fmt.Errorf("%w: unknown kind %q", ErrInvalidConfig, b)
}

// Case is what the simulation knows of one case beyond its record: its
// kind, item, responsible unit, the definition it runs on, and how it
// ended.
type Case struct {
	ID   string `json:"id"`
	Kind Kind   `json:"kind"`
	// Item is the catalogue item's code, and Green the green channel
	// (绿色通道) the case ran under, if any.
	Item  string `json:"item,omitempty"`
	Green string `json:"green,omitempty"`
	// Unit is the unit responsible for the case's main limit: the unit
	// that decides an application or answers a request, the unit that
	// investigated a complaint, the unit asked for assistance.
	Unit string `json:"unit"`
	// Received is the day the case began.
	Received date.Date `json:"received"`
	// Intake is the intake outcome of an application: a catalogue
	// outcome's code, "deemed" (视为受理) or "pending" (not yet checked
	// on the scan day).
	Intake string `json:"intake,omitempty"`
	// Concluded is the day the case's main limit stopped (办结), zero
	// while it runs; OnTime reports that it stopped within the limit
	// the case ran on (the promised limit, or a green channel's).
	Concluded date.Date `json:"concluded,omitzero"`
	OnTime    bool      `json:"on_time,omitempty"`
	// Rated reports that the applicant rated the service (好差评), and
	// Satisfied that the rating was good.
	Rated     bool `json:"rated,omitempty"`
	Satisfied bool `json:"satisfied,omitempty"`
	// Definition is the definition the case runs on; replay its events
	// with it.
	Definition *procedure.Definition `json:"-"`
	// Clock is the name of the case's main limit clock.
	Clock string `json:"clock"`
}

// errStop ends a case's simulation: its next step falls after the scan
// day.
var errStop = errors.New("simulation: after the scan day")

// errPreempted means the law decided before the step planned: Advance
// applied an automatic outcome.
var errPreempted = errors.New("simulation: automatic outcome applied first")

// run is one case being simulated.
type run struct {
	s    *sim
	rng  *rand.Rand
	d    *procedure.Definition
	c    *procedure.Case
	cs   Case
	reg  []accountability.RegisterEntry
	last time.Time
	// idler makes the substitute let the case lie while its handler
	// is away (AB角 breached).
	idler bool
	// late and veryLate make the handler miss the promised limit, and
	// the statutory one.
	late, veryLate bool
	n              int // vouchers issued
}

func (s *sim) newRun(rng *rand.Rand, d *procedure.Definition, c *procedure.Case, cs Case) *run {
	cs.Definition = d
	return &run{s: s, rng: rng, d: d, c: c, cs: cs, idler: rng.Float64() < s.rates.IdleSubstitute}
}

// chance reports true with probability p.
func (r *run) chance(p float64) bool { return r.rng.Float64() < p }

// between returns a number from lo to hi, both included.
func (r *run) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.rng.IntN(hi-lo+1)
}

// setLate decides whether the handler o will be late, by the rates, the
// unit's lateness and whether o is slow.
func (r *run) setLate(o *officer) {
	p := r.s.rates.Late * o.unit.lateness
	if o.slow {
		p *= 4
	}
	r.late = r.chance(min(p, 0.9))
	r.veryLate = r.late && r.chance(r.s.rates.VeryLate)
}

// voucher returns the number of the next written voucher (书面凭证).
func (r *run) voucher() string {
	r.n++
	return r.c.ID + "-" + strconv.Itoa(r.n)
}

// day returns the day of the case's last event.
func (r *run) day() date.Date { return deadline.DateOf(r.last) }

// at returns the instant of a step on day d: a moment in office hours
// after the last event. It applies the automatic outcomes due before that
// instant first, and reports errPreempted if there were any, errStop if
// the step falls after the scan day.
func (r *run) at(d date.Date) (time.Time, error) {
	if d > r.s.scan {
		return time.Time{}, errStop
	}
	t := r.s.officeTime(r.rng, d)
	if !t.After(r.last) {
		t = r.last.Add(time.Duration(1+r.rng.IntN(20)) * time.Minute)
	}
	if t.After(r.s.endAt) {
		return time.Time{}, errStop
	}
	fired, err := r.d.Advance(r.s.ctx, r.c, t)
	if err != nil {
		return time.Time{}, fmt.Errorf("simulation: case %s: %w", r.c.ID, err)
	}
	if len(fired) > 0 {
		r.last = fired[len(fired)-1].At
		return time.Time{}, errPreempted
	}
	return t, nil
}

// fire fires trigger on day d by officer o with the payload. The
// payload's "reasons", if any, is the event's reason too: the reason of an
// extension, which the clock's ledger keeps.
func (r *run) fire(d date.Date, o *officer, trigger string, payload map[string]string) error {
	t, err := r.at(d)
	if err != nil {
		return err
	}
	e := eventAt(t, o, trigger, payload)
	e.Reason = payload["reasons"]
	return r.fireEvent(e)
}

// eventAt returns the event of trigger at instant t by officer o.
func eventAt(t time.Time, o *officer, trigger string, payload map[string]string) procedure.Event {
	return procedure.Event{Trigger: procedure.Trigger(trigger), At: t,
		Actor: procedure.Actor{Officer: o.ID, Unit: o.unit.Name}, Payload: payload}
}

// fireEvent fires an event whose instant at has already been chosen.
func (r *run) fireEvent(e procedure.Event) error {
	if err := r.d.Fire(r.s.ctx, r.c, e); err != nil {
		return fmt.Errorf("simulation: case %s: %w", r.c.ID, err)
	}
	r.last = e.At
	return nil
}

// clock returns the status of the case's clock name as of day d.
func (r *run) clock(name string, d date.Date) (deadline.Status, bool) {
	clk, ok := r.c.Clock(name)
	if !ok || clk.Started() > d {
		return deadline.Status{}, false
	}
	st, err := clk.Status(r.s.cal, d)
	return st, err == nil
}

// dayAt returns the day on which the clock, counting from day from with
// elapsed units used, has used want units: the day a handler who needs
// want units finishes. The clock's unit decides how days count.
func (r *run) dayAt(name string, from date.Date, elapsed, want int) date.Date {
	n := max(1, want-elapsed)
	if clk, ok := r.c.Clock(name); ok && clk.Rule().Period.Unit != deadline.WorkingDays {
		return r.s.onOrAfter(from + date.Date(n))
	}
	return r.s.addWD(from, n)
}

// target returns how many counting units of the clock a handler takes:
// within the limit, past it when late, past the statutory limit too when
// very late.
func (r *run) target(limit, statutory int) int {
	switch {
	case r.veryLate:
		return max(statutory, limit) + r.between(1, 12)
	case r.late:
		return limit + r.between(1, max(2, limit/2))
	}
	// Most handlers finish well within the limit.
	x := r.rng.Float64()
	return 1 + int(float64(limit)*x*x*0.999)
}

// since returns the day the case's current step began, as the evaluator
// lays steps out: the day of the event that entered the current state,
// events that left the case in its state without assigning a handler
// (the profile's handler key: "assigned_officer" for complaints, else
// "handler") belonging to the same step. An automatic outcome belongs to
// the day whose end it took effect at.
func (r *run) since() date.Date {
	ev := r.c.Events
	if len(ev) == 0 {
		return r.s.first
	}
	key := "handler"
	if r.cs.Kind == KindComplaint {
		key = "assigned_officer"
	}
	i := len(ev) - 1
	for i > 0 && ev[i-1].To == ev[i].To && ev[i].Payload[key] == "" {
		i--
	}
	if ev[i].Auto {
		return deadline.DateOf(ev[i].At.Add(-time.Nanosecond))
	}
	return deadline.DateOf(ev[i].At)
}

// idle returns the absence of o during which a step that began on day
// from and ends on day d would lie idle for more than two working days,
// counted as the evaluator counts them (AB角): the working days of the
// absence within the step, but for the days the step began and ended.
// The evaluator also counts as handled the days of the events within the
// step by the substitute or the unit's officers (a notice to the
// complainant), so that it finds a case idle for at most these days.
func (r *run) idle(o *officer, from, d date.Date) (accountability.Absence, bool) {
	for _, a := range o.away {
		if a.From > d {
			break
		}
		lo := a.From - 1
		if from >= a.From {
			lo = from
		}
		hi := min(a.To, r.s.scan)
		if d <= hi {
			hi = d - 1
		}
		if hi-lo > idleDays && r.s.wdBetween(lo, hi) > idleDays {
			return a, true
		}
	}
	return accountability.Absence{}, false
}

// work picks who ends the current step, a step of work held by o, on the
// planned day d (AB角): o, unless o is away. A diligent substitute takes
// the step over, on the planned day if o is still away then, else before
// it has lain idle for more than two working days; an idle substitute
// (the case's idler trait) lets it lie until o is back, as it lies when o
// has no substitute.
func (r *run) work(o *officer, d date.Date) (*officer, date.Date) {
	from := r.since()
	if a, ok := r.idle(o, from, d); ok {
		switch {
		case (r.idler || o.sub == nil) && d <= a.To:
			return o, r.s.addWD(a.To, 1)
		case r.idler || o.sub == nil:
			return o, d
		case d <= a.To:
			return o.sub, d
		}
		lo := max(from, a.From-1)
		return o.sub, max(r.day(), min(d, r.s.addWD(lo, idleDays)))
	}
	if o.awayOn(d) && o.sub != nil && !o.sub.awayOn(d) {
		return o.sub, d
	}
	if o.sub == nil {
		// No one holds the post while o is away: the step waits for o.
		for _, a := range o.away {
			if a.From <= d && d <= a.To {
				return o, r.s.addWD(a.To, 1)
			}
		}
	}
	return o, d
}

// wait picks who records the end of a step in which the case waited for
// someone else (the applicant, experts, a third party, a hearing's day):
// o, or o's substitute when o was away long enough for the step to count
// as idle, or is away that day.
func (r *run) wait(o *officer, d date.Date) *officer {
	if o.sub == nil || o.sub.awayOn(d) {
		return o
	}
	if _, ok := r.idle(o, r.since(), d); ok || o.awayOn(d) {
		return o.sub
	}
	return o
}

// register enters refusal i in the refusal register (否定报备), unless the
// officer is sloppy: then the entry is missing, late, or lacks the
// leader's opinion.
func (r *run) register(i int, o *officer, reasons, basis string) {
	day := deadline.DateOf(r.c.Events[i].At)
	e := accountability.RegisterEntry{Event: i, Day: day + date.Date(r.between(0, 2)), Officer: o.ID,
		Reasons: reasons, Basis: basis, LeaderOpinion: "同意。" + o.unit.Head}
	if r.chance(r.s.rates.UnregisteredRefusal) {
		switch x := r.rng.Float64(); {
		case x < 0.5:
			return
		case x < 0.75:
			e.Day = day + date.Date(r.between(5, 9))
		default:
			e.LeaderOpinion = ""
		}
	}
	if e.Day > r.s.scan {
		return
	}
	r.reg = append(r.reg, e)
}

// finish applies the outcomes due by the end of the scan day, concludes
// the case's bookkeeping and stores its record.
func (r *run) finish(unit string, err error) error {
	if err != nil && !errors.Is(err, errStop) {
		return err
	}
	if _, err := r.d.Advance(r.s.ctx, r.c, r.s.endAt); err != nil {
		return fmt.Errorf("simulation: case %s: %w", r.c.ID, err)
	}
	if clk, ok := r.c.Clock(r.cs.Clock); ok && clk.Stopped() && r.c.State != "abandoned" {
		st, err := clk.Status(r.s.cal, clk.LastDay())
		if err != nil {
			return fmt.Errorf("simulation: case %s: %w", r.c.ID, err)
		}
		r.cs.Concluded, r.cs.OnTime = st.StoppedOn, !st.Late()
	}
	if r.cs.Kind == KindApplication || r.cs.Kind == KindRequest {
		r.rate()
	}
	r.s.cases = append(r.s.cases, r.cs)
	r.s.records = append(r.s.records, accountability.Record{Unit: unit, Case: r.c, Register: r.reg})
	return nil
}

// rate lets the party rate a concluded case (好差评): good, mostly, when
// it was on time.
func (r *run) rate() {
	if r.cs.Concluded == 0 || !r.chance(0.6) {
		return
	}
	r.cs.Rated = true
	p := 0.97
	if !r.cs.OnTime {
		p = 0.6
	}
	r.cs.Satisfied = r.chance(p)
}
