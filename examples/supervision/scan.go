package supervision

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// Signal is one running clock of an open case, with its light: a line of
// the electronic-supervision board (电子监察预警).
type Signal struct {
	Case       string          `json:"case"`
	Definition string          `json:"definition"`
	Unit       string          `json:"unit"`
	State      procedure.State `json:"state"`
	// Clock is the clock's status as of the scan's day, with its light
	// (procedure.ClockStatus.Light) under the store's policy.
	Clock procedure.ClockStatus `json:"clock"`
}

// Board is the result of an electronic-supervision scan: every running
// clock of every case open at the instant, worst first.
type Board struct {
	// AsOf is the instant of the scan, and Day its day in China
	// Standard Time, as of which the clocks are counted.
	AsOf time.Time `json:"as_of"`
	Day  string    `json:"day"`
	// Cases counts the cases with a running clock.
	Cases int `json:"cases"`
	// Signals are the running clocks: red first, then yellow, then
	// green; within a light by due date (unknown last), case and clock.
	Signals []Signal `json:"signals"`
	// Green, Yellow and Red count the signals by light.
	Green  int `json:"green"`
	Yellow int `json:"yellow"`
	Red    int `json:"red"`
	// Pending counts the automatic outcomes of the law (视为受理 …) that
	// were due by the instant but are not stored: the scan applied them
	// to its copy of the cases, and Store.Advance stores them.
	Pending int `json:"pending"`
}

// Scan is the electronic-supervision scan (电子监察) as of an instant:
// it finds the cases that had a running clock at asOf, rebuilds each from
// its events up to asOf (many cases per query), applies the automatic
// outcomes of the law due by then without storing them, and lists every
// running clock with its light (procedure.Definition.Due). A scan of a
// past instant says what the board showed then.
//
// A case whose log no longer replays fails the scan with ErrCorrupt: a
// board that silently drops cases would mislead.
func (s *Store) Scan(ctx context.Context, asOf time.Time) (Board, error) {
	const op = "Scan"
	if err := s.ready(ctx, op); err != nil {
		return Board{}, err
	}
	if err := checkInstant("instant", asOf); err != nil {
		return Board{}, fail(op, "", ErrInvalidInput, err, "")
	}
	at := asOf.UnixNano()
	day := deadline.DateOf(asOf)
	type scanned struct {
		signals []Signal
		pending int
	}
	// A case had a running clock at asOf if it has one after its last
	// event and was registered by then, or if it changed after asOf.
	got, err := eachCase(ctx, s, op, "c.created_ns <= ? AND (c.running OR c.last_ns > ?)", []any{at, at}, at,
		func(r replayed) (scanned, bool, error) {
			fired, err := r.def.Advance(ctx, r.c, asOf)
			if err != nil {
				return scanned{}, false, &Error{Index: -1, Kind: ErrCorrupt, Err: err, Detail: "the law's outcomes cannot be applied"}
			}
			due, err := r.def.Due(r.c, day)
			if err != nil {
				return scanned{}, false, &Error{Index: -1, Kind: ErrInvalidInput, Err: err, Detail: "the clocks cannot be counted on " + day.String()}
			}
			if len(due) == 0 {
				return scanned{pending: len(fired)}, len(fired) > 0, nil
			}
			out := scanned{pending: len(fired), signals: make([]Signal, len(due))}
			for i, cs := range due {
				if s.policy != nil {
					cs.Light = deadline.LevelGreen
					if cs.Role == procedure.RoleLimit {
						light, err := cs.Status.KnownLevel(*s.policy)
						if err != nil {
							// As the definition's Due refuses to guess.
							return scanned{}, false, &Error{Index: -1, Kind: ErrInvalidInput, Err: err, Detail: "the light of clock " + cs.Name + " cannot be told"}
						}
						cs.Light = light
					}
				}
				out.signals[i] = Signal{Case: r.info.ID, Definition: r.info.Definition, Unit: r.info.Unit, State: r.c.State, Clock: cs}
			}
			return out, true, nil
		})
	if err != nil {
		return Board{}, err
	}
	b := Board{AsOf: asOf, Day: day.String()}
	for _, g := range got {
		b.Pending += g.pending
		if len(g.signals) > 0 {
			b.Cases++
		}
		b.Signals = append(b.Signals, g.signals...)
	}
	for _, sg := range b.Signals {
		switch sg.Clock.Light {
		case deadline.LevelRed:
			b.Red++
		case deadline.LevelYellow:
			b.Yellow++
		default:
			b.Green++
		}
	}
	slices.SortFunc(b.Signals, compareSignals)
	return b, nil
}

func compareSignals(a, b Signal) int {
	if c := cmp.Compare(b.Clock.Light, a.Clock.Light); c != 0 {
		return c
	}
	if a.Clock.HasDue() != b.Clock.HasDue() {
		if a.Clock.HasDue() {
			return -1
		}
		return 1
	}
	return cmp.Or(cmp.Compare(a.Clock.Due, b.Clock.Due), strings.Compare(a.Case, b.Case), strings.Compare(a.Clock.Name, b.Clock.Name))
}
