package api

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/examples/xn/ics"
)

// ShowRequest asks for a year of a calendar (xn calendar show).
type ShowRequest struct {
	Year int `json:"year"`
	// All lists every day of the year, not only the holidays and
	// make-up working days.
	All bool `json:"all,omitempty"`
	CalendarOptions
}

// Day is what a calendar says of one date.
type Day struct {
	Date        string `json:"date"`
	Weekday     string `json:"weekday"`
	Kind        string `json:"kind" doc:"workday, weekend, holiday or makeup_workday (调休上班)"`
	KindZH      string `json:"kind_zh"`
	Name        string `json:"name,omitempty" doc:"the holiday, or the holiday a make-up day pays for"`
	NameEN      string `json:"name_en,omitempty"`
	Notice      string `json:"notice,omitempty"`
	Working     bool   `json:"working"`
	Provisional bool   `json:"provisional,omitempty"`
}

func dayOf(d deadline.Day) Day {
	return Day{Date: d.Date.String(), Weekday: d.Date.Weekday().String(), Kind: d.Kind.String(), KindZH: d.Kind.Chinese(),
		Name: d.Name, NameEN: d.NameEN, Notice: d.Notice, Working: d.Working, Provisional: d.Provisional}
}

// Month counts the working days of one month.
type Month struct {
	Month       int `json:"month"`
	WorkingDays int `json:"working_days"`
	RestDays    int `json:"rest_days"`
}

// ShowResponse is a year of a calendar: its working days per month, and
// its holidays and make-up working days (or every day, when asked).
type ShowResponse struct {
	Calendar    CalendarRef `json:"calendar"`
	Year        int         `json:"year"`
	From        string      `json:"from" doc:"the first day of the year the calendar covers"`
	To          string      `json:"to" doc:"the last day of the year the calendar covers"`
	WorkingDays int         `json:"working_days"`
	RestDays    int         `json:"rest_days"`
	Months      []Month     `json:"months"`
	Days        []Day       `json:"days"`
	Notices     []string    `json:"notices"`
	Citations   []Citation  `json:"citations"`
}

// Show returns a year of the calendar, as much of it as the calendar
// covers.
func (s *Service) Show(req ShowRequest) (ShowResponse, error) {
	s = s.orZero()
	cal, err := s.calendar(req.Calendar, req.ExtendThrough)
	if err != nil {
		return ShowResponse{}, err
	}
	if req.Year < 1 || req.Year > 9999 {
		return ShowResponse{}, Errorf(CodeBadRequest, "year: %d is not a year from 1 to 9999", req.Year)
	}
	first, last := date.New(req.Year, time.January, 1), date.New(req.Year, time.December, 31)
	from, to := cal.Coverage()
	if last < from || first > to {
		return ShowResponse{}, &Error{Code: CodeOutOfCoverage,
			Message: fmt.Sprintf("%d is outside the coverage of the calendar %s, %s to %s", req.Year, cal.ID(), from, to)}
	}
	first, last = max(first, from), min(last, to)
	days, err := cal.Days(first, last)
	if err != nil {
		return ShowResponse{}, AsError(err)
	}
	out := ShowResponse{Calendar: calendarRef(cal), Year: req.Year, From: first.String(), To: last.String(),
		Days: []Day{}, Notices: []string{}, Citations: []Citation{}}
	if cal.ID() == "cn-mainland" {
		out.Citations = Cites([]xiaoneng.Citation{xiaoneng.Cite(xiaoneng.HolidayMeasures, 0)})
	}
	for m := 1; m <= 12; m++ {
		out.Months = append(out.Months, Month{Month: m})
	}
	seen := map[string]bool{}
	for _, d := range days {
		mo := &out.Months[d.Date.Month()-1]
		if d.Working {
			out.WorkingDays++
			mo.WorkingDays++
		} else {
			out.RestDays++
			mo.RestDays++
		}
		if req.All || d.Kind == deadline.KindHoliday || d.Kind == deadline.KindMakeUpWorkday {
			out.Days = append(out.Days, dayOf(d))
		}
		if d.Notice != "" && !seen[d.Notice] {
			seen[d.Notice] = true
			out.Notices = append(out.Notices, d.Notice)
		}
	}
	return out, nil
}

