package simulation

import (
	"errors"
	"fmt"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/catalogue"
)

// ErrInvalidConfig means a [Config] cannot be run: a negative count,
// a rate outside 0 to 1, a unit or officer named twice, a substitute not
// on the roster, a year the calendar or the catalogue does not cover, a
// ladder accountability.NewLadder refuses.
var ErrInvalidConfig = errors.New("simulation: invalid configuration")

// Config says what to simulate. Counts are taken as given (zero simulates
// none of that kind); [DefaultConfig] holds the sizes of the main job.
// Nil units, rates, catalogue and ladder take the package's defaults.
//
// A Config is plain data. Run does not modify it; Progress, if set, is
// called from the goroutine that called Run.
type Config struct {
	// Seed seeds every random choice. The same Config gives the same
	// Result.
	Seed uint64 `json:"seed"`
	// Year is the calendar year simulated, from 1 January to the scan on
	// 31 December; zero means 2025. The catalogue must be in force that
	// year and its calendar must cover the first months of the next one,
	// where the limits of December's cases fall due: with the default
	// catalogue and deadline.ChinaMainland, that is 2025.
	Year int `json:"year"`
	// Applications are licence applications (行政许可申请), on the
	// catalogue's licensing and joint-licensing items.
	Applications int `json:"applications"`
	// Complaints are efficiency complaints (效能投诉) about the units,
	// registered by the unit running the catalogue's complaint item.
	Complaints int `json:"complaints"`
	// Requests are government-information requests (政府信息公开申请).
	Requests int `json:"requests"`
	// Assistance are requests for assistance between units (行政协助).
	Assistance int `json:"assistance"`
	// Inquiries are questions put to an officer at a window or on the
	// telephone (首问负责).
	Inquiries int `json:"inquiries"`
	// Units are the county's units with their officers; nil takes
	// DefaultUnits. Each unit's Name must be the implementing unit of its
	// catalogue items.
	Units []Unit `json:"units,omitempty"`
	// Rates are the rates of lateness and sloppiness; nil takes
	// DefaultRates.
	Rates *Rates `json:"rates,omitempty"`
	// Catalogue is the county's catalogue of items; nil takes the
	// embedded one (see [Catalogue]).
	Catalogue *catalogue.Catalogue `json:"-"`
	// Ladder is the sanction ladder; nil takes
	// accountability.ZhejiangLadder.
	Ladder *accountability.LadderSpec `json:"-"`
	// Progress, if set, is told how many steps of the run are done, out
	// of a total fixed at the start: one per case and inquiry, and one
	// per phase after them (evaluation, scan, scoring). It is called at
	// most about two hundred times, and last with done == total.
	Progress func(done, total int) `json:"-"`
}

// DefaultConfig returns the main job's configuration for seed: a year of
// 2025 with 5,000 licence applications, 600 efficiency complaints, 400
// information requests, 120 assistance requests and 2,500 inquiries, in
// the default units and at the default rates.
func DefaultConfig(seed uint64) Config {
	return Config{Seed: seed, Year: 2025, Applications: 5000, Complaints: 600, Requests: 400, Assistance: 120, Inquiries: 2500}
}

// Rates are the probabilities, from 0 to 1, of the things that go wrong.
// They are the simulation's assumptions, not statistics.
type Rates struct {
	// Late is the chance that a handler finishes a case after its
	// promised limit (承诺时限), and VeryLate the chance that such a
	// case runs past the statutory limit too.
	Late     float64 `json:"late"`
	VeryLate float64 `json:"very_late"`
	// SlowOfficers is the share of the officers of each post who are
	// slow, at least one per post when it is not zero: slow handlers'
	// cases are late four times as often, and only slow window officers
	// miss intake decisions.
	SlowOfficers float64 `json:"slow_officers"`
	// MissedIntake is the chance that a slow window officer makes no
	// intake decision within five working days of receipt, so that the
	// law deems the application accepted (视为受理, 行政许可法 Art 32
	// ¶1(4)).
	MissedIntake float64 `json:"missed_intake"`
	// SecondNotice is the chance that a 补正 notice for two or more
	// missing materials leaves one out, which a second notice then asks
	// for (一次性告知 breached).
	SecondNotice float64 `json:"second_notice"`
	// UnregisteredRefusal is the chance that a refusal gets no complete
	// register entry in time (否定报备).
	UnregisteredRefusal float64 `json:"unregistered_refusal"`
	// IdleSubstitute is the chance that, while a handler is away, the
	// designated substitute (B角) lets the case lie (AB角).
	IdleSubstitute float64 `json:"idle_substitute"`
	// UnansweredInquiry is the chance that an inquiry is not answered,
	// handled or referred in time (首问负责).
	UnansweredInquiry float64 `json:"unanswered_inquiry"`
	// NoFollowUp is the chance that a concluded complaint is not
	// followed up in time (回访).
	NoFollowUp float64 `json:"no_follow_up"`
	// UnansweredAssistance is the chance that a request for assistance
	// is not answered in time (行政协助).
	UnansweredAssistance float64 `json:"unanswered_assistance"`
}

