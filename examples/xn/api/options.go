package api

import (
	"github.com/rickb777/date/v2/clock"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// ProcedureOptions are the members of a request that builds procedure
// definitions and sets how they read the time of day. Absent, each has
// the library's default.
type ProcedureOptions struct {
	OfficeHours *OfficeHours `json:"office_hours,omitempty" doc:"when a due day ends, and whether a filing after closing counts from the next working day; absent: days end at 24:00 and a filing counts the day it arrives"`
	RestTime    *RestTime    `json:"rest_time,omitempty" doc:"when an agency may not enforce (行政强制法 Art 43 ¶1); absent: 22:00 to 06:00 and every rest day"`
}

// OfficeHours is the wire form of deadline.OfficeHours.
type OfficeHours struct {
	Close string `json:"close,omitempty" doc:"HH:MM (or HH:MM:SS) closing time, China Standard Time; empty or 24:00: the day ends at 24:00"`
	Defer bool   `json:"defer,omitempty" doc:"a filing at or after closing time, or on a rest day, counts as received on the next working day"`
}

// RestTime is the wire form of procedure.RestTime.
type RestTime struct {
	NightFrom    string `json:"night_from,omitempty" doc:"HH:MM (or HH:MM:SS), China Standard Time: the night begins; with night_to, or both absent for 22:00"`
	NightTo      string `json:"night_to,omitempty" doc:"HH:MM (or HH:MM:SS): the night ends, the next morning when earlier than night_from; equal bounds: no night; both absent: 06:00"`
	HolidaysOnly bool   `json:"holidays_only,omitempty" doc:"the statutory holidays alone are rest days, not the weekly ones"`
}

// timeOptions are a request's ProcedureOptions resolved, the library's
// defaults in place of absent members: a comparable value, which keys the
// service's cache of reference definitions.
type timeOptions struct {
	hours deadline.OfficeHours
	rest  procedure.RestTime
}

// resolve returns the options o sets, or the error naming the member that
// is wrong.
func (o ProcedureOptions) resolve() (timeOptions, error) {
	t := timeOptions{rest: procedure.DefaultRestTime()}
	if h := o.OfficeHours; h != nil {
		close, err := ParseTimeOfDay("office_hours.close", h.Close, true)
		if err != nil {
			return t, err
		}
		t.hours = deadline.OfficeHours{Close: close, Defer: h.Defer}
	}
	if r := o.RestTime; r != nil {
		t.rest.HolidaysOnly = r.HolidaysOnly
		if r.NightFrom != "" || r.NightTo != "" {
			var err error
			if t.rest.NightFrom, err = ParseTimeOfDay("rest_time.night_from", r.NightFrom, false); err != nil {
				return t, err
			}
			if t.rest.NightTo, err = ParseTimeOfDay("rest_time.night_to", r.NightTo, false); err != nil {
				return t, err
			}
		}
	}
	return t, nil
}

// ParseTimeOfDay parses s, HH:MM or HH:MM:SS, as a time of day in
// [00:00, 24:00), or returns a bad_request error that names member, the
// request member or flag s came from. Where endOfDay allows it, "" and
// "24:00" are the end of the day, 0, as a closing time.
func ParseTimeOfDay(member, s string, endOfDay bool) (clock.Clock, error) {
	if endOfDay && (s == "" || s == "24:00" || s == "24:00:00") {
		return 0, nil
	}
	var part [3]int
	ok := len(s) == 5 || len(s) == 8
	for i := 0; ok && i < len(s); i += 3 {
		hi, lo := s[i], s[i+1]
		ok = '0' <= hi && hi <= '9' && '0' <= lo && lo <= '9' && (i+2 == len(s) || s[i+2] == ':')
		part[i/3] = int(hi-'0')*10 + int(lo-'0')
	}
	if !ok || part[0] > 23 || part[1] > 59 || part[2] > 59 {
		last := "23:59:59"
		if endOfDay {
			last = "24:00"
		}
		return 0, Errorf(CodeBadRequest, "%s: %q is not a time of day (HH:MM or HH:MM:SS, from 00:00 to %s)", member, s, last)
	}
	return clock.New(part[0], part[1], part[2], 0), nil
}