// CalendarSummary says what a valid calendar holds.
type CalendarSummary struct {
	Calendar    CalendarRef `json:"calendar"`
	Weekend     []string    `json:"weekend"`
	Holidays    int         `json:"holidays" doc:"named holidays over all years"`
	HolidayDays int         `json:"holiday_days"`
	MakeUpDays  int         `json:"makeup_days"`
	WorkingDays int         `json:"working_days"`
}

// ValidateResponse is the verdict on a document (xn … validate): valid,
// or every problem with where it is.
type ValidateResponse struct {
	Valid    bool      `json:"valid"`
	Problems []Problem `json:"problems"`
	// Calendar, Benchmark and Catalogue summarise a valid document of
	// their kind.
	Calendar  *CalendarSummary  `json:"calendar,omitempty"`
	Benchmark *BenchmarkSummary `json:"benchmark,omitempty"`
	Catalogue *CatalogueSummary `json:"catalogue,omitempty"`
}

// invalid is the verdict on a document with problems.
func invalid(err error) ValidateResponse {
	return ValidateResponse{Problems: problemsOf(err)}
}

// ValidateCalendar checks a calendar file, JSON or iCalendar (name ends
// in .ics, or the data starts with BEGIN:VCALENDAR), and reports every
// problem. A file that is not a valid calendar is a verdict, not an
// error: the error is for a file that cannot be read at all.
func (s *Service) ValidateCalendar(name string, data []byte) (ValidateResponse, error) {
	if len(data) > MaxDocumentBytes {
		return ValidateResponse{}, Errorf(CodeRequestTooLarge, "%s has %d bytes, more than the %d allowed", name, len(data), MaxDocumentBytes)
	}
	var (
		cal *deadline.Calendar
		err error
	)
	if IsICS(name, data) {
		cal, err = ics.Import(data)
	} else {
		cal, err = deadline.ParseCalendar(data)
	}
	if err != nil {
		return invalid(err), nil
	}
	sum := &CalendarSummary{Calendar: calendarRef(cal), Weekend: []string{}}
	for _, wd := range cal.Weekend() {
		sum.Weekend = append(sum.Weekend, wd.String())
	}
	spec := cal.Spec()
	for _, a := range spec.Arrangements {
		sum.Holidays += len(a.Holidays)
		for _, h := range a.Holidays {
			sum.HolidayDays += len(h.Off)
			sum.MakeUpDays += len(h.Work)
		}
	}
	from, to := cal.Coverage()
	if n, err := cal.WorkingDaysBetween(from, to); err == nil {
		sum.WorkingDays = n
		if ok, _ := cal.IsWorkingDay(from); ok {
			sum.WorkingDays++
		}
	}
	return ValidateResponse{Valid: true, Problems: []Problem{}, Calendar: sum}, nil
}

// ExportRequest asks for a calendar in a format (xn calendar export).
type ExportRequest struct {
	Format string `json:"format" doc:"json (the format of deadline.ParseCalendar) or ics (iCalendar)"`
	CalendarOptions
}

// Export returns the calendar as a document: its bytes and their media
// type, application/json or text/calendar.
func (s *Service) Export(req ExportRequest) ([]byte, string, error) {
	s = s.orZero()
	if req.ExtendThrough != "" {
		return nil, "", Errorf(CodeBadRequest, "extend_through: an extension is an option, not data, and is not exported")
	}
	cal, err := s.calendar(req.Calendar, "")
	if err != nil {
		return nil, "", err
	}
	switch req.Format {
	case "json", "":
		b, err := json.MarshalIndent(cal, "", "  ")
		if err != nil {
			return nil, "", AsError(err)
		}
		return append(b, '\n'), "application/json", nil
	case "ics":
		b, err := ics.Export(cal, ics.Options{})
		if err != nil {
			return nil, "", AsError(err)
		}
		return b, "text/calendar; charset=utf-8", nil
	}
	return nil, "", Errorf(CodeBadRequest, "format: %q is neither json nor ics", req.Format)
}