// DefaultRates returns the rates of the main job: a small minority of
// late or sloppy handling, enough for every rule to fire in a year (but
// for a deemed renewal: no licence comes up for renewal).
func DefaultRates() Rates {
	return Rates{
		Late: 0.03, VeryLate: 0.2, SlowOfficers: 0.1, MissedIntake: 0.03, SecondNotice: 0.1,
		UnregisteredRefusal: 0.08, IdleSubstitute: 0.3, UnansweredInquiry: 0.02, NoFollowUp: 0.05,
		UnansweredAssistance: 0.08,
	}
}

func (r Rates) validate() error {
	var errs []error
	for _, f := range []struct {
		name string
		v    float64
	}{
		{"late", r.Late}, {"very_late", r.VeryLate}, {"slow_officers", r.SlowOfficers},
		{"missed_intake", r.MissedIntake}, {"second_notice", r.SecondNotice},
		{"unregistered_refusal", r.UnregisteredRefusal}, {"idle_substitute", r.IdleSubstitute},
		{"unanswered_inquiry", r.UnansweredInquiry}, {"no_follow_up", r.NoFollowUp},
		{"unanswered_assistance", r.UnansweredAssistance},
	} {
		if !(f.v >= 0 && f.v <= 1) {
			errs = append(errs, fmt.Errorf("%w: rates.%s is %v, not a probability from 0 to 1", ErrInvalidConfig, f.name, f.v))
		}
	}
	return errors.Join(errs...)
}

// Unit is one unit (单位) of the county: its names, the head who approves
// extensions (本行政机关负责人), and its officers.
type Unit struct {
	// Name is the unit's full name, as the catalogue names the items it
	// implements: 示例县市场监督管理局.
	Name string `json:"name"`
	// Short and English are the names tables and charts use.
	Short   string `json:"short"`
	English string `json:"english"`
	// Head approves extensions, e.g. 陈国栋（局长）.
	Head string `json:"head"`
	// Officers are the unit's officers, each on a post with a
	// designated substitute (AB角).
	Officers []Officer `json:"officers"`
}

// Officer is an officer on a post, with the substitute who holds it while
// the officer is away (B角).
type Officer struct {
	// ID is the officer's name, unique in the county; findings and
	// sanctions name officers by it.
	ID string `json:"id"`
	// Post is what the officer does.
	Post Post `json:"post"`
	// Substitute is the ID of the officer's B角 in the same unit, or
	// empty.
	Substitute string `json:"substitute,omitempty"`
}

// Post is an officer's post (岗位). Values are stored: never reordered.
type Post uint8

// Posts. The zero value, PostUnknown, is refused.
const (
	PostUnknown Post = iota
	// PostWindow receives applications, complaints and requests at the
	// window (窗口受理), makes the intake check, and answers most
	// inquiries.
	PostWindow
	// PostReview examines and decides cases (审查承办), investigates
	// complaints and answers requests for assistance.
	PostReview
)

// String returns the post in Chinese.
func (p Post) String() string {
	switch p {
	case PostWindow:
		return "窗口受理"
	case PostReview:
		return "审查承办"
	}
	return "未知岗位"
}

// MarshalText writes the post's code, "window" or "review".
func (p Post) MarshalText() ([]byte, error) {
	switch p {
	case PostWindow:
		return []byte("window"), nil
	case PostReview:
		return []byte("review"), nil
	}
	return nil, fmt.Errorf("%w: unknown post %d", ErrInvalidConfig, uint8(p))
}

// UnmarshalText reads a post written by MarshalText.
func (p *Post) UnmarshalText(b []byte) error {
	switch string(b) {
	case "window":
		*p = PostWindow
	case "review":
		*p = PostReview
	default:
		return fmt.Errorf("%w: unknown post %q", ErrInvalidConfig, b)
	}
	return nil
}

// validateUnits checks the units: names and officers unique, every unit
// with a window and a review post, substitutes on the same unit's roster.
func validateUnits(units []Unit) error {
	var errs []error
	bad := func(format string, a ...any) {
		errs = append(errs, fmt.Errorf("%w: "+format, append([]any{ErrInvalidConfig}, a...)...))
	}
	if len(units) == 0 {
		bad("no units")
	}
	names := map[string]bool{}
	ids := map[string]string{}
	for i, u := range units {
		if u.Name == "" || u.Short == "" {
			bad("units[%d] needs a name and a short name", i)
		}
		if names[u.Name] {
			bad("unit %q listed twice", u.Name)
		}
		names[u.Name] = true
		posts := map[Post]bool{}
		for j, o := range u.Officers {
			if o.ID == "" {
				bad("units[%d].officers[%d] has no id", i, j)
				continue
			}
			if prev, dup := ids[o.ID]; dup {
				bad("officer %q is on the rosters of %s and %s", o.ID, prev, u.Name)
			}
			ids[o.ID] = u.Name
			if o.Post != PostWindow && o.Post != PostReview {
				bad("officer %q has no post", o.ID)
			}
			posts[o.Post] = true
		}
		if !posts[PostWindow] || !posts[PostReview] {
			bad("unit %q needs an officer at the window and one reviewing", u.Name)
		}
	}
	for _, u := range units {
		for _, o := range u.Officers {
			if o.Substitute == "" {
				continue
			}
			if ids[o.Substitute] != u.Name || o.Substitute == o.ID {
				bad("officer %q has substitute %q, who is not another officer of %s", o.ID, o.Substitute, u.Name)
			}
		}
	}
	return errors.Join(errs...)
}
